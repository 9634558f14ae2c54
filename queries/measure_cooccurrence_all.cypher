// name: measure_cooccurrence_all
// description: measure_cooccurrence with every filter open (the query library picks it): the measures mentioned in the most reports together with a measure, read from MeasurePair (graph/derived.py: reports per pair of measures, kept current on every write) instead of walking every report that mentions it (a hub measure is in nearly every report: ~10^6 MENTIONS edges at 50,000 reports).
// param measure: "双随机、一公开"
// param limit: 20
MATCH (p:MeasurePair)
WHERE p.measure_a = $measure OR p.measure_b = $measure
WITH CASE WHEN p.measure_a = $measure THEN p.measure_b ELSE p.measure_a END AS other, p.reports AS reports
ORDER BY reports DESC, other
LIMIT $limit
MATCH (o:Measure {name: other})
RETURN o.name AS measure, o.kind AS kind, reports
ORDER BY reports DESC, measure
