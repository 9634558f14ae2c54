"""概览: what the (filtered) graph holds — counts, 问答, search, top measures, most cited laws, adoption, reports."""

import altair as alt
import pandas as pd
import streamlit as st

from fazhi.app_pages.ask_box import render_ask
from fazhi.app_pages.filters import filtered_frame, unfiltered
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.search import render_search

TOP_N = 15

st.header("概览")
totals = filtered_frame("filtered_counts").iloc[0]
groups = filtered_frame("filtered_report_groups")
measures = filtered_frame("filtered_measures", limit=TOP_N)
laws = filtered_frame("filtered_laws", category="", limit=TOP_N)


def adoption_by_year(top: list[str]) -> tuple[int, pd.DataFrame]:
    """(measures implemented, agencies per measure and year for `top`).

    With the filters open this reads the per-measure counts and one anchored query per
    charted measure; scanning every IMPLEMENTS edge (filtered_adoption) takes seconds at 50k.
    """
    if unfiltered():
        implemented = len(library_frame("measure_stats", limit=1_000_000))
        frames = [library_frame("measure_adoption_by_year", measure=m).assign(measure=m) for m in top]
        yearly = pd.concat(frames) if frames else pd.DataFrame(columns=["measure", "year", "agencies"])
        return implemented, yearly[["measure", "year", "agencies"]]
    adoption = filtered_frame("filtered_adoption", measure="")
    implemented = adoption["measure"].nunique() if not adoption.empty else 0
    yearly = adoption.dropna(subset=["year"]).groupby(["measure", "year"], as_index=False)["agencies"].sum()
    return implemented, yearly[yearly["measure"].isin(top)]


implemented, yearly = adoption_by_year(measures["measure"].head(6).tolist() if not measures.empty else [])

cols = st.columns(5)
cols[0].metric("报告", int(totals["reports"]))
cols[1].metric("发文机关", int(totals["issuers"]))
cols[2].metric("发文机关未识别", int(totals["unknown_issuer"]),
               help="抽取未能从标题、发文机关行、落款或正文自述中确定发文机关的报告；它们的措施没有实施机关。")
cols[3].metric("措施（被实施）", implemented)
cols[4].metric("被引法规文件", int(totals["laws"]))

render_ask("overview-ask")
render_search("overview-search")

if not totals["reports"]:
    st.info("当前筛选条件下没有报告。调整左侧筛选，或在“导入”页导入文件。")
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("实施最多的措施")
    if not measures.empty:
        chart = alt.Chart(measures).mark_bar().encode(
            x=alt.X("agencies:Q", title="实施机构数"),
            y=alt.Y("measure:N", sort="-x", title=None),
            tooltip=["measure", "kind", "agencies", "reports", "first_year", "last_year"],
        )
        st.altair_chart(chart, width="stretch")
with right:
    st.subheader("被引最多的法规文件")
    st.dataframe(laws[["law", "category", "reports", "agencies"]].rename(columns={
        "law": "文件", "category": "类别", "reports": "报告数", "agencies": "机构数"}),
        hide_index=True, width="stretch")

st.subheader("措施采纳的年度变化")
if yearly.empty:
    st.caption("没有带年份的实施记录。")
else:
    yearly["year"] = yearly["year"].astype(int).astype(str)
    st.altair_chart(alt.Chart(yearly).mark_line(point=True).encode(
        x=alt.X("year:O", title="年份"), y=alt.Y("agencies:Q", title="实施机构数"),
        color=alt.Color("measure:N", title="措施"), tooltip=["measure", "year", "agencies"],
    ), width="stretch")

left, right = st.columns(2)
frame = groups.assign(region=groups["region"].fillna("（未知）"), level=groups["level"].fillna("（未知）"),
                      doc_type=groups["doc_type"].fillna("（未知）"))
with left:
    st.subheader("各地区报告数")
    by_region = frame.groupby("region", as_index=False)["reports"].sum()
    st.altair_chart(alt.Chart(by_region).mark_bar().encode(
        x=alt.X("reports:Q", title="报告数"), y=alt.Y("region:N", sort="-x", title=None)),
        width="stretch")
with right:
    st.subheader("发文机关层级")
    by_level = frame.groupby(["level", "doc_type"], as_index=False)["reports"].sum()
    st.altair_chart(alt.Chart(by_level).mark_bar().encode(
        x=alt.X("reports:Q", title="报告数"), y=alt.Y("level:N", title=None),
        color=alt.Color("doc_type:N", title="文种")), width="stretch")
