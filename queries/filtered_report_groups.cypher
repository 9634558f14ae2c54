// name: filtered_report_groups
// description: Reports passing the global filters, counted per region, issuer level and doc_type (the overview's charts and the sidebar's region list), from the ReportFacts rows (graph/report_facts.py: a report's filter fields, its lowest issuer level and all its issuers' levels). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: filtered_report_groups_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// dialect: ladybug
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (f:ReportFacts)
WHERE ($year_from = 0 OR f.year >= $year_from) AND ($year_to = 0 OR f.year <= $year_to)
  AND ($doc_type = '' OR f.doc_type = $doc_type)
  AND ($region = '' OR f.region CONTAINS $region OR CASE WHEN size(within) = 0 THEN false ELSE any(s IN within WHERE f.region ENDS WITH s) END)
  // CASE: LadybugDB evaluates the any() over every report even when `within` is empty (36 ms at 50,000 reports)
  AND ($level = '' OR list_contains(f.levels, $level))
RETURN f.region AS region, f.level AS level, f.doc_type AS doc_type, count(*) AS reports
ORDER BY reports DESC, region, level, doc_type
// dialect: neo4j
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (f:ReportFacts)
WHERE ($year_from = 0 OR f.year >= $year_from) AND ($year_to = 0 OR f.year <= $year_to)
  AND ($doc_type = '' OR f.doc_type = $doc_type)
  AND ($region = '' OR f.region CONTAINS $region OR any(s IN within WHERE f.region ENDS WITH s))
  AND ($level = '' OR $level IN f.levels)
RETURN f.region AS region, f.level AS level, f.doc_type AS doc_type, count(*) AS reports
ORDER BY reports DESC, region, level, doc_type
