// name: region_list
// description: Every region with its level and parent (the app's region filter offers these).
MATCH (g:Region)
RETURN g.name AS region, g.level AS level, g.parent AS parent
ORDER BY region
