// name: entity_names
// description: Agency, measure, document or region names (`label`) with the agency's or region's region/parent, in name order, one page of at most `limit` after the name `after` (keyset paging: '' starts; library.every_row reads every page): what 问答 links the words of a question against (queries/ask.py reads every label). ~300,000 names at 50,000 reports took 100 ms in one result.
// param label: "Agency"
// param after: ""
// param limit: 10000
// dialect: ladybug
MATCH (n:Agency:Measure:Law:Region)
WHERE label(n) = $label AND n.name > $after
RETURN label(n) AS label, n.name AS name,
       coalesce(CASE label(n) WHEN 'Agency' THEN n.region WHEN 'Region' THEN n.parent END, '') AS region
ORDER BY name
LIMIT $limit
// dialect: neo4j
MATCH (n:Agency|Measure|Law|Region)
WHERE $label IN labels(n) AND n.name > $after
RETURN $label AS label, n.name AS name,
       coalesce(CASE $label WHEN 'Agency' THEN n.region WHEN 'Region' THEN n.parent END, '') AS region
ORDER BY name
LIMIT $limit
