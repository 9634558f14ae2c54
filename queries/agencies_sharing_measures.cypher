// name: agencies_sharing_measures
// description: Agencies that implement the same measures as an agency, by number of shared measures.
// param agency: "韶关市市场监督管理局"
// param limit: 20
// counted by name and the region read for the page only: projecting b.region for every implementing edge
// walked back (80,000 at 50,000 reports for the example) was a quarter of the time
MATCH (a:Agency {name: $agency})-[:IMPLEMENTS]->(m:Measure)<-[:IMPLEMENTS]-(b:Agency)
WHERE b.name <> $agency
WITH b.name AS agency, count(DISTINCT m.name) AS shared_measures
ORDER BY shared_measures DESC, agency LIMIT $limit
OPTIONAL MATCH (b:Agency {name: agency})
RETURN agency, b.region AS region, shared_measures
ORDER BY shared_measures DESC, agency
