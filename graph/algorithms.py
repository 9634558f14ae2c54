"""Graph measures for the 图谱 view: PageRank over citations, communities of agencies sharing measures.

Both must stay cheap at 50,000 reports, where the citation graph has about half a
million edges and a measure such as 双随机、一公开 is implemented by thousands of
agencies (its agency-agency projection alone would be millions of pairs).

PageRank. In the citation graph (Report -CITES-> Law, Measure -BASED_ON-> Law,
Law -REFERENCES-> Law) reports and measures are pure sources: nothing points at
them, so every source ends each round with the same rank, (1 - d)/N plus the
dangling share. Only three numbers per law are needed to run the exact iteration
on the laws alone: what flows in from sources (the sum of 1/out-weight over the
citing sources), the Law -> Law edges, and how many sources there are. The store
aggregates the first (queries/citation_inflow.cypher), so the app never fetches the
half-million edges, and the result equals PageRank over the whole graph.

Communities. Colouring only matters for the agencies on screen, so the projection
is built among them: two agencies are linked by the number of measures they
share, then Louvain (seeded, so colours are stable across reruns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

DAMPING = 0.85


def pagerank(graph: nx.DiGraph, damping: float = DAMPING, rounds: int = 100,
             tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy, which is not a dependency)."""
    nodes = list(graph)
    if not nodes:
        return {}
    n = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / n)
    out_weight = {v: sum(d.get("weight", 1) for _, _, d in graph.out_edges(v, data=True)) for v in nodes}
    for _ in range(rounds):
        dangling = damping * sum(rank[v] for v in nodes if not out_weight[v]) / n
        new = dict.fromkeys(nodes, (1.0 - damping) / n + dangling)
        for u, v, d in graph.edges(data=True):
            new[v] += damping * rank[u] * d.get("weight", 1) / out_weight[u]
        if sum(abs(new[v] - rank[v]) for v in nodes) < tol:
            return new
        rank = new
    return rank


def citation_rank(inflow: Mapping[str, float], references: Iterable[tuple[str, str, float]], sources: int,
                  damping: float = DAMPING, rounds: int = 100, tol: float = 1e-10) -> tuple[dict[str, float], float]:
    """(PageRank of each cited law, the rank every source shares), equal to `pagerank` on the full graph.

    `inflow[law]` is the sum over citing sources of edge weight / the source's out-weight;
    `references` are weighted Law -> Law edges; `sources` counts reports and measures with
    at least one citation. The loop is `pagerank`'s, with all sources held as one number.
    """
    refs = list(references)
    laws = sorted(set(inflow) | {a for a, _, _ in refs} | {b for _, b, _ in refs})
    n = sources + len(laws)
    if not n:
        return {}, 0.0
    out_weight = dict.fromkeys(laws, 0.0)
    for a, _, w in refs:
        out_weight[a] += w
    source = 1.0 / n
    rank = dict.fromkeys(laws, 1.0 / n)
    for _ in range(rounds):
        base = (1.0 - damping) / n + damping * sum(rank[v] for v in laws if not out_weight[v]) / n
        new = {v: base + damping * source * inflow.get(v, 0.0) for v in laws}
        for a, b, w in refs:
            new[b] += damping * rank[a] * w / out_weight[a]
        change = sources * abs(base - source) + sum(abs(new[v] - rank[v]) for v in laws)
        source, rank = base, new
        if change < tol:
            break
    return rank, source


def shared_measure_communities(measures_by_agency: Mapping[str, Iterable[str]], seed: int = 7) -> dict[str, int]:
    """Community number of each agency (0 = largest) in the graph of agencies weighted by shared measures.

    Agencies that share nothing with the others get no number (they keep their label colour).
    """
    agencies_by_measure: dict[str, list[str]] = {}
    for agency, measures in measures_by_agency.items():
        for measure in set(measures):
            agencies_by_measure.setdefault(measure, []).append(agency)
    shared = nx.Graph()
    for agencies in agencies_by_measure.values():
        agencies.sort()
        for i, a in enumerate(agencies):
            for b in agencies[i + 1:]:
                weight = shared.get_edge_data(a, b, {"weight": 0})["weight"] + 1
                shared.add_edge(a, b, weight=weight)
    if not shared.number_of_edges():
        return {}
    groups = nx.community.louvain_communities(shared, weight="weight", seed=seed)
    ordered = sorted(groups, key=lambda g: (-len(g), min(g)))
    return {agency: i for i, group in enumerate(ordered) for agency in group}
