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
from typing import Any, TypeVar

from fazhi.graph.store import GraphStore

Say = Callable[[str], None]
T = TypeVar("T")

QUICK_REPORTS = 300
DEFAULT_REPORTS = 10_000
EXTRACT_SAMPLE = 200  # files timed for the single-process extraction and jieba numbers
QUERY_REPEATS = {True: 5, False: 20}
QUERY_BUDGET_S = 20.0  # stop repeating a slow query once it has used this much time
RSS_INTERVAL_S = 0.5  # memory sampling period of the process tree
PROGRESS_REPORTS = 5000  # files between the ingest's progress points in bench.json
INCREMENTAL_REPORTS = 500  # new reports added on the default path after the bulk load (issue 13's goal)
WHOLE_CORPUS_NEO4J = 2000  # up to this size the whole corpus also goes through Neo4j's incremental path


def run_bench(quick: bool = False, workers: int | None = None, neo4j_uri: str | None = None,
              reports: int | None = None, work_dir: str | Path | None = None, seed: int = 0,
              keep: bool = False, log: Callable[[str], None] | None = None, *, neo4j: bool = False,
              app: bool = False, incremental: int = INCREMENTAL_REPORTS) -> dict[str, Any]:
    """Generate a corpus, then time extraction, jieba, ingest, queries, an incremental batch, and when
    asked the app's pages in Chromium and Neo4j (bulk import and incremental ingest).

    Returns a JSON-able dict; the keys every caller may rely on are extract_mb_per_s,
    jieba_cut_mb_per_s, ingest_reports_per_s, query_p95_ms (name -> ms) and peak_rss_mb.
    The result so far is also written to <work dir>/bench.json after every phase, so a run
    stopped half-way (a 50k run against a deadline) still leaves what it measured.
    """
    say = log or (lambda _msg: None)
    n = reports or (QUICK_REPORTS if quick else DEFAULT_REPORTS)
    from fazhi.ingest import default_workers

    workers = workers or default_workers()
    root = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="fazhi-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    result = _started(n, workers, seed)
    result["work_dir"] = str(root)
    save = _saver(root / "bench.json", result)
    try:
        corpus = _corpus(root, n, seed, workers, result, say)
        result.update(_in_own_process(measure_extraction, corpus, EXTRACT_SAMPLE if not quick else 60))
        say(f"extract {result['extract_mb_per_s']:.2f} MB/s, jieba {result['jieba_cut_mb_per_s']:.2f} MB/s")
        save("extraction")
        _embedded_phases(root, corpus, workers, quick, incremental, result, say, save)
        if app:
            with sampled_memory(result, "app", headline=False):  # streamlit and Chromium are children
                _bench_app(root, result, say)
            save("app")
        uri = neo4j_uri or os.environ.get("NEO4J_URI")
        if neo4j or uri:
            _neo4j_phases(root, corpus, workers, quick, uri, neo4j, incremental or min(INCREMENTAL_REPORTS, n),
                          result, say, save)
        say(f"peak memory (process tree, {result['rss_metric']}): {result['peak_rss_mb']:.0f} MB")
        save("done")
    finally:
        if not keep and not work_dir:
            shutil.rmtree(root, ignore_errors=True)
    return result


def _in_own_process(work: Callable[..., T], *args: Any) -> T:
    """work(*args) in a fresh process (an extraction worker's, fazhi.ingest.worker_context), its result here.

    Why: measuring extraction loads the extractor's dictionaries and jieba's (~130 MB) into the process
    that runs it, and this process is the writer of the ingest measured next, which `fazhi ingest`'s
    writer never carries (its workers extract); peak_rss_mb is about that ingest.
    """
    from concurrent.futures import ProcessPoolExecutor

    from fazhi.ingest import worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        return pool.submit(work, *args).result()


def _started(n: int, workers: int, seed: int) -> dict[str, Any]:
    """The run's settings, first in the JSON: the memory goal is about `fazhi ingest`'s defaults, so
    the result says which pool and path the ingest used."""
    from fazhi.graph.ladybug_store import buffer_pool_bytes
    from fazhi.graph.neo4j_server import HEAP, IMPORT_HEAP, PAGE_CACHE_MB

    pool_mb = buffer_pool_bytes() // 2**20
    return {"reports": n, "workers": workers, "seed": seed, "machine": machine(), "buffer_pool_mb": pool_mb,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "load_average": os.getloadavg(),
            "ingest_settings": f"bulk ingest (fazhi ingest --bulk) with the default buffer pool ({pool_mb} MB) and "
                               f"{workers} extraction workers; the incremental batch on the default (crash-safe) path",
            "neo4j_settings": f"own server: heap {HEAP}, page cache sized to its store (1.25x, at least "
                              f"{PAGE_CACHE_MB} MiB: neo4j_server.page_cache_for); neo4j-admin import heap {IMPORT_HEAP}"}


def _saver(path: Path, result: dict[str, Any]) -> Callable[[str], None]:
    """A function that writes `result` to `path` (whole file replaced, never half-written) after a phase."""
    import json

    def save(phase: str) -> None:
        result["phases_done"] = [*result.get("phases_done", []), phase]
        result["load_average_now"] = os.getloadavg()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)

    return save


def _embedded_phases(root: Path, corpus: Path, workers: int, quick: bool, incremental: int,
                     result: dict[str, Any], say: Say, save: Callable[[str], None]) -> None:
    """Bulk ingest; the query library on a read-only handle, as the app opens the store; then
    `incremental` new reports on the default path through a writable handle, as a later `fazhi ingest`
    process would open it. Each phase closes its handle, so no phase runs beside the pool and caches of
    another (the bulk writer's pool, full of the load's pages, made a query fail for want of pool; see
    docs/BENCHMARKS.md, "The bulk writer's memory, session 10"). A failed batch is a result, not a crash."""
    from fazhi.graph.open import open_store
    from fazhi.graph.store import StoreError

    with sampled_memory(result, "ingest") as sampler:
        progress = _ingest_progress(result, sampler, say, save)
        try:
            _ingest_embedded(root, corpus, workers, result, say, progress)
        except StoreError as exc:  # in the JSON too: a run that dies after 20 minutes must say why
            result["ingest_error"] = f"{type(exc).__name__}: {str(exc)[:400]}"
            save("ingest failed")
            raise
    save("ingest")
    store = open_store("embedded", db=root / "bench.lbdb", read_only=True)
    try:
        with sampled_memory(result, "queries"):
            result["query_ms"] = {"embedded": measure_queries(store, QUERY_REPEATS[quick])}
        result["query_p95_ms"] = {name: q["p95_ms"] for name, q in result["query_ms"]["embedded"].items()}
        result["query_p50_ms"] = {name: q["p50_ms"] for name, q in result["query_ms"]["embedded"].items()}
        save("queries")
    finally:
        store.close()
    if not incremental:
        return
    new = _new_reports(root, incremental, result)  # before the phase: generating them is no part of an ingest
    with sampled_memory(result, "incremental"):
        try:
            later = open_store("embedded", db=root / "bench.lbdb")
            try:
                _ingest_incremental(root, later, new, incremental, result, say)
            finally:
                started = time.perf_counter()
                later.close()  # checkpoints the write-ahead log the ingest left (LadybugStore.close): part of its cost
                result["incremental_close_s"] = round(time.perf_counter() - started, 1)
        except StoreError as exc:
            result["incremental_error"] = f"{type(exc).__name__}: {str(exc)[:400]}"
            say(f"incremental: failed: {result['incremental_error']}")
    save("incremental")


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


def _ingest_progress(result: dict[str, Any], sampler: TreeMemorySampler, say: Say,
                     save: Callable[[str], None]) -> Callable[[str], None]:
    """A per-file progress callback for ingest that every PROGRESS_REPORTS files records (reports,
    seconds, peak PSS so far, store bytes) in result["ingest_progress"] and saves the JSON: a 50k
    ingest cut off by a deadline still says how far it got, how fast, and at what memory."""
    started = time.perf_counter()
    seen = [0]
    root = Path(result.get("work_dir", "."))

    def progress(_source: str) -> None:
        seen[0] += 1
        if seen[0] % PROGRESS_REPORTS:
            return
        point = {"files": seen[0], "s": round(time.perf_counter() - started, 1),
                 "peak_rss_mb": round(sampler.peak_kb / 1024, 1), "store_bytes": store_bytes(root)}
        result.setdefault("ingest_progress", []).append(point)
        say(f"ingest progress: {point}")
        save(f"ingest {seen[0]}")

    return progress


def _ingest_embedded(root: Path, corpus: Path, workers: int, result: dict, say: Say,
                     progress: Callable[[str], None] | None = None) -> None:
    """`fazhi ingest --bulk` of the corpus into a new bench.lbdb with the default settings; the store is closed
    after it (the writer's memory goes with it)."""
    from fazhi.graph.open import open_store
    from fazhi.ingest import ingest

    db = root / "bench.lbdb"
    for path in root.glob("bench.lbdb*"):
        path.unlink()
    store = open_store("embedded", db=db)
    try:
        started = time.perf_counter()
        summary = ingest([corpus], store, workers=workers, bulk=True, progress=progress)
        elapsed = time.perf_counter() - started
        counts = store.counts()
    finally:
        store.close()
    edges = sum(v for k, v in counts.items() if k.isupper())
    result.update({
        "ingest_s": round(elapsed, 1),
        "ingest_write_s": round(summary.write_s, 1),
        "ingest_reports_per_s": round(len(summary.ingested) / elapsed, 1),
        "ingest_edges_per_s": round(edges / elapsed, 1),
        "ingest_failed": len(summary.failed),
        "graph_counts": counts,
        "store_bytes": store_bytes(root),
        "texts_bytes": store_bytes(root, "bench.lbdb.texts*"),
        "db_mb": round(store_bytes(root) / 1e6, 1),
    })
    say(f"embedded ingest: {result['ingest_reports_per_s']} reports/s ({elapsed:.0f} s), {edges} edges")


def store_bytes(root: Path, pattern: str = "bench.lbdb*") -> int:
    """Bytes on disk of the bench store: the LadybugDB file, its write-ahead log and the report texts
    file beside it (graph/texts.py; `texts_bytes` alone)."""
    return sum(p.stat().st_size for p in root.glob(pattern) if p.is_file())


def _new_reports(root: Path, count: int, result: dict[str, Any], after: int = 0, name: str = "new") -> Path:
    """`count` reports the bulk-loaded corpus does not hold (corpus indices N+after .. N+after+count-1: `after`
    skips those an earlier phase added), in a folder."""
    from fazhi.benchcorpus import generate

    n, seed = result["reports"], result["seed"]
    new = root / f"{name}_{n}_{count}_{seed}"
    shutil.rmtree(new, ignore_errors=True)
    return generate(count, new, seed, workers=result["workers"], start=n + after)


def _ingest_incremental(root: Path, store: GraphStore, new: Path, count: int, result: dict[str, Any],
                        say: Say) -> None:
    """The `count` new reports in `new` on `fazhi ingest`'s default, crash-safe path (one transaction per
    batch, no bulk COPY), then the checks that the derived aggregates followed: the report count from
    report_counts and graph.derived.check's probe."""
    from fazhi.graph.derived import check
    from fazhi.ingest import ingest

    workers = result["workers"]
    before = store_bytes(root)
    started = time.perf_counter()
    summary = ingest([new], store, workers=workers)
    elapsed = time.perf_counter() - started
    reports_after = _report_count(store)
    problems = check(lambda cypher, params: store.query(cypher, params).rows)
    result.update({
        "incremental_reports": count,
        f"incremental_{count}_s": round(elapsed, 1),
        "incremental_write_s": round(summary.write_s, 1),
        "incremental_failed": len(summary.failed),
        "incremental_expected_reports": result["graph_counts"].get("Report", 0) + len(summary.ingested),
        "incremental_reports_after": reports_after,
        "incremental_derived_problems": problems,
        "store_bytes_before_incremental": before,
        "store_bytes_after_incremental": store_bytes(root),
    })
    say(f"incremental: {count} new reports in {elapsed:.1f} s ({summary.write_s:.1f} s writing), "
        f"{reports_after} reports, derived {problems or 'ok'}")


def _report_count(store: GraphStore) -> int:
    """Reports in the store as the app counts them (the report_counts library query)."""
    from fazhi.queries import library

    query = library.load_library()["report_counts"]
    return int(store.query(query.cypher_for(store.dialect), dict(query.params)).rows[0][0])


def _bench_app(root: Path, result: dict[str, Any], say: Say) -> None:
    """First render of every page in headless Chromium on the bench store (fazhi.appbrowser, the
    machinery of tests/test_browser.py); a missing browser is reported in the result, not raised."""
    from fazhi.appbrowser import measure_pages, measure_warmed_first_page

    try:
        timings = measure_pages(root / "bench.lbdb", root / "streamlit.log")
        warmed = measure_warmed_first_page(root / "bench.lbdb", root / "streamlit-warmed.log")
    except Exception as exc:  # noqa: BLE001 - no Chromium/playwright here is a result, not a crash
        result["app_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
        say(f"app: not measured: {result['app_error']}")
        return
    result["app_first_render_s"] = timings
    result["app_cold_first_page_s"] = timings["overview"]
    result["app_warmed_first_page_s"] = warmed["first_page_s"]  # as `fazhi app` serves it
    result["app_warm_up_s"] = warmed["warm_up_s"]
    say(f"app first render (s): {timings}; first page after `fazhi app`'s warm-up: {warmed}")


def _neo4j_phases(root: Path, corpus: Path, workers: int, quick: bool, uri: str | None, own: bool, new: int,
                  result: dict[str, Any], say: Say, save: Callable[[str], None]) -> None:
    """With `own` (--neo4j): the bulk path into a server this run starts, then the incremental path,
    `new` reports new to that imported graph on `fazhi ingest --backend neo4j`'s default path;
    the whole corpus through the incremental path too (into a fresh server) only up to WHOLE_CORPUS_NEO4J
    reports (~1 h at 50,000). With `uri`, the whole corpus goes into that server instead. Neo4j's JVM is a
    child of this process, so these phases' memory is recorded apart (peak_rss_neo4j*_mb), not in peak_rss_mb."""
    if own:
        with sampled_memory(result, "neo4j_bulk", headline=False):
            _bench_neo4j_bulk(root, result, say)
        save("neo4j_bulk")
        if "neo4j_bulk_error" not in result:
            folder = _new_reports(root, new, result, after=result.get("incremental_reports", 0), name="neo4j_new")
            with sampled_memory(result, "neo4j_incremental", headline=False):
                _bench_neo4j_incremental(root, folder, result, say)
            save("neo4j_incremental")
    if not uri and result["reports"] > WHOLE_CORPUS_NEO4J:
        return
    with sampled_memory(result, "neo4j", headline=False):
        if uri:
            _bench_neo4j(uri, corpus, workers, quick, result, say)
        else:
            try:
                with own_neo4j(root / "neo4j-incremental", fresh=True) as own_uri:
                    _bench_neo4j(own_uri, corpus, workers, quick, result, say)
            except Exception as exc:  # noqa: BLE001 - no java/jars is a result, not a crash
                result["neo4j_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    save("neo4j")


@contextmanager
def own_neo4j(data_dir: Path, *, fresh: bool) -> Iterator[str]:
    """A local Neo4j (graph/neo4j_server.py, the jars `fazhi neo4j start` uses) serving data_dir, with
    its own pid file beside it; stopped afterwards. `fresh` empties data_dir first."""
    from fazhi.graph import neo4j_server

    if fresh:
        shutil.rmtree(data_dir, ignore_errors=True)
    pid_file = data_dir.with_name(data_dir.name + ".pid")
    info = neo4j_server.start(data_dir=data_dir, pid_file=pid_file)
    try:
        yield info.uri
    finally:
        neo4j_server.stop(pid_file)


def _bench_neo4j_bulk(root: Path, result: dict[str, Any], say: Say) -> None:
    """`fazhi export --format csv` of the bench store, then `fazhi neo4j import` (neo4j-admin) into a
    fresh data folder, timed end to end; then a server on the result, its first open timed (the constraints
    on the imported keys, no recount: the CSV carries the aggregates, which derived.check probes). The data
    folder stays for _bench_neo4j_incremental."""
    from fazhi.graph import neo4j_server
    from fazhi.graph.derived import check
    from fazhi.graph.exports import export
    from fazhi.graph.open import open_store

    csv_dir, data_dir = root / "neo4j-csv", root / "neo4j-bulk"
    for path in (csv_dir, data_dir):
        shutil.rmtree(path, ignore_errors=True)
    try:
        started = time.perf_counter()
        source = open_store("embedded", db=root / "bench.lbdb", read_only=True)
        try:
            export(source, "csv", csv_dir)
        finally:
            source.close()
        exported = time.perf_counter()
        say(f"neo4j bulk: exported in {exported - started:.0f} s")
        neo4j_server.admin_import(csv_dir.resolve(), data_dir, pid_file=data_dir.with_name("neo4j-bulk.pid"))
        imported = time.perf_counter()
        say(f"neo4j bulk: imported in {imported - exported:.0f} s")
        with own_neo4j(data_dir, fresh=False) as uri:
            served = time.perf_counter()
            target = open_store("neo4j", neo4j_uri=uri)
            try:
                opened = time.perf_counter()
                counts = target.counts()
                problems = check(lambda cypher, params: target.query(cypher, params).rows)
            finally:
                target.close()
    except Exception as exc:  # noqa: BLE001 - no java/jars, or an import error, is a result
        result["neo4j_bulk_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
        say(f"neo4j bulk: not measured: {result['neo4j_bulk_error']}")
        return
    edges = sum(v for k, v in counts.items() if k.isupper())
    result.update({
        "neo4j_bulk_export_s": round(exported - started, 1),
        "neo4j_bulk_import_s": round(imported - exported, 1),
        "neo4j_bulk_start_s": round(served - imported, 1),
        "neo4j_bulk_open_s": round(opened - served, 1),
        "neo4j_bulk_csv_bytes": sum(p.stat().st_size for p in csv_dir.rglob("*") if p.is_file()),
        "neo4j_bulk_relationships": edges,
        "neo4j_bulk_counts": counts,
        "neo4j_bulk_relationships_per_s": round(edges / (imported - started), 1),
        "neo4j_bulk_import_relationships_per_s": round(edges / (imported - exported), 1),
        "neo4j_bulk_ready_relationships_per_s": round(edges / (opened - started), 1),
        "neo4j_bulk_derived_problems": problems,
    })
    shutil.rmtree(csv_dir, ignore_errors=True)
    say(f"neo4j bulk: {edges} relationships, export {exported - started:.0f} s + import "
        f"{imported - exported:.0f} s = {result['neo4j_bulk_relationships_per_s']} relationships/s; server start "
        f"{served - imported:.0f} s, first open {opened - served:.0f} s; derived {problems or 'ok'}")


def _bench_neo4j_incremental(root: Path, new: Path, result: dict[str, Any], say: Say) -> None:
    """The reports in `new` into the bulk-imported graph on `fazhi ingest --backend neo4j`'s default path
    (issue 13: the incremental path at scale): relationships added per second end to end (extraction included,
    sharing the cores with the server) and inside write(), and derived.check's probe afterwards."""
    from fazhi.graph.derived import check
    from fazhi.graph.neo4j_server import page_cache_for
    from fazhi.graph.open import open_store
    from fazhi.ingest import ingest

    page_cache_mb = page_cache_for(root / "neo4j-bulk")
    try:
        with own_neo4j(root / "neo4j-bulk", fresh=False) as uri:
            store = open_store("neo4j", neo4j_uri=uri)
            try:
                before = _relationships(store)
                started = time.perf_counter()
                summary = ingest([new], store, workers=result["workers"])
                elapsed = time.perf_counter() - started
                added = _relationships(store) - before
                problems = check(lambda cypher, params: store.query(cypher, params).rows)
            finally:
                store.close()
    except Exception as exc:  # noqa: BLE001 - a failed batch is a result
        result["neo4j_incremental_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
        say(f"neo4j incremental: not measured: {result['neo4j_incremental_error']}")
        return
    count = len(summary.ingested)
    result.update({
        "neo4j_incremental_reports": count,
        "neo4j_incremental_page_cache_mb": page_cache_mb,
        f"neo4j_incremental_{count}_s": round(elapsed, 1),
        "neo4j_incremental_write_s": round(summary.write_s, 1),
        "neo4j_incremental_relationships": added,
        "neo4j_incremental_relationships_per_s": round(added / elapsed, 1),
        "neo4j_incremental_write_relationships_per_s": round(added / summary.write_s, 1),
        "neo4j_incremental_derived_problems": problems,
    })
    say(f"neo4j incremental: {count} new reports into {before} relationships: {added} added in {elapsed:.1f} s "
        f"= {added / elapsed:.0f} rel/s ({added / summary.write_s:.0f} inside write()); derived {problems or 'ok'}")


def _relationships(store: GraphStore) -> int:
    return sum(v for k, v in store.counts().items() if k.isupper())


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
    """p50/p95 of every library query with its example parameters (first run is a warm-up).

    Timed as callers run it: the query the library picks for those parameters (library.plan), the examples
    passed as a caller passes them (a label parameter narrows only when given: library's module doc).
    """
    from fazhi.graph.store import QueryRefused
    from fazhi.queries import library

    out: dict[str, dict[str, Any]] = {}
    for name in sorted(library.load_library()):
        query, params = library.plan(name, dict(library.get(name).params))
        cypher = query.cypher_for(store.dialect)
        timings: list[float] = []
        rows = 0
        error = None
        try:
            rows = len(store.query(cypher, dict(params), timeout_s=60).rows)  # warm-up
            spent = 0.0
            for _ in range(repeats):
                started = time.perf_counter()
                store.query(cypher, dict(params), timeout_s=60)
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
def sampled_memory(result: dict[str, Any], phase: str, headline: bool = True) -> Iterator[TreeMemorySampler]:
    """Sample the process tree during one phase; record peak_rss_<phase>_mb and the overall maxima.

    peak_rss_mb stays the headline key: the largest tree total of the headline phases (the
    embedded store's ingest, queries and incremental batch). Phases whose tree holds other
    programs (a Neo4j JVM, streamlit and Chromium) pass headline=False: recorded, not folded in.
    """
    with TreeMemorySampler() as sampler:
        yield sampler
    mb = {k: round(v / 1024, 1) for k, v in
          (("total", sampler.peak_kb), ("self", sampler.peak_self_kb), ("child", sampler.peak_child_kb))}
    result[f"peak_rss_{phase}_mb"] = mb["total"]
    if not headline:
        return
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
    lines.append(f"  store          {result.get('store_bytes', 0):,} bytes after the bulk load")
    lines.extend(_incremental_lines(result))
    lines.extend(_neo4j_lines(result))
    lines.extend(_app_lines(result))
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


def _incremental_lines(result: dict[str, Any]) -> list[str]:
    count = result.get("incremental_reports")
    if "incremental_error" in result:
        return [f"  incremental    failed: {result['incremental_error']}"]
    if not count:
        return []
    problems = result["incremental_derived_problems"]
    return [f"  incremental    {count} new reports in {result[f'incremental_{count}_s']:.1f} s "
            f"({result['incremental_write_s']:.1f} s writing, default path; closing "
            f"{result.get('incremental_close_s', 0):.1f} s); reports "
            f"{result['incremental_reports_after']} of {result['incremental_expected_reports']} expected; "
            f"derived {'ok' if not problems else 'WRONG: ' + '; '.join(problems)}; store "
            f"{result['store_bytes_before_incremental']:,} -> {result['store_bytes_after_incremental']:,} bytes"]


def _neo4j_lines(result: dict[str, Any]) -> list[str]:
    lines = []
    if "neo4j_bulk_relationships_per_s" in result:
        lines.append(f"  neo4j bulk     {result['neo4j_bulk_relationships_per_s']:.0f} relationships/s end to end "
                     f"(export {result['neo4j_bulk_export_s']:.0f} s + neo4j-admin import "
                     f"{result['neo4j_bulk_import_s']:.0f} s, {result['neo4j_bulk_relationships']} relationships)")
    elif "neo4j_bulk_error" in result:
        lines.append(f"  neo4j bulk     not measured: {result['neo4j_bulk_error']}")
    if "neo4j_incremental_relationships_per_s" in result:
        lines.append(f"  neo4j new      {result['neo4j_incremental_reports']} new reports into the imported graph: "
                     f"{result['neo4j_incremental_relationships_per_s']:.0f} relationships/s end to end, "
                     f"{result['neo4j_incremental_write_relationships_per_s']:.0f} inside write(); derived "
                     f"{result['neo4j_incremental_derived_problems'] or 'ok'}")
    elif "neo4j_incremental_error" in result:
        lines.append(f"  neo4j new      not measured: {result['neo4j_incremental_error']}")
    if "neo4j_relationships_per_s" in result:
        lines.append(f"  neo4j load     {result['neo4j_relationships_per_s']:.0f} relationships/s end to end, "
                     f"{result['neo4j_write_relationships_per_s']:.0f} inside write() (incremental path)")
    elif "neo4j_error" in result:
        lines.append(f"  neo4j          not measured: {result['neo4j_error']}")
    return lines


def _app_lines(result: dict[str, Any]) -> list[str]:
    if "app_first_render_s" in result:
        pages = ", ".join(f"{name} {s:.1f}" for name, s in result["app_first_render_s"].items())
        lines = [f"  app first render (s, cold server first)  {pages}"]
        if "app_warmed_first_page_s" in result:
            lines.append(f"  app first page after `fazhi app`'s warm-up  {result['app_warmed_first_page_s']:.1f} s "
                         f"(warm-up {result['app_warm_up_s']:.1f} s)")
        return lines
    if "app_error" in result:
        return [f"  app            not measured: {result['app_error']}"]
    return []
