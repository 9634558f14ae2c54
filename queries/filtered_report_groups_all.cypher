// name: filtered_report_groups_all
// description: filtered_report_groups with every filter open (the query library picks it): every report counted per region, issuer level and doc_type, from the ReportFacts rows (graph/report_facts.py), which hold each report's lowest issuer level (reading every report's issuers for it took ~0.25 s at 50,000 reports).
MATCH (f:ReportFacts)
RETURN f.region AS region, f.level AS level, f.doc_type AS doc_type, count(*) AS reports
ORDER BY reports DESC, region, level, doc_type
