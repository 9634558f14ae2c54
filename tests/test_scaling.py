"""Ingest gives one graph however it is parallelised: worker counts, write paths, a Dask cluster.

All runs use ~40 generated reports and compare whole-store snapshots (every node
and edge with every property), so any difference in ids, evidence or counts fails.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from fazhi.benchcorpus import generate
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import rows_from_extractions
from fazhi.ingest import extract_file, ingest
from fazhi.loaders import iter_files
from helpers import snapshot

N_REPORTS = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(N_REPORTS, tmp_path_factory.mktemp("corpus"), seed=11)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    """One worker, default (CREATE) write path, batches of 7 so several commits happen."""
    with LadybugStore(tmp_path_factory.mktemp("ref") / "ref.lbdb") as store:
        summary = ingest([corpus], store, workers=1, batch_reports=7)
        assert len(summary.ingested) == N_REPORTS and not summary.failed
        snap = snapshot(store)
    assert sum(len(v) for v in snap["edges"].values()) > 1000  # a real graph, not an empty one
    return snap


@pytest.mark.parametrize(("workers", "bulk"), [(2, False), (2, True), (1, True)])
def test_worker_count_and_write_path_do_not_change_the_graph(corpus, reference, tmp_path, workers,
                                                               bulk) -> None:
    with LadybugStore(tmp_path / "g.lbdb") as store:
        ingest([corpus], store, workers=workers, bulk=bulk, batch_reports=13)
        assert snapshot(store) == reference


def test_reingest_on_either_path_changes_nothing(corpus, reference, tmp_path) -> None:
    with LadybugStore(tmp_path / "g.lbdb") as store:
        ingest([corpus], store, workers=2, bulk=True)
        ingest([corpus], store, workers=2, bulk=True)  # every report exists: the MERGE path
        ingest([corpus], store, workers=1, batch_reports=5)
        assert snapshot(store) == reference


def test_merge_only_writes_give_the_same_graph(corpus, reference, tmp_path) -> None:
    """Half the reports first, then all: the second write mixes new (CREATE) and stored (MERGE) reports."""
    files = list(iter_files([corpus]))
    with LadybugStore(tmp_path / "g.lbdb") as store:
        ingest(files[::2], store, workers=1)
        ingest(files, store, workers=1, bulk=True)
        assert snapshot(store) == reference


@pytest.mark.slow
def test_dask_cluster_map_then_driver_write_equals_local_ingest(corpus, reference, tmp_path, monkeypatch) -> None:
    """Extraction as a map over files on a Dask LocalCluster; GraphRows gathered; one writer (this process)."""
    distributed = pytest.importorskip("distributed")
    # Spawned workers re-run the parent's __main__ file; Streamlit's AppTest (earlier tests) leaves
    # app.py installed as __main__, which would open the store in every worker. A bare module runs nothing.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    files = [str(p) for p in iter_files([corpus])]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        futures = client.map(extract_file, files, pure=False)
        with LadybugStore(tmp_path / "dask.lbdb") as store:
            for start in range(0, len(futures), 10):  # bounded: gather and write 10 reports at a time
                results = client.gather(futures[start : start + 10])
                assert not [r for r in results if isinstance(r, tuple)]
                store.write(rows_from_extractions(results))
            assert snapshot(store) == reference


def test_cli_bulk_loads_a_fresh_store_and_refuses_a_filled_one(corpus, reference, tmp_path) -> None:
    """`fazhi ingest --bulk` gives the same graph; on a store that holds reports it refuses and changes nothing."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    db = tmp_path / "cli.lbdb"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "fazhi.cli", "ingest", str(corpus), "--db", str(db), *args],
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)

    first = cli("--bulk", "--workers", "2")
    assert first.returncode == 0, first.stderr[-2000:]
    second = cli("--bulk")
    assert second.returncode != 0 and "fresh embedded store" in second.stderr, second.stderr[-2000:]
    with LadybugStore(db, read_only=True) as store:
        assert snapshot(store) == reference


def test_new_reports_into_a_large_store_go_in_large_batches(corpus, tmp_path, monkeypatch) -> None:
    """The batch size follows the store as well as the files: each commit's cost grows with the store
    (fazhi.ingest.batch_size), so a few new reports into a large store are one batch, not several."""
    files = sorted(corpus.rglob("*.txt"))
    monkeypatch.setattr("fazhi.ingest.BATCH_REPORTS", 3)
    monkeypatch.setattr("fazhi.ingest.LARGE_CORPUS", 8)
    with LadybugStore(tmp_path / "g.lbdb") as store:
        writes: list[int] = []
        write = store.write
        monkeypatch.setattr(store, "write", lambda rows: (writes.append(len(rows.nodes.get("Report", {}))),
                                                          write(rows))[1])
        ingest(files[:7], store, workers=1)  # a small store: batches of 3
        assert writes == [3, 3, 1]
        writes.clear()
        ingest(files[7:14], store, workers=1)  # the store now holds 7 < 8: still small batches
        assert writes == [3, 3, 1]
        writes.clear()
        ingest(files[14:21], store, workers=1)  # 14 stored reports >= 8: one batch
        assert writes == [7]
