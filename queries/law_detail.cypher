// name: law_detail
// description: One document's category and issuer.
// param law: "中华人民共和国行政处罚法"
MATCH (l:Law {name: $law})
RETURN l.name AS law, l.category AS category, l.issuer AS issuer
