"""ReportFacts: one derived row per report with what the filtered and region queries read per report.

Why: an IMPLEMENTS edge names its report only as a property, so "the facts stated in these reports"
walked every IMPLEMENTS edge of every agency the reports mention (at 50,000 reports the 河源市 reports
mention agencies with ~800,000 such edges between them, read to keep ~2,500: 0.6-0.9 s for
region_measure_evidence), a region's citations were hash-joined with every CITES edge, and the report
groups of the overview read every report's issuers for their lowest level (filtered_report_groups,
~0.25 s). This row holds, keyed by the report:

- region, year, doc_type: the report's filter fields (copies of the Report node's);
- level: the lowest of its issuers' levels (null without one), levels: all of them (the level filter
  is "some issuer has this level"), issuers: their names;
- linked: the agencies that issue it or that it mentions (region_measure_evidence keeps a fact only
  when its agency is one of them, as the pattern it replaces did);
- agencies, measures, start_offsets, end_offsets, years: its IMPLEMENTS edges as parallel lists,
  sorted by (agency, measure): every edge whose report_id is this report;
- laws, law_start_offsets, law_end_offsets: its CITES edges as parallel lists, sorted by document.

Kept on write: a write recomputes the rows of the reports its rows name (a Report node or an edge's
report_id), and of the reports issued by agencies whose level it changed. The facts of a row are its
stored facts plus the write's IMPLEMENTS and CITES edges of that report (edges are only ever added to a report
until it is removed; an edge written again takes the new offsets, as the store's MERGE does), so no
write walks a hub agency's edges. The other fields are read anchored on each report. Removing a report
drops its row. `rebuild_rows` recounts every row from the edges (migration, repairs, tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fazhi.graph.store import GraphRows, chunks

Runner = Callable[[str, dict[str, Any]], list[list[Any]]]
Fact = tuple[Any, ...]  # start_offset, end_offset (and year, for IMPLEMENTS)
Facts = dict[tuple[str, ...], Fact]  # (agency, measure) or (document,) -> its edge's offsets (and year)

LABEL = "ReportFacts"
COLUMNS: dict[str, str] = {
    "report": "STRING", "region": "STRING", "year": "INT64", "doc_type": "STRING", "level": "STRING",
    "levels": "STRING[]", "issuers": "STRING[]", "linked": "STRING[]", "agencies": "STRING[]",
    "measures": "STRING[]", "start_offsets": "INT64[]", "end_offsets": "INT64[]", "years": "INT64[]",
    "laws": "STRING[]", "law_start_offsets": "INT64[]", "law_end_offsets": "INT64[]",
}
LISTS = [name for name, kind in COLUMNS.items() if kind.endswith("[]")]
# A graph loaded by neo4j-admin lacks its empty lists (graph/exports.py marks it with this key, the Neo4j store
# sets them once when it first opens the graph, by FILL_LISTS).
UNSET_LISTS = "report_facts_lists_unset"
FILL_LISTS = "SET " + ", ".join(f"f.{name} = coalesce(f.{name}, [])" for name in LISTS)
IMPLEMENTS = ("IMPLEMENTS", "Agency", "Measure")  # edge key (agency, measure, report)
CITES = ("CITES", "Report", "Law")  # edge key (report, document, report)

_HEADERS = (  # the report's own fields, its issuers and their levels (collect drops nulls)
    "MATCH (r:Report {id: id}) OPTIONAL MATCH (i:Agency)-[:ISSUED]->(r) "
    "RETURN r.id, r.region, r.year, r.doc_type, collect(DISTINCT i.level), collect(DISTINCT i.name)"
)
_LINKED = "MATCH (r:Report {id: id})-[:ISSUED|MENTIONS]-(a:Agency) RETURN r.id, collect(DISTINCT a.name)"
_STORED = (
    "UNWIND $ids AS id MATCH (f:ReportFacts {report: id}) "
    "RETURN f.report, f.agencies, f.measures, f.start_offsets, f.end_offsets, f.years, "
    "f.laws, f.law_start_offsets, f.law_end_offsets"
)
_DROP = "UNWIND $ids AS id MATCH (f:ReportFacts {report: id}) DELETE f"
_CREATE = "UNWIND $rows AS row CREATE (:ReportFacts {" + ", ".join(f"{c}: row.{c}" for c in COLUMNS) + "})"
_LEVELS = "UNWIND $names AS n MATCH (a:Agency {name: n}) RETURN a.name, a.level"
_ISSUED_BY = "UNWIND $names AS n MATCH (:Agency {name: n})-[:ISSUED]->(r:Report) RETURN DISTINCT r.id"
CREATE_ROWS = 1000  # ReportFacts rows per CREATE statement (_create)
_ALL_FACTS = (
    "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) "
    "RETURN e.report_id, a.name, m.name, e.start_offset, e.end_offset, e.year"
)
_ALL_CITES = "MATCH (r:Report)-[e:CITES]->(l:Law) RETURN r.id, l.name, e.start_offset, e.end_offset"



def _create(run: Runner, made: list[dict[str, Any]]) -> None:
    """CREATE the rows CREATE_ROWS at a time: a row carries a report's facts as lists, ~100x an aggregate row,
    and 20,000 of them in one statement outgrew Neo4j's default 512 MB of transaction memory when an imported
    50,000-report graph rebuilt its aggregates on open (docs/BENCHMARKS.md, run 12)."""
    for some in chunks(made, CREATE_ROWS):
        run(_CREATE, {"rows": some})


def agency_levels(run: Runner, names: Iterable[str], chunk: int) -> dict[str, Any]:
    """The stored level of each of these agencies (absent: not stored)."""
    levels: dict[str, Any] = {}
    for some in chunks(sorted(set(names)), chunk):
        levels.update({name: level for name, level in run(_LEVELS, {"names": some})})
    return levels


def touched_reports(run: Runner, rows: GraphRows, levels_before: dict[str, Any], chunk: int) -> set[str]:
    """The reports whose rows a write may have changed: those its rows name, and those issued by an
    agency whose level the write changed (`levels_before`: agency_levels of its agencies before it)."""
    reports = set(rows.nodes.get("Report", {}))
    for edges in rows.edges.values():
        reports.update(report for _, _, report in edges)
    after = agency_levels(run, levels_before, chunk)
    changed = sorted(name for name, level in levels_before.items() if after.get(name) != level)
    for some in chunks(changed, chunk):
        reports.update(report for (report,) in run(_ISSUED_BY, {"names": some}))
    return reports


def refresh(run: Runner, reports: Iterable[str], rows: GraphRows | None, chunk: int) -> None:
    """Recompute the rows of these reports: stored facts plus `rows`' IMPLEMENTS and CITES edges of each."""
    ids = sorted(set(reports))
    implements: dict[str, Facts] = {report: {} for report in ids}
    cites: dict[str, Facts] = {report: {} for report in ids}
    for some in chunks(ids, chunk):
        for report, agencies, measures, starts, ends, years, laws, law_starts, law_ends in run(_STORED, {"ids": some}):
            implements[report].update(zip(zip(agencies, measures, strict=True),
                                          zip(starts, ends, years, strict=True), strict=True))
            cites[report].update(zip(((law,) for law in laws), zip(law_starts, law_ends, strict=True), strict=True))
    if rows is not None:
        for (agency, measure, report), props in rows.edges.get(IMPLEMENTS, {}).items():
            if report in implements:
                implements[report][(agency, measure)] = (props.get("start_offset"), props.get("end_offset"),
                                                         props.get("year"))
        for (report, law, _), props in rows.edges.get(CITES, {}).items():
            if report in cites:
                cites[report][(law,)] = (props.get("start_offset"), props.get("end_offset"))
    for some in chunks(ids, chunk):
        made = _rows(run, {"ids": some}, "UNWIND $ids AS id ", implements, cites)
        run(_DROP, {"ids": some})
        _create(run, made)


def _rows(run: Runner, params: dict[str, Any], prefix: str, implements: dict[str, Facts],
          cites: dict[str, Facts]) -> list[dict[str, Any]]:
    """The rows of the reports `prefix` + the header queries find (stored reports only), with their facts."""
    linked = {report: names for report, names in run(prefix + _LINKED, params)}
    made = []
    for report, region, year, doc_type, levels, issuers in run(prefix + _HEADERS, params):
        made.append({"report": report, "region": region, "year": year, "doc_type": doc_type,
                     **_issuers(levels, issuers), "linked": sorted(set(linked.get(report, []))),
                     **_facts(implements.get(report, {}), cites.get(report, {}))})
    return made


def _issuers(levels: list[Any], issuers: list[str]) -> dict[str, Any]:
    present = sorted({level for level in levels if level is not None})
    return {"level": present[0] if present else None, "levels": present, "issuers": sorted(set(issuers))}


def _facts(implements: Facts, cites: Facts) -> dict[str, list[Any]]:
    """The facts as sorted parallel lists, so equal facts give equal rows whatever order they came in."""
    done = sorted(implements.items())
    cited = sorted(cites.items())
    return {
        "agencies": [a for (a, _), _ in done], "measures": [m for (_, m), _ in done],
        "start_offsets": [f[0] for _, f in done], "end_offsets": [f[1] for _, f in done],
        "years": [f[2] for _, f in done],
        "laws": [law for (law,), _ in cited], "law_start_offsets": [f[0] for _, f in cited],
        "law_end_offsets": [f[1] for _, f in cited],
    }


def drop(run: Runner, reports: Iterable[str], chunk: int) -> None:
    for some in chunks(sorted(set(reports)), chunk):
        run(_DROP, {"ids": some})


def rebuild_rows(run: Runner, chunk: int) -> None:
    """Every report's row from the edges (the table is empty: rebuild deleted it)."""
    implements: dict[str, Facts] = {}
    for report, agency, measure, start, end, year in run(_ALL_FACTS, {}):
        implements.setdefault(report, {})[(agency, measure)] = (start, end, year)
    cites: dict[str, Facts] = {}
    for report, law, start, end in run(_ALL_CITES, {}):
        cites.setdefault(report, {})[(law,)] = (start, end)
    ids = [report for (report,) in run("MATCH (r:Report) RETURN r.id ORDER BY r.id", {})]
    for some in chunks(ids, min(chunk, CREATE_ROWS)):  # a statement's reads bounded as its CREATE is
        made = _rows(run, {"ids": some}, "UNWIND $ids AS id ", implements, cites)
        _create(run, made)
