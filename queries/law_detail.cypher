// name: law_detail
// description: One document's category and issuer, and how many reports cite it (all reports, from LawStat: the 法规 page shows it for a document found by search, outside its filtered list).
// param law: "中华人民共和国行政处罚法"
MATCH (l:Law {name: $law})
OPTIONAL MATCH (s:LawStat {law: $law})
RETURN l.name AS law, l.category AS category, l.issuer AS issuer, coalesce(s.reports, 0) AS reports
