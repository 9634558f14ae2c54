// name: report_texts
// description: Every report's id, title and original text (the app's sentence search index is built from these).
MATCH (r:Report)
RETURN r.id AS report_id, r.title AS title, r.text AS text
ORDER BY report_id
