// name: agency_names
// description: Every agency name (the app loads them into jieba's user dictionary).
MATCH (a:Agency)
RETURN a.name AS name
ORDER BY name
