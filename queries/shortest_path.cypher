// name: shortest_path
// description: A shortest chain of relations between two entities named by their canonical names; `source_label` and `target_label` (Agency, Law, Measure or Region), when given, say which kind each name is (问答 knows it), so each end is looked up by its key instead of in all four tables.
// param source: "韶关市市场监督管理局"
// param target: "中华人民共和国行政处罚法"
// param source_label: "Agency"
// param target_label: "Law"
// labels: a source_label, b target_label
// dialect: ladybug
MATCH (a:Agency:Law:Measure:Region {name: $source}), (b:Agency:Law:Measure:Region {name: $target})
MATCH p = (a)-[* SHORTEST 1..6]-(b)
RETURN list_transform(nodes(p), n -> coalesce(n.name, n.id)) AS names,
       list_transform(rels(p), e -> label(e)) AS relations, length(p) AS hops
LIMIT 1
// dialect: neo4j
MATCH (a:Agency|Law|Measure|Region {name: $source}), (b:Agency|Law|Measure|Region {name: $target})
MATCH p = shortestPath((a)-[*1..6]-(b))
RETURN [n IN nodes(p) | coalesce(n.name, n.id)] AS names,
       [e IN relationships(p) | type(e)] AS relations, length(p) AS hops
LIMIT 1
