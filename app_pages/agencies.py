"""机构: one agency's profile — measures by year, laws its reports cite, partners, reports, hierarchy, region,
and 对比: the agency or its region between two years, or beside another agency."""

import altair as alt
import pandas as pd
import streamlit as st

from fazhi.app_pages import frames
from fazhi.app_pages.compare_view import render_pair_compare, render_year_compare
from fazhi.app_pages.filters import filtered_frame
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.links import pick, reader_url


def agency_page() -> pd.DataFrame:
    """The page of agencies to choose from: the store holds more than one list should (tens of
    thousands at 50k reports), so the search box filters in the store and pages are read one at a
    time, with the total from the per-agency counts ingest keeps; an agency named in the link is
    added to its page."""
    size = frames.LIST_PAGE
    needle = st.session_state.get("agency-needle", "")  # pick()'s search box, typed on an earlier run
    total = int(library_frame("agency_count", contains=needle)["agencies"].iloc[0])
    page = 1
    if total > size:
        pages = -(-total // size)
        scope = f"名称包含“{needle}”的" if needle else ""
        page = int(st.number_input(f"页（共 {pages} 页，{scope}{total:,} 个机构，按实施记录排序）", 1, pages, 1,
                                   key=f"agency-page-{needle}" if needle else "agency-page"))
    shown = library_frame("agency_list", contains=needle, skip=(page - 1) * size, limit=size)
    wanted = st.query_params.get("a")
    if wanted and wanted not in set(shown["agency"]):
        found = library_frame("agency_list", contains=wanted, skip=0, limit=size)
        shown = pd.concat([found[found["agency"] == wanted], shown], ignore_index=True)
    return shown


PARTNER_ROWS = 200  # partners shown, each with an example sentence (a hub agency has thousands at 50k reports)

st.header("机构")
agencies = agency_page()
if agencies.empty and not st.session_state.get("agency-needle"):
    st.info("图中还没有机构。先在“导入”页导入报告。")
    st.stop()
agency = pick("机构", agencies["agency"].tolist(), "a", "agency")
if agency is None:
    st.stop()
info = agencies[agencies["agency"] == agency].iloc[0]
edges = library_frame("agency_links", agency=agency)  # these types only, no evidence: not neighbours


def related(rel_type: str, direction: str) -> list[str]:
    """Names at the other end of this agency's edges of one type and direction."""
    rows = edges[(edges["type"] == rel_type) & (edges["direction"] == direction)]
    return sorted(set(rows["other"]))


cols = st.columns(4)
cols[0].metric("层级", info["level"] or "—")
cols[1].metric("地区", info["region"] or "—")
cols[2].metric("实施记录", int(info["facts"]))
cols[3].metric("合作机构", len(set(edges[edges["type"] == "COOPERATES_WITH"]["other"])))

left, right = st.columns(2)
with left:
    st.markdown("**上级机构 (PART_OF)**: " + ("、".join(related("PART_OF", "out")) or "—"))
    st.markdown("**下属机构**: " + ("、".join(related("PART_OF", "in")) or "—"))
with right:
    st.markdown("**所在地区 (LOCATED_IN)**: " + ("、".join(related("LOCATED_IN", "out")) or "—"))

st.subheader("实施的措施（按年份）")
measures = filtered_frame("agency_measures", agency=agency)
if measures.empty:
    st.caption("当前筛选条件下没有实施记录。")
else:
    chart_rows = measures.dropna(subset=["year"]).assign(year=lambda f: f["year"].astype(int).astype(str))
    if not chart_rows.empty:
        st.altair_chart(alt.Chart(chart_rows).mark_rect().encode(
            x=alt.X("year:O", title="年份"), y=alt.Y("measure:N", title=None),
            color=alt.Color("kind:N", title="类型"), tooltip=["measure", "kind", "year", "reports", "example"],
        ), width="stretch")
    st.dataframe(measures.rename(columns={"year": "年份", "measure": "措施", "kind": "类型", "reports": "报告数",
                                          "example": "例句"}), hide_index=True, width="stretch")

left, right = st.columns(2)
with left:
    st.subheader("所发报告引用的法规文件")
    laws = filtered_frame("agency_laws", agency=agency)
    st.dataframe(laws.rename(columns={"year": "年份", "law": "文件", "category": "类别", "reports": "报告数"}),
                 hide_index=True, width="stretch")
with right:
    st.subheader("合作机构 (COOPERATES_WITH)")
    partners = library_frame("cooperation_network", agency=agency, limit=PARTNER_ROWS)
    if len(partners) >= PARTNER_ROWS:
        st.caption(f"列出共同出现报告最多的 {PARTNER_ROWS} 个合作机构。")
    st.dataframe(partners.rename(columns={"partner": "机构", "level": "层级", "reports": "报告数",
                                          "example": "例句"}), hide_index=True, width="stretch")

st.subheader("提及该机构的报告")
REPORT_ROWS = 1000  # the query's default limit: every row reads its report's text for the evidence
reports = filtered_frame("agency_reports", agency=agency, limit=REPORT_ROWS)
if len(reports) >= REPORT_ROWS:
    st.caption(f"列出最早的 {REPORT_ROWS:,} 份报告；用左侧筛选缩小范围。")
reports = reports.assign(link=[reader_url(r.report_id, r.start_offset, r.end_offset) for r in reports.itertuples()])
st.dataframe(
    reports[["year", "title", "region", "issued", "evidence", "link"]], hide_index=True, width="stretch",
    column_config={"year": st.column_config.NumberColumn("年份", format="%d"), "title": "报告", "region": "地区",
                   "issued": st.column_config.CheckboxColumn("发文机关"), "evidence": "首次提及",
                   "link": st.column_config.LinkColumn("原文", display_text="阅读")},
)

st.subheader("对比")
# Only the open tab runs (on_change="rerun"): a region's comparison reads every fact of its reports in two
# years, seconds at 50,000 reports, and the page's first render must not wait for tabs nobody opened.
years_tab, region_tab, pair_tab = st.tabs(["本机构两年对比", "地区两年对比（所有机构）", "与另一机构对比"],
                                          key="agency-compare-tab", on_change="rerun")
if years_tab.open:
    with years_tab:
        render_year_compare("agency", agency, "compare-agency")
if region_tab.open:
    with region_tab:
        regions = library_frame("region_list")["region"].tolist()
        default = info["region"] if info["region"] in regions else None
        region = st.selectbox("地区", regions, index=regions.index(default) if default else 0,
                              key="compare-region-pick")
        render_year_compare("region", region, "compare-region")
if pair_tab.open:
    with pair_tab:
        active = agencies[agencies["facts"] > 0]["agency"].tolist()
        render_pair_compare(agency, active, "compare-pair")
