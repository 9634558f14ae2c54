// name: cooperation_network
// description: An agency's cooperation partners (either direction), with the number of reports and an example (the example is the evidence of the earliest report (one report text read per row)).
// param agency: "韶关市市场监督管理局"
MATCH (a:Agency {name: $agency})-[e:COOPERATES_WITH]-(b:Agency)
WITH a, b, count(DISTINCT e.report_id) AS reports, min(e.report_id) AS first
MATCH (a)-[e:COOPERATES_WITH]-(b) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN b.name AS partner, b.level AS level, reports, min(right(left(src.text, e.end_offset), e.end_offset - e.start_offset)) AS example
ORDER BY reports DESC, partner
