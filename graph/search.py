"""Full-text search over every sentence of every report: jieba words in an SQLite FTS5 index beside the store.

Why on disk: jieba segments about 1 MB/s, so an in-memory index rebuilt on every
app start would take minutes at 10k reports and over ten at 50k. Here each report
is segmented once, when the index first sees it; afterwards `sync` only adds and
drops the reports that changed, and does nothing at all while the store's version
is the one it recorded. FTS5 stores the words (space-separated, so its unicode61
tokenizer keeps each jieba word whole) and ranks with BM25; jieba's search mode adds
the dictionary words inside long ones, so 双随机 finds 双随机抽查.

The tokenizer's user words come from data/ only (law titles and short names,
measure names and aliases, agency abbreviations), never from the extracted graph:
words that change with every ingest would segment old and new sentences
differently and make them unfindable.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from queries import library

DATA = Path(__file__).resolve().parent.parent / "data"
_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_WORD_RE = re.compile(r"\w")
_PAGE = 200  # reports per read from the store while indexing
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, title TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences USING fts5(
    words, report_id UNINDEXED, title UNINDEXED, start UNINDEXED, end UNINDEXED, sentence UNINDEXED,
    tokenize = 'unicode61'
);
"""
Hit = tuple[float, tuple[str, str, int, int, str]]  # score, (report id, title, start, end, sentence)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) of the original text, trimmed of surrounding spaces."""
    spans = []
    for match in _SENTENCE_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 2:
            spans.append((start, end))
    return spans


def dictionary_words() -> list[str]:
    """Law and measure names and aliases, agency abbreviations and their expansions (data/)."""
    words: list[str] = []
    for name, columns in (("laws.tsv", (0, 3)), ("measures.tsv", (0, 2)), ("agency_abbreviations.tsv", (0, 1))):
        path = DATA / name
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            words.extend(w for col in columns if col < len(cells) for w in cells[col].split("|") if w)
    return words


def make_tokenizer(extra_words: Iterable[str] = ()):
    """A private jieba tokenizer with the project's names as user words (quotes stripped)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in [*dictionary_words(), *extra_words]:
        plain = re.sub(r"[“”\"‘’《》〈〉()（）\s]", "", word)
        # jieba never joins across 、 or +, so 双随机、一公开 is added as 双随机 and 一公开 too
        for part in {plain, *re.split(r"[、，,+·]", plain)}:
            if len(part) >= 2:
                tokenizer.add_word(part, freq=50_000)
    return tokenizer


def tokens(tokenizer, text: str) -> list[str]:
    """Whole words (what the page highlights)."""
    return [t for t in tokenizer.lcut(text) if _WORD_RE.search(t)]


def search_tokens(tokenizer, text: str) -> list[str]:
    """Whole words and the dictionary words inside them (双随机抽查 → 双随机, 随机, 抽查, 双随机抽查),
    for both the index and the query, so a part of a long name still finds it."""
    return [t for t in tokenizer.lcut_for_search(text) if _WORD_RE.search(t)]


def index_path(store) -> Path:
    """`<db>.search.sqlite` beside an embedded store; for Neo4j, a file named after the server, next to
    where the embedded store would be (data/ by default)."""
    from graph.open import db_path

    path = getattr(store, "path", None)
    if path is not None:
        return Path(path).with_name(Path(path).name + ".search.sqlite")
    where = f"{getattr(store, 'uri', '')}/{getattr(store, 'database', '') or ''}"
    return db_path().parent / f"neo4j-{hashlib.sha1(where.encode()).hexdigest()[:12]}.search.sqlite"


class SentenceIndex:
    """The persistent BM25 index; safe to share between threads of one process (one lock)."""

    def __init__(self, path: str | Path, tokenizer: Any = None) -> None:
        self.path = Path(path)
        self.tokenizer = tokenizer or make_tokenizer()
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # -- keeping up with the store ------------------------------------------------

    def sync(self, store, progress: Callable[[int, int], None] | None = None) -> int:
        """Add the store's reports the index lacks and drop the ones the store lost; returns how many changed."""
        version = store.version()
        if self.indexed_version() == version:
            return 0
        stored = {row[0] for row in library.run(store, "report_ids", row_cap=100_000_000).rows}
        with self._lock:
            indexed = {row[0] for row in self._db.execute("SELECT report_id FROM reports")}
        gone, missing = indexed - stored, sorted(stored - indexed)
        for report_id in gone:
            self.remove(report_id)
        for done, (report_id, title, text) in enumerate(self._texts(store, missing), start=1):
            self.add(report_id, title or report_id, text or "")
            if progress and (done % 50 == 0 or done == len(missing)):
                progress(done, len(missing))
        self._set_meta("store_version", version)
        return len(gone) + len(missing)

    @staticmethod
    def _texts(store, report_ids: list[str]) -> Iterator[tuple[str, str, str]]:
        for i in range(0, len(report_ids), _PAGE):
            yield from library.run(store, "report_texts_by_id", {"ids": report_ids[i : i + _PAGE]}).rows

    def add(self, report_id: str, title: str, text: str) -> None:
        rows = [(" ".join(search_tokens(self.tokenizer, text[a:b])), report_id, title, a, b, text[a:b])
                for a, b in split_sentences(text)]
        with self._lock, self._db:
            self._db.execute("DELETE FROM sentences WHERE report_id = ?", (report_id,))
            self._db.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)", rows)
            self._db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?)", (report_id, title))

    def remove(self, report_id: str) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM sentences WHERE report_id = ?", (report_id,))
            self._db.execute("DELETE FROM reports WHERE report_id = ?", (report_id,))

    def indexed_version(self) -> str | None:
        """The store version the index last caught up with."""
        return self._meta("store_version")

    def _meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- searching -----------------------------------------------------------------

    def search(self, query: str, limit: int = 20, allowed: set[str] | None = None) -> list[Hit]:
        """Sentences ranked by BM25 over the query's words (any of them); `allowed` limits the reports."""
        words = sorted(set(search_tokens(self.tokenizer, query)))
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        sql = ("SELECT -bm25(sentences), report_id, title, start, end, sentence FROM sentences "
               "WHERE sentences MATCH ? ORDER BY bm25(sentences), rowid")
        with self._lock:
            cursor = self._db.execute(sql + ("" if allowed is not None else " LIMIT ?"),
                                      (match,) if allowed is not None else (match, limit))
            hits: list[Hit] = []
            for score, *doc in cursor:
                if allowed is None or doc[0] in allowed:
                    hits.append((score, (doc[0], doc[1], int(doc[2]), int(doc[3]), doc[4])))
                    if len(hits) == limit:
                        break
        return hits
