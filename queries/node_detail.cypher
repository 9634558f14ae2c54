// name: node_detail
// description: A node's label and properties, by name (or id for a Report).
// param key: "韶关市"
// dialect: ladybug
MATCH (n:Report:Agency:Law:Measure:Region)
WHERE coalesce(n.name, n.id) = $key
RETURN label(n) AS label, n AS node
LIMIT 1
// dialect: neo4j
MATCH (n)
WHERE coalesce(n.name, n.id) = $key
RETURN labels(n)[0] AS label, n AS node
LIMIT 1
