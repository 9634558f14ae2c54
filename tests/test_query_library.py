"""The named query library: every file is well formed and runs on a real store of the bundled samples."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.ingest import ingest
from fazhi.queries import library

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
# The questions the Neo4j issue names; their examples must find something in the samples.
MUST_RETURN_ROWS = [
    "agencies_implementing_measure", "measures_of_agency", "most_cited_laws", "reports_citing_law",
    "agencies_citing_law", "measure_adoption_by_year", "measure_adoption_by_region", "law_cocitation",
    "agencies_sharing_measures", "cooperation_network", "shortest_path", "search_names", "report_profile",
]


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("lib") / "samples.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([SAMPLES], store, workers=1)
        assert not summary.failed, summary.failed
        yield store


def test_every_file_has_a_header_and_both_dialects() -> None:
    queries = library.load_library()
    assert set(MUST_RETURN_ROWS) <= set(queries)
    for query in queries.values():
        assert query.description, query.name
        for dialect in ("ladybug", "neo4j"):
            assert query.cypher_for(dialect).strip(), (query.name, dialect)


def test_parameters_are_typed_by_their_examples() -> None:
    query = library.get("most_cited_laws")
    assert query.coerce({"limit": "5"})["limit"] == 5
    with pytest.raises(ValueError):
        query.coerce({"limit": "five"})
    with pytest.raises(ValueError):
        query.coerce({"nonexistent": "x"})


@pytest.mark.parametrize("name", sorted(library.load_library()))
def test_runs_with_its_example_parameters(samples_store, name: str) -> None:
    result = library.run(samples_store, name)
    if name in MUST_RETURN_ROWS:
        assert result.rows, f"{name} found nothing in the samples with its example parameters"


def test_implementing_agencies_carry_evidence_pointing_into_the_report(samples_store) -> None:
    rows = library.run(samples_store, "agencies_implementing_measure", {"measure": "双随机、一公开"}).records()
    assert len({r["agency"] for r in rows}) >= 3
    for row in rows:
        text = samples_store.query("MATCH (r:Report {id: $id}) RETURN r.text AS t",
                                   {"id": row["report_id"]}).rows[0][0]
        assert text[row["start_offset"]:row["end_offset"]] == row["evidence"]


FILTER_CASES = [
    {}, {"region": "广东省"}, {"year_from": 2022}, {"year_to": 2021}, {"level": "市"}, {"doc_type": "年度报告"},
    {"region": "浙江省", "doc_type": "通知"},
]


@pytest.mark.parametrize("filters", FILTER_CASES, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "open")
def test_overview_counts_agree_with_the_listed_reports(samples_store, filters: dict) -> None:
    """filtered_counts / filtered_report_groups count in the store what filtered_reports lists row by row."""
    reports = library.run(samples_store, "filtered_reports", filters).records()
    counts = library.run(samples_store, "filtered_counts", filters).records()[0]
    assert counts["reports"] == len(reports)
    assert counts["issuers"] == len({r["agency"] for r in reports if r["agency"]})
    assert counts["unknown_issuer"] == sum(1 for r in reports if not r["agency"])
    years = [r["year"] for r in reports if r["year"] is not None]
    assert (counts["first_year"], counts["last_year"]) == ((min(years), max(years)) if years else (None, None))
    groups = library.run(samples_store, "filtered_report_groups", filters).records()
    assert sum(g["reports"] for g in groups) == len(reports)
    by_region: dict = {}
    for r in reports:
        by_region[r["region"]] = by_region.get(r["region"], 0) + 1
    grouped: dict = {}
    for g in groups:
        grouped[g["region"]] = grouped.get(g["region"], 0) + g["reports"]
    assert grouped == by_region
    cited = library.run(samples_store, "filtered_laws", {**filters, "limit": 100_000}).rows
    assert counts["laws"] == len(cited)


def test_open_filter_counts_come_from_the_stats_and_ignore_the_row_cap(samples_store) -> None:
    """The overview's numbers are counted in the store: a row cap smaller than the corpus does not cut them."""
    capped = library.run(samples_store, "filtered_reports", {"limit": 100}, row_cap=3)
    assert capped.truncated and len(capped.rows) == 3
    open_counts = library.run(samples_store, "filtered_counts", {}, row_cap=3).records()[0]
    assert open_counts["reports"] == samples_store.counts()["Report"] > 3
    assert library.run(samples_store, "report_counts", {}, row_cap=3).records() == [open_counts]


def test_agency_list_pages_cover_every_agency_once_in_order(samples_store) -> None:
    """Pages of 10 put together are the whole list (agency_count long, not a row cap), busiest first,
    each row as a count of the agency's own edges says; a name filter pages the same way."""
    query = library.get("agency_list").cypher_for("ladybug")
    total = library.run(samples_store, "agency_count").rows[0][0]
    assert total == samples_store.counts()["Agency"]

    def pages(name: str) -> list[list]:
        rows: list[list] = []
        for skip in range(0, total + 10, 10):
            rows += samples_store.query(query, {"contains": name, "skip": skip, "limit": 10}).rows
        return rows

    everything = pages("")
    assert len(everything) == total > 10
    assert len({row[0] for row in everything}) == total
    assert [row[3] for row in everything] == sorted((row[3] for row in everything), reverse=True)
    recount = samples_store.query(
        "MATCH (a:Agency) RETURN a.name, a.level, a.region, COUNT { MATCH (a)-[:IMPLEMENTS]->(:Measure) }, "
        "COUNT { MATCH (:Report)-[:MENTIONS]->(a) }", row_cap=100_000).rows
    assert sorted(map(tuple, everything)) == sorted(map(tuple, recount))
    assert any(row[3] for row in everything) and any(row[4] for row in everything)
    bureaus = pages("局")
    assert bureaus and all("局" in row[0] for row in bureaus)
    assert [row for row in everything if "局" in row[0]] == bureaus
    assert library.run(samples_store, "agency_count", {"contains": "局"}).rows[0][0] == len(bureaus)


def test_shortest_path_with_labels_finds_the_same_chains(samples_store) -> None:
    """Ends narrowed to their labels (as 问答 passes them) give the chains the four-label lookup gives, for
    pairs of every two kinds; a label the pattern does not list is refused; without labels nothing changes."""
    names = {label: [n for (n,) in samples_store.query(f"MATCH (n:{label}) RETURN n.name ORDER BY n.name LIMIT 3").rows]
             for label in ("Agency", "Law", "Measure", "Region")}
    plain = library.get("shortest_path")
    assert library.plan("shortest_path", {"source": "甲", "target": "乙"})[0].variants == plain.variants
    found = 0
    for source_label, sources in names.items():
        for target_label, targets in names.items():
            for source, target in zip(sources, reversed(targets), strict=False):
                given = {"source": source, "target": target}
                before = library.run(samples_store, "shortest_path", given).rows
                after = library.run(samples_store, "shortest_path",
                                    {**given, "source_label": source_label, "target_label": target_label}).rows
                assert [row[2] for row in after] == [row[2] for row in before], given
                assert all(row[0][0] == source and row[0][-1] == target for row in after)
                found += len(after)
    assert found > 10
    with pytest.raises(ValueError):
        library.plan("shortest_path", {"source_label": "Report"})


def test_limited_lists_are_the_first_rows_of_the_whole_list(samples_store) -> None:
    """measure_laws and cooperation_network read examples for their first `limit` rows only: the same rows
    as the whole list's first ones, in the same order (the pages ask for the first 30 or 200)."""
    cases = [("measure_laws", "measure", "MATCH (m:Measure)-[:BASED_ON]->() RETURN DISTINCT m.name"),
             ("cooperation_network", "agency", "MATCH (a:Agency)-[:COOPERATES_WITH]-() RETURN DISTINCT a.name")]
    longer = 0
    for name, param, names in cases:
        for (value,) in samples_store.query(names).rows:
            whole = library.run(samples_store, name, {param: value}).rows
            for limit in (1, 2, 3):
                assert library.run(samples_store, name, {param: value, "limit": limit}).rows == whole[:limit]
            longer += len(whole) > 3
    assert longer >= 2


def test_an_agencys_reports_say_which_it_issued_and_a_limit_keeps_the_first(samples_store) -> None:
    """agency_reports asks whether the agency issued a report only of the rows its limit keeps: every row's
    flag is the store's ISSUED edge, and a limited list is the whole list's first rows."""
    agencies = [n for (n,) in samples_store.query("MATCH ()-[:MENTIONS]->(a:Agency) RETURN DISTINCT a.name").rows]
    issued = {tuple(row) for row in samples_store.query("MATCH (a:Agency)-[:ISSUED]->(r:Report) RETURN a.name, r.id").rows}
    flagged = 0
    for agency in agencies:
        whole = library.run(samples_store, "agency_reports", {"agency": agency}).rows
        assert [row[4] for row in whole] == [(agency, row[0]) in issued for row in whole], agency
        flagged += sum(row[4] for row in whole)
        for limit in (1, 2):
            assert library.run(samples_store, "agency_reports", {"agency": agency, "limit": limit}).rows == whole[:limit]
    assert flagged >= 3


def test_an_agencys_years_from_its_counts_are_those_of_its_evidence(samples_store) -> None:
    """对比's year choices read agency_measures (the 机构 page's table) instead of every evidence row."""
    agencies = [n for (n,) in samples_store.query("MATCH (a:Agency)-[:IMPLEMENTS]->() RETURN DISTINCT a.name").rows]
    assert len(agencies) > 5
    for agency in agencies:
        counted = {row[0] for row in library.run(samples_store, "agency_measures", {"agency": agency}).rows}
        stated = {row[0] for row in library.run(samples_store, "agency_measure_evidence", {"agency": agency}).rows}
        assert counted == stated, agency


PAST_THE_END = """
import sys
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.ingest import ingest
from fazhi.queries import library
with LadybugStore(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, workers=1)
    total = library.run(store, "agency_count").rows[0][0]
    pages = [library.run(store, "agency_list", {"skip": skip, "limit": 10}).rows
             for skip in (total - 1, total, 100 * total, 10**6)]
    print(total, [len(rows) for rows in pages])
"""


def test_agency_list_far_past_the_end_answers_no_rows(tmp_path) -> None:
    """A skip far past the last agency (a stale page number, a hand-made link) crashed the whole process in
    LadybugDB's SKIP; the library clamps it to agency_count. Run apart, so a crash fails this test only."""
    done = subprocess.run([sys.executable, "-c", PAST_THE_END, str(tmp_path / "s.lbdb"), str(SAMPLES)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=600)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    total, sizes = done.stdout.split(maxsplit=1)
    assert int(total) > 1 and sizes.strip() == "[1, 0, 0, 0]"


def test_law_links_are_the_documents_neighbours_of_those_types(samples_store) -> None:
    """The 法规 page's lists (law_links) equal what neighbours gives for those edge types, for every
    document with such links: the anchored query leaves nothing out and adds nothing."""
    kinds = {("out", "REFERENCES"), ("in", "REFERENCES"), ("out", "ISSUED_BY"), ("in", "ISSUED"), ("in", "BASED_ON")}
    laws = [name for (name,) in samples_store.query("MATCH (l:Law) RETURN l.name ORDER BY l.name").rows]
    linked = 0
    for law in laws:
        edges = library.run(samples_store, "neighbours", {"key": law, "limit": 100_000}).rows
        expected = sorted({(d, t, other) for d, t, _, other, *_ in edges if (d, t) in kinds})
        got = sorted(map(tuple, library.run(samples_store, "law_links", {"law": law}).rows))
        assert got == expected, law
        linked += bool(got)
    assert linked >= 3


def test_agency_links_are_the_agencys_neighbours_of_those_types(samples_store) -> None:
    """The 机构 page's header (agency_links) equals what neighbours gives for PART_OF both ways, LOCATED_IN
    and COOPERATES_WITH both ways, for every agency: nothing left out, nothing added."""
    kinds = {("out", "PART_OF"), ("in", "PART_OF"), ("out", "LOCATED_IN"), ("out", "COOPERATES_WITH"),
             ("in", "COOPERATES_WITH")}
    agencies = [name for (name,) in samples_store.query("MATCH (a:Agency) RETURN a.name ORDER BY a.name").rows]
    linked = set()
    for agency in agencies:
        edges = library.run(samples_store, "neighbours", {"key": agency, "limit": 100_000}).rows
        expected = sorted({(d, t, other) for d, t, _, other, *_ in edges if (d, t) in kinds})
        got = sorted(map(tuple, library.run(samples_store, "agency_links", {"agency": agency}).rows))
        assert got == expected, agency
        linked |= {(d, t) for d, t, _ in got}
    assert {("out", "LOCATED_IN"), ("out", "COOPERATES_WITH"), ("in", "COOPERATES_WITH")} <= linked


def test_agency_names_keyset_pages_are_every_name_once_in_order(samples_store) -> None:
    """Each page starts after the last name of the one before; together they are every agency, sorted."""
    names: list[str] = []
    page = library.run(samples_store, "agency_names", {"after": "", "limit": 7}).rows
    while page:
        assert len(page) <= 7
        names += [name for (name,) in page]
        page = library.run(samples_store, "agency_names", {"after": names[-1], "limit": 7}).rows
    every = [name for (name,) in samples_store.query("MATCH (a:Agency) RETURN a.name", row_cap=100_000).rows]
    assert len(every) > 7 and names == sorted(every)


def test_report_ids_read_page_by_page_are_every_id_once_in_order(samples_store) -> None:
    """library.every_row follows the keyset pages of report_ids: every report once, sorted, whatever the page size."""
    every = sorted(rid for (rid,) in samples_store.query("MATCH (r:Report) RETURN r.id", row_cap=100_000).rows)
    assert len(every) > 3
    for size in (1, 3, len(every), 10_000):
        assert [rid for (rid,) in library.every_row(samples_store, "report_ids", {"limit": size})] == every
    assert len(library.run(samples_store, "report_ids", {"after": "", "limit": 3}).rows) == 3


def test_node_counts_are_the_stores_counts_of_nodes(samples_store) -> None:
    counted = {label: nodes for label, nodes in library.run(samples_store, "node_counts").rows}
    every = samples_store.counts()
    assert counted == {label: n for label, n in every.items() if not label.isupper()} and counted["Report"] == 8


def test_search_names_narrowed_to_one_label(samples_store) -> None:
    laws = library.run(samples_store, "search_names", {"text": "法", "label": "Law", "limit": 500}).records()
    assert laws and all(row["label"] == "Law" and "法" in row["name"] for row in laws)
    every = library.run(samples_store, "search_names", {"text": "法", "limit": 500}).records()
    assert {row["label"] for row in every} > {"Law"}
    assert [row for row in every if row["label"] == "Law"] == laws
