"""The graph as linked data: RDF triples, SHACL validation, SPARQL, and the way back.

Vocabulary choices (so outside tools understand the export without our docs):
- Law      -> eli:LegalResource + schema:Legislation (eli:title, eli:type_document, eli:passed_by)
- Agency   -> org:Organization + schema:GovernmentOrganization (skos:prefLabel, org:subOrganizationOf)
- Region   -> schema:AdministrativeArea (schema:name, schema:containedInPlace)
- Measure  -> skos:Concept in one skos:ConceptScheme (skos:prefLabel, skos:altLabel)
- Report   -> schema:Report + prov:Entity (dcterms:title, dcterms:issued, dcterms:publisher)
Everything without a standard term lives in the `fz:` vocabulary.

Each relation becomes a direct triple (easy to query) *and* an rdf:Statement that is a
prov:Entity derived from the report, carrying the evidence sentence and offsets. The
statement is the lossless record: `rows_from_rdf` rebuilds edges from statements only,
so the direct triples may use whatever standard predicate fits best.

IRIs are `<base><segment>/<percent-encoded key>`; the label is recovered from the segment,
the key from the last path step, so a graph can be read back without knowing its base.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, cast
from typing import Literal as TypingLiteral
from urllib.parse import quote, unquote

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, DefinedNamespace
from rdflib.term import Node

from fazhi.graph.store import EDGE_PROPERTIES, NODE_KEY, NODE_PROPERTIES, GraphRows
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

DEFAULT_BASE = "https://fazhi-graph.example/id/"
FZ = Namespace("https://fazhi-graph.example/ns#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "fz": FZ, "eli": ELI, "schema": SCHEMA, "org": ORG, "prov": PROV, "skos": SKOS,
    "dcterms": DCTERMS, "rdf": Namespace(str(RDF)), "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
}

Triple = tuple[URIRef, URIRef, Node]
RdfFormat = TypingLiteral["ttl", "jsonld", "nt"]

SEGMENT = {"Report": "report", "Agency": "agency", "Law": "law", "Measure": "measure", "Region": "region"}
LABEL_OF_SEGMENT = {seg: label for label, seg in SEGMENT.items()}
CATEGORY_SEGMENT = "law-category"

NODE_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Report": (SCHEMA.Report, PROV.Entity),
    "Agency": (ORG.Organization, SCHEMA.GovernmentOrganization),
    "Law": (ELI.LegalResource, SCHEMA.Legislation),
    "Measure": (SKOS.Concept,),
    "Region": (SCHEMA.AdministrativeArea,),
}

# (label, property) -> (predicate, how the value is encoded), where a standard term or a
# special encoding fits; every other property is fz:<camelCase>, @zh or xsd:integer by its type.
#   zh: Chinese text @zh | str: untagged string | int: xsd:integer | date: xsd:date if ISO
#   iri:<Label>: IRI of a node of that label | category: IRI of a law-category concept
PREDICATES: dict[tuple[str, str], tuple[URIRef, str]] = {
    ("Report", "title"): (DCTERMS.title, "zh"), ("Report", "agency"): (DCTERMS.publisher, "iri:Agency"),
    ("Report", "region"): (DCTERMS.spatial, "iri:Region"), ("Report", "doc_number"): (FZ.docNumber, "str"),
    ("Report", "date"): (DCTERMS.issued, "date"), ("Report", "source"): (DCTERMS.source, "str"),
    ("Report", "text"): (SCHEMA.text, "zh"),
    ("Agency", "region"): (DCTERMS.spatial, "iri:Region"),
    ("Law", "category"): (ELI.type_document, "category"), ("Law", "issuer"): (ELI.passed_by, "iri:Agency"),
    ("Region", "parent"): (FZ.parentRegion, "iri:Region"),
}


def fz_term(prop: str) -> URIRef:
    """fz:<camelCase> of a property name (doc_type -> fz:docType)."""
    first, *rest = prop.split("_")
    return FZ[first + "".join(word.title() for word in rest)]


def _property_map(label: str) -> tuple[tuple[str, URIRef, str], ...]:
    return tuple((prop, *PREDICATES.get((label, prop), (fz_term(prop), "int" if kind == "INT64" else "zh")))
                 for prop, kind in NODE_PROPERTIES[label].items() if prop != NODE_KEY[label])


# label -> (property, predicate, encoding) for every property of the model but the key. One
# table drives both the export and `rows_from_rdf`, so the two cannot drift apart.
PROPERTY_MAP: dict[str, tuple[tuple[str, URIRef, str], ...]] = {label: _property_map(label) for label in NODE_LABELS}
# Integer edge properties (offsets, year, evidence_count) -> their fz: predicate on a statement.
EDGE_INTEGERS: dict[str, URIRef] = {p: fz_term(p) for p, kind in EDGE_PROPERTIES.items() if kind == "INT64"}

# Predicates that name a node (all @zh); the first one is what SHACL insists on.
NAME_PREDICATES: dict[str, tuple[URIRef, ...]] = {
    "Report": (),
    "Agency": (SKOS.prefLabel, RDFS.label),
    "Law": (ELI.title, RDFS.label),
    "Measure": (SKOS.prefLabel,),
    "Region": (SCHEMA.name, RDFS.label),
}
ALIAS_PREDICATE = {"Agency": SKOS.altLabel, "Law": ELI.title_short, "Measure": SKOS.altLabel,
                   "Region": SKOS.altLabel}

# Direct triple predicate per (relation type, source label, target label).
_DIRECT: dict[str, URIRef] = {
    "ISSUED": FZ.issued, "CITES": DCTERMS.references, "MENTIONS": SCHEMA.mentions,
    "IMPLEMENTS": FZ.implements, "COOPERATES_WITH": ORG.linkedTo, "BASED_ON": FZ.basedOn,
    "ISSUED_BY": FZ.issuedBy, "REFERENCES": ELI.cites, "LOCATED_IN": SCHEMA.location,
}
_PART_OF = {"Region": SCHEMA.containedInPlace, "Agency": ORG.subOrganizationOf}


class GraphSource(Protocol):
    """The read half of GraphStore: all an export needs."""

    def iter_nodes(self, label: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]: ...

    def iter_edges(self, rel_type: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]: ...


class VersionedSource(GraphSource, Protocol):
    """A source that says when its data changed (every GraphStore): what an export cache keys on."""

    def version(self) -> str: ...


class RowsSource:
    """Serve in-memory GraphRows through the store's streaming read interface.

    Lets exports run on an ingest batch (or in tests) without a database.
    """

    def __init__(self, rows: GraphRows) -> None:
        self.rows = rows

    def iter_nodes(self, label: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        for key in sorted(self.rows.nodes.get(label, {})):
            yield dict(self.rows.nodes[label][key])

    def iter_edges(self, rel_type: str, batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        for (etype, source_label, target_label), bucket in self.rows.edges.items():
            if etype != rel_type:
                continue
            for (source, target, _report), props in sorted(bucket.items()):
                yield {"source": source, "source_label": source_label, "target": target,
                       "target_label": target_label, **props}


# ---------------------------------------------------------------- IRIs


def normalise_base(base: str) -> str:
    """Make `base` end in / or #, and refuse characters N-Triples cannot carry in an IRI."""
    if any(ch in base for ch in ' <>"{}|^`\\') or not base.startswith(("http://", "https://", "urn:")):
        raise ValueError(f"unusable IRI base: {base!r}")
    return base if base.endswith(("/", "#")) else base + "/"


def node_iri(base: str, label: str, key: str) -> URIRef:
    return URIRef(f"{base}{SEGMENT[label]}/{quote(str(key), safe='')}")


def category_iri(base: str, category: str) -> URIRef:
    return URIRef(f"{base}{CATEGORY_SEGMENT}/{quote(category, safe='')}")


def measure_scheme_iri(base: str) -> URIRef:
    return URIRef(f"{base}scheme/measure")


def category_scheme_iri(base: str) -> URIRef:
    return URIRef(f"{base}scheme/law-category")


def parse_iri(iri: Node) -> tuple[str, str]:
    """(segment, key) of one of our IRIs; the key is percent-decoded."""
    parent, _, last = str(iri).rpartition("/")
    return parent.rpartition("/")[2], unquote(last)


def statement_iri(base: str, rel_type: str, edge: dict[str, Any]) -> URIRef:
    """Stable per (type, endpoints, report): re-exports produce the same IRI."""
    parts = (rel_type, edge["source_label"], str(edge["source"]), edge["target_label"],
             str(edge["target"]), str(edge.get("report_id")))
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return URIRef(f"{base}statement/{digest}")


def direct_predicate(rel_type: str, source_label: str) -> URIRef:
    return _PART_OF[source_label] if rel_type == "PART_OF" else _DIRECT[rel_type]


# ---------------------------------------------------------------- export


def _value_terms(base: str, kind: str, value: Any) -> Iterator[Node]:
    if kind == "zh":
        yield Literal(str(value), lang="zh")
    elif kind == "str":
        yield Literal(str(value))
    elif kind == "int":
        yield Literal(int(value))
    elif kind == "date":
        yield _date_literal(str(value))
    elif kind == "category":
        yield category_iri(base, str(value))
    else:  # iri:<Label>
        yield node_iri(base, kind.split(":", 1)[1], str(value))


def _date_literal(value: str) -> Literal:
    """xsd:date when the value is an ISO date; otherwise a plain string that SHACL will flag."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return Literal(value)
    return Literal(value, datatype=XSD.date) if len(value) == 10 else Literal(value)


def _node_triples(base: str, label: str, node: dict[str, Any], include_text: bool) -> Iterator[Triple]:
    key = node[NODE_KEY[label]]
    subject = node_iri(base, label, key)
    for cls in NODE_CLASSES[label]:
        yield subject, RDF.type, cls
    for predicate in NAME_PREDICATES[label]:
        yield subject, predicate, Literal(str(key), lang="zh")
    if label == "Report":
        yield subject, DCTERMS.identifier, Literal(str(key))
    if label == "Measure":
        yield subject, SKOS.inScheme, measure_scheme_iri(base)
    for alias in node.get("aliases") or ():
        yield subject, ALIAS_PREDICATE[label], Literal(alias, lang="zh")
    for prop, predicate, kind in PROPERTY_MAP[label]:
        value = node.get(prop)
        if value is None or (prop == "text" and not include_text):
            continue
        for term in _value_terms(base, kind, value):
            yield subject, predicate, term


def _category_triples(base: str, category: str) -> Iterator[Triple]:
    concept = category_iri(base, category)
    yield concept, RDF.type, SKOS.Concept
    yield concept, SKOS.prefLabel, Literal(category, lang="zh")
    yield concept, SKOS.inScheme, category_scheme_iri(base)


def _header_triples(base: str) -> Iterator[Triple]:
    """Concept schemes and the one sub-property link a reasoner needs."""
    yield measure_scheme_iri(base), RDF.type, SKOS.ConceptScheme
    yield measure_scheme_iri(base), SKOS.prefLabel, Literal("法治政府建设措施", lang="zh")
    yield category_scheme_iri(base), RDF.type, SKOS.ConceptScheme
    yield category_scheme_iri(base), SKOS.prefLabel, Literal("法规文件类别", lang="zh")
    yield FZ.issuedBy, RDFS.subPropertyOf, ELI.passed_by


def _edge_triples(base: str, rel_type: str, edge: dict[str, Any]) -> Iterator[Triple]:
    subject = node_iri(base, edge["source_label"], edge["source"])
    obj = node_iri(base, edge["target_label"], edge["target"])
    predicate = direct_predicate(rel_type, edge["source_label"])
    yield subject, predicate, obj
    st = statement_iri(base, rel_type, edge)
    yield st, RDF.type, RDF.Statement
    yield st, RDF.type, PROV.Entity
    yield st, RDF.subject, subject
    yield st, RDF.predicate, predicate
    yield st, RDF.object, obj
    yield st, FZ.relationType, Literal(rel_type)
    if edge.get("report_id") is not None:
        yield st, PROV.wasDerivedFrom, node_iri(base, "Report", edge["report_id"])
    if edge.get("sentence") is not None:
        yield st, FZ.sentence, Literal(edge["sentence"], lang="zh")
    for prop, predicate in EDGE_INTEGERS.items():
        if edge.get(prop) is not None:
            yield st, predicate, Literal(int(edge[prop]))


def iter_triples(source: GraphSource, base: str = DEFAULT_BASE, *,
                 include_text: bool = False) -> Iterator[Triple]:
    """Every triple of the export, streamed node by node and edge by edge.

    Memory stays flat except for the set of law categories seen (at most a dozen).
    `include_text` adds each report's full text (schema:text); off by default because
    it dwarfs everything else and the evidence sentences already carry the facts.
    """
    base = normalise_base(base)
    yield from _header_triples(base)
    categories: set[str] = set()
    for label in NODE_LABELS:
        for node in source.iter_nodes(label):
            yield from _node_triples(base, label, node, include_text)
            if label == "Law" and node.get("category") and node["category"] not in categories:
                categories.add(node["category"])
                yield from _category_triples(base, node["category"])
    for rel_type in RELATION_ENDPOINTS:
        for edge in source.iter_edges(rel_type):
            yield from _edge_triples(base, rel_type, edge)


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("id", Namespace(normalise_base(base)))
    return graph


def to_graph(source: GraphSource, base: str = DEFAULT_BASE, *, include_text: bool = False) -> Graph:
    """The whole export in an rdflib Graph (in memory: roughly 1 kB per triple)."""
    graph = bind_prefixes(Graph(), base)
    for triple in iter_triples(source, base, include_text=include_text):
        graph.add(triple)
    return graph


def nt_line(triple: Triple) -> str:
    """One N-Triples line, written by hand so `nt` export never builds a Graph."""
    s, p, o = triple
    return f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n"


def _nt_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"')
                .replace("\n", "\\n").replace("\r", "\\r"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    raise TypeError(f"blank nodes are never exported: {term!r}")


def write_rdf(source: GraphSource, path: str | Path, fmt: RdfFormat = "ttl",
              base: str = DEFAULT_BASE, *, include_text: bool = False) -> int:
    """Write the export; return the number of triples written (nt: lines, may repeat).

    `nt` streams line by line and is the format for big graphs; `ttl` and `jsonld`
    build an rdflib Graph first, so they need memory proportional to the graph.
    """
    path = Path(path)
    if fmt == "nt":
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for triple in iter_triples(source, base, include_text=include_text):
                out.write(nt_line(triple))
                count += 1
        return count
    graph = to_graph(source, base, include_text=include_text)
    if fmt == "ttl":
        graph.serialize(destination=str(path), format="turtle", encoding="utf-8")
    elif fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        graph.serialize(destination=str(path), format="json-ld", context=context, encoding="utf-8")
    else:
        raise ValueError(f"unknown RDF format {fmt!r}; use ttl, jsonld or nt")
    return len(graph)


# ---------------------------------------------------------------- back to rows


def rows_from_rdf(graph: Graph) -> GraphRows:
    """Rebuild GraphRows from an export: nodes from typed subjects, edges from statements."""
    rows = GraphRows()
    for label in NODE_LABELS:
        for subject in set(graph.subjects(RDF.type, NODE_CLASSES[label][0])):
            segment, key = parse_iri(subject)
            if LABEL_OF_SEGMENT.get(segment) == label:
                rows.nodes[label][key] = _node_from_rdf(graph, label, subject, key)
    for st in set(graph.subjects(RDF.type, RDF.Statement)):
        _add_statement(rows, graph, st)
    return rows


def _node_from_rdf(graph: Graph, label: str, subject: Node, key: str) -> dict[str, Any]:
    node: dict[str, Any] = dict.fromkeys(NODE_PROPERTIES[label])
    node[NODE_KEY[label]] = key
    for prop, predicate, kind in PROPERTY_MAP[label]:
        term = graph.value(subject, predicate)
        if term is not None:
            node[prop] = _python_value(kind, term)
    if label in ALIAS_PREDICATE:
        aliases = sorted(str(x) for x in graph.objects(subject, ALIAS_PREDICATE[label]))
        if aliases:
            node["aliases"] = aliases
    return node


def _python_value(kind: str, term: Node) -> Any:
    if kind == "int":
        return int(str(term))
    if kind == "category" or kind.startswith("iri:"):
        return parse_iri(term)[1]
    return str(term)


def _required(graph: Graph, subject: Node, predicate: URIRef) -> Node:
    """The one object of (subject, predicate); a statement without it cannot be read back."""
    term = graph.value(subject, predicate)
    if term is None:
        raise ValueError(f"statement {subject} has no {predicate}")
    return term


def _add_statement(rows: GraphRows, graph: Graph, st: Node) -> None:
    rel_type = str(graph.value(st, FZ.relationType))
    source_seg, source = parse_iri(_required(graph, st, RDF.subject))
    target_seg, target = parse_iri(_required(graph, st, RDF.object))
    source_label, target_label = LABEL_OF_SEGMENT[source_seg], LABEL_OF_SEGMENT[target_seg]
    if (source_label, target_label) not in RELATION_ENDPOINTS.get(rel_type, ()):
        raise ValueError(f"statement {st} joins {source_label} to {target_label} by {rel_type}")
    report = graph.value(st, PROV.wasDerivedFrom)
    props: dict[str, Any] = {"report_id": parse_iri(report)[1] if report is not None else None}
    sentence = graph.value(st, FZ.sentence)
    props["sentence"] = str(sentence) if sentence is not None else None
    for prop, predicate in EDGE_INTEGERS.items():
        term = graph.value(st, predicate)
        props[prop] = int(str(term)) if term is not None else None
    bucket = rows.edges.setdefault((rel_type, source_label, target_label), {})
    bucket[(source, target, props["report_id"])] = props


# ---------------------------------------------------------------- SHACL and SPARQL


def load_shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check an export against graph/shapes.ttl; return (conforms, human-readable report)."""
    from pyshacl import validate as shacl_validate  # slow import; only pay it when validating

    conforms, _report_graph, text = shacl_validate(graph, shacl_graph=load_shapes(), inference="none")
    return bool(conforms), str(text)


SparqlEngine = TypingLiteral["auto", "rdflib", "oxigraph"]


def sparql(source_or_graph: GraphSource | Graph, query: str, base: str = DEFAULT_BASE,
           engine: SparqlEngine = "auto") -> tuple[list[str], list[list[Any]]]:
    """Run SPARQL over the export; our prefixes (fz:, eli:, schema:, …) are predeclared.

    SELECT gives (variable names, rows of Python values); ASK gives (["ask"], [[bool]]);
    CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    An rdflib Graph is queried as is. A store is exported first: into pyoxigraph when it
    is installed ("auto"; ~5x faster to load and ~15x faster on joins at 10k reports,
    half the memory), else into an rdflib Graph.
    """
    if isinstance(source_or_graph, Graph):
        return _sparql_rdflib(source_or_graph, query)
    if engine == "oxigraph" or (engine == "auto" and oxigraph_available()):
        return _oxigraph_rows(oxigraph_store(source_or_graph, base), query)
    return _sparql_rdflib(to_graph(source_or_graph, base), query)


def sparql_cached(source: VersionedSource, query: str, cache_dir: str | Path,
                  base: str = DEFAULT_BASE) -> tuple[list[str], list[list[Any]]]:
    """sparql() over an export kept on disk per version of the source, so only the first query
    after a change pays for it (4 min and 5.6 GB in memory at 10k reports, 16 M triples).

    Needs pyoxigraph; without it this is plain sparql().
    """
    if not oxigraph_available():
        return sparql(source, query, base)
    return _oxigraph_rows(cached_oxigraph_store(source, Path(cache_dir), base), query)


def oxigraph_available() -> bool:
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return True


def _sparql_rdflib(graph: Graph, query: str) -> tuple[list[str], list[list[Any]]]:
    result = graph.query(query, initNs=PREFIXES)
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    rows = cast(Iterable[Sequence[Node | None]], result)  # triples, or SELECT rows
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], [[_py(t) for t in triple] for triple in rows]
    names = [str(v) for v in result.vars or []]
    return names, [[_py(term) for term in row] for row in rows]


def oxigraph_store(source: GraphSource, base: str = DEFAULT_BASE, chunk: int = 50_000,
                   path: Path | None = None) -> Any:
    """Load the export into a pyoxigraph Store (in memory, or on disk at `path`), in N-Triples chunks."""
    import pyoxigraph as ox

    store = ox.Store(str(path)) if path else ox.Store()
    lines: list[str] = []
    for triple in iter_triples(source, base):
        lines.append(nt_line(triple))
        if len(lines) >= chunk:
            store.bulk_load(input="".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            lines.clear()
    if lines:
        store.bulk_load(input="".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def cached_oxigraph_store(source: VersionedSource, cache_dir: Path, base: str = DEFAULT_BASE) -> Any:
    """A read-only on-disk pyoxigraph store of the export for the source's current version.

    Built in a private folder and renamed into place when complete, so a concurrent
    query or a killed build never sees half an export; older versions are removed.
    """
    import pyoxigraph as ox

    key = hashlib.sha256(f"{source.version()}|{normalise_base(base)}".encode()).hexdigest()[:16]
    target = cache_dir / key
    if not (target / "COMPLETE").exists():
        _build_oxigraph_cache(source, base, cache_dir, target)
    return ox.Store.read_only(str(target))


def _build_oxigraph_cache(source: GraphSource, base: str, cache_dir: Path, target: Path) -> None:
    import shutil

    cache_dir.mkdir(parents=True, exist_ok=True)
    building = cache_dir / f".build-{os.getpid()}-{target.name}"
    shutil.rmtree(building, ignore_errors=True)
    store = oxigraph_store(source, base, path=building)
    store.flush()
    del store  # closes the database so the folder can move
    (building / "COMPLETE").touch()
    try:
        building.rename(target)
    except OSError:  # another process finished the same version first
        shutil.rmtree(building, ignore_errors=True)
    for old in cache_dir.iterdir():
        if old != target and not old.name.startswith(".build-"):
            shutil.rmtree(old, ignore_errors=True)


def _oxigraph_rows(store: Any, query: str) -> tuple[list[str], list[list[Any]]]:
    import pyoxigraph as ox

    prologue = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())
    result = store.query(prologue + query)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):
        return ["subject", "predicate", "object"], [
            [_ox_py(t.subject), _ox_py(t.predicate), _ox_py(t.object)] for t in result]
    names = [v.value for v in result.variables]
    return names, [[_ox_py(row[i]) for i in range(len(names))] for row in result]


def _ox_py(term: Any) -> Any:
    """pyoxigraph term -> the same Python value the rdflib path returns."""
    if term is None:
        return None
    if type(term).__name__ == "Literal":
        if term.language:
            return term.value
        return _py(Literal(term.value, datatype=URIRef(term.datatype.value)))
    return str(term.value)


def _py(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)


def triples_to_graph(triples: Iterable[Triple], base: str = DEFAULT_BASE) -> Graph:
    """Collect streamed triples into a Graph with our prefixes bound (tests, small jobs)."""
    graph = bind_prefixes(Graph(), base)
    for triple in triples:
        graph.add(triple)
    return graph
