// name: search_names
// description: Entities of any label whose name contains the text, shortest names first.
// param text: "司法"
// param limit: 50
// dialect: ladybug
MATCH (n:Agency:Law:Measure:Region)
WHERE n.name CONTAINS $text
RETURN label(n) AS label, n.name AS name
ORDER BY size(name), name
LIMIT $limit
// dialect: neo4j
MATCH (n)
WHERE NOT n:Report AND n.name CONTAINS $text
RETURN labels(n)[0] AS label, n.name AS name
ORDER BY size(name), name
LIMIT $limit
