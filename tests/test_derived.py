"""The precomputed aggregates (graph/derived.py) always equal a recomputation from the facts.

Whatever path changed the graph — ingest in any order, re-ingest, remove, reindex, push to
Neo4j — the maintained tables must be what `rebuild_derived` computes from scratch.
"""

from pathlib import Path

import pytest

from fazhi.graph.derived import DERIVED_NODES, TOP_PAIRS
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import rows_from_extractions
from fazhi.graph.transfer import copy_graph
from fazhi.ingest import ingest
from fazhi.reindex import reindex
from helpers import make_extraction

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
A = make_extraction("r1", "韶关市司法局", ["双随机、一公开", "法律顾问制度"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例", "中华人民共和国宪法"])
B = make_extraction("r2", "韶关市市场监督管理局", ["双随机、一公开"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例"], year=2023)


def derived_rows(store) -> dict[str, list[tuple]]:
    """Every derived row, sorted, without LawPair.top (a function of the counts)."""
    out = {}
    for label, (_, props) in DERIVED_NODES.items():
        columns = [p for p in props if p != "top"]
        returns = ", ".join(f"s.{p} AS {p}" for p in columns)
        rows = store.query(f"MATCH (s:{label}) RETURN {returns}", row_cap=1_000_000).rows
        out[label] = sorted(tuple(row) for row in rows)
    return out


def assert_top_marked(store) -> None:
    """LawPair.top is set exactly on the pairs counted at least as often as the TOP_PAIRS-th most cited."""
    pairs = store.query("MATCH (p:LawPair) RETURN p.reports, p.top", row_cap=1_000_000).rows
    assert pairs, "no co-citation pairs to check"
    counts = sorted((n for n, _ in pairs), reverse=True)
    floor = counts[min(TOP_PAIRS, len(counts)) - 1]
    assert [top for _, top in pairs] == [n >= floor for n, _ in pairs]


def assert_current(store) -> dict[str, list[tuple]]:
    assert_top_marked(store)
    maintained = derived_rows(store)
    store.rebuild_derived()
    assert maintained == derived_rows(store)
    return maintained


@pytest.fixture()
def store(tmp_path):
    with LadybugStore(tmp_path / "derived.lbdb") as s:
        yield s


def test_write_and_rewrite_keep_the_aggregates_current(store) -> None:
    store.write(rows_from_extractions([A]))
    store.write(rows_from_extractions([B]))
    store.write(rows_from_extractions([A, B]))
    rows = assert_current(store)
    pairs = {(a, b): n for _, a, b, n in rows["LawPair"]}
    assert pairs[("中华人民共和国行政处罚法", "优化营商环境条例")] == 2
    assert pairs[("中华人民共和国宪法", "中华人民共和国行政处罚法")] == 1
    measures = {row[0]: row for row in rows["MeasureStat"]}
    assert measures["双随机、一公开"][2:4] == (2, 2)  # two agencies, two reports


def test_remove_takes_its_counts_away(store) -> None:
    store.write(rows_from_extractions([A, B]))
    store.remove_report("r1")
    rows = assert_current(store)
    assert [(a, b, n) for _, a, b, n in rows["LawPair"]] == [
        ("中华人民共和国行政处罚法", "优化营商环境条例", 1)]
    assert [row[0] for row in rows["MeasureStat"]] == ["双随机、一公开"]


def test_samples_ingest_remove_and_reindex(store) -> None:
    ingest([SAMPLES], store, workers=1)
    assert_current(store)
    first = store.query("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
    store.remove_report(first)
    assert_current(store)
    reindex(store)
    assert_current(store)


def test_bulk_ingest_keeps_them_current(tmp_path) -> None:
    with LadybugStore(tmp_path / "bulk.lbdb") as bulk:
        ingest([SAMPLES], bulk, workers=1, bulk=True)
        assert_current(bulk)


def test_push_to_neo4j_builds_the_same_aggregates(store, neo4j_uri) -> None:
    from fazhi.graph.neo4j_store import Neo4jStore

    ingest([SAMPLES], store, workers=1)
    with Neo4jStore(neo4j_uri) as server:
        server.clear()
        try:
            copy_graph(store, server)
            assert derived_rows(server) == derived_rows(store)
            assert_current(server)
            first = store.query("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
            server.remove_report(first)
            store.remove_report(first)
            assert derived_rows(server) == derived_rows(store)
        finally:
            server.clear()
