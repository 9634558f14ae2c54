// name: adoption_all
// description: filtered_adoption for one measure with every filter open (the query library picks it): agencies adopting the measure per region and year, read from MeasureAdoption (graph/adoption.py: the counts per measure, region and year, kept current on every write) instead of counting distinct (region, year, agency) rows over the measure's IMPLEMENTS edges (74,808 for the busiest at 50,000 reports, ~0.4 s of the 措施 page on a loaded machine). Every measure ('') stays with filtered_adoption, which no page asks for with the filters open (概览 reads measure_stats and measure_adoption_by_year).
// needs: measure
// param measure: "双随机、一公开"
// sort: measure, region, year
MATCH (s:MeasureAdoption)
WHERE s.measure = $measure
RETURN s.measure AS measure, s.region AS region, s.year AS year, s.agencies AS agencies
