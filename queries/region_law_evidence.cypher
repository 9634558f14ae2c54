// name: region_law_evidence
// description: Every document cited by the reports of a region (with its sub-regions), one row per report and issuer, with the issuing agency, the report's title and the citing sentence and offsets, a page of `limit` rows from `skip` (queries/compare.py reads every page). Read from the region's reports to their CITES edges (the sub-regions looked up once). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
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
MATCH (r)-[e:CITES]->(l:Law)
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
WITH e, l, a, r ORDER BY r.year, l.name, r.id, a.name SKIP $skip LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN r.year AS year, l.name AS law, l.category AS category, a.name AS agency, r.id AS report_id,
       r.title AS report_title, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, law, report_id, agency
