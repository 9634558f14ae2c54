// name: agency_measures_all
// description: agency_measures with every filter open (the query library picks it): the agency's IMPLEMENTS edges counted by measure and year without looking up each edge's report (r.id is e.report_id; the filters read the report, open ones need not): 2,358 key lookups for the busiest agency at 50,000 reports, the 机构 page's default.
// param agency: "韶关市市场监督管理局"
MATCH (:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure)
WITH m.name AS name, e.year AS year, count(DISTINCT e.report_id) AS reports, min(e.report_id) AS first
// the example edge is found again from the keys, not (a)-[e]->(m) of the aggregation (a scan of every IMPLEMENTS edge in LadybugDB)
MATCH (:Agency {name: $agency})-[e:IMPLEMENTS]->(m:Measure {name: name}) WHERE e.report_id = first
OPTIONAL MATCH (src:Report {id: e.report_id})
RETURN year, m.name AS measure, m.kind AS kind, reports,
       right(left(src.text, e.end_offset), e.end_offset - e.start_offset) AS example
ORDER BY year, measure
