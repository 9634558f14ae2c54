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

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fazhi.data import data_dir
from fazhi.graph.store import GraphStore
from fazhi.queries import library

_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_WORD_RE = re.compile(r"\w")
_PAGE = 200  # reports per read from the store while indexing
SCHEMA_VERSION = 2  # bump when the tables change: an older index file is rebuilt, not misread
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, title TEXT, first_row INTEGER, last_row INTEGER);
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
        path = data_dir() / name
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


def sentence_rows(tokenizer, text: str) -> list[tuple[str, int, int, str]]:
    """(space-joined words, start, end, sentence) for every sentence of a text."""
    return [(" ".join(search_tokens(tokenizer, text[a:b])), a, b, text[a:b]) for a, b in split_sentences(text)]


_worker_tokenizer: Any = None


def _segment_page(page: list[tuple[str, str, str]], tokenizer: Any = None) -> list[tuple[str, str, list]]:
    """One page of (id, title, text) → (id, title, sentence rows); a worker process builds its tokenizer once."""
    global _worker_tokenizer
    if tokenizer is None:
        _worker_tokenizer = _worker_tokenizer or make_tokenizer()
        tokenizer = _worker_tokenizer
    return [(rid, title or rid, sentence_rows(tokenizer, text or "")) for rid, title, text in page]


def _segmented(pages: Iterable[list], workers: int, tokenizer: Any) -> Iterator[list[tuple[str, str, list]]]:
    """Pages segmented in order, here with `tokenizer` or in a pool (at most 2 pages per worker in flight)."""
    if workers <= 1:
        for page in pages:
            yield _segment_page(page, tokenizer)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        pending = []
        for page in pages:
            pending.append(pool.submit(_segment_page, page))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def index_path(store: GraphStore) -> Path:
    """`<db>.search.sqlite` beside an embedded store; for Neo4j, a file named after the server."""
    return store.sidecar_path(".search.sqlite")


class SentenceIndex:
    """The persistent BM25 index; safe to share between threads of one process (one lock)."""

    def __init__(self, path: str | Path, tokenizer: Any = None) -> None:
        self.path = Path(path)
        self.tokenizer = tokenizer or make_tokenizer()
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self._db.executescript("DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS reports; "
                                   "DROP TABLE IF EXISTS sentences;")
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # -- keeping up with the store ------------------------------------------------

    def pending(self, store) -> tuple[set[str], list[str]]:
        """(reports the index holds that the store lost, reports the store has that the index lacks)."""
        if self.indexed_version() == store.version():
            return set(), []
        stored = {row[0] for row in library.every_row(store, "report_ids")}
        with self._lock:
            indexed = {row[0] for row in self._db.execute("SELECT report_id FROM reports")}
        return indexed - stored, sorted(stored - indexed)

    def sync(self, store, progress: Callable[[int, int], None] | None = None, workers: int = 1,
             pending: tuple[set[str], list[str]] | None = None) -> int:
        """Add the store's reports the index lacks and drop the ones the store lost; returns how many changed.

        `workers` > 1 segments in that many processes (jieba is the cost: ~0.5 MB/s per core);
        the inserts stay in this one. `pending` is what `pending(store)` just returned, if the
        caller already asked (it lists every report id of the store).
        """
        version = store.version()
        if self.indexed_version() == version:
            return 0
        gone, missing = pending if pending is not None else self.pending(store)
        for report_id in gone:
            self.remove(report_id)
        pages = (library.run(store, "report_texts_by_id", {"ids": missing[i : i + _PAGE]}).rows
                 for i in range(0, len(missing), _PAGE))
        done = 0
        for page in _segmented(pages, workers, self.tokenizer):
            for report_id, title, rows in page:
                self._insert(report_id, title, rows)
            done += len(page)
            if progress:
                progress(done, len(missing))
        self._set_meta("store_version", version)
        return len(gone) + len(missing)

    def add(self, report_id: str, title: str, text: str) -> None:
        """Index one report's sentences (replacing what the index held for it)."""
        self._insert(report_id, title, sentence_rows(self.tokenizer, text))

    def _insert(self, report_id: str, title: str, rows: list[tuple[str, int, int, str]]) -> None:
        """Rows get consecutive rowids, kept per report, so removal deletes by rowid range (no scan)."""
        self.remove(report_id)
        with self._lock, self._db:
            last = self._db.execute("SELECT rowid FROM sentences ORDER BY rowid DESC LIMIT 1").fetchone()
            first = (last[0] if last else 0) + 1
            self._db.executemany("INSERT INTO sentences(rowid, words, report_id, title, start, end, sentence) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [(first + i, words, report_id, title, a, b, sentence)
                                  for i, (words, a, b, sentence) in enumerate(rows)])
            self._db.execute("INSERT INTO reports VALUES (?, ?, ?, ?)", (report_id, title, first, first + len(rows) - 1))

    def remove(self, report_id: str) -> None:
        with self._lock, self._db:
            span = self._db.execute("SELECT first_row, last_row FROM reports WHERE report_id = ?",
                                    (report_id,)).fetchone()
            if span:
                self._db.execute("DELETE FROM sentences WHERE rowid BETWEEN ? AND ?", span)
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
