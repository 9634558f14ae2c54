// name: agencies_citing_law
// description: The agencies whose reports cite a document, by year.
// param law: "中华人民共和国行政处罚法"
MATCH (a:Agency)-[:ISSUED]->(r:Report)-[:CITES]->(l:Law {name: $law})
RETURN a.name AS agency, a.level AS level, r.year AS year, count(DISTINCT r) AS reports
ORDER BY year, agency
