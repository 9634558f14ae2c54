"""The real app in a real browser: `streamlit run app.py` on a store, driven by headless Chromium.

Why a module and not test code: the browser test (tests/test_browser.py) and `fazhi bench --app`
must time the same thing — navigation until the page's own marker text is visible and Streamlit
has stopped running the script — or the first-render figures of docs/BENCHMARKS.md would not be
the ones the test checks. Both start the server and the browser through these functions.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# url path -> text that only that page shows once it has rendered; the default page (概览) opens at "/"
# (the first page of a session: on a fresh server, the cold start) and at its own path
PAGES = {
    "": "实施最多的措施",
    "overview": "实施最多的措施",
    "measures": "政策扩散",
    "agencies": "实施的措施（按年份）",
    "laws": "引用该文件的报告",
    "report": "抽取的事实",
    "graph": "查找节点",
    "cypher": "从查询库载入",
    "ingest": "网页导入已关闭",  # no FAZHI_ADMIN_TOKEN on this server: a shared app does not write
}
HEALTHY_TIMEOUT_S = 60.0


class AppBrowserError(RuntimeError):
    """The app or the browser could not be started; the message says why."""


def page_name(path: str) -> str:
    """One name per address: "/" is the overview, its own path is overview-by-path."""
    return {"": "overview", "overview": "overview-by-path"}.get(path, path)


def app_dir() -> Path:
    """The checkout that holds app.py (the app runs from its source tree, as the README says)."""
    root = Path(__file__).resolve().parent.parent
    if not (root / "app.py").is_file():
        raise AppBrowserError(f"no app.py in {root}: the app runs from a source checkout")
    return root


def chromium_path() -> str | None:
    """Debian's chromium, or whichever `chromium` is on PATH, or None."""
    return str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_command(port: int, address: str | None = None, extra: list[str] | None = None) -> list[str]:
    """`streamlit run app.py` as `fazhi app` and the bench start it: headless, the script health check on
    (the warm-up's endpoint), viewer settings from .streamlit/config.toml, then the caller's own options."""
    command = [sys.executable, "-m", "streamlit", "run", str(app_dir() / "app.py"), "--server.headless", "true",
               "--server.scriptHealthCheckEnabled", "true", "--server.port", str(port)]
    return command + (["--server.address", address] if address else []) + (extra or [])


@contextmanager
def streamlit_server(db: Path, log_path: Path) -> Iterator[str]:
    """A headless `streamlit run app.py` on the embedded store `db`, on a free local port; yields its
    URL once /_stcore/health answers, and stops it (by its pid) afterwards. No admin token and no
    NEO4J_URI reach it: it serves the file read-only, as a shared deployment would."""
    port = free_port()
    env = {**os.environ, "FAZHI_DB": str(db), "FAZHI_BACKEND": "embedded"}
    env.pop("NEO4J_URI", None)
    env.pop("FAZHI_ADMIN_TOKEN", None)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            streamlit_command(port, "127.0.0.1", ["--server.fileWatcherType", "none"]),
            cwd=app_dir(), env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(proc, url, str(log_path))
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def warm_up(url: str, timeout_s: float = 300.0) -> float:
    """Run the app's script once on the server (Streamlit's script health check) and return the seconds
    it took. Why: a fresh server's first script run pays for the imports (pandas, altair), opening the
    store and the 概览 page's first reads, about 2.5 s of a 3.7 s first page at 50,000 reports; done before
    the first visitor, that visitor gets a warm page. A script that fails raises with Streamlit's answer."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{url}/_stcore/script-health-check", timeout=timeout_s) as response:
            response.read()
    except OSError as exc:
        raise AppBrowserError(f"the app's first run on {url} failed: {exc}") from exc
    return round(time.perf_counter() - start, 2)


def wait_healthy(proc: subprocess.Popen, url: str, output: str) -> None:
    """Return once the server answers /_stcore/health; raise if it exits or does not answer in time."""
    deadline = time.time() + HEALTHY_TIMEOUT_S
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AppBrowserError(f"streamlit exited early (code {proc.returncode}); see {output}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AppBrowserError(f"streamlit did not become healthy within {HEALTHY_TIMEOUT_S:.0f} s; see {output}")


@contextmanager
def chromium_page(requests: list[str] | None = None, timeout_ms: int = 45_000) -> Iterator[Any]:
    """A Playwright page in headless Chromium (zh-CN, 1400x1000); every request URL the page or its
    frames make is appended to `requests` when given (the offline check of the browser test)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise AppBrowserError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        if requests is not None:
            page.on("request", lambda request: requests.append(request.url))
            context.on("request", lambda request: requests.append(request.url))
        page.set_default_timeout(timeout_ms)
        try:
            yield page
        finally:
            context.close()
            browser.close()


def wait_rendered(page: Any, marker: str) -> float:
    """Seconds until the marker text is visible and Streamlit has stopped running the script."""
    start = time.perf_counter()
    page.get_by_text(marker, exact=False).first.wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    return time.perf_counter() - start


def first_render(page: Any, url: str, path: str) -> float:
    """Seconds from navigating to url/path until that page has rendered (its PAGES marker, idle)."""
    start = time.perf_counter()
    page.goto(f"{url}/{path}")
    wait_rendered(page, PAGES[path])
    return round(time.perf_counter() - start, 2)


def measure_pages(db: Path, log_path: Path, timeout_ms: int = 120_000) -> dict[str, float]:
    """First render of every page, in PAGES order, on a fresh server: the first ("overview", at "/")
    is the cold server's first page (imports, sidebar data); each later page runs its own queries
    uncached on a server that has already started."""
    with streamlit_server(db, log_path) as url, chromium_page(timeout_ms=timeout_ms) as page:
        return {page_name(path): first_render(page, url, path) for path in PAGES}


def measure_warmed_first_page(db: Path, log_path: Path, timeout_ms: int = 120_000) -> dict[str, float]:
    """The first visitor's first page on a fresh server started as `fazhi app` starts it (warmed up before
    it says it is ready), and the warm-up's own seconds."""
    with streamlit_server(db, log_path) as url:
        warm_s = warm_up(url)
        with chromium_page(timeout_ms=timeout_ms) as page:
            return {"warm_up_s": warm_s, "first_page_s": first_render(page, url, "")}
