"""The filtered_* queries give what a plain recount of the graph's rows in Python gives.

The queries start from the reports passing the sidebar filters and read their edges from there
(queries/filtered_*.cypher); this recount reads every node and edge list instead and applies the
same filters by hand, so a shortcut that drops or double-counts a row fails here.
"""

from collections import defaultdict
from pathlib import Path

import pytest

from fazhi.benchcorpus import generate
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import rows_from_extractions
from fazhi.ingest import ingest
from fazhi.queries import library
from helpers import make_extraction

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
OPEN = {"year_from": 0, "year_to": 0, "region": "", "level": "", "doc_type": ""}
CASES = [
    {}, {"year_from": 2021}, {"year_to": 2020}, {"year_from": 2019, "year_to": 2022}, {"doc_type": "年度报告"},
    {"level": "区县"}, {"level": "市", "doc_type": "通知"}, {"region": "广东省"}, {"region": "浙江省", "year_from": 2020},
]
BIG = 1_000_000


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    """Samples plus 60 generated reports (every level, many regions) and one agency's reports of two
    years (a report's facts must not pick up its issuer's other reports); the store and its rows."""
    root = tmp_path_factory.mktemp("filtered")
    generate(60, root / "corpus", seed=3)
    with LadybugStore(root / "f.lbdb") as store:
        assert not ingest([SAMPLES, root / "corpus"], store, workers=1).failed
        store.write(rows_from_extractions([
            make_extraction("twice-2020", "韶关市测试局", ["双随机、一公开"], ["中华人民共和国宪法"], year=2020),
            make_extraction("twice-2023", "韶关市测试局", ["法律顾问制度"], ["优化营商环境条例"], year=2023)]))
        yield store, Rows(store)


class Rows:
    """Every node and edge the filtered queries read, as plain Python lists."""

    def __init__(self, store) -> None:
        def rows(cypher: str) -> list[list]:
            return store.query(cypher, row_cap=BIG).rows

        self.reports = {r[0]: r[1:] for r in rows(
            "MATCH (r:Report) RETURN r.id, r.year, r.doc_type, r.region, r.agency, r.title, r.source")}
        self.issuers: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for agency, level, report in rows("MATCH (a:Agency)-[:ISSUED]->(r:Report) RETURN a.name, a.level, r.id"):
            self.issuers[report].append((agency, level))
        self.parents: dict[str, set[str]] = defaultdict(set)
        for child, parent in rows("MATCH (g:Region)-[:PART_OF]->(p:Region) RETURN g.name, p.name"):
            self.parents[child].add(parent)
        self.implements = rows("MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) RETURN a.name, a.region, m.name, m.kind, "
                               "e.report_id, e.year")
        self.cites = rows("MATCH (r:Report)-[:CITES]->(l:Law) RETURN r.id, l.name, l.category, l.issuer")
        self.spans = {("IMPLEMENTS", a, m, rid): (start, end) for a, m, rid, start, end in rows(
            "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) RETURN a.name, m.name, e.report_id, e.start_offset, "
            "e.end_offset")}
        self.spans.update({("CITES", rid, law): (start, end) for rid, law, start, end in rows(
            "MATCH (r:Report)-[e:CITES]->(l:Law) RETURN r.id, l.name, e.start_offset, e.end_offset")})
        self.texts = {rid: text for rid, text in rows("MATCH (r:Report) RETURN r.id, r.text")}
        self.kinds = {name: kind for name, kind in rows("MATCH (m:Measure) RETURN m.name, m.kind")}
        self.regions = {name for (name,) in rows("MATCH (g:Region) RETURN g.name")}

    def below(self, region: str) -> set[str]:
        """Regions 1..3 PART_OF steps under `region`."""
        out, frontier = set(), {region}
        for _ in range(3):
            frontier = {g for g in self.regions if self.parents[g] & frontier}
            out |= frontier
        return out

    def passing(self, f: dict) -> set[str]:
        within = self.below(f["region"]) if f["region"] else set()

        def ok(rid: str) -> bool:
            year, doc_type, region, _, _, _ = self.reports[rid]
            return ((not f["year_from"] or (year is not None and year >= f["year_from"]))
                    and (not f["year_to"] or (year is not None and year <= f["year_to"]))
                    and (not f["doc_type"] or doc_type == f["doc_type"])
                    and (not f["region"] or (region is not None and (
                        f["region"] in region or any(region.endswith(s) for s in within))))
                    and (not f["level"] or any(level == f["level"] for _, level in self.issuers[rid])))

        return {rid for rid in self.reports if ok(rid)}


def run(store, name: str, f: dict, **params) -> list[tuple]:
    return [tuple(row) for row in library.run(store, name, {**f, **params}, row_cap=BIG).rows]


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) or "open")
def test_filtered_queries_equal_a_recount(graph, case: dict) -> None:
    store, g = graph
    f = {**OPEN, **case}
    keep = g.passing(f)
    assert keep or case, "the open case must see reports"

    measures: dict = defaultdict(lambda: [set(), set(), []])
    adoption: dict = defaultdict(set)
    kinds = {}
    for agency, agency_region, measure, kind, rid, year in g.implements:
        if rid in keep:
            kinds[measure] = kind
            measures[measure][0].add(agency)
            measures[measure][1].add(rid)
            measures[measure][2].append(year)
            adoption[(measure, agency_region or g.reports[rid][2], year)].add(agency)
    expected_measures = sorted(
        ((m, kinds[m], len(a), len(r), min((y for y in ys if y is not None), default=None),
          max((y for y in ys if y is not None), default=None)) for m, (a, r, ys) in measures.items()),
        key=lambda row: (-row[2], -row[3], row[0]))
    assert run(store, "filtered_measures", f, limit=BIG) == expected_measures

    adopted = sorted((m, region, year, len(a)) for (m, region, year), a in adoption.items())
    got = run(store, "filtered_adoption", f, measure="")
    assert sorted(got, key=repr) == sorted(adopted, key=repr)
    if adopted:
        measure = adopted[0][0]
        assert sorted(run(store, "filtered_adoption", f, measure=measure), key=repr) == sorted(
            (row for row in adopted if row[0] == measure), key=repr)

    laws: dict = defaultdict(lambda: [None, None, set()])
    for rid, law, category, issuer in g.cites:
        if rid in keep:
            laws[law][0], laws[law][1] = category, issuer
            laws[law][2].add(rid)
    expected_laws = []
    for law, (category, issuer, rids) in laws.items():
        years = [g.reports[r][0] for r in rids if g.reports[r][0] is not None]
        agencies = {a for r in rids for a, _ in g.issuers[r]}
        expected_laws.append((law, category, issuer, len(rids), len(agencies), min(years, default=None),
                              max(years, default=None)))
    expected_laws.sort(key=lambda row: (-row[3], row[0]))
    assert run(store, "filtered_laws", f, category="", limit=BIG) == expected_laws
    assert run(store, "filtered_laws", f, category="法律", limit=BIG) == [
        row for row in expected_laws if row[1] == "法律"]

    years = [g.reports[r][0] for r in keep if g.reports[r][0] is not None]
    assert run(store, "filtered_counts", f) == [(
        len(keep), len({g.reports[r][3] for r in keep if g.reports[r][3]}),
        sum(1 for r in keep if g.reports[r][3] is None), min(years, default=None), max(years, default=None),
        len(laws))]

    groups: dict = defaultdict(int)
    for rid in keep:
        levels = [level for _, level in g.issuers[rid] if level is not None]
        groups[(g.reports[rid][2], min(levels, default=None), g.reports[rid][1])] += 1
    got_groups = run(store, "filtered_report_groups", f)
    assert sorted(got_groups, key=repr) == sorted(((*k, n) for k, n in groups.items()), key=repr)

    listed = run(store, "filtered_reports", f, skip=0, limit=BIG)
    assert sorted(row[0] for row in listed) == sorted(keep)


SHORTCUTS = sorted(name for name, query in library.load_library().items() if query.open)
SHORTCUT_PARAMS = [{}, {"category": "法律"}, {"measure": "双随机、一公开"}]


def test_the_library_picks_the_precomputed_query_only_when_every_filter_is_open() -> None:
    """One name for callers: the aggregate query answers the open case, the scan any filtered one."""
    assert {"filtered_measures", "filtered_laws", "filtered_adoption", "agencies_by_measures"} <= set(SHORTCUTS)
    for name in SHORTCUTS:
        assert library.plan(name)[0].name == library.get(name).open != name
        assert library.plan(name, {"limit": 5} if "limit" in library.get(name).params else {})[0].name != name
        for key, value in (("year_from", 2021), ("year_to", 2020), ("region", "广东省"), ("level", "市"),
                           ("doc_type", "通知")):
            assert library.plan(name, {key: value})[0].name == name
        assert library.plan(name, precomputed=False)[0].name == name


@pytest.mark.parametrize("name", SHORTCUTS)
@pytest.mark.parametrize("extra", SHORTCUT_PARAMS, ids=lambda p: ",".join(p) or "default")
def test_open_filters_give_the_scanning_querys_rows(graph, name: str, extra: dict) -> None:
    """The precomputed (or lighter) query returns exactly the scanning query's rows, in its order."""
    store, _ = graph
    params = {k: v for k, v in extra.items() if k in library.get(name).params}
    if "limit" in library.get(name).params:
        params["limit"] = BIG
    fast = run(store, name, OPEN, **params)
    scan = [tuple(row) for row in library.run(store, name, {**OPEN, **params}, precomputed=False, row_cap=BIG).rows]
    assert scan, f"{name} {params}: the samples must give rows"
    assert fast == scan


def _pages(store, name: str, f: dict, size: int) -> list[tuple]:
    rows: list[tuple] = []
    while True:
        page = run(store, name, f, skip=len(rows), limit=size)
        rows += page
        if len(page) < size:
            return rows


@pytest.mark.parametrize("case", [{"region": "广东省"}, {"region": "广东省", "year_from": 2021}, {"region": ""}],
                         ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()))
def test_region_evidence_pages_add_up_to_a_recount(graph, case: dict) -> None:
    """Read from the region's reports and paged: pages of 7 put together are every fact once, as a
    recount of every IMPLEMENTS/CITES edge of the passing reports gives them."""
    store, g = graph
    f = {**OPEN, **case}
    keep = g.passing(f)
    measures = _pages(store, "region_measure_evidence", f, 7)
    assert measures == run(store, "region_measure_evidence", f, skip=0, limit=BIG)
    assert sorted((r[0], r[1], r[3], r[4]) for r in measures) == sorted(
        (year, measure, agency, rid) for agency, _, measure, _, rid, year in g.implements if rid in keep)
    assert len(measures) > 7
    for _, measure, kind, agency, rid, title, evidence, start, end in measures:  # read from ReportFacts
        assert (start, end) == g.spans[("IMPLEMENTS", agency, measure, rid)]
        assert (kind, title, evidence) == (g.kinds[measure], g.reports[rid][4], g.texts[rid][start:end])

    laws = _pages(store, "region_law_evidence", f, 7)
    assert laws == run(store, "region_law_evidence", f, skip=0, limit=BIG)
    assert sorted((r[0], r[1], r[3] or "", r[4]) for r in laws) == sorted(
        (g.reports[rid][0], law, agency, rid) for rid, law, _, _ in g.cites if rid in keep
        for agency in ([a for a, _ in g.issuers[rid]] or [""]))
    assert len(laws) > 7
    categories = {law: category for _, law, category, _ in g.cites}
    for _, law, category, _, rid, title, evidence, start, end in laws:
        assert (start, end) == g.spans[("CITES", rid, law)]
        assert (category, title, evidence) == (categories[law], g.reports[rid][4], g.texts[rid][start:end])


def test_a_region_comparison_reads_every_page(graph, monkeypatch) -> None:
    """compare_years over a region with pages of 3 rows gives what one page of every row gives."""
    from fazhi.queries import compare

    store, _ = graph
    whole = compare.compare_years(store, region="广东省", year_from=2020, year_to=2023)
    for name in ("region_measure_evidence", "region_law_evidence"):
        query = library.get(name)
        monkeypatch.setitem(library.load_library(), name,
                            library.LibraryQuery(query.name, query.description, {**query.params, "limit": 3},
                                                 query.variants, query.sort, query.open))
    paged = compare.compare_years(store, region="广东省", year_from=2020, year_to=2023)
    assert {k: t.rows for k, t in paged.items()} == {k: t.rows for k, t in whole.items()}
    assert sum(len(t.rows) for t in whole.values()) > 3
