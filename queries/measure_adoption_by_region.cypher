// name: measure_adoption_by_region
// description: Policy diffusion over space: agencies reporting a measure per region and year.
// param measure: "双随机、一公开"
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
WHERE a.region IS NOT NULL
RETURN a.region AS region, e.year AS year, count(DISTINCT a) AS agencies
ORDER BY region, year
