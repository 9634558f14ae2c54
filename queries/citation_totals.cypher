// name: citation_totals
// description: How many documents receive citations (from reports or measures), their summed and their largest inflow (citation_inflow per document): PageRank on documents alone needs only these for the documents outside the references (graph/algorithms.py).
MATCH (s:LawInflow)
RETURN count(s) AS laws, coalesce(sum(s.inflow), 0.0) AS inflow, coalesce(max(s.inflow), 0.0) AS peak
