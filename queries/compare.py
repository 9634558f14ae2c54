"""对比: what changed for an agency or a region between two years, and two agencies side by side.

The facts come from named queries that return one row per fact with its report and evidence
(agency_measure_evidence, region_measure_evidence, agency_law_evidence, region_law_evidence); the
comparison itself is set arithmetic on their names, so each side of every row keeps the sentence
that supports it: a measure 新增 in the later year shows that year's sentence, one 未再提及 shows
the earlier year's, one 延续 shows both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fazhi.graph.store import GraphStore
from fazhi.queries import library

NEW, KEPT, DROPPED = "新增", "延续", "未再提及"
STATUS_ORDER = (NEW, KEPT, DROPPED)
BOTH, ONLY_A, ONLY_B = "共同", "仅前者", "仅后者"
SIDE_COLUMNS = ("agencies", "report_id", "report_title", "evidence", "start_offset", "end_offset")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _facts(store: GraphStore, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every row of `query`; a paged query (a `limit` parameter, as region_*_evidence) is read page by page."""
    if "limit" not in library.get(query).params:
        return library.run(store, query, params).records()
    records: list[dict[str, Any]] = []
    page = int(params.get("limit") or library.get(query).params["limit"])
    while True:
        rows = library.run(store, query, {**params, "skip": len(records), "limit": page}).records()
        records += rows
        if len(rows) < page:
            return records


def _by_name(records: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        grouped.setdefault(record[key], []).append(record)
    return grouped


def _side(records: list[dict[str, Any]] | None) -> list[Any]:
    """One side of a row: the agencies that state it, and the first statement's report and sentence."""
    if not records:
        return [None] * len(SIDE_COLUMNS)
    first = records[0]
    agencies = "、".join(sorted({r["agency"] for r in records if r.get("agency")}))
    return [agencies, first["report_id"], first["report_title"], first["evidence"],
            first["start_offset"], first["end_offset"]]


def _columns(key: str, left: str, right: str) -> list[str]:
    return ["status", key, "kind", *(f"{left}_{c}" for c in SIDE_COLUMNS), *(f"{right}_{c}" for c in SIDE_COLUMNS)]


def _diff(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]], key: str,
          labels: tuple[str, str, str], sides: tuple[str, str], order: tuple[str, ...] = ()) -> Table:
    """Rows labelled (only after, both, only before), sorted by `order` of those labels (default: labels')."""
    table = Table(_columns(key, *sides))
    for name in sorted(set(before) | set(after)):
        status = labels[1] if name in before and name in after else labels[0] if name in after else labels[2]
        kind_row = (after.get(name) or before[name])[0]
        kind = kind_row.get("kind", kind_row.get("category"))
        table.rows.append([status, name, kind, *_side(before.get(name)), *_side(after.get(name))])
    rank = {label: i for i, label in enumerate(order or labels)}
    table.rows.sort(key=lambda row: (rank[row[0]], row[1]))
    return table


def compare_rows(store: GraphStore, query: str, params: dict[str, Any], key: str = "measure") -> Table:
    """The facts of `query` in params' year_from and year_to, as 新增/延续/未再提及 rows (from → to)."""
    year_from, year_to = int(params["year_from"]), int(params["year_to"])
    records = _facts(store, query, params)
    before = _by_name([r for r in records if r["year"] == year_from], key)
    after = _by_name([r for r in records if r["year"] == year_to], key)
    return _diff(before, after, key, STATUS_ORDER, ("from", "to"))


def compare_years(store: GraphStore, *, agency: str = "", region: str = "", year_from: int,
                  year_to: int) -> dict[str, Table]:
    """Measures and cited documents of an agency (or of every agency of a region) in two years."""
    if bool(agency) == bool(region):
        raise ValueError("compare one agency or one region")
    if year_from >= year_to:
        raise ValueError(f"the first year ({year_from}) must come before the second ({year_to})")
    subject = {"agency": agency} if agency else {"region": region}
    scope = "agency" if agency else "region"
    params = {**subject, "year_from": year_from, "year_to": year_to}
    return {"measures": compare_rows(store, f"{scope}_measure_evidence", params, "measure"),
            "laws": compare_rows(store, f"{scope}_law_evidence", params, "law")}


def compare_agencies(store: GraphStore, agency: str, other: str) -> Table:
    """Two agencies side by side over all their reports: measures both, only the first, only the second implement."""
    first = _by_name(_facts(store, "agency_measure_evidence", {"agency": agency}), "measure")
    second = _by_name(_facts(store, "agency_measure_evidence", {"agency": other}), "measure")
    return _diff(first, second, "measure", (ONLY_B, BOTH, ONLY_A), ("a", "b"), order=(BOTH, ONLY_A, ONLY_B))


def years_title(subject: str, year_from: int, year_to: int) -> str:
    """What a two-year comparison shows, for its download's 说明 sheet and the CLI."""
    return f"对比：{subject} {year_from}年 → {year_to}年（新增/延续/未再提及）"


def pair_title(agency: str, other: str) -> str:
    return f"对比：{agency}（前者）与 {other}（后者）的措施"


def counts(table: Table) -> dict[str, int]:
    return dict(Counter(row[0] for row in table.rows))
