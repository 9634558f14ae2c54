"""The benchmark corpus generator and `run_bench` on real files, a real extractor and a real store."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

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
    result = run_bench(quick=True, reports=40, workers=2, work_dir=tmp_path)
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
