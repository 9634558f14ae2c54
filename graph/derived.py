"""Precomputed aggregates that ingest keeps current, so global questions are answered by key.

Scanning every CITES or IMPLEMENTS edge costs seconds at 50,000 reports (co-citation ~10 s),
far over the 100 ms a page may take. These tables hold the answers instead:

- MeasureStat {measure, agencies, reports, first_year, last_year}: per measure, over its
  IMPLEMENTS edges (top_measures, the overview's measures with the filters open);
- LawStat {law, reports, agencies, first_year, last_year}: per document, over the reports
  citing it and their issuers (most_cited_laws, the overview's laws);
- AgencyStat {agency, level, region, facts, mentions, measures, implemented}: per agency, its
  IMPLEMENTS edges (facts), the distinct measures and reports among them, and the reports that
  mention it, one row for every Agency node (the 机构 list pages through it, busiest first, and
  counts it for its total instead of counting edges per agency; the ranking by measures reads it
  instead of a pass over 1.5 M edges);
- LawPair {key, law_a, law_b, reports}: how many reports cite both documents (law_a < law_b).
  The key is a 64-bit hash of the pair, not the names: LadybugDB reads every projected
  column of a scanned table, so the global top pairs are found on two integer columns
  and only the winners' names are fetched by key (3 ms instead of 150 ms on 1.1 M pairs).
  `top` marks every pair with at least the TOP_PAIRS-th largest count (ties included), so
  the global top-k for any k <= TOP_PAIRS is exact and reads one boolean column.
- LawInflow {law, inflow, sources}: what flows into a document in PageRank (graph/algorithms.py):
  the sum over the reports citing it and the measures based on it of (edges to it) / (the
  source's edges to documents), and how many such sources there are (the row goes at 0).
  Summing it from the edges took 1.3 s at 50,000 reports (1.1 M CITES edges) and the 图谱
  page needs only a few documents' values and the totals. Kept by deltas: a write changes
  the shares of the reports it adds citations to and of the measures it adds BASED_ON
  edges to, nothing else (a hub like 宪法 would cost 0.4 s a batch to recompute).
- MeasurePair {key, measure_a, measure_b, reports}: how many reports mention both measures
  (measure_a < measure_b), kept by the same deltas as LawPair (measure_cooccurrence reads it:
  a hub measure is mentioned by nearly every report, so counting its co-mentions walks ~10^6
  MENTIONS edges at 50k). A few thousand rows: no `top` flag is needed.
- MeasureAdoption {key, measure, region, year, agencies}: per measure, region and year, the agencies
  implementing it (graph/adoption.py): the 措施 page's diffusion heat map reads a measure's rows instead
  of counting distinct agencies over its IMPLEMENTS edges (74,808 for the busiest at 50k).
- ReportFacts {report, region, year, doc_type, level, levels, linked, agencies, measures, ...}: per
  report, its filter fields, its issuers' levels and its IMPLEMENTS edges as lists (graph/report_facts.py):
  the region evidence and the report groups read a region's facts and a report's issuer level by key
  instead of walking hub agencies' edges.

They are derived, never facts: separate tables (labels) with no edges and no `name`/`id`
key, so exports, evidence, neighbours and paths never see them. Both stores call the same
functions here inside their write (and remove) so the data and the aggregates change
together. The stats are recomputed for the measures and documents a batch touches (cheap:
anchored on those nodes); co-citation is maintained by deltas, because recomputing a pair
set for a hub document (宪法) touched by every batch would rescan most of the graph.
`rebuild` recomputes everything (migration of an existing store, repairs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from fazhi.graph import adoption, report_facts, stat_deltas
from fazhi.graph.store import GraphRows, chunks, key64

Runner = Callable[[str, dict[str, Any]], list[list[Any]]]
Links = dict[str, Counter[str]]  # a source (report, measure) -> document -> its edges to the document
# (match, variable, update, params): apply `update` to every row `match` binds to `variable`,
# however many. A store whose transactions hold any number of changes (LadybugDB) runs it as one
# statement (one_statement); Neo4j keeps a transaction's changes on its heap, so it splits them
# (CALL {...} IN TRANSACTIONS, graph/neo4j_store.py).
Sweep = Callable[[str, str, str, dict[str, Any]], None]

# label -> (key property, property -> type); the stores derive their DDL from this.
DERIVED_NODES: dict[str, tuple[str, dict[str, str]]] = {
    "MeasureStat": ("measure", {"measure": "STRING", "kind": "STRING", "agencies": "INT64", "reports": "INT64",
                                "first_year": "INT64", "last_year": "INT64"}),
    "LawStat": ("law", {"law": "STRING", "category": "STRING", "issuer": "STRING", "reports": "INT64", "agencies": "INT64",
                        "first_year": "INT64", "last_year": "INT64"}),
    "AgencyStat": ("agency", {"agency": "STRING", "level": "STRING", "region": "STRING", "facts": "INT64",
                              "mentions": "INT64", "measures": "INT64", "implemented": "INT64"}),
    "LawPair": ("key", {"key": "INT64", "law_a": "STRING", "law_b": "STRING", "reports": "INT64",
                        "top": "BOOLEAN"}),
    "MeasurePair": ("key", {"key": "INT64", "measure_a": "STRING", "measure_b": "STRING", "reports": "INT64"}),
    "LawInflow": ("law", {"law": "STRING", "inflow": "DOUBLE", "sources": "INT64"}),
    adoption.LABEL: ("key", adoption.COLUMNS),
    report_facts.LABEL: ("report", report_facts.COLUMNS),
}
CHUNK = 2000
TOP_PAIRS = 1000

_DROP_MEASURES = "UNWIND $names AS n MATCH (s:MeasureStat {measure: n}) DELETE s"
_MEASURES_FROM_EDGES = (  # a MeasureStat row computed from the edges: written by refresh, compared by check
    "UNWIND $names AS n MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: n}) "
    "WITH m.name AS name, m.kind AS kind, count(DISTINCT a) AS agencies, count(DISTINCT e.report_id) AS reports, "
    "min(e.year) AS first_year, max(e.year) AS last_year "
)
_MEASURES = _MEASURES_FROM_EDGES + (
    "CREATE (:MeasureStat {measure: name, kind: kind, agencies: agencies, reports: reports, "
    "first_year: first_year, last_year: last_year})"
)
_DROP_LAWS = "UNWIND $names AS n MATCH (s:LawStat {law: n}) DELETE s"
_LAWS_FROM_EDGES = (
    "UNWIND $names AS n MATCH (r:Report)-[:CITES]->(l:Law {name: n}) "
    "OPTIONAL MATCH (a:Agency)-[:ISSUED]->(r) "
    "WITH l.name AS name, l.category AS category, l.issuer AS issuer, count(DISTINCT r) AS reports, count(DISTINCT a) AS agencies, "
    "min(r.year) AS first_year, max(r.year) AS last_year "
)
_LAWS = _LAWS_FROM_EDGES + (
    "CREATE (:LawStat {law: name, category: category, issuer: issuer, reports: reports, agencies: agencies, "
    "first_year: first_year, last_year: last_year})"
)
_DROP_AGENCIES = "UNWIND $names AS n MATCH (s:AgencyStat {agency: n}) DELETE s"
# Anchored on each agency (a key lookup, then its own edges), and a row even without edges:
# the list shows every agency, so its page count is this table's size.
_AGENCIES = (  # the agency is looked up again after the aggregation: LadybugDB cannot match from a node carried through it
    "UNWIND $names AS n MATCH (a:Agency {name: n}) OPTIONAL MATCH (a)-[e:IMPLEMENTS]->(m:Measure) "
    "WITH a.name AS name, count(e.report_id) AS facts, count(DISTINCT m.name) AS measures, "
    "count(DISTINCT e.report_id) AS implemented "
    "MATCH (a:Agency {name: name}) "
    "WITH a, facts, measures, implemented, COUNT { MATCH (:Report)-[:MENTIONS]->(a) } AS mentions "
    "CREATE (:AgencyStat {agency: a.name, level: a.level, region: a.region, facts: facts, mentions: mentions, "
    "measures: measures, implemented: implemented})"
)
_AGENCIES_OF_REPORT = (
    "MATCH (a:Agency)-[e]-() WHERE e.report_id = $rid RETURN DISTINCT a.name"
)
_STAT_COLUMNS = "RETURN name, agencies, reports, first_year, last_year ORDER BY name"
_TOP_STATS = ("MATCH (s:{label}) RETURN s.{key} ORDER BY s.reports DESC, s.{key} LIMIT $k")
_STORED_STATS = ("UNWIND $names AS n MATCH (s:{label} {{{key}: n}}) "
                 "RETURN s.{key}, s.agencies, s.reports, s.first_year, s.last_year ORDER BY s.{key}")
_BASED_ON = "UNWIND $names AS n MATCH (m:Measure {name: n})-[:BASED_ON]->(l:Law) RETURN m.name, l.name, count(*)"
_BASED_ON_OF_REPORT = "MATCH (m:Measure)-[e:BASED_ON]->(:Law) WHERE e.report_id = $rid RETURN DISTINCT m.name"
_INFLOW = {  # LawInflow rows by document (`key`): the same lookup/add/create/drop steps as the pair tables
    "keys": "UNWIND $keys AS k MATCH (s:LawInflow {law: k}) RETURN s.law",
    "add": "UNWIND $rows AS row MATCH (s:LawInflow {law: row.key}) "
           "SET s.inflow = s.inflow + row.f, s.sources = s.sources + row.d",
    "create": "UNWIND $rows AS row CREATE (:LawInflow {law: row.key, inflow: row.f, sources: row.d})",
    "merge": "UNWIND $rows AS row MERGE (s:LawInflow {law: row.key}) ON CREATE SET s.inflow = row.f, s.sources = row.d "
             "ON MATCH SET s.inflow = s.inflow + row.f, s.sources = s.sources + row.d",
    "drop": "UNWIND $keys AS k MATCH (s:LawInflow {law: k}) WHERE s.sources <= 0 DELETE s",
}
_ALL_INFLOW = (  # per document from every source at once (rebuild): (document, inflow, sources)
    "MATCH (r:Report)-[:CITES]->(:Law) WITH r, count(*) AS out MATCH (r)-[:CITES]->(l:Law) "
    "RETURN l.name AS law, sum(1.0 / out) AS inflow, count(*) AS sources "
    "UNION ALL MATCH (m:Measure)-[:BASED_ON]->(:Law) WITH m, count(*) AS out MATCH (m)-[:BASED_ON]->(l:Law) "
    "RETURN l.name AS law, sum(1.0 / out) AS inflow, count(DISTINCT m) AS sources"
)
_CITED_BY_ISSUED = "UNWIND $ids AS id MATCH (:Report {id: id})-[:CITES]->(l:Law) RETURN DISTINCT l.name"


@dataclass(frozen=True)
class PairTable:
    """A table of co-occurrence counts: how many reports link to both `a` and `b` (a < b) by `rel`."""

    label: str
    a: str
    b: str
    rel: str
    target: str

    def statement(self, kind: str) -> str:
        """The key lookup, delta, insert and cleanup statements of this table."""
        return {
            "keys": f"UNWIND $keys AS k MATCH (p:{self.label} {{key: k}}) RETURN p.key",
            "add": f"UNWIND $rows AS row MATCH (p:{self.label} {{key: row.key}}) SET p.reports = p.reports + row.d",
            "create": f"UNWIND $rows AS row CREATE (:{self.label} {{key: row.key, {self.a}: row.a, {self.b}: row.b, "
                      f"reports: row.d{', top: false' if self is LAW_PAIRS else ''}}})",
            "merge": f"UNWIND $rows AS row MERGE (p:{self.label} {{key: row.key}}) ON CREATE SET p.{self.a} = row.a, "
                     f"p.{self.b} = row.b, p.reports = row.d{', p.top = false' if self is LAW_PAIRS else ''} "
                     "ON MATCH SET p.reports = p.reports + row.d",
            "drop": f"UNWIND $keys AS k MATCH (p:{self.label} {{key: k}}) WHERE p.reports <= 0 DELETE p",
            "linked": f"UNWIND $ids AS id MATCH (r:Report {{id: id}})-[:{self.rel}]->(x:{self.target}) RETURN r.id, x.name",
            "all": f"MATCH (x:{self.target})<-[:{self.rel}]-(r:Report)-[:{self.rel}]->(y:{self.target}) "
                   "WHERE x.name < y.name RETURN x.name, y.name, count(DISTINCT r)",
            # the pairs whose first (smaller) name is in $names: disjoint across chunks of names. count(*) counts
            # reports, since a report links to a node by one edge of a type at most (an edge is keyed by its
            # report), and keeps one number per pair where count(DISTINCT r) kept every report's id: a chunk of
            # documents at 50,000 reports outgrew Neo4j's transaction memory with it (docs/BENCHMARKS.md, run 12)
            "of": f"UNWIND $names AS n MATCH (x:{self.target} {{name: n}})<-[:{self.rel}]-(r:Report)-[:{self.rel}]->"
                  f"(y:{self.target}) WHERE n < y.name RETURN x.name, y.name, count(*)",
            # per node, the rows its "of" reads: the other links of every report linking to it
            "reads": f"MATCH (r:Report)-[:{self.rel}]->(:{self.target}) WITH r, count(*) AS k "
                     f"MATCH (r)-[:{self.rel}]->(x:{self.target}) RETURN x.name, sum(k)",
        }[kind]


LAW_PAIRS = PairTable("LawPair", "law_a", "law_b", "CITES", "Law")
MEASURE_PAIRS = PairTable("MeasurePair", "measure_a", "measure_b", "MENTIONS", "Measure")


def one_statement(run: Runner) -> Sweep:
    """The Sweep of a store whose transactions may be any size: match and update as one statement."""
    def sweep(match: str, variable: str, update: str, params: dict[str, Any]) -> None:
        run(f"{match} {update}", params)

    return sweep


def pair_key(a: str, b: str) -> int:
    """A signed 64-bit key per pair (collisions: ~1e-6 expected at 5 M pairs)."""
    return key64(a, b)


def _edge_keys(rows: GraphRows, rel_type: str) -> Iterable[tuple[str, str, str]]:
    for (kind, _, _), edges in rows.edges.items():
        if kind == rel_type:
            yield from edges


@dataclass
class Before:
    """What a write must know of the store before it: for each report of the batch with CITES
    (MENTIONS of measures) edges, the documents it already cites (the measures it mentions); for
    each measure with BASED_ON edges in the batch, its edges per document (LawInflow's shares); the
    stored level of each agency of the batch (a changed level changes its reports' ReportFacts rows)."""

    cited: dict[str, set[str]]
    mentioned: dict[str, set[str]]
    based: Links = field(default_factory=dict)
    levels: dict[str, Any] = field(default_factory=dict)
    # a write of new reports only (stat_deltas): its stats rows are added to, not recomputed
    added: stat_deltas.Existing | None = None
    # the adoptions the write makes and replaces (graph/adoption.py); None in a bulk load, which recounts them
    adopted: adoption.Before | None = None


def cited_before(run: Runner, rows: GraphRows, inflow: bool = True, new_reports: set[str] | None = None,
                 chunk: int = CHUNK) -> Before:
    """The documents and measures each report with such edges in `rows` already links to (before the write);
    without `inflow` (a bulk load, which recounts LawInflow at its end) not the measures' BASED_ON edges.

    `new_reports` (Neo4j's default path: the reports not stored before the write) lets a write whose
    edges all belong to them add to the stats rows instead of recomputing them (graph/stat_deltas.py);
    their links before the write are empty, so they are not read."""
    added, unstored = None, set()
    if new_reports is not None and inflow and stat_deltas.only_new(rows, new_reports):
        added, unstored = stat_deltas.existing(run, rows, chunk), new_reports
    cited, mentioned = (_linked(run, table, sorted({report for _, _, report in _pair_edges(rows, table)} - unstored))
                        for table in (LAW_PAIRS, MEASURE_PAIRS))
    measures = {source for source, _, _ in _based_on_edges(rows)} if inflow else set()
    return Before(cited, mentioned, _based_on(run, measures, chunk),
                  report_facts.agency_levels(run, rows.nodes.get("Agency", {}), chunk), added,
                  adoption.before_write(run, rows, chunk) if inflow else None)


def _based_on_edges(rows: GraphRows) -> Iterable[tuple[str, str, str]]:
    return rows.edges.get(("BASED_ON", "Measure", "Law"), [])


def _based_on(run: Runner, measures: Iterable[str], chunk: int = CHUNK) -> Links:
    """Each measure's BASED_ON edges per document (a measure's share of PageRank goes by edges)."""
    links: Links = {measure: Counter() for measure in measures}
    for some in chunks(sorted(links), chunk):
        for measure, law, edges in run(_BASED_ON, {"names": some}):
            links[measure][law] += edges
    return links


def _inflow_rows(before: Links, after: Links) -> list[dict[str, Any]]:
    """LawInflow deltas when these sources' links go from `before` to `after`: key (the document), f (its
    inflow), d (its sources). A source's shares are its edges to a document / its edges to documents."""
    delta: dict[str, list[Any]] = {}
    for links, sign in ((after, 1), (before, -1)):
        # In sorted order: a float sum depends on the order of its terms, and these come from sets,
        # whose order changes with the process's hash seed; a store rebuilt by the same writes must
        # hold the same inflows to the last bit (tests/test_crash_safety.py compares them exactly).
        for source in sorted(links):
            counts = links[source]
            total = sum(counts.values())
            for law, edges in sorted(counts.items()):
                entry = delta.setdefault(law, [0.0, 0])
                entry[0] += sign * edges / total
                entry[1] += sign
    return [{"key": law, "f": f, "d": d} for law, (f, d) in sorted(delta.items()) if f or d]


def _report_links(cited: dict[str, set[str]]) -> Links:
    return {report: Counter(laws) for report, laws in cited.items()}


def _pair_edges(rows: GraphRows, table: PairTable) -> Iterable[tuple[str, str, str]]:
    """The rows' edges that a pair table counts: `rel` from a Report to a `target` node."""
    for (kind, source_label, target_label), edges in rows.edges.items():
        if (kind, source_label, target_label) == (table.rel, "Report", table.target):
            yield from edges


def _linked(run: Runner, table: PairTable, ids: list[str]) -> dict[str, set[str]]:
    linked: dict[str, set[str]] = {report: set() for report in ids}
    for chunk in chunks(ids, CHUNK):
        for report, name in run(table.statement("linked"), {"ids": chunk}):
            linked[report].add(name)
    return linked


@dataclass
class Touched:
    """The measures, documents and agencies whose stats rows a write or removal may have changed."""

    measures: set[str] = field(default_factory=set)
    laws: set[str] = field(default_factory=set)
    agencies: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)  # a removed report's measures (its MeasurePair counts)
    reports: set[str] = field(default_factory=set)  # removed reports (their ReportFacts rows)
    adoptions: frozenset[adoption.Adopted] = frozenset()  # a removed report's (its MeasureAdoption counts)
    based: Links = field(default_factory=dict)  # before a removal: BASED_ON edges of the measures it has some of

    def update(self, other: Touched) -> None:
        self.measures |= other.measures
        self.laws |= other.laws
        self.agencies |= other.agencies
        self.mentioned |= other.mentioned
        self.reports |= other.reports

    def pieces(self, run: Runner, edges: int, names: int) -> Iterator[Touched]:
        """These names in pieces whose refresh reads at most about `edges` edges and `names` names (a name with
        more edges than that is a piece alone).

        Why: refresh counts distinct reports and agencies per name, and the working memory of that count grows
        with the edges it reads. Names sorted alone put hubs side by side (at 50,000 reports one chunk of 2,000
        documents, the 中华人民共和国… titles, held 750,000 of 1.08 M CITES edges) and one such statement
        outgrew a 768 MB pool by itself."""
        for kind in ("measures", "laws", "agencies"):
            wanted = getattr(self, kind)
            if not wanted:
                continue
            degree = {name: count for name, count in run(_DEGREES[kind], {})}
            for piece in weighted_pieces(sorted(wanted, key=lambda n: (degree.get(n, 0), n)), degree, edges, names):
                yield _touching(kind, piece)


def weighted_pieces(names: list[str], weight: dict[str, int], budget: int, most: int) -> Iterator[list[str]]:
    """`names` in order, cut into pieces whose weights sum to at most `budget` (a heavier name is a piece alone)
    and that hold at most `most` names."""
    piece: list[str] = []
    load = 0
    for name in names:
        if piece and (load + weight.get(name, 0) > budget or len(piece) >= most):
            yield piece
            piece, load = [], 0
        piece.append(name)
        load += weight.get(name, 0)
    if piece:
        yield piece


def _touching(kind: str, names: list[str]) -> Touched:
    piece = Touched()
    getattr(piece, kind).update(names)
    return piece


_DEGREES = {  # the edges refresh reads per name (Touched.pieces)
    "measures": "MATCH ()-[e:IMPLEMENTS|MENTIONS]->(m:Measure) RETURN m.name, count(e)",
    "laws": "MATCH (:Report)-[e:CITES]->(l:Law) RETURN l.name, count(e)",
    "agencies": "MATCH (a:Agency)-[e:IMPLEMENTS]->(:Measure) RETURN a.name, count(e)",
}


def after_write(run: Runner, rows: GraphRows, before: Before, deferred: bool = False,
                sweep: Sweep | None = None, pairs: BulkPairs | None = None,
                chunk: int = CHUNK, merge: bool = False) -> Touched:
    """Bring the aggregates up to date with a write whose CITES and MENTIONS state was `before`.

    Returns what the write touched. `deferred` (a bulk load) leaves the two global steps to
    the caller, once at the end: refreshing those stats (hub measures and documents are
    touched by every batch) and marking the top co-citation pairs (a histogram over every
    pair, millions at 50k). `sweep` runs mark_top's updates (default: one statement each).
    With `pairs` the co-citation and co-mention deltas are added to it instead of the store (a bulk
    load writes them once, at its end: BulkPairs). `chunk` bounds the rows of one statement (a store
    that commits each statement apart, Neo4j, takes larger ones: a commit per 2,000 rows was most
    of its pair writing). `merge` adds the pair and LawInflow deltas by MERGE (see _apply_rows).
    """
    if not deferred:  # a bulk load recounts LawInflow once at its end (rebuild_inflow): ~1 s a batch less at 50k
        after_cited = _links_after(rows, LAW_PAIRS, before.cited)
        based_after = _based_on(run, before.based, chunk) if before.added is None else _based_on_added(rows, before)
        _apply_rows(run, _INFLOW.__getitem__, _inflow_rows(
            {**_report_links(before.cited), **before.based},
            {**_report_links(after_cited), **based_after}), chunk, merge)
    for table, linked in ((LAW_PAIRS, before.cited), (MEASURE_PAIRS, before.mentioned)):
        deltas = _new_pairs(rows, table, linked)
        if pairs is not None:
            pairs.add(table, deltas)
        else:
            _apply_pairs(run, table, deltas, top=not deferred, sweep=sweep, chunk=chunk, merge=merge)
    # nodes too: a batch may change a measure's kind, a document's category, an agency's level
    touched = Touched(
        measures={target for _, target, _ in _edge_keys(rows, "IMPLEMENTS")} | set(rows.nodes.get("Measure", {})),
        laws={target for _, target, _ in _edge_keys(rows, "CITES")} | set(rows.nodes.get("Law", {})),
        agencies=set(rows.nodes.get("Agency", {})) | _agency_ends(rows),
    )
    # per report, so not deferred: a bulk batch's reports are settled with it
    report_facts.refresh(run, report_facts.touched_reports(run, rows, before.levels, chunk), rows, chunk)
    if before.adopted is not None and not deferred:  # by deltas on every path: a recount reads every hub's edges
        _apply_rows(run, adoption.statement, adoption.after_write(run, before.adopted, chunk), chunk, merge)
        _apply_rows(run, adoption.statement, adoption.recount_moved(run, before.adopted, chunk), chunk, merge)
    if before.added is not None:  # new reports only: their documents are among the rows' CITES targets
        stat_deltas.add(run, rows, before.added, chunk)
        return touched
    issued = sorted({target for (kind, _, tl), edges in rows.edges.items() if kind == "ISSUED" and tl == "Report"
                     for _, target, _ in edges})
    for ids in chunks(issued, chunk):  # a report's issuer changes its documents' agency counts
        touched.laws.update(law for (law,) in run(_CITED_BY_ISSUED, {"ids": ids}))
    if not deferred:
        refresh(run, touched, chunk, adoption_rows=before.adopted is None)
    return touched


def _based_on_added(rows: GraphRows, before: Before) -> Links:
    """The measures' BASED_ON edges after a write of new reports only: those before and the rows' (all new)."""
    after = {measure: Counter(laws) for measure, laws in before.based.items()}
    for measure, law, _ in _based_on_edges(rows):
        after[measure][law] += 1
    return after


def _links_after(rows: GraphRows, table: PairTable, before: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each report's links after the write: `before` and the rows' edges of the table's type."""
    after = {report: set(names) for report, names in before.items()}
    for _, name, report in _pair_edges(rows, table):
        after.setdefault(report, set()).add(name)
    return after


def _new_pairs(rows: GraphRows, table: PairTable, before: dict[str, set[str]]) -> Counter[tuple[str, str]]:
    """The pairs the rows' edges add to each report's links (`before`: its links before the write)."""
    after = _links_after(rows, table, before)
    deltas: Counter[tuple[str, str]] = Counter()
    for report, names in after.items():
        deltas.update(set(combinations(sorted(names), 2)) - set(combinations(sorted(before.get(report, ())), 2)))
    return deltas


class PairCounts:
    """The co-citation deltas of a bulk load, summed in memory and written once when it ends.

    Why: applied batch by batch, each 1,000 bench reports looked up and updated ~150,000
    LawPair rows keyed by a 64-bit hash (4.6 M rows at 50,000 reports), so every batch
    cost the writer key lookups all over the table and every bulk checkpoint rewrote
    pages all over it and its primary-key index, as the Sentence table's hashed keys did
    (docs/BENCHMARKS.md). Here a pair is two int32 document numbers packed in an int64,
    counts summed with numpy: ~16 bytes a pair, compacted as deltas come in.
    """

    COMPACT_AT = 2_000_000  # uncompacted deltas kept before summing them (~32 MB)

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        self.names: list[str] = []
        self._codes: list[np.ndarray] = []
        self._counts: list[np.ndarray] = []
        self._uncompacted = 0

    def _numbered(self, name: str) -> int:
        number = self._number.get(name)
        if number is None:
            number = self._number[name] = len(self.names)
            self.names.append(name)
        return number

    def add(self, deltas: Counter[tuple[str, str]]) -> None:
        if not deltas:
            return
        number = self._numbered
        self._codes.append(np.fromiter(((number(a) << 32) | number(b) for a, b in deltas), np.int64, len(deltas)))
        self._counts.append(np.fromiter(deltas.values(), np.int64, len(deltas)))
        self._uncompacted += len(deltas)
        if self._uncompacted >= self.COMPACT_AT:
            self._compact()

    def _compact(self) -> None:
        """Sum the counts of equal pairs and drop the pairs that sum to zero. The parts and the unsorted arrays
        go as soon as their sorted copies exist: at the end of a 50,000-report load this sorts ~6 M pairs,
        ~50 MB an array, and holding every intermediate at once was ~7 arrays at the writer's fullest."""
        codes = np.concatenate(self._codes)
        self._codes = []
        order = np.argsort(codes, kind="stable")
        codes = codes[order]
        counts = np.concatenate(self._counts)[order]
        self._counts = []
        del order
        starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1]))) if len(codes) else codes
        codes, counts = codes[starts], np.add.reduceat(counts, starts) if len(starts) else counts
        kept = counts != 0
        self._codes, self._counts, self._uncompacted = [codes[kept]], [counts[kept]], 0

    def totals(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(first document numbers, second document numbers, summed counts) of every pair with a non-zero
        sum, in code order; `names` maps a number to its document."""
        if not self._codes:
            empty = np.zeros(0, np.int64)
            return empty, empty, empty
        self._compact()
        codes, counts = self._codes[0], self._counts[0]
        return codes >> 32, codes & 0xFFFFFFFF, counts

    def deltas(self) -> Counter[tuple[str, str]]:
        """The summed counts by pair of names (to add to a store that already holds pairs)."""
        first, second, counts = self.totals()
        names = self.names
        return Counter({(names[a], names[b]): int(n) for a, b, n in zip(first.tolist(), second.tolist(),
                                                                          counts.tolist(), strict=True)})


@dataclass
class BulkPairs:
    """The pair tables' deltas of a bulk load, summed in memory and written once when it ends.

    Co-citations go to PairCounts (millions of pairs). Co-mentions are a few tens of thousands of
    pairs of ~200 measures, so a Counter holds them; applied batch by batch they were a quarter
    of a bulk batch's write (every batch looked up and SET most of the MeasurePair table: 51 of
    205 s inside write() for 2,000 bench reports in batches of 1,000, under load; docs/BENCHMARKS.md,
    "The bulk writer's memory, session 10").
    """

    laws: PairCounts = field(default_factory=PairCounts)
    measures: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, table: PairTable, deltas: Counter[tuple[str, str]]) -> None:
        if table is LAW_PAIRS:
            self.laws.add(deltas)
        else:
            self.measures.update(deltas)


def apply_measure_pairs(run: Runner, deltas: Counter[tuple[str, str]], chunk: int = CHUNK) -> None:
    """Add summed co-mention deltas to the store's MeasurePair rows (the end of a bulk load)."""
    _apply_pairs(run, MEASURE_PAIRS, deltas, chunk=chunk)


def apply_pair_deltas(run: Runner, deltas: Counter[tuple[str, str]]) -> None:
    """Add summed co-citation deltas to the store's pairs (the top flags are the caller's: mark_top)."""
    _apply_pairs(run, LAW_PAIRS, deltas, top=False)


def _agency_ends(rows: GraphRows) -> set[str]:
    """Agencies at either end of the rows' edges (an edge may name a node the batch does not carry)."""
    ends: set[str] = set()
    for (_, source_label, target_label), edges in rows.edges.items():
        for source, target, _ in edges:
            ends.update(name for label, name in ((source_label, source), (target_label, target))
                        if label == "Agency")
    return ends


def before_remove(run: Runner, report_id: str) -> Touched:
    """What removing the report touches, read before deleting: the documents it cites, the measures
    its issuers implement in it, every agency one of its edges touches."""
    params = {"rid": report_id}
    adoptions = adoption.before_remove(run, report_id)
    return Touched(
        measures={measure for _, measure, _, _ in adoptions},
        laws=_linked(run, LAW_PAIRS, [report_id])[report_id],
        mentioned=_linked(run, MEASURE_PAIRS, [report_id])[report_id],
        agencies={name for (name,) in run(_AGENCIES_OF_REPORT, params)},
        based=_based_on(run, {name for (name,) in run(_BASED_ON_OF_REPORT, params)}),
        reports={report_id},
        adoptions=adoptions,
    )


def after_remove(run: Runner, touched: Touched) -> None:
    """Take a removed report's counts away; run after the orphan sweep, so a swept agency loses its row."""
    for table, names in ((LAW_PAIRS, touched.laws), (MEASURE_PAIRS, touched.mentioned)):
        _apply_pairs(run, table, Counter({pair: -1 for pair in combinations(sorted(names), 2)}))
    # touched.laws are the removed report's documents: its share leaves them; its measures' shares change
    _apply_rows(run, _INFLOW.__getitem__, _inflow_rows({"": Counter(touched.laws), **touched.based},
                                                       _based_on(run, touched.based)))
    report_facts.drop(run, touched.reports, CHUNK)
    _apply_rows(run, adoption.statement, adoption.after_remove(run, touched.adoptions, CHUNK))
    refresh(run, touched, adoption_rows=False)


def _apply_pairs(run: Runner, table: PairTable, deltas: Counter[tuple[str, str]], top: bool = True,
                 sweep: Sweep | None = None, chunk: int = CHUNK, merge: bool = False) -> None:
    """Add the deltas: SET on stored pairs, CREATE for new ones, drop pairs that reach zero.

    Not MERGE: on a 4.6 M-pair table LadybugDB's MERGE took 18 s per 10,000 rows, a key
    lookup plus SET/CREATE 0.9 s for 39,000.
    """
    rows: list[dict[str, Any]] = [{"key": pair_key(a, b), "a": a, "b": b, "d": d}
                                  for (a, b), d in sorted(deltas.items()) if d]
    if rows and top and table is LAW_PAIRS and merge and all(row["d"] > 0 for row in rows):
        _raise_pairs(run, rows, sweep, chunk)  # Neo4j, whose LawPair.top is indexed
        return
    _apply_rows(run, table.statement, rows, chunk, merge)
    if rows and top and table is LAW_PAIRS:
        mark_top(run, sweep)


def _raise_pairs(run: Runner, rows: list[dict[str, Any]], sweep: Sweep | None, chunk: int) -> None:
    """Add positive co-citation deltas by MERGE on flags that were current before, and keep the flags from the
    pairs they raise instead of a histogram and a sweep over every pair (4.6 M at 50,000 reports, 8 of 107 s of
    a 500-report write). A pair outside the top stays below its floor unless the deltas raise it, and additions
    only raise the floor: so the new floor is found among the flagged pairs and the unflagged ones the MERGEs
    lift to the old floor or above (they return those), and only these may flip."""
    (old,) = run("MATCH (p:LawPair) WHERE p.top = true RETURN min(p.reports)", {})[0]
    lifted: list[list[Any]] = []
    for some in chunks(rows, chunk):
        lifted += run(LAW_PAIRS.statement("merge") + " WITH p WHERE p.top = false AND p.reports >= $floor "
                      "RETURN p.key, p.reports", {"rows": some, "floor": old or 0})
    mark_top(run, sweep, lifted, chunk)


def _apply_rows(run: Runner, statement: Callable[[str], str], rows: list[dict[str, Any]], chunk: int = CHUNK,
                merge: bool = False) -> None:
    """Add delta rows (`key`, `d`, ...) to a keyed table: SET on stored keys, CREATE for new ones, then drop
    the rows a negative delta may have brought to zero (`statement` gives keys/add/create/merge/drop).

    With `merge` (Neo4j) one MERGE per chunk instead of a key lookup and a SET and a CREATE: a MERGE on a
    uniquely constrained key is one index seek there, and the lookup's keys no longer travel to Python
    and back (at 2,000 reports the three steps took 50 of 176 s of write()).
    """
    if merge:
        for some in chunks(rows, chunk):
            run(statement("merge"), {"rows": some})
    else:
        stored: set[Any] = set()
        for keys in chunks([row["key"] for row in rows], chunk):
            stored.update(key for (key,) in run(statement("keys"), {"keys": keys}))
        for kind, part in (("add", [r for r in rows if r["key"] in stored]),
                           ("create", [r for r in rows if r["key"] not in stored])):
            for some in chunks(part, chunk):
                run(statement(kind), {"rows": some})
    for keys in chunks([row["key"] for row in rows if row["d"] < 0], chunk):
        run(statement("drop"), {"keys": keys})


def mark_top(run: Runner, sweep: Sweep | None = None, lifted: list[list[Any]] | None = None,
             chunk: int = CHUNK) -> None:
    """Flag the pairs whose count reaches the TOP_PAIRS-th largest (a histogram, then one scan for the flips).

    The flips go through `sweep`: while the floor is 1 (the first batches) every pair flips, up
    to ~150,000 for a batch of 1,000 reports, too many changes for one Neo4j transaction.

    `lifted` (_raise_pairs): (key, count) of the only unflagged pairs that may now reach the top. The histogram
    then covers the flagged pairs (by their index) and these, and only they flip.
    """
    if lifted is None:
        histogram = run("MATCH (p:LawPair) RETURN p.reports, count(*)", {})
    else:
        histogram = run("MATCH (p:LawPair) WHERE p.top = true RETURN p.reports, count(*)", {})
        histogram += [[count, 1] for _, count in lifted]
    floor = _floor(histogram)
    if floor is None:
        return
    sweep = sweep or one_statement(run)
    if lifted is None:  # one scan for both directions of flip (two sweeps read every pair twice)
        sweep("MATCH (p:LawPair) WHERE p.top <> (p.reports >= $floor)", "p", "SET p.top = p.reports >= $floor",
              {"floor": floor})
        return
    sweep("MATCH (p:LawPair) WHERE p.top = true AND p.reports < $floor", "p", "SET p.top = false", {"floor": floor})
    for keys in chunks([key for key, count in lifted if count >= floor], chunk):
        run("UNWIND $keys AS k MATCH (p:LawPair {key: k}) SET p.top = true", {"keys": keys})


def _floor(histogram: list[list[Any]]) -> int | None:
    """The TOP_PAIRS-th largest count (the smallest when there are fewer pairs) of (count, pairs) rows, which may
    name a count more than once."""
    pairs: Counter[int] = Counter()
    for count, number in histogram:
        pairs[count] += number
    floor, seen = None, 0
    for count in sorted(pairs, reverse=True):
        floor, seen = count, seen + pairs[count]
        if seen >= TOP_PAIRS:
            break
    return floor


def refresh(run: Runner, touched: Touched, chunk: int = CHUNK, adoption_rows: bool = True) -> None:
    """Recompute the stats rows of these measures, documents and agencies from their edges, and with
    `adoption_rows` the measures' adoption rows (by the differences from their stored ones: a bulk load's end,
    a rebuild; a write or removal changes them by deltas, since the recount of the hub measures that every
    batch touches took ~25 s at 50,000 reports)."""
    for drop, make, names in ((_DROP_MEASURES, _MEASURES, touched.measures), (_DROP_LAWS, _LAWS, touched.laws),
                              (_DROP_AGENCIES, _AGENCIES, touched.agencies)):
        for some in chunks(sorted(set(names)), chunk):
            run(drop, {"names": some})
            run(make, {"names": some})
    if adoption_rows:
        _apply_rows(run, adoption.statement, adoption.recount(run, touched.measures, chunk), chunk)


def rebuild(run: Runner, sweep: Sweep | None = None, budget: int | None = None,
            labels: Iterable[str] | None = None,
            chunk: int = CHUNK) -> dict[str, int]:
    """Drop and recompute the aggregates (a store from before this layer, or a repair): every
    table, or only `labels` (a store that lacks one table need not recount 4 M co-citation pairs).

    Without `budget` the stats are refreshed `chunk` names a statement and the co-citation pairs come from
    one global query, written by one _apply_pairs (LadybugDB, one transaction). With it (Neo4j, whose
    transactions share a fixed memory) no statement reads more than about `budget` edges (a hub alone reads
    its own): the stats are refreshed piece by piece (Touched.pieces) and the pairs counted for as many first
    names as fit and written chunk by chunk; `sweep` deletes the old rows and flags the top pairs.
    """
    sweep = sweep or one_statement(run)
    wanted = set(DERIVED_NODES if labels is None else labels)
    for label in DERIVED_NODES:
        if label in wanted:
            sweep(f"MATCH (s:{label})", "s", "DELETE s", {})
    measures, laws, agencies = ({name for (name,) in run(f"MATCH (n:{label}) RETURN n.name", {})}
                                for label in ("Measure", "Law", "Agency"))
    # refresh recounts a measure's MeasureStat row and its adoption rows together
    stale = Touched(measures=measures if wanted & {"MeasureStat", adoption.LABEL} else set(),
                    laws=laws if "LawStat" in wanted else set(),
                    agencies=agencies if "AgencyStat" in wanted else set())
    for piece in [stale] if budget is None else stale.pieces(run, budget, chunk):
        refresh(run, piece, chunk)
    if "LawInflow" in wanted:
        _write_inflow(run, chunk)
    if report_facts.LABEL in wanted:
        report_facts.rebuild_rows(run, chunk)
    if "MeasurePair" in wanted:  # a few thousand pairs of ~200 measures
        mentioned: Counter[tuple[str, str]] = Counter()
        for part in _pairs_of(run, MEASURE_PAIRS, sorted(measures), budget):
            mentioned.update(part)
        _apply_pairs(run, MEASURE_PAIRS, mentioned, chunk=chunk)
    pair_count = 0
    if "LawPair" in wanted:  # millions at 50k: written query by query, never held
        for part in _pairs_of(run, LAW_PAIRS, sorted(laws), budget):
            _apply_pairs(run, LAW_PAIRS, part, top=False, chunk=chunk)
            pair_count += len(part)
        if pair_count:
            mark_top(run, sweep)
    return {"measures": len(measures), "laws": len(laws), "agencies": len(agencies), "pairs": pair_count}


def _pairs_of(run: Runner, table: PairTable, names: list[str], budget: int | None) -> Iterator[Counter[tuple[str, str]]]:
    """Co-occurrence counts from the edges, disjoint parts: one global query, or (with `budget`) the pairs of as
    many first names as read about `budget` rows a query (a hub alone reads its own)."""
    if budget is None:
        yield Counter({(a, b): n for a, b, n in run(table.statement("all"), {})})
        return
    reads = {name: rows for name, rows in run(table.statement("reads"), {})}
    for piece in weighted_pieces(names, reads, budget, CHUNK):
        yield Counter({(a, b): n for a, b, n in run(table.statement("of"), {"names": piece})})


def rebuild_inflow(run: Runner, sweep: Sweep | None = None, chunk: int = CHUNK) -> None:
    """Recount LawInflow from every edge (the end of a bulk load: 7 s at 50,000 reports, against ~1 s of
    BASED_ON reads and key updates per batch for the deltas)."""
    (sweep or one_statement(run))("MATCH (s:LawInflow)", "s", "DELETE s", {})
    _write_inflow(run, chunk)


def _write_inflow(run: Runner, chunk: int) -> None:
    """LawInflow rows summed per source in the store (1.1 M CITES edges at 50k stay there)."""
    totals: dict[str, list[Any]] = {}
    for law, inflow, sources in run(_ALL_INFLOW, {}):
        entry = totals.setdefault(law, [0.0, 0])
        entry[0] += inflow
        entry[1] += sources
    _apply_rows(run, _INFLOW.__getitem__, [{"key": law, "f": f, "d": d} for law, (f, d) in sorted(totals.items())],
                chunk)


def check(run: Runner, top: int = 5) -> list[str]:
    """Compare the stored MeasureStat/LawStat rows of the `top` measures and documents by reports (the
    hubs nearly every batch touches) with the same rows computed from their edges now; returns the
    differences, empty when the aggregates are current. A cheap probe after an incremental ingest (one
    anchored aggregation per name), not a proof: `rebuild` is the full recomputation. MeasureAdoption is not
    probed: recounting the hub measures' groups too ran the writer of a 50,000-report incremental ingest out of
    buffer pool (docs/BENCHMARKS.md, session 15); tests/test_derived.py recounts it."""
    problems = []
    for label, key, from_edges in (("MeasureStat", "measure", _MEASURES_FROM_EDGES),
                                   ("LawStat", "law", _LAWS_FROM_EDGES)):
        names = [name for (name,) in run(_TOP_STATS.format(label=label, key=key), {"k": top})]
        stored = run(_STORED_STATS.format(label=label, key=key), {"names": names})
        computed = run(from_edges + _STAT_COLUMNS, {"names": names})
        if stored != computed:
            problems.append(f"{label}: stored {stored} != from edges {computed}")
    return problems
