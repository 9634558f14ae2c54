// name: citation_inflow
// description: What flows into each cited document from the citing reports and measures in PageRank: the sum of 1/(the source's number of citations) over its citing edges (graph/measures.py runs the exact PageRank on documents alone from this, citation_sources and law_references).
MATCH (r:Report)-[:CITES]->(:Law)
WITH r, count(*) AS out
MATCH (r)-[:CITES]->(l:Law)
RETURN l.name AS law, sum(1.0 / out) AS inflow
UNION ALL
MATCH (m:Measure)-[:BASED_ON]->(:Law)
WITH m, count(*) AS out
MATCH (m)-[:BASED_ON]->(l:Law)
RETURN l.name AS law, sum(1.0 / out) AS inflow
