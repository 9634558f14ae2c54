// name: neighbours
// description: A node's edges in both directions with the node at the other end and the evidence, at most `limit` edges per direction and label of the node (a name may be an agency's and a region's). One branch per label, anchored on the label's key (not a scan of every edge for the name: 14 s for a document at 50,000 reports), each cut to `limit` before its evidence is read.
// param key: "韶关市市场监督管理局"
// param limit: 200
// dialect: ladybug
MATCH (:Report {id: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Agency {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Law {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Measure {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Region {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Report {id: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Agency {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Law {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Measure {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Region {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, label(e) AS type, label(m) AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
// dialect: neo4j
MATCH (:Report {id: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Agency {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Law {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Measure {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Region {name: $key})-[e]->(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'out' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Report {id: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Agency {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Law {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Measure {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (:Region {name: $key})<-[e]-(m)
WITH e, m LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN 'in' AS direction, type(e) AS type, labels(m)[0] AS label, coalesce(m.name, m.id) AS other,
       m.title AS title, e.report_id AS report_id, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
