// name: law_links
// description: A document's links to other documents, its issuers and the measures based on it (the 法规 page's lists): REFERENCES both ways, ISSUED_BY out, ISSUED and BASED_ON in, each other end once. Anchored on the document's key and on these types only, so a hub document's thousands of CITES edges are never read (neighbours with limit 5,000 read 《宪法》's CITES and their evidence: 14 s at 50,000 reports) and cannot crowd these out of a limit.
// param law: "中华人民共和国行政处罚法"
// sort: direction, type, other
// dialect: ladybug
MATCH (:Law {name: $law})-[e:REFERENCES|ISSUED_BY]->(o)
RETURN DISTINCT 'out' AS direction, label(e) AS type, o.name AS other
UNION ALL
MATCH (:Law {name: $law})<-[e:REFERENCES|ISSUED|BASED_ON]-(o)
RETURN DISTINCT 'in' AS direction, label(e) AS type, o.name AS other
// dialect: neo4j
MATCH (:Law {name: $law})-[e:REFERENCES|ISSUED_BY]->(o)
RETURN DISTINCT 'out' AS direction, type(e) AS type, o.name AS other
UNION ALL
MATCH (:Law {name: $law})<-[e:REFERENCES|ISSUED|BASED_ON]-(o)
RETURN DISTINCT 'in' AS direction, type(e) AS type, o.name AS other
