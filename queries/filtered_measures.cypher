// name: filtered_measures
// description: Measures by the number of agencies implementing them in the filtered reports. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param limit: 20
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure)
MATCH (r:Report {id: e.report_id})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
RETURN m.name AS measure, m.kind AS kind, count(DISTINCT a) AS agencies, count(DISTINCT r) AS reports,
       min(e.year) AS first_year, max(e.year) AS last_year
ORDER BY agencies DESC, reports DESC, measure
LIMIT $limit
