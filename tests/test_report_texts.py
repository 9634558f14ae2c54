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
        return int(db.execute("SELECT count(*) FROM texts").fetchone()[0])


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
