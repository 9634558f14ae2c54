// name: entity_names
// description: Every agency, measure, document and region name with the agency's or region's region/parent: what 问答 links the words of a question against (queries/ask.py).
MATCH (a:Agency) RETURN 'Agency' AS label, a.name AS name, coalesce(a.region, '') AS region
UNION ALL
MATCH (m:Measure) RETURN 'Measure' AS label, m.name AS name, '' AS region
UNION ALL
MATCH (l:Law) RETURN 'Law' AS label, l.name AS name, '' AS region
UNION ALL
MATCH (g:Region) RETURN 'Region' AS label, g.name AS name, coalesce(g.parent, '') AS region
