"""The embedded store on a real LadybugDB file: round trip, idempotence, removal, read-only queries."""

import fcntl
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from fazhi.graph import derived
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import QueryRefused, StoreFull, rows_from_extractions
from helpers import derived_tables, make_extraction, snapshot

A = make_extraction("r1", "韶关市司法局", ["双随机、一公开", "法律顾问制度"], ["中华人民共和国行政处罚法"])
B = make_extraction("r2", "韶关市市场监督管理局", ["双随机、一公开"], ["中华人民共和国行政处罚法",
                                                                "优化营商环境条例"], year=2023)


@pytest.fixture()
def store(tmp_path):
    with LadybugStore(tmp_path / "test.lbdb") as s:
        yield s


def test_round_trip_keeps_nodes_edges_and_evidence(store) -> None:
    store.write(rows_from_extractions([A, B]))
    counts = store.counts()
    assert counts["Report"] == 2 and counts["Agency"] == 2 and counts["Measure"] == 2
    assert counts["Law"] == 2 and counts["Region"] == 2  # 广东省 comes from PART_OF's target
    assert counts["IMPLEMENTS"] == 3 and counts["CITES"] == 3
    rows = store.query(
        "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure {name: $m}) OPTIONAL MATCH (sen:Report {id: e.report_id}) "
        "RETURN a.name AS a, e.year AS y, right(left(sen.text, e.end_offset), e.end_offset - e.start_offset) AS s, e.report_id AS r ORDER BY y", {"m": "双随机、一公开"}).records()
    assert [(r["a"], r["y"], r["r"]) for r in rows] == [("韶关市司法局", 2022, "r1"),
                                                       ("韶关市市场监督管理局", 2023, "r2")]
    assert rows[0]["s"] == A.relations[1].evidence.sentence
    report = store.query("MATCH (r:Report {id: 'r2'}) RETURN r.year AS y, r.text AS t").records()[0]
    assert report == {"y": 2023, "t": B.text}


def test_writing_twice_changes_nothing(store) -> None:
    store.write(rows_from_extractions([A, B]))
    before = snapshot(store)
    store.write(rows_from_extractions([B, A]))
    assert snapshot(store) == before


def test_halves_in_either_order_give_the_same_graph(tmp_path) -> None:
    with LadybugStore(tmp_path / "one.lbdb") as one, LadybugStore(tmp_path / "two.lbdb") as two:
        one.write(rows_from_extractions([A]))
        one.write(rows_from_extractions([B]))
        two.write(rows_from_extractions([B]))
        two.write(rows_from_extractions([A]))
        assert snapshot(one) == snapshot(two)


def test_remove_report_drops_only_its_facts(store) -> None:
    store.write(rows_from_extractions([A, B]))
    removed = store.remove_report("r1")
    assert removed == len(A.relations)
    names = {r["name"] for r in store.iter_nodes("Measure")}
    assert names == {"双随机、一公开"}  # 法律顾问制度 was only in r1
    agencies = {r["name"] for r in store.iter_nodes("Agency")}
    assert agencies == {"韶关市市场监督管理局"}
    assert store.counts()["Report"] == 1
    with LadybugStore(store.path.parent / "only_b.lbdb") as fresh:
        fresh.write(rows_from_extractions([B]))
        assert snapshot(fresh) == snapshot(store)


def test_version_changes_on_write(store) -> None:
    before = store.version()
    store.write(rows_from_extractions([A]))
    assert store.version() != before


def test_queries_are_read_only_unless_asked(store) -> None:
    store.write(rows_from_extractions([A]))
    with pytest.raises(QueryRefused):
        store.query("MATCH (n:Agency) DETACH DELETE n")
    assert store.counts()["Agency"] == 1
    store.query("MATCH (n:Measure {name: '法律顾问制度'}) DETACH DELETE n", write=True)
    assert store.counts()["Measure"] == 1


def test_row_cap_truncates(store) -> None:
    store.write(rows_from_extractions([A, B]))
    result = store.query("MATCH (n) RETURN n.name AS name", row_cap=2)
    assert len(result.rows) == 2 and result.truncated


def test_read_only_reader_sees_committed_data(tmp_path) -> None:
    path = tmp_path / "ro.lbdb"
    with LadybugStore(path) as writer:
        writer.write(rows_from_extractions([A]))
    with LadybugStore(path, read_only=True) as reader:
        assert reader.counts()["Report"] == 1
        with pytest.raises(QueryRefused):
            reader.write(rows_from_extractions([B]))


def test_a_full_buffer_pool_names_the_setting_to_raise() -> None:
    from fazhi.graph.ladybug_store import _pool_hint, buffer_pool_bytes

    with pytest.raises(StoreFull, match=r"pool is 600 MB; set FAZHI_BUFFER_POOL_MB higher"), \
            _pool_hint(buffer_pool_bytes(600)):
        raise RuntimeError("Buffer manager exception: Unable to allocate memory! The buffer pool is full")
    with pytest.raises(RuntimeError, match="^Binder exception: x$"), _pool_hint(buffer_pool_bytes(600)):
        raise RuntimeError("Binder exception: x")
    assert buffer_pool_bytes(100) == 512 * 2**20  # the floor


def test_a_store_from_before_a_new_model_field_gets_its_column(tmp_path) -> None:
    """Report.source_url (issue 14) is a column an older database lacks; opening it adds the
    column instead of failing the next write."""
    import ladybug

    path = tmp_path / "old.lbdb"
    with LadybugStore(path) as s:
        s.write(rows_from_extractions([A]))
    conn = ladybug.Connection(ladybug.Database(str(path)))
    conn.execute("ALTER TABLE Report DROP source_url")
    conn.execute("ALTER TABLE Report DROP pending")  # the staged-write mark, later still
    del conn
    with LadybugStore(path, read_only=True) as reader:  # a reader of the old layout finds nothing staged
        assert reader.counts()["Report"] == 1
    with LadybugStore(path) as s:
        extraction = make_extraction("r3", "韶关市司法局", ["行政复议"], [])
        extraction.source_url = "https://www.sg.gov.cn/r3.html"
        s.write(rows_from_extractions([extraction]))
        rows = s.query("MATCH (r:Report) RETURN r.id AS id, r.source_url AS url ORDER BY id").records()
    assert rows == [{"id": "r1", "url": None}, {"id": "r3", "url": "https://www.sg.gov.cn/r3.html"}]


def test_reindex_keeps_the_web_address_given_at_ingest(store) -> None:
    """The address comes from `ingest --sources`, not from the text, so re-extraction must carry it."""
    from fazhi.reindex import reindex

    extraction = make_extraction("r1", "韶关市司法局", ["行政复议"], [])
    extraction.source_url = "https://www.sg.gov.cn/r1.html"
    store.write(rows_from_extractions([extraction]))
    reindex(store)
    assert store.query("MATCH (r:Report) RETURN r.source_url AS url").records() == [
        {"url": "https://www.sg.gov.cn/r1.html"}]


def test_the_default_buffer_pool_is_bounded_not_a_share_of_the_ram(monkeypatch, tmp_path) -> None:
    """The default pool of a small store does not grow with the RAM (this machine's half would be
    several GB), and the setting and the flag still size it."""
    from fazhi.graph.ladybug_store import buffer_pool_bytes
    from fazhi.graph.open import open_store

    monkeypatch.delenv("FAZHI_BUFFER_POOL_MB", raising=False)
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert buffer_pool_bytes() <= min(2 * 2**30, max(ram // 2, 512 * 2**20))
    monkeypatch.setenv("FAZHI_BUFFER_POOL_MB", "700")
    assert buffer_pool_bytes() == 700 * 2**20
    with open_store("embedded", db=tmp_path / "s.lbdb", buffer_pool_mb=600) as store:
        assert store.pool_bytes == 600 * 2**20  # `fazhi ingest --buffer-pool-mb 600`
        store.write(rows_from_extractions([A]))


def test_ingest_starts_a_bounded_number_of_workers() -> None:
    from fazhi.ingest import MAX_DEFAULT_WORKERS, default_workers

    assert 1 <= default_workers() <= min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS) <= 4


C = make_extraction("r3", "乳源瑶族自治县司法局", ["法律顾问制度", "行政复议"], ["优化营商环境条例",
                                                                   "中华人民共和国行政处罚法"], year=2024)


def test_a_staged_write_gives_what_one_transaction_gives(tmp_path) -> None:
    """New reports go in two commits with their edges COPYed (graph/ladybug_store.py _write_staged);
    replace_report writes the same rows in one transaction with CREATE. Same graph, same aggregates."""
    with LadybugStore(tmp_path / "staged.lbdb") as staged, LadybugStore(tmp_path / "one.lbdb") as one:
        staged.write(rows_from_extractions([A]))
        staged.write(rows_from_extractions([B, C]))
        for extraction in (A, B, C):
            one.replace_report(extraction.report_id, rows_from_extractions([extraction]))
        assert snapshot(staged) == snapshot(one)
        assert derived_tables(staged) == derived_tables(one)
        assert staged.query("MATCH (r:Report) WHERE r.pending IS NOT NULL RETURN r.id").rows == []


def test_an_error_between_the_two_commits_leaves_no_staged_report(tmp_path, monkeypatch) -> None:
    """A failure in the settling commit (here: the aggregates step raises) discards the staged
    reports at once, so the store is as before the write and writing again completes it."""
    with LadybugStore(tmp_path / "clean.lbdb") as clean:
        clean.write(rows_from_extractions([A]))
        clean.write(rows_from_extractions([B, C]))
        expected, expected_derived = snapshot(clean), derived_tables(clean)
    with LadybugStore(tmp_path / "failed.lbdb") as store:
        store.write(rows_from_extractions([A]))
        before, version = snapshot(store), store.version()

        def broken(*args, **kwargs):
            raise RuntimeError("aggregates failed")

        with monkeypatch.context() as patch:
            patch.setattr(derived, "after_write", broken)
            with pytest.raises(RuntimeError, match="aggregates failed"):
                store.write(rows_from_extractions([B, C]))
        assert snapshot(store) == before
        assert store.query("MATCH (r:Report) RETURN count(r)").rows == [[1]]  # only A
        store.write(rows_from_extractions([B, C]))
        assert store.version() != version
        assert snapshot(store) == expected and derived_tables(store) == expected_derived


def _try_shared_lock(path) -> bool:
    """Whether another opener could take `<db>.staging` shared now (as a reader opening does)."""
    fd = os.open(path, os.O_RDONLY | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_a_staged_write_holds_the_staging_lock_between_its_commits(tmp_path, monkeypatch) -> None:
    """From the staging commit to the settling one no reader may open (it would count pending reports):
    the writer holds <db>.staging exclusively; before and after, readers open freely."""
    seen: list[tuple[bool, list[str]]] = []
    after_write = derived.after_write

    def settling(run, *args, **kwargs):  # inside the settling transaction, the staged commit done
        staged = [rid for (rid,) in run("MATCH (r:Report) RETURN r.id ORDER BY r.id", {})]
        seen.append((_try_shared_lock(lock), staged))
        return after_write(run, *args, **kwargs)

    with LadybugStore(tmp_path / "s.lbdb") as store:
        lock = store.sidecar_path(".staging")
        monkeypatch.setattr(derived, "after_write", settling)
        store.write(rows_from_extractions([A, B]))
        assert seen == [(False, ["r1", "r2"])]
        assert _try_shared_lock(lock)


def test_a_reader_opening_during_a_staged_batch_waits_for_it(tmp_path) -> None:
    with LadybugStore(tmp_path / "s.lbdb") as writer:
        writer.write(rows_from_extractions([A]))
        lock = writer.sidecar_path(".staging")
    fd = os.open(lock, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as _write_staged holds it between its commits
    opened: list[int] = []

    def open_reader() -> None:
        with LadybugStore(tmp_path / "s.lbdb", read_only=True) as reader:
            opened.append(reader.counts()["Report"])

    thread = threading.Thread(target=open_reader)
    thread.start()
    thread.join(0.5)
    waited = thread.is_alive()
    os.close(fd)
    thread.join(30)
    assert waited and opened == [1]


READ_ACROSS_A_STAGED_WRITE = """
import sys
from fazhi.graph import ladybug_store
from fazhi.graph.ladybug_store import LadybugStore
sys.path.insert(0, sys.argv[2])
ladybug_store.CLOSE_CHECKPOINT_WAL_BYTES = int(sys.argv[3])
from helpers import make_extraction
from fazhi.graph.store import rows_from_extractions

reader = LadybugStore(sys.argv[1], read_only=True)
before = reader.counts()["Report"]
with LadybugStore(sys.argv[1]) as writer:  # closing it checkpoints again only with a log past the threshold
    writer.write(rows_from_extractions([make_extraction(f"n{i}", f"机构{i}", ["双随机、一公开"], ["宪法"])
                                        for i in range(30)]))
after = reader.counts()["Report"]
print(before, after, reader.refresh(), reader.counts()["Report"])
"""


@pytest.mark.parametrize("close_checkpoint_bytes", [1 << 20, 0])
def test_a_reader_opened_before_a_staged_write_answers_and_refreshes_onto_it(tmp_path, close_checkpoint_bytes) -> None:
    """A read-only handle opened before a staged write (its staging commit checkpoints) still answers
    from its snapshot, and refresh() reopens it onto the new reports, also when the writer checkpoints
    its log on close (threshold 0; a 50k ingest's log is past the default). In a child process with a
    timeout: a handle stranded by a checkpoint spins instead of failing (docs/BENCHMARKS.md)."""
    path = tmp_path / "r.lbdb"
    with LadybugStore(path) as writer:
        writer.write(rows_from_extractions([A, B]))
    child = subprocess.run([sys.executable, "-c", READ_ACROSS_A_STAGED_WRITE, str(path), str(Path(__file__).parent),
                            str(close_checkpoint_bytes)], capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split() == ["2", "2", "True", "32"]


class _CheckpointLog:
    """A connection that notes every checkpoint statement and setting (and the store notes its
    version bumps), to check the order in which a write runs them."""

    def __init__(self, conn, log: list[str]) -> None:
        self._conn, self._log = conn, log

    def execute(self, statement: str, *args):
        if "checkpoint" in statement.lower():
            self._log.append(statement)
        return self._conn.execute(statement, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def _logged(store: LadybugStore, monkeypatch) -> list[str]:
    log: list[str] = []
    bump = LadybugStore._bump_version

    def noted_bump(self) -> None:
        log.append("version")
        bump(self)

    connect = LadybugStore._connect

    def noted_connect(self, **kwargs) -> None:  # a reopened store's connection is logged too
        connect(self, **kwargs)
        log.append("opened")
        self._conn = _CheckpointLog(self._conn, log)

    monkeypatch.setattr(store, "_conn", _CheckpointLog(store._conn, log))
    monkeypatch.setattr(LadybugStore, "_bump_version", noted_bump)
    monkeypatch.setattr(LadybugStore, "_connect", noted_connect)
    return log


def test_a_staged_write_checkpoints_only_in_its_staging_commit(tmp_path, monkeypatch) -> None:
    """No CHECKPOINT statement, the settling commit without auto-checkpoint, no checkpoint on close:
    a reader opened before the write sees at most one checkpoint before the version moves."""
    with LadybugStore(tmp_path / "s.lbdb") as store:
        log = _logged(store, monkeypatch)
        store.write(rows_from_extractions([A, B]))
        assert log == ["CALL auto_checkpoint=false", "version", "CALL auto_checkpoint=true"]
        setting = store.query("CALL current_setting('force_checkpoint_on_close') RETURN *").rows
        assert setting == [["False"]]


def test_a_writer_closing_with_a_long_log_checkpoints_it_and_moves_the_version(tmp_path, monkeypatch) -> None:
    """Every read-only open replays the write-ahead log (seconds for a 500-report ingest at 50k): a writer
    leaving more than CLOSE_CHECKPOINT_WAL_BYTES checkpoints it on close, then moves the version."""
    path = tmp_path / "w.lbdb"
    wal = path.with_name(path.name + ".wal")
    with LadybugStore(path) as store:
        store.write(rows_from_extractions([A]))
    assert wal.exists() and wal.stat().st_size > 0  # below the threshold: left for the next checkpoint
    monkeypatch.setattr("fazhi.graph.ladybug_store.CLOSE_CHECKPOINT_WAL_BYTES", 0)
    store = LadybugStore(path)
    store.write(rows_from_extractions([B]))
    log = _logged(store, monkeypatch)
    store.close()
    assert log == ["CHECKPOINT", "version"]
    assert not wal.exists() or wal.stat().st_size == 0
    with LadybugStore(path, read_only=True) as reader:
        assert reader.counts()["Report"] == 2


def test_every_bulk_checkpoint_moves_the_version(tmp_path, monkeypatch) -> None:
    with LadybugStore(tmp_path / "b.lbdb") as store:
        log = _logged(store, monkeypatch)
        monkeypatch.setattr("fazhi.graph.ladybug_store.BULK_CHECKPOINT_REPORTS", 1)
        with store.bulk():
            store.write(rows_from_extractions([A]))
            store.write(rows_from_extractions([B]))
        checkpoints = [i for i, event in enumerate(log) if event == "CHECKPOINT"]
        # after each batch, after COPYing the co-citation pairs, the co-mention pairs, and each settling step
        assert len(checkpoints) >= 6
        assert all(log[i + 1] == "version" for i in checkpoints)
        assert log[-3:] == ["CHECKPOINT", "version", "CALL auto_checkpoint=true"]
        # the writer reopens after each batch's checkpoint and goes on without auto-checkpoint
        reopened = [i for i, event in enumerate(log) if event == "opened"]
        assert len(reopened) == 2 and all(log[i + 1] == "CALL auto_checkpoint=false" for i in reopened)


def test_the_default_pool_grows_with_the_store_it_will_hold(monkeypatch, tmp_path) -> None:
    """A checkpoint of a grown store needs pool in proportion to it (2 GB failed at ~30k reports):
    the default follows the store's size, up to half the RAM; reserve() reopens for a large load,
    and an explicit size is left alone."""
    from fazhi.graph.ladybug_store import STORE_BYTES_PER_REPORT, buffer_pool_bytes

    monkeypatch.delenv("FAZHI_BUFFER_POOL_MB", raising=False)
    half_ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    small, large = buffer_pool_bytes(None, 10 * 2**20), buffer_pool_bytes(None, 3 * 2**30)
    assert large == min(6 * 2**30, max(half_ram // 2**20, 512) * 2**20) and large >= small
    with LadybugStore(tmp_path / "grow.lbdb") as store:
        before = store.pool_bytes
        store.reserve(60_000)
        assert store.pool_bytes == buffer_pool_bytes(None, 60_000 * STORE_BYTES_PER_REPORT) >= before
        store.write(rows_from_extractions([A]))
        assert store.counts()["Report"] == 1  # reopened and writable
    with LadybugStore(tmp_path / "fixed.lbdb", buffer_pool_mb=600) as store:
        store.reserve(60_000)
        assert store.pool_bytes == 600 * 2**20


@pytest.mark.parametrize("bulk", [False, True])
def test_a_stored_node_takes_new_values_and_keeps_those_a_batch_leaves_out(tmp_path, bulk) -> None:
    """Stored nodes are only SET when a batch brings a new value (MERGE's coalesce): a null keeps the
    stored one, an equal value changes nothing, a different one replaces it; new nodes are CREATEd."""
    from contextlib import nullcontext

    from fazhi.graph.store import GraphRows

    def agency(name: str, **props: str | None) -> GraphRows:
        rows = GraphRows()
        rows.add_node("Agency", {"name": name, **props})
        return rows

    with LadybugStore(tmp_path / "n.lbdb") as store:
        with store.bulk() if bulk else nullcontext():
            store.write(agency("某县司法局", level="县", region="某县"))
            store.write(agency("某县司法局", level="县", region=None))
            store.write(agency("某县司法局", level="市", region=None))
            store.write(agency("某市司法局", level="市", region="某市"))
        rows = store.query("MATCH (a:Agency) RETURN a.name, a.level, a.region ORDER BY a.name").rows
        assert rows == [["某县司法局", "市", "某县"], ["某市司法局", "市", "某市"]]


def test_a_reader_opens_a_store_whose_log_is_past_the_checkpoint_threshold(tmp_path, monkeypatch) -> None:
    """A staged write leaves its settling commit in the write-ahead log (no checkpoint on close). A reader that
    opens such a store commits when it registers its functions, and must not try to checkpoint the log into a
    file it opened read-only (at 50k, 500 new reports left 24 MB of log and the app's first page failed).
    The threshold is set to zero here to get there with one small write."""
    import ladybug

    path = tmp_path / "s.lbdb"
    with LadybugStore(path) as store:
        store.write(rows_from_extractions([A]))
    db = ladybug.Database(str(path), auto_checkpoint=False)
    conn = ladybug.Connection(db)
    conn.execute("CALL force_checkpoint_on_close=false")
    conn.execute("MATCH (r:Report) SET r.year = r.year + 1")
    conn.close()
    db.close()
    assert path.with_name(path.name + ".wal").stat().st_size > 0
    real = ladybug.Database
    monkeypatch.setattr(ladybug, "Database", lambda *a, **k: real(*a, **{**k, "checkpoint_threshold": 0}))
    with LadybugStore(path, read_only=True) as reader:
        assert reader.query("MATCH (r:Report) RETURN count(r)").rows == [[1]]


def test_released_memory_includes_arrows_pool(monkeypatch) -> None:
    """Every COPY frame comes from Arrow's pool, which keeps freed pages as glibc does: releasing the
    freed memory (after a bulk checkpoint, on close) returns its pages too."""
    import pyarrow

    from fazhi.graph.ladybug_store import release_freed_memory

    released: list[bool] = []

    class Pool:
        def release_unused(self) -> None:
            released.append(True)

    monkeypatch.setattr(pyarrow, "default_memory_pool", Pool)
    release_freed_memory()
    assert released == [True]
