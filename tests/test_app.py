"""The Streamlit app through streamlit.testing.v1.AppTest, on a real store built from data/samples.

Expected numbers come from the sample files themselves (8 reports; the three
Guangdong ones are 韶关, 河源 and 清远; five cover 2022 or later), not from the
app's code, so a wrong filter or a broken query fails here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

SAMPLES = ROOT / "data" / "samples"
PAGES = {
    "app_pages/overview.py": "概览", "app_pages/measures.py": "措施", "app_pages/agencies.py": "机构",
    "app_pages/laws.py": "法规", "app_pages/report.py": "报告", "app_pages/explore.py": "图谱",
    "app_pages/cypher.py": "Cypher", "app_pages/ingest.py": "导入",
}


def build_store(path: Path, files: list[Path]) -> Path:
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.ingest import ingest

    with LadybugStore(path) as store:
        summary = ingest(files, store, workers=1)
    assert not summary.failed, summary.failed
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("app") / "samples.lbdb", [SAMPLES])


def use_store(path: Path) -> Iterator[None]:
    """Point the app at a store; clear Streamlit's process-wide caches so no handle or result leaks."""
    old = {k: os.environ.get(k) for k in ("FAZHI_DB", "FAZHI_BACKEND", "NEO4J_URI")}
    os.environ.update(FAZHI_DB=str(path), FAZHI_BACKEND="embedded")
    os.environ.pop("NEO4J_URI", None)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture
def app(sample_db: Path) -> Iterator[AppTest]:
    yield from _app(sample_db)


def _app(path: Path) -> Iterator[AppTest]:
    for _ in use_store(path):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        yield at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_page_renders(app: AppTest) -> None:
    assert app.header[0].value == "概览"
    assert metric(app, "报告") == "8"
    for page, header in PAGES.items():
        open_page(app, page)
        assert app.header[0].value == header, page
    sidebar = " ".join(m.value for m in app.sidebar.markdown)
    assert "LadybugDB" in sidebar and "ladybug" in sidebar


def report_rows(db: Path) -> list[tuple[str | None, int | None]]:
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(db, read_only=True) as store:
        return [tuple(row) for row in store.query("MATCH (r:Report) RETURN r.region, r.year").rows]


GUANGDONG_PLACES = ("广东", "韶关", "河源", "清远", "东源")  # where the Guangdong samples come from


def test_region_and_year_filters_change_the_results(app: AppTest, sample_db: Path) -> None:
    rows = report_rows(sample_db)
    in_guangdong = [r for r, _ in rows if r and any(place in r for place in GUANGDONG_PLACES)]
    assert 3 <= len(in_guangdong) < len(rows)  # 韶关, 河源, 清远 (+ 东源县 when its region is found)
    app.sidebar.selectbox(key="f_region").set_value("广东省").run()
    assert metric(app, "报告") == str(len(in_guangdong))
    open_page(app, "app_pages/measures.py")  # the filter follows the user to another page
    regions = set(app.dataframe[0].value["region"])
    assert regions and all(any(place in r for place in GUANGDONG_PLACES) for r in regions), regions
    open_page(app, "app_pages/overview.py")
    app.sidebar.selectbox(key="f_region").set_value("").run()
    app.sidebar.slider(key="f_years").set_value((2022, 2024)).run()
    assert metric(app, "报告") == str(sum(1 for _, y in rows if y and y >= 2022)) == "5"


def test_cypher_page_refuses_a_write_and_says_why(app: AppTest) -> None:
    open_page(app, "app_pages/cypher.py")
    app.text_area[0].set_value("CREATE (m:Measure {name: '测试措施'}) RETURN m").run()
    app.button[0].click().run()
    assert app.error, "no refusal shown"
    assert "已拒绝" in app.error[0].value
    app.text_area[0].set_value("MATCH (m:Measure {name: '测试措施'}) RETURN count(m) AS n").run()
    app.button[0].click().run()
    assert not app.error
    assert int(app.dataframe[0].value["n"][0]) == 0


def test_cypher_page_runs_a_library_query_with_parameters(app: AppTest) -> None:
    open_page(app, "app_pages/cypher.py")
    app.selectbox[0].set_value("reports_citing_law").run()
    app.button[0].click().run()
    frame = app.dataframe[0].value
    assert len(frame) >= 1 and "韶关市市场监督管理局" in set(frame["agency"])


def test_search_finds_evidence_and_links_to_the_reader(app: AppTest) -> None:
    app.text_input(key="overview-search").set_value("双随机 抽查").run()
    assert not app.exception
    hits = [m.value for m in app.markdown if "<mark" in m.value]
    assert hits, "no highlighted hits"
    assert "<mark style='background:#fff3a3'>双随机</mark>" in hits[0]  # the name stays one word
    links = [p for p in app.get("page_link")]
    assert any("报告" in p.proto.label or "·" in p.proto.label for p in links)


def test_search_with_a_large_backlog_points_to_the_cli_instead_of_blocking(tmp_path: Path, monkeypatch) -> None:
    """More new reports than the app segments itself: a warning naming `fazhi search`, no hits, no build."""
    import fazhi.app_pages.search as search

    db = build_store(tmp_path / "backlog.lbdb", [SAMPLES])
    monkeypatch.setattr(search, "APP_INDEX_BACKLOG", 3)
    for at in _app(db):
        at.text_input(key="overview-search").set_value("双随机").run()
        assert not at.exception, [e.value for e in at.exception]
        warnings = " ".join(w.value for w in at.warning)
        assert "8 篇报告" in warnings and f"fazhi search --db {db}" in warnings
        assert not [m for m in at.markdown if "<mark" in m.value]
    from fazhi.graph.search import SentenceIndex

    assert SentenceIndex(tmp_path / "backlog.lbdb.search.sqlite").indexed_version() is None


def test_reader_boxes_the_sentence_from_the_query_params(app: AppTest, sample_db: Path) -> None:
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(sample_db, read_only=True) as store:
        rid, sentence, start, end = store.query(
            "MATCH (r:Report)-[e:CITES]->(l:Law) OPTIONAL MATCH (sen:Report {id: e.report_id}) "
            "RETURN r.id, right(left(sen.text, e.end_offset), e.end_offset - e.start_offset), e.start_offset, e.end_offset "
            "ORDER BY r.id, e.start_offset LIMIT 1").rows[0]
    app.query_params.update(rid=rid, s=str(start), e=str(end))
    open_page(app, "app_pages/report.py")
    located = next(m.value for m in app.markdown if m.value.startswith("**定位句**"))
    assert sentence.strip() in located
    reader = app.get("iframe")
    assert reader and 'class="target"' in reader[0].proto.srcdoc


def test_reader_facts_name_the_report_by_title_not_hash(app: AppTest, sample_db: Path) -> None:
    """The 抽取的事实 panel says which report states a fact the way people know it (its title), never the hash."""
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(sample_db, read_only=True) as store:
        rid, title = store.query(
            "MATCH (r:Report)-[:CITES]->(:Law) WHERE r.title IS NOT NULL RETURN DISTINCT r.id, r.title "
            "ORDER BY r.id LIMIT 1").rows[0]
    app.query_params.update(rid=rid)
    open_page(app, "app_pages/report.py")
    labels = [p.proto.label for p in app.get("page_link")]
    assert labels, "no fact links in the panel"
    assert not [label for label in labels if rid[:16] in label], labels[:3]
    assert any(label.startswith(title[:20]) for label in labels), labels[:3]


def test_graph_page_starts_with_a_neighbourhood_and_exports_it(app: AppTest) -> None:
    open_page(app, "app_pages/explore.py")
    caption = next(c.value for c in app.caption if c.value.startswith("视图中"))
    nodes = int(caption.removeprefix("视图中 ").split(" ")[0])
    assert nodes >= 2
    app.text_input(key="graph-search").set_value("韶关市市场").run()
    app.button(key="graph-add").click().run()
    assert not app.exception
    grown = int(next(c.value for c in app.caption if c.value.startswith("视图中")).split(" ")[1])
    assert grown > nodes


def test_graph_page_buttons_expand_collapse_and_clear_the_view(app: AppTest) -> None:
    open_page(app, "app_pages/explore.py")

    def nodes() -> int:
        return int(next(c.value for c in app.caption if c.value.startswith("视图中")).split(" ")[1])

    start = nodes()
    focus = next(s for s in app.selectbox if s.key and s.key.startswith("graph-focus"))
    focus.set_value(focus.options[0]).run()
    app.button(key="graph-expand").click().run()
    expanded = nodes()
    assert expanded > start
    app.button(key="graph-collapse").click().run()
    assert nodes() < expanded
    app.button(key="graph-clear").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert nodes() == 0


@pytest.fixture
def small_app(tmp_path: Path) -> Iterator[AppTest]:
    db = build_store(tmp_path / "one.lbdb", [SAMPLES / "sample_01_zhejiang_sft_2022_notice.txt"])
    yield from _app(db)


def unlock_writes(at: AppTest, token: str) -> AppTest:
    at.text_input(key="admin-token").input(token)
    at.button(key="admin-unlock").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_import_page_writes_nothing_without_an_admin_token(small_app: AppTest, monkeypatch) -> None:
    """A shared deployment is read-only: no token configured, no upload box and no way to write."""
    monkeypatch.delenv("FAZHI_ADMIN_TOKEN", raising=False)
    at = open_page(small_app, "app_pages/ingest.py")
    assert not at.file_uploader and not at.text_input
    assert any("FAZHI_ADMIN_TOKEN" in i.value for i in at.info)


def test_import_page_opens_only_for_the_admin_token_from_secrets(small_app: AppTest, monkeypatch) -> None:
    monkeypatch.delenv("FAZHI_ADMIN_TOKEN", raising=False)
    at = small_app
    at.secrets["FAZHI_ADMIN_TOKEN"] = "s3cret-令牌"
    open_page(at, "app_pages/ingest.py")
    assert not at.file_uploader
    unlock_writes(at, "guess")
    assert not at.file_uploader and any("口令不对" in e.value for e in at.error)
    unlock_writes(at, "s3cret-令牌")
    assert len(at.file_uploader) == 1 and not at.text_input


def test_upload_ingests_a_file_and_pages_see_it_without_restart(small_app: AppTest, monkeypatch) -> None:
    monkeypatch.setenv("FAZHI_ADMIN_TOKEN", "admin-token-for-test")
    at = small_app
    assert metric(at, "报告") == "1"
    open_page(at, "app_pages/ingest.py")
    unlock_writes(at, "admin-token-for-test")
    good = SAMPLES / "sample_02_shaoguan_amr_2021_report.txt"
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    at.file_uploader[0].set_value([(good.name, good.read_bytes(), "text/plain"),
                                   ("fake.txt", png, "text/plain")]).run()
    assert not at.exception, [e.value for e in at.exception]
    preview = at.dataframe[0].value
    status = dict(zip(preview["文件"], preview["状态"], strict=True))
    assert status[good.name] == "可导入"
    assert status["fake.txt"].startswith("无法读取")
    at.button(key="ingest-go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("已导入 1 个文件" in s.value for s in at.success)
    assert "报告 2" in " ".join(c.value for c in at.sidebar.caption)
    open_page(at, "app_pages/overview.py")
    assert metric(at, "报告") == "2"


APP_QUERY_CASES = [  # (query, parameters) the pages run; values come from the sample reports
    ("filtered_reports", {"region": "广东省"}), ("filtered_reports", {"year_from": 2022, "level": "市"}),
    ("filtered_measures", {"limit": 100}), ("filtered_laws", {"category": "法律", "limit": 100}),
    ("filtered_adoption", {"measure": ""}), ("measure_evidence", {"measure": "双随机、一公开"}),
    ("measure_laws", {"measure": "双随机、一公开"}), ("measure_cooccurrence", {"measure": "双随机、一公开"}),
    ("agency_measures", {"agency": "韶关市市场监督管理局"}), ("agency_laws", {"agency": "韶关市市场监督管理局"}),
    ("agency_reports", {"agency": "韶关市市场监督管理局"}), ("agency_measures", {"doc_type": "年度报告", "agency": "成都市生态环境局"}),
    ("law_citations", {"law": "中华人民共和国行政处罚法"}), ("law_detail", {"law": "中华人民共和国行政处罚法"}),
    ("agency_list", {}), ("report_ids", {}), ("report_texts_by_id", {"ids": ["a542a0d2292aa096"]}), ("citation_sources", {}), ("law_references", {}), ("agency_names", {}),
    ("citation_totals", {}), ("citation_inflow", {"laws": ["中华人民共和国行政处罚法", "优化营商环境条例"]}),
    ("region_list", {}), ("filtered_counts", {"region": "广东省"}), ("filtered_report_groups", {"level": "市"}),
    ("neighbours", {"key": "韶关市市场监督管理局", "limit": 500}), ("neighbours", {"key": "双随机、一公开", "limit": 500}),
    ("agency_links", {"agency": "韶关市市场监督管理局"}),
]


@pytest.mark.neo4j
def test_app_queries_give_the_same_rows_on_both_backends(sample_db: Path, neo4j_store) -> None:
    """Every query the pages run, on the embedded store and on Neo4j holding the same samples."""
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.ingest import ingest
    from fazhi.queries import library

    ingest([SAMPLES], neo4j_store, workers=1)

    def rows(store, name: str, params: dict) -> list[str]:
        return sorted(repr(r) for r in library.run(store, name, params).rows)

    with LadybugStore(sample_db, read_only=True) as embedded:
        for name, params in APP_QUERY_CASES:
            ours = rows(embedded, name, params)
            assert ours, f"{name} {params}: no rows on the samples"
            assert ours == rows(neo4j_store, name, params), f"{name} {params} differs between backends"
        rid = embedded.query("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
        assert rows(embedded, "report_facts", {"report_id": rid}) == rows(neo4j_store, "report_facts",
                                                                           {"report_id": rid})
        for key in ("韶关市", rid):
            ours = library.run(embedded, "node_detail", {"key": key}).rows[0]
            theirs = library.run(neo4j_store, "node_detail", {"key": key}).rows[0]
            assert ours[0] == theirs[0]
            assert {k: v for k, v in ours[1].items() if v is not None and not k.startswith("_")} == \
                {k: v for k, v in theirs[1].items() if v is not None and not k.startswith("_")}


def test_unusable_neo4j_falls_back_to_the_embedded_store_without_leaking_the_password(
        sample_db: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    """NEO4J_URI set but nothing listening: the app opens on the embedded file and says why; the
    password appears nowhere on the page, in the logs or on stdout/stderr."""
    import logging

    from fazhi.graph.neo4j_server import free_port

    secret = "s3cret-Pa55word"
    settings = {"NEO4J_URI": f"bolt://neo4j:{secret}@127.0.0.1:{free_port()}", "NEO4J_PASSWORD": secret}
    caplog.set_level(logging.DEBUG)
    for _ in use_store(sample_db):
        os.environ.pop("FAZHI_BACKEND")  # the configured backend is now Neo4j (NEO4J_URI is set)
        os.environ.update(settings)
        try:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
            at.run()
        finally:
            for key in settings:
                os.environ.pop(key)
        assert not at.exception, [e.value for e in at.exception]
        warnings = [w.value for w in at.sidebar.warning]
        assert any("Neo4j 不可用" in w for w in warnings), warnings
        assert metric(at, "报告") == "8"  # the embedded samples are shown
        page_text = " ".join(str(getattr(e, "value", "")) for e in at.main) + " ".join(
            str(getattr(e, "value", "")) for e in at.sidebar)
        out, err = capfd.readouterr()
        for where, text in (("page", page_text), ("logs", caplog.text), ("stdout", out), ("stderr", err)):
            assert secret not in text, where


def test_reports_without_a_recognised_issuer_are_marked_and_counted(tmp_path: Path) -> None:
    """A report whose text never names its issuer is counted on 概览 and marked on 报告, not silently dropped."""
    from fazhi.graph.ladybug_store import LadybugStore

    anonymous = tmp_path / "anonymous.txt"
    anonymous.write_text("2022年法治政府建设工作总结\n\n一、全面推行行政执法“三项制度”，落实“双随机、一公开”监管。\n",
                         encoding="utf-8")
    db = build_store(tmp_path / "anon.lbdb", [SAMPLES / "sample_02_shaoguan_amr_2021_report.txt", anonymous])
    with LadybugStore(db, read_only=True) as store:
        issuers = dict(store.query("MATCH (r:Report) RETURN r.id, r.agency").rows)
    unknown = [rid for rid, agency in issuers.items() if agency is None]
    assert len(issuers) == 2 and len(unknown) == 1
    for at in _app(db):
        assert metric(at, "发文机关未识别") == "1"
        open_page(at, "app_pages/report.py")
        assert [label for label in at.selectbox[0].options if "发文机关未识别" in label] == [
            f"【发文机关未识别】2022年法治政府建设工作总结 · {anonymous}"]
        at.query_params["rid"] = unknown[0]
        at.run()
        assert any("发文机关未识别" in w.value for w in at.warning)
        known = next(rid for rid in issuers if rid not in unknown)
        at.query_params["rid"] = known
        at.run()
        assert not any("发文机关未识别" in w.value for w in at.warning)


def test_agencies_page_reads_one_page_at_a_time(app: AppTest, monkeypatch) -> None:
    """Page 2 of 10-agency pages lists other agencies than page 1; the page count comes from the
    store's Agency count; a linked agency is found even when it is not on the page shown."""
    from fazhi.app_pages import frames

    monkeypatch.setattr(frames, "LIST_PAGE", 10)
    at = open_page(app, "app_pages/agencies.py")
    first = set(at.selectbox(key="agency-select").options)
    assert len(first) == 10
    at.number_input(key="agency-page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    second = set(at.selectbox(key="agency-select").options)
    chosen = at.query_params["a"]  # page 1's choice stays in the link, so it stays listed
    assert len(second - {chosen}) == 10 and not first & (second - {chosen})
    at.query_params["a"] = "韶关市市场监督管理局"
    at.run()
    assert at.selectbox(key="agency-select").value == "韶关市市场监督管理局"


def test_report_page_pages_the_filtered_reports(app: AppTest, monkeypatch) -> None:
    """8 sample reports in pages of 3: three pages (the total from the counts), each its own reports."""
    from fazhi.app_pages import frames

    monkeypatch.setattr(frames, "LIST_PAGE", 3)
    at = open_page(app, "app_pages/report.py")
    seen: list[str] = []
    for page in (1, 2, 3):
        at.query_params.clear()
        at.number_input(key="report-page").set_value(page).run()
        assert not at.exception, [e.value for e in at.exception]
        options = [o for o in at.selectbox[0].options if o not in seen]
        assert len(options) == (3 if page < 3 else 2)
        seen += options
    assert len(set(seen)) == 8
    assert at.number_input(key="report-page").max == 3


def test_reader_highlights_come_from_the_facts_without_the_extractor(app: AppTest, sample_db: Path,
                                                                     monkeypatch) -> None:
    """报告 marks where the text writes the entities its facts name, without re-running the extractor
    (whose dictionaries made it the slowest first page at 50k); the toggle runs it for its own mentions."""
    from fazhi import extractor
    from fazhi.graph.ladybug_store import LadybugStore

    calls: list[str] = []
    real = extractor.mention_spans
    monkeypatch.setattr(extractor, "mention_spans", lambda rid, text: (calls.append(rid), real(rid, text))[1])
    with LadybugStore(sample_db, read_only=True) as store:
        rid, law = store.query("MATCH (r:Report)-[:CITES]->(l:Law) RETURN r.id, l.name ORDER BY r.id, l.name "
                               "LIMIT 1").rows[0]
    app.query_params.update(rid=rid)
    open_page(app, "app_pages/report.py")
    reader = app.get("iframe")[0].proto.srcdoc
    assert f'title="法规: {law}"' in reader  # a cited document is marked where the text writes it
    assert calls == []
    app.toggle(key="reextract").set_value(True).run()
    assert calls == [rid]


def test_fact_spans_find_names_and_dictionary_forms() -> None:
    from fazhi.app_pages.highlights import fact_spans, linked_entities, surface_forms

    text = "某局依据《行政处罚法》推行双随机一公开，再次落实“双随机、一公开”。"
    entities = linked_entities([("Agency", "某局", "Measure", "双随机、一公开"), ("Report", "r", "Law", "中华人民共和国行政处罚法")])
    assert entities == {("Agency", "某局"), ("Measure", "双随机、一公开"), ("Law", "中华人民共和国行政处罚法")}
    forms = surface_forms(entities, {"Law": {"行政处罚法": "中华人民共和国行政处罚法"},
                                     "Measure": {"双随机一公开": "双随机、一公开", "别的": "别的措施"}})
    spans = sorted((s["start"], text[s["start"]:s["end"]], s["label"]) for s in fact_spans(text, forms))
    assert spans == [(0, "某局", "Agency"), (5, "行政处罚法", "Law"), (13, "双随机一公开", "Measure"),
                     (25, "双随机、一公开", "Measure")]
