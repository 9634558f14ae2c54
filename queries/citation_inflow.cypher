// name: citation_inflow
// description: What flows into each named document from the citing reports and measures in PageRank: the sum of (edges to it)/(the source's edges to documents) over its sources, read from the LawInflow aggregate (graph/derived.py); citation_totals sums it over every document. graph/algorithms.py runs the exact PageRank on documents alone from these, citation_sources and law_references.
// param laws: ["中华人民共和国宪法", "中华人民共和国行政处罚法"]
UNWIND $laws AS n
MATCH (s:LawInflow {law: n})
RETURN s.law AS law, s.inflow AS inflow
ORDER BY law
