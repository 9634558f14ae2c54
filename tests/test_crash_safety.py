"""kill -9 during `fazhi ingest` never corrupts the store; what concurrent opens really do.

A store already holding some reports is copied for each run; `fazhi ingest` of ~200
generated reports (the samples with a numbered line added, so ids differ) is started
in its own process group and SIGKILLed after a delay. The store must open again and
hold exactly a committed state: the previous one, the previous plus the first full
batch, or everything; never a report without its edges or an edge without its report.
Re-ingesting then gives the same graph as a clean ingest.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import StoreLocked
from fazhi.ingest import BATCH_REPORTS, ingest
from fazhi.loaders import iter_files, load
from fazhi.model import RELATION_ENDPOINTS
from helpers import derived_tables, snapshot

pytestmark = pytest.mark.slow

SAMPLES = ROOT / "data" / "samples"
PRIOR_REPORTS = 8
NEW_REPORTS = BATCH_REPORTS + 20  # one full batch commits mid-run, the rest at the end


def generate(folder: Path, start: int, count: int) -> list[Path]:
    """Sample reports as UTF-8 text, each with a numbered closing line so every id differs."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [load(p).original[:1500] for p in iter_files([SAMPLES])]  # short: a quick run
    paths = []
    for i in range(start, start + count):
        path = folder / f"r{i:05d}.txt"
        path.write_text(bases[i % len(bases)] + f"\n本报告内部编号第{i}号。\n", encoding="utf-8")
        paths.append(path)
    return paths


def db_files(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name)]


def copy_store(source: Path, target: Path) -> None:
    for path in db_files(source):
        shutil.copy(path, target.parent / path.name.replace(source.name, target.name, 1))


def start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-m", "fazhi.cli", "ingest", str(folder), "--db", str(db),
                             "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the ingest and its extraction workers (its own process group, started above)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def check_consistent(store: LadybugStore) -> None:
    """Every edge belongs to a stored report, and every report has at least its MENTIONS."""
    reports = {r["id"] for r in store.iter_nodes("Report")}
    for rel_type in RELATION_ENDPOINTS:
        for edge in store.iter_edges(rel_type):
            assert edge["report_id"] in reports, (rel_type, edge["report_id"])
    with_edges = {e["report_id"] for e in store.iter_edges("MENTIONS")}
    assert reports <= with_edges, reports - with_edges


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """The prior store, and clean references for each committed state an ingest can leave."""
    work = tmp_path_factory.mktemp("crash")
    prior_files = generate(work / "prior", 0, PRIOR_REPORTS)
    new_files = generate(work / "new", 1000, NEW_REPORTS)
    prior_db = work / "prior.lbdb"
    with LadybugStore(prior_db) as store:
        ingest(prior_files, store, workers=1)
        prior = snapshot(store)
    copy_store(prior_db, work / "middle.lbdb")
    with LadybugStore(work / "middle.lbdb") as store:
        ingest(new_files[:BATCH_REPORTS], store, workers=2)
        middle = snapshot(store)
    clean_db = work / "clean.lbdb"
    copy_store(prior_db, clean_db)
    started = time.monotonic()
    proc = start_ingest(work / "new", clean_db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()[-2000:]
    duration = time.monotonic() - started
    with LadybugStore(clean_db, read_only=True) as store:
        full = snapshot(store)
    assert prior != middle != full
    return work, prior_db, {"previous": prior, "first batch": middle, "complete": full}, duration


def version_of(db: Path) -> str | None:
    try:
        return db.with_name(db.name + ".version").read_text()
    except FileNotFoundError:
        return None


def checkpointing(db: Path) -> bool:
    """LadybugDB's checkpoint files exist: the WAL is being folded into the main file."""
    return any(p.name.endswith((".shadow", ".wal.checkpoint")) for p in db_files(db))


def kill_when(proc: subprocess.Popen, db: Path, moment: str, duration: float) -> str:
    """Poll every few ms and SIGKILL at `moment`; returns what was seen when the kill landed."""
    initial = version_of(db)
    versions = {initial}
    deadline = time.monotonic() + 4 * duration + 30
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() < deadline:
        versions.add(version_of(db))
        commits = len(versions) - 1
        if ((moment == "extracting" and time.monotonic() - started > 0.3 * duration)
                or (moment == "first checkpoint" and checkpointing(db))
                or (moment == "first commit" and commits >= 1)
                or (moment == "last checkpoint" and commits >= 2 and checkpointing(db))):
            kill_group(proc)
            return f"killed while {moment} (commits seen: {commits})"
        time.sleep(0.003)
    kill_group(proc)
    return f"process ended before {moment}"


@pytest.mark.parametrize("moment", ["extracting", "first checkpoint", "first commit", "last checkpoint"])
def test_kill_during_ingest_leaves_a_committed_state(setup, moment: str) -> None:
    work, prior_db, states, duration = setup
    db = work / f"killed_{moment.replace(' ', '_')}.lbdb"
    copy_store(prior_db, db)
    seen = kill_when(start_ingest(work / "new", db), db, moment, duration)

    with LadybugStore(db) as store:  # writable: replays or discards the WAL
        check_consistent(store)
        after = snapshot(store)
    matched = [name for name, state in states.items() if state == after]
    print(f"{seen}: store holds {matched}")
    assert matched, f"{seen}: the store is not in any committed state"
    if moment == "extracting" and "killed" in seen:
        assert matched == ["previous"]
    if moment == "first commit" and "killed" in seen:
        assert matched in (["first batch"], ["complete"])


def test_reingest_after_kill_equals_a_clean_ingest(setup) -> None:
    work, prior_db, states, duration = setup
    db = work / "reingest.lbdb"
    copy_store(prior_db, db)
    proc = start_ingest(work / "new", db)
    time.sleep(duration * 0.7)
    kill_group(proc)
    redo = start_ingest(work / "new", db)
    assert redo.wait(timeout=300) == 0, redo.stderr.read().decode()[-2000:]
    with LadybugStore(db, read_only=True) as store:
        assert snapshot(store) == states["complete"]


# --- a kill at a step of a staged write (graph/ladybug_store.py _write_staged) -------------------

# Runs the ingest in one process and SIGKILLs it at a named step of the first batch's staged write,
# so each step is hit every time instead of by polling files from outside.
KILL_AT = """
import os, signal, sys, threading
from fazhi.graph import derived
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.ingest import ingest
from fazhi.loaders import iter_files

db, folder, step, delay = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def then_die(owner, name, when=lambda *a, **k: True):
    original = getattr(owner, name)
    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        if when(*args, **kwargs):
            if delay:  # the kill lands while the next statement (the staging COMMIT) runs
                threading.Timer(delay, die).start()
            else:
                die()
        return result
    setattr(owner, name, wrapped)

if step == "committing":  # the staging COMMIT, whose auto-checkpoint writes the copied edges
    then_die(LadybugStore, "_write_edges", lambda self, rows, new, fresh, known: fresh == "copy")
elif step == "staged":  # staged and checkpointed, the settling transaction not begun
    then_die(LadybugStore, "_transaction", lambda self, work, visible=True: not visible)
elif step == "settling":  # the settling transaction did everything but COMMIT
    then_die(derived, "after_write")
with LadybugStore(db) as store:
    ingest(list(iter_files([folder])), store, workers=1)
"""

STAGED_STEPS = [("committing", 0.05), ("staged", 0.0), ("settling", 0.0)]


def raw_state(db: Path) -> tuple[int, int]:
    """(reports marked pending, edges whose report is pending), read without LadybugStore (whose
    opening discards pending reports). Opened for writing: after a kill inside a checkpoint LadybugDB
    refuses read-only opens until a writable one has recovered the file."""
    import ladybug

    database = ladybug.Database(str(db))
    conn = ladybug.Connection(database)
    try:
        pending = [row[0] for row in conn.execute("MATCH (r:Report) WHERE r.pending RETURN r.id").get_all()]
        edges = conn.execute("MATCH ()-[e]->() WHERE e.report_id IN $ids RETURN count(e)",
                             {"ids": pending}).get_all()[0][0]
    finally:  # this process must not hold the file when a store opens it for writing
        conn.close()
        database.close()
    return len(pending), edges


@pytest.fixture(scope="module")
def aggregates(setup) -> dict[str, dict[str, list]]:
    """The derived tables (AgencyStat, MeasureStat, LawStat, pairs) of the previous and complete states."""
    work, prior_db = setup[0], setup[1]
    out = {}
    for name, db in (("previous", prior_db), ("complete", work / "clean.lbdb")):
        with LadybugStore(db, read_only=True) as store:
            out[name] = derived_tables(store)
    return out


@pytest.mark.parametrize(("step", "delay"), STAGED_STEPS)
def test_a_kill_in_a_staged_write_is_undone_and_the_rerun_completes_it(setup, aggregates, step: str,
                                                                       delay: float) -> None:
    """kill -9 between or inside the staged write's commits: the version never moved, the next opening
    discards the pending reports (none left, aggregates those of the previous state), and the same
    ingest again gives the clean graph and aggregates."""
    work, prior_db, states, _ = setup
    db = work / f"staged_{step}_{delay}.lbdb"
    copy_store(prior_db, db)
    version = version_of(db)
    killed = subprocess.run([sys.executable, "-c", KILL_AT, str(db), str(work / "new"), step, str(delay)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert version_of(db) == version  # nothing settled: a reader holding a snapshot never reopened

    pending, pending_edges = raw_state(db)
    print(f"killed while {step} (+{delay} s): {pending} reports pending, {pending_edges} of their edges")
    if step in ("staged", "settling"):  # staged with its edges, as intended
        assert pending == BATCH_REPORTS and pending_edges > 0

    with LadybugStore(db, read_only=True) as reader:  # the first opening discards the staged reports
        assert reader.counts()["Report"] == PRIOR_REPORTS
        check_consistent(reader)
        assert snapshot(reader) == states["previous"]
        assert derived_tables(reader) == aggregates["previous"]
    assert raw_state(db) == (0, 0)

    redo = start_ingest(work / "new", db)  # the same ingest again
    assert redo.wait(timeout=600) == 0, redo.stderr.read().decode()[-2000:]
    with LadybugStore(db, read_only=True) as store:
        assert snapshot(store) == states["complete"]
        assert derived_tables(store) == aggregates["complete"]


# --- concurrency: what LadybugDB does when two processes open one file ------------------------

HOLDER = """
import sys
from fazhi.graph.ladybug_store import LadybugStore
store = LadybugStore(sys.argv[1], read_only=sys.argv[2] == "ro")
print("open", flush=True)
sys.stdin.readline()
store.close()
"""


def hold(db: Path, mode: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def release(proc: subprocess.Popen) -> None:
    proc.stdin.write("\n")
    proc.stdin.flush()
    proc.wait(timeout=30)


def test_second_writer_is_refused_with_store_locked(setup) -> None:
    work, prior_db, _, _ = setup
    db = work / "locked.lbdb"
    copy_store(prior_db, db)
    writer = hold(db, "rw")
    try:
        with pytest.raises(StoreLocked, match="one writer at a time"):
            LadybugStore(db)
        env = dict(os.environ)
        cli = subprocess.run([sys.executable, "-m", "fazhi.cli", "ingest", str(SAMPLES), "--db", str(db)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert cli.returncode != 0 and "in use by another process" in cli.stderr
        with LadybugStore(db, read_only=True) as reader:  # readers may still open
            assert reader.counts()["Report"] == PRIOR_REPORTS
    finally:
        release(writer)


def test_reader_keeps_its_snapshot_until_it_reopens_on_a_new_version(setup) -> None:
    """The app's rule: a read-only handle is frozen; reopen when <db>.version changes."""
    work, prior_db, _, _ = setup
    db = work / "reader.lbdb"
    copy_store(prior_db, db)
    reader = hold(db, "ro")  # another process reading (the app) does not block the writer
    try:
        with LadybugStore(db, read_only=True) as mine:
            version = mine.version()
            with LadybugStore(db) as writer:
                ingest(list(iter_files([SAMPLES]))[:2], writer, workers=1)
            assert mine.counts()["Report"] == PRIOR_REPORTS  # frozen snapshot
            assert mine.version() != version
        with LadybugStore(db, read_only=True) as reopened:
            assert reopened.counts()["Report"] == PRIOR_REPORTS + 2
    finally:
        release(reader)


CHECKPOINTING_WRITER = """
import sys, time
from fazhi.graph.ladybug_store import LadybugStore
with LadybugStore(sys.argv[1]) as store:
    print("ready", flush=True)
    end, first = time.time() + float(sys.argv[2]), 0
    while time.time() < end:  # a WAL worth checkpointing, then the checkpoint, again and again
        store.query("UNWIND range(1, 3000) AS k MERGE (m:Measure {name: 'probe-' + CAST(k + $first AS STRING)})",
                    {"first": first}, write=True)
        store._conn.execute("CHECKPOINT")
        first += 3000
"""


def test_readers_opening_while_a_writer_checkpoints_wait_instead_of_failing(setup) -> None:
    """A shared app reopens its reader while an ingest runs; LadybugDB refuses a read-only open while another
    process checkpoints ("checkpoint recovery is pending"). The reader waits for the checkpoint: no open fails.
    (With LadybugStore.RECOVERY_WAIT_S at 0, the behaviour before, opens here failed within seconds.)"""
    work, prior_db, _, _ = setup
    db = work / "checkpointing.lbdb"
    copy_store(prior_db, db)
    writer = subprocess.Popen([sys.executable, "-c", CHECKPOINTING_WRITER, str(db), "12"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready", writer.stderr
        opens = 0
        while writer.poll() is None:
            with LadybugStore(db, read_only=True) as reader:
                assert reader.counts()["Report"] == PRIOR_REPORTS
            opens += 1
    finally:
        if writer.poll() is None:
            writer.kill()
        _, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors[-2000:]
    assert opens >= 5, f"only {opens} reads while the writer ran"


@pytest.mark.parametrize(("message", "waits"), [
    ("Runtime exception: checkpoint recovery is pending", True),
    ("IO exception: Reading past the end of the file /x/s.lbdb.wal with size 0", True),
    ("Storage exception: Checksum verification failed, the WAL file is corrupted.", True),
    ("Runtime exception: Primary-key index contains an invalid local node offset. Please drop the index", True),
    ("IO exception: Could not set lock on file : /x/s.lbdb", False),  # a writer's lock: StoreLocked, no wait
    ("Binder exception: Table Report does not exist.", False),
])
def test_a_reader_waits_only_for_what_a_live_writers_checkpoint_causes(message: str, waits: bool) -> None:
    from fazhi.graph.ladybug_store import _checkpoint_in_the_way

    assert _checkpoint_in_the_way(message) is waits
