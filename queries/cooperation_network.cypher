// name: cooperation_network
// description: An agency's cooperation partners (either direction), with the number of reports and an example, at most `limit` partners, those in most reports first (the example is the evidence of the earliest report (one report text read per row)).
// param agency: "韶关市市场监督管理局"
// param limit: 1000
MATCH (a:Agency {name: $agency})-[e:COOPERATES_WITH]-(b:Agency)
WITH b.name AS name, count(DISTINCT e.report_id) AS reports, min(e.report_id) AS first
// the page's partners first, then their examples: a hub agency has thousands of partners at 50,000 reports
ORDER BY reports DESC, name LIMIT $limit
// the example edges are found again from the keys, not (a)-[e]-(b) of the aggregation (a scan of every such edge in LadybugDB)
MATCH (:Agency {name: $agency})-[e:COOPERATES_WITH]-(b:Agency {name: name}) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN b.name AS partner, b.level AS level, reports, min(right(left(src.text, e.end_offset), e.end_offset - e.start_offset)) AS example
ORDER BY reports DESC, partner
