"""How the app shows the graph to people: label colours and names, the backend, highlighted terms."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from fazhi.graph.store import GraphStore

LABEL_COLOURS = {
    "Report": "#6c757d", "Agency": "#1f77b4", "Law": "#d62728", "Measure": "#2ca02c", "Region": "#9467bd",
}
LABEL_NAMES = {"Report": "报告", "Agency": "机构", "Law": "法规", "Measure": "措施", "Region": "地区"}
DIALECT_NAMES = {"ladybug": "嵌入式 LadybugDB", "neo4j": "Neo4j"}


def backend_caption(current: GraphStore) -> str:
    """Which backend and where, for people (the location never holds credentials)."""
    return f"{DIALECT_NAMES.get(current.dialect, current.dialect)} · `{current.location}`"


def mark_terms(text: str, terms: Iterable[str], colour: str = "#fff3a3") -> str:
    """HTML-escaped text with every occurrence of the terms highlighted (longest first)."""
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    escaped = html.escape(text)
    if not terms:
        return escaped
    pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms))
    return pattern.sub(lambda m: f"<mark style='background:{colour}'>{m.group(0)}</mark>", escaped)
