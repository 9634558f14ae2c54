"""Real-Neo4j fixtures: one in-process Neo4j (from Maven jars) per test session.

Skips when java/mvn are missing or the jars cannot be fetched; with CI=true that is a
failure instead (see `require` in conftest.py), so CI cannot go green by skipping.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fazhi.graph import neo4j_server


def _require(condition: bool, reason: str) -> None:
    from conftest import require  # conftest is importable: pytest puts tests/ on sys.path

    require(condition, reason)


def start_server(tmp: Path, auth: bool = False) -> tuple[neo4j_server.ServerInfo, Path]:
    """Start a server whose pid file and data live under `tmp`, or skip/fail saying why."""
    _require(shutil.which("java") is not None, "java is not installed (needed for Neo4j)")
    if not neo4j_server._jars_present(neo4j_server.LIB_DIR):
        _require(shutil.which("mvn") is not None, "mvn is not installed and the Neo4j jar cache is empty")
    pid_file = tmp / "neo4j.pid"
    try:
        neo4j_server.ensure_jars()
        info = neo4j_server.start(data_dir=tmp / "data", pid_file=pid_file, auth=auth)
    except neo4j_server.Neo4jServerError as exc:
        _require(False, f"Neo4j could not be started: {exc}")
        raise  # unreachable: require skips or fails
    return info, pid_file


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bolt URI of a session-wide Neo4j (auth off); stopped when the session ends."""
    info, pid_file = start_server(tmp_path_factory.mktemp("neo4j"))
    try:
        yield info.uri
    finally:
        neo4j_server.stop(pid_file)


@pytest.fixture
def neo4j_auth_server(tmp_path: Path) -> Iterator[tuple[neo4j_server.ServerInfo, Path]]:
    """A second Neo4j with authentication on (stock neo4j/neo4j login), for login-error tests.

    Function-scoped and only started by tests that ask for it, since it costs one more JVM;
    yields the server and its pid file so a test can also stop it itself.
    """
    info, pid_file = start_server(tmp_path, auth=True)
    try:
        yield info, pid_file
    finally:
        neo4j_server.stop(pid_file)


@pytest.fixture
def neo4j_store(neo4j_uri: str):
    """A Neo4jStore on an emptied database (data from earlier tests deleted; schema kept)."""
    from fazhi.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri)
    store.clear()
    try:
        yield store
    finally:
        store.close()
