"""How the app shows the graph to people: label colours and names, the backend, highlighted terms."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from fazhi.graph.store import GraphStore

LABEL_COLOURS = {
    "Report": "#6c757d", "Agency": "#1f77b4", "Law": "#d62728", "Measure": "#2ca02c", "Region": "#9467bd",
}
LABEL_NAMES = {"Report": "报告", "Agency": "机构", "Law": "法规", "Measure": "措施", "Region": "地区"}
DIALECT_NAMES = {"ladybug": "嵌入式 LadybugDB", "neo4j": "Neo4j"}


def backend_caption(current: GraphStore) -> str:
    """Which backend and where, for people (the location never holds credentials)."""
    return f"{DIALECT_NAMES.get(current.dialect, current.dialect)} · `{current.location}`"


def report_name(title: Any, agency: Any, year: Any) -> str | None:
    """How people name a report: its title, else issuer and year; None when the text gives neither.

    A report's id is a content hash: right for links, meaningless to a reader.
    """
    if isinstance(title, str) and title.strip():
        return title.strip()
    parts = [agency if isinstance(agency, str) else "", _year(year)]
    return " ".join(p for p in parts if p) or None


def _year(year: Any) -> str:
    """'2022年' from an int, a numpy integer or a float; '' for None/NaN."""
    try:
        return f"{int(year)}年"
    except (TypeError, ValueError):  # None, NaN
        return ""


def mark_terms(text: str, terms: Iterable[str], colour: str = "#fff3a3") -> str:
    """HTML-escaped text with every occurrence of the terms highlighted (longest first)."""
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    escaped = html.escape(text)
    if not terms:
        return escaped
    pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms))
    return pattern.sub(lambda m: f"<mark style='background:{colour}'>{m.group(0)}</mark>", escaped)
