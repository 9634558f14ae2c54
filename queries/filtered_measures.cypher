// name: filtered_measures
// description: Measures by the number of agencies implementing them in the filtered reports (IMPLEMENTS edges of a report start at an agency it mentions: its issuer and any body it says implements a measure). Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all. Read from the filtered reports (their own properties and issuer; the sub-regions of `region` looked up once) to their edges, never a scan of every edge.
// open: measure_stats
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param limit: 20
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (r:Report)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
WITH r
MATCH (r)-[:ISSUED|MENTIONS]-(a:Agency)
WITH DISTINCT r, a
MATCH (a)-[e:IMPLEMENTS]->(m:Measure)
WHERE e.report_id = r.id
RETURN m.name AS measure, m.kind AS kind, count(DISTINCT a) AS agencies, count(DISTINCT r) AS reports,
       min(e.year) AS first_year, max(e.year) AS last_year
ORDER BY agencies DESC, reports DESC, measure
LIMIT $limit
