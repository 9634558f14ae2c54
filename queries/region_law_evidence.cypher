// name: region_law_evidence
// description: Every document cited by the reports of a region (with its sub-regions), one row per report, with the issuing agency, the report's title and the citing sentence and offsets. Filters (app sidebar): years (0 = open), region (with its sub-regions), issuer level, doc_type; '' = all.
// param year_from: 0
// param year_to: 0
// param region: "河源市"
// param level: ""
// param doc_type: ""
MATCH (r:Report)-[e:CITES]->(l:Law)
WHERE ($year_from = 0 OR r.year >= $year_from) AND ($year_to = 0 OR r.year <= $year_to)
  AND ($doc_type = '' OR r.doc_type = $doc_type)
  AND ($region = '' OR r.region CONTAINS $region OR EXISTS {
        MATCH (g:Region)-[:PART_OF*1..3]->(p:Region) WHERE r.region ENDS WITH g.name AND p.name = $region })
  AND ($level = '' OR EXISTS { MATCH (i:Agency)-[:ISSUED]->(r) WHERE i.level = $level })
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r)
OPTIONAL MATCH (sen:Sentence {key: e.sentence_key})
RETURN r.year AS year, l.name AS law, l.category AS category, a.name AS agency, r.id AS report_id,
       r.title AS report_title, sen.sentence AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset
ORDER BY year, law, report_id
