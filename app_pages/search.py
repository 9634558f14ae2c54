"""Sentence search: the store's persistent index (graph/search.py), kept current, and the search box."""

from __future__ import annotations

import json

import streamlit as st

from fazhi.app_pages.display import mark_terms
from fazhi.app_pages.filters import filter_params, unfiltered
from fazhi.app_pages.links import reader_link
from fazhi.app_pages.store_handle import store_handle, version
from fazhi.graph.search import SentenceIndex, index_path, tokens

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
