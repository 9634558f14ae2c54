"""The precomputed aggregates (graph/derived.py) always equal a recomputation from the facts.

Whatever path changed the graph — ingest in any order, re-ingest, remove, reindex, push to
Neo4j — the maintained tables must be what `rebuild_derived` computes from scratch.
"""

import itertools
from pathlib import Path

import pytest

from fazhi.graph.derived import DERIVED_NODES, Touched
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import rows_from_extractions
from fazhi.graph.transfer import copy_graph
from fazhi.ingest import ingest
from fazhi.model import Relation
from fazhi.reindex import reindex
from helpers import make_extraction, rounded

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
A = make_extraction("r1", "韶关市司法局", ["双随机、一公开", "法律顾问制度"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例", "中华人民共和国宪法"])
B = make_extraction("r2", "韶关市市场监督管理局", ["双随机、一公开"],
                    ["中华人民共和国行政处罚法", "优化营商环境条例"], year=2023)


def derived_rows(store) -> dict[str, list[tuple]]:
    """Every derived row, sorted, without LawPair.top (a function of the counts); LawInflow's sums of
    fractions to 9 places (kept by deltas, they may differ from a recount in the last bits)."""
    out = {}
    for label, (_, props) in DERIVED_NODES.items():
        columns = [p for p in props if p != "top"]
        returns = ", ".join(f"s.{p} AS {p}" for p in columns)
        rows = store.query(f"MATCH (s:{label}) RETURN {returns}", row_cap=1_000_000).rows
        out[label] = sorted(tuple(rounded(row)) for row in rows)
    return out


def assert_top_marked(store) -> None:
    """LawPair.top is set exactly on the pairs counted at least as often as the TOP_PAIRS-th most cited."""
    from fazhi.graph import derived

    pairs = store.query("MATCH (p:LawPair) RETURN p.reports, p.top", row_cap=1_000_000).rows
    assert pairs, "no co-citation pairs to check"
    counts = sorted((n for n, _ in pairs), reverse=True)
    floor = counts[min(derived.TOP_PAIRS, len(counts)) - 1]  # the module's: a test may lower it
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


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def either_store(request, tmp_path):
    """Both stores: Neo4j's default path adds a write of new reports to the stats rows
    (graph/stat_deltas.py), where the embedded store recomputes them."""
    if request.param == "neo4j":
        yield request.getfixturevalue("neo4j_store")
    else:
        yield request.getfixturevalue("store")


def test_write_and_rewrite_keep_the_aggregates_current(either_store) -> None:
    store = either_store
    store.write(rows_from_extractions([A]))
    store.write(rows_from_extractions([B]))
    store.write(rows_from_extractions([A, B]))
    rows = assert_current(store)
    pairs = {(a, b): n for _, a, b, n in rows["LawPair"]}
    assert pairs[("中华人民共和国行政处罚法", "优化营商环境条例")] == 2
    assert pairs[("中华人民共和国宪法", "中华人民共和国行政处罚法")] == 1
    measures = {row[0]: row for row in rows["MeasureStat"]}
    assert measures["双随机、一公开"][2:4] == (2, 2)  # two agencies, two reports


def test_remove_takes_its_counts_away(either_store) -> None:
    store = either_store
    store.write(rows_from_extractions([A, B]))
    store.remove_report("r1")
    rows = assert_current(store)
    assert [(a, b, n) for _, a, b, n in rows["LawPair"]] == [
        ("中华人民共和国行政处罚法", "优化营商环境条例", 1)]
    assert [row[0] for row in rows["MeasureStat"]] == ["双随机、一公开"]


def test_new_reports_add_to_the_stats_of_what_they_share_with_stored_ones(either_store) -> None:
    """Reports new to the store, written one batch at a time, whose agencies, measures and documents
    are already stored (an agency implementing a measure again, an issuer citing a document again, a
    year outside the stored range): the distinct counts must not count a pair twice."""
    store = either_store
    again = make_extraction("r3", "韶关市司法局", ["双随机、一公开", "柔性执法"],
                            ["中华人民共和国行政处罚法", "新条例"], year=2019)
    later = make_extraction("r4", "韶关市市场监督管理局", ["法律顾问制度"], ["中华人民共和国宪法"], year=2025)
    for report in (again, later):  # both mention 司法局 (a MENTIONS count the stats add to)
        evidence = report.relations[0].evidence
        report.relations.append(Relation("MENTIONS", report.report_id, "韶关市司法局", evidence, "Report", "Agency"))
    for batch in ([A], [B], [again], [later]):
        store.write(rows_from_extractions(batch))
    rows = assert_current(store)
    measures = {row[0]: row for row in rows["MeasureStat"]}
    assert measures["双随机、一公开"][2:6] == (2, 3, 2019, 2023)  # agencies, reports, first, last year
    assert measures["法律顾问制度"][2:4] == (2, 2)
    laws = {row[0]: row for row in rows["LawStat"]}
    assert laws["中华人民共和国行政处罚法"][3:5] == (3, 2)  # reports, agencies
    agencies = {row[0]: row for row in rows["AgencyStat"]}
    assert agencies["韶关市司法局"][3:7] == (4, 2, 3, 2)  # facts, mentions, measures, implemented


def test_top_flags_follow_batches_of_new_reports(either_store, monkeypatch) -> None:
    """Batches of new reports raise some pairs past the floor and push others out of the top; Neo4j finds the
    new floor among the flagged pairs and the batch's own (derived.mark_top's `raised`), which must give the
    flags a recount over every pair gives, ties included."""
    from fazhi.graph import derived

    monkeypatch.setattr(derived, "TOP_PAIRS", 4)
    laws = [f"条例{i:02d}" for i in range(12)]
    batches = [[make_extraction(f"r{b}{i}", "韶关市司法局", ["双随机、一公开"], laws[b + i : b + i + 4])
                 for i in range(3)] for b in range(0, 8, 2)]
    for batch in batches:  # each batch cites the next documents: its pairs overtake the earlier ones
        either_store.write(rows_from_extractions(batch))
        assert_top_marked(either_store)
    flagged = either_store.query("MATCH (p:LawPair) WHERE p.top RETURN p.law_a, p.law_b", row_cap=1000).rows
    assert ["条例01", "条例02"] not in flagged and ["条例08", "条例09"] in flagged  # top after the first batch only


def test_samples_ingest_remove_and_reindex(either_store) -> None:
    store = either_store
    ingest([SAMPLES], store, workers=1, batch_reports=3)
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


def test_a_bulk_load_settled_in_small_pieces_keeps_them_current(tmp_path, monkeypatch) -> None:
    """The end of a bulk load refreshes every touched name in bounded transactions (Touched.pieces): with
    pieces of one edge and two names the aggregates still equal a recount."""
    monkeypatch.setattr("fazhi.graph.ladybug_store.SETTLE_EDGES", 1)
    monkeypatch.setattr("fazhi.graph.ladybug_store.SETTLE_NAMES", 2)
    with LadybugStore(tmp_path / "bulk.lbdb") as bulk:
        ingest([SAMPLES], bulk, workers=1, bulk=True)
        assert_current(bulk)


def test_touched_pieces_cover_every_name_once_within_their_budget(store) -> None:
    ingest([SAMPLES], store, workers=1)
    names = {label: {n for (n,) in store.query(f"MATCH (n:{label}) RETURN n.name", row_cap=100_000).rows}
             for label in ("Measure", "Law", "Agency")}
    touched = Touched(names["Measure"], names["Law"], names["Agency"])
    degree = dict(store.query("MATCH (:Report)-[e:CITES]->(l:Law) RETURN l.name, count(e)").rows)
    pieces = list(touched.pieces(store._rows, edges=5, names=7))
    for kind in ("measures", "laws", "agencies"):
        parts = [getattr(p, kind) for p in pieces if getattr(p, kind)]
        assert sorted(n for part in parts for n in part) == sorted(getattr(touched, kind))
        assert all(len(part) <= 7 for part in parts)
    law_parts = [p.laws for p in pieces if p.laws]
    assert len(law_parts) > 1
    assert all(len(part) == 1 or sum(degree.get(n, 0) for n in part) <= 5 for part in law_parts)


def test_bulk_pairs_written_at_the_end_equal_the_batch_by_batch_counts(tmp_path) -> None:
    """A bulk load sums co-citations in memory and writes them when it ends (derived.PairCounts): in
    batches, with a report written twice, into a fresh store (COPY) and into one that holds pairs
    (deltas), the pairs equal those of the default path and a recount."""
    C = make_extraction("r3", "韶关市教育局", ["法律顾问制度"], ["中华人民共和国宪法", "优化营商环境条例"])
    with LadybugStore(tmp_path / "default.lbdb") as default:
        for batch in ([A], [B, A], [C]):
            default.write(rows_from_extractions(batch))
        expected = assert_current(default)
    with LadybugStore(tmp_path / "fresh.lbdb") as fresh:
        with fresh.bulk():
            for batch in ([A], [B, A], [C]):
                fresh.write(rows_from_extractions(batch))
        assert assert_current(fresh) == expected
    with LadybugStore(tmp_path / "held.lbdb") as held:
        held.write(rows_from_extractions([A]))
        with held.bulk():
            held.write(rows_from_extractions([B, A]))
            held.write(rows_from_extractions([C]))
        assert assert_current(held) == expected


def test_pair_counts_sum_and_drop_zero_pairs() -> None:
    from collections import Counter

    from fazhi.graph.derived import PairCounts

    counts = PairCounts()
    counts.add(Counter({("甲法", "乙法"): 2, ("乙法", "丙法"): 1}))
    counts.add(Counter({("甲法", "乙法"): 1, ("乙法", "丙法"): -1, ("丙法", "丁法"): 1}))
    assert counts.deltas() == Counter({("甲法", "乙法"): 3, ("丙法", "丁法"): 1})


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
            assert stored_agency_stats(server) == recounted_agencies(server)
            server.query("MATCH (s:AgencyStat) DELETE s", write=True)  # a graph from before AgencyStat
            with Neo4jStore(neo4j_uri) as reopened:
                assert stored_agency_stats(reopened) == recounted_agencies(reopened)
        finally:
            server.clear()


def recounted_agencies(store) -> list[tuple]:
    """AgencyStat's rows as a plain recount from the facts: every Agency, its IMPLEMENTS edges, the
    MENTIONS edges into it (counted in Python from the edge lists, not by the maintained query)."""
    facts: dict = {}
    mentions: dict = {}
    for source, in store.query("MATCH (a:Agency)-[:IMPLEMENTS]->(:Measure) RETURN a.name", row_cap=10**7).rows:
        facts[source] = facts.get(source, 0) + 1
    for target, in store.query("MATCH (:Report)-[:MENTIONS]->(a:Agency) RETURN a.name", row_cap=10**7).rows:
        mentions[target] = mentions.get(target, 0) + 1
    agencies = store.query("MATCH (a:Agency) RETURN a.name, a.level, a.region", row_cap=10**7).rows
    return sorted((name, level, region, facts.get(name, 0), mentions.get(name, 0)) for name, level, region in agencies)


def stored_agency_stats(store) -> list[tuple]:
    return sorted(tuple(row) for row in store.query(
        "MATCH (s:AgencyStat) RETURN s.agency, s.level, s.region, s.facts, s.mentions", row_cap=10**7).rows)


def test_agency_stats_equal_a_recount_after_ingest_and_remove(store) -> None:
    ingest([SAMPLES], store, workers=1)
    only = make_extraction("r9", "测试县独有局", ["双随机、一公开"], ["中华人民共和国宪法"], region="测试县")
    store.write(rows_from_extractions([A, B, only]))
    assert stored_agency_stats(store) == recounted_agencies(store)
    assert ("测试县独有局", "市", "测试县", 1, 0) in stored_agency_stats(store)
    store.remove_report("r9")  # its only report: the agency's node and its row go
    assert "测试县独有局" not in {row[0] for row in stored_agency_stats(store)}
    assert stored_agency_stats(store) == recounted_agencies(store)
    first = store.query("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
    store.remove_report(first)
    assert stored_agency_stats(store) == recounted_agencies(store)


def test_agency_stats_after_bulk_ingest(tmp_path) -> None:
    with LadybugStore(tmp_path / "bulk.lbdb") as bulk:
        ingest([SAMPLES], bulk, workers=1, bulk=True)
        assert stored_agency_stats(bulk) == recounted_agencies(bulk)


def made_without(path: Path, table: str, recount) -> list | dict:
    """The samples in a store from which `table` is dropped (a store made before it): a reader is told the
    command, then a writer's open fills it. Returns `recount` of the store before the drop."""
    from fazhi.graph.store import StoreUnavailable

    with LadybugStore(path) as old:
        ingest([SAMPLES], old, workers=1)
        expected = recount(old)
        old.query(f"DROP TABLE {table}", write=True)
    with pytest.raises(StoreUnavailable, match="fazhi derive"):
        LadybugStore(path, read_only=True)
    with LadybugStore(path):
        pass
    return expected


def test_a_store_without_agency_stats_is_named_to_readers_and_filled_by_a_writer(tmp_path) -> None:
    """A store made before AgencyStat: a reader is told the command, any writer fills the table."""
    expected = made_without(tmp_path / "old.lbdb", "AgencyStat", recounted_agencies)
    with LadybugStore(tmp_path / "old.lbdb", read_only=True) as reader:
        assert stored_agency_stats(reader) == expected

def test_a_failing_rebuild_keeps_the_stored_aggregates(tmp_path, monkeypatch) -> None:
    """`fazhi derive` that fails half-way (a full buffer pool, as at 50,000 reports with 4 GB) rolls back:
    the aggregate tables are still there, readable, with the rows they had, and the next write works."""
    from fazhi.graph import derived
    from fazhi.graph.store import StoreFull

    path = tmp_path / "kept.lbdb"
    with LadybugStore(path) as writer:
        ingest([SAMPLES], writer, workers=1)
        before = derived_rows(writer)
    assert before["LawPair"] and before["MeasureStat"]

    def full_pool(*_args, **_kwargs) -> None:
        raise RuntimeError("Buffer manager exception: Unable to allocate memory! The buffer pool is full "
                           "and no memory could be freed!")

    with LadybugStore(path) as writer:
        monkeypatch.setattr(derived, "_apply_pairs", full_pool)
        with pytest.raises(StoreFull):
            writer.rebuild_derived()
        monkeypatch.undo()
        assert derived_rows(writer) == before
    with LadybugStore(path, read_only=True) as reader:
        assert derived_rows(reader) == before
    with LadybugStore(path) as writer:
        assert_current(writer)


def test_check_probe_passes_when_current_and_names_a_stale_row(store) -> None:
    """derived.check (the bench's probe after an incremental batch) is empty on a current store and
    reports the stat row that no longer matches its edges."""
    from fazhi.graph.derived import check

    ingest([SAMPLES], store, workers=1)

    def run(cypher, params):
        return store.query(cypher, params).rows

    assert check(run) == []
    store.query("MATCH (s:MeasureStat) WITH s ORDER BY s.reports DESC, s.measure LIMIT 1 "
                "SET s.reports = s.reports + 1", write=True)
    problems = check(run)
    assert len(problems) == 1 and problems[0].startswith("MeasureStat"), problems
    store.query("MATCH (s:LawStat) WITH s ORDER BY s.reports DESC, s.law LIMIT 1 "
                "SET s.agencies = s.agencies + 1", write=True)
    assert [p.split(":")[0] for p in check(run)] == ["MeasureStat", "LawStat"]


def _count_created_per_transaction(monkeypatch) -> dict[int, int]:
    """Spy on the Neo4j store's derived.Runner: nodes each transaction created through it, by
    transaction (the aggregates' rows are the only nodes created that way)."""
    from fazhi.graph import neo4j_store

    created: dict[int, int] = {}
    numbers = itertools.count()

    def counting_runner(tx):
        number = next(numbers)  # not id(tx): a finished transaction's id is reused by a later one

        def run(cypher, params):
            result = tx.run(cypher, params)
            rows = [list(record.values()) for record in result]
            created[number] = created.get(number, 0) + result.consume().counters.nodes_created
            return rows
        return run

    monkeypatch.setattr(neo4j_store, "_tx_runner", counting_runner)
    return created


def test_neo4j_aggregates_change_in_bounded_transactions(neo4j_store, monkeypatch) -> None:
    """Neo4j keeps a transaction's changes on its heap: one batch's pairs (~150,000 for 1,000 new
    reports) or a rebuild's (1.1 M at 10,000) in one transaction ran a 768 MiB server out of memory.
    No transaction may create more aggregate rows than one chunk, and the result must stay exact."""
    from fazhi.graph import derived
    from fazhi.graph import neo4j_store as store_module

    monkeypatch.setattr(derived, "CHUNK", 40)
    monkeypatch.setattr(store_module, "DERIVED_ROWS", 40)  # the chunk the Neo4j store hands derived
    monkeypatch.setattr(store_module, "SWEEP_ROWS", 40, raising=False)
    monkeypatch.setattr(store_module, "REBUILD_EDGES", 30)  # pair rows (and stats edges) one statement reads
    laws = [f"条例{i:02d}" for i in range(40)]
    reports = [make_extraction(f"r{i}", f"机关{i}", ["双随机、一公开"], laws[i * 4 : i * 4 + 12], year=2020 + i)
               for i in range(8)]  # 8 × 66 pairs, overlapping neighbours: 3xx distinct pairs
    created = _count_created_per_transaction(monkeypatch)
    neo4j_store.write(rows_from_extractions(reports))
    assert sum(created.values()) > 300 and max(created.values()) <= 40
    assert_top_marked(neo4j_store)
    maintained = derived_rows(neo4j_store)
    created.clear()
    counted = []
    real_rebuild = derived.rebuild
    monkeypatch.setattr(derived, "rebuild", lambda run, *args, **kw: real_rebuild(
        lambda cypher, params: counted.append(cypher) or run(cypher, params), *args, **kw))
    neo4j_store.rebuild_derived()
    assert sum(created.values()) > 300 and max(created.values()) <= 40
    # 8 reports of 12 documents read 8 × 12 × 12 pair rows: far over 30 a statement, so many statements
    assert counted.count(derived.LAW_PAIRS.statement("of")) > 10
    assert derived_rows(neo4j_store) == maintained
    assert_top_marked(neo4j_store)


def recounted_inflow(store) -> dict[str, tuple[float, int]]:
    """LawInflow as a plain recount in Python from the CITES and BASED_ON edge lists: each source gives a
    document (its edges to it) / (its edges to documents)."""
    edges: dict[tuple[str, str], dict[str, int]] = {}
    for label, source, law in store.query(
            "MATCH (s)-[e]->(l:Law) WHERE label(e) IN ['CITES', 'BASED_ON'] "
            "RETURN label(s), CASE WHEN label(s) = 'Report' THEN s.id ELSE s.name END, l.name", row_cap=10**7).rows:
        counts = edges.setdefault((label, source), {})
        counts[law] = counts.get(law, 0) + 1
    out: dict[str, tuple[float, int]] = {}
    for counts in edges.values():
        total = sum(counts.values())
        for law, n in counts.items():
            inflow, sources = out.get(law, (0.0, 0))
            out[law] = (inflow + n / total, sources + 1)
    return {law: (round(inflow, 9), sources) for law, (inflow, sources) in out.items()}


def stored_inflow(store) -> dict[str, tuple[float, int]]:
    rows = store.query("MATCH (s:LawInflow) RETURN s.law, s.inflow, s.sources", row_cap=10**7).rows
    return {law: (round(inflow, 9), sources) for law, inflow, sources in rows}


def test_law_inflow_equals_a_recount_after_ingest_and_remove(store) -> None:
    ingest([SAMPLES], store, workers=1)
    assert store.query("MATCH (:Measure)-[e:BASED_ON]->(:Law) RETURN count(e)").rows[0][0] > 0
    assert stored_inflow(store) == recounted_inflow(store)
    for (report,) in store.query("MATCH (r:Report)-[:CITES]->(:Law) RETURN DISTINCT r.id ORDER BY r.id LIMIT 2").rows:
        store.remove_report(report)
    assert stored_inflow(store) == recounted_inflow(store)
    store.write(rows_from_extractions([A, B]))
    assert stored_inflow(store) == recounted_inflow(store)


def test_law_inflow_after_a_bulk_load_into_a_store_that_holds_reports(tmp_path) -> None:
    """A bulk block skips the per-batch deltas and recounts LawInflow at its end (derived.rebuild_inflow)."""
    with LadybugStore(tmp_path / "bulk-inflow.lbdb") as bulk:
        bulk.write(rows_from_extractions([A]))
        ingest([SAMPLES], bulk, workers=1, bulk=True)
        assert stored_inflow(bulk) == recounted_inflow(bulk)
        assert "中华人民共和国宪法" in stored_inflow(bulk)


def report_facts(store, report: str) -> dict:
    columns = list(DERIVED_NODES["ReportFacts"][1])
    row = store.query(f"MATCH (f:ReportFacts {{report: $r}}) RETURN {', '.join('f.' + c for c in columns)}",
                      {"r": report}).rows
    return dict(zip(columns, row[0], strict=True)) if row else {}


def test_report_facts_written_a_few_rows_per_statement_equal_a_recount(store, monkeypatch) -> None:
    """ReportFacts rows are CREATEd CREATE_ROWS at a time (20,000 per statement outgrew Neo4j's transaction
    memory at 50k): with two per statement, the samples' maintained rows and a rebuild's are the same."""
    monkeypatch.setattr("fazhi.graph.report_facts.CREATE_ROWS", 2)
    ingest([SAMPLES], store, workers=1)
    rows = assert_current(store)
    reports = store.query("MATCH (r:Report) RETURN count(r)").rows[0][0]
    assert len(rows["ReportFacts"]) == reports > 2  # more rows than one statement takes


def test_report_facts_follow_an_issuers_level_and_later_edges(store) -> None:
    """ReportFacts (graph/report_facts.py): an issuer's level changed by a later batch changes the lowest
    level of the reports it issued; a later batch's edges of a stored report join its facts; a fact of an
    agency the report neither issues nor mentions is kept (the queries filter it by `linked`); remove drops it."""
    from fazhi.graph.store import GraphRows

    store.write(rows_from_extractions([A, B]))
    assert report_facts(store, "r1")["levels"] == ["市"]
    relevel = GraphRows()
    relevel.add_node("Agency", {"name": "韶关市司法局", "level": "区县", "region": "韶关市"})
    store.write(relevel)
    assert report_facts(store, "r1")["level"] == "区县"
    later = GraphRows()
    later.add_node("Agency", {"name": "韶关市外局", "level": "市", "region": "韶关市"})
    later.add_edge("IMPLEMENTS", "Agency", "韶关市外局", "Measure", "法律顾问制度",
                   {"report_id": "r1", "start_offset": 0, "end_offset": 3, "year": 2022})
    store.write(later)
    facts = report_facts(store, "r1")
    assert ("韶关市外局", "法律顾问制度") in set(zip(facts["agencies"], facts["measures"], strict=True))
    assert "韶关市外局" not in facts["linked"]
    assert facts["laws"] == sorted(A.laws[i].name for i in range(3))
    assert_current(store)
    rows = [tuple(r) for r in store.query(
        library_cypher("region_measure_evidence", store), {**EVIDENCE_PARAMS, "region": "韶关市"}).rows]
    assert "韶关市司法局" in {r[3] for r in rows}
    assert "韶关市外局" not in {r[3] for r in rows}  # the unlinked agency's fact is not shown
    store.remove_report("r1")
    assert report_facts(store, "r1") == {}
    assert_current(store)


EVIDENCE_PARAMS = {"year_from": 0, "year_to": 0, "level": "", "doc_type": "", "skip": 0, "limit": 100}


def library_cypher(name: str, store) -> str:
    from fazhi.queries import library

    return library.get(name).cypher_for(store.dialect)


def recounted_adoption(store) -> dict[tuple, int]:
    """MeasureAdoption as a plain recount in Python from the IMPLEMENTS edge list: per measure, region (the
    agency's own, else its report's) and year, the distinct agencies."""
    reports = dict(store.query("MATCH (r:Report) RETURN r.id, r.region", row_cap=10**7).rows)
    groups: dict[tuple, set] = {}
    for agency, region, measure, year, report in store.query(
            "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) RETURN a.name, a.region, m.name, e.year, e.report_id",
            row_cap=10**7).rows:
        groups.setdefault((measure, reports[report] if region is None else region, year), set()).add(agency)
    return {group: len(agencies) for group, agencies in groups.items()}


def stored_adoption(store) -> dict[tuple, int]:
    rows = store.query("MATCH (s:MeasureAdoption) RETURN s.measure, s.region, s.year, s.agencies",
                       row_cap=10**7).rows
    return {(measure, region, year): agencies for measure, region, year, agencies in rows}


def national(report_id: str, measures: list[str], region: str, year: int = 2022):
    """A report of 测试部, an agency without a region of its own (its facts count in the report's region)."""
    report = make_extraction(report_id, "测试部", measures, [], year=year, region=region)
    report.agencies[0].region = None
    report.relations = [r for r in report.relations if r.type != "LOCATED_IN"]
    return report


def test_measure_adoption_equals_a_recount_after_ingest_new_reports_and_replacement(either_store,
                                                                                      monkeypatch) -> None:
    """MeasureAdoption (graph/adoption.py) changes by deltas on every write and removal: an agency counts once
    per measure, region and year however many reports state it, an agency without a region counts in each of
    its reports' regions, a report rewritten or replaced with another year moves its agency, a removed report
    takes away only what no other report states."""
    from fazhi.graph import adoption

    store = either_store
    checked = []
    real_present = adoption.present
    monkeypatch.setattr(adoption, "present", lambda *args: checked.append(1) or real_present(*args))
    ingest([SAMPLES], store, workers=1, batch_reports=3)  # batches of new reports
    assert stored_adoption(store) == recounted_adoption(store)
    assert checked, "the writes must have taken the delta path"
    again = make_extraction("t2", "韶关市司法局", ["测试措施甲"], [], year=2022)
    batches = [[make_extraction("t1", "韶关市司法局", ["测试措施甲", "测试措施乙"], [], year=2022)], [again],
               [national("n1", ["测试措施甲"], "河源市")], [national("n2", ["测试措施甲"], "韶关市")],
               [national("n3", ["测试措施甲", "测试措施乙"], "河源市")]]
    for batch in batches:
        store.write(rows_from_extractions(batch))
        assert stored_adoption(store) == recounted_adoption(store)
    counts = stored_adoption(store)
    assert counts[("测试措施甲", "韶关市", 2022)] == 2  # 司法局 (two reports) and 测试部 (n2)
    assert counts[("测试措施甲", "河源市", 2022)] == 1  # 测试部 (n1, n3)
    store.write(rows_from_extractions([again, national("n3", ["测试措施甲", "测试措施乙"], "河源市")]))  # stored
    assert stored_adoption(store) == recounted_adoption(store)
    store.replace_report("n1", rows_from_extractions([national("n1", ["测试措施甲"], "河源市", year=2019)]))
    assert stored_adoption(store) == recounted_adoption(store)
    assert counts[("测试措施甲", "河源市", 2022)] == stored_adoption(store)[("测试措施甲", "河源市", 2022)]  # n3
    store.remove_report("n3")
    assert ("测试措施甲", "河源市", 2022) not in stored_adoption(store)
    store.remove_report("t1")
    assert stored_adoption(store) == recounted_adoption(store)
    assert stored_adoption(store)[("测试措施甲", "韶关市", 2022)] == 2  # t2 still states 司法局's
    assert_current(store)


def test_measure_adoption_follows_an_agency_whose_region_a_write_changes(either_store) -> None:
    """An agency counted in its report's region gets a region of its own from a later report that implements
    nothing (no IMPLEMENTS edge of it in that write): its measures' groups move with it."""
    store = either_store
    store.write(rows_from_extractions([national("n1", ["测试措施甲"], "河源市")]))
    store.write(rows_from_extractions([make_extraction("n9", "测试部", [], [], region="韶关市")]))
    assert stored_adoption(store) == recounted_adoption(store) == {("测试措施甲", "韶关市", 2022): 1}


def test_measure_adoption_after_a_bulk_load(tmp_path) -> None:
    """A bulk load recounts the touched measures' rows at its end (no deltas per batch)."""
    with LadybugStore(tmp_path / "bulk-adoption.lbdb") as bulk:
        bulk.write(rows_from_extractions([national("n1", ["测试措施甲"], "河源市")]))
        ingest([SAMPLES], bulk, workers=1, bulk=True)
        assert stored_adoption(bulk) == recounted_adoption(bulk)


@pytest.mark.neo4j
def test_a_store_made_before_measure_adoption_gets_it_on_open(tmp_path, neo4j_uri) -> None:
    """An embedded store without the table: a reader is told `fazhi derive`, a writer's open fills it. A Neo4j graph
    without its rows (pushed or imported by an earlier version) gets them when the store opens."""
    from fazhi.graph.neo4j_store import Neo4jStore

    expected = made_without(tmp_path / "old-adoption.lbdb", "MeasureAdoption", recounted_adoption)
    with LadybugStore(tmp_path / "old-adoption.lbdb", read_only=True) as reader:
        assert stored_adoption(reader) == expected
        with Neo4jStore(neo4j_uri) as server:
            server.clear()
            try:
                copy_graph(reader, server)
                server.query("MATCH (s:MeasureAdoption) DELETE s", write=True)
                with Neo4jStore(neo4j_uri) as reopened:
                    assert stored_adoption(reopened) == expected
            finally:
                server.clear()
