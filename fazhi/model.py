"""Entity and relation dataclasses mirroring ../shared/ANNOTATION.md.

Everything downstream (the JSON Lines contract of `fazhi extract`, the networkx
KnowledgeGraph, the LadybugDB and Neo4j schemas, the RDF export) is derived from
these classes, so a field added here is a field added everywhere.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Agency:
    name: str
    level: str | None = None
    region: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Measure:
    name: str
    kind: str = "其他"
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Region:
    name: str
    level: str | None = None
    parent: str | None = None
    mentions: list[Mention] = field(default_factory=list)


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
    source_label: str = ""
    target_label: str = ""
    year: int | None = None
    # Properties of a target that is not itself a mentioned entity (the parent region of a
    # region, say), so the store can create it; not part of the JSON contract.
    target_props: dict | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document; the unit that stores ingest."""

    report_id: str
    source: str
    text: str
    report: ReportMeta
    laws: list[Law] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_json(self) -> dict:
        """The `fazhi extract` JSON Lines contract (other tools read exactly these keys)."""

        def entity(e, keys: tuple[str, ...]) -> dict:
            out = {k: getattr(e, k) for k in keys}
            out["mentions"] = [asdict(m) for m in e.mentions]
            return out

        return {
            "source": self.source,
            "report": asdict(self.report),
            "laws": [entity(x, ("name", "category", "issuer")) for x in self.laws],
            "agencies": [entity(x, ("name", "level", "region")) for x in self.agencies],
            "measures": [entity(x, ("name", "kind")) for x in self.measures],
            "regions": [entity(x, ("name", "level", "parent")) for x in self.regions],
            "relations": [
                {
                    "type": r.type,
                    "source": r.source,
                    "target": r.target,
                    "evidence": asdict(r.evidence),
                }
                for r in self.relations
            ],
        }
