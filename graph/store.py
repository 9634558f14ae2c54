"""The small interface both stores (LadybugDB, Neo4j) implement, and the rows they write.

Stores never see dataclasses: an ingest batch is first flattened into `GraphRows`
(node property dicts per label, edge dicts per relation type), so the two stores
share one conversion and differ only in how they MERGE rows.

Identity rules, which make every write idempotent:
- a node is keyed by `id` (Report: the content hash) or `name` (every other label);
- an edge is keyed by (type, source key, target key, report_id): one edge per fact
  per report, carrying the first evidence sentence and how many times the report
  states it (`evidence_count`).

Thin edges: rows carry the evidence sentence on each edge (EDGE_PROPERTIES, what users and
exports see), but a store keeps no sentence at all: an edge's (report_id, start_offset,
end_offset) is its sentence's span in the report's text, which the store holds once (the
extractor's invariant: text[start_offset:end_offset] is the sentence, tests/test_thin_edges.py).
Queries that show evidence cut it out of the report's text, `right(left(r.text, e.end_offset),
e.end_offset - e.start_offset)` (the same in both dialects: left/right count from the ends, where
substring's first index differs), after their LIMIT; `iter_edges` cuts in Python (with_sentences). Why: a sentence
stating five facts was stored five times inside the relationship tables of hub nodes, whose size
is what LadybugDB's checkpoints rewrite; a Sentence table keyed by a hash of report and offset
(the layout before this one) took the largest share of a bulk checkpoint's buffer pool and of the
writer's memory (docs/BENCHMARKS.md, "Where the writer's memory goes"). Rows whose reports come
without text (an RDF export made without texts) get one spelled from their evidence sentences
(`with_evidence_texts`), so no evidence is lost on the way in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from fazhi.model import (
    NODE_LABELS,
    RELATION_ENDPOINTS,
    Extraction,
    entities,
    entity_row,
    node_properties,
    report_row,
)

NODE_KEY = {label: ("id" if label == "Report" else "name") for label in NODE_LABELS}
STORE_TYPES = {str: "STRING", int: "INT64"}  # Python type of a model field -> column type

# Property name -> type, per label, from the dataclasses in fazhi/model.py; the stores
# derive their DDL, the exports their columns and the RDF export its predicates from this.
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    label: {name: STORE_TYPES[kind] for name, kind in node_properties(label).items()} for label in NODE_LABELS
}
EDGE_PROPERTIES: dict[str, str] = {
    "report_id": "STRING", "sentence": "STRING", "start_offset": "INT64",
    "end_offset": "INT64", "year": "INT64", "evidence_count": "INT64",
}
# What a relationship table holds: no sentence; its offsets find it in the report's text.
STORED_EDGE_PROPERTIES: dict[str, str] = {name: kind for name, kind in EDGE_PROPERTIES.items() if name != "sentence"}


def chunks(values: list[Any], size: int) -> Iterator[list[Any]]:
    """`values` in slices of `size`: one statement's parameter list, so no statement carries an unbounded list."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def key64(*parts: str) -> int:
    """A signed 64-bit key for a tuple of strings (INT64 primary keys: cheaper to store and look up than
    the strings; collisions ~1e-6 expected at 5 M keys)."""
    digest = hashlib.blake2b("\t".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def stored_edge(props: dict[str, Any]) -> dict[str, Any]:
    """An edge's properties as a store keeps them: everything but the sentence (module docstring)."""
    return {name: props.get(name) for name in STORED_EDGE_PROPERTIES}


def with_sentences(edges: list[dict[str, Any]],
                   report_texts: Callable[[list[str]], dict[str, str]]) -> list[dict[str, Any]]:
    """The edges (stored properties) with `sentence` cut from their reports' texts, fetched at once."""
    texts = report_texts(sorted({e["report_id"] for e in edges if e.get("report_id")}))
    for edge in edges:
        text, start, end = texts.get(edge.get("report_id") or ""), edge.get("start_offset"), edge.get("end_offset")
        edge["sentence"] = text[start:end] if text is not None and start is not None and end is not None else None
    return edges


def with_evidence_texts(rows: GraphRows) -> GraphRows:
    """Give every report of `rows` that has no text one spelled from its edges' evidence sentences,
    each at its offsets and spaces between, so that the store can cut the evidence out of it.

    A report with a text is left alone: the extractor's sentences are spans of it.
    """
    missing = {rid for rid, node in rows.nodes.get("Report", {}).items() if not node.get("text")}
    if not missing:
        return rows
    spans: dict[str, dict[int, str]] = {rid: {} for rid in missing}
    for edges in rows.edges.values():
        for props in edges.values():
            rid, start, sentence = props.get("report_id"), props.get("start_offset"), props.get("sentence")
            if rid in spans and start is not None and sentence:
                spans[rid].setdefault(start, sentence)
    for rid, sentences in spans.items():
        if sentences:
            rows.nodes["Report"][rid]["text"] = _spell(sentences)
    return rows


def _spell(sentences: dict[int, str]) -> str:
    """Sentences placed at their start offsets in a string of spaces (overlaps keep the earlier one)."""
    chars = [" "] * max(start + len(text) for start, text in sentences.items())
    for start, text in sorted(sentences.items(), reverse=True):
        chars[start : start + len(text)] = text
    return "".join(chars)


@dataclass
class GraphRows:
    """Nodes and edges of one write batch, already merged within the batch."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: {label: {} for label in NODE_LABELS}
    )
    # (type, source_label, target_label) -> {(source_key, target_key, report_id): props}
    edges: dict[tuple[str, str, str], dict[tuple[str, str, str], dict[str, Any]]] = field(
        default_factory=dict
    )

    def add_node(self, label: str, props: dict[str, Any]) -> None:
        key = props[NODE_KEY[label]]
        current = self.nodes[label].setdefault(key, {})
        for name, value in props.items():
            if value is not None or name not in current:
                current[name] = value

    def add_edge(self, rel_type: str, source_label: str, source: str, target_label: str,
                 target: str, props: dict[str, Any]) -> None:
        if (source_label, target_label) not in RELATION_ENDPOINTS[rel_type]:
            raise ValueError(f"{rel_type} cannot join {source_label} to {target_label}")
        bucket = self.edges.setdefault((rel_type, source_label, target_label), {})
        key = (source, target, props["report_id"])
        if key in bucket:
            bucket[key]["evidence_count"] += 1
        else:
            bucket[key] = {**props, "evidence_count": 1}

    def count(self) -> tuple[int, int]:
        return (sum(len(v) for v in self.nodes.values()), sum(len(v) for v in self.edges.values()))


def rows_from_extractions(extractions: Iterable[Extraction]) -> GraphRows:
    """Flatten extractions into store rows; the same canonical name becomes one node."""
    rows = GraphRows()
    for ex in extractions:
        _add_extraction(rows, ex)
    return rows


def _add_extraction(rows: GraphRows, ex: Extraction) -> None:
    scoped = {a.name: a.node_name for a in ex.agencies if a.scope}  # this report's 省委, 司法局

    def key(label: str, name: str) -> str:
        return scoped.get(name, name) if label == "Agency" else name

    report = report_row(ex)
    report["agency"] = scoped.get(report["agency"], report["agency"])
    rows.add_node("Report", report)
    for label, entity in entities(ex):
        rows.add_node(label, {**entity_row(entity), "name": key(label, entity.name)})
    for rel in ex.relations:
        if rel.target_props is not None and rel.target not in rows.nodes[rel.target_label]:
            rows.add_node(rel.target_label, {NODE_KEY[rel.target_label]: rel.target, **rel.target_props})
        rows.add_edge(rel.type, rel.source_label, key(rel.source_label, rel.source),
                      rel.target_label, key(rel.target_label, rel.target), {
            "report_id": ex.report_id, "sentence": rel.evidence.sentence,
            "start_offset": rel.evidence.start, "end_offset": rel.evidence.end,
            "year": rel.year,
        })


META_LABEL = "FazhiMeta"  # a Neo4j store's bookkeeping (the write counter behind version(), an import's mark)
ROW_CAP = 10_000  # rows a query returns unless its caller sets another cap


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class QueryRefused(Exception):
    """A user query was refused before it ran (a write in read-only mode, for instance)."""


class StoreError(Exception):
    """The store cannot do what was asked for a reason outside the request itself.

    Why one family: callers (the CLI, the app) say what went wrong in one line and carry
    on (the app falls back to the embedded file) without knowing which backend raised.
    Messages never contain credentials.
    """


class StoreLocked(StoreError):
    """Someone else holds what we need: another process has the LadybugDB file (one writer at a
    time), or a Neo4j lock was not granted in time."""


class StoreUnavailable(StoreError):
    """The store cannot be used at all: the server is down, the login or database is refused,
    or the path is not a database."""


class StoreFull(StoreError):
    """The store ran out of room for the work: LadybugDB's buffer pool, Neo4j's transaction memory."""


class GraphStore(Protocol):
    """What the CLI, the app and the benchmarks need from a backend.

    Callers outside graph/ use only this: they never ask which backend they hold, so
    every difference (transactions, bulk loading, reader snapshots, file locks) lives in
    the two implementations.
    """

    dialect: str  # "ladybug" or "neo4j": picks the query variant in queries/

    @property
    def location(self) -> str:
        """Where the data lives, for people: the file path or the server URI (never credentials)."""

    @property
    def cli_options(self) -> str:
        """The `fazhi` options that open this same store, for messages that name a command to run."""

    def sidecar_path(self, suffix: str) -> Path:
        """A file derived from this store (`.search.sqlite`: the sentence index, `.sparql`: the RDF cache)."""

    def write(self, rows: GraphRows) -> None:
        """MERGE the rows; writing the same rows twice changes nothing."""

    def remove_report(self, report_id: str) -> int:
        """Delete a report, its facts, and entities no other report supports; return edges removed."""

    def replace_report(self, report_id: str, rows: GraphRows) -> int:
        """remove_report then write, in one transaction: a failure leaves the old report as it was."""

    def rebuild_derived(self) -> dict[str, int]:
        """Recompute the precomputed aggregates (graph/derived.py) from the facts; rows per table."""

    def reserve(self, reports: int) -> None:
        """Make room for `reports` more reports before a large write (the embedded store sizes its
        memory to the store it will become); a no-op where the server manages its own memory."""

    def bulk(self) -> AbstractContextManager[None]:
        """Writes in the block may take a faster, not crash-safe path (for a fresh store that can be
        rebuilt from its files); the aggregates and durability are settled when the block ends."""

    def writer(self) -> AbstractContextManager[GraphStore]:
        """A writable store on the same data for the block (a read-only handle steps aside meanwhile)."""

    def refresh(self) -> bool:
        """Let a reader see the latest commits; True when it had to reopen."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
              timeout_s: float = 30.0, row_cap: int = ROW_CAP) -> QueryResult:
        """Run Cypher; read-only unless `write`; refuse with QueryRefused when not allowed."""

    def iter_nodes(self, label: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every node of a label as a property dict, streamed in batches (exports use this)."""

    def iter_edges(self, rel_type: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every edge of a type: `source`, `source_label`, `target`, `target_label` + edge properties."""

    def counts(self) -> dict[str, int]:
        """Node count per label and edge count per relation type."""

    def version(self) -> str:
        """Changes whenever committed data changes; readers cache on it."""

    def close(self) -> None: ...
