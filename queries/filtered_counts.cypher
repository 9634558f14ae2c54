// name: filtered_counts
// description: How many reports pass the global filters, how many agencies issued them, how many have no recognised issuer (unknown_issuer), which years they cover and how many documents they cite (the overview's numbers; counted in the store, so no row cap applies). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: report_counts
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
OPTIONAL MATCH (r)-[:CITES]->(l:Law)
RETURN count(DISTINCT r) AS reports, count(DISTINCT r.agency) AS issuers,
       count(DISTINCT CASE WHEN r.agency IS NULL THEN r.id END) AS unknown_issuer, min(r.year) AS first_year,
       max(r.year) AS last_year, count(DISTINCT l) AS laws
