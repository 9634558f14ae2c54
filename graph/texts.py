"""Report texts beside the embedded store: one zlib-compressed row per report in an SQLite file `<db>.texts`.

Why not a column of the Report table: LadybugDB keeps every report of a store in one node group
(131,072 rows), and a checkpoint that appends reports to a node group rewrites its string columns
out of place. The texts are half of a bench store's live pages (603 of 1,241 MB at 50,000 reports),
so every bulk checkpoint read and rewrote the whole corpus in the writer's memory, ~470 MB more at
each 5,000 reports, and a 2 GB pool ran out at 45,000 (docs/BENCHMARKS.md, "Report texts out of the
store"). Here a text is written once, compressed, and never rewritten.

The store still reads as if the Report node had its text: LadybugStore registers the functions
`report_text(id)` and `report_sentence(id, start, end)` on every connection and rewrites `x.text` in
the Cypher it runs to them (see `cypher_with_texts`), so the query library, the Cypher page, exports
and evidence see the same values. A report's id is the hash of its content, so a text never changes
for an id; a text is written (and committed) before the report that needs it, so a crash leaves at
most a text without its report, which the next write of that report reuses.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

SUFFIX = ".texts"
LEVEL = 6  # zlib: ~2.3x on the bench texts; level 9 buys little for much more time
# `x.text` of a node -> the function reading it; the evidence cut of library.LADYBUG_EVIDENCE first,
# so that a sentence is cut beside the text instead of copying the whole text into the query.
_SENTENCE_RE = re.compile(r"substring\((\w+)\.text, (\w+)\.start_offset \+ 1, \2\.end_offset - \2\.start_offset\)")
_TEXT_RE = re.compile(r"\b([A-Za-z_]\w*)\.text\b")


def cypher_with_texts(cypher: str) -> str:
    """Cypher reading `x.text` made to read the texts file instead (module docstring)."""
    cypher = _SENTENCE_RE.sub(r"report_sentence(\1.id, \2.start_offset, \2.end_offset)", cypher)
    return _TEXT_RE.sub(r"report_text(\1.id)", cypher)


class ReportTexts:
    """The texts file of one store: put before the store commits, read by id, removed after."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._lock = threading.Lock()  # LadybugDB may call the functions from its worker threads
        if read_only and not path.exists():  # a store copied without it: texts read as missing
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._db.execute("CREATE TABLE texts (id TEXT PRIMARY KEY, z BLOB NOT NULL)")
        elif read_only:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS texts (id TEXT PRIMARY KEY, z BLOB NOT NULL)")
            self._db.commit()

    def put(self, texts: dict[str, str]) -> None:
        """Store these texts (one commit); an id already stored keeps its text (same id, same content)."""
        rows = [(rid, zlib.compress(text.encode("utf-8"), LEVEL)) for rid, text in texts.items() if text is not None]
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO texts (id, z) VALUES (?, ?)", rows)
            self._db.commit()

    def get(self, report_id: str | None) -> str | None:
        if report_id is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT z FROM texts WHERE id = ?", (report_id,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row else None

    def sentence(self, report_id: str | None, start: int | None, end: int | None) -> str | None:
        """text[start:end], as the Cypher evidence cut gives it (null when any part is null)."""
        text = self.get(report_id)
        if text is None or start is None or end is None:
            return None
        return text[start:end]

    def many(self, ids: Iterable[str]) -> dict[str, str]:
        return {rid: text for rid in ids if (text := self.get(rid)) is not None}

    def remove(self, ids: Iterable[str]) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM texts WHERE id = ?", [(rid,) for rid in ids])
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
