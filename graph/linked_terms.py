"""The fixed part of the linked-data export: namespaces, concept schemes, the project vocabulary
(graph/vocabulary.ttl), the ELI resource-type mapping (data/eli_resource_types.tsv), language tags,
and the description of the dataset and of the activity that produced it.

graph/rdf.py turns nodes and edges into triples; everything here is the same for every node,
so it lives apart and is written once at the head of an export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, VOID
from rdflib.term import Node

from fazhi.model import AGENCY_LEVELS, DOC_TYPES, LAW_CATEGORIES, MEASURE_KINDS, REGION_LEVELS

DEFAULT_BASE = "https://fazhi-graph.example/id/"
FZ = Namespace("https://fazhi-graph.example/ns#")  # as written in vocabulary.ttl; moved with --base
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
RESOURCE_TYPE = Namespace("http://publications.europa.eu/resource/authority/resource-type/")
LANGUAGE_ZHO = URIRef("http://publications.europa.eu/resource/authority/language/ZHO")
VOCABULARY_PATH = Path(__file__).with_name("vocabulary.ttl")
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

Triple = tuple[URIRef, URIRef, Node]


@dataclass(frozen=True, slots=True)
class Scheme:
    """A SKOS concept scheme for one closed list of the model (categories, levels, kinds)."""

    name: str  # IRI segment
    zh: str
    en: str
    values: tuple[str, ...]


SCHEMES: dict[str, Scheme] = {s.name: s for s in (
    Scheme("law-category", "法规文件类别", "Document categories", LAW_CATEGORIES),
    Scheme("agency-level", "机关层级", "Agency levels", AGENCY_LEVELS),
    Scheme("region-level", "行政区划层级", "Administrative division levels", (*REGION_LEVELS, "乡镇")),
    Scheme("measure-kind", "措施类型", "Measure kinds", MEASURE_KINDS),
    Scheme("doc-type", "文件类型", "Document types", DOC_TYPES),
)}


# ---------------------------------------------------------------- IRIs


def normalise_base(base: str) -> str:
    """Make `base` end in / or #, and refuse characters N-Triples cannot carry in an IRI."""
    if any(ch in base for ch in ' <>"{}|^`\\') or not base.startswith(("http://", "https://", "urn:")):
        raise ValueError(f"unusable IRI base: {base!r}")
    return base if base.endswith(("/", "#")) else base + "/"


def vocabulary_namespace(base: str) -> str:
    """The fz: namespace for a base: `<root>ns#` beside an `…/id/` base, else `<base>ns#`, so the
    default base keeps https://fazhi-graph.example/ns# and any other base carries its own terms."""
    base = normalise_base(base)
    root = base[: -len("id/")] if base.endswith("/id/") else base
    return (root if root.endswith("/") else root[:-1] + "/") + "ns#"


def scheme_iri(base: str, scheme: str) -> URIRef:
    return URIRef(f"{base}scheme/{scheme}")


def concept_iri(base: str, scheme: str, value: str) -> URIRef:
    return URIRef(f"{base}concept/{scheme}/{quote(value, safe='')}")


def rebase(term: Node, fz: str, written: str = str(FZ)) -> Node:
    """A term of namespace `written` (vocabulary.ttl's, by default) in namespace `fz`; others as they are."""
    if isinstance(term, URIRef) and str(term).startswith(written):
        return URIRef(fz + str(term)[len(written):])
    return term


def moved(graph: Graph, written: str, fz: str) -> Graph:
    """`graph` with its terms of namespace `written` in namespace `fz` (the graph itself when equal)."""
    if written == fz:
        return graph
    out = Graph()
    for triple in graph:
        out.add(cast(Triple, tuple(rebase(t, fz, written) for t in triple)))
    return out


# ---------------------------------------------------------------- literals


@lru_cache(maxsize=1)
def _to_simplified() -> object:
    import opencc  # loaded on the first Chinese literal only

    return opencc.OpenCC("t2s")


def script_tag(text: str) -> str:
    """zh-Hant when converting the text to simplified characters changes it, else zh-Hans (what
    mainland reports are written in; a text of characters common to both is tagged zh-Hans)."""
    return "zh-Hant" if _to_simplified().convert(text) != text else "zh-Hans"  # type: ignore[attr-defined]


def zh(text: str) -> Literal:
    return Literal(text, lang=script_tag(text))


@lru_cache(maxsize=4096)
def zh_name(text: str) -> Literal:
    """zh() for names, which repeat across nodes and statements."""
    return zh(text)


# ---------------------------------------------------------------- ELI resource types


@dataclass(frozen=True, slots=True)
class EliType:
    english: str
    match: str  # exactMatch, closeMatch, broadMatch or ""
    code: str
    label: str


@lru_cache(maxsize=1)
def eli_types() -> dict[str, EliType]:
    """data/eli_resource_types.tsv: category -> its English name and its match in ELI's table."""
    from fazhi.data import data_dir, samples_dir

    path = data_dir() / "eli_resource_types.tsv"
    if not path.exists():  # a user's own FAZHI_DATA_DIR without the file: the packaged one
        path = samples_dir().parent / "eli_resource_types.tsv"
    out: dict[str, EliType] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip() or line.startswith("category\t"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        if cols[2] not in ("", "exactMatch", "closeMatch", "broadMatch") or bool(cols[2]) != bool(cols[3]):
            raise ValueError(f"{path}:{number}: bad match/code {cols[2]!r}/{cols[3]!r}")
        out[cols[0]] = EliType(cols[1], cols[2], cols[3], cols[4])
    return out


# ---------------------------------------------------------------- the head of an export


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """What the dataset description states besides the data: licence and creator."""

    license: str = DEFAULT_LICENSE
    creator: str | None = None  # a person or body; None: the software agent


def fazhi_version() -> str:
    from fazhi import __version__

    return str(__version__)


def activity_iri(base: str) -> URIRef:
    return URIRef(f"{base}activity/fazhi-{quote(fazhi_version(), safe='')}")


def software_iri(base: str) -> URIRef:
    return URIRef(f"{base}agent/fazhi")


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}dataset")


def concept_triples(base: str, scheme: str, value: str) -> Iterator[Triple]:
    """One concept of a scheme; every value is a top concept (the lists are flat)."""
    concept = concept_iri(base, scheme, value)
    yield concept, RDF.type, SKOS.Concept
    yield concept, SKOS.prefLabel, zh_name(value)
    yield concept, RDFS.label, zh_name(value)
    yield concept, SKOS.inScheme, scheme_iri(base, scheme)
    yield concept, SKOS.topConceptOf, scheme_iri(base, scheme)
    yield scheme_iri(base, scheme), SKOS.hasTopConcept, concept
    if scheme == "law-category":
        yield from _eli_type_triples(concept, value)


def _eli_type_triples(concept: URIRef, category: str) -> Iterator[Triple]:
    yield concept, RDF.type, ELI.ResourceType
    mapped = eli_types().get(category)
    if mapped is None:
        return
    yield concept, SKOS.prefLabel, Literal(mapped.english, lang="en")
    if mapped.match:
        target = RESOURCE_TYPE[mapped.code]
        yield concept, SKOS[mapped.match], target
        yield target, RDF.type, SKOS.Concept
        yield target, RDFS.label, Literal(mapped.label or mapped.code, lang="en")
        yield target, SKOS.prefLabel, Literal(mapped.label or mapped.code, lang="en")
        yield target, SKOS.inScheme, URIRef(str(RESOURCE_TYPE).rstrip("/"))


def header_triples(base: str, info: DatasetInfo) -> Iterator[Triple]:
    """Schemes and their concepts, the dataset, the activity and the external things they name."""
    for scheme in SCHEMES.values():
        iri = scheme_iri(base, scheme.name)
        yield iri, RDF.type, SKOS.ConceptScheme
        yield iri, SKOS.prefLabel, zh_name(scheme.zh)
        yield iri, SKOS.prefLabel, Literal(scheme.en, lang="en")
        yield iri, RDFS.label, zh_name(scheme.zh)
        for value in scheme.values:
            yield from concept_triples(base, scheme.name, value)
    authority = URIRef(str(RESOURCE_TYPE).rstrip("/"))
    yield authority, RDF.type, SKOS.ConceptScheme
    yield authority, RDFS.label, Literal("Resource types (EU Publications Office authority table)", lang="en")
    yield LANGUAGE_ZHO, RDF.type, DCTERMS.LinguisticSystem
    yield LANGUAGE_ZHO, RDFS.label, Literal("Chinese", lang="en")
    yield LANGUAGE_ZHO, RDFS.label, Literal("中文", lang="zh-Hans")
    yield from _provenance_triples(base)
    yield from _dataset_triples(base, info)


def _provenance_triples(base: str) -> Iterator[Triple]:
    version = fazhi_version()
    agent, activity = software_iri(base), activity_iri(base)
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal(f"fazhi {version}")
    yield agent, SCHEMA.softwareVersion, Literal(version)
    yield activity, RDF.type, PROV.Activity
    yield activity, RDFS.label, Literal(f"extraction by fazhi {version}", lang="en")
    yield activity, PROV.wasAssociatedWith, agent


def _dataset_triples(base: str, info: DatasetInfo) -> Iterator[Triple]:
    dataset, fz = dataset_iri(base), vocabulary_namespace(base)
    ontology = URIRef(fz.rstrip("#"))
    yield dataset, RDF.type, VOID.Dataset
    yield dataset, RDF.type, DCAT.Dataset
    yield dataset, RDFS.label, Literal("法治政府建设年度报告知识图谱", lang="zh-Hans")
    yield dataset, DCTERMS.title, Literal("法治政府建设年度报告知识图谱", lang="zh-Hans")
    yield dataset, DCTERMS.title, Literal("Knowledge graph of annual rule-of-law government reports", lang="en")
    yield dataset, DCTERMS.description, Literal(
        "Agencies, measures, cited documents, regions and reports extracted by fazhi; every fact "
        "links to the sentence that states it (W3C Web Annotation).", lang="en")
    yield dataset, DCTERMS.issued, Literal(dt.date.today().isoformat(), datatype=XSD.date)
    yield dataset, DCTERMS.license, URIRef(info.license)
    yield URIRef(info.license), RDF.type, DCTERMS.LicenseDocument
    yield URIRef(info.license), RDFS.label, Literal(info.license)
    creator = _creator_iri(base, info)
    yield dataset, DCTERMS.creator, creator
    if info.creator:
        yield creator, RDF.type, FOAF.Agent
        yield creator, RDFS.label, Literal(info.creator)
    yield dataset, OWL.versionInfo, Literal(f"fazhi {fazhi_version()}")
    yield dataset, PROV.wasGeneratedBy, activity_iri(base)
    yield dataset, VOID.uriSpace, Literal(base)
    yield dataset, VOID.vocabulary, ontology
    yield ontology, RDF.type, OWL.Ontology
    yield ontology, RDFS.label, Literal("fazhi-graph vocabulary", lang="en")


def _creator_iri(base: str, info: DatasetInfo) -> URIRef:
    return URIRef(f"{base}agent/creator") if info.creator else software_iri(base)


# ---------------------------------------------------------------- the vocabulary


def vocabulary(base: str) -> Graph:
    """graph/vocabulary.ttl with its terms in the namespace of `base`."""
    fz = vocabulary_namespace(base)
    source = Graph().parse(VOCABULARY_PATH, format="turtle")
    ontology_default = URIRef(str(FZ).rstrip("#"))
    graph = Graph()
    graph.bind("fz", Namespace(fz))
    for prefix, ns in source.namespaces():
        if prefix != "fz":
            graph.bind(prefix, ns)
    for s, p, o in source:
        s, o = (URIRef(fz.rstrip("#")) if t == ontology_default else rebase(t, fz) for t in (s, o))
        graph.add((s, p, o))
    return graph

