"""The global filters (year, region, level, 文种): sidebar widgets, their values as query parameters,
and library queries run under them."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from fazhi.app_pages.frames import library_frame
from fazhi.model import AGENCY_LEVELS, DOC_TYPES
from fazhi.queries import library

FILTER_DEFAULTS: dict[str, Any] = dict(library.FILTERS)


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


def unfiltered(filters: dict[str, Any] | None = None) -> bool:
    """Whether the sidebar filters are all open (precomputed answers apply)."""
    return (filter_params() if filters is None else filters) == FILTER_DEFAULTS


def filtered_frame(name: str, **params: Any) -> pd.DataFrame:
    """Like library_frame, with the sidebar's global filters added as query parameters.

    With every filter open the query library answers from the aggregates itself (library.plan).
    """
    return library_frame(name, **filter_params(), **params)


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
