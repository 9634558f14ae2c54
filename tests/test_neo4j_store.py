"""Neo4jStore against a real Neo4j (started from Maven jars by tests/fixtures_neo4j.py).

Expected numbers are counted by hand from the two small reports below, not taken
from the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import ClientError, Neo4jError

from fazhi.graph import neo4j_server
from fazhi.graph.neo4j_store import Neo4jStore
from fazhi.graph.store import QueryRefused, StoreUnavailable, rows_from_extractions
from fazhi.model import Agency, Evidence, Extraction, Law, Measure, Region, Relation, ReportMeta

pytestmark = pytest.mark.neo4j

LAW = "中华人民共和国行政许可法"
AGENCY = "甲市司法局"
SHARED_MEASURE = "行政执法公示制度"
ONLY_A_MEASURE = "法治督察机制"
REGION = "甲市"


def _rel(kind: str, source: str, source_label: str, target: str, target_label: str,
         sentence: str = "句子。", start: int = 0) -> Relation:
    return Relation(kind, source, target, Evidence(sentence, start, start + len(sentence)),
                    source_label, target_label, 2023)


A_TEXT = "句子。" + "正文甲" * 12 + "。" + "再次引用。"  # each evidence sentence at its offsets (0 and 40)


def report_a() -> Extraction:
    """Report A: 7 relation statements, one of them repeated -> 6 distinct edges."""
    return Extraction(
        report_id="rep-a", source="a.txt", text=A_TEXT, report=ReportMeta(title="甲市报告", year=2023),
        laws=[Law(LAW, "法律", issuer="全国人民代表大会常务委员会")],
        agencies=[Agency(AGENCY, "市", REGION)],
        measures=[Measure(SHARED_MEASURE, "制度"), Measure(ONLY_A_MEASURE, "机制")],
        regions=[Region(REGION, "市")],
        relations=[
            _rel("ISSUED", AGENCY, "Agency", "rep-a", "Report"),
            _rel("CITES", "rep-a", "Report", LAW, "Law"),
            _rel("CITES", "rep-a", "Report", LAW, "Law", "再次引用。", 40),  # same fact again
            _rel("IMPLEMENTS", AGENCY, "Agency", SHARED_MEASURE, "Measure"),
            _rel("IMPLEMENTS", AGENCY, "Agency", ONLY_A_MEASURE, "Measure"),
            _rel("BASED_ON", ONLY_A_MEASURE, "Measure", LAW, "Law"),
            _rel("LOCATED_IN", AGENCY, "Agency", REGION, "Region"),
        ],
    )


def report_b() -> Extraction:
    """Report B shares the law, the agency and one measure with A: 3 edges."""
    return Extraction(
        report_id="rep-b", source="b.txt", text="正文乙", report=ReportMeta(title="乙报告", year=2024),
        laws=[Law(LAW, "法律")],  # no issuer this time: must not erase A's
        agencies=[Agency(AGENCY)],
        measures=[Measure(SHARED_MEASURE, "制度")],
        relations=[
            _rel("ISSUED", AGENCY, "Agency", "rep-b", "Report"),
            _rel("CITES", "rep-b", "Report", LAW, "Law"),
            _rel("IMPLEMENTS", AGENCY, "Agency", SHARED_MEASURE, "Measure"),
        ],
    )


EXPECTED_BOTH = {
    "Report": 2, "Agency": 1, "Law": 1, "Measure": 2, "Region": 1,
    "ISSUED": 2, "CITES": 2, "MENTIONS": 0, "IMPLEMENTS": 3, "COOPERATES_WITH": 0,
    "BASED_ON": 1, "ISSUED_BY": 0, "REFERENCES": 0, "LOCATED_IN": 1, "PART_OF": 0,
}


def test_write_counts_and_rewrite_changes_nothing(neo4j_store: Neo4jStore) -> None:
    rows = rows_from_extractions([report_a(), report_b()])
    neo4j_store.write(rows)
    assert neo4j_store.counts() == EXPECTED_BOTH
    neo4j_store.write(rows)
    neo4j_store.write(rows_from_extractions([report_b()]))
    assert neo4j_store.counts() == EXPECTED_BOTH
    law = neo4j_store.query("MATCH (l:Law) RETURN l.issuer AS issuer, l.category AS category").records()
    assert law == [{"issuer": "全国人民代表大会常务委员会", "category": "法律"}]


def test_repeated_fact_is_one_edge_with_evidence_count(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(rows_from_extractions([report_a()]))
    neo4j_store.write(rows_from_extractions([report_a()]))
    got = neo4j_store.query(
        "MATCH (:Report {id: 'rep-a'})-[e:CITES]->(:Law) OPTIONAL MATCH (sen:Report {id: e.report_id}) "
        "RETURN e.evidence_count AS n, right(left(sen.text, e.end_offset), e.end_offset - e.start_offset) AS s, e.start_offset AS a, e.end_offset AS b"
    ).records()
    assert got == [{"n": 2, "s": "句子。", "a": 0, "b": 3}]


def test_small_batches_give_the_same_graph(neo4j_uri: str, neo4j_store: Neo4jStore) -> None:
    with Neo4jStore(neo4j_uri, batch_size=1) as tiny:
        tiny.write(rows_from_extractions([report_a(), report_b()]))
    assert neo4j_store.counts() == EXPECTED_BOTH


def test_bulk_block_creates_once_and_settles_the_aggregates(neo4j_store: Neo4jStore) -> None:
    """Inside bulk(): a report's edges written after its node (as push writes them) are created once,
    the same report written again in the block (a file listed twice) adds no edge, and the stats rows
    exist once the block ends."""
    from fazhi.graph.store import GraphRows

    rows = rows_from_extractions([report_a(), report_b()])
    nodes_only = GraphRows(nodes=rows.nodes, edges={})
    edges_only = GraphRows(nodes={label: {} for label in rows.nodes}, edges=rows.edges)
    with neo4j_store.bulk():
        neo4j_store.write(nodes_only)
        neo4j_store.write(edges_only)
        neo4j_store.write(rows_from_extractions([report_a()]))
        neo4j_store.write(rows_from_extractions([report_a()]))
    assert neo4j_store.counts() == EXPECTED_BOTH
    stats = neo4j_store.query("MATCH (s:MeasureStat) RETURN s.measure AS m, s.reports AS n ORDER BY m").records()
    assert stats == [{"m": ONLY_A_MEASURE, "n": 1}, {"m": SHARED_MEASURE, "n": 2}]


def test_remove_report_keeps_shared_and_drops_orphans(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(rows_from_extractions([report_a(), report_b()]))
    assert neo4j_store.remove_report("rep-a") == 6
    counts = neo4j_store.counts()
    assert {k: counts[k] for k in ("Report", "Agency", "Law", "Measure", "Region")} == {
        "Report": 1, "Agency": 1, "Law": 1, "Measure": 1, "Region": 0,
    }
    measures = neo4j_store.query("MATCH (m:Measure) RETURN m.name AS name").records()
    assert measures == [{"name": SHARED_MEASURE}]
    assert sum(counts[t] for t in EXPECTED_BOTH if t.isupper()) == 3  # B's edges untouched
    assert neo4j_store.remove_report("rep-a") == 0
    assert neo4j_store.remove_report("rep-b") == 3
    assert sum(neo4j_store.counts().values()) == 0


def test_version_changes_on_write_and_remove(neo4j_store: Neo4jStore) -> None:
    v0 = neo4j_store.version()
    neo4j_store.write(rows_from_extractions([report_a()]))
    v1 = neo4j_store.version()
    assert v1 != v0
    assert neo4j_store.version() == v1  # stable while nothing changes
    neo4j_store.remove_report("rep-a")
    assert neo4j_store.version() not in (v0, v1)


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Law {name: 'x'})",
    "MERGE (n:Law {name: 'x'})",
    "MATCH (n) DELETE n",
    "MATCH (n:Law) SET n.category = 'x'",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.create.node(['Law'], {name: 'x'})",
    "match (n) detach delete n",
])
def test_query_refuses_writes(neo4j_store: Neo4jStore, cypher: str) -> None:
    neo4j_store.write(rows_from_extractions([report_a()]))
    before = neo4j_store.counts()
    with pytest.raises(QueryRefused):
        neo4j_store.query(cypher)
    assert neo4j_store.counts() == before


def test_neo4j_itself_refuses_writes_in_read_mode(neo4j_store: Neo4jStore) -> None:
    """Second line of defence: bypass the lexical guard and ask Neo4j directly."""
    session = neo4j_store._driver.session(default_access_mode=neo4j.READ_ACCESS)
    with session, pytest.raises(ClientError) as caught:
        session.run("CREATE (n:Law {name: 'sneaky'})").consume()
    assert "AccessMode" in (caught.value.code or "")
    assert neo4j_store.counts()["Law"] == 0


def test_write_mode_query_runs_and_bumps_version(neo4j_store: Neo4jStore) -> None:
    before = neo4j_store.version()
    neo4j_store.query("CREATE (:Law {name: $n, category: '其他'})", {"n": "某条例"}, write=True)
    assert neo4j_store.counts()["Law"] == 1
    assert neo4j_store.version() != before


def test_row_cap_truncates_and_values_are_plain(neo4j_store: Neo4jStore) -> None:
    neo4j_store.query("UNWIND range(1, 30) AS i CREATE (:Law {name: 'law-' + toString(i)})", write=True)
    capped = neo4j_store.query("MATCH (n:Law) RETURN n ORDER BY n.name", row_cap=10)
    assert (len(capped.rows), capped.truncated) == (10, True)
    assert capped.rows[0][0] == {"name": "law-1", "_label": "Law"}
    whole = neo4j_store.query("MATCH (n:Law) RETURN n.name", row_cap=30)
    assert (len(whole.rows), whole.truncated) == (30, False)


def test_paths_and_relationships_become_json(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(rows_from_extractions([report_a()]))
    result = neo4j_store.query("MATCH p = (m:Measure)-[r:BASED_ON]->(l:Law) RETURN p, r")
    path, rel = result.rows[0]
    json.dumps(result.rows)  # must not raise
    assert [n["_label"] for n in path["nodes"]] == ["Measure", "Law"]
    assert [r["_label"] for r in path["rels"]] == ["BASED_ON"]
    assert [n["name"] for n in path["nodes"]] == [ONLY_A_MEASURE, LAW]
    assert rel["_label"] == "BASED_ON" and rel["report_id"] == "rep-a"


def test_query_timeout_is_enforced(neo4j_store: Neo4jStore) -> None:
    with pytest.raises(Neo4jError) as caught:
        neo4j_store.query("UNWIND range(1, 2000000000) AS x RETURN sum(x)", timeout_s=0.5)
    assert "Timed" in (caught.value.code or "") or "timeout" in str(caught.value).lower()


def test_iter_nodes_and_edges_page_through_everything(neo4j_store: Neo4jStore) -> None:
    neo4j_store.query(
        "UNWIND range(10, 32) AS i MERGE (a:Agency {name: 'agency-' + toString(i)}) "
        "MERGE (m:Measure {name: 'measure-' + toString(i % 5)}) "
        "MERGE (a)-[:IMPLEMENTS {report_id: 'r' + toString(i % 2), evidence_count: 1}]->(m)",
        write=True,
    )
    names = [n["name"] for n in neo4j_store.iter_nodes("Agency", batch_size=4)]
    assert names == [f"agency-{i}" for i in range(10, 33)]
    edges = list(neo4j_store.iter_edges("IMPLEMENTS", batch_size=4))
    assert len(edges) == 23
    assert {(e["source"], e["target"], e["report_id"]) for e in edges} == {
        (f"agency-{i}", f"measure-{i % 5}", f"r{i % 2}") for i in range(10, 33)
    }
    assert {(e["source_label"], e["target_label"]) for e in edges} == {("Agency", "Measure")}
    assert set(edges[0]) >= {"sentence", "start_offset", "end_offset", "year", "evidence_count"}


def test_from_env_reads_the_uri(neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with Neo4jStore.from_env() as store:
        assert store.uri == neo4j_uri
        assert store.counts()["Report"] >= 0


def test_down_server_is_store_unavailable() -> None:
    port = neo4j_server.free_port()
    with pytest.raises(StoreUnavailable, match="not reachable"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", connect_timeout_s=2)


@pytest.mark.parametrize("uri", ["bolt://neo4j:{secret}@127.0.0.1:{port}", "bolt+s://neo4j:{secret}@127.0.0.1:{port}",
                                 "http://neo4j:{secret}@127.0.0.1:{port}"])
def test_credentials_in_the_uri_never_reach_a_message(uri: str) -> None:
    secret = "uri-Secret-9"
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore(uri.format(secret=secret, port=neo4j_server.free_port()), connect_timeout_s=2)
    assert secret not in str(caught.value) and "127.0.0.1" in str(caught.value)


def test_unknown_database_is_store_unavailable(neo4j_uri: str) -> None:
    with pytest.raises(StoreUnavailable, match="no database 'nosuchdb'"):
        Neo4jStore(neo4j_uri, database="nosuchdb")


def test_wrong_password_and_server_lifecycle(neo4j_auth_server) -> None:
    info, pid_file = neo4j_auth_server
    assert neo4j_server.status(pid_file) == info
    secret = "wrong-Password-42"
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore(info.uri, user="neo4j", password=secret)
    message = str(caught.value)
    assert secret not in message and "\n" not in message
    assert "refused the login" in message
    assert neo4j_server.stop(pid_file) is True
    assert neo4j_server.status(pid_file) is None
    assert not neo4j_server.port_open(info.port)


def test_page_cache_follows_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new server gets PAGE_CACHE_MB; a bigger store its size and a quarter, rounded up to 64 MiB, but never
    more than half the memory available; FAZHI_NEO4J_PAGE_CACHE_MB fixes it."""
    monkeypatch.delenv("FAZHI_NEO4J_PAGE_CACHE_MB", raising=False)
    assert neo4j_server.page_cache_for(tmp_path / "none") == neo4j_server.PAGE_CACHE_MB
    store = tmp_path / "data" / "databases" / "neo4j"
    store.mkdir(parents=True)
    with open(store / "neostore.nodestore.db", "wb") as out:
        out.truncate(1000 * 2**20)  # sparse: 1,000 MiB
    monkeypatch.setattr(neo4j_server, "_available_mb", lambda: 16_000)
    assert neo4j_server.page_cache_for(tmp_path) == 1280  # 1,250 MiB rounded up
    monkeypatch.setattr(neo4j_server, "_available_mb", lambda: 1_000)
    assert neo4j_server.page_cache_for(tmp_path) == 500
    monkeypatch.setenv("FAZHI_NEO4J_PAGE_CACHE_MB", "300")
    assert neo4j_server.page_cache_for(tmp_path) == 300
