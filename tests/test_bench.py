"""The benchmark corpus generator and `run_bench` on real files, a real extractor and a real store."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import require

from fazhi.appbrowser import PAGES, chromium_path, page_name
from fazhi.bench import format_bench, run_bench
from fazhi.benchcorpus import generate
from fazhi.extraction.pipeline import extract
from fazhi.loaders import iter_files, load


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(200, tmp_path_factory.mktemp("corpus"), seed=7, workers=2)


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path, corpus) -> None:
    again = generate(200, tmp_path / "again", seed=7)  # one process this time: same bytes anyway
    assert _files(again) == _files(corpus)
    other = _files(generate(20, tmp_path / "other", seed=8))
    first = _files(corpus)
    assert sum(other[name] != first.get(name) for name in other) >= 18


def test_file_i_does_not_depend_on_n(tmp_path, corpus) -> None:
    small = _files(generate(30, tmp_path / "small", seed=7))
    everything = _files(corpus)
    assert all(everything[name] == data for name, data in small.items())


def test_start_writes_the_next_reports_of_the_same_sequence(tmp_path, corpus) -> None:
    """The bench's incremental batch (start=N) is reports N.. of the same corpus, not a copy of 0.."""
    tail = _files(generate(5, tmp_path / "tail", seed=7, start=195))
    assert len(tail) == 5
    assert tail == {name: data for name, data in _files(corpus).items() if name in tail}
    assert all("report_00019" in name for name in tail)


def test_format_shares_and_sizes(corpus) -> None:
    files = list(iter_files([corpus]))
    assert len(files) == 200
    docx = [p for p in files if p.suffix == ".docx"]
    texts = [p for p in files if p.suffix == ".txt"]
    gbk = []
    for path in texts:
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data.decode("gbk")  # must be valid GBK if it is not UTF-8
            gbk.append(path)
        assert 5_000 <= len(data) <= 20_000, (path, len(data))
    assert 17 <= len(gbk) <= 23  # ~10%
    assert 4 <= len(docx) <= 8  # ~3%
    for path in docx:
        assert "word/document.xml" in zipfile.ZipFile(path).namelist()


def test_every_file_loads_and_extracts_with_entities(corpus) -> None:
    years = set()
    for path in list(iter_files([corpus]))[:60] + [p for p in iter_files([corpus]) if p.suffix == ".docx"]:
        ex = extract(load(path))
        assert ex.agencies and ex.laws and ex.measures and ex.regions, path
        assert any(r.type == "CITES" for r in ex.relations), path
        assert ex.report.year is not None and 2015 <= ex.report.year <= 2024, (path, ex.report.year)
        years.add(ex.report.year)
    assert len(years) >= 5


def test_quick_bench_reports_every_number(tmp_path) -> None:
    result = run_bench(quick=True, reports=40, workers=2, work_dir=tmp_path, incremental=12)
    for key in ("extract_mb_per_s", "jieba_cut_mb_per_s", "ingest_reports_per_s", "peak_rss_mb"):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["graph_counts"]["Report"] == 40
    p95 = result["query_p95_ms"]
    assert len(p95) >= 10
    failed = {n for n, q in result["query_ms"]["embedded"].items() if "error" in q}
    assert not failed, failed
    assert all(v > 0 for v in p95.values())
    text = format_bench(result)
    assert "MB/s" in text and "top_measures" in text

    assert "incremental" in text and "bytes" in text and "closing" in text
    assert isinstance(result["incremental_close_s"], float)  # the closing checkpoint is timed apart


def test_incremental_batch_is_new_and_leaves_the_aggregates_right(tmp_path) -> None:
    """The incremental batch lands in the bulk-loaded store as new reports, the checks say so, and
    bench.json (written after every phase) holds the same result."""
    result = run_bench(quick=True, reports=30, workers=2, work_dir=tmp_path, incremental=12)
    assert result["incremental_reports_after"] == result["incremental_expected_reports"] == 42
    assert result["incremental_failed"] == 0
    assert result["incremental_derived_problems"] == []
    assert result["incremental_12_s"] >= result["incremental_write_s"] > 0
    assert result["store_bytes_after_incremental"] > result["store_bytes_before_incremental"] > 0
    assert result["store_bytes"] == result["store_bytes_before_incremental"]
    saved = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert saved["phases_done"][:4] == ["extraction", "ingest", "queries", "incremental"]
    assert saved["incremental_reports_after"] == 42 and saved["query_p95_ms"] == result["query_p95_ms"]


@pytest.mark.slow
@pytest.mark.neo4j
@pytest.mark.browser
def test_neo4j_bulk_and_incremental_and_app_pages(tmp_path) -> None:
    """--neo4j: the CSV export + neo4j-admin import carries every relationship of the embedded store
    and the incremental path writes them all too; --app: every page's first render is timed."""
    import shutil

    require(shutil.which("java") is not None, "java is not installed (needed for Neo4j)")
    require(chromium_path() is not None, "Debian chromium is not installed")
    result = run_bench(quick=True, reports=20, workers=2, work_dir=tmp_path, incremental=0, neo4j=True, app=True)
    assert "neo4j_bulk_error" not in result and "neo4j_error" not in result and "app_error" not in result
    embedded = {k: v for k, v in result["graph_counts"].items() if k.isupper()}
    assert {k: v for k, v in result["neo4j_bulk_counts"].items() if k.isupper()} == embedded
    assert result["neo4j_bulk_relationships"] == sum(embedded.values()) > 0
    assert result["neo4j_bulk_relationships_per_s"] > 0 and result["neo4j_relationships_per_s"] > 0
    assert result["neo4j_bulk_derived_problems"] == [] and result["neo4j_incremental_derived_problems"] == []
    assert result["neo4j_incremental_reports"] == 20 and result["neo4j_incremental_relationships"] > 0
    assert set(result["app_first_render_s"]) == {page_name(path) for path in PAGES}
    assert all(s > 0 for s in result["app_first_render_s"].values())
    assert result["app_warmed_first_page_s"] > 0 and result["app_warm_up_s"] > 0
    # the JVM and the browser are children during their phases: recorded apart, not in the headline
    assert result["peak_rss_mb"] == max(result["peak_rss_ingest_mb"], result["peak_rss_queries_mb"])
    assert result["peak_rss_neo4j_bulk_mb"] > 0 and result["peak_rss_app_mb"] > 0
    text = format_bench(result)
    assert "neo4j bulk" in text and "app first render" in text
