"""法规: documents cited in 《》 — by category; per document the citing reports and agencies, issuer, nesting."""

import altair as alt
import streamlit as st

from fazhi.app_pages.filters import filtered_frame
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.links import pick, reader_url
from fazhi.model import LAW_CATEGORIES

st.header("法规")
category = st.selectbox("类别", ["", *LAW_CATEGORIES], format_func=lambda v: v or "全部类别", key="law-category")
# the most cited documents (143,000 are cited at 50,000 reports: listing all took 1 s); the search finds the rest
LAW_ROWS = 1000
laws = filtered_frame("filtered_laws", category=category, limit=LAW_ROWS)
if laws.empty:
    st.info("当前筛选条件下没有被引用的文件。")
    st.stop()
st.dataframe(laws.rename(columns={"law": "文件", "category": "类别", "issuer": "制定机关", "reports": "报告数",
                                  "agencies": "机构数", "first_year": "首次", "last_year": "最近"}),
             hide_index=True, width="stretch", height=240)
if len(laws) >= LAW_ROWS:
    st.caption(f"列出被引用最多的 {LAW_ROWS:,} 个文件；其他文件可在下方按名称搜索。")


def law_search(text: str) -> list[str]:
    """Documents whose title contains the text, from the store (beyond the listed ones)."""
    return library_frame("search_names", text=text, label="Law", limit=50)["name"].tolist()


law = pick("文件", laws["law"].tolist(), "l", "law", search=law_search)
if law is None:
    st.stop()
detail = library_frame("law_detail", law=law)
edges = library_frame("law_links", law=law)
if not detail.empty:
    cols = st.columns(3)
    cols[0].metric("类别", detail.iloc[0]["category"] or "—")
    cols[1].metric("制定机关", detail.iloc[0]["issuer"] or "—")
    listed = laws[laws["law"] == law]
    if listed.empty:  # found by search: its count over every report, not the filtered ones
        cols[2].metric("引用报告（全部）", int(detail.iloc[0]["reports"]))
    else:
        cols[2].metric("引用报告", int(listed.iloc[0]["reports"]))


def others(rel_type: str, direction: str) -> list[str]:
    rows = edges[(edges["type"] == rel_type) & (edges["direction"] == direction)]
    return sorted(set(rows["other"]))


left, right = st.columns(2)
with left:
    st.markdown("**包含的文件 (REFERENCES →)**: " + ("、".join(f"《{x}》" for x in others("REFERENCES", "out")) or "—"))
    st.markdown("**被以下文件包含**: " + ("、".join(f"《{x}》" for x in others("REFERENCES", "in")) or "—"))
with right:
    issuers = sorted(set(others("ISSUED_BY", "out")) | set(others("ISSUED", "in")))
    st.markdown("**制定机关 (ISSUED_BY / ISSUED)**: " + ("、".join(issuers) or "—"))
    based = others("BASED_ON", "in")
    st.markdown("**以此为依据的措施**: " + ("、".join(based) or "—"))

CITATION_ROWS = 1000  # the query's default limit: every row reads its report's text for the evidence
citations = filtered_frame("law_citations", law=law, limit=CITATION_ROWS)
st.subheader("引用机构（按年份）")
if len(citations) >= CITATION_ROWS:
    st.caption(f"按最早的 {CITATION_ROWS:,} 条引用统计；用左侧筛选缩小范围。")
by_year = citations.dropna(subset=["year"]).assign(agency=lambda f: f["agency"].fillna("（发文机关不明）"))
if not by_year.empty:
    by_year = by_year.groupby(["year", "agency"], as_index=False).size()
    by_year["year"] = by_year["year"].astype(int).astype(str)
    st.altair_chart(alt.Chart(by_year).mark_bar().encode(
        x=alt.X("year:O", title="年份"), y=alt.Y("size:Q", title="报告数"),
        color=alt.Color("agency:N", title="机构"), tooltip=["year", "agency", "size"],
    ), width="stretch")
st.subheader("引用该文件的报告")
citations = citations.assign(
    link=[reader_url(r.report_id, r.start_offset, r.end_offset) for r in citations.itertuples()])
st.dataframe(
    citations[["year", "agency", "level", "region", "title", "evidence", "link"]],
    hide_index=True, width="stretch",
    column_config={"year": st.column_config.NumberColumn("年份", format="%d"), "agency": "机构", "level": "层级",
                   "region": "地区", "title": "报告", "evidence": "引用句",
                   "link": st.column_config.LinkColumn("原文", display_text="阅读")},
)
