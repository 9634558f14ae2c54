"""Links between pages: to the 报告 reader at a sentence, and choices mirrored in st.query_params."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

REPORT_PAGE = "app_pages/report.py"


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


def pick(label: str, options: list[str], param: str, key: str,
         search: Callable[[str], list[str]] | None = None) -> str | None:
    """A selectbox with a search box in front; the choice is mirrored in st.query_params[param].

    Mirroring makes every view linkable (the graph and reader pages link here with ?m=…). `search`
    finds names beyond `options` (a page that lists only the most frequent of 10^5 names asks the
    store for the typed text), and lets a linked choice outside them stand.
    """
    wanted = st.query_params.get(param)
    needle = st.text_input(f"搜索{label}", key=f"{key}-needle", placeholder="输入名称的一部分")
    shown = [o for o in options if needle in o] if needle else options
    if needle and search is not None:
        listed = set(shown)
        shown = shown + [o for o in search(needle) if o not in listed]
    if wanted and wanted not in shown and (wanted in options or search is not None):
        shown = [wanted, *shown]
    if not shown:
        st.info(f"没有名称包含“{needle}”的{label}。")
        return None
    index = shown.index(wanted) if wanted in shown else 0
    choice = st.selectbox(label, shown, index=index, key=f"{key}-select")
    if choice != wanted:
        st.query_params[param] = choice
    return choice
