"""Cypher: a read-only editor seeded with the query library; refusals show their reason."""

import streamlit as st

from graph.store import QueryRefused
from pages.common import sidebar, store
from queries import library

sidebar()
st.header("Cypher")
current = store()
st.caption(f"dialect: {current.dialect} · read-only · timeout 10 s · at most 1000 rows")
queries = library.load_library()
name = st.selectbox("从查询库载入", ["(空白)", *queries])
seed = queries[name].cypher_for(current.dialect) if name in queries else "MATCH (m:Measure) RETURN m.name AS name LIMIT 10"
text = st.text_area("Cypher", seed, height=180)
params = dict(queries[name].params) if name in queries else {}
for key, example in params.items():
    params[key] = st.text_input(f"${key}", str(example)) if isinstance(example, str) else st.number_input(f"${key}", value=example)
if st.button("运行"):
    try:
        result = current.query(text, params, timeout_s=10, row_cap=1000)
    except QueryRefused as exc:
        st.error(f"已拒绝: {exc}")
    else:
        import pandas as pd

        frame = pd.DataFrame(result.rows, columns=result.columns)
        st.dataframe(frame, hide_index=True, use_container_width=True)
        st.download_button("下载 CSV", frame.to_csv(index=False).encode("utf-8"), "result.csv", "text/csv")
