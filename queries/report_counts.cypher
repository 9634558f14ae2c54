// name: report_counts
// description: filtered_counts with every filter open: reports, issuing agencies and years from the report nodes, cited documents from the per-document counts ingest keeps (no scan of the CITES edges).
MATCH (r:Report)
WITH count(r) AS reports, count(DISTINCT r.agency) AS issuers, min(r.year) AS first_year, max(r.year) AS last_year
OPTIONAL MATCH (s:LawStat)
RETURN reports, issuers, first_year, last_year, count(s) AS laws
