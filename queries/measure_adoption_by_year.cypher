// name: measure_adoption_by_year
// description: Policy diffusion over time: how many agencies and regions report a measure each year.
// param measure: "双随机、一公开"
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
WHERE e.year IS NOT NULL
RETURN e.year AS year, count(DISTINCT a) AS agencies, count(DISTINCT a.region) AS regions
ORDER BY year
