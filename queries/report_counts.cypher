// name: report_counts
// description: filtered_counts with every filter open: reports, issuing agencies, reports whose issuer was not recognised (unknown_issuer) and years from the report nodes, cited documents from the per-document counts ingest keeps (no scan of the CITES edges).
MATCH (r:Report)
WITH count(r) AS reports, count(DISTINCT r.agency) AS issuers, count(r) - count(r.agency) AS unknown_issuer,
     min(r.year) AS first_year, max(r.year) AS last_year
OPTIONAL MATCH (s:LawStat)
RETURN reports, issuers, unknown_issuer, first_year, last_year, count(s) AS laws
