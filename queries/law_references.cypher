// name: law_references
// description: Document -> document references (nested titles: a notice that issues a 纲要 refers to it), weighted by the number of reports that state them.
MATCH (a:Law)-[:REFERENCES]->(b:Law)
RETURN a.name AS source, b.name AS target, count(*) AS weight
ORDER BY weight DESC, source, target
