// name: agency_measure_counts
// description: agencies_by_measures with every filter open (the query library picks it): agencies by distinct measures, read from AgencyStat (graph/derived.py: per agency, its distinct measures and the distinct reports of its IMPLEMENTS edges, kept current on every write), so no pass over the IMPLEMENTS edges (1 s at 50,000 reports).
// param limit: 20
MATCH (s:AgencyStat)
WHERE s.measures > 0
RETURN s.agency AS agency, s.level AS level, s.region AS region, s.measures AS measures, s.implemented AS reports
ORDER BY measures DESC, reports DESC, agency
LIMIT $limit
