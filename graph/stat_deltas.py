"""The stats rows (MeasureStat, LawStat, AgencyStat) brought up to date by adding a write's counts, when
every edge the write carries belongs to a report new to the store (an ordinary `fazhi ingest`).

Why: graph/derived.refresh recomputes a touched row from all of its edges, and nearly every batch touches
the hub measures and documents, so each batch re-read most IMPLEMENTS and CITES edges of the store: a cost
that grows with the store, quadratic over an ingest (docs/BENCHMARKS.md, session 11). New reports can only
add: a report count grows by the batch's reports, a year range widens, and a distinct count (the agencies
of a measure, the measures of an agency, the issuers citing a document) grows by the pairs that were not
joined before the write, which `existing` reads, anchored on both ends, before the write.

A write with any edge of a stored report (a re-ingest, a repair after a failed write) takes the full
recomputation instead: there an edge may replace an old one, and counts cannot simply be added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fazhi.graph.store import GraphRows

Runner = Any  # derived.Runner (not imported: derived imports this module)

IMPLEMENTS = ("IMPLEMENTS", "Agency", "Measure")
CITES = ("CITES", "Report", "Law")
ISSUED = ("ISSUED", "Agency", "Report")
MENTIONS_AGENCY = ("MENTIONS", "Report", "Agency")

# EXISTS, not a MATCH: a MATCH between a hub agency and a measure yields an edge per report (hundreds at 50,000
# reports) where one answers; the MATCHes took 27 of 107 s of a 500-report write (docs/BENCHMARKS.md, session 12).
_JOINED = ("UNWIND $pairs AS p MATCH (a:Agency {name: p[0]}) MATCH (m:Measure {name: p[1]}) "
           "WHERE EXISTS { MATCH (a)-[:IMPLEMENTS]->(m) } RETURN p[0], p[1]")
_ISSUED_CITING = ("UNWIND $pairs AS p MATCH (a:Agency {name: p[0]}) MATCH (l:Law {name: p[1]}) "
                  "WHERE EXISTS { MATCH (a)-[:ISSUED]->(:Report)-[:CITES]->(l) } RETURN p[0], p[1]")


def _widen(prop: str) -> str:
    """SET items that widen s.first_<prop>/s.last_<prop> by row.first/row.last (a null bound leaves them)."""
    return (f"s.first_{prop} = CASE WHEN s.first_{prop} IS NULL OR row.first < s.first_{prop} THEN row.first "
            f"ELSE s.first_{prop} END, "
            f"s.last_{prop} = CASE WHEN s.last_{prop} IS NULL OR row.last > s.last_{prop} THEN row.last "
            f"ELSE s.last_{prop} END")


# Each: add the row's counts to the stats row (made at zero when missing), and copy the node's own
# properties as derived.refresh does. The *_NODES statements only copy those, onto rows that exist:
# a node the write changed without giving it an edge of the counted kind.
_ADD = {
    "MeasureStat": "UNWIND $rows AS row MATCH (m:Measure {name: row.name}) "
                   "MERGE (s:MeasureStat {measure: row.name}) ON CREATE SET s.agencies = 0, s.reports = 0 "
                   "SET s.kind = m.kind, s.agencies = s.agencies + row.agencies, s.reports = s.reports + row.reports, "
                   + _widen("year"),
    "LawStat": "UNWIND $rows AS row MATCH (l:Law {name: row.name}) "
               "MERGE (s:LawStat {law: row.name}) ON CREATE SET s.reports = 0, s.agencies = 0 "
               "SET s.category = l.category, s.issuer = l.issuer, s.reports = s.reports + row.reports, "
               "s.agencies = s.agencies + row.agencies, " + _widen("year"),
    "AgencyStat": "UNWIND $rows AS row MATCH (a:Agency {name: row.name}) "
                  "MERGE (s:AgencyStat {agency: row.name}) "
                  "ON CREATE SET s.facts = 0, s.mentions = 0, s.measures = 0, s.implemented = 0 "
                  "SET s.level = a.level, s.region = a.region, s.facts = s.facts + row.facts, "
                  "s.mentions = s.mentions + row.mentions, s.measures = s.measures + row.measures, "
                  "s.implemented = s.implemented + row.implemented",
}
_NODES = {
    "MeasureStat": "UNWIND $names AS n MATCH (s:MeasureStat {measure: n}) MATCH (m:Measure {name: n}) SET s.kind = m.kind",
    "LawStat": "UNWIND $names AS n MATCH (s:LawStat {law: n}) MATCH (l:Law {name: n}) "
               "SET s.category = l.category, s.issuer = l.issuer",
}


@dataclass(frozen=True)
class Existing:
    """What the store joined before the write, for the pairs the write's edges join."""

    implemented: frozenset[tuple[str, str]]  # (agency, measure) already linked by IMPLEMENTS
    issued_citing: frozenset[tuple[str, str]]  # (agency, document): the agency issued a stored report citing it


def only_new(rows: GraphRows, new_reports: set[str]) -> bool:
    """Whether every edge of `rows` belongs to a report in `new_reports`, and every Report it touches is one."""
    for (_, source_label, target_label), edges in rows.edges.items():
        for source, target, report in edges:
            if report not in new_reports or (source_label == "Report" and source not in new_reports) \
                    or (target_label == "Report" and target not in new_reports):
                return False
    return True


def _issuers(rows: GraphRows) -> dict[str, set[str]]:
    issuers: dict[str, set[str]] = {}
    for agency, report, _ in rows.edges.get(ISSUED, {}):
        issuers.setdefault(report, set()).add(agency)
    return issuers


def _issued_citing(rows: GraphRows) -> set[tuple[str, str]]:
    """(issuer, document) for every document a report of the rows cites and every issuer of that report."""
    issuers = _issuers(rows)
    return {(agency, law) for report, law, _ in rows.edges.get(CITES, {}) for agency in issuers.get(report, ())}


def existing(run: Runner, rows: GraphRows, chunk: int) -> Existing:
    """Read, before the write, which of the rows' (agency, measure) and (issuer, document) pairs are joined."""
    def joined(cypher: str, pairs: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
        wanted = sorted(pairs)
        found: set[tuple[str, str]] = set()
        for i in range(0, len(wanted), chunk):
            found.update((a, b) for a, b in run(cypher, {"pairs": [list(p) for p in wanted[i : i + chunk]]}))
        return frozenset(found)

    return Existing(joined(_JOINED, {(a, m) for a, m, _ in rows.edges.get(IMPLEMENTS, {})}),
                    joined(_ISSUED_CITING, _issued_citing(rows)))


def _span(years: list[Any]) -> dict[str, Any]:
    known = [y for y in years if y is not None]
    return {"first": min(known) if known else None, "last": max(known) if known else None}


def _measure_rows(rows: GraphRows, before: Existing) -> list[dict[str, Any]]:
    found: dict[str, tuple[set[str], set[str], list[Any]]] = {}
    for (agency, measure, report), props in rows.edges.get(IMPLEMENTS, {}).items():
        reports, agencies, years = found.setdefault(measure, (set(), set(), []))
        reports.add(report)
        if (agency, measure) not in before.implemented:
            agencies.add(agency)
        years.append(props.get("year"))
    return [{"name": m, "reports": len(r), "agencies": len(a), **_span(y)} for m, (r, a, y) in sorted(found.items())]


def _law_rows(rows: GraphRows, before: Existing) -> list[dict[str, Any]]:
    issuers, reports_ = _issuers(rows), rows.nodes.get("Report", {})
    found: dict[str, tuple[set[str], set[str]]] = {}
    for report, law, _ in rows.edges.get(CITES, {}):
        citing, agencies = found.setdefault(law, (set(), set()))
        citing.add(report)
        agencies.update(a for a in issuers.get(report, ()) if (a, law) not in before.issued_citing)
    return [{"name": law, "reports": len(r), "agencies": len(a), **_span([reports_[x].get("year") for x in r])}
            for law, (r, a) in sorted(found.items())]


def _agency_rows(rows: GraphRows, before: Existing) -> list[dict[str, Any]]:
    """Every agency of the rows, as a node or at an edge's end (derived.refresh gives each a row)."""
    counts: dict[str, dict[str, Any]] = {}

    def row(name: str) -> dict[str, Any]:
        return counts.setdefault(name, {"facts": 0, "mentions": 0, "measures": set(), "implemented": set()})

    for name in rows.nodes.get("Agency", {}):
        row(name)
    for (_, source_label, target_label), edges in rows.edges.items():
        for source, target, _ in edges:
            for label, name in ((source_label, source), (target_label, target)):
                if label == "Agency":
                    row(name)
    for agency, measure, report in rows.edges.get(IMPLEMENTS, {}):
        entry = row(agency)
        entry["facts"] += 1
        entry["implemented"].add(report)
        if (agency, measure) not in before.implemented:
            entry["measures"].add(measure)
    for _, agency, _ in rows.edges.get(MENTIONS_AGENCY, {}):
        row(agency)["mentions"] += 1
    return [{"name": name, "facts": c["facts"], "mentions": c["mentions"], "measures": len(c["measures"]),
             "implemented": len(c["implemented"])} for name, c in sorted(counts.items())]


def add(run: Runner, rows: GraphRows, before: Existing, chunk: int) -> None:
    """Add the rows' counts to the stats rows (the write has happened; `before` was read before it)."""
    counted = {"MeasureStat": _measure_rows(rows, before), "LawStat": _law_rows(rows, before),
               "AgencyStat": _agency_rows(rows, before)}
    for label, stat_rows in counted.items():
        for i in range(0, len(stat_rows), chunk):
            run(_ADD[label], {"rows": stat_rows[i : i + chunk]})
    for label, node_label in (("MeasureStat", "Measure"), ("LawStat", "Law")):
        names = sorted(set(rows.nodes.get(node_label, {})) - {row["name"] for row in counted[label]})
        for i in range(0, len(names), chunk):
            run(_NODES[label], {"names": names[i : i + chunk]})
