"""The embedded store: one LadybugDB file, typed schema, idempotent MERGE writes.

Concurrency rule (LadybugDB, like Kuzu, locks the file per process): one writer at
a time, and a reader opened read-only sees a frozen snapshot until it reopens.
Reopening in a tight loop while a writer commits can fail to open (upstream issue
#1007), so readers reopen only when `version()` changes. The version lives in a
small sidecar file `<db>.version` that a writer replaces atomically after each
commit, so polling it never touches the database.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import functools
import os
import shlex
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import ladybug

from fazhi.graph import derived
from fazhi.graph.cypher_guard import refuse_writes
from fazhi.graph.store import (
    NODE_KEY,
    NODE_PROPERTIES,
    ROW_CAP,
    STORED_EDGE_PROPERTIES,
    GraphRows,
    GraphStore,
    QueryRefused,
    QueryResult,
    StoreFull,
    StoreLocked,
    StoreUnavailable,
    stored_edge,
    with_evidence_texts,
    with_sentences,
)
from fazhi.graph.texts import SUFFIX as TEXTS_SUFFIX
from fazhi.graph.texts import ReportTexts, cypher_with_texts
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

T = TypeVar("T")
WRITE_BATCH = 2000
PAIR_COPY_ROWS = 500_000  # co-citation pairs COPYed per transaction (and checkpoint) at the end of a bulk load
SETTLE_NAMES = 50_000  # at most these stats rows and about SETTLE_EDGES edges read per transaction (and checkpoint)
SETTLE_EDGES = 200_000  # when a bulk load refreshes every touched name at its end (derived.Touched.pieces)
# A reader that opens while another process checkpoints polls this often, this long, before it reports the store
# unavailable (_recover_as_reader): a checkpoint of a 50k store took 4.3 s (docs/BENCHMARKS.md, session 12).
RECOVERY_WAIT_S = 60.0
RECOVERY_POLL_S = 0.2
BULK_CHECKPOINT_REPORTS = 5000  # bulk loads: checkpoint and reopen after this many reports (and before the end of bulk())
# A writer closing with more than this in its write-ahead log checkpoints it first (close()): every read-only
# open replays the log in memory, ~0.17 s a MB at 50,000 reports (24 MB after a 500-report ingest: 3.6-4.4 s
# of the app's cold first page; docs/BENCHMARKS.md, "Queries and app pages at 50,000 reports, session 12").
CLOSE_CHECKPOINT_WAL_BYTES = 1 << 20
DEFAULT_BUFFER_POOL_MB = 2048  # fixed, whatever the RAM: a laptop's 4 GB budget for a whole ingest (below)
MIN_BUFFER_POOL_MB = 512  # COPY of a 1,000-report batch failed with "buffer pool is full" at 128 MB
# A checkpoint of a grown store needs pool in proportion to it: 2 GB failed at ~30k bench reports
# (store ~1.3 GB, docs/BENCHMARKS.md run 9), and at 45k (store 1.7 GB) even without the per-batch pair
# and node writes (session 7), so the default pool is at least twice the store's bytes, and a bulk load
# reserves for the store it will become. With the report texts in their own file (graph/texts.py) a bench
# report makes ~18 KB of store (372 MB at 20,000 reports, 872 MB at 50,000; 734 MB at 20,000 with the
# texts inside), so a 50k load keeps the 2 GB default instead of asking for 5 GB, and completes on it
# (docs/BENCHMARKS.md, run 11).
POOL_PER_STORE_BYTE = 2
STORE_BYTES_PER_REPORT = 20_000
# Columns only this store keeps (never exported): a Report written by the first commit of a staged
# write and not yet settled by the second is `pending` (see _write_staged); settled reports hold null.
# A Report's text lives in the texts file beside the store (graph/texts.py); its row keeps the text's key.
STORE_COLUMNS: dict[str, dict[str, str]] = {"Report": {"pending": "BOOLEAN", "text_key": "INT64"}}
TEXT_APART = ("Report", "text")
TEXT_KEY = "text_key"


# What a read-only open reports when it reads files a live writer is rewriting (its close's checkpoint):
# a log half written ("Checksum verification failed, the WAL file is corrupted") or an index whose pages
# the checkpoint has not all written yet ("Primary-key index contains an invalid local node offset").
# Seen with a reader opening every 0.5 s beside a CLI ingest on a loaded machine (session 15).
MIDWRITE_READS = ("the WAL file is corrupted", "invalid local node offset")


def _checkpoint_in_the_way(message: str) -> bool:
    """LadybugDB's refusals while another process checkpoints: "checkpoint recovery is pending", in the
    instant its write-ahead log is cut back to nothing, reading that empty log ("Reading past the end of the
    file ….wal with size 0"), or reading its files mid-write (MIDWRITE_READS). All pass once the checkpoint
    is done, so a reader waits instead of failing; a store that stays that way fails after RECOVERY_WAIT_S."""
    return "recovery is pending" in message or ("Reading past the end of the file" in message and ".wal" in message) \
        or any(words in message for words in MIDWRITE_READS)


def buffer_pool_bytes(mb: int | None = None, store_bytes: int = 0) -> int:
    """LadybugDB's buffer pool size: an explicit size (`--buffer-pool-mb`), FAZHI_BUFFER_POOL_MB, or
    the default: DEFAULT_BUFFER_POOL_MB, or POOL_PER_STORE_BYTE times the store's bytes when that is
    more, at most half the RAM.

    Why not a share of the RAM: LadybugDB defaults to ~80% of it and keeps whatever checkpoints
    and global queries touch (an uncapped writer grew to 7+ GB at 50k reports), and a share makes
    the footprint depend on the machine instead of the corpus (half of 23 GB was 8.7 GB at 50k,
    run 5). Why not a fixed 2 GB: a checkpoint rewrites the hub relationship groups (every
    MENTIONS of a popular measure or law is in one node group), whose size grows with the store,
    and a 2 GB pool ran out in a bulk checkpoint at ~30k reports (run 9, docs/BENCHMARKS.md).
    A full pool is a StoreFull naming this setting, with the last committed batch kept. The
    pool also holds COPY's and queries' working memory, hence the floor.
    """
    if mb is None:
        env = os.environ.get("FAZHI_BUFFER_POOL_MB", "").strip()
        ram_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
        fitted = max(DEFAULT_BUFFER_POOL_MB, POOL_PER_STORE_BYTE * store_bytes // 2**20)
        mb = int(env) if env else min(fitted, ram_mb // 2)
    return max(mb, MIN_BUFFER_POOL_MB) * 2**20


def _files_bytes(path: Path) -> int:
    """Bytes on disk of a store: its file and write-ahead log."""
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + ".wal")) if p.exists())


@contextlib.contextmanager
def _pool_hint(pool_bytes: int) -> Iterator[None]:
    """A full buffer pool becomes StoreFull naming the knob to turn (LadybugDB's message names none)."""
    try:
        yield
    except RuntimeError as exc:
        if "buffer pool is full" not in str(exc):
            raise
        raise StoreFull(f"{exc} — the store's buffer pool is {pool_bytes // 2**20} MB; set "
                        "FAZHI_BUFFER_POOL_MB higher (or `fazhi ingest --buffer-pool-mb`; the last "
                        "committed batch is kept)") from exc


def release_freed_memory() -> None:
    """Give the C allocator's free pages back to the system (glibc's malloc_trim; elsewhere nothing),
    and Arrow's (its mimalloc pool, when pyarrow is loaded).

    A bulk checkpoint frees the copied batches' working memory, but glibc keeps the freed
    pages in its arenas, so the writer's resident size only ever grew: ~300 MB of free
    arena per checkpoint at 2,000 reports a checkpoint (docs/BENCHMARKS.md, "Where the
    writer's memory goes"). The pool's own pages are not malloc'd and are not affected.
    Arrow's pool, which every COPY's frames come from, keeps its freed pages too: 133 MB
    of a bulk writer's 434 MB once its 10,000-report load was closed (session 12).
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        arrow.default_memory_pool().release_unused()


def _node_columns(label: str) -> dict[str, str]:
    """The model's properties of a label that its table holds: all but the report text (graph/texts.py)."""
    return {name: kind for name, kind in NODE_PROPERTIES[label].items() if (label, name) != TEXT_APART}


def _stored_columns(label: str) -> dict[str, str]:
    return {**_node_columns(label), **STORE_COLUMNS.get(label, {})}


def _written_columns(label: str) -> dict[str, str]:
    """What a node write sets: the table's model properties, and a report's text key."""
    extra = {TEXT_KEY: "INT64"} if label == TEXT_APART[0] else {}
    return {**_node_columns(label), **extra}


def node_table_ddl(label: str) -> str:
    columns = ", ".join(f"{name} {kind}" for name, kind in _stored_columns(label).items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY({NODE_KEY[label]}))"


def derived_table_ddl(label: str) -> str:
    key, props = derived.DERIVED_NODES[label]
    columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY({key}))"


def rel_table_ddl(rel_type: str) -> str:
    pairs = ", ".join(f"FROM {s} TO {t}" for s, t in RELATION_ENDPOINTS[rel_type])
    props = ", ".join(f"{name} {kind}" for name, kind in STORED_EDGE_PROPERTIES.items())
    return f"CREATE REL TABLE IF NOT EXISTS {rel_type}({pairs}, {props})"


OLD_EVIDENCE_COLUMNS = {"sentence", "sentence_key"}  # relationship columns of earlier layouts
OLD_SENTENCE_TABLE = "Sentence"
_PENDING_SET = "UNWIND $keys AS k MATCH (r:Report {id: k}) SET r.pending = true"
_PENDING_CLEAR = "UNWIND $keys AS k MATCH (r:Report {id: k}) SET r.pending = NULL"
_PENDING_IDS = "MATCH (r:Report) WHERE r.pending RETURN r.id"
_SET_TEXT_KEYS = f"UNWIND $rows AS row MATCH (r:Report {{id: row.id}}) SET r.{TEXT_KEY} = row.key"


def _typed(prop: str, kind: str) -> str:
    """row.x with its declared type: a batch whose values are all null would otherwise bind as STRING."""
    return f"CAST(row.{prop} AS {kind})"


def _node_merge(label: str) -> str:
    key = NODE_KEY[label]
    sets = ", ".join(
        f"n.{p} = coalesce({_typed(p, kind)}, n.{p})" for p, kind in _written_columns(label).items() if p != key
    )
    return f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.{key}}}) SET {sets}"


def _node_create(label: str) -> str:
    """Nodes known to be new (their keys were looked up): CREATE, no MERGE."""
    props = ", ".join(f"{p}: {_typed(p, kind)}" for p, kind in _written_columns(label).items())
    return f"UNWIND $rows AS row CREATE (n:{label} {{{props}}})"


def _node_lookup(label: str) -> str:
    returns = ", ".join(f"n.{p}" for p in _written_columns(label))
    return f"UNWIND $keys AS k MATCH (n:{label} {{{NODE_KEY[label]}: k}}) RETURN {returns}"


def _changes(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether MERGE's `SET n.p = coalesce(row.p, n.p)` would change the stored node."""
    return any(row.get(p) is not None and row.get(p) != stored.get(p) for p in stored)


def _edge_merge(rel_type: str, source_label: str, target_label: str) -> str:
    sets = ", ".join(f"e.{p} = {_typed(p, kind)}" for p, kind in STORED_EDGE_PROPERTIES.items() if p != "report_id")
    return (
        f"UNWIND $rows AS row "
        f"MATCH (s:{source_label} {{{NODE_KEY[source_label]}: row.source}}), "
        f"(t:{target_label} {{{NODE_KEY[target_label]}: row.target}}) "
        f"MERGE (s)-[e:{rel_type} {{report_id: row.report_id}}]->(t) SET {sets}"
    )


def _split_edges(rows: GraphRows, source_label: str, target_label: str,
                 edges: dict[tuple[str, str, str], dict[str, Any]],
                 new_reports: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(edges safe to COPY, edges to MERGE).

    COPY fails on a missing endpoint where MATCH…MERGE silently skips the edge, so
    only edges whose both ends are in this batch are copied.
    """
    sources, targets = rows.nodes.get(source_label, {}), rows.nodes.get(target_label, {})
    fresh, known = [], []
    for (source, target, report_id), props in edges.items():
        row = {"source": source, "target": target, **stored_edge(props)}
        if report_id in new_reports and source in sources and target in targets:
            fresh.append(row)
        else:
            known.append(row)
    return fresh, known


def _edge_table(edges: list[dict[str, Any]]):
    import pyarrow as pa

    arrow_type = {"STRING": pa.string(), "INT64": pa.int64()}
    columns = {
        "from": pa.array([e["source"] for e in edges], pa.string()),
        "to": pa.array([e["target"] for e in edges], pa.string()),
    }
    for prop, kind in STORED_EDGE_PROPERTIES.items():
        columns[prop] = pa.array([e.get(prop) for e in edges], arrow_type[kind])
    return pa.table(columns)


def _pair_frames(pairs: derived.PairCounts) -> Iterator[Any] | None:
    """LawPair rows (key, law_a, law_b, reports, top=false) as Arrow tables of PAIR_COPY_ROWS, or None when
    two pairs share a key (derived.pair_key is a 64-bit hash).

    The keys are hashed PAIR_COPY_ROWS pairs at a time into one int64 array: listing every pair's document
    numbers as Python ints at once held ~330 MB at 4.6 M pairs (50,000 reports) at the moment the pool is
    fullest, the end of the bulk load."""
    import numpy as np
    import pyarrow as pa

    first, second, counts = pairs.totals()
    names = pairs.names
    keys = np.empty(len(first), np.int64)
    for i in range(0, len(keys), PAIR_COPY_ROWS):
        part = slice(i, i + PAIR_COPY_ROWS)
        keys[part] = [derived.pair_key(names[a], names[b])
                      for a, b in zip(first[part].tolist(), second[part].tolist(), strict=True)]
    if len(np.unique(keys)) != len(keys):
        return None
    name_array = pa.array(names, pa.string())

    def frames() -> Iterator[Any]:
        for i in range(0, len(keys), PAIR_COPY_ROWS):
            part = slice(i, i + PAIR_COPY_ROWS)
            yield pa.table({"key": pa.array(keys[part]), "law_a": name_array.take(pa.array(first[part])),
                            "law_b": name_array.take(pa.array(second[part])), "reports": pa.array(counts[part]),
                            "top": pa.array(np.zeros(len(keys[part]), bool))})

    return frames()


def _edge_create(rel_type: str, source_label: str, target_label: str) -> str:
    """Edges known to be new (their report is new): CREATE, no adjacency scan."""
    props = ", ".join(f"{p}: {_typed(p, kind)}" for p, kind in STORED_EDGE_PROPERTIES.items())
    return (
        f"UNWIND $rows AS row "
        f"MATCH (s:{source_label} {{{NODE_KEY[source_label]}: row.source}}), "
        f"(t:{target_label} {{{NODE_KEY[target_label]}: row.target}}) "
        f"CREATE (s)-[e:{rel_type} {{{props}}}]->(t)"
    )


def _last(result: ladybug.QueryResult | list[ladybug.QueryResult]) -> ladybug.QueryResult:
    """The result of the last statement: execute() returns a list when given several."""
    return result[-1] if isinstance(result, list) else result


# Column types whose values the driver already gives as plain Python values (no node, path, list or struct).
SCALAR_TYPES = {"STRING", "INT64", "INT32", "INT16", "INT8", "UINT64", "UINT32", "UINT16", "UINT8", "DOUBLE",
                "FLOAT", "BOOL", "SERIAL"}


def _row(result: ladybug.QueryResult) -> list[Any]:
    """The next row as a list (rows come as lists unless a connection asks for dicts)."""
    return cast(list[Any], result.get_next())


def plain(value: Any, text_of: Callable[[int], str | None] | None = None) -> Any:
    """LadybugDB values -> JSON-able values, shaped like graph.neo4j_store.plain's.

    Nodes and relationships become property dicts with `_label`; a null property is
    left out, as Neo4j has no null properties (an unlabelled MATCH in LadybugDB returns
    every table's columns). Paths become {"nodes", "rels"}. A report's `text_key` becomes
    its `text`, read by `text_of` (graph/texts.py).
    """
    if isinstance(value, dict):
        if "_nodes" in value and "_rels" in value:
            return {"nodes": plain(value["_nodes"], text_of), "rels": plain(value["_rels"], text_of)}
        if "_LABEL" in value:
            out = {k: plain(v, text_of) for k, v in value.items()
                   if k not in ("_ID", "_SRC", "_DST", "_LABEL") and v is not None}
            key = out.pop(TEXT_KEY, None)
            text = text_of(key) if key is not None and text_of is not None else None
            if text is not None:
                out[TEXT_APART[1]] = text
            out["_label"] = value["_LABEL"]
            return out
        return {k: plain(v, text_of) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, text_of) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class LadybugStore:
    """GraphStore on a LadybugDB file."""

    dialect = "ladybug"

    def __init__(self, path: str | Path, *, read_only: bool = False, buffer_pool_mb: int | None = None,
                 upgrade: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._upgrade = upgrade and not read_only  # move a store of an older layout to this one on open
        self._pool_fixed = buffer_pool_mb is not None  # an explicit size is never changed by reserve()
        self.pool_bytes = buffer_pool_bytes(buffer_pool_mb, _files_bytes(self.path))
        self._bulk_copy = False  # inside bulk(): COPY new edges (fast, not crash-safe) instead of CREATE
        self._bulk_open = False
        self._bulk_pending = 0
        self._bulk_touched = derived.Touched()
        self._bulk_pairs = derived.BulkPairs()
        self._texts: ReportTexts | None = None  # the texts file (graph/texts.py), opened with the store
        self._connect()

    def _connect(self, *, discard: bool = True) -> None:
        """Open the file; a reader waits for a staged write in progress to settle (_staging)."""
        if not self.read_only:
            self._open(discard=discard)
            return
        with self._staging(fcntl.LOCK_SH):
            self._open(discard=discard)

    def _open(self, *, discard: bool) -> None:
        """Open the file; LadybugDB's own errors become the store errors every caller knows."""
        if self.read_only and not self.path.exists():
            self._create_empty()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A reader never checkpoints: its own commits (create_function) would otherwise try to when the
            # log a writer left is past the threshold, and fail on the read-only file ("Bad file descriptor").
            self._db = ladybug.Database(str(self.path), read_only=self.read_only,
                                        buffer_pool_size=self.pool_bytes, auto_checkpoint=not self.read_only)
        except OSError as exc:
            raise StoreUnavailable(f"cannot use {self.path}: {exc.strerror or exc}") from exc
        except RuntimeError as exc:
            if self.read_only and discard and _checkpoint_in_the_way(str(exc)):
                self._recover_as_reader()  # a writer checkpoints now, or was killed inside a checkpoint
                return
            if "lock" in str(exc).lower():
                raise StoreLocked(
                    f"{self.path} is in use by another process; one writer at a time "
                    "(stop the app or the other ingest, or ingest through the app)"
                ) from exc
            raise StoreUnavailable(f"cannot open {self.path}: {exc}") from exc
        self._conn = ladybug.Connection(self._db)
        self._opened_version = self.version()
        self._check_layout()
        texts_inside = self._open_texts()
        if not self.read_only:
            # Closing must not checkpoint: a reader that opened before a writer's checkpoint
            # survives one more (see _write_staged), so only commits that move the version may.
            self._conn.execute("CALL force_checkpoint_on_close=false")
            unfilled = self._ensure_schema()
            if texts_inside:  # _ensure_schema never adds the text column, so the Report columns read before stand
                self._move_texts()
            self._discard_pending()  # before any aggregate is filled: a staged batch never counts
            if unfilled:  # a store made before these aggregates: an empty table would read as "no agencies"
                self._transaction(lambda: derived.rebuild(self._rows, labels=unfilled))
        elif discard and self._pending_ids():
            self._discard_as_reader()

    def _open_texts(self) -> bool:
        """The texts file (graph/texts.py) and the Cypher functions that read it. A store of the layout
        before it (texts in the Report table), opened read-only, is read as it is: no file, no rewrite;
        a writer moves its texts (_move_texts). Returns whether the Report table still holds texts."""
        self._texts = None
        columns = self._columns(TEXT_APART[0])
        inside = TEXT_APART[1] in columns
        if self.read_only and inside:
            return inside
        path = self.sidecar_path(TEXTS_SUFFIX)
        if not path.exists() and TEXT_KEY in columns and self._rows(
                f"MATCH (r:Report) WHERE r.{TEXT_KEY} IS NOT NULL RETURN r.id LIMIT 1", {}):
            # A store copied or restored without it: reading on would show every report without its
            # text (and a writer would start an empty file), so say what is missing instead.
            self._conn.close()
            self._db.close()
            raise StoreUnavailable(f"{path} is missing: the report texts of {self.path} live there "
                                   "(copy, move or back up every file whose name starts with the store's)")
        self._texts = ReportTexts(path, read_only=self.read_only)
        # Lambdas: ladybug reads a function's annotations, and postponed ones ("str | None") it refuses.
        texts = self._texts
        sentence: Any = lambda key, start, end: texts.sentence(key, start, end)  # noqa: E731 - see above
        right_left: Any = lambda key, start, end: texts.right_left(key, start, end)  # noqa: E731 - see above
        self._conn.create_function("report_text", lambda key: texts.get(key), ["INT64"], "STRING")
        self._conn.create_function("report_sentence", sentence, ["INT64", "INT64", "INT64"], "STRING")
        self._conn.create_function("report_right_left", right_left, ["INT64", "INT64", "INT64"], "STRING")
        return inside

    def _writable_texts(self) -> ReportTexts:
        if self._texts is None:
            raise QueryRefused(f"{self.path} is open read-only")
        return self._texts

    def _move_texts(self) -> None:
        """A store of the layout before graph/texts.py: its report texts go to the texts file and their
        keys onto the rows, then the column goes. An interrupted move resumes (texts are kept by key)."""
        texts = self._writable_texts()
        ids = [rid for (rid,) in self._rows("MATCH (r:Report) RETURN r.id", {})]
        for i in range(0, len(ids), WRITE_BATCH):
            stored = self._rows("UNWIND $ids AS id MATCH (r:Report {id: id}) WHERE r.text IS NOT NULL "
                                "RETURN r.id, r.text", {"ids": ids[i : i + WRITE_BATCH]})
            keys = texts.put(text for _, text in stored)
            rows = [{"id": rid, "key": keys[text]} for rid, text in stored]
            self._transaction(functools.partial(self._unwind, _SET_TEXT_KEYS, rows))
        self._conn.execute(f"ALTER TABLE {TEXT_APART[0]} DROP {TEXT_APART[1]}")
        self._bump_version()

    def _text_keys(self, report_ids: list[str]) -> list[int]:
        return [key for (key,) in self._rows(f"UNWIND $ids AS id MATCH (r:Report {{id: id}}) RETURN r.{TEXT_KEY}",
                                             {"ids": report_ids}) if key is not None]

    def _forget_texts(self, keys: list[int]) -> None:
        """Remove these texts unless a stored report still names them (after the commit that removed
        their reports: a removal that rolls back keeps its texts)."""
        named = {key for (key,) in self._rows(f"MATCH (r:Report) WHERE r.{TEXT_KEY} IN $keys "
                                              f"RETURN DISTINCT r.{TEXT_KEY}", {"keys": keys})}
        self._writable_texts().remove(key for key in keys if key not in named)

    def _discard_as_reader(self) -> None:
        """A reader finding staged reports whose writer is gone (killed between a staged write's two
        commits) has them discarded before it reads, by opening for writing once, so no reader counts
        them. A live writer's staged reports are never found: readers open only outside its
        `<db>.staging` lock (see _staging)."""
        self.close()
        self._recover_as_reader()

    def _recover_as_reader(self) -> None:
        """Open for writing once (LadybugDB replays or discards an interrupted checkpoint, this store
        discards staged reports), then read; LadybugDB refuses read-only opens until that is done.

        The same refusal comes while a live writer checkpoints (an ingest's auto-checkpoint, its close):
        then the writer open is refused too, and the reader waits for the checkpoint, up to
        RECOVERY_WAIT_S, instead of showing a shared app's user an error page."""
        deadline = time.monotonic() + RECOVERY_WAIT_S
        while True:
            try:
                LadybugStore(self.path, buffer_pool_mb=self.pool_bytes // 2**20).close()
            except StoreLocked:
                pass
            except StoreUnavailable as exc:
                if not _checkpoint_in_the_way(str(exc)) or time.monotonic() > deadline:
                    raise
            try:
                self._connect(discard=False)
                return
            except StoreUnavailable as exc:
                if not _checkpoint_in_the_way(str(exc)) or time.monotonic() > deadline:
                    raise
            time.sleep(RECOVERY_POLL_S)

    def _check_layout(self) -> None:
        """Refuse a store whose edges still hold their sentences or sentence keys (layouts before
        graph/store.py's thin edges), unless opened to upgrade it.

        Its queries would read evidence the old way and miss it, so it is named instead of being
        read wrongly; `fazhi reindex` upgrades it in place.
        """
        columns = self._columns("CITES")
        if self.read_only and columns and self._outdated_derived():
            self.close()
            raise StoreUnavailable(
                f"{self.path} was made before some of the counts that pages read (graph/derived.py); "
                f"add them with `fazhi derive --db {shlex.quote(str(self.path))}` (any write, such as an "
                "ingest, adds them too)")
        if columns & OLD_EVIDENCE_COLUMNS:
            if self._upgrade:
                self._thin_edges()
                return
            self.close()
            raise StoreUnavailable(
                f"{self.path} was made by an older fazhi-graph that stored evidence sentences apart from the "
                f"report texts; upgrade it with `fazhi reindex --db {shlex.quote(str(self.path))}` (keeps every "
                "report, re-extracts them into the current layout)")

    def _create_empty(self) -> None:
        LadybugStore(self.path, read_only=False).close()

    def _columns(self, table: str) -> set[str]:
        """The column names of a node or relationship table; empty when the table does not exist yet."""
        try:
            return {row[0] for row in self._rows(f"CALL TABLE_INFO('{table}') RETURN name", {})}
        except RuntimeError:  # no tables yet: a new store
            return set()

    def _thin_edges(self) -> None:
        """Drop an older layout's evidence columns and Sentence table: the offsets on every edge find
        the sentence in its report's text. Column by column, so an interrupted upgrade resumes."""
        for rel_type in RELATION_ENDPOINTS:
            for column in sorted(self._columns(rel_type) & OLD_EVIDENCE_COLUMNS):
                self._conn.execute(f"ALTER TABLE {rel_type} DROP {column}")
        self._conn.execute(f"DROP TABLE IF EXISTS {OLD_SENTENCE_TABLE}")

    def _outdated_derived(self) -> list[str]:
        """The aggregate tables that are missing or have another set of columns than graph/derived.py's."""
        return [label for label, (_, props) in derived.DERIVED_NODES.items() if self._columns(label) != set(props)]

    def _ensure_schema(self) -> list[str]:
        """Create what is missing; the aggregate tables that are new in a store that holds reports.

        An aggregate table of an older layout (other columns) is dropped and made again: aggregates
        are derived, so a rebuild restores them."""
        for label in NODE_LABELS:
            self._conn.execute(node_table_ddl(label))
            self._add_new_columns(label)
        for rel_type in RELATION_ENDPOINTS:
            self._conn.execute(rel_table_ddl(rel_type))
        missing = self._outdated_derived()
        for label in missing:
            self._conn.execute(f"DROP TABLE IF EXISTS {label}")
        for label in derived.DERIVED_NODES:
            self._conn.execute(derived_table_ddl(label))
        return missing if missing and self._scalar("MATCH (r:Report) RETURN count(r)") else []

    def _add_new_columns(self, label: str) -> None:
        """A store made before a model field (Report.source_url) or a store column (Report.pending)
        existed gets its column, empty, so an older database keeps working instead of failing its next
        write."""
        present = self._columns(label)
        for name, kind in _stored_columns(label).items():
            if name not in present:
                self._conn.execute(f"ALTER TABLE {label} ADD {name} {kind}")

    # -- where ---------------------------------------------------------------

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def cli_options(self) -> str:
        return f"--db {shlex.quote(str(self.path))}"

    @contextlib.contextmanager
    def _staging(self, mode: int) -> Iterator[None]:
        """Hold `<db>.staging`: exclusively for a staged write's two commits, shared while a reader opens.

        Between its commits a staged write's reports are stored but pending and its edges copied
        but not yet counted in the aggregates; a reader opening then would count
        them. The lock is flock(2), so the kernel drops it with a killed writer, and a reader that
        cannot create the file (a read-only folder) opens without it: no writer can work there.
        """
        try:
            fd = os.open(self.sidecar_path(".staging"), os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fd, mode)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def sidecar_path(self, suffix: str) -> Path:
        """`<db><suffix>` beside the database file, so it moves and is deleted with it."""
        return self.path.with_name(self.path.name + suffix)

    # -- readers and writers ---------------------------------------------------

    def refresh(self) -> bool:
        """Reopen a read-only handle when the version file moved (its snapshot is frozen at open).

        Only then, never in a loop: reopening while a writer commits can fail (upstream #1007).
        """
        if not self.read_only or self.version() == self._opened_version:
            return False
        self.close()
        self._connect()
        return True

    @contextlib.contextmanager
    def writer(self) -> Iterator[GraphStore]:
        """This store if writable; otherwise the reader closes, a writer opens for the block, and the
        reader reopens after it, even when the work fails.

        LadybugDB lets a process write the file only when nothing else holds it, this
        process's own read-only handle included.
        """
        if not self.read_only:
            yield self
            return
        self.close()
        try:
            with LadybugStore(self.path, buffer_pool_mb=self.pool_bytes // 2**20, upgrade=self._upgrade) as writable:
                yield writable
        finally:
            self._connect()

    # -- writing -------------------------------------------------------------

    def write(self, rows: GraphRows) -> None:
        """Store the rows: a staged write when they hold reports new to the store (see _write_staged),
        otherwise MERGE in one transaction; nodes first so edges find their ends."""
        if not self._bulk_copy:
            self._discard_pending()  # a staged write a crash (or an error) interrupted
            new_reports = self._unstored_reports(rows)
            if new_reports:
                self._write_staged(rows, new_reports)
            else:
                self._transaction(lambda: self._write_rows(rows))
            return
        if not self._bulk_open:
            # A checkpoint after every COPY commit was most of a bulk load's time (and its
            # cost grows with the store): checkpoint every BULK_CHECKPOINT_REPORTS instead.
            self._conn.execute("CALL auto_checkpoint=false")
            self._bulk_open, self._bulk_pending = True, 0
            self._bulk_touched, self._bulk_pairs = derived.Touched(), derived.BulkPairs()
        self._transaction(lambda: self._write_rows(rows))
        if self._bulk_open:
            self._bulk_pending += len(rows.nodes.get("Report", {}))
            if self._bulk_pending >= BULK_CHECKPOINT_REPORTS:
                self._checkpoint_and_reopen()

    def replace_report(self, report_id: str, rows: GraphRows) -> int:
        """Remove the report and write its new rows in one transaction (reindex)."""

        def work() -> int:
            removed = self._remove(report_id)
            self._write_rows(rows)
            return removed

        keys = self._text_keys([report_id])
        removed = self._transaction(work)
        self._forget_texts(keys)
        return removed

    def reserve(self, reports: int) -> None:
        """Reopen with a larger pool when the default one would not fit the store after `reports` more
        (see buffer_pool_bytes); before a write, never inside a bulk block."""
        expected = _files_bytes(self.path) + reports * STORE_BYTES_PER_REPORT
        wanted = buffer_pool_bytes(None, expected)
        if self._pool_fixed or self.read_only or self._bulk_copy or wanted <= self.pool_bytes:
            return
        self.close()
        self.pool_bytes = wanted
        self._connect()

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """New edges are COPYed and checkpoints deferred inside the block (see _write_rows); at its
        end, even after an error, the aggregates are settled and everything is checkpointed."""
        if self._bulk_copy:  # nested: the outer block settles
            yield
            return
        self._bulk_copy = True
        try:
            yield
        finally:
            self._bulk_copy = False
            self._end_bulk()

    def _end_bulk(self) -> None:
        """Make a bulk load durable (copied edges live only in memory until a checkpoint)."""
        if self._bulk_open:
            if self._bulk_pending:
                self._checkpoint_and_reopen()
            pairs, self._bulk_pairs = self._bulk_pairs, derived.BulkPairs()
            self._write_pairs(pairs.laws)
            measure_pairs = pairs.measures
            del pairs  # ~16 bytes a co-citation pair (PairCounts): gone before the settling queries and the last checkpoint
            touched, self._bulk_touched = self._bulk_touched, derived.Touched()
            self._transaction(lambda: derived.apply_measure_pairs(self._rows, measure_pairs), visible=False)
            del measure_pairs
            self._checkpoint()
            self._settle(touched)
            self._conn.execute("CALL auto_checkpoint=true")
            self._bulk_open = False

    def _checkpoint_and_reopen(self) -> None:
        """Checkpoint a bulk load, then close and reopen the file: every BULK_CHECKPOINT_REPORTS and before the
        end of the load (the pairs and the settle).

        Why: what a bulk writer holds after a checkpoint is mostly LadybugDB's, not this process's: the pages the
        load read stay in the pool (it evicts only when full; ~27 MB more per 1,000 reports in a 10,000-report
        load) and native memory beside the pool stays with the open database. Closing gives both back
        (release_freed_memory); reopening a checkpointed file takes about a second. At 5,000 reports a reopen
        took the writer from 955 to 573 MB; the end of the load, which reads every stats row's edges, added
        ~950 MB to the loading writer at 50,000 reports (run 12), and settles a 10,000-report store in 464 MB
        when the store is freshly opened. With the reopens a 50,000-report ingest peaked at 2,721 MB PSS against
        4,915 (docs/BENCHMARKS.md, session 12). Nothing is lost: the file is checkpointed, and the bulk block's
        own state (touched names, pair counts) lives in this object."""
        self._checkpoint()
        self._bulk_pending = 0
        self.close()
        self._connect()
        self._conn.execute("CALL auto_checkpoint=false")

    def _settle(self, touched: derived.Touched) -> None:
        """The end-of-bulk aggregates: the touched stats rows, the top co-citation pairs and LawInflow, each in
        transactions of bounded size with a checkpoint after each.

        Why: with auto-checkpoint off, a committed change stays a dirty page the pool cannot evict until the next
        checkpoint, and a transaction's own changes stay in memory until it commits. Settled in one transaction
        after a 50,000-report load (~300,000 stats rows dropped and rewritten, then the LawInflow recount over
        1.1 M CITES edges), the work needed ~1.5 GB of pool by itself, and a writer whose pool held the load's
        pages failed in the recount with StoreFull (docs/BENCHMARKS.md, session 11). A bulk load is not atomic
        anyway (its batches commit one by one); `fazhi derive` repairs aggregates a crash left half-done.
        """
        for piece in touched.pieces(self._rows, SETTLE_EDGES, SETTLE_NAMES):
            self._transaction(functools.partial(derived.refresh, self._rows, piece), visible=False)
            self._checkpoint()
        self._transaction(lambda: derived.mark_top(self._rows), visible=False)
        self._checkpoint()
        self._transaction(lambda: derived.rebuild_inflow(self._rows), visible=False)
        self._checkpoint()

    def _write_pairs(self, pairs: derived.PairCounts) -> None:
        """A bulk load's co-citation counts (derived.PairCounts): COPYed into an empty LawPair table, PAIR_COPY_ROWS
        at a time with a checkpoint after each (the copied rows wait in the pool until one); added as deltas to a
        table that already holds pairs, or when two pairs' keys collide (COPY would refuse the duplicate key)."""
        frames = _pair_frames(pairs)
        if frames is None or self._scalar("MATCH (p:LawPair) RETURN count(p)"):
            self._transaction(lambda: derived.apply_pair_deltas(self._rows, pairs.deltas()))
            return
        for pair_frame in frames:  # noqa: B007 - COPY reads the loop variable by name
            self._transaction(lambda: self._conn.execute("COPY LawPair FROM pair_frame"), visible=False)
            self._checkpoint()

    def _checkpoint(self) -> None:
        """Checkpoint a bulk load, then move the version: readers reopen before a second checkpoint
        could strand them (see _write_staged)."""
        with _pool_hint(self.pool_bytes):
            self._conn.execute("CHECKPOINT")
        release_freed_memory()
        self._bump_version()

    def _write_rows(self, rows: GraphRows) -> None:
        """Nodes by MERGE, then edges: plain CREATE (or bulk COPY) for reports new to the store.

        An edge is keyed by its report, so every edge of a report that is not yet in
        the store is new and needs no MERGE, whose cost grows with the degree of hub
        nodes (宪法, 双随机、一公开) and made large ingests super-linear. Edges of
        reports already stored (re-ingest, copies between stores) keep the MERGE path,
        so writing the same rows twice still changes nothing. This relies on one
        invariant the writers keep: an edge is never stored before its Report node
        (extractions carry both; copy_graph writes nodes first).

        This one-transaction form serves replace_report, batches of stored reports
        and bulk(); write() sends batches with new reports through _write_staged.
        Inside bulk() new edges go by COPY FROM an Arrow table instead, ~10x
        faster, with no pending mark: LadybugDB does not log copied rels in its WAL
        but checkpoints them after COMMIT, so a kill during that checkpoint keeps
        the batch's nodes and loses its edges (found by tests/test_crash_safety.py;
        _write_staged makes that recoverable). In bulk mode checkpoints are also deferred
        to every BULK_CHECKPOINT_REPORTS and the end of the block, so a crash loses the
        edges copied since the last one. Use it for loads into a fresh store that
        can be rebuilt from the files: `ingest(..., bulk=True)`, `fazhi bench`.
        """
        new_reports = self._unstored_reports(rows)
        cited = derived.cited_before(self._rows, rows, inflow=not self._bulk_open)
        self._write_nodes(rows)
        self._write_edges(rows, new_reports, fresh="copy" if self._bulk_copy else "create", known=True)
        touched = derived.after_write(self._rows, rows, cited, deferred=self._bulk_open,
                                      pairs=self._bulk_pairs if self._bulk_open else None)
        if self._bulk_open:  # stats and top pairs: once, at the end of the bulk block
            self._bulk_touched.update(touched)

    def _write_staged(self, rows: GraphRows, new_reports: set[str]) -> None:
        """New reports in two commits: COPY their edges (fast) yet lose nothing to a crash.

        The edges of reports new to the store are most of an incremental ingest, and
        CREATE of them (MATCH both ends, insert, row by row) cost ~10x a COPY from Arrow
        (docs/BENCHMARKS.md, "Incremental ingest"). COPY alone is not crash-safe: LadybugDB
        does not log copied rels in its WAL, it makes them durable by checkpointing at
        COMMIT, so a kill in that checkpoint keeps the batch's nodes (replayed from the
        WAL) without its edges. Hence:

        1. stage, one transaction: MERGE the nodes, mark the new reports `pending`, COPY
           their edges; LadybugDB's auto-checkpoint at COMMIT writes the copied edges
           into the file before step 2 can commit;
        2. settle, one transaction with auto-checkpoint off: edges of
           stored reports (MERGE), pending cleared, derived.after_write; only now does the
           version move, so a reader holding a snapshot never reopens onto a staged batch.

        Why no CHECKPOINT statement: with one after the COPY (and the checkpoint on close) a
        read-only handle opened before the write spun in its next query (LadybugDB 0.22;
        tests/test_crash_safety.py's snapshot test, docs/BENCHMARKS.md). Readers reopen when
        the version moves, and there is at most one checkpoint between two version changes,
        the staging commit's, as on the one-transaction path that never hung. Settling and closing (force_checkpoint_on_close
        is off) leave their changes in the WAL for the next checkpoint.
        The `<db>.staging` lock (_staging) keeps readers from opening between the commits.

        A crash (or an error) between the two leaves pending reports, with or without
        their edges and never with their aggregates; _discard_pending removes
        them at the next open for writing or the next write, so they count as not stored
        and the same ingest run again writes them.
        """
        cited = derived.cited_before(self._rows, rows)

        def stage() -> None:
            self._write_nodes(rows)
            self._unwind_keys(_PENDING_SET, sorted(new_reports))
            self._write_edges(rows, new_reports, fresh="copy", known=False)

        def settle() -> None:
            self._write_edges(rows, new_reports, fresh="skip", known=True)
            self._unwind_keys(_PENDING_CLEAR, sorted(new_reports))
            derived.after_write(self._rows, rows, cited)

        with self._staging(fcntl.LOCK_EX):
            self._transaction(stage, visible=False)
            try:
                with self._auto_checkpoint(False):
                    self._transaction(settle)
            except BaseException:
                with contextlib.suppress(Exception):  # the next write or open retries
                    self._discard_pending()
                raise

    @contextlib.contextmanager
    def _auto_checkpoint(self, on: bool) -> Iterator[None]:
        """LadybugDB's auto-checkpoint set for the block, then back on (this store's default)."""
        self._conn.execute(f"CALL auto_checkpoint={str(on).lower()}")
        try:
            yield
        finally:
            self._conn.execute("CALL auto_checkpoint=true")

    def _pending_ids(self) -> list[str]:
        try:
            return [rid for (rid,) in self._rows(_PENDING_IDS, {})]
        except RuntimeError:  # a store from before the column, opened read-only: nothing was ever staged
            return []

    def _write_nodes(self, rows: GraphRows) -> None:
        """New nodes by CREATE, stored ones by MERGE only when a property would change.

        Why not MERGE every row: a batch of 1,000 bench reports carries ~15,000 nodes, most of
        them agencies and documents already stored, and SETting their unchanged properties
        was the largest part of a bulk batch's write at 50,000 reports (68 of 118 s) and
        left every column of those node groups for the next checkpoint to rewrite.
        """
        for label, nodes in with_evidence_texts(rows).nodes.items():
            if label == TEXT_APART[0]:  # committed before the store's transaction (graph/texts.py)
                self._key_texts(nodes)
            stored = self._stored_nodes(label, list(nodes))
            self._unwind(_node_create(label), [row for key, row in nodes.items() if key not in stored])
            self._unwind(_node_merge(label), [row for key, row in nodes.items()
                                              if key in stored and _changes(row, stored[key])])

    def _key_texts(self, reports: dict[str, dict[str, Any]]) -> None:
        """Put the reports' texts in the texts file and give each row its text's key."""
        keys = self._writable_texts().put(row[TEXT_APART[1]] for row in reports.values() if row.get(TEXT_APART[1]))
        for row in reports.values():
            row[TEXT_KEY] = keys.get(row.get(TEXT_APART[1]) or "")

    def _stored_nodes(self, label: str, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The stored properties of the nodes with these keys that exist."""
        props, key = list(_written_columns(label)), NODE_KEY[label]
        stored: dict[str, dict[str, Any]] = {}
        for i in range(0, len(keys), WRITE_BATCH):
            for values in self._rows(_node_lookup(label), {"keys": keys[i : i + WRITE_BATCH]}):
                node = dict(zip(props, values, strict=True))
                stored[node[key]] = node
        return stored

    def _write_edges(self, rows: GraphRows, new_reports: set[str], *, fresh: str, known: bool) -> None:
        """Edges of new reports by `fresh` ("create", "copy" or "skip"), of stored ones by MERGE if `known`."""
        for (rel_type, source_label, target_label), edges in rows.edges.items():
            new, stored = _split_edges(rows, source_label, target_label, edges, new_reports)
            if fresh == "copy":
                self._copy_edges(rel_type, source_label, target_label, new)
            elif fresh == "create":
                self._unwind(_edge_create(rel_type, source_label, target_label), new)
            if known:
                self._unwind(_edge_merge(rel_type, source_label, target_label), stored)

    def _discard_pending(self) -> list[str]:
        """Remove the reports of a staged write that never settled (a crash or an error between its
        commits), with their edges and the entities only they held; their aggregates were never
        counted, so none are touched. Returns their ids."""
        ids = self._pending_ids()
        if ids:
            keys = self._text_keys(ids)
            self._transaction(lambda: self._delete_reports(ids))
            self._forget_texts(keys)
        return ids

    def _rows(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """Run one statement on this connection (inside the caller's transaction), all rows."""
        result = _last(self._conn.execute(cypher, params))
        rows = []
        while result.has_next():
            rows.append(_row(result))
        return rows

    def rebuild_derived(self) -> dict[str, int]:
        """Recompute the precomputed aggregates (graph/derived.py) from the facts, in one transaction.

        derived.rebuild deletes the old rows inside that transaction, so a rebuild that fails (a full
        buffer pool at 50,000 reports) rolls back to the tables as they were; dropping the tables
        first, outside it, left them empty. Tables of an older layout were already made again when
        the store opened for writing (_ensure_schema). No DROP inside the transaction either: the
        connection's prepared statements would still name the dropped tables ("Cannot find table
        catalog entry").
        """
        return self._transaction(lambda: derived.rebuild(self._rows))

    def _unstored_reports(self, rows: GraphRows) -> set[str]:
        ids = list(rows.nodes.get("Report", {}))
        if not ids:
            return set()
        stored: set[str] = set()
        for i in range(0, len(ids), WRITE_BATCH):
            found = self._rows("UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id", {"ids": ids[i : i + WRITE_BATCH]})
            stored.update(row[0] for row in found)
        return set(ids) - stored

    def _copy_edges(self, rel_type: str, source_label: str, target_label: str,
                    edges: list[dict[str, Any]]) -> None:
        """COPY new edges from an Arrow table (typed columns: no null-only type guessing)."""
        if not edges:
            return
        edge_frame = _edge_table(edges)  # noqa: F841 - COPY reads the local variable by name
        self._conn.execute(f"COPY {rel_type} FROM edge_frame (from='{source_label}', to='{target_label}')")

    def _unwind_keys(self, statement: str, keys: list[Any]) -> None:
        for i in range(0, len(keys), WRITE_BATCH):
            self._conn.execute(statement, {"keys": keys[i : i + WRITE_BATCH]})

    def _unwind(self, statement: str, rows: list[dict[str, Any]]) -> None:
        for i in range(0, len(rows), WRITE_BATCH):
            self._conn.execute(statement, {"rows": rows[i : i + WRITE_BATCH]})

    def _transaction(self, work: Callable[[], T], *, visible: bool = True) -> T:
        """Run `work` in one transaction, then move the version (unless the commit is not `visible`
        to readers yet: a staged write's first one); a full pool becomes StoreFull."""
        if self.read_only:
            raise QueryRefused(f"{self.path} is open read-only")
        with _pool_hint(self.pool_bytes):
            self._conn.execute("BEGIN TRANSACTION")
            try:
                result = work()
            except BaseException:
                with contextlib.suppress(RuntimeError):  # a failed statement may have rolled back already
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        if visible:
            self._bump_version()
        return result

    def remove_report(self, report_id: str) -> int:
        """Delete a report's facts and the entities that no other report supports."""
        keys = self._text_keys([report_id])
        removed = self._transaction(lambda: self._remove(report_id))
        self._forget_texts(keys)
        return removed

    def _remove(self, report_id: str) -> int:
        """remove_report's statements, inside the caller's transaction."""
        touched = derived.before_remove(self._rows, report_id)
        removed = self._delete_reports([report_id])
        derived.after_remove(self._rows, touched)
        return removed

    def _delete_reports(self, report_ids: list[str]) -> int:
        """Delete reports, their edges, and the entities no other report supports (one scan per
        relationship table for all of them); the aggregates are the caller's business."""
        removed = 0
        params = {"ids": report_ids}
        for rel_type in RELATION_ENDPOINTS:
            where = f"MATCH ()-[e:{rel_type}]->() WHERE e.report_id IN $ids"
            count = self._scalar(f"{where} RETURN count(e)", params)
            if count:
                self._conn.execute(f"{where} DELETE e", params)
            removed += count
        self._unwind_keys("UNWIND $keys AS k MATCH (r:Report {id: k}) DETACH DELETE r", report_ids)
        for label in NODE_LABELS[1:]:
            self._conn.execute(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} DELETE n")
        return removed

    def _bump_version(self) -> None:
        sidecar = self._version_file()
        tmp = sidecar.with_name(sidecar.name + f".{os.getpid()}.tmp")
        tmp.write_text(f"{time.time_ns()}-{uuid.uuid4().hex[:8]}")
        os.replace(tmp, sidecar)

    def _version_file(self) -> Path:
        return self.path.with_name(self.path.name + ".version")

    # -- reading -------------------------------------------------------------

    def version(self) -> str:
        try:
            return self._version_file().read_text()
        except FileNotFoundError:
            return "0"

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
              timeout_s: float = 30.0, row_cap: int = ROW_CAP) -> QueryResult:
        deferred: set[str] = set()  # columns of evidence to cut after the query (graph/texts.py)
        if not write:
            refuse_writes(cypher)
            cypher = self._read_cypher(cypher, deferred)
        self._conn.set_query_timeout(int(timeout_s * 1000))
        try:
            if write:
                result = self._transaction(lambda: self._conn.execute(cypher, params or {}))
            else:
                result = self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            reason = str(exc).removeprefix("Runtime exception: ")
            if reason.rstrip(".") == "Interrupted":  # LadybugDB's word for its query timeout
                reason = f"timed out after {timeout_s:g} s"
            raise QueryRefused(reason) from exc
        finally:
            self._conn.set_query_timeout(0)
        return self._collect(_last(result), row_cap, deferred)  # several statements: the last one's rows

    def _read_cypher(self, cypher: str, deferred: set[str] | None = None) -> str:
        """Read Cypher as this store runs it: `x.text` from the texts file when the texts are apart."""
        return cypher_with_texts(cypher, deferred) if self._texts is not None else cypher

    def _collect(self, result: ladybug.QueryResult, row_cap: int, deferred: set[str] | None = None) -> QueryResult:
        columns = result.get_column_names()
        rows = cast(list[list[Any]], result.get_n(row_cap)) if row_cap > 0 else []
        truncated = result.has_next()
        if not set(result.get_column_data_types()) <= SCALAR_TYPES:  # plain() is ~1 µs a value: only where needed
            rows = [[plain(v, self._report_text) for v in row] for row in rows]
        cuts = [i for i, name in enumerate(columns) if name in (deferred or ())]
        if cuts and self._texts is not None:
            for i in cuts:
                for row, sentence in zip(rows, self._texts.cut_all([row[i] for row in rows]), strict=True):
                    row[i] = sentence
        return QueryResult(columns, rows, truncated)

    def iter_nodes(self, label: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every node of `label`, paged by key (`key > last`): SKIP re-sorted the table for every page."""
        key = NODE_KEY[label]
        apart = self._texts is not None and label == TEXT_APART[0]
        props = list(_written_columns(label) if apart else NODE_PROPERTIES[label])
        returns = ", ".join(f"n.{p} AS {p}" for p in props)
        cypher = f"MATCH (n:{label}) WHERE n.{key} > $after RETURN {returns} ORDER BY n.{key} LIMIT $limit"
        for page in self._key_pages(cypher, key, batch_size):
            if apart:
                page = [{**row, TEXT_APART[1]: self._report_text(row.pop(TEXT_KEY))} for row in page]
            for row in page:  # the model's property order, the text where the table would have had it
                yield {p: row[p] for p in NODE_PROPERTIES[label]}

    def iter_edges(self, rel_type: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every edge of the type with its evidence sentence, in (source, target, report) order.

        Pages run over source nodes by key, about `batch_size` edges' worth of sources at a time,
        and fetch those sources' edges by key lookup: paging the edges themselves with SKIP
        re-sorted every edge of the type per page (quadratic; ~4,000 edges/s at 10k reports).
        The sentences are cut in Python from the page's report texts, each text read once a page:
        cutting in Cypher per edge would read a whole report text once per fact.
        """
        props = ", ".join(f"e.{p} AS {p}" for p in STORED_EDGE_PROPERTIES)
        for source_label, target_label in RELATION_ENDPOINTS[rel_type]:
            sk, tk = NODE_KEY[source_label], NODE_KEY[target_label]
            sources = (f"MATCH (s:{source_label}) WHERE s.{sk} > $after "
                       f"RETURN s.{sk} AS {sk} ORDER BY s.{sk} LIMIT $limit")
            edges = (f"UNWIND $keys AS k MATCH (s:{source_label} {{{sk}: k}})-[e:{rel_type}]->(t:{target_label}) "
                     f"RETURN s.{sk} AS source, t.{tk} AS target, {props} "
                     "ORDER BY source, target, report_id")
            per_page = self._sources_per_page(source_label, rel_type, batch_size)
            for page in self._key_pages(sources, sk, per_page):
                rows = self._dicts(edges, {"keys": [row[sk] for row in page]})
                for edge in with_sentences(rows, self._report_texts):
                    yield {"source_label": source_label, "target_label": target_label, **edge}

    def _sources_per_page(self, source_label: str, rel_type: str, batch_size: int) -> int:
        """How many source nodes carry about `batch_size` edges of `rel_type`, on average."""
        sources = self._scalar(f"MATCH (n:{source_label}) RETURN count(n)")
        edges = self._scalar(f"MATCH ()-[e:{rel_type}]->() RETURN count(e)")
        return max(1, min(batch_size, batch_size * sources // max(edges, 1)))

    def copy_to_csv(self, cypher: str, path: Path) -> None:
        """Append the rows of a read query to a CSV file by LadybugDB's own COPY ... TO (no header).

        For exports of whole tables (graph/exports.py): the engine writes the rows, quoting as
        neo4j-admin reads them, where paging through iter_edges re-sorted the whole table for every
        page (576 of 621 s of the 10k bulk path, docs/BENCHMARKS.md run 7). COPY writes a new file,
        so it goes to a scratch folder and is appended to `path`.
        """
        with tempfile.TemporaryDirectory(prefix="fazhi-copy-") as scratch:
            rows = Path(scratch) / "rows.csv"
            if "'" in str(rows) or "\\" in str(rows):
                raise ValueError(f"cannot name {rows} in a COPY statement")
            _last(self._conn.execute(f"COPY ({self._read_cypher(cypher)}) TO '{rows}' (HEADER=false)"))
            with rows.open("rb") as src, path.open("ab") as out:
                shutil.copyfileobj(src, out, 1 << 20)

    def _report_text(self, key: int | None) -> str | None:
        return self._texts.get(key) if self._texts is not None else None

    def _report_texts(self, ids: list[str]) -> dict[str, str]:
        if self._texts is not None:
            keyed = self._rows(f"UNWIND $ids AS id MATCH (r:Report {{id: id}}) RETURN r.id, r.{TEXT_KEY}", {"ids": ids})
            return {rid: text for rid, key in keyed if (text := self._report_text(key)) is not None}
        return dict(self._rows("UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id, r.text", {"ids": ids}))

    def _key_pages(self, cypher: str, key: str, batch_size: int) -> Iterator[list[dict[str, Any]]]:
        """The rows of a `WHERE key > $after ... ORDER BY key LIMIT $limit` query, a page at a time.

        Keys are non-empty strings, so the first page starts after "".
        """
        after = ""
        while True:
            page = self._dicts(cypher, {"after": after, "limit": batch_size})
            if page:
                yield page
            if len(page) < batch_size:
                return
            after = page[-1][key]

    def _dicts(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        result = _last(self._conn.execute(cypher, params))
        columns = result.get_column_names()
        page = []
        while result.has_next():
            page.append(dict(zip(columns, _row(result), strict=True)))
        return page

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for label in NODE_LABELS:
            out[label] = self._scalar(f"MATCH (n:{label}) RETURN count(n)")
        for rel_type in RELATION_ENDPOINTS:
            out[rel_type] = self._scalar(f"MATCH ()-[e:{rel_type}]->() RETURN count(e)")
        return out

    def _scalar(self, cypher: str, params: dict[str, Any] | None = None) -> int:
        return int(self._rows(cypher, params or {})[0][0])

    def close(self) -> None:
        """Close the file; the memory its pool and caches held goes back to the system (release_freed_memory),
        not to this process's free lists: a process that goes on after a bulk load (the bench's incremental
        phase, the app after an import) would otherwise keep the load's high-water mark."""
        if not self.read_only and self._wal_bytes() > CLOSE_CHECKPOINT_WAL_BYTES:
            # Not under <db>.staging, as no auto- or bulk checkpoint is: a reader discarding a killed writer's staged
            # reports holds it shared while its own writer closes here (_recover_as_reader), and waited for itself.
            with contextlib.suppress(RuntimeError):  # a failed checkpoint leaves the log to the next one, as before
                self._checkpoint()
        self._conn.close()
        self._db.close()
        if self._texts is not None:
            self._texts.close()
            self._texts = None
        release_freed_memory()

    def _wal_bytes(self) -> int:
        """The write-ahead log's size: what every reader opening the store would replay.

        Why a writer checkpoints it on close although its commits leave it there (_write_staged): the
        readers' rule is at most one checkpoint between two version changes, and the settling commit
        moved the version, so a checkpoint followed by another move keeps it, as each bulk checkpoint
        and each batch of a multi-batch ingest already do."""
        try:
            return self.sidecar_path(".wal").stat().st_size
        except FileNotFoundError:
            return 0

    def __enter__(self) -> LadybugStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
