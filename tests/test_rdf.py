"""RDF, SHACL, SPARQL and file exports, on hand-built rows (no store needed).

Expected values below are written from the rows built in `_rows()`, never read back
from the code under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, VOID

from fazhi.graph.exports import export, write_csv, write_graphml
from fazhi.graph.rdf import (
    ELI,
    FZ,
    OA,
    RowsSource,
    iter_triples,
    rows_from_rdf,
    sparql,
    sparql_serialized,
    to_graph,
    undescribed_objects,
    validate,
    vocabulary,
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
                             "date": "2023-01-15", "source": "seeds/a.txt", "text": "全文一",
                             "source_url": "https://www.sg.gov.cn/zwgk/2023/a.html"})
    rows.add_node("Report", {"id": R2, "title": None, "agency": HY_AGENCY, "region": "河源市",
                             "year": 2021, "doc_type": "通知", "doc_number": "河府〔2021〕3号",
                             "date": None, "source": "seeds/b.txt", "text": "全文二", "source_url": None})
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
    """Nodes with their properties, but the local file path (`source`), which is never exported."""
    return {(label, tuple(sorted((k, v) for k, v in props.items() if (with_text or k != "text") and k != "source")))
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
    assert (URIRef(law + "/zho"), ELI.title, Literal("中华人民共和国行政处罚法", lang="zh-Hans")) in g
    # the fz: terms moved with the base: none of the default namespace is left
    assert (None, URIRef("https://example.org/kg/ns#relationType"), Literal("CITES")) in g
    assert not any(str(t).startswith(str(FZ)) for triple in g for t in triple)


def test_every_relation_has_direct_triple_and_qualified_statement(graph: Graph) -> None:
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) == N_EDGES
    for st in statements:
        triple = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        assert triple in graph
        assert graph.value(st, PROV.wasDerivedFrom) is not None
        (annotation,) = graph.subjects(OA.hasBody, st)
        target = graph.value(annotation, OA.hasTarget)
        assert graph.value(target, OA.hasSource) == graph.value(st, PROV.wasDerivedFrom)
        exact = {graph.value(sel, OA.exact) for sel in graph.objects(target, OA.hasSelector)} - {None}
        assert len(exact) == 1 and exact.pop().language == "zh-Hans"


def test_law_without_title_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    law = next(broken.subjects(ELI.title, Literal("中华人民共和国行政处罚法", lang="zh-Hans")))
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
    selector = next(broken.subjects(RDF.type, OA.TextPositionSelector))
    broken.set((selector, OA.start, Literal(10_000, datatype=NONNEG)))
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
    assert Literal(SENT1, lang="zh-Hans") in set(from_nt.objects(None, OA.exact))


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
    assert {"start_offset:long", "end_offset:long", "evidence_count:long"} <= set(header)
    assert not {"sentence", "sentence_key:long"} & set(header)  # thin edges: evidence is cut from the texts
    assert len(rows) == 3
    by_col = [dict(zip(header, r, strict=True)) for r in rows]
    assert {r["evidence_count:long"] for r in by_col if r["report_id"] == R1 and r[":END_ID(Measure)"] == SRS} == {"2"}
    (part_of,) = _read_csv(tmp_path / "rels_PART_OF_Region_Region.csv")[1]
    assert part_of == ["韶关市", "广东省", R1, "0", "3", "2022", "1", "PART_OF"]
    assert not (tmp_path / "nodes_Sentence.csv").exists()
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
        SELECT ?title WHERE { ?r a schema:Report ; dcterms:references ?law .
                              ?law eli:is_realized_by/eli:title ?title }""")
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


# ---------------------------------------------------------------- issue 14: what a practitioner expects

NONNEG = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
RESOURCE_TYPES = "http://publications.europa.eu/resource/authority/resource-type/"


def _agency(g: Graph, name: str, base: str = "https://fazhi-graph.example/id/") -> URIRef:
    from urllib.parse import quote

    return URIRef(f"{base}agency/{quote(name, safe='')}")


def test_every_object_iri_is_described(graph: Graph) -> None:
    """No dangling reference: the issuer 全国人民代表大会常务委员会 is no Agency node of the rows, the
    report regions are, so the export describes the former itself."""
    assert undescribed_objects(graph) == set()
    npc = _agency(graph, "全国人民代表大会常务委员会")
    assert (None, ELI.passed_by, npc) in graph
    assert {ELI.Agent, URIRef("http://www.w3.org/ns/org#Organization")} <= set(graph.objects(npc, RDF.type))
    assert graph.value(npc, FZ.referenceOnly) == Literal(True)
    assert "全国人民代表大会常务委员会" not in rows_from_rdf(graph).nodes["Agency"]  # no node on the way back


def test_joint_issuers_become_several_agents_and_fragments_none() -> None:
    rows = _rows()
    rows.add_node("Law", {"name": "法治政府建设实施纲要(2015-2020年)", "category": "规划纲要",
                          "issuer": "中共中央办公厅国务院办公厅"})
    rows.add_node("Law", {"name": "某某实施方案", "category": "规划纲要", "issuer": "贯彻落实"})
    g = to_graph(RowsSource(rows))
    gangyao = next(g.subjects(RDFS.label, Literal("法治政府建设实施纲要(2015-2020年)", lang="zh-Hans")))
    assert set(g.objects(gangyao, ELI.passed_by)) == {_agency(g, "中共中央办公厅"), _agency(g, "国务院办公厅")}
    fangan = next(g.subjects(RDFS.label, Literal("某某实施方案", lang="zh-Hans")))
    assert list(g.objects(fangan, ELI.passed_by)) == []
    assert undescribed_objects(g) == set()
    assert validate(g)[0]


def test_a_dangling_reference_is_a_violation(graph: Graph) -> None:
    broken = Graph() + graph
    npc = _agency(graph, "全国人民代表大会常务委员会")
    broken.remove((npc, None, None))
    conforms, text = validate(broken)
    assert not conforms and "dangling" in text


def test_missing_label_and_malformed_evidence_are_violations(graph: Graph) -> None:
    unlabelled = Graph() + graph
    report = next(unlabelled.subjects(RDF.type, URIRef("https://schema.org/Report")))
    unlabelled.remove((report, RDFS.label, None))
    assert not validate(unlabelled)[0]
    no_quote = Graph() + graph
    quote_selector = next(no_quote.subjects(RDF.type, OA.TextQuoteSelector))
    no_quote.remove((None, OA.hasSelector, quote_selector))
    assert not validate(no_quote)[0]
    bad_start = Graph() + graph
    position = next(bad_start.subjects(RDF.type, OA.TextPositionSelector))
    bad_start.set((position, OA.start, Literal(-1)))
    assert not validate(bad_start)[0]


def test_law_is_a_resource_realised_by_a_chinese_expression(graph: Graph) -> None:
    law = next(graph.subjects(RDFS.label, Literal("中华人民共和国行政处罚法", lang="zh-Hans")))
    assert (law, ELI.title, None) not in graph
    expression = graph.value(law, ELI.is_realized_by)
    assert (expression, RDF.type, ELI.LegalExpression) in graph
    assert graph.value(expression, ELI.realizes) == law
    category = graph.value(law, ELI.type_document)
    assert (category, RDF.type, ELI.ResourceType) in graph
    matches = {str(o) for p in (SKOS.exactMatch, SKOS.closeMatch) for o in graph.objects(category, p)}
    assert matches and all(m.startswith(RESOURCE_TYPES) for m in matches)  # 法律 has a match in ELI's table


def test_report_label_date_publisher_and_source(graph: Graph) -> None:
    r1, r2 = (URIRef("https://fazhi-graph.example/id/report/" + r) for r in (R1, R2))
    assert graph.value(r2, RDFS.label) == Literal("河源市人民政府 2021年 通知", lang="zh-Hans")  # untitled
    assert graph.value(r1, RDFS.label) == Literal("韶关市司法局2022年法治政府建设年度报告", lang="zh-Hans")
    assert graph.value(r1, DCTERMS.issued) == Literal("2023-01-15", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    assert graph.value(r1, DCTERMS.publisher) == _agency(graph, SG_AGENCY)
    assert graph.value(r1, DCTERMS.source) == URIRef("https://www.sg.gov.cn/zwgk/2023/a.html")
    assert graph.value(r2, DCTERMS.source) is None  # no address given: nothing, never the file
    assert not any("seeds/" in str(t) for triple in graph for t in triple)


def test_traditional_text_is_tagged_zh_hant() -> None:
    rows = _rows()
    rows.add_node("Measure", {"name": "行政執法三項制度", "kind": "制度"})
    g = to_graph(RowsSource(rows))
    assert Literal("行政執法三項制度", lang="zh-Hant") in set(g.objects(None, SKOS.prefLabel))
    assert Literal("行政复议", lang="zh-Hans") in set(g.objects(None, SKOS.prefLabel))


def test_levels_kinds_and_doc_types_are_concepts_in_schemes(graph: Graph) -> None:
    agency = _agency(graph, SG_AGENCY)
    level = graph.value(agency, FZ.level)
    assert graph.value(level, SKOS.prefLabel) == Literal("市", lang="zh-Hans")
    scheme = graph.value(level, SKOS.inScheme)
    assert (scheme, SKOS.hasTopConcept, level) in graph
    measure = next(graph.subjects(SKOS.prefLabel, Literal(SRS, lang="zh-Hans")))
    assert graph.value(graph.value(measure, FZ.kind), SKOS.prefLabel) == Literal("制度", lang="zh-Hans")
    r2 = URIRef("https://fazhi-graph.example/id/report/" + R2)
    assert graph.value(graph.value(r2, FZ.docType), SKOS.prefLabel) == Literal("通知", lang="zh-Hans")


def test_regions_carry_their_official_code(graph: Graph) -> None:
    """韶关市 is 440200 in the national table; two exports under one base meet at the code IRI."""
    region = next(graph.subjects(URIRef("https://schema.org/name"), Literal("韶关市", lang="zh-Hans")))
    assert graph.value(region, DCTERMS.identifier) == Literal("440200")
    assert graph.value(region, OWL.sameAs) == URIRef("https://fazhi-graph.example/id/xzqh/440200")


def test_dataset_description_and_provenance(graph: Graph) -> None:
    from fazhi import __version__

    (dataset,) = graph.subjects(RDF.type, VOID.Dataset)
    assert graph.value(dataset, DCTERMS.license) is not None
    assert graph.value(dataset, DCTERMS.creator) is not None
    assert graph.value(dataset, DCTERMS.issued) is not None
    assert __version__ in str(graph.value(dataset, OWL.versionInfo))
    st = next(graph.subjects(RDF.type, RDF.Statement))
    activity = graph.value(st, PROV.wasGeneratedBy)
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert __version__ in str(graph.value(agent, RDFS.label)) and "fazhi" in str(graph.value(agent, RDFS.label))


def test_vocabulary_defines_every_fz_term_and_follows_the_base(source: RowsSource) -> None:
    base = "https://example.org/kg/id/"
    g, vocab = to_graph(source, base=base), vocabulary(base)
    fz = "https://example.org/kg/ns#"
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(fz)}
    assert used
    for term in used:
        labels = {o.language for o in vocab.objects(term, RDFS.label)}
        comments = {o.language for o in vocab.objects(term, RDFS.comment)}
        assert {"zh-Hans", "en"} <= labels and {"zh-Hans", "en"} <= comments, term
    assert (URIRef(fz + "issuedBy"), RDFS.subPropertyOf, ELI.passed_by) in vocab
    assert (URIRef(fz + "parentRegion"), RDFS.range, URIRef("https://schema.org/AdministrativeArea")) in vocab


def test_round_trip_under_another_base() -> None:
    rows = _rows()
    back = rows_from_rdf(to_graph(RowsSource(rows), base="https://example.org/kg/id/", include_text=True))
    assert _node_set(back, True) == _node_set(rows, True)
    assert _edge_set(back) == _edge_set(rows)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_sparql_json_is_the_w3c_results_format(source: RowsSource, engine: str) -> None:
    """rdflib's own results parser reads the answer back as typed terms."""
    import io

    from rdflib.query import Result

    if engine == "oxigraph":
        pytest.importorskip("pyoxigraph")
    text = sparql_serialized(source, JOIN.replace("SELECT ?agency", "SELECT ?a ?agency"), "json",
                             engine=engine)  # type: ignore[arg-type]
    parsed = Result.parse(io.StringIO(text), format="json")
    rows = {(str(r["agency"]), str(r["measure"]), r["year"].toPython()) for r in parsed}
    assert rows == {(SG_AGENCY, SRS, 2022), (SG_AGENCY, "行政复议", 2022), (HY_AGENCY, "行政复议", 2021)}
    first = next(iter(parsed))
    assert isinstance(first["a"], URIRef)
    assert first["agency"].language.lower() == "zh-hans"  # tags are case-insensitive; oxigraph lowers them
    assert first["year"].datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer")
    tsv = sparql_serialized(source, JOIN, "tsv", engine=engine)  # type: ignore[arg-type]
    assert tsv.splitlines()[0] == "?agency\t?measure\t?year" and '"行政复议"@zh-hans' in tsv.lower()


def test_a_region_named_two_ways_meets_at_its_code() -> None:
    """A report's region written with its city (杭州市上城区, no node of its own) and the region node
    上城区 under 杭州市 are one division, 330102 in the national table: both say so."""
    rows = _rows()
    rows.nodes["Report"][R2]["region"] = "杭州市上城区"
    rows.add_node("Region", {"name": "上城区", "level": "区县", "parent": "杭州市"})
    g = to_graph(RowsSource(rows))
    named = {str(s).rsplit("/", 1)[1] for s in g.subjects(OWL.sameAs, URIRef("https://fazhi-graph.example/id/xzqh/330102"))}
    assert len(named) == 2
    assert undescribed_objects(g) == set() and validate(g)[0]
