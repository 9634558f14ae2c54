"""The GraphStore interface on both backends: the same test, a real LadybugDB file and a real Neo4j.

Stores are opened the way the CLI and the app open them (graph.open from settings), and only
interface methods are called, so a backend that behaves differently fails here.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fazhi.graph import neo4j_server
from fazhi.graph.derived import DERIVED_NODES
from fazhi.graph.open import open_store
from fazhi.graph.store import GraphStore, StoreLocked, StoreUnavailable, rows_from_extractions
from helpers import make_extraction, snapshot

SECRET = "uri-Secret-77"  # the Neo4j URI carries a login; no display string may show it
A = make_extraction("r1", "韶关市司法局", ["双随机、一公开", "法律顾问制度"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例"])
A_NEW = make_extraction("r1", "韶关市司法局", ["证明事项告知承诺制"], ["中华人民共和国行政许可法"])
B = make_extraction("r2", "韶关市市场监督管理局", ["双随机、一公开"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例"], year=2023)
BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Settings for an empty store of the backend (FAZHI_DB, NEO4J_URI), as a user would give them."""
    monkeypatch.setenv("FAZHI_DB", str(tmp_path / "store.lbdb"))
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    if request.param == "neo4j":
        request.getfixturevalue("neo4j_store")  # empties the session's database
        host = request.getfixturevalue("neo4j_uri").split("//", 1)[1]
        monkeypatch.setenv("NEO4J_URI", f"bolt://neo4j:{SECRET}@{host}")
    else:
        monkeypatch.delenv("NEO4J_URI", raising=False)
    return str(request.param)


@pytest.fixture
def store(backend: str) -> Iterator[GraphStore]:
    opened = open_store(backend)
    try:
        yield opened
    finally:
        opened.close()


def derived_rows(store: GraphStore) -> dict[str, list[str]]:
    """Every precomputed aggregate row, sorted (LawPair.top included)."""
    out = {}
    for label, (_, props) in DERIVED_NODES.items():
        returns = ", ".join(f"s.{p} AS {p}" for p in props)
        out[label] = sorted(map(repr, store.query(f"MATCH (s:{label}) RETURN {returns}").rows))
    return out


def state(store: GraphStore) -> tuple[dict, dict]:
    return snapshot(store), derived_rows(store)


def test_replace_report_is_one_transaction(store: GraphStore) -> None:
    """A write that fails after the removal leaves the old report, its facts and the aggregates."""
    store.write(rows_from_extractions([A, B]))
    before, version = state(store), store.version()
    broken = rows_from_extractions([A_NEW])
    broken.nodes["Report"]["r1"]["year"] = {"not": "a year"}  # no store takes a map as a property value
    with pytest.raises(Exception):  # noqa: B017 - each backend words its refusal its own way
        store.replace_report("r1", broken)
    assert state(store) == before
    assert store.version() == version

    assert store.replace_report("r1", rows_from_extractions([A_NEW])) == len(A.relations)
    replaced = state(store)
    for report_id in ("r1", "r2"):
        store.remove_report(report_id)
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    store.write(rows_from_extractions([B]))
    store.write(rows_from_extractions([A_NEW]))
    assert state(store) == replaced  # the same graph as removing and writing in two steps


def test_bulk_block_gives_the_same_graph_and_settles_the_aggregates(store: GraphStore) -> None:
    with store.bulk():
        store.write(rows_from_extractions([A]))
        store.write(rows_from_extractions([B]))
    bulk = state(store)
    store.rebuild_derived()
    assert state(store) == bulk  # the aggregates were current when the block ended
    for report_id in ("r1", "r2"):
        store.remove_report(report_id)
    store.write(rows_from_extractions([A]))
    store.write(rows_from_extractions([B]))
    assert state(store) == bulk


def test_bulk_block_settles_even_when_the_load_fails(store: GraphStore) -> None:
    with pytest.raises(KeyboardInterrupt), store.bulk():
        store.write(rows_from_extractions([A, B]))
        raise KeyboardInterrupt
    loaded = derived_rows(store)
    assert loaded["LawPair"], "the load wrote co-citations"
    store.rebuild_derived()
    assert derived_rows(store) == loaded
    store.write(rows_from_extractions([A_NEW]))  # after the block: the ordinary write path again
    assert store.counts()["Report"] == 2


def test_a_reader_sees_new_commits_after_refresh_and_writes_through_writer(backend: str) -> None:
    writer = open_store(backend)
    writer.write(rows_from_extractions([A]))
    reader = open_store(backend, read_only=True)
    try:
        writer.write(rows_from_extractions([B]))
        writer.close()
        reader.refresh()
        assert reader.counts()["Report"] == 2
        assert reader.refresh() is False  # nothing new: no reopen (LadybugDB #1007)
        with reader.writer() as writable:
            writable.remove_report("r2")
        reader.refresh()
        assert reader.counts()["Report"] == 1
    finally:
        reader.close()


def test_location_and_options_name_the_store_without_credentials(backend: str, store: GraphStore,
                                                                tmp_path: Path) -> None:
    shown = f"{store.location} {store.cli_options} {store.sidecar_path('.x')}"
    assert SECRET not in shown
    if backend == "embedded":
        assert store.location == str(tmp_path / "store.lbdb")
        assert store.sidecar_path(".search.sqlite") == tmp_path / "store.lbdb.search.sqlite"
    else:
        assert store.location.startswith("bolt://127.0.0.1:")
        assert store.sidecar_path(".x").parent == tmp_path  # beside where the embedded file would be


HOLDER = """
import sys
from fazhi.graph.open import open_store
store = open_store("embedded", db=sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def test_a_file_held_by_another_writer_is_store_locked(tmp_path: Path) -> None:
    db = tmp_path / "held.lbdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match="one writer at a time"):
            open_store("embedded", db=db)
    finally:
        holder.communicate("\n", timeout=30)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unusable_store_is_store_unavailable(backend: str, tmp_path: Path) -> None:
    if backend == "embedded":
        (tmp_path / "not-a-db.lbdb").write_text("just text")
        with pytest.raises(StoreUnavailable, match="not-a-db.lbdb"):
            open_store("embedded", db=tmp_path / "not-a-db.lbdb")
    else:
        uri = f"bolt://neo4j:{SECRET}@127.0.0.1:{neo4j_server.free_port()}"
        with pytest.raises(StoreUnavailable, match="not reachable") as caught:
            open_store("neo4j", neo4j_uri=uri)
        assert SECRET not in str(caught.value)


@pytest.mark.parametrize(("name", "texts"), [
    ("省公安厅", ["宣城市公安局2021年工作报告\n2021年，我局按照省公安厅部署推进依法行政。\n",
                 "宜春市公安局2021年工作报告\n2021年，我局按照省公安厅部署推进依法行政。\n"]),
    ("司法局", ["2021年，司法局指导我单位开展合法性审查。\n", "2022年，司法局组织行政执法人员培训。\n"]),
])
def test_agencies_whose_region_the_text_does_not_fix_never_merge_across_reports(
        store: GraphStore, name: str, texts: list[str]) -> None:
    """ANNOTATION.md: 省委 (or a bare 司法局) in a text that never fixes its region is that report's
    body only."""
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders.text import text_document

    extractions = [extract(text_document(f"{i}.txt", text)) for i, text in enumerate(texts)]
    store.write(rows_from_extractions(extractions))
    nodes = store.query(f"MATCH (a:Agency) WHERE a.name STARTS WITH '{name}' "
                        "MATCH (a)<-[:MENTIONS]-(r:Report) RETURN a.name, r.id").rows
    assert len(nodes) == 2 and len({name for name, _ in nodes}) == 2
    for name, report_id in nodes:  # each node is named with the one report that mentions it
        assert report_id[:8] in name
