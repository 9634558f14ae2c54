// name: agency_list
// description: One page of agencies with their level, region and number of IMPLEMENTS facts, busiest first; `contains` keeps those whose name contains it ('' = all). Page with skip/limit (the total of the unfiltered list is the store's Agency count).
// param contains: ""
// param skip: 0
// param limit: 1000
MATCH (a:Agency)
WHERE $contains = '' OR a.name CONTAINS $contains
RETURN a.name AS agency, a.level AS level, a.region AS region,
       COUNT { MATCH (a)-[:IMPLEMENTS]->(:Measure) } AS facts
ORDER BY facts DESC, agency
SKIP $skip LIMIT $limit
