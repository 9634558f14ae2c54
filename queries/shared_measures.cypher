// name: shared_measures
// description: (at most `limit` rows, earliest first) The measures two agencies both implement, with each side's year, report and evidence sentence (what 问答 answers for "都做了哪些相同的措施").
// param agency: "韶关市市场监督管理局"
// param other: "河源市人力资源和社会保障局"
// param limit: 1000
MATCH (a:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure)<-[f:IMPLEMENTS]-(b:Agency {name: $other})
MATCH (r:Report {id: e.report_id})
MATCH (s:Report {id: f.report_id})
WITH m, e, f, r, s ORDER BY m.name, e.year, r.id, s.id LIMIT $limit
OPTIONAL MATCH (src:Report {id: e.report_id})
OPTIONAL MATCH (other:Report {id: f.report_id})
RETURN m.name AS measure, m.kind AS kind, e.year AS year, r.id AS report_id, r.title AS report_title,
       right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS evidence, e.start_offset AS start_offset, e.end_offset AS end_offset,
       f.year AS other_year, s.id AS other_report_id, s.title AS other_report_title,
       right(left(other.text, f.end_offset), f.end_offset - f.start_offset) AS other_evidence, f.start_offset AS other_start_offset, f.end_offset AS other_end_offset
ORDER BY measure, year, report_id, other_report_id
