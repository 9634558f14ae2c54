"""Entity and relation dataclasses mirroring ../shared/ANNOTATION.md.

Everything downstream is derived from these classes with dataclasses.fields: the
JSON Lines contract of `fazhi extract` (to_json), the node properties and their types
(node_properties: the LadybugDB and Neo4j schemas, the rows stores write, the CSV,
GraphML and RDF columns), so a field added here is a field added everywhere. Field
metadata says where a field does not go: NOT_STORED (mentions are spans in one report,
not properties of the entity), NOT_IN_JSON, and `property` names the Report node
properties that live on Extraction itself.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import Field, dataclass, field, fields, is_dataclass
from operator import attrgetter
from typing import Any, Union, get_args, get_origin, get_type_hints

NODE_LABELS = ("Report", "Agency", "Law", "Measure", "Region")

# Relation type -> the (source label, target label) pairs it may join.
RELATION_ENDPOINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ISSUED": (("Agency", "Report"), ("Agency", "Law")),
    "CITES": (("Report", "Law"),),
    "MENTIONS": (("Report", "Agency"), ("Report", "Measure"), ("Report", "Region")),
    "IMPLEMENTS": (("Agency", "Measure"),),
    "COOPERATES_WITH": (("Agency", "Agency"),),
    "BASED_ON": (("Measure", "Law"),),
    "ISSUED_BY": (("Law", "Agency"),),
    "REFERENCES": (("Law", "Law"),),
    "LOCATED_IN": (("Agency", "Region"),),
    "PART_OF": (("Region", "Region"), ("Agency", "Agency")),
}

LAW_CATEGORIES = (
    "宪法", "法律", "行政法规", "监察法规", "地方性法规", "部门规章", "地方政府规章",
    "司法解释", "党内法规", "规范性文件", "规划纲要", "内部制度", "其他",
)
MEASURE_KINDS = ("制度", "机制", "改革", "专项行动", "宣传活动", "平台", "清单", "其他")
AGENCY_LEVELS = ("国家", "省", "市", "区县", "乡镇")
REGION_LEVELS = ("省", "市", "区县")
DOC_TYPES = ("年度报告", "实施方案/实施细则", "通知", "工作要点", "其他")

NOT_STORED: dict[str, Any] = {"stored": False}
NOT_IN_JSON: dict[str, Any] = {"json": False}


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface form of an entity at [start, end) of the report's original text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the sentence and its span in the original text."""

    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class ReportMeta:
    title: str | None = None
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Law:
    name: str
    category: str = "其他"
    issuer: str | None = None
    mentions: list[Mention] = field(default_factory=list, metadata=NOT_STORED)


@dataclass(slots=True)
class Agency:
    name: str
    level: str | None = None
    region: str | None = None
    mentions: list[Mention] = field(default_factory=list, metadata=NOT_STORED)
    # The report's id when the text does not fix the agency's region (省委, 司法局 as written): the
    # name then stands for that report's body only and never merges with the same words from
    # another report (ANNOTATION.md, identity); the graph names its node with the scope.
    scope: str | None = field(default=None, metadata=NOT_STORED)

    @property
    def node_name(self) -> str:
        """The graph key: the name, plus the report for a scoped agency (省委〔报告1a2b3c4d〕)."""
        return f"{self.name}〔报告{self.scope[:8]}〕" if self.scope else self.name


@dataclass(slots=True)
class Measure:
    name: str
    kind: str = "其他"
    mentions: list[Mention] = field(default_factory=list, metadata=NOT_STORED)


@dataclass(slots=True)
class Region:
    name: str
    level: str | None = None
    parent: str | None = None
    mentions: list[Mention] = field(default_factory=list, metadata=NOT_STORED)


@dataclass(slots=True)
class Relation:
    """A typed edge between two canonical names, with the sentence that states it.

    `source`/`target` are canonical names, except for Report endpoints, which
    use the report id.
    """

    type: str
    source: str
    target: str
    evidence: Evidence
    source_label: str = field(default="", metadata=NOT_IN_JSON)
    target_label: str = field(default="", metadata=NOT_IN_JSON)
    year: int | None = field(default=None, metadata=NOT_IN_JSON)
    # Properties of a target that is not itself a mentioned entity (the parent region of a
    # region, say), so the store can create it; not part of the JSON contract.
    target_props: dict[str, Any] | None = field(default=None, metadata=NOT_IN_JSON)


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document; the unit that stores ingest."""

    report_id: str = field(metadata={"property": "id", **NOT_IN_JSON})
    source: str = field(metadata={"property": "source"})
    text: str = field(metadata={"property": "text", **NOT_IN_JSON})
    report: ReportMeta  # its fields are Report properties too (node_properties)
    laws: list[Law] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # Where the document was published (a web address the user gives at ingest, `--sources`), so a
    # linked-data export can cite it; the local file path in `source` is never published.
    source_url: str | None = field(default=None, metadata={"property": "source_url", **NOT_IN_JSON})

    def to_json(self) -> dict[str, Any]:
        """The `fazhi extract` JSON Lines contract (other tools read exactly these keys)."""
        return _json(self)


Entity = Law | Agency | Measure | Region
ENTITY_CLASSES: dict[str, type[Entity]] = {cls.__name__: cls for cls in (Agency, Law, Measure, Region)}


def _json(value: Any) -> Any:
    """Dataclasses as dicts of their JSON fields (in declaration order), recursively."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json(getattr(value, f.name)) for f in fields(value) if f.metadata.get("json", True)}
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def _plain_type(hint: Any) -> type:
    """`str | None` -> str: the type a property holds when it is set."""
    if get_origin(hint) in (Union, types.UnionType):
        (hint,) = [arg for arg in get_args(hint) if arg is not type(None)]
    return hint if isinstance(hint, type) else get_origin(hint)


# Worked out once: rows are built per entity on every ingest.
_STORED: dict[type, tuple[Field[Any], ...]] = {
    cls: tuple(f for f in fields(cls) if f.metadata.get("stored", True)) for cls in (*ENTITY_CLASSES.values(), ReportMeta)
}
_REPORT_FIELDS = tuple(f for f in fields(Extraction) if "property" in f.metadata)  # id, source, text


def _types(cls: type, chosen: Iterable[Field[Any]], name: Callable[[Field[Any]], str]) -> dict[str, type]:
    hints = get_type_hints(cls)
    return {name(f): _plain_type(hints[f.name]) for f in chosen}


def node_properties(label: str) -> dict[str, type]:
    """Property name -> Python type (str, int) of a node label, the key first.

    Report: its id, the ReportMeta fields, then Extraction's other `property` fields
    (source, text). Any other label: the stored fields of its class.
    """
    if label != "Report":
        return _types(ENTITY_CLASSES[label], _STORED[ENTITY_CLASSES[label]], attrgetter("name"))
    own = _types(Extraction, _REPORT_FIELDS, lambda f: f.metadata["property"])
    return {"id": own.pop("id"), **_types(ReportMeta, _STORED[ReportMeta], attrgetter("name")), **own}


def entity_row(entity: Entity | ReportMeta) -> dict[str, Any]:
    """The node properties held by a dataclass: its stored fields."""
    return {f.name: getattr(entity, f.name) for f in _STORED[type(entity)]}


def report_row(ex: Extraction) -> dict[str, Any]:
    """The Report node's properties, in node_properties("Report") order."""
    own = {f.metadata["property"]: getattr(ex, f.name) for f in _REPORT_FIELDS}
    return {"id": own.pop("id"), **entity_row(ex.report), **own}


_HINTS = get_type_hints(Extraction)
ENTITY_LISTS = tuple(f.name for f in fields(Extraction) if get_origin(_HINTS[f.name]) is list
                     and get_args(_HINTS[f.name])[0] in ENTITY_CLASSES.values())  # laws, agencies, …


def entities(ex: Extraction) -> Iterator[tuple[str, Entity]]:
    """(label, entity) for every entity of an extraction, list by list in field order."""
    for name in ENTITY_LISTS:
        for item in getattr(ex, name):
            yield type(item).__name__, item
