"""The named query library: every file is well formed and runs on a real store of the bundled samples."""

from pathlib import Path

import pytest

from fazhi.ingest import ingest
from graph.ladybug_store import LadybugStore
from queries import library

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
