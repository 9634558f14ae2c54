// name: report_facts
// description: Every fact stated in one report: relation, endpoints, sentence and offsets, in text order.
// param report_id: ""
// dialect: ladybug
MATCH (s)-[e]->(t)
WHERE e.report_id = $report_id
RETURN label(e) AS type, label(s) AS source_label, coalesce(s.name, s.id) AS source,
       label(t) AS target_label, coalesce(t.name, t.id) AS target, e.sentence AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
ORDER BY start_offset, type, source, target
// dialect: neo4j
MATCH (s)-[e]->(t)
WHERE e.report_id = $report_id
RETURN type(e) AS type, labels(s)[0] AS source_label, coalesce(s.name, s.id) AS source,
       labels(t)[0] AS target_label, coalesce(t.name, t.id) AS target, e.sentence AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
ORDER BY start_offset, type, source, target
