"""fazhi-graph front end: `streamlit run app.py`. Pages live in pages/ and read only queries/ and graph/."""

import streamlit as st

st.set_page_config(page_title="fazhi-graph 法治政府知识图谱", layout="wide")
navigation = st.navigation([
    st.Page("pages/measures.py", title="措施", url_path="measures", default=True),
    st.Page("pages/cypher.py", title="Cypher", url_path="cypher"),
])
navigation.run()
