// name: report_facts
// description: Every fact stated in one report: relation, endpoints, sentence and offsets, in text order. LadybugDB: anchored on the report's own neighbourhood (an entity-to-entity fact starts at the report's issuer or an agency it mentions — a clause's subject implements too —, or at an entity the report cites or mentions, or at a parent region of one), since edges carry report_id only as a property.
// param report_id: ""
// sort: start_offset, type, source, target
// dialect: ladybug
MATCH (s:Report {id: $report_id})-[e]->(t)
RETURN label(e) AS type, 'Report' AS source_label, s.id AS source, label(t) AS target_label,
       coalesce(t.name, t.id) AS target, right(left(s.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (src:Report {id: $report_id})-[:ISSUED|MENTIONS]-(s:Agency)-[e]->(t)
WHERE e.report_id = $report_id AND label(e) <> 'LOCATED_IN'
// one pattern from the report, whose text is the evidence's (every edge here has its report_id): a WITH
// between the hops, or a lookup of the report by e.report_id, made LadybugDB join every agency's edges;
// DISTINCT: an agency may both issue and be mentioned
WITH DISTINCT src, s, e, t
RETURN label(e) AS type, 'Agency' AS source_label, s.name AS source, label(t) AS target_label,
       coalesce(t.name, t.id) AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (src:Report {id: $report_id})-[:MENTIONS]->(s:Agency)-[e:LOCATED_IN]->(t)
WHERE e.report_id = $report_id
RETURN label(e) AS type, 'Agency' AS source_label, s.name AS source, label(t) AS target_label,
       t.name AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (src:Report {id: $report_id})-[:CITES]->(s:Law)-[e]->(t)
WHERE e.report_id = $report_id
RETURN label(e) AS type, 'Law' AS source_label, s.name AS source, label(t) AS target_label,
       t.name AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (src:Report {id: $report_id})-[:MENTIONS]->(s:Measure)-[e]->(t)
WHERE e.report_id = $report_id
RETURN label(e) AS type, 'Measure' AS source_label, s.name AS source, label(t) AS target_label,
       t.name AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
UNION ALL
MATCH (src:Report {id: $report_id})-[:MENTIONS]->(:Region)-[:PART_OF*0..3]->(s:Region)-[e]->(t)
WHERE e.report_id = $report_id
WITH DISTINCT src, s, e, t
RETURN label(e) AS type, 'Region' AS source_label, s.name AS source, label(t) AS target_label,
       t.name AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence, e.start_offset AS start_offset,
       e.end_offset AS end_offset, e.year AS year
// dialect: neo4j
MATCH (s)-[e]->(t)
WHERE e.report_id = $report_id
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN type(e) AS type, labels(s)[0] AS source_label, coalesce(s.name, s.id) AS source,
       labels(t)[0] AS target_label, coalesce(t.name, t.id) AS target, right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS sentence,
       e.start_offset AS start_offset, e.end_offset AS end_offset, e.year AS year
ORDER BY start_offset, type, source, target
