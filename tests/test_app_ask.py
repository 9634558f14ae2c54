"""The 问答 box on 概览 and the 对比 views on 机构, through AppTest on a real store of the samples.

Expected values come from the store itself (its IMPLEMENTS and CITES edges) or the sample files,
not from the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest
from test_app import SAMPLES, _app, build_store, open_page


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("app-ask") / "samples.lbdb", [SAMPLES])


@pytest.fixture
def app(sample_db: Path) -> Iterator[AppTest]:
    yield from _app(sample_db)


def ask(at: AppTest, question: str) -> AppTest:
    at.text_input(key="overview-ask").set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def links_to(at: AppTest, page: str) -> list[dict[str, str]]:
    return [{k: v[0] for k, v in parse_qs(p.proto.query_string).items()}
            for p in at.get("page_link") if p.proto.page == page]


def store_rows(db: Path, cypher: str) -> list[tuple]:
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(db, read_only=True) as store:
        return [tuple(row) for row in store.query(cypher).rows]


def test_three_questions_through_the_box_and_an_evidence_link(app: AppTest, sample_db: Path) -> None:
    implementing = {a for (a,) in store_rows(sample_db, "MATCH (a:Agency)-[:IMPLEMENTS]->(:Measure "
                                                        "{name: '双随机、一公开'}) RETURN DISTINCT a.name")}
    ask(app, "哪些机构实施了双随机一公开？")
    assert app.info[0].value == "理解为：实施「双随机、一公开」的机构"
    assert set(app.dataframe[0].value["agency"]) == implementing and implementing
    cypher_link = links_to(app, "cypher")[0]
    assert cypher_link["q"] == "measure_evidence" and "双随机、一公开" in cypher_link["p"]

    citing = {a for (a,) in store_rows(sample_db, "MATCH (a:Agency)-[:ISSUED]->(r:Report)-[:CITES]->"
                                                  "(:Law {name: '中华人民共和国民法典'}) RETURN DISTINCT a.name")}
    ask(app, "民法典被哪些报告引用")
    assert "「中华人民共和国民法典」" in app.info[0].value
    assert set(app.dataframe[0].value["agency"].dropna()) == citing and citing

    ask(app, "河源市2022年比2019年新增了哪些措施")
    assert app.info[0].value.startswith("理解为：「河源市」各机构2019年与2022年相比")
    assert set(app.dataframe[0].value["status"]) <= {"新增", "延续", "未再提及"}
    evidence = links_to(app, "report")
    assert evidence, "no evidence links"

    app.query_params.update(evidence[0])  # follow the first evidence link into the reader
    open_page(app, "app_pages/report.py")
    located = next(m.value for m in app.markdown if m.value.startswith("**定位句**"))
    sentence = store_rows(sample_db, f"MATCH (r:Report {{id: '{evidence[0]['rid']}'}}) RETURN r.text")[0][0]
    assert sentence[int(evidence[0]["s"]):int(evidence[0]["e"])].strip() in located


def test_an_ambiguous_question_shows_candidates_and_no_table(app: AppTest) -> None:
    ask(app, "司法局做了什么")
    assert app.warning and app.warning[0].value.startswith("您是指")
    assert not app.info and "overview-ask" not in [d.key for d in app.dataframe]


def test_the_cypher_link_opens_the_query_with_its_parameters(app: AppTest) -> None:
    ask(app, "哪些报告引用了民法典")
    link = links_to(app, "cypher")[0]
    app.query_params.update(link)
    open_page(app, "app_pages/cypher.py")
    assert app.selectbox[0].value == "law_citations"
    assert any(t.value == "中华人民共和国民法典" for t in app.text_input)
    app.button[0].click().run()
    assert not app.error
    frame = app.dataframe[0].value  # the library query ran with the linked document, not its example
    assert len(frame) >= 1 and all("民法典" in sentence for sentence in frame["evidence"])


def test_a_path_questions_cypher_link_opens_the_text_it_ran(app: AppTest) -> None:
    """问答 narrows shortest_path's ends to the labels it linked; the Cypher page it links to shows that text."""
    ask(app, "韶关市市场监督管理局和行政处罚法有什么关系")
    link = links_to(app, "cypher")[0]
    assert link["q"] == "shortest_path" and '"source_label": "Agency"' in link["p"]
    app.query_params.update(link)
    open_page(app, "app_pages/cypher.py")
    text = app.text_area[0].value
    assert "(a:Agency {name: $source})" in text and "(b:Law {name: $target})" in text
    app.button[0].click().run()
    assert not app.error and app.dataframe[0].value["hops"].iloc[0] >= 1


def test_region_compare_has_the_three_columns(app: AppTest, sample_db: Path) -> None:
    app.query_params["a"] = "河源市人力资源和社会保障局"
    app.session_state["agency-compare-tab"] = "地区两年对比（所有机构）"  # only the open tab runs
    open_page(app, "app_pages/agencies.py")
    headings = [m.value for m in app.markdown if m.value.startswith("#### ")]
    for status in ("新增", "延续", "未再提及"):
        assert any(h.startswith(f"#### {status}（") for h in headings), headings
    new_count = int(next(h for h in headings if h.startswith("#### 新增")).split("（")[1].rstrip("）"))
    def measures(year: int) -> set[str]:  # what the 河源市 reports (a town's among them) say in a year
        return {m for (m,) in store_rows(sample_db, "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure), (r:Report "
                                                    "{id: e.report_id}) WHERE r.region CONTAINS '河源市' AND "
                                                    f"e.year = {year} RETURN DISTINCT m.name")}

    later, earlier = measures(2022), measures(2019)
    assert new_count == len(later - earlier)
    assert [b for b in app.get("download_button")], "no downloads"
