// name: agency_list
// description: One page of agencies with their level, region, number of IMPLEMENTS facts and of reports mentioning them, busiest first; `contains` keeps those whose name contains it ('' = all). Read from the per-agency counts ingest keeps (AgencyStat), so a page costs a sort of that table, not a count of every agency's edges; page with skip/limit, the total is agency_count.
// param contains: ""
// total: agency_count
// param skip: 0
// param limit: 1000
// dialect: ladybug
// The floor first: the (skip + limit)-th largest count, from the counts' histogram (~500 distinct counts at 50,000
// reports; the count of agencies at or above each count is a join of the histogram with itself), so that only the
// agencies at or above it are sorted by name: the name tie-break of all 155,000 agencies (116,000 with no fact)
// was most of the page's time. No ORDER BY ... LIMIT before an aggregation: LadybugDB drops that ORDER BY. Past
// the last agency the floor is 0 and every agency is sorted, as before.
MATCH (s:AgencyStat)
WHERE $contains = '' OR s.agency CONTAINS $contains
WITH s.facts AS facts, count(*) AS agencies
WITH collect({facts: facts, agencies: agencies}) AS histogram
UNWIND histogram AS h
UNWIND histogram AS other
WITH h, other WHERE other.facts >= h.facts
WITH h.facts AS facts, to_int64(sum(other.agencies)) AS at_least
// to_int64: the sum is an INT128, and LadybugDB binds $skip as a SERIAL once a page is past the first
WHERE at_least >= to_int64($skip) + to_int64($limit)
WITH coalesce(max(facts), 0) AS floor
MATCH (s:AgencyStat)
WHERE s.facts >= floor AND ($contains = '' OR s.agency CONTAINS $contains)
// the other columns by key for the page only: the scan behind the floor's filter keeps every row it projects
WITH s.agency AS agency, s.facts AS facts
ORDER BY facts DESC, agency SKIP $skip LIMIT $limit
MATCH (t:AgencyStat {agency: agency})
RETURN agency, t.level AS level, t.region AS region, facts, t.mentions AS mentions
ORDER BY facts DESC, agency
// dialect: neo4j
MATCH (s:AgencyStat)
WHERE $contains = '' OR s.agency CONTAINS $contains
RETURN s.agency AS agency, s.level AS level, s.region AS region, s.facts AS facts, s.mentions AS mentions
ORDER BY facts DESC, agency
SKIP $skip LIMIT $limit
