// name: measures_of_agency
// description: The measures an agency reports carrying out, by year, with how many reports say so.
// param agency: "韶关市市场监督管理局"
MATCH (a:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure)
RETURN e.year AS year, m.name AS measure, m.kind AS kind, count(*) AS reports
ORDER BY year, measure
