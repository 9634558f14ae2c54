// name: agency_measure_evidence
// description: Every measure an agency implements in the filtered reports, one row per report, with the report's title and the evidence sentence and offsets (what 问答 and 对比 show and export). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
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
RETURN e.year AS year, m.name AS measure, m.kind AS kind, a.name AS agency, r.id AS report_id,
       r.title AS report_title, right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, measure, report_id
