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
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fazhi.graph.store import GraphStore

Say = Callable[[str], None]

QUICK_REPORTS = 300
DEFAULT_REPORTS = 10_000
EXTRACT_SAMPLE = 200  # files timed for the single-process extraction and jieba numbers
QUERY_REPEATS = {True: 5, False: 20}
QUERY_BUDGET_S = 20.0  # stop repeating a slow query once it has used this much time
RSS_INTERVAL_S = 0.5  # memory sampling period of the process tree


def run_bench(quick: bool = False, workers: int | None = None, neo4j_uri: str | None = None,
              reports: int | None = None, work_dir: str | Path | None = None, seed: int = 0,
              keep: bool = False, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Generate a corpus, then time extraction, jieba, ingest (embedded, Neo4j if configured), queries.

    Returns a JSON-able dict; the keys every caller may rely on are extract_mb_per_s,
    jieba_cut_mb_per_s, ingest_reports_per_s, query_p95_ms (name -> ms) and peak_rss_mb.
    """
    say = log or (lambda _msg: None)
    n = reports or (QUICK_REPORTS if quick else DEFAULT_REPORTS)
    from fazhi.graph.ladybug_store import buffer_pool_bytes
    from fazhi.ingest import default_workers

    workers = workers or default_workers()
    root = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"reports": n, "workers": workers, "seed": seed, "machine": machine(),
                              "buffer_pool_mb": buffer_pool_bytes() // 2**20}
    try:
        corpus = _corpus(root, n, seed, workers, result, say)
        result.update(measure_extraction(corpus, EXTRACT_SAMPLE if not quick else 60))
        say(f"extract {result['extract_mb_per_s']:.2f} MB/s, jieba {result['jieba_cut_mb_per_s']:.2f} MB/s")
        with sampled_memory(result, "ingest"):
            store = _ingest_embedded(root, corpus, workers, result, say)
        try:
            with sampled_memory(result, "queries"):
                result["query_ms"] = {"embedded": measure_queries(store, QUERY_REPEATS[quick])}
        finally:
            store.close()
        uri = neo4j_uri or os.environ.get("NEO4J_URI")
        if uri:
            with sampled_memory(result, "neo4j"):  # this process and its workers; the server is not ours
                _bench_neo4j(uri, corpus, workers, quick, result, say)
        result["query_p95_ms"] = {name: q["p95_ms"] for name, q in result["query_ms"]["embedded"].items()}
        result["query_p50_ms"] = {name: q["p50_ms"] for name, q in result["query_ms"]["embedded"].items()}
        say(f"peak memory (process tree, {result['rss_metric']}): {result['peak_rss_mb']:.0f} MB")
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


def _corpus(root: Path, n: int, seed: int, workers: int, result: dict, say: Say) -> Path:
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

    from fazhi.extraction.pipeline import extract
    from fazhi.loaders import iter_files, load

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
        "extract_steps": measure_steps(docs),
    }


def measure_steps(docs: list[Any]) -> dict[str, dict[str, float | None]]:
    """Per extraction step (pipeline.STEPS, in order): median ms per report and MB/s over the sample.

    Why per step: the extraction total says whether it got slower, the steps say where. Each
    report runs the steps in order on one Document, as extract() does, so every step sees the
    hits it reads; the clock is read between steps, nothing else is added.
    """
    from statistics import median

    from fazhi.extraction.document import Document
    from fazhi.extraction.pipeline import STEPS

    seconds: dict[str, list[float]] = {name: [] for name, _ in STEPS}
    for loaded in docs:
        doc = Document(loaded)
        for name, step in STEPS:
            started = time.perf_counter()
            step(doc)
            seconds[name].append(time.perf_counter() - started)
    size_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    return {name: {"median_ms": round(median(spent) * 1000, 3),
                   "mb_per_s": round(size_mb / sum(spent), 1) if sum(spent) else None}
            for name, spent in seconds.items() if spent}


def _ingest_embedded(root: Path, corpus: Path, workers: int, result: dict, say: Say) -> GraphStore:
    from fazhi.graph.open import open_store
    from fazhi.ingest import ingest

    db = root / "bench.lbdb"
    for path in root.glob("bench.lbdb*"):
        path.unlink()
    store = open_store("embedded", db=db)
    started = time.perf_counter()
    summary = ingest([corpus], store, workers=workers, bulk=True)
    elapsed = time.perf_counter() - started
    counts = store.counts()
    edges = sum(v for k, v in counts.items() if k.isupper())
    result.update({
        "ingest_s": round(elapsed, 1),
        "ingest_write_s": round(summary.write_s, 1),
        "ingest_reports_per_s": round(len(summary.ingested) / elapsed, 1),
        "ingest_edges_per_s": round(edges / elapsed, 1),
        "ingest_failed": len(summary.failed),
        "graph_counts": counts,
        "db_mb": round(sum(p.stat().st_size for p in root.glob("bench.lbdb*")) / 1e6, 1),
    })
    say(f"embedded ingest: {result['ingest_reports_per_s']} reports/s ({elapsed:.0f} s), {edges} edges")
    return store


def _bench_neo4j(uri: str, corpus: Path, workers: int, quick: bool, result: dict, say: Say) -> None:
    """Ingest the same corpus into Neo4j and time the queries there; failures are reported, not raised.

    The write time (summary.write_s) is what the store itself costs: on 2 cores the
    end-to-end rate is bounded by the extraction workers sharing the CPU with the
    writer and a local server.
    """
    from fazhi.graph.open import open_store
    from fazhi.ingest import ingest

    try:
        store = open_store("neo4j", neo4j_uri=uri)
    except Exception as exc:  # noqa: BLE001 - an unreachable server is a result, not a crash
        result["neo4j_error"] = f"{type(exc).__name__}: {exc}"
        return
    try:
        started = time.perf_counter()
        summary = ingest([corpus], store, workers=workers)
        elapsed = time.perf_counter() - started
        counts = store.counts()
        edges = sum(v for k, v in counts.items() if k.isupper())
        result["neo4j_ingest_s"] = round(elapsed, 1)
        result["neo4j_write_s"] = round(summary.write_s, 1)
        result["neo4j_ingest_reports_per_s"] = round(len(summary.ingested) / elapsed, 1)
        result["neo4j_relationships_per_s"] = round(edges / elapsed, 1)
        result["neo4j_write_relationships_per_s"] = round(edges / summary.write_s, 1)
        result["query_ms"]["neo4j"] = measure_queries(store, QUERY_REPEATS[quick])
        result["neo4j_query_p95_ms"] = {n: q["p95_ms"] for n, q in result["query_ms"]["neo4j"].items()}
        say(f"neo4j ingest: {result['neo4j_relationships_per_s']} relationships/s")
    except Exception as exc:  # noqa: BLE001
        result["neo4j_error"] = f"{type(exc).__name__}: {exc}"
    finally:
        store.close()


def measure_queries(store: GraphStore, repeats: int) -> dict[str, dict[str, Any]]:
    """p50/p95 of every library query with its example parameters (first run is a warm-up)."""
    from fazhi.graph.store import QueryRefused
    from fazhi.queries import library

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


def _tree_pids(root: int) -> list[int]:
    """`root` and all its descendants, from the ppid field of /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue  # exited meanwhile
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])  # the name may contain spaces and ')'
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _resident_kb(pid: int) -> tuple[int, str]:
    """PSS of a process in kB (RSS if smaps_rollup is unavailable), and which of the two.

    PSS splits each shared page between the processes that map it, so the sum over a
    tree of forked workers counts their copy-on-write pages and libraries once; a
    sum of RSS counts them in every process.
    """
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            for line in Path(name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1]), field[:-1].lower()
        except (OSError, ValueError):
            continue
    return 0, "rss"


class TreeMemorySampler:
    """The peak over time of the summed memory of this process and its children, sampled in a thread.

    Why not getrusage: a forked child's ru_maxrss starts at its parent's high-water
    mark (and exec folds the old image's peak in), so extraction workers "peak" at
    the writer's size, and RUSAGE_SELF + RUSAGE_CHILDREN adds peaks that never
    coincided. Sampling misses spikes shorter than the interval; 0.5 s is far below
    the length of a checkpoint or a global query.
    """

    def __init__(self, interval_s: float = RSS_INTERVAL_S, pid: int | None = None) -> None:
        self.interval_s, self.pid = interval_s, pid or os.getpid()
        self.peak_kb = self.peak_self_kb = self.peak_child_kb = 0
        self.metric = "pss"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> TreeMemorySampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.sample()

    def sample(self) -> None:
        sizes = {pid: _resident_kb(pid) for pid in _tree_pids(self.pid)}
        self.metric = sizes.get(self.pid, (0, self.metric))[1]
        own = sizes.pop(self.pid, (0, ""))[0]
        largest = max((kb for kb, _ in sizes.values()), default=0)
        self.peak_kb = max(self.peak_kb, own + sum(kb for kb, _ in sizes.values()))
        self.peak_self_kb = max(self.peak_self_kb, own)
        self.peak_child_kb = max(self.peak_child_kb, largest)


@contextmanager
def sampled_memory(result: dict[str, Any], phase: str) -> Iterator[TreeMemorySampler]:
    """Sample the process tree during one phase; record peak_rss_<phase>_mb and the overall maxima.

    peak_rss_mb stays the headline key: the largest tree total of any sampled phase.
    """
    with TreeMemorySampler() as sampler:
        yield sampler
    mb = {k: round(v / 1024, 1) for k, v in
          (("total", sampler.peak_kb), ("self", sampler.peak_self_kb), ("child", sampler.peak_child_kb))}
    result[f"peak_rss_{phase}_mb"] = mb["total"]
    for key, value in (("peak_rss_mb", mb["total"]), ("peak_rss_self_mb", mb["self"]),
                       ("peak_rss_child_mb", mb["child"])):
        result[key] = max(result.get(key, 0.0), value)
    result["rss_metric"] = f"{sampler.metric}, sampled every {sampler.interval_s} s"


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
    lines.append(f"  peak memory    {result['peak_rss_mb']:.0f} MB, process tree "
                 f"(ingest {result.get('peak_rss_ingest_mb', 0):.0f}, queries {result.get('peak_rss_queries_mb', 0):.0f}; "
                 f"writer {result['peak_rss_self_mb']:.0f}, largest worker {result['peak_rss_child_mb']:.0f}; "
                 f"{result.get('rss_metric', '')})")
    if result.get("extract_steps"):
        lines.append("  extraction steps                 median ms/report      MB/s")
        for name, step in result["extract_steps"].items():
            rate = "-" if step["mb_per_s"] is None else f"{step['mb_per_s']:.1f}"
            lines.append(f"    {name:<34} {step['median_ms']:>10.2f} {rate:>9}")
    lines.append("  queries (embedded)                     p50 ms    p95 ms")
    for name, q in result.get("query_ms", {}).get("embedded", {}).items():
        p50 = "-" if q["p50_ms"] is None else f"{q['p50_ms']:.1f}"
        p95 = "-" if q["p95_ms"] is None else f"{q['p95_ms']:.1f}"
        lines.append(f"    {name:<34} {p50:>8} {p95:>9}" + (f"  ERROR {q['error']}" if "error" in q else ""))
    return "\n".join(lines)
