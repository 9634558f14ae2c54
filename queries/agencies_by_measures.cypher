// name: agencies_by_measures
// description: Agencies by the number of distinct measures they implement in the filtered reports (rankings asked in 问答). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: agency_measure_counts
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
RETURN a.name AS agency, a.level AS level, a.region AS region, count(DISTINCT m) AS measures,
       count(DISTINCT r) AS reports
ORDER BY measures DESC, reports DESC, agency
LIMIT $limit
