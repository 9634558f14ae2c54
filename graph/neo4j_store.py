"""GraphStore on a Neo4j server over Bolt (for graphs larger than one LadybugDB file likes).

Same identity rules as every store (see graph/store.py): nodes MERGE on their key,
edges on (type, ends, report_id). Labels and relationship types are spliced into
Cypher text only from the fixed schema in fazhi/model.py; row values always travel
as parameters.

Writes go in batches, one transaction per batch: Neo4j keeps a transaction's state
on the heap, so bounded batches keep a modest server (768 MiB heap) from running
out of memory on a big ingest. A half-finished write is repaired by writing again:
nodes MERGE, and edges MERGE for every report already in the store (_write explains
why CREATE is safe for the others).

The aggregates (graph/derived.py) are bounded the same way: each of their statements is
its own transaction (at most DERIVED_ROWS rows), and the updates that may reach every
co-citation pair run as CALL {...} IN TRANSACTIONS. In one transaction, the refresh after a
batch of 1,000 new reports (~150,000 new LawPair nodes, all flagged top) and the rebuild
after a bulk import (1.1 M pairs at 10,000 reports) outgrew the 520 MiB that a 768 MiB heap
allows all transactions (dbms.memory.transaction.total.max). The price: a write that fails
between these transactions leaves the aggregates partly updated; `rebuild_derived` repairs
them (the facts themselves are repaired by writing again, as above).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path as FilePath
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase, Query
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship

from fazhi.graph import adoption, derived, report_facts
from fazhi.graph.cypher_guard import refuse_writes
from fazhi.graph.store import (
    META_LABEL,
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
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_BATCH = 20_000  # rows per write statement (each its own transaction in write())
DERIVED_ROWS = 20_000  # rows per statement of the aggregates (derived.after_write's chunk)
SWEEP_ROWS = 10_000  # rows per inner transaction of a sweep over the aggregates (_sweep)
REBUILD_EDGES = 500_000  # edges (pair rows) one statement of a rebuild reads at most (derived.rebuild's budget)
ENTITY_LABELS = tuple(label for label in NODE_LABELS if label != "Report")


def split_userinfo(uri: str) -> tuple[str, str | None, str | None]:
    """(uri without user:password@, user, password): credentials written into a URI are
    used for the login but never shown, and the driver refuses them in the URI anyway."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    host = parts.netloc.rpartition("@")[2]
    clean = urlunsplit(parts._replace(netloc=host))
    return clean, unquote(parts.username) if parts.username else None, \
        unquote(parts.password) if parts.password is not None else None


# -- Cypher text built from the fixed schema ------------------------------------


def _node_merge(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{label} {{{NODE_KEY[label]}: row.key}}) SET n += row.props"


EDGE_VALUES = tuple(p for p in STORED_EDGE_PROPERTIES if p != "report_id")  # set after the key


def _edge_write(verb: str, rel_type: str, source_label: str, target_label: str) -> str:
    """CREATE or MERGE one edge per index into parallel parameter lists ($s, $t, $report_id, …).

    Columns, not a list of row maps: the driver packs every map key again for every
    row, and packing (pure Python) was ~2/3 of a write's time. CREATE is for edges of
    reports new to the store: MERGE between two hubs (an agency and a measure both in
    thousands of reports) walks every parallel edge of the pair to compare report_id,
    and an edge whose report was not stored before this write cannot exist yet.
    """
    match = (
        "UNWIND range(0, size($s) - 1) AS i "
        f"MATCH (s:{source_label} {{{NODE_KEY[source_label]}: $s[i]}}) "
        f"MATCH (t:{target_label} {{{NODE_KEY[target_label]}: $t[i]}}) "
    )
    if verb == "CREATE":  # every property in the pattern: one step, no SET after it
        values = ", ".join(f"{p}: ${p}[i]" for p in STORED_EDGE_PROPERTIES)
        return match + f"CREATE (s)-[:{rel_type} {{{values}}}]->(t)"
    sets = ", ".join(f"e.{p} = ${p}[i]" for p in EDGE_VALUES)
    return match + f"MERGE (s)-[e:{rel_type} {{report_id: $report_id[i]}}]->(t) SET {sets}"


def _schema_statements() -> list[str]:
    statements = [
        f"CREATE CONSTRAINT fazhi_{label.lower()}_key IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{NODE_KEY[label]} IS UNIQUE"
        for label in NODE_LABELS
    ]
    statements.append(
        f"CREATE CONSTRAINT fazhi_meta_key IF NOT EXISTS FOR (n:{META_LABEL}) REQUIRE n.key IS UNIQUE"
    )
    statements += [
        f"CREATE CONSTRAINT fazhi_{label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        for label, (key, _) in derived.DERIVED_NODES.items()
    ]
    # No query looks pairs up by document name; these indexes tripled the cost of writing a pair.
    statements += [f"DROP INDEX fazhi_lawpair_{side} IF EXISTS" for side in ("law_a", "law_b")]
    # The 措施 page reads a measure's adoption rows (queries/adoption_all.cypher) by this index, not a label scan.
    statements.append(f"CREATE INDEX fazhi_measureadoption_measure IF NOT EXISTS FOR (s:{adoption.LABEL}) ON (s.measure)")
    # The top pairs by index: a write's mark_top reads them and its own pairs, not every pair (graph/derived.py).
    statements.append("CREATE INDEX fazhi_lawpair_top IF NOT EXISTS FOR (p:LawPair) ON (p.top)")
    # remove_report finds a report's edges by property; without these it scans every edge.
    statements += [
        f"CREATE INDEX fazhi_{rel_type.lower()}_report IF NOT EXISTS "
        f"FOR ()-[e:{rel_type}]-() ON (e.report_id)"
        for rel_type in RELATION_ENDPOINTS
    ]
    # An index is built in the background: a write before it is online scans instead (every LawPair, a batch)
    statements.append("CALL db.awaitIndexes(3600)")
    return statements


# -- values -> JSON-able --------------------------------------------------------


def plain(value: Any) -> Any:
    """Driver values -> plain JSON-able values, shaped as graph.ladybug_store.plain shapes them.

    Nodes and relationships are property dicts with `_label`; paths are {"nodes", "rels"}.
    """
    if isinstance(value, Node):
        return {**{k: plain(v) for k, v in value.items()}, "_label": sorted(value.labels)[0]}
    if isinstance(value, Relationship):
        return {**{k: plain(v) for k, v in value.items()}, "_label": value.type}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "rels": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "srid"):  # neo4j.spatial points: tuples with an SRID, so before tuple
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if hasattr(value, "iso_format"):  # neo4j.time Date/Time/DateTime/Duration
        return value.iso_format()
    return value


def _node_rows(nodes: dict[str, dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """None-valued properties are left out so that a later, sparser mention keeps known values."""
    key = NODE_KEY[label]
    return [
        {"key": k, "props": {p: v for p, v in props.items() if v is not None and p != key}}
        for k, props in nodes.items()
    ]


def _edge_columns(edges: dict[tuple[str, str, str], dict[str, Any]]) -> dict[str, list[Any]]:
    """Edges as parallel lists, the parameters of _edge_write."""
    columns: dict[str, list[Any]] = {"s": [], "t": [], "report_id": [], **{p: [] for p in EDGE_VALUES}}
    for (source, target, report_id), props in edges.items():
        columns["s"].append(source)
        columns["t"].append(target)
        columns["report_id"].append(report_id)
        stored = stored_edge(props)
        for p in EDGE_VALUES:
            columns[p].append(stored[p])
    return columns


class Neo4jStore:
    """GraphStore over the official Neo4j Python driver."""

    dialect = "neo4j"

    def __init__(self, uri: str = DEFAULT_URI, user: str = "neo4j", password: str | None = None,
                 database: str | None = None, *, batch_size: int = DEFAULT_BATCH,
                 connect_timeout_s: float = 10.0) -> None:
        uri, uri_user, uri_password = split_userinfo(uri)
        self.uri = uri  # never holds credentials: it appears in messages and the app's sidebar
        self.user = uri_user or user
        self.database = database
        self.batch_size = batch_size
        self._deferred: derived.Touched | None = None  # inside bulk(): what the block's writes touched
        self._fresh: set[str] | None = None  # inside bulk(): reports the block created (_write)
        self._password = password if password is not None else uri_password
        auth = (self.user, self._password) if self._password is not None else None
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=auth, connection_timeout=connect_timeout_s,
                max_transaction_retry_time=connect_timeout_s, user_agent="fazhi-graph",
            )
        except (ValueError, ImportError, neo4j.exceptions.ConfigurationError) as exc:
            # a bad scheme or port, or a scheme needing an optional package (http:// wants aiohttp)
            raise self._unavailable(f"cannot use NEO4J_URI {uri!r} ({type(exc).__name__}); "
                                    "use bolt:// or neo4j://") from None
        try:
            with self._errors():
                self._driver.verify_connectivity()
                self._check_layout()
                self._ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    @property
    def location(self) -> str:
        return f"{self.uri} ({self.database})" if self.database else self.uri

    @property
    def cli_options(self) -> str:
        return "--backend neo4j"

    def sidecar_path(self, suffix: str) -> FilePath:
        """A file named after the server and database, where the embedded store would be (data/)."""
        from fazhi.graph.open import db_path

        where = f"{self.uri}/{self.database or ''}"
        return db_path().parent / f"neo4j-{hashlib.sha1(where.encode()).hexdigest()[:12]}{suffix}"

    @classmethod
    def from_env(cls, **overrides: Any) -> Neo4jStore:
        """Connection settings from NEO4J_URI/USER/PASSWORD/DATABASE; keyword overrides win.

        Without NEO4J_URI, the server started by `fazhi neo4j start` in this directory is used.
        """
        settings: dict[str, Any] = {
            "uri": os.environ.get("NEO4J_URI") or _local_server_uri() or DEFAULT_URI,
            "user": os.environ.get("NEO4J_USER", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD"),
            "database": os.environ.get("NEO4J_DATABASE") or None,
        }
        settings.update(overrides)
        return cls(**settings)

    # -- errors --------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn "cannot use Neo4j at all", "locked" and "out of memory" errors into the store errors;
        let query errors through."""
        try:
            yield
        except TransientError as exc:
            if _code(exc).endswith("OutOfMemoryError"):
                raise StoreFull(f"Neo4j at {self.uri} ran out of memory for the transaction ({_code(exc)}); "
                                "raise its db.memory settings or write smaller batches") from None
            if "Lock" in _code(exc) or "Deadlock" in _code(exc):
                raise StoreLocked(f"Neo4j at {self.uri}: another transaction held a lock too long "
                                  f"({_code(exc)})") from None
            raise
        except AuthError as exc:
            raise self._unavailable(f"Neo4j at {self.uri} refused the login of user '{self.user}'"
                                    f" ({_code(exc)})") from None
        except ClientError as exc:
            if _code(exc).endswith("OutOfMemoryError"):
                raise StoreFull(f"Neo4j at {self.uri}: the transaction used more memory than allowed "
                                f"({_code(exc)})") from None
            if _code(exc) == "Neo.ClientError.Database.DatabaseNotFound":
                raise self._unavailable(f"Neo4j at {self.uri} has no database '{self.database}'") from None
            if _code(exc).startswith("Neo.ClientError.Security."):
                raise self._unavailable(f"Neo4j at {self.uri} refused user '{self.user}' ({_code(exc)})") from None
            raise
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise self._unavailable(
                f"Neo4j is not reachable at {self.uri} ({type(exc).__name__}); "
                "start one with `fazhi neo4j start` or set NEO4J_URI"
            ) from None

    def _unavailable(self, message: str) -> StoreUnavailable:
        if self._password:
            message = message.replace(self._password, "***")
        return StoreUnavailable(message)

    # -- plumbing ------------------------------------------------------------

    def _session(self, read: bool = False, fetch_size: int = 1000) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode,
                                    fetch_size=fetch_size)

    def _run_write(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_write(work)

    def _each_in_own_transaction(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        """derived.Runner for the aggregates outside replace/remove: a transaction per statement,
        so a refresh's changes never pile up in one (see the module docstring)."""
        return self._run_write(lambda tx: _tx_runner(tx)(cypher, params))

    def _sweep(self, match: str, variable: str, update: str, params: dict[str, Any]) -> None:
        """derived.Sweep: the update committed every SWEEP_ROWS rows. CALL {...} IN TRANSACTIONS
        needs an auto-commit transaction (session.run), which the driver does not retry."""
        cypher = f"{match} CALL ({variable}) {{ {update} }} IN TRANSACTIONS OF {SWEEP_ROWS} ROWS"
        with self._errors(), self._session() as session:
            session.run(Query(cypher), params).consume()

    def _read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return tx.run(cypher, params or {}).data()

        with self._errors(), self._session(read=True) as session:
            return session.execute_read(work)

    def _check_layout(self) -> None:
        """Refuse a database whose edges still hold their sentences or sentence keys (layouts before
        graph/store.py's thin edges): its evidence would read wrongly. Looks at one fact edge only,
        so opening stays cheap."""
        types = list(RELATION_ENDPOINTS)
        rows = self._read("MATCH ()-[e]->() WHERE type(e) IN $types RETURN e.sentence IS NOT NULL OR "
                          "e.sentence_key IS NOT NULL AS old LIMIT 1", {"types": types})
        if rows and rows[0]["old"]:
            raise self._unavailable(
                f"Neo4j at {self.location} holds a graph made by an older fazhi-graph that stored evidence "
                "sentences apart from the report texts; rebuild it: `fazhi push --to neo4j` from an embedded "
                "store, or re-ingest the files into an empty database")

    def _ensure_schema(self) -> None:
        with self._session() as session:
            for statement in _schema_statements():
                session.run(statement).consume()
        self._fill_imported_lists()
        if self._read("MATCH (a:Agency) RETURN a.name LIMIT 1") and not self._read(
                "MATCH (s:AgencyStat) WHERE s.implemented IS NOT NULL RETURN s.agency LIMIT 1"):
            self.rebuild_derived()  # a graph made before AgencyStat (or its measure counts): the 机构 list reads it
        elif self._read("MATCH (:Report)-[:MENTIONS]->(m:Measure) RETURN m.name LIMIT 1") and not self._read(
                "MATCH (p:MeasurePair) RETURN p.key LIMIT 1"):
            self.rebuild_derived()  # a graph made before MeasurePair: co-mentions read it
        elif self._read("MATCH (:Report)-[:CITES]->(l:Law) RETURN l.name LIMIT 1") and not self._read(
                "MATCH (s:LawInflow) RETURN s.law LIMIT 1"):
            self.rebuild_derived()  # a graph made before LawInflow: the 图谱 page's PageRank reads it
        elif self._read("MATCH (:Agency)-[:IMPLEMENTS]->(m:Measure) RETURN m.name LIMIT 1") and not self._read(
                f"MATCH (s:{adoption.LABEL}) RETURN s.key LIMIT 1"):
            # a graph made before MeasureAdoption (the 措施 page reads it): that table and the measures' stats
            # only, not the millions of co-citation pairs a full rebuild recounts
            derived.rebuild(self._each_in_own_transaction, self._sweep, budget=REBUILD_EDGES, labels=[adoption.LABEL],
                            chunk=DERIVED_ROWS)

    def _fill_imported_lists(self) -> None:
        """Once, on a graph neo4j-admin loaded from `fazhi export --format csv` (its mark says so): store the
        ReportFacts lists that are empty, which the importer leaves out (an empty cell is no property to it,
        where a write stores []), so its rows read as a written graph's (report_facts.refresh zips them)."""
        mark = {"key": report_facts.UNSET_LISTS}
        if self._read(f"MATCH (m:{META_LABEL} {{key: $key}}) RETURN m.key", mark):
            self._sweep(f"MATCH (f:{report_facts.LABEL})", "f", report_facts.FILL_LISTS, {})
            self._run_write(lambda tx: tx.run(f"MATCH (m:{META_LABEL} {{key: $key}}) DELETE m", mark).consume())

    # -- writing -------------------------------------------------------------

    def write(self, rows: GraphRows) -> None:
        """MERGE nodes (all labels first, so edges find both ends), then edges, then bump version.

        One transaction per batch of rows (see the module docstring); _write explains
        why the edges of new reports may be CREATEd.
        """
        def refresh(cited: derived.Before) -> None:
            touched = derived.after_write(self._each_in_own_transaction, rows, cited, sweep=self._sweep,
                                          chunk=DERIVED_ROWS, deferred=self._deferred is not None, merge=True)
            if self._deferred is not None:
                self._deferred.update(touched)

        _write(rows, self.batch_size, self._rows, self._run_write, refresh, self._fresh)

    def replace_report(self, report_id: str, rows: GraphRows) -> int:
        """Remove the report and write its new rows in one transaction (one report fits the heap)."""

        def work(tx: neo4j.ManagedTransaction) -> int:
            removed = _remove_report(tx, report_id)
            _write(rows, self.batch_size, _tx_runner(tx), lambda step: step(tx),
                   lambda cited: derived.after_write(_tx_runner(tx), rows, cited, merge=True))
            return removed

        return self._run_write(work)

    def reserve(self, reports: int) -> None:
        """The server sizes its own memory (`fazhi neo4j start --heap`, its page cache)."""

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Writes in the block stay ordinary, crash-safe ones, with two differences. The stats rows and
        the top pairs are settled once at its end, even after an error (as the embedded store's bulk
        block does): per write they re-read every edge of the hub measures and documents and scan
        every co-citation pair, which `fazhi push` paid for every 5,000 edges; until the block ends
        those aggregates lag. And the edges of reports the block created are CREATEd in later writes
        too (_write), which `fazhi push` needs: it writes every report's node before its edges."""
        if self._deferred is not None:  # nested: the outer block settles
            yield
            return
        self._deferred, self._fresh = derived.Touched(), set()
        try:
            yield
        finally:
            touched, self._deferred, self._fresh = self._deferred, None, None
            derived.refresh(self._each_in_own_transaction, touched, DERIVED_ROWS)
            derived.mark_top(self._each_in_own_transaction, self._sweep)
            derived.rebuild_inflow(self._each_in_own_transaction, self._sweep, DERIVED_ROWS)

    @contextmanager
    def writer(self) -> Iterator[GraphStore]:
        """The server takes writes on this same connection."""
        yield self

    def refresh(self) -> bool:
        """Every read sees the latest commit: nothing to reopen."""
        return False

    def _rows(self, cypher: str, params: dict[str, Any]) -> list[list[Any]]:
        return [list(row.values()) for row in self._read(cypher, params)]

    def rebuild_derived(self) -> dict[str, int]:
        """Recompute the precomputed aggregates (graph/derived.py) from the facts, statement by statement, none
        reading more than about REBUILD_EDGES edges (a hub alone reads its own): in one transaction the pairs of a
        10,000-report graph ran out of transaction memory on the default server (module docstring), and at
        50,000 reports so did a statement counting the pairs of 500 documents (docs/BENCHMARKS.md, run 12)."""
        return derived.rebuild(self._each_in_own_transaction, self._sweep, budget=REBUILD_EDGES,
                               chunk=DERIVED_ROWS)

    def remove_report(self, report_id: str) -> int:
        """Delete the report's edges and node, then entities no remaining edge touches.

        The orphan sweep covers every entity label (as the LadybugDB store does), so an
        entity is kept exactly while some relationship still mentions it.
        """
        def work(tx: neo4j.ManagedTransaction) -> int:
            removed = _remove_report(tx, report_id)
            _bump_version(tx)
            return removed

        return self._run_write(work)

    # -- reading -------------------------------------------------------------

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False,
              timeout_s: float = 30.0, row_cap: int = ROW_CAP) -> QueryResult:
        """Run user Cypher: refused lexically, then again by Neo4j itself in a READ session."""
        if not write:
            refuse_writes(cypher)
        try:
            with self._errors(), self._session(read=not write, fetch_size=min(row_cap + 1, 1000)) as session:
                result = session.run(Query(cypher, timeout=timeout_s), params or {})
                out = _collect(result, row_cap)
        except ClientError as exc:
            if "AccessMode" in _code(exc) or "Forbidden" in _code(exc):
                raise QueryRefused(f"read-only: Neo4j refused the query ({_code(exc)})") from exc
            raise
        if write:
            self._run_write(_bump_version)
        return out

    def iter_nodes(self, label: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Pages by key (`WHERE key > last`), which the uniqueness index answers without a sort."""
        key = NODE_KEY[label]
        props = ", ".join(f"{p}: n.{p}" for p in NODE_PROPERTIES[label])
        cypher = (
            f"MATCH (n:{label}) WHERE $after IS NULL OR n.{key} > $after "
            f"RETURN n.{key} AS k, {{{props}}} AS props ORDER BY n.{key} LIMIT $limit"
        )
        after = None
        while True:
            page = self._read(cypher, {"after": after, "limit": batch_size})
            for row in page:
                yield row["props"]
            if len(page) < batch_size:
                return
            after = page[-1]["k"]

    def iter_edges(self, rel_type: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Pages over source nodes by key and returns all their edges of `rel_type`.

        A page therefore holds `batch_size` source nodes, not edges: key ranges keep every
        page an index seek, where SKIP over sorted edges would re-sort all edges per page.
        """
        for source_label, target_label in RELATION_ENDPOINTS[rel_type]:
            for row in self._edge_pages(rel_type, source_label, target_label, batch_size):
                yield {"source_label": source_label, "target_label": target_label, **row}

    def _report_texts(self, ids: list[str]) -> dict[str, str]:
        rows = self._read("UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id AS id, r.text AS text", {"ids": ids})
        return {row["id"]: row["text"] for row in rows}

    def _edge_pages(self, rel_type: str, source_label: str, target_label: str,
                    batch_size: int) -> Iterator[dict[str, Any]]:
        """One page of source nodes' edges at a time, their sentences cut from the page's report
        texts in Python (with_sentences, as the embedded store does: offsets count code points)."""
        sk, tk = NODE_KEY[source_label], NODE_KEY[target_label]
        props = ", ".join(f"{p}: e.{p}" for p in STORED_EDGE_PROPERTIES)
        cypher = (
            f"MATCH (s:{source_label}) WHERE $after IS NULL OR s.{sk} > $after "
            f"WITH s ORDER BY s.{sk} LIMIT $limit "
            f"WITH collect(s) AS page "
            f"UNWIND page AS s OPTIONAL MATCH (s)-[e:{rel_type}]->(t:{target_label}) "
            f"WITH page, s, e, t ORDER BY s.{sk}, t.{tk}, e.report_id "
            f"RETURN page[-1].{sk} AS last, size(page) AS n, "
            f"collect(CASE WHEN e IS NULL THEN NULL ELSE {{source: s.{sk}, target: t.{tk}, {props}}} END)"
            f" AS edges"
        )
        after = None
        while True:
            page = self._read(cypher, {"after": after, "limit": batch_size})
            if not page:
                return
            yield from with_sentences(page[0]["edges"], self._report_texts)
            if page[0]["n"] < batch_size:
                return
            after = page[0]["last"]

    def counts(self) -> dict[str, int]:
        """Per label and per type, from Neo4j's count store (no scan)."""
        parts = [f"CALL () {{ MATCH (n:{label}) RETURN count(n) AS `{label}` }}" for label in NODE_LABELS]
        parts += [
            f"CALL () {{ MATCH ()-[e:{rel_type}]->() RETURN count(e) AS `{rel_type}` }}"
            for rel_type in RELATION_ENDPOINTS
        ]
        names = ", ".join(f"`{name}`" for name in (*NODE_LABELS, *RELATION_ENDPOINTS))
        row = self._read(" ".join(parts) + f" RETURN {names}")[0]
        return {name: int(value) for name, value in row.items()}

    def version(self) -> str:
        """Our write counter plus a hash of the counts, so writes made outside fazhi show up too."""
        rows = self._read(f"OPTIONAL MATCH (m:{META_LABEL} {{key: 'version'}}) RETURN m.counter AS c")
        counter = rows[0]["c"] or 0
        digest = hashlib.sha1(repr(sorted(self.counts().items())).encode()).hexdigest()[:12]
        return f"{counter}-{digest}"

    def clear(self) -> None:
        """Delete every node and edge, 10k nodes per transaction (tests, rebuilds); schema stays."""

        def batch(tx: neo4j.ManagedTransaction) -> int:
            return _count(tx, "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c")

        while self._run_write(batch):
            pass

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _collect(result: neo4j.Result, row_cap: int) -> QueryResult:
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    for record in result:
        if len(rows) >= row_cap:
            truncated = True
            break
        rows.append([plain(v) for v in record.values()])
    return QueryResult(columns, rows, truncated)


def _tx_runner(tx: neo4j.ManagedTransaction) -> derived.Runner:
    """derived.Runner over one transaction: the aggregates change with the facts or not at all."""
    return lambda cypher, params: [list(record.values()) for record in tx.run(cypher, params)]


def _count(tx: neo4j.ManagedTransaction, cypher: str, **params: Any) -> int:
    """The one number a counting statement returns."""
    return int(tx.run(cypher, params).single(strict=True)[0])


def _remove_report(tx: neo4j.ManagedTransaction, report_id: str) -> int:
    removed = 0
    touched = derived.before_remove(_tx_runner(tx), report_id)
    for rel_type in RELATION_ENDPOINTS:
        removed += _count(tx, f"MATCH ()-[e:{rel_type}]->() WHERE e.report_id = $rid DELETE e RETURN count(*)",
                          rid=report_id)
    # Edges of other reports that still touch this Report node (none, if extraction keeps
    # to the contract) go with it and are counted.
    removed += _count(tx, "OPTIONAL MATCH (r:Report {id: $rid}) OPTIONAL MATCH (r)-[e]-() "
                      "WITH r, count(e) AS c DETACH DELETE r RETURN c", rid=report_id)
    for label in ENTITY_LABELS:
        tx.run(f"MATCH (n:{label}) WHERE NOT (n)--() DELETE n").consume()
    derived.after_remove(_tx_runner(tx), touched)
    return removed


Step = Callable[[neo4j.ManagedTransaction], Any]


def _write(rows: GraphRows, batch_size: int, read: derived.Runner, run: Callable[[Step], Any],
           refresh: Callable[[derived.Before], Any], fresh: set[str] | None = None) -> None:
    """Write rows as a sequence of steps, each handed to `run`: its own transaction (write), or
    all in one (replace_report); then `refresh` the aggregates, given the CITES and MENTIONS state before.

    Edges of reports that were not in the store before this write are CREATEd (see
    _edge_write); the others MERGE, so writing the same rows twice, or again after a
    failed write, changes nothing. This relies on the invariant every writer keeps:
    an edge is never stored before its Report node.

    `fresh` (a bulk block's) carries the reports created earlier in the block, whose edges are
    CREATEd in this write too: the block's writer sends each edge once (push copies a store whose
    edges are unique). A write that carries such a report's node again (the same file twice in
    one ingest) makes it an ordinary stored report, whose edges MERGE. A failed write ends the
    block, so a repair runs outside it, where every report it wrote is stored: MERGE.
    """
    reports = list(rows.nodes.get("Report", {}))
    new_reports = _unstored_reports(read, reports)
    if fresh is not None:
        fresh.difference_update(reports)
        fresh.update(new_reports)
        new_reports = fresh
    # inside bulk(): LawInflow recounted and the stats settled at its end; outside, a write of new reports
    # only adds to the stats rows (graph/stat_deltas.py) instead of recomputing them from every edge
    cited = derived.cited_before(read, rows, inflow=fresh is None, new_reports=new_reports if fresh is None else None,
                                 chunk=DERIVED_ROWS)
    for statement, params in _write_statements(rows, new_reports, batch_size):
        run(_statement_step(statement, params))
    refresh(cited)
    run(_bump_version)


def _statement_step(statement: str, params: dict[str, Any]) -> Step:
    return lambda tx: tx.run(statement, params).consume()


def _write_statements(rows: GraphRows, new_reports: set[str],
                      batch_size: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(statement, parameters) per batch: nodes of every label first, so edges find both ends."""
    for label, nodes in with_evidence_texts(rows).nodes.items():
        node_rows = _node_rows(nodes, label)
        for i in range(0, len(node_rows), batch_size):
            yield _node_merge(label), {"rows": node_rows[i : i + batch_size]}
    for (rel_type, source_label, target_label), edges in rows.edges.items():
        for verb, wanted in (("CREATE", True), ("MERGE", False)):
            columns = _edge_columns({k: v for k, v in edges.items() if (k[2] in new_reports) == wanted})
            for i in range(0, len(columns["s"]), batch_size):
                yield (_edge_write(verb, rel_type, source_label, target_label),
                       {name: values[i : i + batch_size] for name, values in columns.items()})


def _unstored_reports(read: derived.Runner, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    stored = read("UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id AS id", {"ids": ids})
    return set(ids) - {row[0] for row in stored}


def _bump_version(tx: neo4j.ManagedTransaction) -> None:
    tx.run(
        f"MERGE (m:{META_LABEL} {{key: 'version'}}) SET m.counter = coalesce(m.counter, 0) + 1"
    ).consume()


def _code(exc: Neo4jError | DriverError) -> str:
    return getattr(exc, "code", None) or ""


def _local_server_uri() -> str | None:
    """The URI in .fazhi/neo4j.pid, if `fazhi neo4j start` left a live server here."""
    from fazhi.graph import neo4j_server  # local import: the server module is optional tooling

    info = neo4j_server.status()
    return info.uri if info else None
