// name: law_cocitation
// description: Documents cited together with a document in the same reports ("" for the global top pairs, read from the co-citation table ingest keeps current, exact for limit <= 1000; a named document is counted from its citing reports).
// param law: ""
// param limit: 25
// sort: reports DESC, law_a, law_b
// dialect: ladybug
MATCH (p:LawPair)
WHERE p.top AND $law = ''
WITH p.key AS key
MATCH (q:LawPair {key: key})
RETURN q.law_a AS law_a, q.law_b AS law_b, q.reports AS reports
ORDER BY reports DESC, law_a, law_b
LIMIT $limit
UNION ALL
MATCH (l:Law {name: $law})<-[:CITES]-(r:Report)-[:CITES]->(o:Law)
WHERE o.name <> l.name
WITH CASE WHEN l.name < o.name THEN l.name ELSE o.name END AS law_a,
     CASE WHEN l.name < o.name THEN o.name ELSE l.name END AS law_b, count(DISTINCT r) AS reports
RETURN law_a, law_b, reports
ORDER BY reports DESC, law_a, law_b
LIMIT $limit
// dialect: neo4j
MATCH (p:LawPair)
WHERE p.top AND $law = ''
RETURN p.law_a AS law_a, p.law_b AS law_b, p.reports AS reports
ORDER BY reports DESC, law_a, law_b
LIMIT $limit
UNION ALL
MATCH (l:Law {name: $law})<-[:CITES]-(r:Report)-[:CITES]->(o:Law)
WHERE o.name <> l.name
WITH CASE WHEN l.name < o.name THEN l.name ELSE o.name END AS law_a,
     CASE WHEN l.name < o.name THEN o.name ELSE l.name END AS law_b, count(DISTINCT r) AS reports
RETURN law_a, law_b, reports
ORDER BY reports DESC, law_a, law_b
LIMIT $limit
