"""MeasureAdoption: per measure, region and year, how many agencies implement the measure.

Why: the 措施 page's diffusion heat map (adoption_all) counted distinct (region, year, agency) rows over the
measure's IMPLEMENTS edges at every render: 74,808 edges for the busiest measure at 50,000 reports, ~0.4 s
of the page's script on a loaded machine (docs/BENCHMARKS.md, session 14). These rows are those counts.

A row is (key, measure, region, year, agencies); region is the agency's own, else its report's (as
filtered_adoption groups them), year the edge's; key is a 64-bit hash of the three (a null kept apart from
any value). Kept current the two ways the stats rows are (graph/derived.py, graph/stat_deltas.py):

- recount (derived.refresh, for the measures a write or removal touched): the groups counted from the edges,
  compared with the stored rows, and only the differences written, as deltas (most groups of a hub measure
  do not change in a batch, so most rows are not rewritten);
- added (a write whose edges all belong to new reports, Neo4j's default path): +1 to a group for each
  (agency, measure, year, region) of the write's edges that the store did not hold before, read before the
  write by `present`, anchored on the agency and the measure.

The deltas go through derived._apply_rows with `statement` (the same steps as LawInflow and the pair tables).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from fazhi.graph.store import GraphRows, chunks, key64

Runner = Callable[[str, dict[str, Any]], list[list[Any]]]
Group = tuple[str, Any, Any]  # (measure, region, year)
Adopted = tuple[str, str, Any, Any]  # (agency, measure, year, region)

LABEL = "MeasureAdoption"
COLUMNS: dict[str, str] = {"key": "INT64", "measure": "STRING", "region": "STRING", "year": "INT64",
                           "agencies": "INT64"}
IMPLEMENTS = ("IMPLEMENTS", "Agency", "Measure")  # edge key (agency, measure, report)
NO_YEAR = -1  # a null year or region in `present`'s comparisons (equality never holds for null)
NO_REGION = ""

_STATEMENTS = {
    "keys": f"UNWIND $keys AS k MATCH (s:{LABEL} {{key: k}}) RETURN s.key",
    "add": f"UNWIND $rows AS row MATCH (s:{LABEL} {{key: row.key}}) SET s.agencies = s.agencies + row.d",
    "create": f"UNWIND $rows AS row CREATE (:{LABEL} {{key: row.key, measure: row.measure, region: row.region, "
              "year: row.year, agencies: row.d})",
    "merge": f"UNWIND $rows AS row MERGE (s:{LABEL} {{key: row.key}}) ON CREATE SET s.measure = row.measure, "
             "s.region = row.region, s.year = row.year, s.agencies = row.d ON MATCH SET s.agencies = s.agencies + row.d",
    "drop": f"UNWIND $keys AS k MATCH (s:{LABEL} {{key: k}}) WHERE s.agencies <= 0 DELETE s",
}
# Distinct (region, year, agency) rows, then counted; an edge's report is looked up only for an agency without a
# region of its own (CASE gives the lookup a null key otherwise), as in queries/adoption_all.cypher before it read
# these rows.
FROM_EDGES = (
    "UNWIND $names AS n MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: n}) "
    "WITH m, a, e, CASE WHEN a.region IS NULL THEN e.report_id END AS rid "
    "OPTIONAL MATCH (r:Report {id: rid}) "
    "WITH DISTINCT m.name AS measure, coalesce(a.region, r.region) AS region, e.year AS year, a "
    "RETURN measure, region, year, count(*)"
)
STORED = (f"MATCH (s:{LABEL}) WHERE s.measure IN $names "
          "RETURN s.measure, s.region, s.year, s.agencies")
# Two statements (LadybugDB found nothing through an EXISTS nested in another): an agency with a region of its own
# by EXISTS, not a MATCH, as in stat_deltas (a hub agency and a measure share an edge per report); one without,
# whose region is each edge's report's, by its edges to the measure (0.1% of the edges at 50,000 reports).
_PRESENT = (
    "UNWIND $keys AS k MATCH (a:Agency {name: k.agency}) MATCH (m:Measure {name: k.measure}) "
    "WHERE a.region = k.region AND EXISTS { MATCH (a)-[e:IMPLEMENTS]->(m) WHERE coalesce(e.year, $no_year) = k.year } "
    "RETURN k.agency, k.measure, k.year, k.region",
    "UNWIND $keys AS k MATCH (a:Agency {name: k.agency})-[e:IMPLEMENTS]->(m:Measure {name: k.measure}) "
    "WHERE a.region IS NULL AND coalesce(e.year, $no_year) = k.year WITH k, e "
    "MATCH (r:Report {id: e.report_id}) WHERE coalesce(r.region, $no_region) = k.region "
    "RETURN DISTINCT k.agency, k.measure, k.year, k.region",
)
_AGENCY_REGIONS = "UNWIND $names AS n MATCH (a:Agency {name: n}) RETURN a.name, a.region"
_REPORT_REGIONS = "UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id, r.region"
_STORED_REPORTS = "UNWIND $ids AS id MATCH (r:Report {id: id}) RETURN r.id"
_ADOPTION_OF_EDGE = ("MATCH (r:Report {id: e.report_id}) "
                     "RETURN a.name, m.name, e.year, coalesce(a.region, r.region)")
_STORED_EDGES = ("UNWIND $keys AS k MATCH (a:Agency {name: k.agency})-[e:IMPLEMENTS]->(m:Measure {name: k.measure}) "
                 "WHERE e.report_id = k.report " + _ADOPTION_OF_EDGE)
_OF_REPORT = "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) WHERE e.report_id = $rid " + _ADOPTION_OF_EDGE
_MEASURES_OF = "UNWIND $names AS n MATCH (:Agency {name: n})-[:IMPLEMENTS]->(m:Measure) RETURN DISTINCT m.name"


def statement(kind: str) -> str:
    """The key lookup, delta, insert, merge and cleanup statements (derived._apply_rows)."""
    return _STATEMENTS[kind]


def key(measure: str, region: Any, year: Any) -> int:
    """The row's key: a null region or year kept apart from every value (a region "" or a year "" included)."""
    return key64(measure, "\x00" if region is None else f"={region}", "" if year is None else str(year))


def _row(group: Group, d: int) -> dict[str, Any]:
    measure, region, year = group
    return {"key": key(measure, region, year), "measure": measure, "region": region, "year": year, "d": d}


def _rows_of(run: Runner, cypher: str, param: str, values: list[Any], chunk: int,
             **params: Any) -> Iterator[list[Any]]:
    """The rows of `cypher` run on `values` as the list `param`, `chunk` values a statement."""
    for some in chunks(values, chunk):
        yield from run(cypher, {param: some, **params})


def counted(run: Runner, measures: Iterable[str], chunk: int) -> dict[Group, int]:
    """The groups of these measures counted from their edges now."""
    return {(measure, region, year): n
            for measure, region, year, n in _rows_of(run, FROM_EDGES, "names", sorted(set(measures)), chunk)}


def stored(run: Runner, measures: Iterable[str], chunk: int) -> dict[Group, int]:
    """The stored groups of these measures."""
    return {(measure, region, year): n
            for measure, region, year, n in _rows_of(run, STORED, "names", sorted(set(measures)), chunk)}


def recount(run: Runner, measures: Iterable[str], chunk: int) -> list[dict[str, Any]]:
    """The delta rows that bring these measures' stored groups to a count from their edges."""
    names = sorted(set(measures))
    if not names:
        return []
    deltas: Counter[Group] = Counter(counted(run, names, chunk))
    deltas.subtract(stored(run, names, chunk))
    return [_row(group, d) for group, d in sorted(deltas.items(), key=_order) if d]


def _order(item: tuple[Group, int]) -> tuple[str, str, int]:
    (measure, region, year), _ = item
    return measure, "" if region is None else region, NO_YEAR if year is None else year


def _regions(run: Runner, rows: GraphRows, chunk: int) -> tuple[dict[tuple[str, str], Any], set[str]]:
    """Each IMPLEMENTS edge's (agency, report) -> the agency's region, else its report's: from the rows' nodes,
    and from the store for an end the rows do not carry; and the agencies whose stored region the rows change
    (with or without an edge of theirs in the rows: the issuer of a report that implements nothing moves the
    groups of every measure it implements elsewhere)."""
    edges = list(rows.edges.get(IMPLEMENTS, {}))
    carried = {name: props.get("region") for name, props in rows.nodes.get("Agency", {}).items()}
    stored_regions = dict(_rows_of(run, _AGENCY_REGIONS, "names", sorted({a for a, _, _ in edges} | set(carried)),
                                   chunk))
    agencies = {**stored_regions, **carried}
    reports = {rid: props.get("region") for rid, props in rows.nodes.get("Report", {}).items()}
    wanted = sorted({report for _, _, report in edges} - set(reports))
    reports.update(dict(_rows_of(run, _REPORT_REGIONS, "ids", wanted, chunk)))
    moved = {a for a, region in carried.items() if a in stored_regions and stored_regions[a] != region}
    return ({(agency, report): reports.get(report) if agencies.get(agency) is None else agencies[agency]
             for agency, _, report in edges}, moved)


@dataclass(frozen=True)
class Before:
    """What a write changes, read before it: the adoptions its IMPLEMENTS edges make, those of them the store
    already held, those the stored edges it rewrites made (which may go), and the agencies whose region it
    changes (their measures are recounted)."""

    written: frozenset[Adopted]
    held: frozenset[Adopted]
    rewritten: frozenset[Adopted]
    moved: frozenset[str]


def before_write(run: Runner, rows: GraphRows, chunk: int) -> Before:
    """Read before the write: after_write's deltas need the store as it was (which adoptions it held already)."""
    regions, moved = _regions(run, rows, chunk)
    edges = rows.edges.get(IMPLEMENTS, {})
    written = frozenset((agency, measure, props.get("year"), regions[(agency, report)])
                        for (agency, measure, report), props in edges.items())
    stored_reports = {rid for (rid,) in _rows_of(run, _STORED_REPORTS, "ids", sorted({r for _, _, r in edges}), chunk)}
    keys = [{"agency": a, "measure": m, "report": r} for a, m, r in sorted(edges) if r in stored_reports]
    rewritten = frozenset((a, m, y, g) for a, m, y, g in _rows_of(run, _STORED_EDGES, "keys", keys, chunk))
    return Before(written, present(run, written, chunk), rewritten, frozenset(moved))


def after_write(run: Runner, before: Before, chunk: int) -> list[dict[str, Any]]:
    """The delta rows of a write (run after it): one agency more for each adoption not held before, one less
    for each adoption of a rewritten edge that no edge makes now; then the measures of agencies whose region
    moved recounted from their edges (graph/derived.py applies the first deltas before this recount)."""
    lost = before.rewritten - before.written
    return _deltas(before.written - before.held, lost - present(run, lost, chunk))


def recount_moved(run: Runner, before: Before, chunk: int) -> list[dict[str, Any]]:
    """The recount of the measures implemented by agencies whose region the write changed (rare: a region is
    part of an agency's name)."""
    measures = [m for (m,) in _rows_of(run, _MEASURES_OF, "names", sorted(before.moved), chunk)]
    return recount(run, measures, chunk)


def before_remove(run: Runner, report_id: str) -> frozenset[Adopted]:
    """The adoptions the report's IMPLEMENTS edges make (read before it is removed)."""
    return frozenset((a, m, y, g) for a, m, y, g in run(_OF_REPORT, {"rid": report_id}))


def after_remove(run: Runner, removed: frozenset[Adopted], chunk: int) -> list[dict[str, Any]]:
    """One agency less for each adoption of the removed report that no edge makes any more."""
    return _deltas(frozenset(), removed - present(run, removed, chunk))


def present(run: Runner, adoptions: Iterable[Adopted], chunk: int) -> frozenset[Adopted]:
    """Which of these the store holds now (an edge of the agency to the measure in that year and region)."""
    wanted = {_probe(adopted): adopted for adopted in adoptions}
    keys = [dict(zip(("agency", "measure", "year", "region"), probe, strict=True)) for probe in sorted(wanted)]
    return frozenset(wanted[tuple(row)] for cypher in _PRESENT
                     for row in _rows_of(run, cypher, "keys", keys, chunk, no_year=NO_YEAR, no_region=NO_REGION))


def _probe(adopted: Adopted) -> tuple[str, str, int, str]:
    """An adoption with its nulls as NO_YEAR and NO_REGION: the statements compare it by equality, which a null
    never satisfies."""
    agency, measure, year, region = adopted
    return agency, measure, NO_YEAR if year is None else year, NO_REGION if region is None else region


def _deltas(gained: frozenset[Adopted], lost: frozenset[Adopted]) -> list[dict[str, Any]]:
    deltas: Counter[Group] = Counter((measure, region, year) for _, measure, year, region in gained)
    deltas.subtract((measure, region, year) for _, measure, year, region in lost)
    return [_row(group, d) for group, d in sorted(deltas.items(), key=_order) if d]

