"""Cypher: a read-only editor seeded with the query library; refusals show their reason.

Writes are refused by the store itself (graph.store.QueryRefused), so this page
only has to show the reason. Results come back as a table, as a graph (nodes are
the entity cells of each row, joined in column order) and as CSV.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st
from st_link_analysis import NodeStyle, st_link_analysis

from fazhi.app_pages.display import LABEL_COLOURS, backend_caption
from fazhi.app_pages.filters import filter_params
from fazhi.app_pages.store_handle import store_handle
from fazhi.graph.store import QueryRefused
from fazhi.queries import library

TIMEOUT_S = 10
ROW_CAP = 1000
BLANK = "(空白)"


def param_input(key: str, example: Any, default: Any) -> Any:
    """One widget per parameter; the library example fixes the type."""
    if isinstance(example, bool):
        return st.checkbox(f"${key}", value=bool(default))
    if isinstance(example, int):
        return int(st.number_input(f"${key}", value=int(default), step=1))
    if isinstance(example, float):
        return float(st.number_input(f"${key}", value=float(default)))
    if isinstance(example, list | dict):
        raw = st.text_input(f"${key} (JSON)", json.dumps(default, ensure_ascii=False))
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            st.warning(f"${key} 不是合法的 JSON，按字符串传入。")
            return raw
    return st.text_input(f"${key}", str(default))


def cell_node(value: Any) -> tuple[str, str] | None:
    """(label, name) when a cell is an entity: a node dict, or a plain non-numeric string."""
    if isinstance(value, dict) and value.get("_label"):
        return value["_label"], str(value.get("name") or value.get("id") or value.get("title"))
    if isinstance(value, str) and value and len(value) <= 80:
        return "Value", value
    return None


def result_graph(frame: pd.DataFrame) -> dict:
    """Rows as a graph: consecutive entity cells of a row are joined by an edge named after the column."""
    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}
    for row in frame.head(300).itertuples(index=False):
        found = [(col, cell_node(v)) for col, v in zip(frame.columns, row, strict=True)]
        cells = [(col, n) for col, n in found if n]
        for col, (label, name) in cells:
            nodes.setdefault(f"{label}:{name}", {"data": {"id": f"{label}:{name}", "label": label,
                                                          "name": name[:30], "column": col}})
        for (_, a), (col, b) in zip(cells, cells[1:], strict=False):
            ida, idb = f"{a[0]}:{a[1]}", f"{b[0]}:{b[1]}"
            edges.setdefault(f"{ida}->{idb}", {"data": {"id": f"{ida}->{idb}", "source": ida, "target": idb,
                                                        "label": col}})
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


def linked_params(examples: dict[str, Any]) -> dict[str, Any]:
    """Parameters a link brought (?p=JSON), those the query has, typed like its examples."""
    try:
        given = json.loads(st.query_params.get("p") or "{}")
    except json.JSONDecodeError:
        return {}
    if not isinstance(given, dict):
        return {}
    return {k: v for k, v in given.items() if k in examples and isinstance(v, type(examples[k]))}


def library_text(query: library.LibraryQuery, brought: dict[str, Any], dialect: str) -> str:
    """The text 问答 ran: a link's label parameters (shortest_path's source_label …) narrow the query's nodes
    as they did there; a label the query does not list leaves the text as written."""
    try:
        return query.narrowed(brought).cypher_for(dialect)
    except ValueError:
        return query.cypher_for(dialect)


handle = store_handle()
current = handle.current()
st.header("Cypher")
st.caption(f"后端: {backend_caption(current)} · 方言: `{current.dialect}` · 只读 · 超时 {TIMEOUT_S} 秒 · 最多 {ROW_CAP} 行")
queries = library.load_library()
choices = [BLANK, *queries]
linked = st.query_params.get("q")  # the 问答 box links here with ?q=<query>&p=<its parameters as JSON>
name = st.selectbox("从查询库载入", choices, index=choices.index(linked) if linked in queries else 0,
                    format_func=lambda n: n if n == BLANK else f"{n} — {queries[n].description[:60]}")
examples = dict(queries[name].params) if name in queries else {}
brought = linked_params(examples) if name == linked else {}
seed = (library_text(queries[name], brought, current.dialect) if name in queries
        else "MATCH (m:Measure) RETURN m.name AS name, m.kind AS kind LIMIT 10")
text = st.text_area("Cypher", seed, height=200, key=f"cypher-text-{name}")
defaults = {**examples, **{k: v for k, v in filter_params().items() if k in examples}, **brought}
params = {key: param_input(key, example, defaults[key]) for key, example in examples.items()}
extra = st.text_input("其他参数 (JSON 对象)", "{}", key="cypher-extra")
try:
    params.update(json.loads(extra) or {})
except (json.JSONDecodeError, TypeError, ValueError):
    st.warning("其他参数不是合法的 JSON 对象，已忽略。")

if st.button("运行", type="primary"):
    try:
        result = handle.query(text, params, timeout_s=TIMEOUT_S, row_cap=ROW_CAP)
    except QueryRefused as exc:
        st.error(f"已拒绝: {exc}")
    except Exception as exc:  # noqa: BLE001 - a bad query must show its error, not crash the page
        st.error(f"查询失败: {type(exc).__name__}: {exc}")
    else:
        frame = pd.DataFrame(result.rows, columns=result.columns)
        note = f"，已截断为前 {ROW_CAP} 行" if result.truncated else ""
        st.success(f"{len(frame)} 行{note}")
        table_tab, graph_tab = st.tabs(["表格", "图"])
        with table_tab:
            shown = frame.map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
            st.dataframe(shown, hide_index=True, width="stretch")
            st.download_button("下载 CSV", shown.to_csv(index=False).encode("utf-8-sig"), "result.csv", "text/csv")
        with graph_tab:
            elements = result_graph(frame)
            if len(elements["nodes"]) < 2:
                st.caption("结果中没有可以连成图的实体列。")
            else:
                styles = [NodeStyle(label, colour, "name") for label, colour in LABEL_COLOURS.items()]
                styles.append(NodeStyle("Value", "#8c8c8c", "name"))
                st_link_analysis(elements, layout="cose", node_styles=styles, height=480, key="cypher-graph")
