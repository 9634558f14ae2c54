"""Files → extractions → store, streaming in batches, with one clear line per failed file.

Extraction runs in a process pool (it is pure CPU); the store is written by this
process only, in batches, so there is one writer and memory holds one batch plus
a small window of chunks in flight. The graph does not depend on the worker
count: results come back in file order, batches are cut at the same files, and
every write is idempotent (MERGE, or a bulk COPY for reports new to the store).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path

from fazhi.extraction.pipeline import extract
from fazhi.graph.store import GraphStore, rows_from_extractions
from fazhi.loaders import iter_files, load
from fazhi.loaders.base import LoadError
from fazhi.model import Extraction

BATCH_REPORTS = 200
LARGE_BATCH_REPORTS = 1000
LARGE_CORPUS = 5000  # files; from here on batches are LARGE_BATCH_REPORTS
CHUNK_FILES = 8  # files per pool task: fewer round trips than one file per task
IN_FLIGHT_PER_WORKER = 4
READ_AHEAD_FILES = 256  # files extracted ahead while the writer writes a batch (see iter_extractions)
MAX_DEFAULT_WORKERS = 4  # see default_workers


@dataclass
class IngestSummary:
    ingested: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    write_s: float = 0.0  # time inside store.write: what the store costs, without extraction

    @property
    def ok(self) -> bool:
        return bool(self.ingested)


def default_workers() -> int:
    """The cores, at most MAX_DEFAULT_WORKERS: every worker holds its own dictionaries and compiled
    rules (~120 MB PSS each at 50k reports, docs/BENCHMARKS.md run 5), so on a 16-core laptop all
    cores would add ~2 GB to an ingest whose budget is 4 GB, for little: one writer takes the
    batches, and two workers already kept it busy most of the time. `--workers` sets any number."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


def extract_file(path: str) -> Extraction | tuple[str, str]:
    """Load and extract one file; a failure comes back as (path, reason) instead of raising."""
    try:
        return extract(load(path))
    except LoadError as exc:
        return (path, exc.reason)
    except MemoryError:
        return (path, "too large to process in memory")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        return (path, f"extraction failed: {type(exc).__name__}: {exc}")


def iter_extractions(paths: Iterable[Path], workers: int,
                     ahead_files: int = 0) -> Iterator[Extraction | tuple[str, str]]:
    """Extractions in file order, from a process pool when workers > 1.

    At most `workers * IN_FLIGHT_PER_WORKER` chunks, or `ahead_files` files if more, are submitted
    ahead of the consumer, so a slow writer never lets finished extractions pile up in memory
    (Executor.map would submit the whole corpus at once). The writer blocks in store.write while the
    pool works only on what was submitted: with 64 files ahead, a Neo4j ingest at 2,000 reports spent
    80 of its 259 s extracting while nothing was written (docs/BENCHMARKS.md, session 11).
    """
    names = [str(p) for p in paths]
    if workers <= 1 or len(names) < 4:
        yield from map(extract_file, names)
        return
    chunks = [names[i : i + CHUNK_FILES] for i in range(0, len(names), CHUNK_FILES)]
    window = max(workers * IN_FLIGHT_PER_WORKER, -(-ahead_files // CHUNK_FILES))
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context()) as pool:
        pending: deque[Future[list[Extraction | tuple[str, str]]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def worker_context() -> BaseContext:
    """Extraction workers start from a small server process that has imported this module, not as
    forks of the writer.

    Why: a forked worker shares the writer's pages copy-on-write, and the writer's heap is large
    (the store's caches, the freed memory of a bulk load, the query results of a long-lived
    process). Each page either side then writes becomes the child's own copy, so a worker forked
    from a writer that had just bulk-loaded 50,000 reports grew to 1.36 GB PSS, ~10x a worker's
    own size (docs/BENCHMARKS.md, "The bulk writer's memory, session 10"). A fork of a process
    whose database threads are running is also unsafe in itself. The server costs one small process; workers fork from it with the
    extractor's modules already imported. As with every start method but fork, a script that calls
    ingest() with workers > 1 runs its top level again in each worker unless it has the usual
    `if __name__ == "__main__":` guard (the `fazhi` command, pytest and Streamlit have it).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _extract_chunk(names: list[str]) -> list[Extraction | tuple[str, str]]:
    return [extract_file(name) for name in names]


def load_sources(path: str | Path) -> dict[str, str]:
    """A sources file (file name TAB web address, one per line; a header line and # comments are
    skipped; more columns are ignored, as in a SOURCES.tsv) as file name -> address.

    Raises ValueError naming the file and line when an address is not http(s) or a name repeats.
    """
    path = Path(path)
    sources: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        cols = line.split("\t")
        is_header = number == 1 and not (len(cols) > 1 and cols[1].strip().startswith("http"))
        if not line.strip() or line.startswith("#") or is_header:
            continue
        if len(cols) < 2 or not cols[1].strip().startswith(("http://", "https://")):
            raise ValueError(f"{path}:{number}: expected 'file name<TAB>http(s) address', got {line[:80]!r}")
        name = Path(cols[0].strip()).name
        if name in sources:
            raise ValueError(f"{path}:{number}: {name} is listed twice")
        sources[name] = cols[1].strip()
    return sources


def ingest(paths: Iterable[str | Path], store: GraphStore, *, workers: int | None = None,
           progress: Callable[[str], None] | None = None, bulk: bool = False,
           batch_reports: int | None = None, sources: Mapping[str, str] | None = None) -> IngestSummary:
    """Ingest files and folders into the store; returns what was ingested and what failed, and why.

    `bulk` writes inside the store's bulk() block (the embedded store COPYs the edges of
    new reports: much faster, but a crash mid-load can leave a batch without its edges;
    for loads into a fresh store). Batches are larger for large corpora: each commit has
    a fixed cost (a checkpoint), and 1,000 reports per batch stay well under 200 MB.
    `sources` (see load_sources) gives files, by name, the address they were published at.
    """
    files = list(iter_files(paths))  # paths only: the texts are read by the workers, chunk by chunk
    store.reserve(len(files))
    size = batch_reports or batch_size(len(files), stored_reports(store), store.dialect)
    summary = IngestSummary()
    batch: list[Extraction] = []
    workers = workers or default_workers()
    loading: AbstractContextManager[None] = store.bulk() if bulk else nullcontext()
    with loading:
        for result in iter_extractions(files, workers, ahead_files=min(size, READ_AHEAD_FILES)):
            if isinstance(result, tuple):
                summary.failed.append(result)
                if progress:
                    progress(result[0])
                continue
            if sources:
                result.source_url = sources.get(Path(result.source).name)
            batch.append(result)
            if progress:
                progress(result.source)
            if len(batch) >= size:
                _flush(store, batch, summary)
        _flush(store, batch, summary)
    return summary


def batch_size(files: int, stored: int, dialect: str = "ladybug") -> int:
    """Reports per batch: LARGE_BATCH_REPORTS once the files or the store reach LARGE_CORPUS, and always on Neo4j.

    Why always on Neo4j: a batch there pays per-batch reads and statements whatever its size, and the pair deltas
    of one batch's reports sum before they reach the server (2,000 reports: 309,131 co-citation and 61,870
    co-mention rows in batches of 1,000, 384,861 and 178,644 in batches of 200; write() 37 against 71 s,
    docs/BENCHMARKS.md, session 11).

    Why the store too: each batch's commit has a cost that grows with the store, not the batch (on
    the embedded store a checkpoint that rewrites the hub relationship groups, ~20 s at 50,000
    reports). 500 new reports into a 50,000-report store in batches of 200 paid it three times:
    56% of the ingest was those commits (docs/BENCHMARKS.md, session 11)."""
    return LARGE_BATCH_REPORTS if max(files, stored) >= LARGE_CORPUS or dialect == "neo4j" else BATCH_REPORTS


def stored_reports(store: GraphStore) -> int:
    """How many reports the store holds (a node count, cheap on both stores)."""
    return int(store.query("MATCH (r:Report) RETURN count(r) AS n").rows[0][0])


def _flush(store: GraphStore, batch: list[Extraction], summary: IngestSummary) -> None:
    if not batch:
        return
    rows = rows_from_extractions(batch)
    started = time.perf_counter()
    store.write(rows)
    summary.write_s += time.perf_counter() - started
    summary.ingested.extend(ex.source for ex in batch)
    batch.clear()
