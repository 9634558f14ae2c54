// name: filtered_laws
// description: Documents by the number of filtered reports citing them; category '' = all. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param category: ""
// param limit: 20
MATCH (r:Report)-[:CITES]->(l:Law)
WHERE ($category = '' OR l.category = $category) AND ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
RETURN l.name AS law, l.category AS category, l.issuer AS issuer, count(DISTINCT r) AS reports,
       count(DISTINCT a) AS agencies, min(r.year) AS first_year, max(r.year) AS last_year
ORDER BY reports DESC, law
LIMIT $limit
