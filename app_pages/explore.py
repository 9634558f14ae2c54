"""图谱: an interactive, offline graph view (st-link-analysis / Cytoscape, bundled in the wheel).

The view is a small set of nodes kept in st.session_state and grown by
expanding neighbours (double-click or the expand button), shrunk by removing or
collapsing. Node size is PageRank over the citation graph (CITES, REFERENCES,
BASED_ON); agency colour is the community of agencies that share measures.
PageRank is computed once per store version from per-document aggregates;
communities among the agencies in the view, from their (cached) measures under
the current filters — both in graph/algorithms.py.
"""

from __future__ import annotations

import io
import json
from typing import cast

import networkx as nx
import pandas as pd
import streamlit as st
from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

from fazhi.app_pages.display import LABEL_COLOURS, LABEL_NAMES
from fazhi.app_pages.filters import filter_params, filtered_frame
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.links import reader_link
from fazhi.app_pages.store_handle import version
from fazhi.graph.algorithms import (
    CitationRank,
    InflowTotals,
    citation_rank_totals,
    shared_measure_communities,
)

NEIGHBOUR_CAP = 150
COMMUNITY_COLOURS = ["#1f77b4", "#ff7f0e", "#17becf", "#bcbd22", "#8c564b", "#e377c2", "#7f7f7f", "#393b79"]
RELATIONS = ["ISSUED", "CITES", "MENTIONS", "IMPLEMENTS", "COOPERATES_WITH", "BASED_ON", "ISSUED_BY",
             "REFERENCES", "LOCATED_IN", "PART_OF"]


class RawStyle:
    """A Cytoscape style rule st-link-analysis passes through as is (it only calls .dump())."""

    def __init__(self, selector: str, style: dict[str, str]) -> None:
        self.selector, self.style = selector, style

    def dump(self) -> dict:
        return {"selector": self.selector, "style": self.style}


@st.cache_data(show_spinner="计算 PageRank…", max_entries=4)
def citation_ranks(version: str) -> CitationRank:
    """PageRank over the whole citation graph, computed on documents alone from the inflow of the documents
    at the ends of references and the totals (graph/algorithms.py says why)."""
    references = [(r.source, r.target, float(r.weight)) for r in library_frame("law_references").itertuples()]
    totals = library_frame("citation_totals").iloc[0]
    sources = int(library_frame("citation_sources")["sources"].sum())
    return citation_rank_totals(law_inflow({end for ref in references for end in ref[:2]}), references, sources,
                                InflowTotals(int(totals["laws"]), float(totals["inflow"]), float(totals["peak"])))


def law_inflow(laws: set[str]) -> dict[str, float]:
    """These documents' PageRank inflow (the ones without any are left out)."""
    frame = library_frame("citation_inflow", laws=sorted(laws)) if laws else None
    return {} if frame is None else dict(zip(frame["law"], frame["inflow"], strict=True))


def node_rank(nid: str, ranks: CitationRank, inflow: dict[str, float]) -> float:
    """A node's PageRank from the view's documents' inflow; reports and measures are the graph's sources and
    share one value."""
    label, key = nid.split(":", 1)
    return ranks.of(key, inflow.get(key)) if label == "Law" else ranks.source if label in ("Report", "Measure") else 0.0


def view_communities(agencies: list[str], filters_json: str) -> dict[str, int]:
    """Communities among the agencies on screen, by the measures they share under the current filters."""
    filters = json.loads(filters_json)
    measures = {a: library_frame("agency_measures", agency=a, **filters)["measure"].tolist() for a in agencies}
    return {node_id("Agency", a): c for a, c in shared_measure_communities(measures).items()}


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def view() -> dict:
    return st.session_state.setdefault("graph_view", {"nodes": {}, "edges": {}, "seen_event": None})


def add_node(label: str, key: str, title: str | None = None) -> str:
    nid = node_id(label, key)
    name = title if label == "Report" and isinstance(title, str) and title else key
    view()["nodes"].setdefault(nid, {"label": label, "key": key, "name": name[:40]})
    return nid


def expand(nid: str) -> None:
    """Add a node's neighbours (up to NEIGHBOUR_CAP edges each way) and the edges to them."""
    label, key = nid.split(":", 1)
    add_node(label, key)
    rows = library_frame("neighbours", key=key, limit=NEIGHBOUR_CAP)
    edges = view()["edges"]
    for row in rows.itertuples():
        other = add_node(row.label, row.other, row.title)
        source, target = (nid, other) if row.direction == "out" else (other, nid)
        edge = edges.setdefault(f"{row.type}:{source}->{target}",
                                {"source": source, "target": target, "type": row.type, "evidence": []})
        if row.sentence and len(edge["evidence"]) < 5:
            edge["evidence"].append({"report_id": row.report_id, "sentence": row.sentence,
                                     "start": row.start_offset, "end": row.end_offset})


def remove(nids: list[str]) -> None:
    state = view()
    for nid in nids:
        state["nodes"].pop(nid, None)
    state["edges"] = {k: e for k, e in state["edges"].items()
                      if e["source"] in state["nodes"] and e["target"] in state["nodes"]}


def collapse(nid: str) -> None:
    """Remove the neighbours that hang on this node only (degree 1 in the view)."""
    degree: dict[str, int] = {}
    for edge in view()["edges"].values():
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + 1
    leaves = [e["target"] if e["source"] == nid else e["source"] for e in view()["edges"].values()
              if nid in (e["source"], e["target"])]
    remove([leaf for leaf in leaves if degree.get(leaf, 0) <= 1 and leaf != nid])


def clear_view() -> None:
    view()["nodes"].clear()
    view()["edges"].clear()


def elements(labels: list[str], relations: list[str], ranks: CitationRank, membership: dict[str, int]) -> dict:
    """The visible view as Cytoscape elements, sized by PageRank and coloured by label/community."""
    nodes = {nid: n for nid, n in view()["nodes"].items() if n["label"] in labels}
    top = ranks.top or 1.0
    inflow = law_inflow({n["key"] for n in nodes.values() if n["label"] == "Law"})
    out_nodes = []
    for nid, n in nodes.items():
        colour = LABEL_COLOURS[n["label"]]
        if nid in membership:
            colour = COMMUNITY_COLOURS[membership[nid] % len(COMMUNITY_COLOURS)]
        rank = node_rank(nid, ranks, inflow)
        size = 22 + 48 * (rank / top) ** 0.5
        out_nodes.append({"data": {"id": nid, "label": n["label"], "name": n["name"], "size": round(size, 1),
                                   "colour": colour, "pagerank": round(rank, 5),
                                   "community": membership.get(nid)}})
    out_edges = [
        {"data": {"id": eid, "source": e["source"], "target": e["target"], "label": e["type"],
                  "evidence": len(e["evidence"])}}
        for eid, e in view()["edges"].items()
        if e["type"] in relations and e["source"] in nodes and e["target"] in nodes
    ]
    if out_edges:  # a node whose every edge is filtered out would float unconnected: hide it
        linked = {e["data"][end] for e in out_edges for end in ("source", "target")}
        out_nodes = [n for n in out_nodes if n["data"]["id"] in linked]
    return {"nodes": out_nodes, "edges": out_edges}


def handle_event(event: dict | None) -> str | None:
    """Apply an expand/remove action from the component once; return a clicked node id."""
    if not event:
        return None
    state = view()
    fresh = event.get("timestamp") != state["seen_event"]
    state["seen_event"] = event.get("timestamp")
    data = event.get("data") or {}
    if fresh and event.get("action") == "expand":
        for nid in data.get("node_ids", []):
            expand(nid)
        st.rerun()
    if fresh and event.get("action") == "remove":
        remove(data.get("node_ids", []))
        st.rerun()
    if event.get("action") == "select_node":
        return data.get("target_id")
    return None


def graphml(elements_: dict) -> bytes:
    graph = nx.DiGraph()
    for n in elements_["nodes"]:
        graph.add_node(n["data"]["id"], **{k: v for k, v in n["data"].items() if v is not None and k != "id"})
    for e in elements_["edges"]:
        graph.add_edge(e["data"]["source"], e["data"]["target"], type=e["data"]["label"])
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def details(nid: str) -> None:
    """Properties of a node and the evidence of its edges in the view."""
    label, key = nid.split(":", 1)
    st.subheader(f"{LABEL_NAMES.get(label, label)}: {view()['nodes'].get(nid, {}).get('name', key)}")
    found = library_frame("node_detail", key=key)
    if not found.empty:
        props = {k: v for k, v in (found.iloc[0]["node"] or {}).items()
                 if v is not None and k not in ("text", "_label")}
        st.json(props, expanded=True)
    target_page = {"Measure": ("app_pages/measures.py", "m"), "Agency": ("app_pages/agencies.py", "a"),
                   "Law": ("app_pages/laws.py", "l"), "Report": ("app_pages/report.py", "rid")}.get(label)
    if target_page:
        st.page_link(target_page[0], label="打开详情页", query_params={target_page[1]: key})
    for edge in view()["edges"].values():
        if nid not in (edge["source"], edge["target"]):
            continue
        for ev in edge["evidence"][:2]:
            st.markdown(f"`{edge['type']}` {ev['sentence']}")
            reader_link(f"原文 {ev['start']}–{ev['end']}", ev["report_id"], ev["start"], ev["end"])


st.header("图谱")
ranks = citation_ranks(version())

search_col, add_col = st.columns([4, 1])
with search_col:
    text = st.text_input("查找节点", key="graph-search", placeholder="机构、措施、法规或地区名称的一部分")
matches = library_frame("search_names", text=text, limit=50) if text else pd.DataFrame()
if text and matches.empty:
    st.caption("没有匹配的节点。")
if not matches.empty:
    options = [node_id(r.label, r.name) for r in matches.itertuples()]
    chosen = st.selectbox("匹配的节点", options, format_func=lambda n: f"{LABEL_NAMES[n.split(':')[0]]} · "
                                                                        f"{n.split(':', 1)[1]}")
    with add_col:
        st.write("")
        st.button("加入并展开", key="graph-add", on_click=expand, args=(chosen,))
if not view().get("seeded"):  # first visit: start from the busiest measure in the filtered reports
    view()["seeded"] = True
    seeds = filtered_frame("filtered_measures", limit=1)
    if not seeds.empty:
        expand(node_id("Measure", seeds.iloc[0]["measure"]))

left, right = st.columns(2)
labels = left.multiselect("节点类型", list(LABEL_COLOURS), default=list(LABEL_COLOURS),
                          format_func=lambda x: LABEL_NAMES[x], key="graph-labels")
relations = right.multiselect("关系类型", RELATIONS, default=[r for r in RELATIONS if r != "MENTIONS"],
                              key="graph-relations")
agencies_shown = sorted(n["key"] for n in view()["nodes"].values() if n["label"] == "Agency")
membership = view_communities(agencies_shown, json.dumps(filter_params(), sort_keys=True, ensure_ascii=False))
shown = elements(labels, relations, ranks, membership)
st.caption(f"视图中 {len(shown['nodes'])} 个节点、{len(shown['edges'])} 条边。双击节点展开邻居，选中后按删除键移除；"
           "节点大小 = 引用图 PageRank，机构颜色 = 视图中机构按共享措施划分的社区。")
styles = [NodeStyle(label, colour, "name") for label, colour in LABEL_COLOURS.items()]
# Cytoscape takes numbers here; st_link_analysis annotates its styles as str -> str.
styles += [RawStyle("node", cast(dict[str, str], {"min-zoomed-font-size": 4, "font-size": 11,
                                                  "text-wrap": "ellipsis", "text-max-width": "120px"})),
           RawStyle("edge", cast(dict[str, str], {"min-zoomed-font-size": 6, "font-size": 8})),
           RawStyle("node[size]", {"width": "data(size)", "height": "data(size)"}),
           RawStyle("node[colour]", {"background-color": "data(colour)"})]
event = st_link_analysis(
    shown, layout="cose", node_styles=styles,
    edge_styles=[EdgeStyle(r, caption="label", directed=True, labeled=None) for r in RELATIONS],
    height=560, key="graph-view", node_actions=["expand", "remove"],
    events=[Event("select_node", "click tap", "node")],
)
selected = handle_event(event)

tools = st.columns(4)
node_names = sorted(view()["nodes"])
focus = selected if selected in view()["nodes"] else None
focus = tools[0].selectbox("当前节点", node_names, index=node_names.index(focus) if focus else None,
                           key=f"graph-focus-{focus}", placeholder="点击图中节点或在此选择")
if focus:
    tools[1].button("展开邻居", key="graph-expand", on_click=expand, args=(focus,))
    tools[2].button("收起邻居", key="graph-collapse", on_click=collapse, args=(focus,))
tools[3].button("清空视图", key="graph-clear", on_click=clear_view)

exports = st.columns(2)
exports[0].download_button("导出视图 JSON", json.dumps(shown, ensure_ascii=False, indent=1).encode("utf-8"),
                           "fazhi-graph-view.json", "application/json")
exports[1].download_button("导出视图 GraphML", graphml(shown), "fazhi-graph-view.graphml", "application/xml")
if focus:
    details(focus)
