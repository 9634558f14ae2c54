"""RDF, SHACL, SPARQL and file exports, on hand-built rows (no store needed).

Expected values below are written from the rows built in `_rows()`, never read back
from the code under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from fazhi.graph.exports import export, write_csv, write_graphml
from fazhi.graph.rdf import (
    ELI,
    FZ,
    RowsSource,
    iter_triples,
    rows_from_rdf,
    sparql,
    to_graph,
    validate,
    write_rdf,
)
from fazhi.graph.store import GraphRows

R1, R2 = "r-2022-sgsj", "r-2021-hyzf"
SG_AGENCY = "韶关市司法局"
HY_AGENCY = "河源市人民政府"
SRS = "双随机、一公开"
REPORT_R2 = "https://fazhi-graph.example/id/report/" + R2
SENT1 = "2022年，我局全面推行\"双随机、一公开\"监管，\n依照《中华人民共和国行政处罚法》规定执法。"


def _ev(report: str, sentence: str, start: int, end: int, year: int | None = 2022) -> dict:
    return {"report_id": report, "sentence": sentence, "start_offset": start, "end_offset": end,
            "year": year}


def _rows() -> GraphRows:
    rows = GraphRows()
    rows.add_node("Report", {"id": R1, "title": "韶关市司法局2022年法治政府建设年度报告", "agency": SG_AGENCY,
                             "region": "韶关市", "year": 2022, "doc_type": "年度报告", "doc_number": None,
                             "date": "2023-01-15", "source": "seeds/a.txt", "text": "全文一"})
    rows.add_node("Report", {"id": R2, "title": None, "agency": HY_AGENCY, "region": "河源市",
                             "year": 2021, "doc_type": "通知", "doc_number": "河府〔2021〕3号",
                             "date": None, "source": "seeds/b.txt", "text": "全文二"})
    rows.add_node("Agency", {"name": SG_AGENCY, "level": "市", "region": "韶关市"})
    rows.add_node("Agency", {"name": HY_AGENCY, "level": "市", "region": "河源市"})
    rows.add_node("Agency", {"name": "广东省司法厅", "level": "省", "region": "广东省"})
    rows.add_node("Law", {"name": "中华人民共和国行政处罚法", "category": "法律",
                          "issuer": "全国人民代表大会常务委员会"})
    rows.add_node("Law", {"name": "法治政府建设实施纲要(2021-2025年)", "category": "规划纲要", "issuer": None})
    rows.add_node("Law", {"name": "河源市贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案",
                          "category": "规范性文件", "issuer": HY_AGENCY})
    rows.add_node("Measure", {"name": SRS, "kind": "制度"})
    rows.add_node("Measure", {"name": "行政复议", "kind": "制度"})
    rows.add_node("Region", {"name": "广东省", "level": "省", "parent": None})
    rows.add_node("Region", {"name": "韶关市", "level": "市", "parent": "广东省"})
    rows.add_node("Region", {"name": "河源市", "level": "市", "parent": "广东省"})
    rows.add_edge("ISSUED", "Agency", SG_AGENCY, "Report", R1, _ev(R1, "韶关市司法局报告如下。", 0, 11))
    rows.add_edge("IMPLEMENTS", "Agency", SG_AGENCY, "Measure", SRS, _ev(R1, SENT1, 20, 63))
    rows.add_edge("IMPLEMENTS", "Agency", SG_AGENCY, "Measure", SRS, _ev(R1, SENT1, 20, 63))
    rows.add_edge("IMPLEMENTS", "Agency", HY_AGENCY, "Measure", "行政复议",
                  _ev(R2, "市政府依法办理行政复议案件。", 5, 19, 2021))
    rows.add_edge("IMPLEMENTS", "Agency", SG_AGENCY, "Measure", "行政复议",
                  _ev(R1, "办理行政复议案件12件。", 70, 82))
    rows.add_edge("CITES", "Report", R1, "Law", "中华人民共和国行政处罚法", _ev(R1, SENT1, 20, 63))
    rows.add_edge("MENTIONS", "Report", R1, "Measure", SRS, _ev(R1, SENT1, 20, 63))
    rows.add_edge("MENTIONS", "Report", R2, "Region", "河源市", _ev(R2, "河源市人民政府：", 0, 8, 2021))
    rows.add_edge("BASED_ON", "Measure", SRS, "Law", "中华人民共和国行政处罚法", _ev(R1, SENT1, 20, 63))
    rows.add_edge("REFERENCES", "Law", "河源市贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案", "Law",
                  "法治政府建设实施纲要(2021-2025年)", _ev(R2, "印发《…》。", 3, 9, 2021))
    rows.add_edge("ISSUED_BY", "Law", "河源市贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案", "Agency",
                  HY_AGENCY, _ev(R2, "印发《…》。", 3, 9, 2021))
    rows.add_edge("COOPERATES_WITH", "Agency", SG_AGENCY, "Agency", "广东省司法厅",
                  _ev(R1, "配合省司法厅开展督察。", 90, 101))
    rows.add_edge("LOCATED_IN", "Agency", SG_AGENCY, "Region", "韶关市", _ev(R1, "韶关市司法局报告如下。", 0, 11))
    rows.add_edge("PART_OF", "Region", "韶关市", "Region", "广东省", _ev(R1, "韶关市司法局报告如下。", 0, 3))
    rows.add_edge("PART_OF", "Agency", SG_AGENCY, "Agency", "广东省司法厅", _ev(R1, "配合省司法厅开展督察。", 90, 101))
    return rows


N_NODES = 2 + 3 + 3 + 2 + 3  # reports, agencies, laws, measures, regions
N_EDGES = 14  # the duplicate IMPLEMENTS collapses into one edge with evidence_count 2


@pytest.fixture(scope="module")
def source() -> RowsSource:
    return RowsSource(_rows())


@pytest.fixture(scope="module")
def graph(source: RowsSource) -> Graph:
    return to_graph(source)


def _node_set(rows: GraphRows, with_text: bool) -> set:
    return {(label, tuple(sorted((k, v) for k, v in props.items() if with_text or k != "text")))
            for label, nodes in rows.nodes.items() for props in nodes.values()}


def _edge_set(rows: GraphRows) -> set:
    return {(key, ends, tuple(sorted(props.items())))
            for key, bucket in rows.edges.items() for ends, props in bucket.items()}


def test_counts_of_fixture() -> None:
    assert _rows().count() == (N_NODES, N_EDGES)


def test_export_conforms_to_shacl(graph: Graph) -> None:
    conforms, text = validate(graph)
    assert conforms, text


def test_iris_are_percent_encoded_under_base(source: RowsSource) -> None:
    g = to_graph(source, base="https://example.org/kg")
    expected = URIRef("https://example.org/kg/agency/%E9%9F%B6%E5%85%B3%E5%B8%82%E5%8F%B8%E6%B3%95%E5%B1%80")
    assert (expected, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")) in g
    law = URIRef("https://example.org/kg/law/" + "%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1%E5%92%8C%E5%9B%BD"
                 "%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A%E6%B3%95")
    assert (law, ELI.title, Literal("中华人民共和国行政处罚法", lang="zh")) in g


def test_every_relation_has_direct_triple_and_qualified_statement(graph: Graph) -> None:
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) == N_EDGES
    for st in statements:
        triple = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        assert triple in graph
        assert graph.value(st, PROV.wasDerivedFrom) is not None
        assert graph.value(st, FZ.sentence).language == "zh"


def test_law_without_title_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    law = next(broken.subjects(ELI.title, Literal("中华人民共和国行政处罚法", lang="zh")))
    broken.remove((law, ELI.title, None))
    conforms, text = validate(broken)
    assert not conforms
    assert "eli:title" in text or str(ELI.title) in text


def test_statement_without_source_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    st = next(broken.subjects(RDF.type, RDF.Statement))
    broken.remove((st, PROV.wasDerivedFrom, None))
    assert not validate(broken)[0]


def test_start_after_end_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    st = next(broken.subjects(RDF.type, RDF.Statement))
    broken.set((st, FZ.startOffset, Literal(10_000)))
    assert not validate(broken)[0]


def test_non_iso_report_date_does_not_conform() -> None:
    rows = _rows()
    rows.nodes["Report"][R2]["date"] = "2021年5月"
    assert not validate(to_graph(RowsSource(rows)))[0]


def test_round_trip_preserves_nodes_edges_and_evidence() -> None:
    rows = _rows()
    back = rows_from_rdf(to_graph(RowsSource(rows), include_text=True))
    assert _node_set(back, True) == _node_set(rows, True)
    assert _edge_set(back) == _edge_set(rows)
    assert back.edges[("IMPLEMENTS", "Agency", "Measure")][(SG_AGENCY, SRS, R1)]["evidence_count"] == 2


def test_round_trip_without_text_loses_only_text(graph: Graph) -> None:
    back = rows_from_rdf(graph)
    assert _node_set(back, False) == _node_set(_rows(), False)
    assert all(node["text"] is None for node in back.nodes["Report"].values())


def test_round_trip_through_turtle_and_jsonld_files(source: RowsSource, tmp_path: Path) -> None:
    for fmt, parser in (("ttl", "turtle"), ("jsonld", "json-ld")):
        path = tmp_path / f"g.{fmt}"
        write_rdf(source, path, fmt)  # type: ignore[arg-type]
        back = rows_from_rdf(Graph().parse(path, format=parser))
        assert _edge_set(back) == _edge_set(_rows()), fmt


def test_aliases_become_alt_labels_and_come_back() -> None:
    rows = _rows()
    rows.nodes["Measure"][SRS]["aliases"] = ["双随机一公开", "双随机抽查"]
    g = to_graph(RowsSource(rows))
    labels = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert labels == {"双随机一公开", "双随机抽查"}
    assert rows_from_rdf(g).nodes["Measure"][SRS]["aliases"] == ["双随机一公开", "双随机抽查"]


def test_nt_stream_parses_and_is_isomorphic_to_ttl(source: RowsSource, tmp_path: Path) -> None:
    nt, ttl = tmp_path / "g.nt", tmp_path / "g.ttl"
    lines = write_rdf(source, nt, "nt")
    write_rdf(source, ttl, "ttl")
    from_nt = Graph().parse(nt, format="nt")
    from_ttl = Graph().parse(ttl, format="turtle")
    assert len(from_nt) > 0
    assert lines >= len(from_nt)
    assert isomorphic(from_nt, from_ttl)
    # the newline and quote inside SENT1 survived the hand-written escaping
    assert Literal(SENT1, lang="zh") in set(from_nt.objects(None, FZ.sentence))


def test_iter_triples_is_lazy(source: RowsSource) -> None:
    first = next(iter_triples(source))
    assert len(first) == 3


def test_graphml_counts_and_attributes(source: RowsSource, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    written = write_graphml(source, path)
    g = nx.read_graphml(path)
    assert written == N_NODES + N_EDGES
    assert g.number_of_nodes() == N_NODES
    assert g.number_of_edges() == N_EDGES
    assert g.nodes["Report:" + R1]["year"] == 2022
    assert "text" not in g.nodes["Report:" + R1]
    # 韶关市 is both a Region and part of agency names; the ids keep labels apart
    assert g.nodes["Region:韶关市"]["label"] == "Region"
    types = sorted(d["type"] for _, _, d in g.edges(data=True))
    assert types.count("IMPLEMENTS") == 3 and types.count("PART_OF") == 2


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_csv_layout_for_neo4j_admin(source: RowsSource, tmp_path: Path) -> None:
    written = write_csv(source, tmp_path)
    assert written == N_NODES + N_EDGES
    header, rows = _read_csv(tmp_path / "nodes_Agency.csv")
    assert header == ["name:ID(Agency)", "level", "region", ":LABEL"]
    assert len(rows) == 3 and {r[-1] for r in rows} == {"Agency"}
    header, rows = _read_csv(tmp_path / "nodes_Report.csv")
    assert header[0] == "id:ID(Report)" and "year:long" in header and "text" in header
    assert len(rows) == 2
    header, rows = _read_csv(tmp_path / "rels_IMPLEMENTS_Agency_Measure.csv")
    assert header[:2] == [":START_ID(Agency)", ":END_ID(Measure)"] and header[-1] == ":TYPE"
    assert {"start_offset:long", "end_offset:long", "evidence_count:long", "sentence"} <= set(header)
    assert len(rows) == 3
    by_col = [dict(zip(header, r, strict=True)) for r in rows]
    assert {r["evidence_count:long"] for r in by_col if r["report_id"] == R1 and r[":END_ID(Measure)"] == SRS} == {"2"}
    assert _read_csv(tmp_path / "rels_PART_OF_Region_Region.csv")[1] == [
        ["韶关市", "广东省", R1, "韶关市司法局报告如下。", "0", "3", "2022", "1", "PART_OF"]]
    assert len(_read_csv(tmp_path / "rels_PART_OF_Agency_Agency.csv")[1]) == 1
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    for name in ("nodes_Law.csv", "rels_REFERENCES_Law_Law.csv", "rels_MENTIONS_Report_Region.csv"):
        assert (tmp_path / name).exists() and name in script


def test_export_dispatch(source: RowsSource, tmp_path: Path) -> None:
    for fmt in ("ttl", "jsonld", "nt", "graphml"):
        export(source, fmt, tmp_path / f"out.{fmt}")
        assert (tmp_path / f"out.{fmt}").stat().st_size > 0
    export(source, "csv", tmp_path / "csv")
    assert (tmp_path / "csv" / "import.sh").exists()
    with pytest.raises(ValueError):
        export(source, "xml", tmp_path / "out.xml")


def test_sparql_agency_measure_join(graph: Graph) -> None:
    names, rows = sparql(graph, """
        SELECT ?agency ?measure ?year WHERE {
          ?st fz:relationType "IMPLEMENTS" ; rdf:subject ?a ; rdf:object ?m ; fz:year ?year .
          ?a skos:prefLabel ?agency . ?m skos:prefLabel ?measure .
        } ORDER BY ?agency ?measure""")
    assert names == ["agency", "measure", "year"]
    assert sorted(map(tuple, rows)) == sorted([(SG_AGENCY, SRS, 2022), (SG_AGENCY, "行政复议", 2022),
                                               (HY_AGENCY, "行政复议", 2021)])


def test_sparql_direct_triples_and_ask(source: RowsSource) -> None:
    names, rows = sparql(source, """
        SELECT ?title WHERE { ?r a schema:Report ; dcterms:references ?law . ?law eli:title ?title }""")
    assert rows == [["中华人民共和国行政处罚法"]]
    assert sparql(source, "ASK { ?x org:subOrganizationOf ?y }") == (["ask"], [[True]])
    _, regions = sparql(source, "SELECT ?n WHERE { ?r schema:containedInPlace ?p . ?r schema:name ?n }")
    assert regions == [["韶关市"]]


JOIN = """SELECT ?agency ?measure ?year WHERE {
  ?st fz:relationType "IMPLEMENTS" ; rdf:subject ?a ; rdf:object ?m ; fz:year ?year .
  ?a skos:prefLabel ?agency . ?m skos:prefLabel ?measure . }"""


def test_sparql_engines_agree(source: RowsSource) -> None:
    pytest.importorskip("pyoxigraph")
    expected = sorted([(SG_AGENCY, SRS, 2022), (SG_AGENCY, "行政复议", 2022), (HY_AGENCY, "行政复议", 2021)])
    for engine in ("rdflib", "oxigraph"):
        names, rows = sparql(source, JOIN, engine=engine)  # type: ignore[arg-type]
        assert names == ["agency", "measure", "year"], engine
        assert sorted(map(tuple, rows)) == expected, engine
        assert sparql(source, "ASK { ?r dcterms:issued ?d FILTER(?d = \"2023-01-15\"^^xsd:date) }",
                      engine=engine) == (["ask"], [[True]]), engine  # type: ignore[arg-type]
        _, missing = sparql(source, f'SELECT ?t WHERE {{ <{REPORT_R2}> dcterms:title ?t }}',
                            engine=engine)  # type: ignore[arg-type]
        assert missing == [], engine



def test_sparql_cache_is_reused_until_the_store_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The on-disk export serves repeated queries without re-exporting; a write makes it rebuild."""
    pytest.importorskip("pyoxigraph")
    import fazhi.graph.rdf as rdf
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.graph.store import rows_from_extractions
    from helpers import make_extraction

    count = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a schema:Report }"
    cache = tmp_path / "g.lbdb.sparql"
    with LadybugStore(tmp_path / "g.lbdb") as store:
        store.write(rows_from_extractions([make_extraction("r1", "韶关市司法局", ["行政复议"], ["宪法"])]))
        assert rdf.sparql_cached(store, count, cache)[1] == [[1]]
        built = [p.name for p in cache.iterdir()]
        assert len(built) == 1 and (cache / built[0] / "COMPLETE").exists()

        real_iter_triples = rdf.iter_triples
        monkeypatch.setattr(rdf, "iter_triples", lambda *a, **k: iter(()))  # an export now would be empty
        assert rdf.sparql_cached(store, count, cache)[1] == [[1]]  # so this answer came from the cache
        monkeypatch.setattr(rdf, "iter_triples", real_iter_triples)

        store.write(rows_from_extractions([make_extraction("r2", "河源市司法局", ["行政复议"], ["宪法"])]))
        assert rdf.sparql_cached(store, count, cache)[1] == [[2]]
        rebuilt = [p.name for p in cache.iterdir()]
        assert len(rebuilt) == 1 and rebuilt != built  # the old version's export is gone
