"""Ingest is idempotent and order-free; `fazhi remove` takes away one report's facts and only those.

Graphs are compared whole: every node and edge of every label/type with all properties.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.ingest import ingest
from fazhi.loaders import iter_files
from fazhi.model import RELATION_ENDPOINTS
from helpers import snapshot

SAMPLES = ROOT / "data" / "samples"


def diff(a: dict, b: dict) -> str:
    """A short description of how two snapshots differ, for assertion messages."""
    lines = []
    for part in ("nodes", "edges"):
        for key in a[part]:
            only_a = set(a[part][key]) - set(b[part][key])
            only_b = set(b[part][key]) - set(a[part][key])
            lines += [f"{key} only left: {x[:200]}" for x in sorted(only_a)[:3]]
            lines += [f"{key} only right: {x[:200]}" for x in sorted(only_b)[:3]]
    return "\n".join(lines)


def ingested(path: Path, *groups: list[Path]) -> dict:
    """Ingest each group of files in turn into a fresh store and return its snapshot."""
    with LadybugStore(path) as store:
        for files in groups:
            summary = ingest(files, store, workers=1)
            assert not summary.failed, summary.failed
        return snapshot(store)


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = list(iter_files([SAMPLES]))
    assert len(found) >= 6
    return found


@pytest.fixture(scope="module")
def reference(files, tmp_path_factory) -> dict:
    return ingested(tmp_path_factory.mktemp("ref") / "all.lbdb", files)


def test_ingesting_twice_changes_nothing(files, reference, tmp_path) -> None:
    twice = ingested(tmp_path / "twice.lbdb", files, files)
    assert twice == reference, diff(twice, reference)


def test_halves_in_either_order_give_the_same_graph(files, reference, tmp_path) -> None:
    first, second = files[: len(files) // 2], files[len(files) // 2 :]
    forward = ingested(tmp_path / "fwd.lbdb", first, second)
    backward = ingested(tmp_path / "bwd.lbdb", second, first)
    assert forward == reference, diff(forward, reference)
    assert backward == reference, diff(backward, reference)


def test_interleaved_order_gives_the_same_graph(files, reference, tmp_path) -> None:
    """One report at a time, last file first: node properties must not depend on who came last."""
    one_by_one = ingested(tmp_path / "rev.lbdb", *([f] for f in reversed(files)))
    assert one_by_one == reference, diff(one_by_one, reference)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "fazhi.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("victim", [0, 3])
def test_cli_remove_equals_never_ingesting_the_report(files, tmp_path, victim: int) -> None:
    db = tmp_path / "g.lbdb"
    done = run_cli("ingest", *map(str, files), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    with LadybugStore(db, read_only=True) as store:
        by_source = {r["source"]: r["id"] for r in store.iter_nodes("Report")}
    report_id = by_source[str(files[victim])]

    removed = run_cli("remove", report_id, "--db", str(db))
    assert removed.returncode == 0, removed.stderr
    assert report_id in removed.stdout

    rest = [f for i, f in enumerate(files) if i != victim]
    expected = ingested(tmp_path / "without.lbdb", rest)
    with LadybugStore(db, read_only=True) as store:
        after = snapshot(store)
        edge_reports = {e["report_id"] for t in RELATION_ENDPOINTS for e in store.iter_edges(t)}
    assert report_id not in edge_reports
    assert after == expected, diff(after, expected)


def test_removing_an_unknown_report_changes_nothing(files, reference, tmp_path) -> None:
    db = tmp_path / "g.lbdb"
    ingested(db, files)
    done = run_cli("remove", "0000000000000000", "--db", str(db))
    assert done.returncode == 0, done.stderr
    with LadybugStore(db, read_only=True) as store:
        assert snapshot(store) == reference
