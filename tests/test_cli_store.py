"""Every `fazhi` command that touches a store says which one on stderr (backend, location, and why
that backend), and `fazhi push` refuses to copy from an embedded store that is missing or empty.

Run through the real console entry point (python -m fazhi.cli) in a subprocess, with the
environment a user would have: NEO4J_URI exported or not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SAMPLE = ROOT / "data" / "samples" / "sample_02_shaoguan_amr_2021_report.txt"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "FAZHI_"))}
    return subprocess.run([sys.executable, "-m", "fazhi.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**base, "NO_COLOR": "1", **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def one_report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "one.lbdb"
    done = run_cli("ingest", str(SAMPLE), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("command", [["stats"], ["query", "--name", "most_cited_laws"], ["search", "双随机"],
                                     ["export", "--format", "nt", "-o", "{tmp}/g.nt"]])
def test_store_commands_name_the_embedded_store_on_stderr(one_report_db: Path, tmp_path: Path,
                                                          command: list[str]) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    done = run_cli(*args, "--db", str(one_report_db))
    assert done.returncode == 0, done.stderr
    assert "LadybugDB" in done.stderr and str(one_report_db) in done.stderr, done.stderr


def test_ingest_names_the_embedded_store(tmp_path: Path) -> None:
    db = tmp_path / "fresh.lbdb"
    done = run_cli("ingest", str(SAMPLE), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert "LadybugDB" in done.stderr and str(db) in done.stderr, done.stderr


@pytest.mark.neo4j
def test_neo4j_uri_in_the_environment_is_named_as_the_reason(neo4j_uri: str, tmp_path: Path) -> None:
    """The README's Neo4j section exports NEO4J_URI; from then on the commands use Neo4j, and say so."""
    done = run_cli("stats", "--db", str(tmp_path / "unused.lbdb"), env={"NEO4J_URI": neo4j_uri})
    assert done.returncode == 0, done.stderr
    assert "Neo4j" in done.stderr and neo4j_uri in done.stderr and "NEO4J_URI" in done.stderr, done.stderr
    assert not (tmp_path / "unused.lbdb").exists()


def test_an_unreachable_neo4j_is_named_with_the_reason_it_was_chosen() -> None:
    done = run_cli("stats", env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert done.returncode != 0
    assert "bolt://127.0.0.1:9" in done.stderr and "NEO4J_URI" in done.stderr, done.stderr


def test_push_from_a_missing_embedded_store_fails_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "nowhere.lbdb"
    done = run_cli("push", "--to", "neo4j", "--db", str(db), env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert done.returncode != 0
    assert str(db) in done.stderr and "no embedded store" in done.stderr, done.stderr
    assert "pushed" not in done.stdout
    assert not db.exists()


def test_push_from_an_empty_embedded_store_fails_saying_it_is_empty(tmp_path: Path) -> None:
    from fazhi.graph.ladybug_store import LadybugStore

    db = tmp_path / "empty.lbdb"
    LadybugStore(db).close()
    done = run_cli("push", "--to", "neo4j", "--db", str(db), env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert done.returncode != 0
    assert str(db) in done.stderr and "empty" in done.stderr, done.stderr
    assert "pushed" not in done.stdout


def test_a_named_query_runs_as_the_library_runs_it(one_report_db: Path) -> None:
    """`fazhi query --name` goes through the library's run: a page far past the end of agency_list is clamped to
    agency_count (LadybugDB's own SKIP there crashed the process), and a label parameter narrows shortest_path or is
    refused when the query does not list it."""
    far = run_cli("query", "--name", "agency_list", "--param", "skip=1000000", "--json", "--db", str(one_report_db))
    assert far.returncode == 0, (far.returncode, far.stderr[-2000:])
    assert json.loads(far.stdout) == []
    first = run_cli("query", "--name", "agency_list", "--json", "--db", str(one_report_db))
    assert first.returncode == 0 and json.loads(first.stdout), first.stderr
    wrong = run_cli("query", "--name", "shortest_path", "--param", "source_label=Report", "--db", str(one_report_db))
    assert wrong.returncode == 2 and "source_label must be one of" in wrong.stderr, wrong.stderr
