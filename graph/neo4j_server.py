"""Run a real Neo4j without Docker: Neo4j Community in-process, fetched from Maven Central.

`neo4j_launcher/pom.xml` lists neo4j-harness; `ensure_jars()` copies it and its dependencies
into the jar cache (LIB_DIR) once (mvn). `start()` runs `neo4j_launcher/Launcher.java` as a detached JVM
that serves Bolt on 127.0.0.1 and records itself in a pid file, so `fazhi neo4j stop`
in another shell (or the test session's teardown) can find and stop it.

The pid file is JSON ({"pid", "port", "uri", "data_dir", "log"}) so that readers such
as `Neo4jStore.from_env` can pick the URI of the running server up without parsing logs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

NEO4J_DIR = Path(__file__).resolve().parent / "neo4j_launcher"  # pom.xml and Launcher.java, package data
LAUNCHER = NEO4J_DIR / "Launcher.java"
# The jars (~150 MB) go to a user cache, not into the package: site-packages may be read-only.
LIB_DIR = Path(os.environ.get("FAZHI_NEO4J_LIB")
               or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fazhi" / "neo4j-lib")
STATE_DIR = Path(".fazhi")  # relative to the working directory, like the LadybugDB default
START_TIMEOUT_S = 120.0
JAR_FETCH_TIMEOUT_S = 900.0
# Heap for the JVM; the page cache lives outside it.
HEAP = os.environ.get("FAZHI_NEO4J_HEAP", "768m")
# FAZHI_NEO4J_JAVA_OPTS: more JVM options, split on spaces (e.g. -XX:TieredStopAtLevel=1, docs/BENCHMARKS.md)
# The page cache holds the store's pages, outside the heap: at least this many MiB, more for a larger store
# (page_cache_for); FAZHI_NEO4J_PAGE_CACHE_MB fixes it.
PAGE_CACHE_MB = 256
IMPORT_HEAP = os.environ.get("FAZHI_NEO4J_IMPORT_HEAP", "1g")  # the importer asks for >= 1 GiB

# Children started by this process, kept so Python does not warn about (or leak) them
# and so stop() can reap them instead of leaving zombies that look alive.
_children: dict[int, subprocess.Popen] = {}


class Neo4jServerError(RuntimeError):
    """The local Neo4j could not be set up, started or stopped; the message says why."""


@dataclass(frozen=True)
class ServerInfo:
    uri: str
    pid: int
    port: int
    data_dir: str = ""
    log: str = ""


def default_pid_file() -> Path:
    return Path.cwd() / STATE_DIR / "neo4j.pid"


def default_data_dir() -> Path:
    return Path.cwd() / STATE_DIR / "neo4j"


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Neo4jServerError(f"`{name}` not found on PATH; {hint}")
    return path


def _jars_present(lib: Path) -> bool:
    return lib.is_dir() and any(lib.glob("neo4j-harness-*.jar"))


def ensure_jars(lib: Path = LIB_DIR) -> Path:
    """Fetch the Neo4j jars with Maven unless they are already there; return the lib folder.

    Downloads into a temporary sibling folder and renames it at the end, so an
    interrupted download is never mistaken for a complete one.
    """
    if _jars_present(lib):
        return lib
    _require_tool("java", "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)")
    mvn = _require_tool("mvn", "install Maven (Debian: apt-get install maven) or fill $FAZHI_NEO4J_LIB by hand")
    lib.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lib-", dir=lib.parent))
    command = [
        mvn, "-q", "-B", "-f", str(NEO4J_DIR / "pom.xml"), "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=JAR_FETCH_TIMEOUT_S)
        if done.returncode != 0 or not _jars_present(staging):
            tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
            raise Neo4jServerError("mvn could not fetch the Neo4j jars: " + " | ".join(tail))
        if not _jars_present(lib):  # another process may have won the race
            shutil.rmtree(lib, ignore_errors=True)
            staging.rename(lib)
    except subprocess.TimeoutExpired as exc:
        raise Neo4jServerError(f"mvn did not finish within {JAR_FETCH_TIMEOUT_S:.0f} s") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return lib


def admin_import(csv_dir: Path, data_dir: Path | None = None, *, database: str = "neo4j",
                 pid_file: Path | None = None, timeout_s: float = 3600.0) -> str:
    """Bulk-load a `fazhi export --format csv` folder with neo4j-admin's importer, from our jars.

    The target is the data folder `start()` serves (`.fazhi/neo4j` by default), so a
    first load of a large graph skips Bolt altogether: import, then `fazhi neo4j start`.
    The server must be stopped (the importer overwrites the database). Returns the
    importer's closing summary (nodes, relationships, properties imported).
    """
    from fazhi.graph.exports import csv_files, import_arguments

    if status(pid_file) is not None:
        raise Neo4jServerError("stop the running Neo4j first (`fazhi neo4j stop`): the import overwrites it")
    files = csv_files(csv_dir)
    if not any(kind == "nodes" for kind, _ in files):
        raise Neo4jServerError(f"{csv_dir} holds no nodes_*.csv (write one with `fazhi export --format csv`)")
    lib = ensure_jars()
    data_dir = (data_dir or default_data_dir()).resolve()
    with tempfile.TemporaryDirectory(prefix="fazhi-neo4j-home-") as home:
        conf = Path(home) / "conf"
        conf.mkdir()
        (conf / "neo4j.conf").write_text(f"server.directories.data={data_dir / 'data'}\n", encoding="utf-8")
        command = [_require_tool("java", "install a Java 17+ runtime"), f"-Xmx{IMPORT_HEAP}", "-cp", f"{lib}/*",
                   "org.neo4j.cli.AdminTool", *import_arguments(files, database)]
        env = {**os.environ, "NEO4J_HOME": home, "NEO4J_CONF": str(conf)}
        done = subprocess.run(command, cwd=csv_dir, env=env, capture_output=True, text=True, timeout=timeout_s)
    output = (done.stdout + done.stderr).strip().splitlines()
    if done.returncode != 0:
        errors = [line for line in output if not line.lstrip().startswith("at ")]
        raise Neo4jServerError("neo4j-admin import failed: " + " | ".join(errors[-5:]))
    summary = output[next((i for i, line in enumerate(output) if "IMPORT DONE" in line), 0):]
    return "\n".join(line for line in summary if line.strip())


def free_port() -> int:
    """A loopback port nobody listens on right now (the usual bind-to-0 trick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def start(port: int | None = None, data_dir: Path | None = None, *,
          pid_file: Path | None = None, timeout_s: float = START_TIMEOUT_S,
          auth: bool = False, page_cache_mb: int | None = None) -> ServerInfo:
    """Start a detached Neo4j serving Bolt on 127.0.0.1:port; return once it accepts connections.

    When the pid file names a live server, that server is returned instead of a second one.
    Authentication is off (a loopback-only development server) unless `auth`, which leaves
    the stock neo4j/neo4j login that Neo4j makes the first client change. `page_cache_mb` defaults
    to page_cache_for(data_dir).
    """
    pid_file = pid_file or default_pid_file()
    running = status(pid_file)
    if running is not None:
        return running
    lib = ensure_jars()
    port = port or free_port()
    if port_open(port):
        raise Neo4jServerError(f"port {port} is already in use on 127.0.0.1")
    data_dir = (data_dir or default_data_dir()).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "neo4j.log"
    proc = _spawn(lib, port, data_dir, log, auth, page_cache_mb or page_cache_for(data_dir))
    info = ServerInfo(f"bolt://127.0.0.1:{port}", proc.pid, port, str(data_dir), str(log))
    try:
        _wait_ready(proc, info, timeout_s)
    except BaseException:
        _terminate(proc.pid)
        raise
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(json.dumps(asdict(info)) + "\n", encoding="utf-8")
    return info


def page_cache_for(data_dir: Path) -> int:
    """MiB of page cache for the store in data_dir: its files and a quarter more for growth (Neo4j's own sizing
    advice: the store plus its expected growth), at least PAGE_CACHE_MB, at most half the memory available now.

    Why: the bench's servers had a fixed 256 MiB in front of stores of 1.1 GB (10,000 reports) and 3.7 GB (50,000),
    so most pages a write touched came back through the OS: cheap while its file cache holds the store (this
    machine's did, docs/BENCHMARKS.md, session 13), a disk read where it does not.
    """
    fixed = os.environ.get("FAZHI_NEO4J_PAGE_CACHE_MB")
    if fixed:
        return int(fixed)
    databases = data_dir / "data" / "databases"
    store = sum(p.stat().st_size for p in databases.rglob("*") if p.is_file()) if databases.is_dir() else 0
    wanted = -(-store * 5 // 4 // 2**20 // 64) * 64  # rounded up to 64 MiB
    return max(PAGE_CACHE_MB, min(wanted, _available_mb() // 2))


def _available_mb() -> int:
    """MemAvailable of /proc/meminfo in MiB (4 GiB where there is no such file)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 4096


def _spawn(lib: Path, port: int, data_dir: Path, log: Path, auth: bool, page_cache_mb: int) -> subprocess.Popen:
    command = [
        _require_tool("java", "install a Java 17+ runtime"), f"-Xmx{HEAP}", "-XX:+UseSerialGC",
        *os.environ.get("FAZHI_NEO4J_JAVA_OPTS", "").split(), "-cp", f"{lib}/*", str(LAUNCHER), "--port", str(port), "--dir", str(data_dir),
        "--page-cache-mb", str(page_cache_mb), "--ignore-stdin",
    ] + (["--auth"] if auth else [])
    with open(log, "ab") as out:
        # A new session detaches the JVM from our terminal: Ctrl-C in the shell that ran
        # `fazhi neo4j start` must not kill the server, only `fazhi neo4j stop` does.
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, cwd=data_dir)
    _children[proc.pid] = proc
    return proc


def _wait_ready(proc: subprocess.Popen, info: ServerInfo, timeout_s: float) -> None:
    """Wait for the launcher's BOLT_URI line and an open port, or fail with the log's tail."""
    deadline = time.monotonic() + timeout_s
    log = Path(info.log)
    offset = log.stat().st_size if log.exists() else 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise Neo4jServerError(
                f"Neo4j exited with code {proc.returncode} while starting: {_log_tail(log, offset)}"
            )
        if f"BOLT_URI={info.uri}" in _read_from(log, offset) and port_open(info.port):
            return
        time.sleep(0.2)
    raise Neo4jServerError(f"Neo4j did not open {info.uri} within {timeout_s:.0f} s: {_log_tail(log, offset)}")


def _read_from(log: Path, offset: int) -> str:
    try:
        with open(log, "rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def _log_tail(log: Path, offset: int, lines: int = 6) -> str:
    text = _read_from(log, offset).strip().splitlines()
    return " | ".join(text[-lines:]) or f"(nothing logged; see {log})"


def read_pid_file(pid_file: Path | None = None) -> ServerInfo | None:
    pid_file = pid_file or default_pid_file()
    try:
        data = json.loads(pid_file.read_text(encoding="utf-8"))
        return ServerInfo(**data)
    except (FileNotFoundError, ValueError, TypeError):
        return None


def status(pid_file: Path | None = None) -> ServerInfo | None:
    """The server recorded in the pid file if its process is alive and is our launcher, else None."""
    info = read_pid_file(pid_file)
    if info is None or not _is_launcher(info.pid):
        return None
    return info


def stop(pid_file: Path | None = None, timeout_s: float = 60.0) -> bool:
    """Stop the recorded server (SIGTERM, then SIGKILL after `timeout_s`); False when none was running."""
    pid_file = pid_file or default_pid_file()
    info = status(pid_file)
    pid_file.unlink(missing_ok=True)
    if info is None:
        return False
    _terminate(info.pid, timeout_s)
    return True


def _terminate(pid: int, timeout_s: float = 60.0) -> None:
    """SIGTERM lets Neo4j checkpoint and release its store lock; SIGKILL only when it hangs."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout_s
    while _alive(pid):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10.0
        time.sleep(0.1)
    _children.pop(pid, None)


def _alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def _is_launcher(pid: int) -> bool:
    """Guards against a recycled pid: only a live JVM running our Launcher counts."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except FileNotFoundError:
        return False
    return "Launcher.java" in cmdline
