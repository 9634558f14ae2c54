// name: report_texts_by_id
// description: Id, title and original text of the listed reports (the search index reads the reports it lacks, a page at a time).
// param ids: ["a542a0d2292aa096"]
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN r.id AS report_id, r.title AS title, r.text AS text
ORDER BY report_id
