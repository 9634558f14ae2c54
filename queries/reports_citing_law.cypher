// name: reports_citing_law
// description: (at most `limit` rows, earliest first) The reports that cite a document, with year, issuing agency and the citing sentence.
// param law: "中华人民共和国行政处罚法"
// param limit: 1000
MATCH (r:Report)-[e:CITES]->(l:Law {name: $law})
WITH r, e ORDER BY r.year, r.id LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN r.id AS report_id, r.title AS title, r.agency AS agency, r.region AS region, r.year AS year,
       right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence
ORDER BY year, report_id
