// name: agency_links
// description: An agency's superiors and subordinates (PART_OF both ways), regions (LOCATED_IN) and partners (COOPERATES_WITH both ways), each other end once (the 机构 page's header). Anchored on the agency's key and on these types only, without evidence: the page read them from neighbours with limit 2,000, 4,000 edges and their sentences for a hub agency at 50,000 reports, and a hub's MENTIONS could crowd them out of the limit.
// param agency: "韶关市市场监督管理局"
// sort: direction, type, other
// dialect: ladybug
MATCH (:Agency {name: $agency})-[e:PART_OF|LOCATED_IN|COOPERATES_WITH]->(o)
RETURN DISTINCT 'out' AS direction, label(e) AS type, o.name AS other
UNION ALL
MATCH (:Agency {name: $agency})<-[e:PART_OF|COOPERATES_WITH]-(o)
RETURN DISTINCT 'in' AS direction, label(e) AS type, o.name AS other
// dialect: neo4j
MATCH (:Agency {name: $agency})-[e:PART_OF|LOCATED_IN|COOPERATES_WITH]->(o)
RETURN DISTINCT 'out' AS direction, type(e) AS type, o.name AS other
UNION ALL
MATCH (:Agency {name: $agency})<-[e:PART_OF|COOPERATES_WITH]-(o)
RETURN DISTINCT 'in' AS direction, type(e) AS type, o.name AS other
