// name: most_cited_laws
// description: The documents cited by the most reports; category "" means every category.
// param category: ""
// param limit: 20
MATCH (r:Report)-[:CITES]->(l:Law)
WHERE $category = '' OR l.category = $category
RETURN l.name AS law, l.category AS category, count(DISTINCT r) AS reports
ORDER BY reports DESC, law
LIMIT $limit
