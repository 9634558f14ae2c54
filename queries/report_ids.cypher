// name: report_ids
// description: The id of every report (the search index compares them with the reports it holds).
MATCH (r:Report)
RETURN r.id AS report_id
ORDER BY report_id
