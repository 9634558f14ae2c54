// name: reports_by_region
// description: How many reports each region's agencies issued, per year.
MATCH (r:Report)
RETURN r.region AS region, r.year AS year, count(*) AS reports
ORDER BY reports DESC, region, year
