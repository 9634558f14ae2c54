"""A shared deployment: the app keeps serving every page while `fazhi ingest` writes to the same store.

Colleagues browse `streamlit run app.py` on a LadybugDB file while an administrator ingests a new
batch of reports into that file from the command line (issue 13, item 6). The app opens the file
read-only and reopens it when the writer moves `<db>.version` (docs/CONCURRENCY.md); this test
drives real Chromium through every page, round after round, for as long as a real ingest process
runs, and requires that no page shows an error, then that a reload shows the new report count.

The corpus is SHARED_INGEST_REPORTS generated reports (FAZHI_SHARED_INGEST_REPORTS overrides it).
The issue names 2,000; the default path commits 200 reports per batch, and 2,000 took 18 min on the
shared 2-core machine (docs/BENCHMARKS.md, thin edges), so the default is 400: two batches, so the
app sees a commit while the ingest still runs, and a few minutes of browsing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_browser import PAGES, browser_page, server, wait_rendered  # noqa: F401 - fixtures used by name

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHARED_INGEST_REPORTS = int(os.environ.get("FAZHI_SHARED_INGEST_REPORTS", "400"))
SAMPLE_REPORTS = 8
ERROR_WORDS = ("Traceback", "in use by another process", "StoreLocked", "StoreUnavailable", "RuntimeError")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples in a store of this module's own (the ingest below grows it); the server serves it."""
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.ingest import ingest

    path = tmp_path_factory.mktemp("shared") / "shared.lbdb"
    with LadybugStore(path) as store:
        assert len(ingest([ROOT / "data" / "samples"], store, workers=1).ingested) == SAMPLE_REPORTS
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fazhi.benchcorpus import generate

    folder = tmp_path_factory.mktemp("shared-corpus")
    generate(SHARED_INGEST_REPORTS, folder, seed=7)
    return folder


def page_problem(page, path: str) -> str:
    """What is wrong with the rendered page, or '' (an exception box, an error alert, error words)."""
    body = page.locator("[data-testid='stMain']").inner_text() + page.locator(
        "[data-testid='stSidebar']").inner_text()
    for word in ERROR_WORDS:
        if word in body:
            return f"/{path}: {word!r} shown: {body[max(0, body.index(word) - 200):][:600]}"
    for selector in ("[data-testid='stException']", "[data-testid='stAlertContentError']"):
        boxes = page.locator(selector)
        if boxes.count():
            return f"/{path}: {boxes.first.inner_text()[:600]}"
    return ""


def test_pages_keep_working_while_the_cli_ingests_into_the_same_store(
        server: str, browser_page, sample_db: Path, corpus: Path, tmp_path: Path) -> None:  # noqa: F811
    page, _ = browser_page
    page.goto(f"{server}/")
    wait_rendered(page, PAGES[""])
    assert f"报告 {SAMPLE_REPORTS}" in page.locator("[data-testid='stSidebar']").inner_text()
    log = (tmp_path / "ingest.log").open("wb")
    ingest = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "ingest", str(corpus), "--db", str(sample_db),
                               "--workers", "1"], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    rounds = 0
    problems: list[str] = []
    try:
        while ingest.poll() is None:
            for path, marker in PAGES.items():
                page.goto(f"{server}/{path}")
                wait_rendered(page, marker)
                problems += filter(None, [page_problem(page, path)])
            rounds += 1
    finally:
        if ingest.poll() is None:
            ingest.kill()
        ingest.wait()
        log.close()
    output = (tmp_path / "ingest.log").read_text(errors="replace")
    print(f"browsed every page {rounds} times while {SHARED_INGEST_REPORTS} reports were ingested")
    assert ingest.returncode == 0, output[-2000:]
    assert rounds >= 1, "the ingest ended before one round of pages"
    assert not problems, problems[:3]
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(sample_db, read_only=True) as store:
        stored = store.counts()["Report"]
    assert stored == SAMPLE_REPORTS + SHARED_INGEST_REPORTS, output[-2000:]
    page.goto(f"{server}/")
    wait_rendered(page, PAGES[""])
    deadline = time.time() + 60
    sidebar = ""
    while time.time() < deadline:
        sidebar = page.locator("[data-testid='stSidebar']").inner_text()
        if f"报告 {SAMPLE_REPORTS + SHARED_INGEST_REPORTS}" in sidebar:
            break
        page.reload()
        wait_rendered(page, PAGES[""])
    assert f"报告 {SAMPLE_REPORTS + SHARED_INGEST_REPORTS}" in sidebar, sidebar[:400]
