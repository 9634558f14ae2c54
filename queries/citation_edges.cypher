// name: citation_edges
// description: The citation graph (CITES, REFERENCES, BASED_ON) aggregated over reports, for PageRank.
MATCH (r:Report)-[:CITES]->(l:Law)
RETURN 'Report' AS source_label, r.id AS source, 'Law' AS target_label, l.name AS target, 'CITES' AS type,
       count(*) AS weight
UNION ALL
MATCH (a:Law)-[:REFERENCES]->(b:Law)
RETURN 'Law' AS source_label, a.name AS source, 'Law' AS target_label, b.name AS target, 'REFERENCES' AS type,
       count(*) AS weight
UNION ALL
MATCH (m:Measure)-[:BASED_ON]->(l:Law)
RETURN 'Measure' AS source_label, m.name AS source, 'Law' AS target_label, l.name AS target, 'BASED_ON' AS type,
       count(*) AS weight
