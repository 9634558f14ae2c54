"""The 问答 box: a Chinese question → one named query (queries/ask.py), with every step shown.

The interpretation, the query name and parameters, its Cypher (a link opens it in the Cypher page
with the same parameters), the table, the evidence sentences as links into the reader, and the
downloads. Unsure questions show their candidates, never an answer to a guess.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from fazhi.app_pages.downloads import download_buttons
from fazhi.app_pages.links import reader_link, reader_url
from fazhi.app_pages.store_handle import store_handle, version
from fazhi.queries.ask import Answer, Vocabulary, answer

CYPHER_PAGE = "app_pages/cypher.py"
EVIDENCE_LINKS = 8


@st.cache_resource(max_entries=2, show_spinner=False)
def _vocabulary(store_version: str) -> Vocabulary:
    handle = store_handle()
    with handle.lock:
        return Vocabulary.from_store(handle.current())


@st.cache_data(show_spinner=False, max_entries=64)
def _answer(question: str, store_version: str) -> Answer:
    """Cached per store version: the page reruns on every widget touch, the question's query need not."""
    handle = store_handle()
    vocab = _vocabulary(store_version)
    with handle.lock:
        return answer(handle.current(), question, vocab)


def ask(question: str) -> Answer:
    return _answer(question, version())


def cypher_params(query: str, params: dict) -> dict[str, str]:
    """The Cypher page's query params for a library query (cypher.py reads q and p)."""
    return {"q": query, "p": json.dumps(params, ensure_ascii=False)}


def _table(result: Answer) -> pd.DataFrame:
    frame = pd.DataFrame(result.rows, columns=result.columns)
    if {"report_id", "start_offset", "end_offset"} <= set(frame.columns):
        frame = frame.assign(原文=[reader_url(r, s, e) for r, s, e in
                                  zip(frame["report_id"], frame["start_offset"], frame["end_offset"], strict=True)])
    return frame.map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)


def render_ask(key: str = "ask") -> None:
    question = st.text_input("问答（用中文提问，不写 Cypher）", key=key,
                             placeholder="例如：哪些机构实施了双随机、一公开？ 河源市2022年比2021年新增了哪些措施？")
    if not question.strip():
        return
    result = ask(question)
    meaning = result.interpretation
    if meaning.query is None:
        st.warning(meaning.text)
        return
    st.info(meaning.text)
    st.caption("问答只按问题中写明的年份、地区和层级查询，不受左侧筛选影响。")
    for note in meaning.notes:
        st.caption(note)
    st.markdown(f"**查询** `{meaning.query}`" + ("（两年对比：新增/延续/未再提及）" if meaning.compare else ""))
    st.code(json.dumps(meaning.params, ensure_ascii=False), language="json")
    with st.expander("Cypher"):
        st.code(result.cypher, language="cypher")
        st.page_link(CYPHER_PAGE, label="在 Cypher 页打开", query_params=cypher_params(meaning.query, meaning.params))
    frame = _table(result)
    st.caption(f"{len(frame)} 行")
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"原文": st.column_config.LinkColumn("原文", display_text="阅读")})
    evidence = result.evidence()
    if evidence:
        st.markdown("**证据**")
        for item in evidence[:EVIDENCE_LINKS]:
            reader_link(f"{item['report_title'] or item['report_id']} · {item['evidence'][:60]}",
                        item["report_id"], item["start_offset"], item["end_offset"])
    download_buttons(f"{key}-download", {"回答": (result.columns, result.rows)}, result.about(), "answer")
