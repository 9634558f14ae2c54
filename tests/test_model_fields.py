"""Entity fields are written once, in fazhi/model.py: schema, rows, JSON, CSV and RDF agree with it.

Expected property lists are read off the dataclasses here with dataclasses.fields, not from
the code under test, so a list written by hand anywhere downstream that drifts fails.
"""

from dataclasses import fields

import pytest

from fazhi.graph.exports import node_csv_header
from fazhi.graph.rdf import PROPERTY_MAP
from fazhi.graph.store import NODE_KEY, NODE_PROPERTIES, rows_from_extractions
from fazhi.model import ENTITY_CLASSES, NODE_LABELS, Extraction, ReportMeta
from helpers import make_extraction

EX = make_extraction("r1", "韶关市司法局", ["双随机、一公开"], ["中华人民共和国行政处罚法"])


def model_fields(label: str) -> list[str]:
    if label == "Report":
        own = [f.metadata["property"] for f in fields(Extraction) if f.metadata.get("property", "id") != "id"]
        return ["id", *(f.name for f in fields(ReportMeta)), *own]  # source, text, source_url
    return [f.name for f in fields(ENTITY_CLASSES[label]) if f.metadata.get("stored", True)]


@pytest.mark.parametrize("label", NODE_LABELS)
def test_every_downstream_list_is_the_model(label: str) -> None:
    names = model_fields(label)
    assert list(NODE_PROPERTIES[label]) == names
    assert [h.split(":", 1)[0] for h in node_csv_header(label)[:-1]] == names
    assert [prop for prop, _, _ in PROPERTY_MAP[label]] == [n for n in names if n != NODE_KEY[label]]
    for row in rows_from_extractions([EX]).nodes[label].values():
        assert list(row) == names or label == "Region"  # 广东省 comes only from PART_OF's target_props


def test_types_come_from_the_annotations() -> None:
    assert NODE_PROPERTIES["Report"]["year"] == "INT64"  # year: int | None
    assert {kind for label in NODE_LABELS for name, kind in NODE_PROPERTIES[label].items()
            if name != "year"} == {"STRING"}


def test_json_lines_hold_the_model_fields_and_mentions() -> None:
    out = EX.to_json()
    assert list(out) == ["source", "report", "laws", "agencies", "measures", "regions", "relations"]
    assert list(out["report"]) == [f.name for f in fields(ReportMeta)]
    for key, label in (("laws", "Law"), ("agencies", "Agency"), ("measures", "Measure"), ("regions", "Region")):
        in_json = [f.name for f in fields(ENTITY_CLASSES[label]) if f.metadata.get("json", True)]
        assert list(out[key][0]) == in_json and {"name", "mentions"} <= set(in_json)
    assert list(out["relations"][0]) == ["type", "source", "target", "evidence"]
    assert list(out["relations"][0]["evidence"]) == ["sentence", "start", "end"]
