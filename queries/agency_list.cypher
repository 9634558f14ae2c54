// name: agency_list
// description: Every agency with its level, region and number of IMPLEMENTS facts, busiest first.
MATCH (a:Agency)
RETURN a.name AS agency, a.level AS level, a.region AS region,
       COUNT { MATCH (a)-[:IMPLEMENTS]->(:Measure) } AS facts
ORDER BY facts DESC, agency
