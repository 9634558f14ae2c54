"""措施: pick a measure → the agencies implementing it, with year, region and the evidence sentence."""

import streamlit as st

from pages.common import library_frame, sidebar

sidebar()
st.header("措施")
top = library_frame("top_measures", limit=200)
if top.empty:
    st.info("图中还没有措施。先运行 `fazhi ingest data/samples`。")
    st.stop()
measure = st.selectbox("措施", top["measure"].tolist())
rows = library_frame("agencies_implementing_measure", measure=measure)
st.subheader(f"实施“{measure}”的机构")
st.dataframe(rows[["agency", "level", "region", "year", "report_title"]], hide_index=True, use_container_width=True)
st.subheader("证据")
for row in rows.itertuples():
    st.markdown(f"**{row.agency}** ({row.year}) — {row.evidence}")
