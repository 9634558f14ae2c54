// name: neighbours
// description: Every edge at a node (name, or id for a Report), both directions, with its evidence.
// param key: "韶关市市场监督管理局"
// param limit: 200
// dialect: ladybug
MATCH (n)-[e]->(m)
WHERE coalesce(n.name, n.id) = $key
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
LIMIT $limit
UNION ALL
MATCH (n)<-[e]-(m)
WHERE coalesce(n.name, n.id) = $key
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
LIMIT $limit
// dialect: neo4j
MATCH (n)-[e]->(m)
WHERE coalesce(n.name, n.id) = $key
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
LIMIT $limit
UNION ALL
MATCH (n)<-[e]-(m)
WHERE coalesce(n.name, n.id) = $key
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
LIMIT $limit
