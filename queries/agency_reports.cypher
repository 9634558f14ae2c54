// name: agency_reports
// description: (at most `limit` rows, earliest first) The filtered reports that mention an agency, whether it issued them, and where it is named. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param agency: "韶关市市场监督管理局"
// param limit: 1000
MATCH (r:Report)-[e:MENTIONS]->(a:Agency {name: $agency})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
// whether the agency issued the report, asked only of the `limit` rows kept (a hub agency is named in
// 10^4 reports at 50,000: 504 -> 325 ms for 公安机关, same rows)
WITH a, r, e ORDER BY r.year, r.id LIMIT $limit
OPTIONAL MATCH (a)-[i:ISSUED]->(r)
WITH r, e, count(i) > 0 AS issued
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN r.id AS report_id, r.title AS title, r.year AS year, r.region AS region, issued,
       right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, report_id
