// name: agency_measures
// description: The measures an agency implements in the filtered reports, by year, with an example sentence (the example is the evidence of the earliest report (one report text read per row)). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: agency_measures_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param agency: "韶关市市场监督管理局"
MATCH (a:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure)
// WITH first: LadybugDB then looks each edge's report up by key instead of hash-joining every report
WITH a, e, m
MATCH (r:Report {id: e.report_id})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
// the example edge is found again from the keys, not (a)-[e]->(m) of the aggregation (a scan of every IMPLEMENTS edge in LadybugDB)
WITH m.name AS name, e.year AS year, count(DISTINCT r) AS reports, min(e.report_id) AS first
MATCH (:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure {name: name}) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN year, m.name AS measure, m.kind AS kind, reports,
       right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS example
ORDER BY year, measure
