// name: law_citations_all
// description: law_citations with every filter open (the query library picks it): the first `limit` citing reports in (year, id) order, and only then their issuers and the sentence from the report's own text (a CITES edge's report is its source), not a filter test and an issuer lookup for each of a hub document's 10^4 citing reports.
// param law: "中华人民共和国行政处罚法"
// param limit: 1000
MATCH (r:Report)-[e:CITES]->(l:Law {name: $law})
WITH r, e ORDER BY r.year, r.id LIMIT $limit
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
// a report with two issuers gives two rows, as in law_citations: cut to `limit` again
WITH r, e, a ORDER BY r.year, r.id LIMIT $limit
RETURN r.id AS report_id, r.title AS title, a.name AS agency, a.level AS level, r.region AS region,
       r.year AS year, right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, report_id
