"""The sidebar app.py renders on every page: backend, counts, the global filters."""

from __future__ import annotations

import streamlit as st

from fazhi.app_pages.display import LABEL_NAMES, backend_caption
from fazhi.app_pages.filters import render_filters
from fazhi.app_pages.frames import counts
from fazhi.app_pages.store_handle import store_handle


def render_sidebar() -> None:
    """Backend, counts and the global filters; called once per run by app.py."""
    handle = store_handle()
    current = handle.current()
    st.sidebar.markdown(f"**后端**: {backend_caption(current)}  \n方言: `{current.dialect}`")
    if handle.notice:
        st.sidebar.warning(handle.notice)
    numbers = counts()
    st.sidebar.caption(" · ".join(f"{LABEL_NAMES.get(k, k)} {v}" for k, v in numbers.items() if not k.isupper()))
    render_filters()
