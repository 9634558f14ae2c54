"""Report texts beside the embedded store, zlib-compressed in parts in an SQLite file `<db>.texts`.

Why not a column of the Report table: LadybugDB keeps the reports of a store in one node group
(131,072 rows), and a checkpoint that appends reports to a node group rewrites its string columns
out of place, so with the texts inside, every bulk checkpoint carried the whole corpus through the
buffer pool and the writer's memory. Measured at 20,000 bench reports (docs/BENCHMARKS.md, "Report
texts beside the store, session 9"): store 734 -> 372 MB (+ this file), the ingest's peak PSS at the
last progress point 2,701 -> 1,995 MB, 500 more reports grow the store by 82 MB instead of 254 MB.

The store still reads as if the Report node had its text: a Report row keeps only `text_key`, a
64-bit hash of its text, and LadybugStore registers the functions `report_text(key)`,
`report_sentence(key, start, end)` and `report_right_left(key, start, end)` on every connection and
rewrites `x.text` in the Cypher it reads to them (see `cypher_with_texts`), so the query library, the
Cypher page, exports and evidence see the same values. Texts are keyed by their content, so one is
never changed in place: it is written (and committed) before the transaction whose Report row names
it, a transaction that rolls back leaves at most a text that no report names, and the store removes
texts after the commit that removed their last report.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from fazhi.graph.store import key64

SUFFIX = ".texts"
LEVEL = 6  # zlib: ~2.3x on the bench texts; level 9 buys little for much more time
# A rollback journal, not WAL: the one file is the whole of the texts (a copy or backup takes `<db>.texts`,
# no -wal/-shm beside it, and its size is what the texts take), readers open it read-only without a
# shared-memory file, and a reader waits out a writer's commit (one batch of texts, milliseconds).
BUSY_S = 30.0
PART_CHARS = 1024  # an evidence sentence is ~100 characters; a part compresses to ~1 KB
_SCHEMA = ("CREATE TABLE IF NOT EXISTS parts (key INTEGER NOT NULL, part INTEGER NOT NULL, z BLOB NOT NULL, "
           "PRIMARY KEY (key, part))")
_INSERT = "INSERT OR IGNORE INTO parts (key, part, z) VALUES (?, ?, ?)"
# The parts named by a JSON list of [key, part] pairs, each looked up by the primary key (json_extract, not the
# ->> of SQLite 3.38+, so that an older system SQLite reads it too).
_PARTS_OF_PAIRS = ("SELECT p.key, p.part, p.z FROM json_each(?) AS j JOIN parts AS p "
                   "ON p.key = json_extract(j.value, '$[0]') AND p.part = json_extract(j.value, '$[1]')")
# The evidence cuts first, so that a sentence is cut beside the text instead of copying the whole text
# into the query: library.LADYBUG_EVIDENCE's substring, and the right(left(...)) the README documents.
_SUBSTRING_RE = re.compile(r"substring\((\w+)\.text, (\w+)\.start_offset \+ 1, \2\.end_offset - \2\.start_offset\)")
_RIGHT_LEFT_RE = re.compile(r"right\(left\((\w+)\.text, (\w+)\.end_offset\), \2\.end_offset - \2\.start_offset\)")
# The same cuts as whole RETURN columns (`... AS alias`), which the caller may cut after the query.
_AS = r"\s+AS\s+([A-Za-z_]\w*)"
_SUBSTRING_COLUMN_RE = re.compile(_SUBSTRING_RE.pattern + _AS)
_RIGHT_LEFT_COLUMN_RE = re.compile(_RIGHT_LEFT_RE.pattern + _AS)
_TEXT_RE = re.compile(r"(?<![\w.$])([A-Za-z_]\w*)\.text\b")
# What is not Cypher to rewrite: string literals, `quoted names` and comments.
_QUOTED_RE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", re.S)
# Variables whose `.text` is not a report's: a node of another label, a relationship, an UNWIND item.
_OTHER_NODE_RE = re.compile(r"\(\s*([A-Za-z_]\w*)\s*:\s*([\w:|]+)")
_REL_RE = re.compile(r"-\s*\[\s*([A-Za-z_]\w*)")
_PART_RE = re.compile(r"(\bUNION(?:\s+ALL)?\b|;)", re.I)
_RETURN_RE = re.compile(r"\bRETURN\b", re.I)
_CLAUSE_END_RE = re.compile(r"\b(?:ORDER\s+BY|SKIP|LIMIT)\b", re.I)
_WITH_RE = re.compile(r"\bWITH\b", re.I)
_DISTINCT_RE = re.compile(r"RETURN\s+DISTINCT\b", re.I)
_AGGREGATE_RE = re.compile(r"\b(?:count|sum|min|max|avg|collect|stdev|stdevp|percentile\w*)\s*\(", re.I)
_HOLE = "\x00"  # where a quoted piece was: no pattern matches it
SUBSTRING, RIGHT_LEFT = 0, 1  # the kind of a deferred cut: text[start:end], or right(left(text, end), end - start)
_UNWIND_RE = re.compile(r"\bUNWIND\b.*?\bAS\s+([A-Za-z_]\w*)", re.I | re.S)


def cypher_with_texts(cypher: str, deferred: set[str] | None = None) -> str:
    """Cypher reading `x.text` made to read the texts file instead (module docstring).

    Only the Cypher itself is rewritten, not what is quoted in it (a string literal may well say
    "r.text"), and only for variables that may be reports: `a.text` of an `(a:Agency)`, a
    relationship or an UNWIND item is left as written, so it fails or reads as it did before. Each
    part of a UNION (or statement) binds its own variables, so each is read apart.

    With `deferred` (a set the names go into), an evidence cut that is a column of the final RETURN
    returns [text key, start, end, kind] instead, for the caller to cut after the query (`cut`):
    LadybugDB calls a Python function once per row from its own threads, ~0.3 ms a call on this
    machine, where the caller cuts 1,000 rows in ~0.1 s."""
    return "".join(_rewrite(part, deferred) for part in _parts(cypher))


def _parts(cypher: str) -> list[list[tuple[bool, str]]]:
    """The query's UNION parts and statements, each a list of (is code, text) pieces."""
    parts: list[list[tuple[bool, str]]] = [[]]
    pos = 0
    for quoted in [*_QUOTED_RE.finditer(cypher), None]:
        code = cypher[pos : quoted.start() if quoted else len(cypher)]
        for i, chunk in enumerate(_PART_RE.split(code)):
            if i % 2:  # a separator: ends the part
                parts[-1].append((False, chunk))
                parts.append([])
            else:
                parts[-1].append((True, chunk))
        if quoted:
            parts[-1].append((False, quoted.group(0)))
            pos = quoted.end()
    return parts


def _rewrite(part: list[tuple[bool, str]], deferred: set[str] | None) -> str:
    others = _not_reports(" ".join(text for is_code, text in part if is_code))
    if deferred is not None:
        part = _defer_cuts(part, others, deferred)
    return "".join(_rewrite_code(text, others) if is_code else text for is_code, text in part)


def _defer_cuts(part: list[tuple[bool, str]], others: set[str], deferred: set[str]) -> list[tuple[bool, str]]:
    """The part with the evidence cuts that are whole columns of its final RETURN made into
    [key, start, end, kind] (cypher_with_texts). Not in a RETURN DISTINCT or one that aggregates (a
    list groups apart where equal sentences would not), nor a column that ORDER BY names."""
    quoted = [text for is_code, text in part if not is_code]
    code = "".join(text if is_code else _HOLE for is_code, text in part)  # quoted text held apart
    returns = list(_RETURN_RE.finditer(code))
    if not returns:
        return part
    start = returns[-1].start()
    end_match = _CLAUSE_END_RE.search(code, start)
    end = end_match.start() if end_match else len(code)
    clause, tail = code[start:end], code[end:]
    if _WITH_RE.search(tail) or _DISTINCT_RE.match(clause) or _AGGREGATE_RE.search(clause):
        return part

    def defer(kind: int) -> Callable[[re.Match[str]], str]:
        def sub(match: re.Match[str]) -> str:
            node, edge, alias = match.group(1), match.group(2), match.group(3)
            if node in others or re.search(rf"\b{alias}\b", tail):
                return match.group(0)
            deferred.add(alias)
            return f"[{node}.text_key, {edge}.start_offset, {edge}.end_offset, {kind}] AS {alias}"
        return sub

    clause = _SUBSTRING_COLUMN_RE.sub(defer(SUBSTRING), clause)
    clause = _RIGHT_LEFT_COLUMN_RE.sub(defer(RIGHT_LEFT), clause)
    pieces = (code[:start] + clause + code[end:]).split(_HOLE)
    out: list[tuple[bool, str]] = [(True, pieces[0])]
    for text, piece in zip(quoted, pieces[1:], strict=True):
        out += [(False, text), (True, piece)]
    return out


def _not_reports(code: str) -> set[str]:
    nodes = {var for var, labels in _OTHER_NODE_RE.findall(code)
             if "Report" not in re.split(r"[:|]", labels)}
    return nodes | set(_REL_RE.findall(code)) | set(_UNWIND_RE.findall(code))


def _rewrite_code(code: str, others: set[str]) -> str:
    def cut(function: str) -> Callable[[re.Match[str]], str]:
        def sub(match: re.Match[str]) -> str:
            node, edge = match.group(1), match.group(2)
            if node in others:
                return match.group(0)
            return f"{function}({node}.text_key, {edge}.start_offset, {edge}.end_offset)"
        return sub

    code = _SUBSTRING_RE.sub(cut("report_sentence"), code)
    code = _RIGHT_LEFT_RE.sub(cut("report_right_left"), code)
    return _TEXT_RE.sub(lambda m: m.group(0) if m.group(1) in others else f"report_text({m.group(1)}.text_key)",
                        code)


def cut_right_left(text: str | None, start: int | None, end: int | None) -> str | None:
    """`right(left(text, end), end - start)` as Cypher computes it: text[start:end] for offsets inside the
    text, the last end - start characters of its first `end` otherwise (null for negative lengths)."""
    if text is None or start is None or end is None or end < 0 or end < start:
        return None
    head = text[:end]
    return head[max(len(head) - (end - start), 0):]


def text_key(text: str) -> int:
    """The key of a text in the file and on its Report row: a 64-bit hash of the content."""
    return key64(text)


class ReportTexts:
    """The texts file of one store: put before the store commits, read by key, removed after.

    A text is kept in parts of PART_CHARS characters, each compressed on its own, so that an evidence
    sentence reads and inflates the one part it lies in (~1 KB) instead of its whole report: with one
    compressed row a text, 1,000 evidence rows cost ~0.4 s more than the same query with the texts in
    the store (docs/BENCHMARKS.md, "Report texts beside the store, session 9")."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._lock = threading.Lock()  # LadybugDB may call the functions from its worker threads
        if read_only and not path.exists():  # a store without reports: nothing to read
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._db.execute(_SCHEMA)
        elif read_only:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                       timeout=BUSY_S)
        else:
            self._db = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_S)
            self._db.execute("PRAGMA journal_mode=DELETE")
            self._db.execute(_SCHEMA)
            self._db.commit()

    def put(self, texts: Iterable[str]) -> dict[str, int]:
        """Store these texts (one commit; one already stored is kept); returns each text's key."""
        keys = {text: text_key(text) for text in texts}
        rows = [row for text, key in keys.items() for row in _part_rows(key, text)]
        with self._lock:
            self._db.executemany(_INSERT, rows)
            self._db.commit()
        return keys

    def _parts(self, key: int, first: int = 0, last: int = 2**62) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT z FROM parts WHERE key = ? AND part BETWEEN ? AND ? ORDER BY part",
                                    (key, first, last)).fetchall()
        return [zlib.decompress(z).decode("utf-8") for (z,) in rows]

    def get(self, key: int | None) -> str | None:
        if key is None:
            return None
        parts = self._parts(key)
        return "".join(parts) if parts else None

    def _span(self, key: int, start: int, end: int) -> tuple[int, str] | None:
        """(where it starts, the text of the parts that hold text[start:end]), or None when the text
        ends before `end` or the span is not a plain forward one (the callers then read the whole text)."""
        if not 0 <= start < end:
            return None
        first, last = start // PART_CHARS, (end - 1) // PART_CHARS
        held = "".join(self._parts(key, first, last))
        base = first * PART_CHARS
        return (base, held) if base + len(held) >= end else None

    def sentence(self, key: int | None, start: int | None, end: int | None) -> str | None:
        """text[start:end], as the Cypher evidence cut gives it (null when any part is null)."""
        return self._cut(key, start, end, _slice)

    def right_left(self, key: int | None, start: int | None, end: int | None) -> str | None:
        """`right(left(x.text, end), end - start)` of a report's text (cut_right_left)."""
        return self._cut(key, start, end, cut_right_left)

    def _cut(self, key: int | None, start: int | None, end: int | None,
             whole: Callable[[str | None, int, int], str | None]) -> str | None:
        """A plain forward span from the parts it lies in (both cuts agree there); otherwise `whole`
        of the whole text."""
        if key is None or start is None or end is None:
            return None
        span = self._span(key, start, end)
        if span is not None:
            return span[1][start - span[0] : end - span[0]]
        return whole(self.get(key), start, end)

    def cut(self, deferred: Any) -> Any:
        """A deferred evidence cut [key, start, end, kind] (cypher_with_texts) as the sentence it names."""
        if not isinstance(deferred, list) or len(deferred) != 4:
            return deferred
        key, start, end, kind = deferred
        return (self.sentence if kind == SUBSTRING else self.right_left)(key, start, end)

    def cut_all(self, deferred: list[Any]) -> list[Any]:
        """`cut` of a column of deferred cuts, the parts of their plain forward spans read in one statement and
        each inflated once: a SELECT and an inflate per sentence took 91 ms p50 of a 1,000-row column at 50,000
        reports, this 67 ms (docs/BENCHMARKS.md, "Queries and app pages at 50,000 reports, session 12"); other
        cuts go through `cut`."""
        spans = {i: (v[0], v[1] // PART_CHARS, (v[2] - 1) // PART_CHARS) for i, v in enumerate(deferred)
                 if isinstance(v, list) and len(v) == 4 and v[0] is not None and _forward(v[1], v[2])}
        wanted = sorted({(key, part) for key, first, last in spans.values() for part in range(first, last + 1)})
        with self._lock:
            rows = self._db.execute(_PARTS_OF_PAIRS, (json.dumps(wanted),)).fetchall()
        parts = {(key, part): zlib.decompress(z).decode("utf-8") for key, part, z in rows}
        return [self._cut_from(parts, spans[i], value) if i in spans else self.cut(value)
                for i, value in enumerate(deferred)]

    def _cut_from(self, parts: dict[tuple[int, int], str], span: tuple[int, int, int], value: list[Any]) -> Any:
        """A deferred cut from the parts read for it; `cut` (the whole text's) when the text ends before it."""
        key, first, last = span
        held = [parts.get((key, part)) for part in range(first, last + 1)]
        text = "".join(piece for piece in held if piece is not None)
        start, end = value[1] - first * PART_CHARS, value[2] - first * PART_CHARS
        return text[start:end] if None not in held and len(text) >= end else self.cut(value)

    def remove(self, keys: Iterable[int]) -> None:
        with self._lock:
            self._db.executemany("DELETE FROM parts WHERE key = ?", [(key,) for key in keys])
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _forward(start: Any, end: Any) -> bool:
    """A span _span reads from its parts (0 <= start < end), as the ints a query returns."""
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end


def _slice(text: str | None, start: int, end: int) -> str | None:
    return None if text is None else text[start:end]


def _part_rows(key: int, text: str) -> list[tuple[int, int, bytes]]:
    """(key, part number, compressed part) for every PART_CHARS characters of a text (one for an empty text)."""
    return [(key, i // PART_CHARS, zlib.compress(text[i : i + PART_CHARS].encode("utf-8"), LEVEL))
            for i in range(0, max(len(text), 1), PART_CHARS)]
