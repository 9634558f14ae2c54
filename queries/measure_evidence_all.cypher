// name: measure_evidence_all
// description: measure_evidence with every filter open (the query library picks it): the first `limit` implementing edges in order (r.id is e.report_id), and only then their reports by key for the title and the evidence sentence — not a report lookup for each of a hub measure's 10^4–10^5 edges at 50,000 reports.
// param measure: "双随机、一公开"
// param limit: 1000
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
WITH a, e ORDER BY e.year, a.name, e.report_id LIMIT $limit
MATCH (r:Report {id: e.report_id})
RETURN a.name AS agency, a.level AS level, coalesce(a.region, r.region) AS region, e.year AS year,
       r.id AS report_id, r.title AS report_title, right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence,
       e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, agency, report_id
