// name: cooperation_network
// description: An agency's cooperation partners (either direction), with the number of reports and an example.
// param agency: "韶关市市场监督管理局"
MATCH (a:Agency {name: $agency})-[e:COOPERATES_WITH]-(b:Agency)
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN b.name AS partner, b.level AS level, count(DISTINCT e.report_id) AS reports,
       min(right(left(src.text, e.end_offset), e.end_offset - e.start_offset)) AS example
ORDER BY reports DESC, partner
