// name: law_cocitation
// description: Documents cited together with a document in the same reports ("" for the global top pairs).
// param law: ""
// param limit: 25
MATCH (l1:Law)<-[:CITES]-(r:Report)-[:CITES]->(l2:Law)
WHERE l1.name < l2.name AND ($law = '' OR l1.name = $law OR l2.name = $law)
RETURN l1.name AS law_a, l2.name AS law_b, count(DISTINCT r) AS reports
ORDER BY reports DESC, law_a, law_b
LIMIT $limit
