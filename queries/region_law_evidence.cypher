// name: region_law_evidence
// description: Every document cited by the reports of a region (with its sub-regions), one row per report and issuer, with the issuing agency, the report's title and the citing sentence and offsets, a page of `limit` rows from `skip` (queries/compare.py reads every page). Read from each report's ReportFacts row (graph/report_facts.py: its filter fields, issuers and CITES edges, kept on write), never a join with every CITES edge. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: "河源市"
// param level: ""
// param doc_type: ""
// param skip: 0
// param limit: 500
// dialect: ladybug
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (f:ReportFacts)
WHERE ($year_from = 0 OR f.year >= $year_from) AND ($year_to = 0 OR f.year <= $year_to)
  AND ($doc_type = '' OR f.doc_type = $doc_type)
  AND ($region = '' OR f.region CONTAINS $region OR CASE WHEN size(within) = 0 THEN false ELSE any(s IN within WHERE f.region ENDS WITH s) END)
  // CASE: LadybugDB evaluates the any() over every report even when `within` is empty (36 ms at 50,000 reports)
  AND ($level = '' OR list_contains(f.levels, $level))
// the lists are read by key for the rows kept: a scan that projects them reads them for every report
WITH f.report AS id
OPTIONAL MATCH (f:ReportFacts {report: id})
UNWIND range(1, size(f.laws)) AS i
// one row per issuer, or one with no agency (as OPTIONAL MATCH of the issuers gave)
UNWIND CASE WHEN size(f.issuers) > 0 THEN f.issuers ELSE [CAST(NULL AS STRING)] END AS agency
WITH f.year AS year, f.laws[i] AS law, agency, f.report AS report_id,
     {start_offset: f.law_start_offsets[i], end_offset: f.law_end_offsets[i]} AS e
ORDER BY year, law, report_id, agency SKIP $skip LIMIT $limit
// OPTIONAL: a key lookup per row (as MATCH, a join that scans both tables)
OPTIONAL MATCH (l:Law {name: law})
OPTIONAL MATCH (r:Report {id: report_id})
RETURN year, law, l.category AS category, agency, report_id, r.title AS report_title,
       right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, law, report_id, agency
// dialect: neo4j
OPTIONAL MATCH (g:Region)-[:PART_OF*1..3]->(:Region {name: $region})
WITH collect(DISTINCT g.name) AS within
MATCH (f:ReportFacts)
WHERE ($year_from = 0 OR f.year >= $year_from) AND ($year_to = 0 OR f.year <= $year_to)
  AND ($doc_type = '' OR f.doc_type = $doc_type)
  AND ($region = '' OR f.region CONTAINS $region OR any(s IN within WHERE f.region ENDS WITH s))
  AND ($level = '' OR $level IN f.levels)
// the lists are read by key for the rows kept: a scan that projects them reads them for every report
WITH f.report AS id
OPTIONAL MATCH (f:ReportFacts {report: id})
UNWIND range(0, size(f.laws) - 1) AS i
// one row per issuer, or one with no agency (as OPTIONAL MATCH of the issuers gave)
UNWIND CASE WHEN size(f.issuers) > 0 THEN f.issuers ELSE [null] END AS agency
WITH f.year AS year, f.laws[i] AS law, agency, f.report AS report_id,
     {start_offset: f.law_start_offsets[i], end_offset: f.law_end_offsets[i]} AS e
ORDER BY year, law, report_id, agency SKIP $skip LIMIT $limit
// OPTIONAL: a key lookup per row (as MATCH, a join that scans both tables)
OPTIONAL MATCH (l:Law {name: law})
OPTIONAL MATCH (r:Report {id: report_id})
RETURN year, law, l.category AS category, agency, report_id, r.title AS report_title,
       right(left(r.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, law, report_id, agency
