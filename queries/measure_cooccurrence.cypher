// name: measure_cooccurrence
// description: Measures mentioned in the same filtered reports as a measure. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: measure_cooccurrence_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param measure: "双随机、一公开"
// param limit: 20
MATCH (r:Report)-[:MENTIONS]->(m:Measure {name: $measure})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
MATCH (r)-[:MENTIONS]->(o:Measure)
WHERE o.name <> $measure
// one MENTIONS edge per (report, measure): count(*) counts reports, without DISTINCT's hash set (3x faster)
RETURN o.name AS measure, o.kind AS kind, count(*) AS reports
ORDER BY reports DESC, measure
LIMIT $limit
