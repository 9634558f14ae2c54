// name: top_measures
// description: The measures implemented by the most agencies, with the years they appear.
// param limit: 20
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure)
RETURN m.name AS measure, m.kind AS kind, count(DISTINCT a) AS agencies,
       count(DISTINCT e.report_id) AS reports, min(e.year) AS first_year, max(e.year) AS last_year
ORDER BY agencies DESC, measure
LIMIT $limit
