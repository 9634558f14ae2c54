// name: filtered_adoption
// description: Policy diffusion: agencies adopting a measure ('' = every measure) per region and year. A named measure is read from its own IMPLEMENTS edges (a key lookup), every measure from the agencies the filtered reports mention. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all. Read from the filtered reports (their own properties and issuer; the sub-regions of `region` looked up once) to their edges, never a scan of every edge.
// open: adoption_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param measure: "双随机、一公开"
// sort: measure, region, year
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
// WITH first: LadybugDB then looks each edge's report up by key instead of hash-joining every report
WITH within, a, e, m
MATCH (r:Report {id: e.report_id})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR any(s IN within WHERE r.region ENDS WITH s))
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
RETURN m.name AS measure, coalesce(a.region, r.region) AS region, e.year AS year, count(DISTINCT a) AS agencies
UNION ALL
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within WHERE $measure = ''
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
RETURN m.name AS measure, coalesce(a.region, r.region) AS region, e.year AS year, count(DISTINCT a) AS agencies
