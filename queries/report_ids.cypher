// name: report_ids
// description: Report ids in id order, one page of at most `limit` after the id `after` (keyset paging: '' starts; library.every_row reads every page). The search index compares them with the reports it holds; 50,000 ids in one result took 120 ms, a page of 2,000 is read as a top-k (the rows cost more than the scan: ~10 µs each in Python).
// param after: ""
// param limit: 2000
MATCH (r:Report)
WHERE r.id > $after
RETURN r.id AS report_id
ORDER BY report_id
LIMIT $limit
