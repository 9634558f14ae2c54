// name: law_stats
// description: filtered_laws with every filter open, from the per-document counts ingest keeps (the overview uses it when the sidebar is at its defaults); category '' = all.
// param category: ""
// param limit: 20
MATCH (s:LawStat)
WHERE $category = '' OR s.category = $category
// the top rows on two columns first, then the winners' other columns by key: LadybugDB reads every
// projected column of the rows it scans (143,000 at 50k reports: 130 ms against 36 ms loaded)
WITH s.law AS law, s.reports AS reports ORDER BY reports DESC, law LIMIT $limit
MATCH (s:LawStat {law: law})
RETURN s.law AS law, s.category AS category, s.issuer AS issuer, s.reports AS reports,
       s.agencies AS agencies, s.first_year AS first_year, s.last_year AS last_year
ORDER BY reports DESC, law
