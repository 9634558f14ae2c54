"""User Cypher cannot write; library queries cannot be injected; long queries stop; rows are capped.

Everything runs against a real LadybugDB store of data/samples, and after every attack
the store's full snapshot must be unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from fazhi.graph.cypher_guard import refuse_writes
from fazhi.graph.ladybug_store import LadybugStore
from fazhi.graph.store import QueryRefused
from fazhi.ingest import ingest
from fazhi.queries import library
from helpers import snapshot

SAMPLES = ROOT / "data" / "samples"
LONG_QUERY = ("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
              "WITH a, b WHERE (a * b) % 7919 = 1 RETURN count(*) AS c")

# Each of these reaches the database as a write (or a file read) if the guard lets it through.
BYPASSES = [
    "MATCH (n:Agency) WHERE 1 = 1CREATE (m:Agency {name: 'pwned'})",  # digit glued to the keyword
    "MATCH (n:Agency) WHERE 1 = 1e1CREATE (m:Agency {name: 'pwned'})",
    "MATCH (n:Agency) WHERE n.name = 'a'CREATE (m:Agency {name: 'pwned'})",
    "MATCH (n:Agency) WHERE 1=1/*x*/CREATE (m:Agency {name: 'pwned'})",
    "MATCH (n:Agency) WHERE 1 = 1\u00a0CREATE (m:Agency {name: 'pwned'})",
    "MATCH (n:Agency) WHERE n.name = `x` CREATE (m:Agency {name: 'pwned'})",
    "match (n:Agency) detach delete n",
    "MATCH (n:Agency)\nSET\tn.level = 'x'",
    "MATCH (n) RETURN n LIMIT 1; MATCH (m:Agency) DETACH DELETE m",
    "MATCH (n:Agency) RETURN n.name AS x UNION MATCH (m:Agency) DETACH DELETE m RETURN 'y' AS x",
    "MATCH (n:Agency) WHERE n.name = 'x\\' ' DELETE n",
    "RETURN 1 // harmless\nCREATE (m:Agency {name: 'pwned'})",
    "CALL { MATCH (n:Agency) DETACH DELETE n } RETURN 1",
    "MATCH (n:Agency) CALL { WITH n DETACH DELETE n } RETURN 1",
    "LOAD FROM '/etc/passwd' (header=false) RETURN *",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "COPY Agency FROM '/tmp/x.csv'",
    "CALL apoc.create.node(['X'], {name: 'pwned'})",
    "CALL apoc.cypher.doIt('CREATE (n)', {})",
    "CALL threads=1",
    "DROP TABLE Agency",
    "ALTER TABLE Agency ADD pwned STRING",
    "ATTACH '/tmp/other.lbdb' AS other (dbtype lbug)",
    "EXPORT DATABASE '/tmp/dump'",
    "INSTALL httpfs",
    "BEGIN TRANSACTION",
]
# Cypher that only reads, with write words in harmless places: must not be refused.
READS = [
    "MATCH (n:Agency) WHERE n.name CONTAINS 'CREATE' RETURN count(n)",
    "MATCH (n:Agency) RETURN n.name AS `delete` LIMIT 1",
    "/* DROP */ MATCH (n:Measure) RETURN n.name LIMIT 2",
    "MATCH (n:Report) WHERE n.year = 2021 RETURN n.title",
    "UNWIND range(1, 3) AS created RETURN created",
]
INJECTIONS = [
    "' OR 1=1 //", "\" OR 1=1 //", "}) DETACH DELETE n //", "'}) MATCH (n) DETACH DELETE n //",
    "\\u0027", "\\' OR '1'='1", "$x", "`", "*/ MATCH (n) DETACH DELETE n /*", "x" * 100_000,
    "韶关市“司法局”'); DROP TABLE Agency; --", "\x00", "-1", "99999999999999999999",
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("qs") / "g.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([SAMPLES], store, workers=1)
        assert summary.ingested and not summary.failed
    return path


@pytest.fixture(scope="module")
def baseline(store_path: Path) -> dict:
    with LadybugStore(store_path, read_only=True) as store:
        return snapshot(store)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "fazhi.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout)


# --- the guard, then the same attacks on a writable store ---------------------------------------


@pytest.mark.parametrize("cypher", BYPASSES)
def test_guard_refuses_every_write(cypher: str) -> None:
    with pytest.raises(QueryRefused, match="read-only"):
        refuse_writes(cypher)


@pytest.mark.parametrize("cypher", READS)
def test_guard_lets_reads_through(cypher: str) -> None:
    refuse_writes(cypher)


def test_writable_store_refuses_writes_unless_asked(store_path: Path, baseline: dict, tmp_path) -> None:
    """The store is opened writable (as the app's ingest page would) and queried without write=True."""
    with LadybugStore(store_path) as store:
        for cypher in BYPASSES:
            with pytest.raises(QueryRefused):
                store.query(cypher)
        for cypher in READS:
            store.query(cypher)
        assert snapshot(store) == baseline


# --- the CLI --------------------------------------------------------------------------------


def test_cli_refuses_writes_without_the_flag(store_path: Path, baseline: dict) -> None:
    done = run_cli("query", "MATCH (n:Agency) WHERE 1 = 1CREATE (m:Agency {name: 'pwned'})",
                   "--db", str(store_path))
    assert done.returncode != 0
    assert "read-only" in done.stderr and "CREATE" in done.stderr
    with LadybugStore(store_path, read_only=True) as store:
        assert snapshot(store) == baseline


def test_cli_writes_with_the_flag(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.lbdb"
    with LadybugStore(copy) as store:
        ingest([SAMPLES / "sample_02_shaoguan_amr_2021_report.txt"], store, workers=1)
        before = store.counts()["Agency"]
    done = run_cli("query", "CREATE (:Agency {name: '测试机构'})", "--write", "--db", str(copy))
    assert done.returncode == 0, done.stderr
    with LadybugStore(copy, read_only=True) as store:
        assert store.counts()["Agency"] == before + 1


def test_cli_timeout_stops_a_long_query(store_path: Path) -> None:
    started = time.monotonic()
    done = run_cli("query", LONG_QUERY, "--db", str(store_path), "--timeout", "1")
    elapsed = time.monotonic() - started
    assert done.returncode != 0
    assert elapsed < 30, f"took {elapsed:.0f} s"
    assert done.stderr.strip() and "Traceback" not in done.stderr


def test_cli_timeout_message_says_it_timed_out(store_path: Path) -> None:
    done = run_cli("query", LONG_QUERY, "--db", str(store_path), "--timeout", "1")
    assert "timed out after 1 s" in done.stderr, done.stderr


def test_row_cap_truncates(store_path: Path) -> None:
    done = run_cli("query", "UNWIND range(1, 500) AS a RETURN a", "--db", str(store_path), "--limit", "7",
                   "--json")
    assert done.returncode == 0, done.stderr
    assert [r["a"] for r in json.loads(done.stdout)] == list(range(1, 8))
    with LadybugStore(store_path, read_only=True) as store:
        result = store.query("UNWIND range(1, 500) AS a RETURN a", row_cap=7)
        assert len(result.rows) == 7 and result.truncated
        full = store.query("UNWIND range(1, 500) AS a RETURN a", row_cap=500)
        assert len(full.rows) == 500 and not full.truncated


# --- library queries: parameters only, never text ----------------------------------------------


def test_injection_through_every_library_parameter(store_path: Path, baseline: dict) -> None:
    queries = library.load_library()
    assert queries
    attempts = 0
    with LadybugStore(store_path) as store:  # writable, to give an injection every chance
        for query in queries.values():
            for name in query.params:
                for value in INJECTIONS:
                    raw = {name: value}
                    try:
                        params = query.coerce(raw)
                    except ValueError:  # an int parameter refuses text: a clean error
                        params = {**query.params, name: value}  # and the raw string goes in anyway
                    # QueryRefused is a clean, explained refusal (a wrong type, for instance);
                    # any other exception fails the test.
                    with contextlib.suppress(QueryRefused):
                        library.run(store, query.name, params, timeout_s=10, row_cap=100)
                    attempts += 1
        assert snapshot(store) == baseline
    assert attempts > 100


def test_cli_library_query_with_injected_parameter(store_path: Path, baseline: dict) -> None:
    done = run_cli("query", "--name", "agencies_implementing_measure", "-p",
                   "measure=' OR 1=1 MATCH (n) DETACH DELETE n //", "--db", str(store_path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    bad = run_cli("query", "--name", "agencies_sharing_measures", "-p", "limit=1; DROP TABLE Agency",
                  "--db", str(store_path))
    assert bad.returncode != 0 and "integer" in bad.stderr
    with LadybugStore(store_path, read_only=True) as store:
        assert snapshot(store) == baseline
