"""Small hand-built extractions for store tests (no extractor involved), and graph snapshots."""

import json

from fazhi.model import (
    NODE_LABELS,
    RELATION_ENDPOINTS,
    Agency,
    Evidence,
    Extraction,
    Law,
    Measure,
    Mention,
    Region,
    Relation,
    ReportMeta,
)


def make_extraction(report_id: str, agency: str, measures: list[str], laws: list[str], year: int = 2022,
                    region: str = "韶关市") -> Extraction:
    sentence = f"{agency}推行{'、'.join(measures)}，依据{''.join('《' + x + '》' for x in laws)}。"
    ev = Evidence(sentence, 0, len(sentence))
    ex = Extraction(
        report_id=report_id, source=f"{report_id}.txt", text=sentence,
        report=ReportMeta(title=f"{agency}{year}年法治政府建设年度报告", agency=agency, region=region,
                          year=year, doc_type="年度报告"),
        agencies=[Agency(agency, "市", region, [Mention(agency, 0, len(agency))])],
        measures=[Measure(m, "制度", [Mention(m, 0, 1)]) for m in measures],
        laws=[Law(x, "法律", None, [Mention(x, 0, 1)]) for x in laws],
        regions=[Region(region, "市", "广东省", [Mention(region, 0, 2)])],
    )
    rels = [Relation("ISSUED", agency, report_id, ev, "Agency", "Report")]
    rels += [Relation("IMPLEMENTS", agency, m, ev, "Agency", "Measure", year=year) for m in measures]
    rels += [Relation("CITES", report_id, x, ev, "Report", "Law") for x in laws]
    rels += [Relation("MENTIONS", report_id, m, ev, "Report", "Measure") for m in measures]
    rels.append(Relation("LOCATED_IN", agency, region, ev, "Agency", "Region"))
    rels.append(Relation("PART_OF", region, "广东省", ev, "Region", "Region",
                         target_props={"level": "省", "parent": None}))
    ex.relations = rels
    return ex


def snapshot(store) -> dict:
    """Every node and edge of a store with all its properties, for comparing whole graphs
    (of one store or across backends: rows are compared whatever their key order)."""
    def canonical(row: dict) -> str:
        return json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)

    nodes = {label: sorted(map(canonical, store.iter_nodes(label))) for label in NODE_LABELS}
    edges = {t: sorted(map(canonical, store.iter_edges(t))) for t in RELATION_ENDPOINTS}
    return {"nodes": nodes, "edges": edges}


def derived_tables(store) -> dict:
    """Every row of the precomputed aggregates (graph/derived.py), for comparing whole stores.

    Float sums (LawInflow.inflow adds 1/n shares) are rounded: deltas applied in another order
    than a recount differ in the last bit, which is no difference in the aggregate.
    """
    from fazhi.graph.derived import DERIVED_NODES

    return {label: rounded(store.query(f"MATCH (n:{label}) RETURN n ORDER BY n.{key}", row_cap=10**6).rows)
            for label, (key, _) in DERIVED_NODES.items()}


def rounded(value):
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


# Equal-length shortest paths may be found in either order; the length is the answer both must agree on.
COMPARE_ONLY = {"shortest_path": ("hops",)}


def canonical_rows(name: str, result) -> list[str]:
    keep = COMPARE_ONLY.get(name)
    rows = []
    for record in result.records():
        if keep:
            record = {k: record[k] for k in keep}
        # sums of floats (citation_inflow) may be added up in another order by the other engine
        record = {k: round(v, 9) if isinstance(v, float) else v for k, v in record.items()}
        rows.append(json.dumps(record, ensure_ascii=False, sort_keys=True, default=str))
    return sorted(rows)
