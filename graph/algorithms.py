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
keeps the first (LawInflow, queries/citation_inflow.cypher), so the app never fetches the
half-million edges, and the result equals PageRank over the whole graph. Only the few documents
at the ends of references need their own inflow: every other one is ranked from its inflow
and the totals (citation_rank_totals).

Communities. Colouring only matters for the agencies on screen, so the projection
is built among them: two agencies are linked by the number of measures they
share, then Louvain (seeded, so colours are stable across reruns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class InflowTotals:
    """Over every document with inflow (queries/citation_totals.cypher): how many, their summed and largest inflow."""

    laws: int
    inflow: float
    peak: float


@dataclass(frozen=True)
class CitationRank:
    """PageRank of the citation graph: each document at an end of a reference (`linked`), the rank every
    source shares, and for every other cited document `base + weight * its inflow`; `top` is the largest."""

    linked: dict[str, float]
    source: float
    base: float
    weight: float
    top: float

    def of(self, law: str, inflow: float | None) -> float:
        """A document's rank from its citation_inflow (None: it has none, so it is not in the graph)."""
        if law in self.linked:
            return self.linked[law]
        return self.base + self.weight * inflow if inflow is not None else 0.0


def citation_rank(inflow: Mapping[str, float], references: Iterable[tuple[str, str, float]], sources: int,
                  damping: float = DAMPING, rounds: int = 100, tol: float = 1e-10) -> tuple[dict[str, float], float]:
    """(PageRank of each cited law, the rank every source shares), equal to `pagerank` on the full graph,
    from every document's inflow (see `citation_rank_totals`, which needs only the totals)."""
    totals = InflowTotals(len(inflow), sum(inflow.values()), max(inflow.values(), default=0.0))
    ranks = citation_rank_totals(inflow, references, sources, totals, damping, rounds, tol)
    return {law: ranks.of(law, inflow.get(law)) for law in set(inflow) | set(ranks.linked)}, ranks.source


def citation_rank_totals(inflow: Mapping[str, float], references: Iterable[tuple[str, str, float]], sources: int,
                         totals: InflowTotals, damping: float = DAMPING, rounds: int = 100,
                         tol: float = 1e-10) -> CitationRank:
    """PageRank equal to `pagerank` on the full graph, from the documents at the ends of references alone.

    `inflow[law]` is the sum over citing sources of edge weight / the source's out-weight, needed for
    every document at an end of a reference (`references`: weighted Law -> Law edges); `totals` covers
    every document with inflow; `sources` counts reports and measures with at least one citation. The
    loop is `pagerank`'s with all sources held as one number, and every other document as well: nothing
    but sources points at it and it points nowhere, so its rank is base + d * source * its inflow, and
    the dangling sum needs only their count and summed inflow (143,000 documents at 50,000 reports, whose
    rows took 0.8 s to fetch, against ~10 at the ends of references).
    """
    refs = list(references)
    linked = sorted({a for a, _, _ in refs} | {b for _, b, _ in refs})
    outside = totals.laws - sum(1 for v in linked if v in inflow)
    outside_inflow = totals.inflow - sum(inflow.get(v, 0.0) for v in linked)
    n = sources + len(linked) + outside
    if not n:
        return CitationRank({}, 0.0, 0.0, 0.0, 0.0)
    out_weight = dict.fromkeys(linked, 0.0)
    for a, _, w in refs:
        out_weight[a] += w
    source = base_out = 1.0 / n
    weight_out = 0.0
    rank = dict.fromkeys(linked, 1.0 / n)
    for _ in range(rounds):
        dangling = sum(rank[v] for v in linked if not out_weight[v]) + outside * base_out + weight_out * outside_inflow
        base = (1.0 - damping) / n + damping * dangling / n
        new = {v: base + damping * source * inflow.get(v, 0.0) for v in linked}
        for a, b, w in refs:
            new[b] += damping * rank[a] * w / out_weight[a]
        weight = damping * source
        # the outside documents' change is bounded (not summed one by one): at worst a round more
        change = (sources * abs(base - source) + sum(abs(new[v] - rank[v]) for v in linked)
                  + outside * abs(base - base_out) + abs(weight - weight_out) * outside_inflow)
        source, rank, base_out, weight_out = base, new, base, weight
        if change < tol:
            break
    # the largest inflow's rank bounds every outside document's and is at most its own document's
    top = max([*rank.values(), source, base_out + weight_out * totals.peak if totals.laws else 0.0])
    return CitationRank(rank, source, base_out, weight_out, top)


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
