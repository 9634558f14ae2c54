"""fazhi-graph front end: `streamlit run app.py`. Pages live in app_pages/ and read only queries/ and graph/.

The sidebar (backend, counts, global filters) is rendered here, in the entry
point, so its widgets exist on every page and their values survive page switches.
Pages carry no :material/...: icons: Streamlit fetches those from fonts.gstatic.com,
and the app must work offline (tests/test_browser.py fails on any non-local request).
"""

import streamlit as st

from fazhi.app_pages.sidebar import render_sidebar

OVERVIEW = "app_pages/overview.py"

st.set_page_config(page_title="fazhi-graph 法治政府知识图谱", layout="wide")
# The default page is served at "/" only: Streamlit answers its own url_path with "Page not found".
# So 概览 is the default at "/" and a hidden twin keeps /overview (in links and bookmarks) working.
navigation = st.navigation([
    st.Page(OVERVIEW, title="概览", url_path="", default=True),
    st.Page(OVERVIEW, title="概览", url_path="overview", visibility="hidden"),
    st.Page("app_pages/measures.py", title="措施", url_path="measures"),
    st.Page("app_pages/agencies.py", title="机构", url_path="agencies"),
    st.Page("app_pages/laws.py", title="法规", url_path="laws"),
    st.Page("app_pages/report.py", title="报告", url_path="report"),
    st.Page("app_pages/explore.py", title="图谱", url_path="graph"),
    st.Page("app_pages/cypher.py", title="Cypher", url_path="cypher"),
    st.Page("app_pages/ingest.py", title="导入", url_path="ingest"),
])
render_sidebar()
navigation.run()
