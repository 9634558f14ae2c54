// name: measure_evidence
// description: Agencies implementing a measure in the filtered reports, with the evidence sentence and offsets, earliest first, at most `limit` rows. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: measure_evidence_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param measure: "双随机、一公开"
// param limit: 1000
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
// WITH first: LadybugDB then looks each edge's report up by key instead of hash-joining every report
WITH a, e, m
MATCH (r:Report {id: e.report_id})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
WITH a, e, r ORDER BY e.year, a.name, r.id LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN a.name AS agency, a.level AS level, coalesce(a.region, r.region) AS region, e.year AS year,
       r.id AS report_id, r.title AS report_title, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence,
       e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, agency, report_id
