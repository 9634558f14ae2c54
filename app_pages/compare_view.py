"""对比 views: an agency or a region between two years (新增/延续/未再提及 side by side, each with its
evidence), and two agencies side by side (共同/仅前者/仅后者). The comparisons are queries/compare.py's."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from fazhi.app_pages.downloads import download_buttons
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.links import reader_url
from fazhi.app_pages.store_handle import store_handle, version
from fazhi.queries import library
from fazhi.queries.compare import (
    BOTH,
    DROPPED,
    KEPT,
    NEW,
    ONLY_A,
    ONLY_B,
    Table,
    compare_agencies,
    compare_years,
    pair_title,
    years_title,
)
from fazhi.queries.tables import header

# status -> the side whose sentence shows it (a dropped measure was last stated in the earlier year)
YEAR_SIDES = {NEW: "to", KEPT: "to", DROPPED: "from"}
PAIR_SIDES = {BOTH: "a", ONLY_A: "a", ONLY_B: "b"}


@st.cache_data(show_spinner=False, max_entries=64)
def _years_compared(scope: str, name: str, year_from: int, year_to: int, store_version: str) -> dict[str, Table]:
    handle = store_handle()
    with handle.lock:
        return compare_years(handle.current(), **{scope: name}, year_from=year_from, year_to=year_to)


@st.cache_data(show_spinner=False, max_entries=64)
def _pair_compared(agency: str, other: str, store_version: str) -> Table:
    handle = store_handle()
    with handle.lock:
        return compare_agencies(handle.current(), agency, other)


def _column(records: list[dict[str, Any]], key: str, side: str) -> pd.DataFrame:
    rows = [{header(key): r[key], "机构": r[f"{side}_agencies"], "证据句": r[f"{side}_evidence"],
             "原文": reader_url(r[f"{side}_report_id"], r[f"{side}_start_offset"], r[f"{side}_end_offset"])}
            for r in records]
    return pd.DataFrame(rows, columns=[header(key), "机构", "证据句", "原文"])


def three_columns(table: Table, key: str, sides: dict[str, str], widget_key: str) -> None:
    """One column per status, each a table whose rows link to their evidence in the reader."""
    records = table.records()
    for column, (status, side) in zip(st.columns(3), sides.items(), strict=True):
        chosen = [r for r in records if r["status"] == status]
        with column:
            st.markdown(f"#### {status}（{len(chosen)}）")
            if not chosen:
                st.caption("无")
                continue
            st.dataframe(_column(chosen, key, side), hide_index=True, width="stretch", key=f"{widget_key}-{status}",
                         column_config={"原文": st.column_config.LinkColumn("原文", display_text="阅读")})


# The years a scope has facts in. An agency's come from agency_measures with the filters open (counts by measure
# and year: the 机构 page's own table, already cached), not from the evidence of each of its facts (2,351 cut
# sentences for the busiest agency at 50,000 reports, only to list years); a region's from its evidence.
YEAR_QUERIES: dict[str, tuple[str, dict[str, Any]]] = {"agency": ("agency_measures", library.FILTERS),
                                                       "region": ("region_measure_evidence", {})}


def _year_choices(scope: str, name: str) -> list[int]:
    query, params = YEAR_QUERIES[scope]
    frame = library_frame(query, **params, **{scope: name})
    return sorted({int(y) for y in frame["year"].dropna()}) if not frame.empty else []


def render_year_compare(scope: str, name: str, key: str) -> None:
    """`scope` is agency or region: two years of its measures and cited documents."""
    years = _year_choices(scope, name) if name else []
    if len(years) < 2:
        st.caption(f"「{name}」只有 {len(years)} 个年份的实施记录，无法按年份对比。" if name else "请选择。")
        return
    left, right = st.columns(2)
    year_from = left.selectbox("前一年", years[:-1], index=len(years) - 2, key=f"{key}-from")
    later = [y for y in years if y > year_from]
    year_to = right.selectbox("后一年", later, index=0, key=f"{key}-to")
    tables = _years_compared(scope, name, int(year_from), int(year_to), version())
    st.markdown(f"**措施：{year_from}年 → {year_to}年**")
    three_columns(tables["measures"], "measure", YEAR_SIDES, f"{key}-measures")
    with st.expander("引用的法规文件：新增/延续/未再提及"):
        three_columns(tables["laws"], "law", YEAR_SIDES, f"{key}-laws")
    download_buttons(key, {"措施": (tables["measures"].columns, tables["measures"].rows),
                           "法规文件": (tables["laws"].columns, tables["laws"].rows)},
                     [years_title(name, year_from, year_to)], f"compare-{year_from}-{year_to}")


def render_pair_compare(agency: str, others: list[str], key: str) -> None:
    other = st.selectbox("与另一机构并列对比", [o for o in others if o != agency], key=f"{key}-other")
    if not other:
        return
    table = _pair_compared(agency, other, version())
    st.caption(f"前者：{agency}　后者：{other}")
    three_columns(table, "measure", PAIR_SIDES, f"{key}-pair")
    download_buttons(key, {"措施": (table.columns, table.rows)}, [pair_title(agency, other)],
                     "compare-agencies")
