// name: region_measure_evidence
// description: Every measure implemented in the reports of a region (with its sub-regions), one row per agency and report, with the report's title and the evidence sentence and offsets (the region 对比 view), a page of `limit` rows from `skip` (queries/compare.py reads every page). Read from the region's reports to the edges of the agencies they mention (the sub-regions looked up once), never a scan of every IMPLEMENTS edge. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: "河源市"
// param level: ""
// param doc_type: ""
// param skip: 0
// param limit: 500
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
WITH r
// one pattern from the report to its agencies' edges: split at a WITH, LadybugDB scanned every IMPLEMENTS
// edge from the measures' side and hash-joined the agencies (165,000 edges at 5,000 reports);
// DISTINCT: an agency may both issue and be mentioned
MATCH (r)-[:ISSUED|MENTIONS]-(a:Agency)-[e:IMPLEMENTS]->(m:Measure)
WHERE e.report_id = r.id
WITH DISTINCT r, a, e, m
WITH e, m, a, r ORDER BY e.year, m.name, a.name, r.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN e.year AS year, m.name AS measure, m.kind AS kind, a.name AS agency, r.id AS report_id,
       r.title AS report_title, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, measure, agency, report_id
