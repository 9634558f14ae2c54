// name: agency_list
// description: Every agency with its level, region and number of IMPLEMENTS facts, busiest first.
MATCH (a:Agency)
OPTIONAL MATCH (a)-[e:IMPLEMENTS]->(:Measure)
RETURN a.name AS agency, a.level AS level, a.region AS region, count(e) AS facts
ORDER BY facts DESC, agency
