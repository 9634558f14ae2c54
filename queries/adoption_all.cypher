// name: adoption_all
// description: filtered_adoption for one measure with every filter open (the query library picks it): agencies adopting the measure per region and year, from its own IMPLEMENTS edges (a key lookup). An edge's report is looked up only for an agency without a region of its own (CASE gives the lookup a null key otherwise; 0.1% of the 1.5 M IMPLEMENTS edges at 50,000 reports), since the region is all the report gives here. Every measure ('') stays with filtered_adoption: one pass over every edge, some 10^5 rows at 50k, which no page asks for with the filters open (概览 reads measure_stats and measure_adoption_by_year).
// needs: measure
// param measure: "双随机、一公开"
// sort: measure, region, year
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $measure})
WITH a, e, m, CASE WHEN a.region IS NULL THEN e.report_id END AS rid
OPTIONAL MATCH (r:Report {id: rid})
// distinct (region, year, agency) rows, then counted: a fifth faster than count(DISTINCT a) per group at
// 50,000 reports (74,808 edges of the busiest measure)
WITH DISTINCT coalesce(a.region, r.region) AS region, e.year AS year, a
RETURN $measure AS measure, region, year, count(*) AS agencies
