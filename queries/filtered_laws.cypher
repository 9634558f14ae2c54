// name: filtered_laws
// description: Documents by the number of filtered reports citing them; category '' = all (tested after counting: a test of the document before it made LadybugDB scan every document, 4x slower). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all. Read from the filtered reports (their own properties and issuer; the sub-regions of `region` looked up once) to their edges, never a scan of every edge.
// open: law_stats
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param category: ""
// param limit: 20
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
WITH r
MATCH (r)-[:CITES]->(l:Law)
WITH l, r
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
WITH l, count(DISTINCT r) AS reports, count(DISTINCT a) AS agencies, min(r.year) AS first_year, max(r.year) AS last_year
WHERE $category = '' OR l.category = $category
RETURN l.name AS law, l.category AS category, l.issuer AS issuer, reports, agencies, first_year, last_year
ORDER BY reports DESC, law
LIMIT $limit
