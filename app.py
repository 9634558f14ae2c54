"""fazhi-graph front end: `streamlit run app.py`. Pages live in pages/ and read only queries/ and graph/.

The sidebar (backend, counts, global filters) is rendered here, in the entry
point, so its widgets exist on every page and their values survive page switches.
"""

import streamlit as st

from pages.common import render_sidebar

st.set_page_config(page_title="fazhi-graph 法治政府知识图谱", layout="wide")
navigation = st.navigation([
    st.Page("pages/overview.py", title="概览", url_path="overview", icon=":material/dashboard:", default=True),
    st.Page("pages/measures.py", title="措施", url_path="measures", icon=":material/rule:"),
    st.Page("pages/agencies.py", title="机构", url_path="agencies", icon=":material/account_balance:"),
    st.Page("pages/laws.py", title="法规", url_path="laws", icon=":material/gavel:"),
    st.Page("pages/report.py", title="报告", url_path="report", icon=":material/article:"),
    st.Page("pages/graph.py", title="图谱", url_path="graph", icon=":material/hub:"),
    st.Page("pages/cypher.py", title="Cypher", url_path="cypher", icon=":material/terminal:"),
    st.Page("pages/ingest.py", title="导入", url_path="ingest", icon=":material/upload_file:"),
])
render_sidebar()
navigation.run()
