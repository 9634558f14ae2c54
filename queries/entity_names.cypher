// name: entity_names
// description: Every agency, measure, document and region name with the agency's or region's region/parent: what 问答 links the words of a question against (queries/ask.py).
// dialect: ladybug
// one scan of the four tables: a UNION ALL of four collected their 299,000 rows at 50,000 reports twice (each
// part, then the union), 2.3x the time; only Agency has `region` and only Region `parent`, so the coalesce is each
// label's own column
MATCH (n:Agency:Measure:Law:Region)
RETURN label(n) AS label, n.name AS name, coalesce(n.region, n.parent, '') AS region
// dialect: neo4j
MATCH (a:Agency) RETURN 'Agency' AS label, a.name AS name, coalesce(a.region, '') AS region
UNION ALL
MATCH (m:Measure) RETURN 'Measure' AS label, m.name AS name, '' AS region
UNION ALL
MATCH (l:Law) RETURN 'Law' AS label, l.name AS name, '' AS region
UNION ALL
MATCH (g:Region) RETURN 'Region' AS label, g.name AS name, coalesce(g.parent, '') AS region
