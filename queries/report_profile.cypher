// name: report_profile
// description: One report's metadata and how many laws, agencies, measures and regions it names.
// param report_id: ""
MATCH (r:Report)
WHERE r.id = $report_id OR ($report_id = '' AND r.id IS NOT NULL)
WITH r ORDER BY r.id LIMIT 1
OPTIONAL MATCH (r)-[:CITES]->(l:Law)
WITH r, count(DISTINCT l) AS laws
OPTIONAL MATCH (r)-[:MENTIONS]->(a:Agency)
WITH r, laws, count(DISTINCT a) AS agencies
OPTIONAL MATCH (r)-[:MENTIONS]->(m:Measure)
WITH r, laws, agencies, count(DISTINCT m) AS measures
OPTIONAL MATCH (r)-[:MENTIONS]->(g:Region)
RETURN r.id AS report_id, r.title AS title, r.agency AS agency, r.region AS region, r.year AS year,
       r.doc_type AS doc_type, r.doc_number AS doc_number, r.date AS date,
       laws, agencies, measures, count(DISTINCT g) AS regions
ORDER BY report_id
