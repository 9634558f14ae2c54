// name: report_text
// description: One report's stored original text and metadata (evidence offsets point into text).
// param report_id: ""
MATCH (r:Report {id: $report_id})
RETURN r.id AS report_id, r.title AS title, r.agency AS agency, r.region AS region, r.year AS year,
       r.doc_type AS doc_type, r.doc_number AS doc_number, r.date AS date, r.source AS source, r.text AS text
