"""Report texts in a file beside the embedded store (graph/texts.py): what users read does not change.

Every library query, whole Report nodes and the node iteration that exports use give the same rows
whether the texts are in the Report table (the layout before) or in the texts file; a store of the
layout before is read as it is and moved by the first writer; removing a report removes its text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import ladybug

from fazhi.extraction.pipeline import extract
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.texts import SUFFIX
from fazhi.ingest import ingest
from fazhi.loaders import iter_files, load
from fazhi.queries import library

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def seen(store: LadybugStore) -> dict[str, Any]:
    """What users read: every library query with its example parameters, whole Report nodes, exports' rows."""
    out: dict[str, Any] = {name: sorted(map(repr, library.run(store, name, dict(q.params)).rows))
                           for name, q in library.load_library().items()}
    out["nodes"] = sorted(map(repr, store.query("MATCH (r:Report) RETURN r").rows))
    out["iter_nodes"] = list(store.iter_nodes("Report"))
    return out


def texts_file_rows(path: Path) -> int:
    with sqlite3.connect(path.with_name(path.name + SUFFIX)) as db:
        return int(db.execute("SELECT count(DISTINCT key) FROM parts").fetchone()[0])


def to_old_layout(path: Path) -> None:
    """Put the texts back into the Report table and delete the texts file, as a store made before it."""
    with LadybugStore(path, read_only=True) as reader:
        texts = dict(reader.query("MATCH (r:Report) RETURN r.id, r.text").rows)
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("ALTER TABLE Report ADD text STRING")
    conn.execute("UNWIND $rows AS row MATCH (r:Report {id: row.id}) SET r.text = row.text",
                 {"rows": [{"id": rid, "text": text} for rid, text in texts.items()]})
    conn.execute("ALTER TABLE Report DROP text_key")
    conn.close()
    db.close()
    path.with_name(path.name + SUFFIX).unlink()


def test_texts_live_beside_the_store_and_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "texts.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([SAMPLES], store, workers=1)
        texts = dict(store.query("MATCH (r:Report) RETURN r.source, r.text").rows)
        columns = {row[0] for row in store.query("CALL TABLE_INFO('Report') RETURN name").rows}
        before = seen(store)
    assert "text" not in columns and "text_key" in columns
    assert texts_file_rows(path) == len(summary.ingested)
    assert texts == {str(f): extract(load(f)).text for f in iter_files([SAMPLES])}
    assert all("text_key" not in node and node["text"] for node in before["iter_nodes"])

    to_old_layout(path)
    with LadybugStore(path, read_only=True) as old:  # read as it is, nothing moved
        assert seen(old) == before
    assert not path.with_name(path.name + SUFFIX).exists()
    with LadybugStore(path) as writer:  # the first writer moves the texts out
        assert "text" not in {row[0] for row in writer.query("CALL TABLE_INFO('Report') RETURN name").rows}
        assert seen(writer) == before
    assert texts_file_rows(path) == len(summary.ingested)


def test_removing_a_report_removes_its_text(tmp_path: Path) -> None:
    path = tmp_path / "removed.lbdb"
    with LadybugStore(path) as store:
        ingest([SAMPLES], store, workers=1)
        first = store.query("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
        count = texts_file_rows(path)
        store.remove_report(first)
        assert texts_file_rows(path) == count - 1
        assert store.query("MATCH (r:Report) RETURN count(r.text)").rows[0][0] == count - 1


def test_only_report_text_in_the_cypher_itself_is_rewritten() -> None:
    """Quoted text, comments, other labels' and relationships' `.text`, UNWIND items and parameters stay as
    written; a report's `.text`, whatever the variable or alias is called, reads the texts file."""
    from fazhi.graph.texts import cypher_with_texts

    kept = ["MATCH (r:Report) WHERE r.title CONTAINS 'r.text' OR r.source = \"x.text\" RETURN r.id",
            "MATCH (r:Report) RETURN r.id // r.text",
            "MATCH (r:Report) /* r.text */ RETURN r.`text`",
            "MATCH (a:Agency)<-[e:IMPLEMENTS]-(r:Report) RETURN a.text, e.text",
            "UNWIND $rows AS row RETURN row.text, $p.text, row.text_key",
            "MATCH (r:Report) RETURN r.text_key, r.textual"]
    for cypher in kept:
        assert cypher_with_texts(cypher) == cypher
    assert cypher_with_texts("MATCH (text:Report) WITH text AS x RETURN x.text AS text, text.text") == \
        "MATCH (text:Report) WITH text AS x RETURN report_text(x.text_key) AS text, report_text(text.text_key)"
    assert cypher_with_texts("MATCH (n) WHERE n.text CONTAINS 'a.text' RETURN n") == \
        "MATCH (n) WHERE report_text(n.text_key) CONTAINS 'a.text' RETURN n"


def test_cut_right_left_is_cypher_right_of_left() -> None:
    """The documented evidence cut, computed beside the text: the same string Cypher's functions give,
    offsets past the end of the text included."""
    from fazhi.graph.texts import cut_right_left

    db = ladybug.Database(":memory:")
    conn = ladybug.Connection(db)
    text = "一二三四五六七八九十"
    for start, end in [(0, 3), (2, 7), (9, 10), (4, 4), (8, 12), (12, 15), (0, 0)]:
        expected = conn.execute("RETURN right(left($t, $e), $e - $s)", {"t": text, "s": start, "e": end}).get_next()[0]
        assert cut_right_left(text, start, end) == expected, (start, end)


def test_the_readme_evidence_query_reads_each_sentence(tmp_path: Path) -> None:
    """README's own Cypher for evidence (right(left(r.text, …))) still shows the extractor's sentence."""
    path = tmp_path / "readme.lbdb"
    with LadybugStore(path) as store:
        ingest([SAMPLES], store, workers=1)
        expected = {(e["source"], e["target"], e["report_id"], e["start_offset"]): e["sentence"]
                    for e in store.iter_edges("IMPLEMENTS")}
        rows = store.query("MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) MATCH (r:Report {id: e.report_id}) "
                           "RETURN a.name, m.name, right(left(r.text, e.end_offset), e.end_offset - e.start_offset) "
                           "AS sentence, e.start_offset, e.report_id").rows
    assert expected and len(rows) == len(expected)
    assert {(name, measure, rid, start): sentence for name, measure, sentence, start, rid in rows} == expected


def test_a_store_copied_without_its_texts_is_named(tmp_path: Path) -> None:
    """Copying every file of the store keeps its texts; a copy without `<db>.texts` is refused with the
    file's name instead of showing every report without its text (or a writer starting an empty file)."""
    import shutil

    from fazhi.graph.store import StoreUnavailable

    path = tmp_path / "orig.lbdb"
    with LadybugStore(path) as store:
        ingest([SAMPLES], store, workers=1)
        before = seen(store)
    whole, bare = tmp_path / "whole" / "copy.lbdb", tmp_path / "bare" / "copy.lbdb"
    for target in (whole, bare):
        target.parent.mkdir()
    for file in tmp_path.glob("orig.lbdb*"):
        if file.is_file():
            shutil.copy(file, whole.with_name(file.name.replace("orig", "copy", 1)))
    shutil.copy(path, bare)
    with LadybugStore(whole, read_only=True) as copy:
        assert seen(copy) == before
    for read_only in (True, False):
        try:
            LadybugStore(bare, read_only=read_only).close()
        except StoreUnavailable as exc:
            assert "copy.lbdb.texts is missing" in str(exc)
        else:
            raise AssertionError("a store without its texts file opened")
    assert not bare.with_name(bare.name + SUFFIX).exists()


def test_a_reader_sees_a_writers_new_reports_with_their_texts(tmp_path: Path) -> None:
    """A reader opened before a writer's ingest and again after it reads every text (its texts file is
    opened read-only, and the writer's texts were committed before the store's commit that names them)."""
    files = list(iter_files([SAMPLES]))
    first, rest = tmp_path / "first", tmp_path / "rest"
    for folder, part in ((first, files[:1]), (rest, files[1:])):
        folder.mkdir()
        for file in part:
            (folder / file.name).write_bytes(file.read_bytes())
    path = tmp_path / "shared.lbdb"
    with LadybugStore(path) as writer:
        ingest([first], writer, workers=1)
    reader = LadybugStore(path, read_only=True)
    try:
        assert reader.query("MATCH (r:Report) RETURN count(r.text)").rows == [[1]]
        reader.close()  # LadybugDB: one process writes only when it holds no other handle of the file
        with LadybugStore(path) as writer:
            ingest([rest], writer, workers=1)
        reader = LadybugStore(path, read_only=True)
        texts = sorted(text for (text,) in reader.query("MATCH (r:Report) RETURN r.text").rows)
        assert texts == sorted(extract(load(f)).text for f in files)
    finally:
        reader.close()


def test_a_cut_reads_the_parts_it_lies_in_and_gives_the_whole_texts_cut(tmp_path: Path) -> None:
    """Texts are kept in parts (PART_CHARS characters); sentence and right_left cut across part
    boundaries and past the text's end exactly as slicing and Cypher's right(left()) of the whole text."""
    from fazhi.graph.texts import PART_CHARS, RIGHT_LEFT, SUBSTRING, ReportTexts, cut_right_left

    text = "".join(chr(0x4E00 + i % 500) for i in range(2 * PART_CHARS + 37))
    texts = ReportTexts(tmp_path / "t.texts")
    key = texts.put([text, ""])[text]
    n = len(text)
    spans = [(0, 5), (PART_CHARS - 3, PART_CHARS + 4), (PART_CHARS, 2 * PART_CHARS), (n - 10, n), (n - 3, n + 5),
             (n + 2, n + 9), (7, 7), (9, 4), (0, n)]
    for start, end in spans:
        assert texts.sentence(key, start, end) == text[start:end], (start, end)
        assert texts.right_left(key, start, end) == cut_right_left(text, start, end), (start, end)
    assert texts.get(key) == text and texts.get(texts.put([""])[""]) == ""
    assert texts.sentence(12345, 0, 3) is None and texts.get(None) is None
    # a column of deferred cuts [key, start, end, kind] at once gives what each cut gives alone
    column = [[k, start, end, kind] for start, end in spans for kind in (SUBSTRING, RIGHT_LEFT)
              for k in (key, 12345, None)] + [None, "not a cut", [key, None, 4, SUBSTRING]]
    assert texts.cut_all(column) == [texts.cut(value) for value in column]
    assert texts.cut_all([]) == []
    texts.close()


def test_evidence_columns_are_cut_after_the_query_only_where_a_sentence_would_read_the_same() -> None:
    """A cut that is a column of the final RETURN comes back as [key, start, end, kind] for the store to
    cut; not under DISTINCT or an aggregation (equal sentences at other offsets would group apart),
    not a column ORDER BY names, not before a later WITH, and never inside quoted text."""
    from fazhi.graph.texts import cypher_with_texts

    cut = "substring(r.text, e.start_offset + 1, e.end_offset - e.start_offset)"
    readme = "right(left(r.text, e.end_offset), e.end_offset - e.start_offset)"
    head = "MATCH (r:Report)-[e:CITES]->(l:Law) "
    deferred: set[str] = set()
    out = cypher_with_texts(f"{head}RETURN 'a, {cut} AS q' AS x, {cut} AS s, {readme} AS t ORDER BY x", deferred)
    assert deferred == {"s", "t"}
    assert out == (f"{head}RETURN 'a, {cut} AS q' AS x, [r.text_key, e.start_offset, e.end_offset, 0] AS s, "
                   "[r.text_key, e.start_offset, e.end_offset, 1] AS t ORDER BY x")
    for refused in (f"{head}RETURN DISTINCT {cut} AS s", f"{head}RETURN {cut} AS s, count(*) AS n",
                    f"{head}RETURN {cut} AS s ORDER BY s", f"{head}WITH r, e RETURN {cut} AS s UNION ALL "
                    f"{head}WITH {cut} AS s RETURN s", f"MATCH (r:Agency)-[e:CITES]->(l:Law) RETURN {cut} AS s"):
        deferred = set()
        cypher_with_texts(refused, deferred)
        assert deferred <= {"s"} and ("UNION" in refused) == bool(deferred), refused
