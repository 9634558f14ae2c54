"""Open the configured store: the embedded LadybugDB file by default, Neo4j when asked.

Settings come from flags, then the environment, then defaults, in that order:
the store path from --db / FAZHI_DB / data/fazhi.lbdb; the backend from
--backend / FAZHI_BACKEND / (neo4j when NEO4J_URI is set) / embedded.
"""

from __future__ import annotations

import os
from pathlib import Path

from fazhi.graph.store import GraphStore, StoreUnavailable

DEFAULT_DB = Path("data/fazhi.lbdb")
BACKENDS = ("embedded", "neo4j")


def db_path(flag: str | Path | None = None) -> Path:
    return Path(flag or os.environ.get("FAZHI_DB") or DEFAULT_DB)


def backend_name(flag: str | None = None) -> str:
    return backend_choice(flag)[0]


def backend_choice(flag: str | None = None) -> tuple[str, str]:
    """The backend and the setting that chose it, so a command can say why it is not on the other one
    (an exported NEO4J_URI silently moving every command to Neo4j surprised users)."""
    if flag:
        name, reason = flag, f"--backend {flag}"
    elif os.environ.get("FAZHI_BACKEND"):
        name = os.environ["FAZHI_BACKEND"]
        reason = f"FAZHI_BACKEND={name}"
    elif os.environ.get("NEO4J_URI"):
        name, reason = "neo4j", "NEO4J_URI is set; --backend embedded for the file"
    else:
        name, reason = "embedded", "default"
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r}: use one of {', '.join(BACKENDS)}")
    return name, reason


def open_store(backend: str | None = None, *, db: str | Path | None = None, read_only: bool = False,
               neo4j_uri: str | None = None, neo4j_user: str | None = None,
               neo4j_password: str | None = None, neo4j_database: str | None = None,
               upgrade: bool = False, buffer_pool_mb: int | None = None) -> GraphStore:
    """A GraphStore for the backend; Neo4j settings fall back to the NEO4J_* environment variables.

    `upgrade` lets a writable embedded store of an older layout be moved to the current one on open
    (`fazhi reindex`); without it such a store is refused with a message naming that command.
    `buffer_pool_mb` sizes the embedded store's memory (default: graph/ladybug_store.py buffer_pool_bytes).
    """
    if backend_name(backend) == "neo4j":
        from fazhi.graph.neo4j_store import Neo4jStore

        overrides = {k: v for k, v in {
            "uri": neo4j_uri, "user": neo4j_user, "password": neo4j_password, "database": neo4j_database,
        }.items() if v}
        return Neo4jStore.from_env(**overrides)
    from fazhi.graph.ladybug_store import LadybugStore

    return LadybugStore(db_path(db), read_only=read_only, upgrade=upgrade, buffer_pool_mb=buffer_pool_mb)


def open_store_or_embedded(*, read_only: bool = False) -> tuple[GraphStore, str]:
    """The configured store, or the embedded file when a configured server is unavailable, and why.

    For the app: it should open even when Neo4j is down, and say so (the reason names the
    cause, never a credential). An unusable embedded file is not hidden behind itself.
    """
    try:
        return open_store(read_only=read_only), ""
    except StoreUnavailable as exc:
        if backend_name() == "embedded":
            raise
        return open_store("embedded", read_only=read_only), str(exc)
