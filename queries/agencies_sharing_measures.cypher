// name: agencies_sharing_measures
// description: Agencies that implement the same measures as an agency, by number of shared measures.
// param agency: "韶关市市场监督管理局"
// param limit: 20
MATCH (a:Agency {name: $agency})-[:IMPLEMENTS]->(m:Measure)<-[:IMPLEMENTS]-(b:Agency)
WHERE b.name <> a.name
RETURN b.name AS agency, b.region AS region, count(DISTINCT m) AS shared_measures
ORDER BY shared_measures DESC, agency
LIMIT $limit
