"""`fazhi bench`: extraction, ingest and query speed measured in one run on one generated corpus.

Why one run: throughput numbers are only comparable when they come from the same
text on the same machine at the same time, so extraction is timed next to its
natural baseline (jieba's default-mode `lcut` over the very same strings), and
ingest and query latency are measured on the graph that this corpus produces.
The corpus comes from fazhi.benchcorpus (deterministic per seed).
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUICK_REPORTS = 300
DEFAULT_REPORTS = 10_000
EXTRACT_SAMPLE = 200  # files timed for the single-process extraction and jieba numbers
QUERY_REPEATS = {True: 5, False: 20}
QUERY_BUDGET_S = 20.0  # stop repeating a slow query once it has used this much time


def run_bench(quick: bool = False, workers: int | None = None, neo4j_uri: str | None = None,
              reports: int | None = None, work_dir: str | Path | None = None, seed: int = 0,
              keep: bool = False, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Generate a corpus, then time extraction, jieba, ingest (embedded, Neo4j if configured), queries.

    Returns a JSON-able dict; the keys every caller may rely on are extract_mb_per_s,
    jieba_cut_mb_per_s, ingest_reports_per_s, query_p95_ms (name -> ms) and peak_rss_mb.
    """
    say = log or (lambda _msg: None)
    n = reports or (QUICK_REPORTS if quick else DEFAULT_REPORTS)
    workers = workers or os.cpu_count() or 1
    root = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"reports": n, "workers": workers, "seed": seed, "machine": machine()}
    try:
        corpus = _corpus(root, n, seed, workers, result, say)
        result.update(measure_extraction(corpus, EXTRACT_SAMPLE if not quick else 60))
        say(f"extract {result['extract_mb_per_s']:.2f} MB/s, jieba {result['jieba_cut_mb_per_s']:.2f} MB/s")
        store = _ingest_embedded(root, corpus, workers, result, say)
        try:
            result["query_ms"] = {"embedded": measure_queries(store, QUERY_REPEATS[quick])}
        finally:
            store.close()
        uri = neo4j_uri or os.environ.get("NEO4J_URI")
        if uri:
            _bench_neo4j(uri, corpus, workers, quick, result, say)
        result["query_p95_ms"] = {name: q["p95_ms"] for name, q in result["query_ms"]["embedded"].items()}
        result["query_p50_ms"] = {name: q["p50_ms"] for name, q in result["query_ms"]["embedded"].items()}
        result.update(peak_rss())
    finally:
        if not keep and not work_dir:
            shutil.rmtree(root, ignore_errors=True)
    return result


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory_gb, 1),
            "python": platform.python_version()}


def _corpus(root: Path, n: int, seed: int, workers: int, result: dict, say) -> Path:
    from fazhi.benchcorpus import generate

    corpus = root / f"corpus_{n}_{seed}"
    marker = corpus / ".complete"
    started = time.perf_counter()
    if not marker.exists():
        generate(n, corpus, seed, workers=workers)
        marker.write_text("ok")
    result["generate_s"] = round(time.perf_counter() - started, 2)
    result["corpus_mb"] = round(sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6, 1)
    say(f"corpus: {n} reports, {result['corpus_mb']} MB in {result['generate_s']} s")
    return corpus


def measure_extraction(corpus: Path, sample: int) -> dict[str, Any]:
    """Single-process extraction and jieba.lcut throughput on the same normalised texts.

    MB are UTF-8 megabytes of the normalised text; one process, so the figures are
    per core. Loading (decoding, normalising) is timed separately: it is part of an
    ingest but not of the extractor.
    """
    import jieba

    from extraction.pipeline import extract
    from loaders import iter_files, load

    files = list(iter_files([corpus]))[:sample]
    started = time.perf_counter()
    docs = [load(f) for f in files]
    load_s = time.perf_counter() - started
    size_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    extract(docs[0])  # dictionaries and regexes are built once per process: not part of throughput
    started = time.perf_counter()
    for doc in docs:
        extract(doc)
    extract_s = time.perf_counter() - started
    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    for doc in docs:
        jieba.lcut(doc.text)
    jieba_s = time.perf_counter() - started
    return {
        "extract_sample_files": len(docs), "extract_sample_mb": round(size_mb, 2),
        "load_mb_per_s": round(size_mb / load_s, 3),
        "extract_mb_per_s": round(size_mb / extract_s, 3),
        "jieba_cut_mb_per_s": round(size_mb / jieba_s, 3),
        "extract_vs_jieba": round(jieba_s / extract_s, 2),
    }


def _ingest_embedded(root: Path, corpus: Path, workers: int, result: dict, say):
    from fazhi.ingest import ingest
    from graph.ladybug_store import LadybugStore

    db = root / "bench.lbdb"
    for path in root.glob("bench.lbdb*"):
        path.unlink()
    store = LadybugStore(db)
    started = time.perf_counter()
    summary = ingest([corpus], store, workers=workers, bulk=True)
    elapsed = time.perf_counter() - started
    counts = store.counts()
    edges = sum(v for k, v in counts.items() if k.isupper())
    result.update({
        "ingest_s": round(elapsed, 1),
        "ingest_reports_per_s": round(len(summary.ingested) / elapsed, 1),
        "ingest_edges_per_s": round(edges / elapsed, 1),
        "ingest_failed": len(summary.failed),
        "graph_counts": counts,
        "db_mb": round(sum(p.stat().st_size for p in root.glob("bench.lbdb*")) / 1e6, 1),
    })
    say(f"embedded ingest: {result['ingest_reports_per_s']} reports/s ({elapsed:.0f} s), {edges} edges")
    return store


def _bench_neo4j(uri: str, corpus: Path, workers: int, quick: bool, result: dict, say) -> None:
    """Ingest the same corpus into Neo4j and time the queries there; failures are reported, not raised."""
    from fazhi.ingest import ingest
    from graph.neo4j_store import Neo4jStore

    try:
        store = Neo4jStore.from_env(uri=uri)
    except Exception as exc:  # noqa: BLE001 - an unreachable server is a result, not a crash
        result["neo4j_error"] = f"{type(exc).__name__}: {exc}"
        return
    try:
        started = time.perf_counter()
        summary = ingest([corpus], store, workers=workers)
        elapsed = time.perf_counter() - started
        counts = store.counts()
        edges = sum(v for k, v in counts.items() if k.isupper())
        result["neo4j_ingest_reports_per_s"] = round(len(summary.ingested) / elapsed, 1)
        result["neo4j_relationships_per_s"] = round(edges / elapsed, 1)
        result["query_ms"]["neo4j"] = measure_queries(store, QUERY_REPEATS[quick])
        result["neo4j_query_p95_ms"] = {n: q["p95_ms"] for n, q in result["query_ms"]["neo4j"].items()}
        say(f"neo4j ingest: {result['neo4j_relationships_per_s']} relationships/s")
    except Exception as exc:  # noqa: BLE001
        result["neo4j_error"] = f"{type(exc).__name__}: {exc}"
    finally:
        store.close()


def measure_queries(store, repeats: int) -> dict[str, dict[str, Any]]:
    """p50/p95 of every library query with its example parameters (first run is a warm-up)."""
    from graph.store import QueryRefused
    from queries import library

    out: dict[str, dict[str, Any]] = {}
    for name, query in sorted(library.load_library().items()):
        cypher = query.cypher_for(store.dialect)
        timings: list[float] = []
        rows = 0
        error = None
        try:
            rows = len(store.query(cypher, dict(query.params), timeout_s=60).rows)  # warm-up
            spent = 0.0
            for _ in range(repeats):
                started = time.perf_counter()
                store.query(cypher, dict(query.params), timeout_s=60)
                timings.append(time.perf_counter() - started)
                spent += timings[-1]
                if spent > QUERY_BUDGET_S and len(timings) >= 2:
                    break
        except QueryRefused as exc:
            error = str(exc)[:200]
        out[name] = {"p50_ms": _pct(timings, 50), "p95_ms": _pct(timings, 95), "runs": len(timings),
                     "rows": rows, **({"error": error} if error else {})}
    return out


def _pct(values: list[float], pct: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return round(ordered[0] * 1000, 2)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return round(ordered[index] * 1000, 2)


def peak_rss() -> dict[str, float]:
    """Peak RSS of this process and of its largest child (extraction workers), in MB.

    ru_maxrss is in KB on Linux. The sum is an upper bound of what was resident at once.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own + children, 1), "peak_rss_self_mb": round(own, 1),
            "peak_rss_child_mb": round(children, 1)}


def format_bench(result: dict[str, Any]) -> str:
    """A short human-readable report of a run_bench result."""
    m = result.get("machine", {})
    lines = [
        f"fazhi bench: {result['reports']} generated reports, {result['workers']} workers "
        f"({m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory_gb', '?')} GB)",
        f"  extraction     {result['extract_mb_per_s']:.2f} MB/s per core   "
        f"jieba.lcut {result['jieba_cut_mb_per_s']:.2f} MB/s   ratio {result['extract_vs_jieba']:.1f}x",
        f"  loading        {result['load_mb_per_s']:.2f} MB/s per core (decode + normalise)",
        f"  embedded load  {result['ingest_reports_per_s']:.1f} reports/s, "
        f"{result['ingest_edges_per_s']:.0f} edges/s, {result['ingest_s']:.0f} s total, "
        f"{result.get('ingest_failed', 0)} failed",
    ]
    if "neo4j_relationships_per_s" in result:
        lines.append(f"  neo4j load     {result['neo4j_relationships_per_s']:.0f} relationships/s")
    elif "neo4j_error" in result:
        lines.append(f"  neo4j          not measured: {result['neo4j_error']}")
    lines.append(f"  peak RSS       {result['peak_rss_mb']:.0f} MB "
                 f"(writer {result['peak_rss_self_mb']:.0f}, largest worker {result['peak_rss_child_mb']:.0f})")
    lines.append("  queries (embedded)                     p50 ms    p95 ms")
    for name, q in result.get("query_ms", {}).get("embedded", {}).items():
        p50 = "-" if q["p50_ms"] is None else f"{q['p50_ms']:.1f}"
        p95 = "-" if q["p95_ms"] is None else f"{q['p95_ms']:.1f}"
        lines.append(f"    {name:<34} {p50:>8} {p95:>9}" + (f"  ERROR {q['error']}" if "error" in q else ""))
    return "\n".join(lines)
