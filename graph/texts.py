"""Report texts beside the embedded store: one zlib-compressed row per report in an SQLite file `<db>.texts`.

Why not a column of the Report table: LadybugDB keeps every report of a store in one node group
(131,072 rows), and a checkpoint that appends reports to a node group rewrites its string columns
out of place. The texts are half of a bench store's live pages (603 of 1,241 MB at 50,000 reports),
so every bulk checkpoint read and rewrote the whole corpus in the writer's memory, ~470 MB more at
each 5,000 reports, and a 2 GB pool ran out at 45,000 (docs/BENCHMARKS.md, "Report texts out of the
store"). Here a text is written once, compressed, and never rewritten.

The store still reads as if the Report node had its text: a Report row keeps only `text_key`, a
64-bit hash of its text, and LadybugStore registers the functions `report_text(key)` and
`report_sentence(key, start, end)` on every connection and rewrites `x.text` in the Cypher it runs to
them (see `cypher_with_texts`), so the query library, the Cypher page, exports and evidence see the
same values. Texts are keyed by their content, so one is never changed in place: it is written (and
committed) before the transaction whose Report row names it, a transaction that rolls back leaves at
most a text that no report names, and the store removes texts after the commit that removed their
last report.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path

from fazhi.graph.store import key64

SUFFIX = ".texts"
LEVEL = 6  # zlib: ~2.3x on the bench texts; level 9 buys little for much more time
# `x.text` of a node -> the function reading it; the evidence cut of library.LADYBUG_EVIDENCE first,
# so that a sentence is cut beside the text instead of copying the whole text into the query.
_SENTENCE_RE = re.compile(r"substring\((\w+)\.text, (\w+)\.start_offset \+ 1, \2\.end_offset - \2\.start_offset\)")
_TEXT_RE = re.compile(r"\b([A-Za-z_]\w*)\.text\b")


def cypher_with_texts(cypher: str) -> str:
    """Cypher reading `x.text` made to read the texts file instead (module docstring)."""
    cypher = _SENTENCE_RE.sub(r"report_sentence(\1.text_key, \2.start_offset, \2.end_offset)", cypher)
    return _TEXT_RE.sub(r"report_text(\1.text_key)", cypher)


def text_key(text: str) -> int:
    """The key of a text in the file and on its Report row: a 64-bit hash of the content."""
    return key64(text)


class ReportTexts:
    """The texts file of one store: put before the store commits, read by id, removed after."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._lock = threading.Lock()  # LadybugDB may call the functions from its worker threads
        if read_only and not path.exists():  # a store copied without it: texts read as missing
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._db.execute("CREATE TABLE texts (key INTEGER PRIMARY KEY, z BLOB NOT NULL)")
        elif read_only:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS texts (key INTEGER PRIMARY KEY, z BLOB NOT NULL)")
            self._db.commit()

    def put(self, texts: Iterable[str]) -> dict[str, int]:
        """Store these texts (one commit; one already stored is kept); returns each text's key."""
        keys = {text: text_key(text) for text in texts}
        rows = [(key, zlib.compress(text.encode("utf-8"), LEVEL)) for text, key in keys.items()]
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO texts (key, z) VALUES (?, ?)", rows)
            self._db.commit()
        return keys

    def get(self, key: int | None) -> str | None:
        if key is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT z FROM texts WHERE key = ?", (key,)).fetchone()
        return zlib.decompress(row[0]).decode("utf-8") if row else None

    def sentence(self, key: int | None, start: int | None, end: int | None) -> str | None:
        """text[start:end], as the Cypher evidence cut gives it (null when any part is null)."""
        text = self.get(key)
        if text is None or start is None or end is None:
            return None
        return text[start:end]

    def remove(self, keys: Iterable[int]) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM texts WHERE key = ?", [(key,) for key in keys])
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
