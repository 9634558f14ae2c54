"""The app's one store handle: opened once per process, every read and the one writer behind one lock.

The embedded store is opened read-only once per process and reopened only when
its version changes (after an ingest), never in a loop — the LadybugDB reopen
race (upstream issue #1007) is avoided by construction. Every read goes through
one lock, so the single connection is never used by two sessions at once and an
ingest can swap the reader for a writer without a query running underneath.

Writes are off unless an administrator turns them on: the app is meant to be shared with
colleagues, and a shared page that writes lets anyone who can reach it change the store. A
session may write only after its user typed the token set in FAZHI_ADMIN_TOKEN (environment
or st.secrets); StoreHandle.write, the one way a page writes, checks that, so a page added
later cannot forget to.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from fazhi.graph.open import open_store_or_embedded
from fazhi.graph.store import GraphStore, QueryResult
from fazhi.queries import library

SECRET_KEYS = ("FAZHI_BACKEND", "FAZHI_DB", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
ADMIN_TOKEN = "FAZHI_ADMIN_TOKEN"
UNLOCKED = "fazhi-writes-unlocked"  # session_state: a digest of the token this session typed
MAX_FAILED_UNLOCKS = 5  # per minute and app process: guessing a token stays slow
T = TypeVar("T")
_failed_unlocks: deque[float] = deque()
_unlock_lock = threading.Lock()


class WritesDisabled(PermissionError):
    """This session may not write: no admin token is configured, or the user has not typed it."""


def admin_token() -> str:
    """FAZHI_ADMIN_TOKEN from the environment, else from st.secrets; '' when neither sets one."""
    token = os.environ.get(ADMIN_TOKEN, "")
    if token:
        return token
    try:
        return str(st.secrets.get(ADMIN_TOKEN, "") or "")
    except Exception:  # noqa: BLE001 - no secrets.toml is the normal case
        return ""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def writes_configured() -> bool:
    return bool(admin_token())


def writes_unlocked() -> bool:
    """True when this session typed the current token (a changed token locks every session again)."""
    token = admin_token()
    return bool(token) and st.session_state.get(UNLOCKED) == _digest(token)


def unlock_writes(typed: str) -> str:
    """Turn writes on for this session if `typed` is the token; '' on success, else why not."""
    token = admin_token()
    if not token:
        return f"未配置 {ADMIN_TOKEN}，网页写入保持关闭。"
    with _unlock_lock:
        now = time.monotonic()
        while _failed_unlocks and now - _failed_unlocks[0] > 60:
            _failed_unlocks.popleft()
        if len(_failed_unlocks) >= MAX_FAILED_UNLOCKS:
            return "口令错误次数过多，请一分钟后再试。"
        if not hmac.compare_digest(typed.encode(), token.encode()):
            _failed_unlocks.append(now)
            return "口令不对。"
    st.session_state[UNLOCKED] = _digest(token)
    return ""


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
        """Run `work` on a writable store (the store's writer(): the embedded reader steps aside), if
        this session has turned writes on (module docstring)."""
        if not writes_unlocked():
            raise WritesDisabled(f"网页写入未开启：需要管理员口令 ({ADMIN_TOKEN})")
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
