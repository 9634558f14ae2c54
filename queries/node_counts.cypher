// name: node_counts
// description: How many reports, agencies, documents, measures and regions the store holds (the sidebar's numbers on every page). Only nodes: counting a relationship type reads its whole table (millions of edges at 50,000 reports), and the sidebar shows none.
MATCH (n:Report) RETURN 'Report' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Agency) RETURN 'Agency' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Law) RETURN 'Law' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Measure) RETURN 'Measure' AS label, count(n) AS nodes
UNION ALL
MATCH (n:Region) RETURN 'Region' AS label, count(n) AS nodes
