"""Copy a whole graph from one store to another in bounded batches (`fazhi push --to neo4j`)."""

from __future__ import annotations

from fazhi.graph.store import EDGE_PROPERTIES, GraphRows, GraphStore
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

BATCH = 5000


def copy_graph(source: GraphStore, target: GraphStore, batch: int = BATCH) -> dict[str, int]:
    """Nodes first, then edges; every write is an idempotent MERGE, so a re-run changes nothing."""
    copied = {"nodes": 0, "edges": 0}
    rows = GraphRows()
    for label in NODE_LABELS:
        for node in source.iter_nodes(label):
            rows.add_node(label, node)
            copied["nodes"] += 1
            if copied["nodes"] % batch == 0:
                target.write(rows)
                rows = GraphRows()
    target.write(rows)
    rows = GraphRows()
    for rel_type in RELATION_ENDPOINTS:
        for edge in source.iter_edges(rel_type):
            props = {k: edge.get(k) for k in EDGE_PROPERTIES if k != "evidence_count"}
            rows.add_edge(rel_type, edge["source_label"], edge["source"], edge["target_label"],
                          edge["target"], props)
            key = (edge["source"], edge["target"], edge["report_id"])
            rows.edges[(rel_type, edge["source_label"], edge["target_label"])][key]["evidence_count"] = (
                edge.get("evidence_count") or 1
            )
            copied["edges"] += 1
            if copied["edges"] % batch == 0:
                target.write(rows)
                rows = GraphRows()
    target.write(rows)
    return copied
