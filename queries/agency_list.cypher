// name: agency_list
// description: One page of agencies with their level, region, number of IMPLEMENTS facts and of reports mentioning them, busiest first; `contains` keeps those whose name contains it ('' = all). Read from the per-agency counts ingest keeps (AgencyStat), so a page costs a sort of that table, not a count of every agency's edges; page with skip/limit, the total is agency_count.
// param contains: ""
// param skip: 0
// param limit: 1000
MATCH (s:AgencyStat)
WHERE $contains = '' OR s.agency CONTAINS $contains
RETURN s.agency AS agency, s.level AS level, s.region AS region, s.facts AS facts, s.mentions AS mentions
ORDER BY facts DESC, agency
SKIP $skip LIMIT $limit
