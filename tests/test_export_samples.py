"""Exports of the real sample graph: SHACL-valid RDF, a lossless round trip, and the CLI commands."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.query import Result

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.rdf import rows_from_rdf, to_graph, undescribed_objects, validate
from fazhi.ingest import ingest, load_sources
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "samples.lbdb"
    with LadybugStore(path) as store:
        ingest([SAMPLES], store, workers=1)
    return path


def test_export_of_the_samples_satisfies_the_shapes(sample_db) -> None:
    _assert_linked_data_a_practitioner_accepts(sample_db)


def test_round_trip_keeps_every_node_edge_and_evidence(sample_db) -> None:
    with LadybugStore(sample_db, read_only=True) as store:
        rows = rows_from_rdf(to_graph(store, include_text=True))
        for label in NODE_LABELS:
            original = {n["id" if label == "Report" else "name"]: n for n in store.iter_nodes(label)}
            assert set(rows.nodes[label]) == set(original), label
        for rel_type in RELATION_ENDPOINTS:
            original = {(e["source"], e["target"], e["report_id"]): (e["sentence"], e["start_offset"], e["end_offset"])
                        for e in store.iter_edges(rel_type)}
            back = {key: (p["sentence"], p["start_offset"], p["end_offset"])
                    for (t, _, _), edges in rows.edges.items() if t == rel_type for key, p in edges.items()}
            assert back == original, rel_type


def test_cli_export_and_sparql(sample_db, tmp_path) -> None:
    out = tmp_path / "graph.ttl"
    subprocess.run([sys.executable, "-m", "fazhi.cli", "export", "--format", "ttl", "-o", str(out),
                    "--db", str(sample_db)], check=True, capture_output=True)
    assert len(Graph().parse(out)) > 1000
    query = ("SELECT ?name WHERE { ?m a skos:Concept ; skos:prefLabel ?name . "
             "FILTER(STR(?name) = \"双随机、一公开\") }")
    done = subprocess.run([sys.executable, "-m", "fazhi.cli", "sparql", query, "--format", "json",
                           "--db", str(sample_db)], check=True, capture_output=True, text=True)
    answer = json.loads(done.stdout)
    assert answer["head"]["vars"] == ["name"]
    parsed = Result.parse(io.StringIO(done.stdout), format="json")  # the W3C results format, read by rdflib
    (row,) = list(parsed)
    assert row["name"] == Literal("双随机、一公开", lang="zh-Hans")
    count = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a schema:Report }"
    done = subprocess.run([sys.executable, "-m", "fazhi.cli", "sparql", count, "--format", "csv", "--no-cache",
                           "--db", str(sample_db)], check=True, capture_output=True, text=True)
    assert done.stdout.splitlines()[0] == "n" and int(done.stdout.splitlines()[1]) == len(list(SAMPLES.glob("sample_*")))


def test_cli_vocabulary_follows_the_base(tmp_path) -> None:
    out = tmp_path / "vocab.ttl"
    subprocess.run([sys.executable, "-m", "fazhi.cli", "export", "--format", "ttl", "--vocabulary",
                    "--base", "https://data.example.org/fazhi/id/", "-o", str(out)], check=True, capture_output=True)
    vocab = Graph().parse(out)
    issued_by = URIRef("https://data.example.org/fazhi/ns#issuedBy")
    assert (issued_by, RDFS.subPropertyOf, URIRef("http://data.europa.eu/eli/ontology#passed_by")) in vocab


def _ingested(folder: Path, tmp_path: Path, sources: Path | None = None) -> Path:
    path = tmp_path / f"{folder.name}.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([folder], store, workers=1, sources=load_sources(sources) if sources else None)
    assert summary.ingested and not summary.failed
    return path


def _assert_linked_data_a_practitioner_accepts(db: Path) -> Graph:
    with LadybugStore(db, read_only=True) as store:
        graph = to_graph(store)
    conforms, report = validate(graph)
    assert conforms, report[:3000]
    assert undescribed_objects(graph) == set()
    return graph


def test_seeds_export_is_valid_and_fully_described(seeds_dir, tmp_path) -> None:
    _assert_linked_data_a_practitioner_accepts(_ingested(seeds_dir, tmp_path))


def test_real_openings_export_with_their_web_addresses(tmp_path) -> None:
    """The 40 real report openings (../shared/realdev), each with its address from SOURCES.tsv."""
    from conftest import require

    realdev = Path(__file__).resolve().parent.parent.parent / "shared" / "realdev"
    require(realdev.is_dir(), f"{realdev} not present")
    graph = _assert_linked_data_a_practitioner_accepts(
        _ingested(realdev, tmp_path, realdev / "SOURCES.tsv"))
    sources = {str(o) for o in graph.objects(None, DCTERMS.source)}
    assert len(sources) == 40 and all(s.startswith("http") for s in sources)


@pytest.fixture
def store_with_bare_report(tmp_path) -> Path:
    """The samples and a report with no issuer, facts or citations: its ReportFacts row holds empty lists and
    no level, which a CSV must carry as empty arrays and a missing property, as a direct write leaves them."""
    from fazhi.graph.store import rows_from_extractions
    from helpers import make_extraction

    bare = make_extraction("bare-report", "某县司法局", [], [])
    bare.relations = [rel for rel in bare.relations if rel.type != "ISSUED"]
    path = tmp_path / "with-bare.lbdb"
    with LadybugStore(path) as store:
        ingest([SAMPLES], store, workers=1)
        store.write(rows_from_extractions([bare]))
    return path


@pytest.mark.neo4j
def test_csv_export_bulk_loads_into_a_real_neo4j(store_with_bare_report, tmp_path, monkeypatch) -> None:
    """`fazhi export --format csv` → neo4j-admin's importer (our jars) → a server on that data holds exactly
    the embedded graph, every node and edge with every property, and its aggregate tables: the first open
    finds them current (no recount: at 50,000 reports the recount ran the server out of transaction memory)
    and every library query answers as on the embedded store."""
    from fazhi.graph import derived, neo4j_server
    from fazhi.graph.exports import write_csv
    from fazhi.graph.neo4j_store import Neo4jStore
    from fazhi.queries import library
    from fixtures_neo4j import start_server
    from helpers import canonical_rows, derived_tables, snapshot

    with LadybugStore(store_with_bare_report, read_only=True) as store:
        write_csv(store, tmp_path / "csv")
        expected = snapshot(store)
        expected_derived = derived_tables(store)
        answers = {name: canonical_rows(name, library.run(store, name)) for name in library.load_library()}
    assert [] in [row[0]["levels"] for row in expected_derived["ReportFacts"]]  # the bare report's row
    try:
        summary = neo4j_server.admin_import(tmp_path / "csv", data_dir=tmp_path / "server" / "data")
    except neo4j_server.Neo4jServerError as exc:
        from conftest import require

        require(False, f"neo4j-admin import could not run: {exc}")
        raise
    edges = sum(len(v) for v in expected["edges"].values())
    assert f"{edges} relationships" in summary, summary
    info, pid_file = start_server(tmp_path / "server")
    rebuild = Neo4jStore.rebuild_derived
    monkeypatch.setattr(Neo4jStore, "rebuild_derived", lambda self: pytest.fail("the imported graph was recounted"))
    try:
        with Neo4jStore(info.uri) as imported:
            assert snapshot(imported) == expected
            assert derived_tables(imported) == expected_derived
            assert derived.check(lambda cypher, params: imported.query(cypher, params).rows) == []
            for name, rows in answers.items():
                assert canonical_rows(name, library.run(imported, name)) == rows, name
            rebuild(imported)
            assert derived_tables(imported) == expected_derived
    finally:
        neo4j_server.stop(pid_file)


def test_csv_refuses_a_list_item_holding_the_array_delimiter(tmp_path) -> None:
    """neo4j-admin would split such an item in two: the export says which value instead of writing it."""
    from fazhi.graph.exports import ARRAY_DELIMITER, _write_cells

    _write_cells(tmp_path / "ok.csv", ["aliases:string[]"], iter([[["河源市司法局", "河源司法局"]]]))
    assert (tmp_path / "ok.csv").read_text(encoding="utf-8").splitlines()[1] == \
        f'"河源市司法局{ARRAY_DELIMITER}河源司法局"'
    with pytest.raises(ValueError, match="U\\+001F"):
        _write_cells(tmp_path / "bad.csv", ["aliases:string[]"], iter([[[f"甲{ARRAY_DELIMITER}乙"]]]))
