"""PageRank computed on documents alone equals PageRank over the whole citation graph; view communities."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from fazhi.graph.algorithms import (
    InflowTotals,
    citation_rank,
    citation_rank_totals,
    pagerank,
    shared_measure_communities,
)
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.ingest import ingest
from fazhi.queries import library

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
FULL_CITATION_GRAPH = """
MATCH (s)-[e]->(l:Law) WHERE label(e) IN ['CITES', 'BASED_ON', 'REFERENCES']
RETURN label(s) AS source_label, CASE WHEN label(s) = 'Report' THEN s.id ELSE s.name END AS source,
       l.name AS target, count(*) AS weight
"""


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    with LadybugStore(tmp_path_factory.mktemp("measures") / "samples.lbdb") as store:
        ingest([SAMPLES], store, workers=1)
        yield store


def ranks_from_library(store) -> tuple[dict[str, float], float]:
    """Every cited document's rank as the 图谱 page computes it: the inflow of the documents at the ends of
    references and the totals, then each other document from its own inflow."""
    references = [(r["source"], r["target"], float(r["weight"]))
                  for r in library.run(store, "law_references").records()]
    sources = sum(r["sources"] for r in library.run(store, "citation_sources").records())
    totals = library.run(store, "citation_totals").records()[0]
    laws = [name for (name,) in store.query("MATCH (l:Law) RETURN l.name", row_cap=10**6).rows]
    inflow = {r["law"]: r["inflow"] for r in library.run(store, "citation_inflow", {"laws": laws}).records()}
    linked = {end for ref in references for end in ref[:2]}
    ranks = citation_rank_totals({law: inflow[law] for law in linked if law in inflow}, references, sources,
                                 InflowTotals(totals["laws"], totals["inflow"], totals["peak"]))
    assert ranks.top == pytest.approx(max([ranks.source, *(ranks.of(law, inflow.get(law)) for law in laws)]))
    return {law: ranks.of(law, inflow.get(law)) for law in set(inflow) | linked}, ranks.source


def test_document_pagerank_equals_pagerank_of_the_whole_citation_graph(samples_store) -> None:
    full = nx.DiGraph()
    for label, source, target, weight in samples_store.query(FULL_CITATION_GRAPH).rows:
        full.add_edge(f"{label}:{source}", f"Law:{target}", weight=weight)
    expected = pagerank(full)
    laws, source = ranks_from_library(samples_store)
    assert len(laws) == sum(1 for n in full if n.startswith("Law:")) > 20
    for name, value in laws.items():
        assert value == pytest.approx(expected[f"Law:{name}"], rel=1e-9, abs=1e-12)
    sources = [v for n, v in expected.items() if not n.startswith("Law:")]
    assert sources and all(v == pytest.approx(source, rel=1e-9) for v in sources)
    assert sum(expected.values()) == pytest.approx(1.0)


def test_citation_rank_on_a_hand_made_graph() -> None:
    """Two reports cite A; one also cites B; A refers to B. Compared with the general power iteration."""
    full = nx.DiGraph([("R1", "A"), ("R2", "A"), ("R2", "B"), ("A", "B")])
    expected = pagerank(full)
    laws, source = citation_rank({"A": 1.0 + 0.5, "B": 0.5}, [("A", "B", 1.0)], sources=2)
    assert laws["A"] == pytest.approx(expected["A"]) and laws["B"] == pytest.approx(expected["B"])
    assert source == pytest.approx(expected["R1"]) == pytest.approx(expected["R2"])
    assert laws["B"] > laws["A"] > source


def test_agencies_sharing_measures_fall_in_one_community() -> None:
    measures = {
        "甲市司法局": ["双随机、一公开", "法律顾问制度", "合法性审查"],
        "甲市市场监督管理局": ["双随机、一公开", "法律顾问制度", "合法性审查"],
        "甲市生态环境局": ["双随机、一公开", "法律顾问制度"],
        "乙县人民政府": ["12345政务服务便民热线", "“八五”普法", "政务公开"],
        "乙县司法局": ["12345政务服务便民热线", "“八五”普法", "政务公开"],
        "丙镇人民政府": ["网格化管理"],
    }
    groups = shared_measure_communities(measures)
    assert groups["甲市司法局"] == groups["甲市市场监督管理局"] == groups["甲市生态环境局"] == 0
    assert groups["乙县人民政府"] == groups["乙县司法局"] == 1
    assert "丙镇人民政府" not in groups
    assert shared_measure_communities(measures) == groups  # seeded: the same colours on every rerun
