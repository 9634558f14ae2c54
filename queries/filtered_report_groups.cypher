// name: filtered_report_groups
// description: Reports passing the global filters, counted per region, issuer level and doc_type (the overview's charts and the sidebar's region list). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: filtered_report_groups_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
OPTIONAL MATCH (i:Agency)-[:ISSUED]->(r)
WITH r, min(i.level) AS level
RETURN r.region AS region, level, r.doc_type AS doc_type, count(*) AS reports
ORDER BY reports DESC, region, level, doc_type
