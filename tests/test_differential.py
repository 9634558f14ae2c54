"""The same corpus in both backends: every library query returns the same rows on LadybugDB and Neo4j."""

from pathlib import Path

import pytest

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.transfer import copy_graph
from fazhi.ingest import ingest
from fazhi.queries import library
from helpers import canonical_rows

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def both_stores(tmp_path_factory, neo4j_uri):
    from fazhi.graph.neo4j_store import Neo4jStore

    path = tmp_path_factory.mktemp("diff") / "samples.lbdb"
    embedded = LadybugStore(path)
    ingest([SAMPLES], embedded, workers=1)
    server = Neo4jStore(neo4j_uri)
    server.clear()
    ingest([SAMPLES], server, workers=1)
    yield embedded, server
    embedded.close()
    server.close()


def test_both_backends_hold_the_same_graph(both_stores) -> None:
    embedded, server = both_stores
    assert embedded.counts() == server.counts()


@pytest.mark.parametrize("name", sorted(library.load_library()))
def test_library_query_agrees(both_stores, name: str) -> None:
    embedded, server = both_stores
    left = canonical_rows(name, library.run(embedded, name))
    right = canonical_rows(name, library.run(server, name))
    assert left == right


def test_shortest_path_with_labels_agrees(both_stores) -> None:
    """The ends narrowed to their labels (`// labels:`) in both dialects: the same chain as without them."""
    embedded, server = both_stores
    given = dict(library.get("shortest_path").params)
    plain = {k: v for k, v in given.items() if not k.endswith("_label")}
    rows = [canonical_rows("shortest_path", library.run(store, "shortest_path", params))
            for store in (embedded, server) for params in (given, plain)]
    assert rows[0] and all(found == rows[0] for found in rows)


@pytest.mark.parametrize("name", sorted(n for n, q in library.load_library().items() if q.open))
def test_scanning_query_behind_an_open_shortcut_agrees(both_stores, name: str) -> None:
    """With every filter open `run` picks the shortcut; the scanning query still runs on both backends."""
    embedded, server = both_stores
    left = canonical_rows(name, library.run(embedded, name, precomputed=False))
    right = canonical_rows(name, library.run(server, name, precomputed=False))
    assert left and left == right


def test_push_copies_the_embedded_graph(both_stores, neo4j_uri) -> None:
    from fazhi.graph.neo4j_store import Neo4jStore

    embedded, _ = both_stores
    with_push = Neo4jStore(neo4j_uri)
    try:
        with_push.clear()
        copied = copy_graph(embedded, with_push)
        counts = embedded.counts()
        assert copied["nodes"] == sum(counts[label] for label in ("Report", "Agency", "Law", "Measure", "Region"))
        assert with_push.counts() == counts
        for name in ("agencies_implementing_measure", "most_cited_laws"):
            assert canonical_rows(name, library.run(with_push, name)) == canonical_rows(
                name, library.run(embedded, name))
    finally:
        with_push.clear()

