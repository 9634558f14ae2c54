// name: agencies_implementing_measure
// description: (at most `limit` rows, earliest first) Which agencies implement a measure: year, region, level, report and the evidence sentence.
// param measure: "双随机、一公开"
// param limit: 1000
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
// the page first (r.id is e.report_id), then its reports by key: not a lookup per edge of a hub measure
WITH a, e ORDER BY e.year, a.name, e.report_id LIMIT $limit
MATCH (r:Report {id: e.report_id})
RETURN a.name AS agency, a.level AS level, a.region AS region, e.year AS year,
       r.id AS report_id, r.title AS report_title, right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence,
       e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, agency, report_id
