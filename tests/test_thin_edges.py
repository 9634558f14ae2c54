"""Thin edges (graph/store.py): a store keeps no sentence apart from the report texts, and users see the
same evidence.

"Before" is not read from the code under test. The expected evidence of every fact comes from the
extraction of the files (`extract` → the rows a store is handed, sentences straight from the
extractor's Evidence, each checked against the report's original text), and the expected query results
come from the library queries as they were before thin edges — reading `e.sentence` off the edge — run
on the same store after the test itself has written every edge's sentence back onto it from those rows
(the test rewrites each query's cut of the report text into that read).
Run on the samples and the seeds, on LadybugDB and on Neo4j.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from fazhi.extraction.pipeline import extract
from fazhi.graph.exports import write_graphml
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import NODE_KEY, GraphRows, StoreUnavailable, rows_from_extractions
from fazhi.loaders import iter_files, load
from fazhi.model import RELATION_ENDPOINTS
from fazhi.queries import library

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
# A query's cut of the evidence out of its report's text, and the join that binds that report.
CUT = re.compile(r"right\(left\((\w+)\.text, (\w+)\.end_offset\), (\w+)\.end_offset - (\w+)\.start_offset\)")
# the LadybugDB text of the same cut (queries/library.py EVIDENCE_RE)
SUBSTRING_CUT = re.compile(r"substring\((\w+)\.text, (\w+)\.start_offset \+ 1, (\w+)\.end_offset - (\w+)\.start_offset\)")
JOIN_LINE = re.compile(r"^OPTIONAL MATCH \(src:Report \{id: e\.report_id\}\)\n", re.MULTILINE)
# Queries that cut evidence at an edge's offsets. Those reading the offsets from ReportFacts (no edge to
# read a sentence off) are compared with the edges' own offsets and texts in tests/test_filtered_queries.py.
EVIDENCE_QUERIES = sorted(name for name, q in library.load_library().items()
                          if any(CUT.search(text) and "ReportFacts" not in text for text in q.variants.values()))
EdgeKey = tuple[str, str, str, str, str, str]


def _rows(folder: Path) -> GraphRows:
    return rows_from_extractions([extract(load(path)) for path in iter_files([folder])])


def expected_evidence(rows: GraphRows) -> dict[EdgeKey, tuple[Any, ...]]:
    """(type, ends, report) → (sentence, start, end, year, count), as the extractor stated them."""
    texts = {rid: node["text"] for rid, node in rows.nodes["Report"].items()}
    out = {}
    for (rel_type, source_label, target_label), edges in rows.edges.items():
        for (source, target, report_id), props in edges.items():
            start, end = props["start_offset"], props["end_offset"]
            assert texts[report_id][start:end] == props["sentence"]  # the evidence quotes the original text
            out[(rel_type, source_label, target_label, source, target, report_id)] = (
                props["sentence"], start, end, props["year"], props["evidence_count"])
    return out


def stored_evidence(store) -> dict[EdgeKey, tuple[Any, ...]]:
    return {(t, e["source_label"], e["target_label"], e["source"], e["target"], e["report_id"]):
            (e["sentence"], e["start_offset"], e["end_offset"], e["year"], e["evidence_count"])
            for t in RELATION_ENDPOINTS for e in store.iter_edges(t)}


def old_query(cypher: str) -> str:
    """The query as it was before thin edges: each sentence read off its edge, no join."""
    def read_off_edge(match: re.Match[str]) -> str:
        edge = match.group(2)
        assert match.group(3) == match.group(4) == edge  # one edge's own offsets
        return f"{edge}.sentence"

    return JOIN_LINE.sub("", SUBSTRING_CUT.sub(read_off_edge, CUT.sub(read_off_edge, cypher)))


def put_sentences_on_edges(store, rows: GraphRows) -> None:
    """The old layout's sentence property, written by the test from the extraction rows."""
    for (rel_type, source_label, target_label), edges in rows.edges.items():
        sk, tk = NODE_KEY[source_label], NODE_KEY[target_label]
        batch = [{"s": s, "t": t, "r": r, "sentence": p["sentence"]} for (s, t, r), p in edges.items()]
        store.query(f"UNWIND $rows AS row MATCH (a:{source_label} {{{sk}: row.s}})-[e:{rel_type}]->"
                    f"(b:{target_label} {{{tk}: row.t}}) WHERE e.report_id = row.r SET e.sentence = row.sentence",
                    {"rows": batch}, write=True)


def parameter_sets(store, query: library.LibraryQuery) -> list[dict[str, Any]]:
    """The example parameters, and each entity parameter set to several names that are in the store."""
    pick = {"measure": "MATCH (n:Measure) RETURN n.name ORDER BY n.name LIMIT 6",
            "agency": "MATCH (n:Agency) RETURN n.name ORDER BY n.name LIMIT 6",
            "law": "MATCH (n:Law) RETURN n.name ORDER BY n.name LIMIT 6",
            "report_id": "MATCH (n:Report) RETURN n.id ORDER BY n.id LIMIT 6",
            "key": "MATCH (n:Agency) RETURN n.name ORDER BY n.name LIMIT 6"}
    sets = [dict(query.params)]
    for param, cypher in pick.items():
        if param in query.params:
            sets += [{**query.params, param: value} for (value,) in store.query(cypher).rows]
    return sets


def canonical(rows: list[list[Any]]) -> list[str]:
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) for row in rows)


def assert_same_as_before(store, rows: GraphRows) -> None:
    assert stored_evidence(store) == expected_evidence(rows)
    if store.dialect == "ladybug":
        for rel_type in RELATION_ENDPOINTS:
            store.query(f"ALTER TABLE {rel_type} ADD sentence STRING", write=True)
    put_sentences_on_edges(store, rows)
    try:
        shown = 0
        for name in EVIDENCE_QUERIES:
            query = library.get(name)
            cypher = query.cypher_for(store.dialect)
            for params in parameter_sets(store, query):
                now = store.query(cypher, params).rows
                before = store.query(old_query(cypher), params).rows
                assert canonical(now) == canonical(before), (name, params)
                shown += len(now)
        assert shown > 100  # the queries did return evidence to compare
    finally:  # a shared Neo4j must not be left holding a graph of the old layout
        if store.dialect == "neo4j":
            store.query("MATCH ()-[e]->() REMOVE e.sentence", write=True)


@pytest.fixture(scope="module")
def sample_rows() -> GraphRows:
    return _rows(SAMPLES)


@pytest.fixture(scope="module")
def seed_rows(seeds_dir: Path) -> GraphRows:
    return _rows(seeds_dir)


@pytest.mark.parametrize("corpus", ["sample_rows", "seed_rows"])
def test_ladybug_shows_the_same_evidence_and_query_results(corpus: str, request, tmp_path: Path) -> None:
    rows = request.getfixturevalue(corpus)
    with LadybugStore(tmp_path / "thin.lbdb") as store:
        store.write(rows)
        assert_same_as_before(store, rows)


@pytest.mark.neo4j
@pytest.mark.parametrize("corpus", ["sample_rows", "seed_rows"])
def test_neo4j_shows_the_same_evidence_and_query_results(corpus: str, request, neo4j_store) -> None:
    rows = request.getfixturevalue(corpus)
    neo4j_store.write(rows)
    assert_same_as_before(neo4j_store, rows)


def test_no_sentence_is_stored_apart_from_the_texts(sample_rows: GraphRows, tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "thin.lbdb") as store:
        store.write(sample_rows)
        tables = {row[1] for row in store.query("CALL SHOW_TABLES() RETURN *").rows}
        columns = {row[0] for row in store.query("CALL TABLE_INFO('IMPLEMENTS') RETURN name").rows}
    assert "Sentence" not in tables and "Report" in tables
    assert not columns & {"sentence", "sentence_key"} and {"start_offset", "end_offset"} <= columns


def test_a_report_without_text_keeps_its_evidence(sample_rows: GraphRows, tmp_path: Path) -> None:
    """An RDF export made without texts, read back: the store spells the texts from the evidence."""
    import copy

    rows = copy.deepcopy(sample_rows)
    for node in rows.nodes["Report"].values():
        node["text"] = None
    with LadybugStore(tmp_path / "thin.lbdb") as store:
        store.write(rows)
        assert stored_evidence(store) == expected_evidence(sample_rows)


def test_graphml_carries_every_sentence(sample_rows: GraphRows, tmp_path: Path) -> None:
    import networkx as nx

    with LadybugStore(tmp_path / "thin.lbdb") as store:
        store.write(sample_rows)
        write_graphml(store, tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    got = {(d["type"], a.split(":", 1)[1], b.split(":", 1)[1], d["report_id"]): (d["sentence"], d["start_offset"])
           for a, b, d in graph.edges(data=True)}
    expected = {(k[0], k[3], k[4], k[5]): v[:2] for k, v in expected_evidence(sample_rows).items()}
    assert got == expected


def make_old_layout(path: Path, rows: GraphRows, column: str) -> None:
    """A store as earlier code left it: `sentence` (each sentence on its edges) or `sentence_key` (a key
    into a Sentence table) on every relationship table."""
    with LadybugStore(path) as store:
        store.write(rows)
        for rel_type in RELATION_ENDPOINTS:
            store.query(f"ALTER TABLE {rel_type} ADD {column} {'STRING' if column == 'sentence' else 'INT64'}",
                        write=True)
        if column == "sentence":
            put_sentences_on_edges(store, rows)
        else:
            store.query("CREATE NODE TABLE Sentence(key INT64, sentence STRING, PRIMARY KEY(key))", write=True)


@pytest.mark.parametrize("column", ["sentence", "sentence_key"])
def test_a_store_of_an_old_layout_is_refused_then_upgraded(column: str, sample_rows: GraphRows,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "old.lbdb"
    make_old_layout(path, sample_rows, column)
    for read_only in (True, False):
        with pytest.raises(StoreUnavailable, match="fazhi reindex"):
            LadybugStore(path, read_only=read_only)
    with LadybugStore(path, upgrade=True) as store:
        assert stored_evidence(store) == expected_evidence(sample_rows)
    with LadybugStore(path, read_only=True) as store:  # upgraded for good
        assert stored_evidence(store) == expected_evidence(sample_rows)
        assert "Sentence" not in {row[1] for row in store.query("CALL SHOW_TABLES() RETURN *").rows}


@pytest.mark.neo4j
def test_neo4j_refuses_a_graph_of_the_old_layout(neo4j_store) -> None:
    from fazhi.graph.neo4j_store import Neo4jStore

    neo4j_store.query("CREATE (:Report {id: 'r'})-[:CITES {report_id: 'r', sentence: '依法行政。', "
                      "start_offset: 0, end_offset: 5}]->(:Law {name: '宪法'})", write=True)
    try:
        with pytest.raises(StoreUnavailable, match="older fazhi-graph"):
            Neo4jStore(neo4j_store.uri)
    finally:
        neo4j_store.clear()  # the server is shared by the session: leave no old-layout graph behind
