"""The small interface both stores (LadybugDB, Neo4j) implement, and the rows they write.

Stores never see dataclasses: an ingest batch is first flattened into `GraphRows`
(node property dicts per label, edge dicts per relation type), so the two stores
share one conversion and differ only in how they MERGE rows.

Identity rules, which make every write idempotent:
- a node is keyed by `id` (Report: the content hash) or `name` (every other label);
- an edge is keyed by (type, source key, target key, report_id): one edge per fact
  per report, carrying the first evidence sentence and how many times the report
  states it (`evidence_count`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
