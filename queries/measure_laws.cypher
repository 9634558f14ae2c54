// name: measure_laws
// description: The documents a measure is BASED_ON in the filtered reports, with an example sentence (the example is the evidence of the earliest report (one report text read per row)). At most `limit` documents, the most cited first: only their examples are read. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: measure_laws_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param measure: "双随机、一公开"
// param limit: 1000
MATCH (m:Measure {name: $measure})-[e:BASED_ON]->(l:Law)
// WITH first: LadybugDB then looks each edge's report up by key instead of hash-joining every report
WITH m, e, l
MATCH (r:Report {id: e.report_id})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
// one BASED_ON edge per (measure, document, report): count(*) counts reports
WITH l.name AS name, count(*) AS reports, min(e.report_id) AS first
ORDER BY reports DESC, name LIMIT $limit
// the example edge is found again from the keys, not (m)-[e]->(l) of the aggregation (a scan of every BASED_ON edge in LadybugDB)
MATCH (:Measure {name: $measure})-[e:BASED_ON]->(l:Law {name: name}) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN l.name AS law, l.category AS category, reports, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS example
ORDER BY reports DESC, law
