"""The real app in a real browser: `streamlit run app.py` driven by Debian's headless Chromium.

Every page must render visible Chinese content, and every request the browser
makes (the page, the Streamlit bundle, component iframes, fonts) must stay on
127.0.0.1/localhost: the app has to work offline. Screenshots and first-render
timings land in test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT, require

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
NON_NETWORK_SCHEMES = {"data", "blob", "about", "chrome-extension"}
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# url path -> text that only that page shows once it has rendered
PAGES = {  # url path -> text the page must show; the default page (概览) opens at "/" and at its own path
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples; FAZHI_BROWSER_DB=PATH runs the page test on an existing store instead (for the
    first-render timings of docs/BENCHMARKS.md on the 50k benchmark store)."""
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
    """A headless `streamlit run app.py` on a free local port; stopped (by its pid) afterwards."""
    port = free_port()
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("wb")
    env = {**os.environ, "FAZHI_DB": str(sample_db), "FAZHI_BACKEND": "embedded"}
    env.pop("NEO4J_URI", None)
    env.pop("FAZHI_ADMIN_TOKEN", None)
    proc = subprocess.Popen(
        # as the README runs it: viewer settings (usage stats off, toolbar) come from .streamlit/config.toml
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
            assert proc.poll() is None, "streamlit exited early"
        else:
            pytest.fail("streamlit did not become healthy within 60 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser_page(server: str):
    require(CHROMIUM.exists() or shutil.which("chromium") is not None, "Debian chromium is not installed")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        context.on("request", lambda request: requests.append(request.url))
        page.set_default_timeout(45_000)
        yield page, requests
        context.close()
        browser.close()


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


def wait_rendered(page, marker: str) -> float:
    """Seconds until the marker text is visible and Streamlit has stopped running the script."""
    start = time.perf_counter()
    page.get_by_text(marker, exact=False).first.wait_for(state="visible")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=45_000)
    return time.perf_counter() - start


def test_every_page_renders_offline(server: str, browser_page) -> None:
    page, requests = browser_page
    ARTIFACTS.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    for path, marker in PAGES.items():
        start = time.perf_counter()
        page.goto(f"{server}/{path}")
        wait_rendered(page, marker)
        name = {"": "overview", "overview": "overview-by-path"}.get(path, path)  # one file per address
        timings[name] = round(time.perf_counter() - start, 2)
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
            "MATCH (a:Agency)-[e:IMPLEMENTS]->(m:Measure) OPTIONAL MATCH (sen:Sentence {key: e.sentence_key}) "
            "RETURN e.report_id, sen.sentence, e.start_offset, "
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
