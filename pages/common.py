"""What every page shares: the open store, cached library queries, the sidebar.

The embedded store is opened read-only once per process and reopened only when
its version changes (after an ingest), never in a loop — the LadybugDB reopen
race (upstream issue #1007) is avoided by construction. Results are cached per
(query, parameters, store version), so a page re-render reads the cache.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import pandas as pd
import streamlit as st

from graph.open import backend_name, db_path, open_store
from queries import library


class StoreHandle:
    """One store per app process; reopened when the store's version moves."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.backend = backend_name()
        self.store = open_store(self.backend, read_only=True)
        self.opened_version = self.store.version()

    def current(self):
        with self.lock:
            if self.backend == "embedded" and self.store.version() != self.opened_version:
                self.store.close()
                self.store = open_store(self.backend, read_only=True)
                self.opened_version = self.store.version()
            return self.store


@st.cache_resource
def store_handle() -> StoreHandle:
    return StoreHandle()


def store():
    return store_handle().current()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_library(name: str, params_json: str, version: str) -> pd.DataFrame:
    result = library.run(store(), name, json.loads(params_json))
    return pd.DataFrame(result.rows, columns=result.columns)


def library_frame(name: str, **params: Any) -> pd.DataFrame:
    """A library query's rows as a DataFrame, cached on the store's version."""
    current = store()
    return _cached_library(name, json.dumps(params, ensure_ascii=False, sort_keys=True), current.version())


def sidebar() -> None:
    handle = store_handle()
    current = handle.current()
    where = str(db_path()) if handle.backend == "embedded" else "Neo4j"
    st.sidebar.markdown(f"**后端**: {handle.backend} ({current.dialect}) · `{where}`")
    counts = _cached_counts(current.version())
    st.sidebar.caption(" · ".join(f"{k} {v}" for k, v in counts.items() if not k.isupper()))


@st.cache_data(show_spinner=False)
def _cached_counts(version: str) -> dict[str, int]:
    return store().counts()
