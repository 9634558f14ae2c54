// name: measure_stats
// description: filtered_measures with every filter open, from the per-measure counts ingest keeps (the overview uses it when the sidebar is at its defaults).
// param limit: 20
MATCH (s:MeasureStat)
RETURN s.measure AS measure, s.kind AS kind, s.agencies AS agencies, s.reports AS reports,
       s.first_year AS first_year, s.last_year AS last_year
ORDER BY agencies DESC, reports DESC, measure
LIMIT $limit
