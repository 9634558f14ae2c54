"""The app's one store handle: opened once per process, every read and the one writer behind one lock.

The embedded store is opened read-only once per process and reopened only when
its version changes (after an ingest), never in a loop — the LadybugDB reopen
race (upstream issue #1007) is avoided by construction. Every read goes through
one lock, so the single connection is never used by two sessions at once and an
ingest can swap the reader for a writer without a query running underneath.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from fazhi.graph.open import open_store_or_embedded
from fazhi.graph.store import GraphStore, QueryResult
from fazhi.queries import library

SECRET_KEYS = ("FAZHI_BACKEND", "FAZHI_DB", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
T = TypeVar("T")


def _secrets_to_env() -> None:
    """Let st.secrets configure the backend the same way the environment does (env wins)."""
    try:
        secrets = {k: st.secrets[k] for k in SECRET_KEYS if k in st.secrets}
    except Exception:  # noqa: BLE001 - no secrets.toml is the normal case
        return
    for key, value in secrets.items():
        os.environ.setdefault(key, str(value))


class StoreHandle:
    """One store per app process; a reader sees new commits through store.refresh()."""

    def __init__(self) -> None:
        _secrets_to_env()
        self.lock = threading.RLock()
        self.store, reason = open_store_or_embedded(read_only=True)
        # why the configured backend is not the one in use, for the sidebar (never a credential)
        self.notice = f"Neo4j 不可用，已改用嵌入式存储：{reason}" if reason else ""

    def current(self) -> GraphStore:
        with self.lock:
            self.store.refresh()
            return self.store

    def run(self, name: str, params: dict[str, Any], **options: Any) -> QueryResult:
        with self.lock:
            return library.run(self.current(), name, params, **options)

    def query(self, cypher: str, params: dict[str, Any], **options: Any) -> QueryResult:
        with self.lock:
            return self.current().query(cypher, params, **options)

    def write(self, work: Callable[[GraphStore], T]) -> T:
        """Run `work` on a writable store (the store's writer(): the embedded reader steps aside)."""
        with self.lock, self.store.writer() as writer:
            return work(writer)


@st.cache_resource
def store_handle() -> StoreHandle:
    return StoreHandle()


def store() -> GraphStore:
    return store_handle().current()


def version() -> str:
    return store_handle().current().version()


def ingest_paths(paths: list[Path], progress: Callable[[str], None] | None = None):
    """Ingest files through the app's one writer; pages see the new version on their next run."""
    from fazhi.ingest import ingest

    return store_handle().write(lambda writer: ingest(paths, writer, workers=1, progress=progress))
