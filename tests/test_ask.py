"""问答 and 对比 on real stores: the question set's accuracy, every family answered with evidence that is
really in the report, candidates instead of guesses, comparisons whose statuses follow from the input,
the CLI and its exports, and the same answers on Neo4j.

Expected values come from the question set (tests/ask/questions.tsv, written by hand) or from the
extractions built here, never from the code under test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from fazhi.cli import app
from fazhi.queries.ask import Vocabulary, answer, evaluate, interpret, load_questions
from fazhi.queries.compare import BOTH, DROPPED, KEPT, NEW, ONLY_A, ONLY_B, compare_agencies, compare_years
from helpers import make_extraction

QUESTIONS = ROOT / "tests" / "ask" / "questions.tsv"
FAMILY_QUESTIONS = {  # one question per family, each with rows on the samples and seeds
    "measure_evidence": "哪些机构实施了双随机、一公开？",
    "agency_measure_evidence": "河源工信局做了哪些工作",
    "agency_law_evidence": "韶关市市场监督管理局引用了哪些法规",
    "law_citations": "哪些报告引用了民法典",
    "regions_citing_law": "引用民法典最多的是哪些地区",
    "filtered_adoption": "双随机一公开在哪些地区推广",
    "measure_laws": "双随机一公开的法律依据是什么",
    "shared_measures": "河源市工业和信息化局和阳江市科学技术局有哪些共同措施",
    "shortest_path": "韶关市市场监督管理局和行政处罚法有什么关系",
    "region_measure_evidence": "河源市2022年比2021年新增了哪些措施",
    "filtered_measures": "实施最多的措施是哪些",
    "filtered_laws": "被引用最多的法规是哪些",
    "agencies_by_measures": "哪个机构实施的措施最多",
    "filtered_counts": "一共有多少份报告",
    "filtered_reports": "河源市有哪些报告",
}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.ingest import ingest

    path = tmp_path_factory.mktemp("ask") / "corpus.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([ROOT / "data" / "samples", seeds_dir], store, workers=1)
    assert not summary.failed, summary.failed
    return path


@pytest.fixture(scope="module")
def corpus(corpus_db: Path):
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(corpus_db, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def vocab(corpus) -> Vocabulary:
    return Vocabulary.from_store(corpus)


def test_question_set_accuracy_is_at_least_0_90(vocab: Vocabulary) -> None:
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 150
    accuracy, misses = evaluate(questions, vocab)
    assert accuracy >= 0.90, [(m.question, g.query, g.params) for m, g in misses]


def test_every_family_answers_with_rows_and_real_evidence(corpus, vocab: Vocabulary) -> None:
    for query, question in FAMILY_QUESTIONS.items():
        result = answer(corpus, question, vocab)
        assert result.interpretation.query == query, (question, result.interpretation.text)
        assert result.interpretation.text.startswith("理解为："), question
        assert result.rows, question
        assert "MATCH" in result.cypher, question
        for item in result.evidence()[:5]:  # the sentence is the report's own text at the offsets
            text = corpus.query("MATCH (r:Report {id: $id}) RETURN r.text", {"id": item["report_id"]}).rows[0][0]
            assert text[item["start_offset"]:item["end_offset"]] == item["evidence"], question


def test_measure_answer_names_the_agencies_whose_reports_say_so(corpus, vocab: Vocabulary) -> None:
    expected = {row[0] for row in corpus.query(
        "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: '双随机、一公开'}) WHERE e.year >= 2021 "
        "RETURN DISTINCT a.name").rows}
    result = answer(corpus, "2021年以来哪些机构实施了双随机一公开", vocab)
    assert result.interpretation.text == "理解为：实施「双随机、一公开」的机构，2021年以来"
    assert {r["agency"] for r in result.records()} == expected and expected


def test_unknown_and_ambiguous_questions_get_candidates_not_a_guess(vocab: Vocabulary) -> None:
    ambiguous = interpret("司法局做了什么", vocab)
    assert not ambiguous.understood and ambiguous.text.startswith("您是指")
    assert {"韶关市司法局（机构）", "河源市司法局（机构）"} <= set(ambiguous.candidates)
    partial = interpret("上城区发改经信局实施了哪些措施", vocab)
    assert not partial.understood
    assert partial.candidates[0] == "杭州市上城区发展改革和经济信息化局（机构）"
    assert not interpret("今天天气怎么样", vocab).understood
    absent = interpret("哪些机构实施了“河长制”", vocab)  # not in the graph: no ranking of agencies instead
    assert not absent.understood and "河长制" in absent.text


def test_a_one_character_typo_is_read_and_said(vocab: Vocabulary) -> None:
    meaning = interpret("哪些机构实施了双随机、一公闭", vocab)
    assert meaning.params["measure"] == "双随机、一公开"
    assert meaning.notes == ["“双随机、一公闭”按「双随机、一公开」理解"]
    agency = interpret("成都市生太环境局有哪些措施", vocab)  # the region 成都市 inside is taken over
    assert agency.params["agency"] == "成都市生态环境局" and agency.query == "agency_measure_evidence"


def test_a_path_question_names_the_labels_of_both_ends(corpus, vocab: Vocabulary) -> None:
    """问答 passes the kinds it linked the two names to, so each end is found by its key; the Cypher it shows
    is the one it ran."""
    result = answer(corpus, "广东省和双随机、一公开有什么关系", vocab)
    meaning = result.interpretation
    assert meaning.query == "shortest_path"
    assert (meaning.params["source"], meaning.params["source_label"]) == ("广东省", "Region")
    assert (meaning.params["target"], meaning.params["target_label"]) == ("双随机、一公开", "Measure")
    assert "(a:Region {name: $source})" in result.cypher and "(b:Measure {name: $target})" in result.cypher
    assert result.rows and result.rows[0][0][0] == "广东省" and result.rows[0][0][-1] == "双随机、一公开"


@pytest.fixture
def two_year_store(tmp_path: Path):
    """One agency in 2021 and 2022, another beside it: the comparison's answers follow from these lists."""
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.graph.store import rows_from_extractions

    store = LadybugStore(tmp_path / "years.lbdb")
    store.write(rows_from_extractions([
        make_extraction("r2021", "韶关市司法局", ["甲制度", "乙机制"], ["甲法"], year=2021),
        make_extraction("r2022", "韶关市司法局", ["乙机制", "丙改革"], ["甲法", "乙法"], year=2022),
        make_extraction("o2022", "韶关市公安局", ["乙机制", "丁平台"], ["乙法"], year=2022)]))
    try:
        yield store
    finally:
        store.close()


def test_compare_an_agency_between_two_years(two_year_store) -> None:
    tables = compare_years(two_year_store, agency="韶关市司法局", year_from=2021, year_to=2022)
    measures = {r["measure"]: r for r in tables["measures"].records()}
    assert {m: r["status"] for m, r in measures.items()} == {"丙改革": NEW, "乙机制": KEPT, "甲制度": DROPPED}
    assert measures["丙改革"]["to_report_id"] == "r2022" and measures["丙改革"]["from_report_id"] is None
    assert measures["甲制度"]["from_evidence"].startswith("韶关市司法局推行甲制度")
    assert measures["乙机制"]["from_report_id"] == "r2021" and measures["乙机制"]["to_report_id"] == "r2022"
    laws = {r["law"]: r["status"] for r in tables["laws"].records()}
    assert laws == {"乙法": NEW, "甲法": KEPT}


def test_compare_a_region_takes_every_agency(two_year_store) -> None:
    measures = compare_years(two_year_store, region="韶关市", year_from=2021, year_to=2022)["measures"].records()
    by_name = {r["measure"]: r for r in measures}
    assert by_name["丁平台"]["status"] == NEW and by_name["丁平台"]["to_agencies"] == "韶关市公安局"
    assert by_name["乙机制"]["to_agencies"] == "韶关市公安局、韶关市司法局"


def test_compare_two_agencies_side_by_side(two_year_store) -> None:
    table = compare_agencies(two_year_store, "韶关市司法局", "韶关市公安局").records()
    assert {r["measure"]: r["status"] for r in table} == {
        "乙机制": BOTH, "甲制度": ONLY_A, "丙改革": ONLY_A, "丁平台": ONLY_B}


def test_compare_refuses_a_backward_range(two_year_store) -> None:
    with pytest.raises(ValueError, match="before"):
        compare_years(two_year_store, agency="韶关市司法局", year_from=2022, year_to=2021)


def test_cli_ask_prints_its_work_and_exports(corpus_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    runner = CliRunner()
    xlsx = tmp_path / "answer.xlsx"
    result = runner.invoke(app, ["ask", "哪些报告引用了民法典", "--db", str(corpus_db), "--xlsx", str(xlsx)])
    assert result.exit_code == 0, result.output
    assert "理解为：引用「中华人民共和国民法典」的报告" in result.output
    assert "查询: law_citations" in result.output and "MATCH (r:Report)-[e:CITES]->" in result.output
    sheet = load_workbook(xlsx)["回答"]
    headers = [c.value for c in sheet[1]]
    assert "证据句" in headers and "报告标题" in headers and sheet.max_row > 1
    assert all("民法典" in str(row[headers.index("证据句")]) for row in sheet.iter_rows(min_row=2, values_only=True))
    as_json = json.loads(runner.invoke(app, ["ask", "哪些报告引用了民法典", "--db", str(corpus_db), "--json"]).stdout)
    assert as_json["query"] == "law_citations" and as_json["rows"]
    unsure = runner.invoke(app, ["ask", "司法局做了什么", "--db", str(corpus_db)])
    assert unsure.exit_code == 3 and "您是指" in unsure.output


def test_cli_eval_ask_and_compare(corpus_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    evaluated = runner.invoke(app, ["eval-ask", str(QUESTIONS), "--db", str(corpus_db)])
    assert evaluated.exit_code == 0 and evaluated.stdout.startswith("accuracy ")
    csv_path = tmp_path / "compare.csv"
    compared = runner.invoke(app, ["compare", "--region", "河源市", "--from", "2021", "--to", "2022",
                                   "--db", str(corpus_db), "--csv", str(csv_path)])
    assert compared.exit_code == 0, compared.output
    assert "新增" in compared.output and "延续" in compared.output and "未再提及" in compared.output
    header = csv_path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("状态,措施") and "后一年·证据句" in header


def test_a_broken_intents_file_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fazhi.data import data_dir
    from fazhi.queries import ask

    for path in data_dir().glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "ask_intents.tsv").write_text("who\tno_such_query\tmeasure\t\t「{measure}」\n", encoding="utf-8")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match=r"ask_intents.tsv: intent who names an unknown query"):
        ask.load_intents()


@pytest.mark.neo4j
def test_answers_are_the_same_on_neo4j(corpus, vocab: Vocabulary, neo4j_store, seeds_dir: Path) -> None:
    from fazhi.ingest import ingest

    ingest([ROOT / "data" / "samples", seeds_dir], neo4j_store, workers=1)
    assert Vocabulary.from_store(neo4j_store).surfaces == vocab.surfaces
    for question in FAMILY_QUESTIONS.values():
        ours, theirs = answer(corpus, question, vocab), answer(neo4j_store, question, vocab)
        assert ours.interpretation.params == theirs.interpretation.params, question
        if ours.interpretation.query == "shortest_path":  # equal-length chains may come in either order
            assert [r[-1] for r in ours.rows] == [r[-1] for r in theirs.rows], question
            continue
        assert sorted(map(repr, ours.rows)) == sorted(map(repr, theirs.rows)), question
