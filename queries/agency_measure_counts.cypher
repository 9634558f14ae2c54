// name: agency_measure_counts
// description: agencies_by_measures with every filter open (the query library picks it): agencies by distinct measures from their IMPLEMENTS edges alone, without reading each edge's report (every edge's report exists and passes an open filter), 3-10x less work at 10,000 reports. Still one pass over the edges: no per-agency measure count is kept (graph/derived.py AgencyStat counts edges, not measures).
// param limit: 20
MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure)
WITH a, count(DISTINCT m) AS measures, count(DISTINCT e.report_id) AS reports
RETURN a.name AS agency, a.level AS level, a.region AS region, measures, reports
ORDER BY measures DESC, reports DESC, agency
LIMIT $limit
