// name: top_measures
// description: The measures implemented by the most agencies, with the years they appear (precomputed per measure at ingest).
// param limit: 20
MATCH (s:MeasureStat)
RETURN s.measure AS measure, s.kind AS kind, s.agencies AS agencies, s.reports AS reports,
       s.first_year AS first_year, s.last_year AS last_year
ORDER BY agencies DESC, measure
LIMIT $limit
