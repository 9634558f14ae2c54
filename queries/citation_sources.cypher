// name: citation_sources
// description: How many reports cite at least one document and how many measures are based on one: the sources of the citation graph, whose count PageRank needs (see citation_inflow).
MATCH (r:Report)
WHERE EXISTS { MATCH (r)-[:CITES]->(:Law) }
RETURN 'Report' AS label, count(r) AS sources
UNION ALL
MATCH (m:Measure)
WHERE EXISTS { MATCH (m)-[:BASED_ON]->(:Law) }
RETURN 'Measure' AS label, count(m) AS sources
