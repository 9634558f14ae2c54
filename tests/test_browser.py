"""The real app in a real browser: `streamlit run app.py` driven by Debian's headless Chromium.

Every page must render visible Chinese content, and every request the browser
makes (the page, the Streamlit bundle, component iframes, fonts) must stay on
127.0.0.1/localhost: the app has to work offline. Screenshots and first-render
timings land in test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT, require

from fazhi.appbrowser import (
    PAGES,
    chromium_page,
    chromium_path,
    first_render,
    page_name,
    streamlit_server,
    wait_rendered,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
NON_NETWORK_SCHEMES = {"data", "blob", "about", "chrome-extension"}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples; FAZHI_BROWSER_DB=PATH runs the page test on an existing store instead (`fazhi bench
    --app` times the same pages on the benchmark store)."""
    from fazhi.graph.ladybug_store import LadybugStore
    from fazhi.ingest import ingest

    if os.environ.get("FAZHI_BROWSER_DB"):
        return Path(os.environ["FAZHI_BROWSER_DB"])
    path = tmp_path_factory.mktemp("browser") / "samples.lbdb"
    with LadybugStore(path) as store:
        summary = ingest([ROOT / "data" / "samples"], store, workers=1)
    assert len(summary.ingested) == 8, summary.failed
    return path


@pytest.fixture(scope="module")
def server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A headless `streamlit run app.py` on a free local port (fazhi.appbrowser, shared with the bench)."""
    with streamlit_server(sample_db, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser_page(server: str):
    require(chromium_path() is not None, "Debian chromium is not installed")
    pytest.importorskip("playwright.sync_api")
    requests: list[str] = []
    with chromium_page(requests) as page:
        yield page, requests


def foreign(urls: list[str]) -> list[str]:
    """Requests that would leave the machine."""
    out = []
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme in NON_NETWORK_SCHEMES:
            continue
        if parsed.hostname not in LOCAL_HOSTS:
            out.append(url)
    return out


def test_every_page_renders_offline(server: str, browser_page) -> None:
    page, requests = browser_page
    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    for path, marker in PAGES.items():
        name = page_name(path)  # one file per address
        timings[name] = first_render(page, server, path)
        if path == "graph":  # let the Cytoscape iframe load its bundle too
            page.frame_locator("iframe[title*='st_link_analysis']").locator("#cy").wait_for(state="attached")
            page.wait_for_timeout(1500)
        page.wait_for_timeout(1200)  # charts and tables below the marker finish drawing
        page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
        assert page.get_by_text("Page not found").count() == 0, f"/{path}: Streamlit says page not found"
        body = page.locator("[data-testid='stMain']").inner_text()
        assert marker in body, f"{path}: {marker!r} not shown"
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in body) > 20, f"{path}: too little Chinese text"
        assert "Traceback" not in body, f"{path}: a traceback is shown"
        exceptions = page.locator("[data-testid='stException']")
        assert exceptions.count() == 0, f"{path}: {exceptions.first.inner_text()}"
    (ARTIFACTS / "first-render-seconds.json").write_text(json.dumps(timings, indent=1))
    print("first-render seconds per page:", timings)
    assert not foreign(requests), f"requests left the machine: {foreign(requests)[:5]}"
    assert any("/_stcore/" in url or "/static/" in url for url in requests), "no requests were recorded"


def test_reader_scrolls_to_the_linked_sentence(server: str, browser_page, sample_db: Path) -> None:
    """A link with a sentence's offsets opens the reader with that exact sentence boxed."""
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(sample_db, read_only=True) as store:
        rid, sentence, start, end = store.query(
            "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) OPTIONAL MATCH (sen:Report {id: e.report_id}) "
            "RETURN e.report_id, right(left(sen.text, e.end_offset), e.end_offset - e.start_offset), e.start_offset, "
            "e.end_offset ORDER BY e.report_id, e.start_offset DESC LIMIT 1").rows[0]
    page, requests = browser_page
    page.goto(f"{server}/report?rid={rid}&s={start}&e={end}")
    wait_rendered(page, "抽取的事实")
    frame = page.frame_locator("iframe[srcdoc], iframe[title*='components']").first
    target = frame.locator(".target").first
    target.wait_for(state="visible")
    boxed = "".join(frame.locator(".target").all_inner_texts())
    assert boxed.strip() == sentence.strip()
    page.screenshot(path=str(ARTIFACTS / "page-report-target.png"), full_page=False)
    assert not foreign(requests)


def rgb(hex_colour: str) -> str:
    """'#a61b29' as the browser's computed-style spelling, 'rgb(166, 27, 41)'."""
    value = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))


def test_toolbar_shows_viewers_no_deploy_button(server: str, browser_page) -> None:
    """The app is for readers of reports: Streamlit's developer toolbar (Deploy) stays hidden, and the
    app's own theme is applied (its primary colour, not Streamlit's red #ff4b4b)."""
    page, requests = browser_page
    page.goto(f"{server}/")
    wait_rendered(page, PAGES[""])
    page.locator("[data-testid='stToolbar']").first.wait_for(state="attached")
    page.wait_for_timeout(1000)  # the toolbar fills in after the first script run
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0
    assert page.get_by_role("button", name="Deploy").count() == 0
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    year = page.locator("[data-testid='stSidebar'] [data-testid='stSliderThumbValue']").first  # primary colour
    colour = year.evaluate("el => getComputedStyle(el).color")
    assert colour != "rgb(255, 75, 75)", "Streamlit's own red: the app's theme was not applied"
    assert colour == rgb(theme["primaryColor"]), colour
    assert not foreign(requests)


def test_ask_box_evidence_link_and_compare_columns(server: str, browser_page) -> None:
    """Three questions typed into 概览's 问答 box, an evidence link followed into the reader, and the region
    comparison of 机构 with its 新增/延续/未再提及 columns."""
    page, requests = browser_page
    page.goto(f"{server}/")
    wait_rendered(page, "实施最多的措施")
    box = page.locator("input[aria-label='问答（用中文提问，不写 Cypher）']")
    for question, understood in (("民法典被哪些报告引用", "理解为：引用「中华人民共和国民法典」的报告"),
                                 ("河源市2022年比2019年新增了哪些措施", "理解为：「河源市」各机构2019年与2022年相比"),
                                 ("哪些机构实施了双随机一公开？", "理解为：实施「双随机、一公开」的机构")):
        box.fill(question)
        box.press("Enter")
        wait_rendered(page, understood)
    page.screenshot(path=str(ARTIFACTS / "ask-box.png"), full_page=True)
    evidence = page.locator("a[href*='report?rid=']").first
    href = evidence.get_attribute("href") or ""
    evidence.click()
    wait_rendered(page, "抽取的事实")
    assert "rid=" in page.url and href.split("rid=")[1].split("&")[0] in page.url
    frame = page.frame_locator("iframe[srcdoc], iframe[title*='components']").first
    frame.locator(".target").first.wait_for(state="visible")

    page.goto(f"{server}/agencies?a=河源市人力资源和社会保障局")
    wait_rendered(page, "实施的措施（按年份）")
    page.get_by_role("tab", name="地区两年对比（所有机构）").click()
    for status in ("新增（", "延续（", "未再提及（"):
        page.get_by_text(status, exact=False).first.wait_for(state="visible")
    page.get_by_text("新增（", exact=False).first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "compare-region.png"))
    assert not foreign(requests), foreign(requests)[:5]


def test_fazhi_app_says_ready_only_after_the_first_run_and_serves_the_store(sample_db: Path, tmp_path: Path,
                                                                            browser_page) -> None:
    """`fazhi app` (the README's and demo.sh's way to serve) runs the app once before it says it is ready, so
    the first visitor's page is a warm one; the page then shows the store it was given."""
    import subprocess
    import sys
    import time

    from fazhi.appbrowser import free_port

    page, _ = browser_page  # the module's browser: Playwright's sync API runs one at a time in a process
    port = free_port()
    log = tmp_path / "app.log"
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "FAZHI_ADMIN_TOKEN", "FAZHI_DB")}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "app", "--db", str(sample_db), "--port", str(port),
                                 "--address", "127.0.0.1", "--server.fileWatcherType", "none"],
                                cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 180
            while "fazhi app: ready at" not in log.read_text(encoding="utf-8", errors="replace"):
                assert proc.poll() is None and time.time() < deadline, log.read_text(encoding="utf-8", errors="replace")
                time.sleep(0.3)
            assert "first run done in" in log.read_text(encoding="utf-8")
            first_render(page, f"http://127.0.0.1:{port}", "")
            shown = page.inner_text("body")
            assert sample_db.name in shown and "报告 8" in shown, shown[:2000]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert not _still_serving(port, 15), "fazhi app stopped but its Streamlit child still serves"


def _still_serving(port: int, seconds: float) -> bool:
    """Whether something keeps answering Streamlit's health check on the port for `seconds`."""
    import time
    import urllib.request

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                pass
        except OSError:
            return False
        time.sleep(0.5)
    return True
