// name: law_citations
// description: (at most `limit` rows, earliest first) The filtered reports citing a document: issuing agency, level, year, the sentence and offsets. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// open: law_citations_all
// param year_from: 0
// param year_to: 0
// param region: ""
// param level: ""
// param doc_type: ""
// param law: "中华人民共和国行政处罚法"
// param limit: 1000
MATCH (r:Report)-[e:CITES]->(l:Law {name: $law})
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
WITH r, e, a ORDER BY r.year, r.id LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN r.id AS report_id, r.title AS title, a.name AS agency, a.level AS level, r.region AS region,
       r.year AS year, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, report_id
