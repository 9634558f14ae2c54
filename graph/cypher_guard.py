"""Refuse writing Cypher before it reaches a store.

User-typed Cypher (the CLI, the app's Cypher page) is read-only unless the user
asks otherwise. Neo4j enforces this a second time with a READ session; LadybugDB
has no per-query read mode on a writable database, so this check is the first
line there. The check is lexical: literals, comments and backticked names are
blanked first, so `WHERE n.name = 'CREATE'` passes and `CREATE (n)` does not.
"""

from __future__ import annotations

import re

from fazhi.graph.store import QueryRefused

_WRITE_KEYWORDS = (
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "ALTER", "COPY",
    "LOAD", "INSTALL", "ATTACH", "IMPORT", "EXPORT", "FOREACH", "CHECKPOINT", "GRANT",
    "REVOKE", "DENY", "TERMINATE", "START", "STOP", "RENAME", "BEGIN", "COMMIT", "ROLLBACK",
)
# A keyword starts a token unless a letter, `_`, `.` (property) or `$` (parameter) precedes it.
# A digit does not protect it: the lexer reads `1CREATE` and `1e1CREATE` as a number then CREATE.
_TOKEN_START = r"(?<![^\W\d])(?<![.$])"
_WRITE_RE = re.compile(_TOKEN_START + "(" + "|".join(_WRITE_KEYWORDS) + r")(?![\w])", re.IGNORECASE)
_CALL_RE = re.compile(_TOKEN_START + r"CALL\s*(\{|[\w.]+)", re.IGNORECASE)

# Procedures known to only read, on either backend.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.indexes", "db.constraints", "show_tables", "table_info", "show_connection",
    "current_setting", "db_version", "show_functions",
})

_LITERAL_RE = re.compile(
    r"'(?:[^'\\]|\\.)*'"      # single-quoted string
    r'|"(?:[^"\\]|\\.)*"'     # double-quoted string
    r"|`[^`]*`"               # backticked identifier
    r"|//[^\n]*"              # line comment
    r"|/\*.*?\*/",            # block comment
    re.DOTALL,
)


def _blank_literals(cypher: str) -> str:
    return _LITERAL_RE.sub(lambda m: " " * len(m.group(0)), cypher)


def write_clause(cypher: str) -> str | None:
    """The first clause that would write or escape read-only mode, or None when the query only reads."""
    code = _blank_literals(cypher)
    match = _WRITE_RE.search(code)
    if match:
        return match.group(1).upper()
    for call in _CALL_RE.finditer(code):
        target = call.group(1)
        if target == "{":
            continue  # CALL { subquery }: its body is scanned with the rest
        if target.lower() not in READ_PROCEDURES:
            return f"CALL {target}"
    return None


def refuse_writes(cypher: str) -> None:
    """Raise QueryRefused when `cypher` contains a write clause or an unknown procedure."""
    if not cypher.strip():
        raise QueryRefused("empty query")
    clause = write_clause(cypher)
    if clause:
        raise QueryRefused(
            f"read-only: the query contains {clause}; writing needs --write (CLI) and is not "
            "allowed from the app"
        )
