// name: filtered_reports_all
// description: filtered_reports with every filter open (the query library picks it): one page of every report in (year, id) order, cut before each report's issuers are read — no filter test per report (the scanning form evaluated its region and level tests for each of 50,000 reports: 0.5 s against 0.06 s).
// param skip: 0
// param limit: 1000
MATCH (r:Report)
// the page on two columns, then its reports by key (LadybugDB reads every projected column of a scan)
WITH r.id AS id, r.year AS year ORDER BY year, id SKIP $skip LIMIT $limit
MATCH (r:Report {id: id})
OPTIONAL MATCH (i:Agency)-[:ISSUED]->(r)
RETURN r.id AS report_id, r.title AS title, r.agency AS agency, r.region AS region, r.year AS year,
       r.doc_type AS doc_type, r.source AS source, min(i.level) AS level
ORDER BY year, report_id
