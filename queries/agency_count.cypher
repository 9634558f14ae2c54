// name: agency_count
// description: How many agencies agency_list pages through for the same `contains` ('' = all), from the per-agency counts ingest keeps (AgencyStat).
// param contains: ""
MATCH (s:AgencyStat)
WHERE $contains = '' OR s.agency CONTAINS $contains
RETURN count(*) AS agencies
