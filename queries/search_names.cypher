// name: search_names
// description: Entities whose name contains the text, shortest names first; `label` ('' = any of Agency, Law, Measure, Region) narrows them to one label (the 法规 page's search for a document beyond its list of the most cited).
// param text: "司法"
// param label: ""
// param limit: 50
// dialect: ladybug
MATCH (n:Agency:Law:Measure:Region)
WHERE ($label = '' OR label(n) = $label) AND n.name CONTAINS $text
RETURN label(n) AS label, n.name AS name
ORDER BY size(name), name
LIMIT $limit
// dialect: neo4j
MATCH (n)
WHERE NOT n:Report AND ($label = '' OR $label IN labels(n)) AND n.name CONTAINS $text
RETURN labels(n)[0] AS label, n.name AS name
ORDER BY size(name), name
LIMIT $limit
