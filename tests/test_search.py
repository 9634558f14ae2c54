"""The persistent sentence index: BM25 ranking, filters, and keeping up with the store it indexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.search import SentenceIndex, index_path, split_sentences, tokens
from fazhi.ingest import ingest
from fazhi.queries import library

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def tokenizer():
    from fazhi.graph.search import make_tokenizer

    return make_tokenizer()


def test_sentences_and_ranking(tmp_path: Path, tokenizer) -> None:
    text = "今年推行双随机、一公开监管。双随机抽查覆盖全部企业，双随机抽查结果全部公开。召开会议。"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["今年推行双随机、一公开监管。", "双随机抽查覆盖全部企业，双随机抽查结果全部公开。",
                                            "召开会议。"]
    index = SentenceIndex(tmp_path / "i.sqlite", tokenizer)
    index.add("r1", "报告", text)
    hits = index.search("双随机抽查")
    assert hits[0][1][4].startswith("双随机抽查覆盖")
    assert all("召开会议" not in hit[1][4] for hit in hits)
    rid, title, start, end, sentence = hits[0][1]
    assert (rid, title) == ("r1", "报告") and text[start:end] == sentence
    assert index.search("双随机", allowed={"other"}) == []
    assert index.search("。，") == []  # no words, no hits (and no FTS syntax error)
    assert index.search('"双随机" OR x*') == index.search("双随机 x")  # FTS operators are plain words


def test_dictionary_names_stay_whole_and_their_parts_are_found(tmp_path: Path, tokenizer) -> None:
    assert "人社局" in tokens(tokenizer, "市人社局开展检查")
    assert "行政执法三项制度" in tokens(tokenizer, "深入开展行政执法三项制度")
    index = SentenceIndex(tmp_path / "i.sqlite", tokenizer)
    index.add("r1", "报告", "全面推行双随机抽查。落实中华人民共和国行政处罚法。")
    assert [h[1][4] for h in index.search("双随机")] == ["全面推行双随机抽查。"]
    assert [h[1][4] for h in index.search("行政处罚法")] == ["落实中华人民共和国行政处罚法。"]


def test_sync_follows_the_store(tmp_path: Path, tokenizer) -> None:
    with LadybugStore(tmp_path / "g.lbdb") as store:
        ingest([SAMPLES], store, workers=1)
        path = index_path(store)
        assert path.name == "g.lbdb.search.sqlite"
        index = SentenceIndex(path, tokenizer)
        assert index.sync(store) == 8
        assert index.sync(store) == 0  # same store version: nothing read
        hits = index.search("双随机 一公开", limit=100)
        reports = {h[1][0] for h in hits}
        assert len(reports) >= 3
        for _, (rid, _, start, end, sentence) in hits[:10]:
            text = library.run(store, "report_text", {"report_id": rid}).records()[0]["text"]
            assert text[start:end] == sentence  # offsets point into the original text
        gone = sorted(reports)[0]
        store.remove_report(gone)
        assert index.sync(store) == 1
        assert gone not in {h[1][0] for h in index.search("双随机 一公开", limit=100)}
        index.close()
        reopened = SentenceIndex(path, tokenizer)  # on disk: a new process starts where the last stopped
        assert reopened.indexed_version() == store.version()
        assert {h[1][0] for h in reopened.search("双随机 一公开", limit=100)} == reports - {gone}


def test_cli_search_prints_ranked_sentences_with_offsets(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    db = tmp_path / "cli.lbdb"
    with LadybugStore(db) as store:
        ingest([SAMPLES], store, workers=1)
        texts = {r[0]: r[1] for r in store.query("MATCH (r:Report) RETURN r.id, r.text").rows}
    done = subprocess.run([sys.executable, "-m", "fazhi.cli", "search", "--db", str(db), "--json", "--limit", "5",
                           "法律顾问"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 5
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    for row in rows:
        assert "法律顾问" in row["sentence"]
        assert texts[row["report_id"]][row["start"]:row["end"]] == row["sentence"]


def test_parallel_sync_builds_the_same_index_and_readding_replaces(tmp_path: Path, tokenizer) -> None:
    import sqlite3

    def content(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as db:
            return sorted(db.execute("SELECT report_id, start, end, words, sentence FROM sentences"))

    with LadybugStore(tmp_path / "g.lbdb") as store:
        ingest([SAMPLES], store, workers=1)
        one, two = SentenceIndex(tmp_path / "one.sqlite", tokenizer), SentenceIndex(tmp_path / "two.sqlite")
        assert one.sync(store, workers=1) == two.sync(store, workers=2) == 8
        assert content(one.path) == content(two.path) and len(content(one.path)) > 100
        rid, text = store.query("MATCH (r:Report) RETURN r.id, r.text ORDER BY r.id LIMIT 1").rows[0]
    before = content(one.path)
    one.add(rid, "again", text)  # re-adding replaces that report's rows and leaves the others alone
    assert content(one.path) == before
    one.remove(rid)
    assert [row for row in before if row[0] != rid] == content(one.path)


def test_an_index_from_an_older_schema_is_rebuilt(tmp_path: Path, tokenizer) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE reports (report_id TEXT PRIMARY KEY, title TEXT)")
        db.execute("INSERT INTO reports VALUES ('x', 'y')")
    index = SentenceIndex(path, tokenizer)
    assert index.indexed_version() is None
    index.add("r1", "报告", "全面推行双随机抽查。")
    assert [h[1][0] for h in index.search("双随机")] == ["r1"]
