"""What every page shares: the store handle, cached queries, global filters, search, the sidebar.

The embedded store is opened read-only once per process and reopened only when
its version changes (after an ingest), never in a loop — the LadybugDB reopen
race (upstream issue #1007) is avoided by construction. Every read goes through
one lock, so the single connection is never used by two sessions at once and an
ingest can swap the reader for a writer without a query running underneath.
Results are cached per (query, parameters, store version): a re-render reads
the cache, an ingest moves the version and so invalidates everything at once.
"""

from __future__ import annotations

import html
import json
import os
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from fazhi.data import data_dir
from fazhi.graph.open import open_store_or_embedded
from fazhi.graph.search import SentenceIndex, index_path, tokens
from fazhi.graph.store import GraphStore, QueryResult
from fazhi.model import AGENCY_LEVELS, DOC_TYPES
from fazhi.queries import library

REPORT_PAGE = "app_pages/report.py"
SECRET_KEYS = ("FAZHI_BACKEND", "FAZHI_DB", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
FILTER_DEFAULTS: dict[str, Any] = {"year_from": 0, "year_to": 0, "region": "", "level": "", "doc_type": ""}
# With every filter open these filtered_* queries are answered by the counts ingest keeps
# (graph/derived.py): same columns and rows, milliseconds instead of seconds at 50k reports.
UNFILTERED = {"filtered_measures": "measure_stats", "filtered_laws": "law_stats", "filtered_counts": "report_counts"}
LABEL_COLOURS = {
    "Report": "#6c757d", "Agency": "#1f77b4", "Law": "#d62728", "Measure": "#2ca02c", "Region": "#9467bd",
}
LABEL_NAMES = {"Report": "报告", "Agency": "机构", "Law": "法规", "Measure": "措施", "Region": "地区"}
DIALECT_NAMES = {"ladybug": "嵌入式 LadybugDB", "neo4j": "Neo4j"}
T = TypeVar("T")


# -- routing -------------------------------------------------------------------

# -- the store -----------------------------------------------------------------

def _secrets_to_env() -> None:
    """Let st.secrets configure the backend the same way the environment does (env wins)."""
    try:
        secrets = {k: st.secrets[k] for k in SECRET_KEYS if k in st.secrets}
    except Exception:  # noqa: BLE001 - no secrets.toml is the normal case
        return
    for key, value in secrets.items():
        os.environ.setdefault(key, str(value))


class StoreHandle:
    """One store per app process; a reader sees new commits through store.refresh()."""

    def __init__(self) -> None:
        _secrets_to_env()
        self.lock = threading.RLock()
        self.store, reason = open_store_or_embedded(read_only=True)
        # why the configured backend is not the one in use, for the sidebar (never a credential)
        self.notice = f"Neo4j 不可用，已改用嵌入式存储：{reason}" if reason else ""

    def current(self) -> GraphStore:
        with self.lock:
            self.store.refresh()
            return self.store

    def run(self, name: str, params: dict[str, Any], **options: Any) -> QueryResult:
        with self.lock:
            return library.run(self.current(), name, params, **options)

    def query(self, cypher: str, params: dict[str, Any], **options: Any) -> QueryResult:
        with self.lock:
            return self.current().query(cypher, params, **options)

    def write(self, work: Callable[[GraphStore], T]) -> T:
        """Run `work` on a writable store (the store's writer(): the embedded reader steps aside)."""
        with self.lock, self.store.writer() as writer:
            return work(writer)


def backend_caption(current: GraphStore) -> str:
    """Which backend and where, for people (the location never holds credentials)."""
    return f"{DIALECT_NAMES.get(current.dialect, current.dialect)} · `{current.location}`"


@st.cache_resource
def store_handle() -> StoreHandle:
    return StoreHandle()


def store() -> GraphStore:
    return store_handle().current()


def version() -> str:
    return store_handle().current().version()


def ingest_paths(paths: list[Path], progress: Callable[[str], None] | None = None):
    """Ingest files through the app's one writer; pages see the new version on their next run."""
    from fazhi.ingest import ingest

    return store_handle().write(lambda writer: ingest(paths, writer, workers=1, progress=progress))


# -- cached queries ------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_library(name: str, params_json: str, version: str) -> pd.DataFrame:
    result = store_handle().run(name, json.loads(params_json))
    return pd.DataFrame(result.rows, columns=result.columns)


def library_frame(name: str, **params: Any) -> pd.DataFrame:
    """A library query's rows as a DataFrame, cached on the store's version."""
    return _cached_library(name, json.dumps(params, ensure_ascii=False, sort_keys=True), version())


def filtered_frame(name: str, **params: Any) -> pd.DataFrame:
    """Like library_frame, with the sidebar's global filters added as query parameters."""
    filters = filter_params()
    if name in UNFILTERED and unfiltered(filters):
        return library_frame(UNFILTERED[name], **params)
    return library_frame(name, **filters, **params)


def unfiltered(filters: dict[str, Any] | None = None) -> bool:
    """Whether the sidebar filters are all open (precomputed answers apply)."""
    return (filter_params() if filters is None else filters) == FILTER_DEFAULTS


@st.cache_data(show_spinner=False)
def _cached_counts(version: str) -> dict[str, int]:
    with store_handle().lock:
        return store().counts()


def counts() -> dict[str, int]:
    return _cached_counts(version())


# -- global filters ------------------------------------------------------------

def filter_params() -> dict[str, Any]:
    """The sidebar filters as query parameters ('' and 0 mean "all")."""
    state = st.session_state
    out = dict(FILTER_DEFAULTS)
    years, bounds = state.get("f_years"), state.get("_year_bounds")
    if years and bounds:
        out["year_from"] = int(years[0]) if years[0] > bounds[0] else 0
        out["year_to"] = int(years[1]) if years[1] < bounds[1] else 0
    for key in ("region", "level", "doc_type"):
        out[key] = state.get(f"f_{key}") or ""
    return out


def _region_options() -> list[str]:
    """Report regions plus the provinces above them, so a province selects its cities' reports."""
    groups = library_frame("filtered_report_groups", **FILTER_DEFAULTS)
    regions = library_frame("region_list")
    provinces = set(regions[regions["level"] == "省"]["region"])
    return ["", *sorted(set(groups["region"].dropna()) | provinces)]


def render_filters() -> None:
    """Sidebar widgets rendered by app.py on every page, so their state survives page switches."""
    totals = library_frame("report_counts").iloc[0]
    side = st.sidebar
    side.subheader("筛选")
    first, last = totals["first_year"], totals["last_year"]
    if not pd.isna(first) and last > first:
        st.session_state["_year_bounds"] = (int(first), int(last))
        side.slider("年份", int(first), int(last), (int(first), int(last)), key="f_years")
    elif not pd.isna(first):
        side.caption(f"年份: {int(first)}")
    side.selectbox("地区", _region_options() if totals["reports"] else [""], key="f_region",
                   format_func=lambda v: v or "全部")
    side.selectbox("发文机关层级", ["", *AGENCY_LEVELS], key="f_level", format_func=lambda v: v or "全部")
    side.selectbox("文种", ["", *DOC_TYPES], key="f_doc_type", format_func=lambda v: v or "全部")


def render_sidebar() -> None:
    """Backend, counts and the global filters; called once per run by app.py."""
    handle = store_handle()
    current = handle.current()
    st.sidebar.markdown(f"**后端**: {backend_caption(current)}  \n方言: `{current.dialect}`")
    if handle.notice:
        st.sidebar.warning(handle.notice)
    numbers = counts()
    st.sidebar.caption(" · ".join(f"{LABEL_NAMES.get(k, k)} {v}" for k, v in numbers.items() if not k.isupper()))
    render_filters()


# -- links to the reader -------------------------------------------------------

def reader_params(report_id: str, start: Any = None, end: Any = None) -> dict[str, str]:
    params = {"rid": str(report_id)}
    if start is not None and end is not None and not pd.isna(start) and not pd.isna(end):
        params.update(s=str(int(start)), e=str(int(end)))
    return params


def reader_link(label: str, report_id: str, start: Any = None, end: Any = None) -> None:
    """A link that opens the 报告 reader at a sentence (report id and offsets go in st.query_params)."""
    st.page_link(REPORT_PAGE, label=label,
                 query_params=reader_params(report_id, start, end))


def reader_url(report_id: str, start: Any = None, end: Any = None) -> str:
    """The same target as a relative URL, for LinkColumn cells in tables."""
    query = "&".join(f"{k}={v}" for k, v in reader_params(report_id, start, end).items())
    return f"report?{query}"


def mark_terms(text: str, terms: Iterable[str], colour: str = "#fff3a3") -> str:
    """HTML-escaped text with every occurrence of the terms highlighted (longest first)."""
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    escaped = html.escape(text)
    if not terms:
        return escaped
    pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms))
    return pattern.sub(lambda m: f"<mark style='background:{colour}'>{m.group(0)}</mark>", escaped)


# -- sentence search -----------------------------------------------------------

APP_INDEX_BACKLOG = 500  # new reports the app segments itself before asking for `fazhi search`

@st.cache_resource(max_entries=1)
def search_index_for(path: str) -> SentenceIndex:
    return SentenceIndex(path)


def search_index() -> SentenceIndex | None:
    """The store's persistent sentence index (graph/search.py), brought up to date with a progress bar.

    A few hundred new reports are segmented here (~30 s); a bigger backlog would hold the
    store's lock for many minutes, so the page says which command builds it with every core.
    """
    handle = store_handle()
    with handle.lock:
        current = handle.current()
        index = search_index_for(str(index_path(current)))
        gone, missing = pending = index.pending(current)
        if len(missing) > APP_INDEX_BACKLOG:
            st.warning(f"全文检索索引还缺 {len(missing):,} 篇报告，页面中建立太慢。请在命令行运行 "
                       f"`fazhi search {current.cli_options}` 建立（使用全部 CPU 核心），完成后即可检索。")
            return None
        if index.indexed_version() != current.version():
            bar = st.progress(0.0, text="建立检索索引…") if missing else None

            def show(done: int, total: int) -> None:
                if bar:
                    bar.progress(done / total, text=f"建立检索索引：{done}/{total} 篇报告")

            index.sync(current, progress=show, pending=pending)
            if bar:
                bar.empty()
    return index


def render_search(key: str = "search") -> None:
    """The search box: ranked sentences from the filtered reports, each linking to the reader."""
    query = st.text_input("全文检索（证据句与报告原文）", key=key, placeholder="例如：双随机 抽查 市场监管")
    if not query.strip():
        return
    index = search_index()
    if index is None:
        return
    allowed = None if unfiltered() else filtered_report_ids()
    hits = index.search(query, limit=20, allowed=allowed)
    if not hits:
        st.info("没有找到匹配的句子。")
        return
    words = tokens(index.tokenizer, query)
    st.caption(f"{len(hits)} 条结果（BM25 排序）")
    for score, (rid, title, start, end, sentence) in hits:
        st.markdown(f"{mark_terms(sentence, words)} <small>({score:.3g})</small>", unsafe_allow_html=True)
        reader_link(f"{title} · {start}–{end}", rid, start, end)


@st.cache_data(show_spinner=False, max_entries=8)
def _filtered_report_ids(filters_json: str, version: str) -> set[str]:
    params = {**json.loads(filters_json), "limit": 100_000_000}
    return {row[0] for row in store_handle().run("filtered_reports", params, row_cap=100_000_000).rows}


def filtered_report_ids() -> set[str]:
    """Every report passing the sidebar filters (no row cap: the search filters by it)."""
    return _filtered_report_ids(json.dumps(filter_params(), sort_keys=True), version())


@st.cache_data(show_spinner=False)
def measure_surface_forms() -> dict[str, list[str]]:
    """Canonical measure name -> the ways reports write it (from data/measures.tsv), for highlighting."""
    forms: dict[str, list[str]] = {}
    path = data_dir() / "measures.tsv"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3:
            continue
        variants = [cells[0], *(a for a in cells[2].split("|") if a)]
        forms[cells[0]] = sorted({v for v in variants} | {re.sub(r"[“”\"]", "", v) for v in variants})
    return forms


def pick(label: str, options: list[str], param: str, key: str) -> str | None:
    """A selectbox with a search box in front; the choice is mirrored in st.query_params[param].

    Mirroring makes every view linkable (the graph and reader pages link here with ?m=…).
    """
    wanted = st.query_params.get(param)
    needle = st.text_input(f"搜索{label}", key=f"{key}-needle", placeholder="输入名称的一部分")
    shown = [o for o in options if needle in o] if needle else options
    if wanted in options and wanted not in shown:
        shown = [wanted, *shown]
    if not shown:
        st.info(f"没有名称包含“{needle}”的{label}。")
        return None
    index = shown.index(wanted) if wanted in shown else 0
    choice = st.selectbox(label, shown, index=index, key=f"{key}-select")
    if choice != wanted:
        st.query_params[param] = choice
    return choice
