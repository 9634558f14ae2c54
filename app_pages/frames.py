"""Query results as DataFrames, cached per (query, parameters, store version).

A re-render reads the cache; an ingest moves the store's version and so invalidates everything at once.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from fazhi.app_pages.store_handle import store_handle, version
from fazhi.model import NODE_LABELS


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_library(name: str, params_json: str, version: str) -> pd.DataFrame:
    result = store_handle().run(name, json.loads(params_json))
    return pd.DataFrame(result.rows, columns=result.columns)


LIST_PAGE = 1000  # rows per page of a list that grows with the corpus (agencies): one page is read at a time


def library_frame(name: str, **params: Any) -> pd.DataFrame:
    """A library query's rows as a DataFrame, cached on the store's version."""
    return _cached_library(name, json.dumps(params, ensure_ascii=False, sort_keys=True), version())


def counts() -> dict[str, int]:
    """Nodes per label (the sidebar's numbers), cached on the store's version: node_counts, not
    store.counts(), which also counts every relationship table (a scan of each at 50,000 reports)."""
    frame = library_frame("node_counts")
    found = {str(label): int(nodes) for label, nodes in zip(frame["label"], frame["nodes"], strict=True)}
    return {label: found.get(label, 0) for label in NODE_LABELS}
