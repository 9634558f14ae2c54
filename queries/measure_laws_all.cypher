// name: measure_laws_all
// description: measure_laws with every filter open (the query library picks it): the documents a measure is based on, counted from its BASED_ON edges alone (one edge per measure, document and report; every edge's report exists and passes an open filter), without a report lookup per edge; at most `limit` documents, so only their examples are read.
// param measure: "双随机、一公开"
// param limit: 1000
MATCH (m:Measure {name: $measure})-[e:BASED_ON]->(l:Law)
WITH l.name AS name, count(*) AS reports, min(e.report_id) AS first
ORDER BY reports DESC, name LIMIT $limit
// the example edge is found again from the keys, not (m)-[e]->(l) of the aggregation (a scan of every BASED_ON edge in LadybugDB)
MATCH (:Measure {name: $measure})-[e:BASED_ON]->(l:Law {name: name}) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN l.name AS law, l.category AS category, reports, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS example
ORDER BY reports DESC, law
