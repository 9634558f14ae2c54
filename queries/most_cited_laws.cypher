// name: most_cited_laws
// description: The documents cited by the most reports; category "" means every category (precomputed per document at ingest).
// param category: ""
// param limit: 20
MATCH (s:LawStat)
WHERE $category = '' OR s.category = $category
RETURN s.law AS law, s.category AS category, s.reports AS reports
ORDER BY reports DESC, law
LIMIT $limit
