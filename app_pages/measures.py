"""措施: a measure → who implements it, where and when it spread, the evidence, its legal basis, its company."""

import altair as alt
import streamlit as st

from fazhi.app_pages.display import mark_terms
from fazhi.app_pages.extracted import measure_surface_forms
from fazhi.app_pages.filters import filtered_frame
from fazhi.app_pages.links import pick, reader_link, reader_url

EVIDENCE_SHOWN = 50
TABLE_ROWS = 1000  # the agency table; the counts above cover every record
HEAT_REGIONS = 40  # rows of the diffusion heat map (hundreds of regions would be unreadable)
LAW_LINKS = 30  # documents listed as links, most cited first (a busy measure is based on hundreds at 50k reports)

st.header("措施")
catalogue = filtered_frame("filtered_measures", limit=100_000)
if catalogue.empty:
    st.info("当前筛选条件下没有措施的实施记录。调整左侧筛选，或先导入报告（`fazhi ingest data/samples`）。")
    st.stop()
measure = pick("措施", catalogue["measure"].tolist(), "m", "measure")
if measure is None:
    st.stop()
row = catalogue[catalogue["measure"] == measure].iloc[0]
cols = st.columns(4)
cols[0].metric("类型", row["kind"] or "—")
cols[1].metric("实施机构", int(row["agencies"]))
cols[2].metric("报告", int(row["reports"]))
cols[3].metric("年份", f"{row['first_year']}–{row['last_year']}" if row["first_year"] else "—")

facts = filtered_frame("measure_evidence", measure=measure, limit=TABLE_ROWS)
st.subheader(f"实施 {measure} 的机构")
if len(facts) >= TABLE_ROWS:
    st.caption(f"列出最早的 {TABLE_ROWS:,} 条实施记录；用左侧筛选缩小范围。上方计数为全部。")
table = facts.assign(link=[reader_url(r.report_id, r.start_offset, r.end_offset) for r in facts.itertuples()])
st.dataframe(
    table[["agency", "level", "region", "year", "report_title", "link"]],
    hide_index=True, width="stretch",
    column_config={
        "agency": "机构", "level": "层级", "region": "地区", "year": st.column_config.NumberColumn("年份", format="%d"),
        "report_title": "报告", "link": st.column_config.LinkColumn("原文", display_text="阅读"),
    },
)

st.subheader("政策扩散：地区 × 年份")
adoption = filtered_frame("filtered_adoption", measure=measure).dropna(subset=["year"])
if adoption.empty:
    st.caption("没有带年份的实施记录。")
else:
    regions = adoption.groupby("region")["agencies"].sum().nlargest(HEAT_REGIONS).index
    if adoption["region"].nunique() > HEAT_REGIONS:
        st.caption(f"共 {adoption['region'].nunique()} 个地区，图中为实施机构最多的 {HEAT_REGIONS} 个。")
    adoption = adoption[adoption["region"].isin(regions)].copy()
    adoption["year"] = adoption["year"].astype(int).astype(str)
    heat = alt.Chart(adoption).mark_rect().encode(
        x=alt.X("year:O", title="年份"), y=alt.Y("region:N", title="地区"),
        color=alt.Color("agencies:Q", title="机构数", scale=alt.Scale(scheme="greens"),
                        legend=alt.Legend(format="d")),
        tooltip=["region", "year", "agencies"],
    )
    text = alt.Chart(adoption).mark_text(baseline="middle").encode(
        x="year:O", y="region:N", text="agencies:Q")
    st.altair_chart(heat + text, width="stretch")

left, right = st.columns(2)
with left:
    st.subheader("依据的法规文件 (BASED_ON)")
    laws = filtered_frame("measure_laws", measure=measure, limit=LAW_LINKS)
    if laws.empty:
        st.caption("文本中没有写明依据。")
    elif len(laws) >= LAW_LINKS:
        st.caption(f"列出被依据最多的 {LAW_LINKS} 个文件。")
    for law in laws.itertuples():
        st.page_link("app_pages/laws.py", label=f"《{law.law}》 · {law.category or '—'} · {law.reports} 份报告",
                     query_params={"l": law.law})
with right:
    st.subheader("同一报告中出现的其他措施")
    company = filtered_frame("measure_cooccurrence", measure=measure, limit=20)
    st.dataframe(company.rename(columns={"measure": "措施", "kind": "类型", "reports": "共现报告数"}),
                 hide_index=True, width="stretch")

st.subheader("证据")
forms = [measure, *measure_surface_forms().get(measure, [])]
if len(facts) > EVIDENCE_SHOWN:
    st.caption(f"显示前 {EVIDENCE_SHOWN} 条证据句；上表列出各条实施记录。")
for fact in facts.head(EVIDENCE_SHOWN).itertuples():
    st.markdown(f"**{fact.agency}**（{fact.year or '年份不明'}）— {mark_terms(fact.evidence or '', forms)}",
                unsafe_allow_html=True)
    reader_link(f"{fact.report_title or fact.report_id} · {fact.start_offset}–{fact.end_offset}",
                fact.report_id, fact.start_offset, fact.end_offset)
