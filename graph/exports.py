"""File exports of a graph: RDF (see graph/rdf.py), GraphML, and neo4j-admin CSV.

All writers pull nodes and edges through the store's streaming `iter_nodes` /
`iter_edges` and write each row as it arrives, so exporting a large store does not
hold it in memory (except ttl/jsonld, which rdflib has to build as a Graph).
`export(source, fmt, path)` is the one entry point the CLI needs.
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable
from xml.sax.saxutils import escape, quoteattr

from fazhi.graph import report_facts
from fazhi.graph.derived import DERIVED_NODES
from fazhi.graph.linked_terms import DatasetInfo
from fazhi.graph.rdf import DEFAULT_BASE, GraphSource, write_rdf
from fazhi.graph.store import (
    EDGE_PROPERTIES,
    META_LABEL,
    NODE_KEY,
    NODE_PROPERTIES,
    STORED_EDGE_PROPERTIES,
    stored_edge,
)
from fazhi.model import NODE_LABELS, RELATION_ENDPOINTS

FORMATS = ("ttl", "jsonld", "nt", "graphml", "csv")

_GRAPHML_TYPES = {"STRING": "string", "INT64": "long"}
_NEO4J_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean",
                "STRING[]": "string[]", "INT64[]": "long[]"}
# Between a list's items in a CSV cell (neo4j-admin's --array-delimiter): the unit separator, which no
# name holds, where the default ';' may appear in a document's title.
ARRAY_DELIMITER = "\x1f"


def export(source: GraphSource, fmt: str, path: str | Path, base: str = DEFAULT_BASE, *,
           include_text: bool | None = None, info: DatasetInfo | None = None) -> int:
    """Write `source` as `fmt` to `path` (a directory for csv); return items written.

    Report full text is left out of RDF and GraphML by default (it dwarfs the rest and
    most viewers choke on it) but kept in CSV, whose job is a complete Neo4j reload.
    `info` is the RDF dataset description's licence and creator.
    """
    if fmt in ("ttl", "jsonld", "nt"):
        return write_rdf(source, path, fmt, base, include_text=bool(include_text), info=info)  # type: ignore[arg-type]
    if fmt == "graphml":
        return write_graphml(source, path, include_text=bool(include_text))
    if fmt == "csv":
        return write_csv(source, path, include_text=True if include_text is None else include_text)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


# ---------------------------------------------------------------- GraphML


def _node_attributes() -> dict[str, str]:
    """Union of node properties over labels; same name always has the same type here."""
    attrs: dict[str, str] = {"label": "string"}
    for props in NODE_PROPERTIES.values():
        for name, kind in props.items():
            attrs.setdefault(name, _GRAPHML_TYPES[kind])
    return attrs


def graphml_node_id(label: str, key: str) -> str:
    """Names are unique per label only (an agency and a region may share one)."""
    return f"{label}:{key}"


def write_graphml(source: GraphSource, path: str | Path, *, include_text: bool = False) -> int:
    """Stream GraphML by hand; return nodes + edges written. Readable by networkx, Gephi, yEd."""
    node_attrs = _node_attributes()
    if not include_text:
        node_attrs.pop("text")
    edge_attrs = {"type": "string", **{k: _GRAPHML_TYPES[v] for k, v in EDGE_PROPERTIES.items()}}
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        _graphml_header(out, node_attrs, edge_attrs)
        for label in NODE_LABELS:
            for node in source.iter_nodes(label):
                values = {"label": label, **{k: v for k, v in node.items() if k in node_attrs}}
                _graphml_element(out, "node", {"id": graphml_node_id(label, node[NODE_KEY[label]])},
                                 "n", values)
                count += 1
        for rel_type in RELATION_ENDPOINTS:
            for edge in source.iter_edges(rel_type):
                count += 1
                ends = {"id": f"e{count}",
                        "source": graphml_node_id(edge["source_label"], edge["source"]),
                        "target": graphml_node_id(edge["target_label"], edge["target"])}
                values = {"type": rel_type, **{k: edge.get(k) for k in EDGE_PROPERTIES}}
                _graphml_element(out, "edge", ends, "e", values)
        out.write("  </graph>\n</graphml>\n")
    return count


def _graphml_header(out: IO[str], node_attrs: dict[str, str], edge_attrs: dict[str, str]) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for prefix, scope, attrs in (("n", "node", node_attrs), ("e", "edge", edge_attrs)):
        for name, kind in attrs.items():
            out.write(f'  <key id="{prefix}_{name}" for="{scope}" attr.name="{name}" '
                      f'attr.type="{kind}"/>\n')
    out.write('  <graph id="fazhi" edgedefault="directed">\n')


def _graphml_element(out: IO[str], tag: str, attrs: dict[str, str], prefix: str,
                     values: dict[str, Any]) -> None:
    head = " ".join(f"{k}={quoteattr(_xml_safe(v))}" for k, v in attrs.items())
    out.write(f"    <{tag} {head}>")
    for name, value in values.items():
        if value is not None:
            out.write(f'<data key="{prefix}_{name}">{escape(_xml_safe(str(value)))}</data>')
    out.write(f"</{tag}>\n")


def _xml_safe(text: str) -> str:
    """Drop control characters XML 1.0 forbids (stray ones survive PDF extraction)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


# ---------------------------------------------------------------- neo4j-admin CSV


def node_csv_name(label: str) -> str:
    return f"nodes_{label}.csv"


def rel_csv_name(rel_type: str, source_label: str, target_label: str) -> str:
    """One file per endpoint pair: an ID space is fixed per column header, hence per file."""
    return f"rels_{rel_type}_{source_label}_{target_label}.csv"


def node_csv_header(label: str, include_text: bool = True) -> list[str]:
    """`name:ID(Agency)`, typed properties, `:LABEL`; the key column is also stored as a property."""
    key = NODE_KEY[label]
    header = [f"{key}:ID({label})"]
    for name, kind in NODE_PROPERTIES[label].items():
        if name == key or (name == "text" and not include_text):
            continue
        header.append(name if kind == "STRING" else f"{name}:{_NEO4J_TYPES[kind]}")
    return [*header, ":LABEL"]


def rel_csv_header(source_label: str, target_label: str) -> list[str]:
    """The stored edge columns: a Neo4j loaded from these files has the store's thin edges, whose
    evidence is cut from the report texts (graph/store.py), hence the texts are always written."""
    props = [name if kind == "STRING" else f"{name}:{_NEO4J_TYPES[kind]}"
             for name, kind in STORED_EDGE_PROPERTIES.items()]
    return [f":START_ID({source_label})", f":END_ID({target_label})", *props, ":TYPE"]


def _header_names(header: list[str]) -> list[str]:
    return [h.split(":", 1)[0] for h in header]


def write_csv(source: GraphSource, directory: str | Path, *, include_text: bool = True,
              database: str = "neo4j") -> int:
    """Write neo4j-admin import CSVs + import.sh into `directory`; return rows written.

    Empty cells mean "no property" to neo4j-admin. Report texts contain line breaks,
    hence --multiline-fields=true in the generated command. The texts are required: a
    database loaded from these files reads every fact's evidence sentence from them.
    """
    if not include_text:
        raise ValueError("csv is the Neo4j store's own layout, whose evidence sentences are cut from the "
                         "report texts: it is always written with them (leave out --no-text)")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if isinstance(source, NativeCsvSource):
        files, count = _copy_csv(source, directory, include_text)
    else:
        files, count = _stream_csv(source, directory, include_text)
    files += _derived_csv(source, directory)
    (directory / "import.sh").write_text(import_command(files, database), encoding="utf-8")
    return count


@runtime_checkable
class NativeCsvSource(Protocol):
    """A source that writes a query's rows to CSV itself (the embedded store: COPY ... TO)."""

    def copy_to_csv(self, cypher: str, path: Path) -> None: ...

    def counts(self) -> dict[str, int]: ...


def _copy_csv(source: NativeCsvSource, directory: Path, include_text: bool) -> tuple[list[tuple[str, str]], int]:
    """One COPY per file, each under the header _stream_csv writes: no Python per row."""
    files = []
    for label in NODE_LABELS:
        header = node_csv_header(label, include_text)
        names = _header_names(header)
        columns = ", ".join(f"'{label}'" if name == "" else f"n.{name}" for name in names)
        files.append(("nodes", _copied(source, directory / node_csv_name(label), header,
                                       f"MATCH (n:{label}) RETURN {columns}")))
    for rel_type, pairs in RELATION_ENDPOINTS.items():
        for source_label, target_label in pairs:
            header = rel_csv_header(source_label, target_label)
            name = rel_csv_name(rel_type, source_label, target_label)
            files.append(("relationships", _copied(source, directory / name, header,
                                                   edge_rows_cypher(rel_type, source_label, target_label))))
    counts = source.counts()
    return files, sum(counts[name] for name in (*NODE_LABELS, *RELATION_ENDPOINTS))


def edge_rows_cypher(rel_type: str, source_label: str, target_label: str) -> str:
    """An edge table as CSV rows: source key, target key, the stored properties, the type."""
    props = ", ".join(f"e.{name}" for name in STORED_EDGE_PROPERTIES)
    return (f"MATCH (s:{source_label})-[e:{rel_type}]->(t:{target_label}) RETURN s.{NODE_KEY[source_label]}, "
            f"t.{NODE_KEY[target_label]}, {props}, '{rel_type}'")


def _copied(source: NativeCsvSource, path: Path, header: list[str], cypher: str) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(header)
    source.copy_to_csv(cypher, path)
    return path.name


def _stream_csv(source: GraphSource, directory: Path, include_text: bool) -> tuple[list[tuple[str, str]], int]:
    """Rows pulled through iter_nodes/iter_edges and written by Python (any source)."""
    count, files = 0, []
    for label in NODE_LABELS:
        header = node_csv_header(label, include_text)
        files.append(("nodes", node_csv_name(label)))
        count += _write_rows(directory / node_csv_name(label), header,
                             _node_rows(source.iter_nodes(label), header, label))
    for rel_type, pairs in RELATION_ENDPOINTS.items():
        written = _write_edges(source, directory, rel_type, pairs)
        files.extend(("relationships", name) for name in written)
        count += sum(written.values())
    return files, count


def _node_rows(nodes: Iterator[dict[str, Any]], header: list[str], label: str) -> Iterator[list[Any]]:
    names = _header_names(header)
    for node in nodes:
        yield [label if name == "" else node.get(name) for name in names]


def _write_rows(path: Path, header: list[str], rows: Iterator[list[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_edges(source: GraphSource, directory: Path, rel_type: str,
                 pairs: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Route one type's edges to one file per endpoint pair, all open while streaming."""
    handles, writers, counts = [], {}, {}
    try:
        for source_label, target_label in pairs:
            name = rel_csv_name(rel_type, source_label, target_label)
            handle = (directory / name).open("w", encoding="utf-8", newline="")
            handles.append(handle)
            writers[(source_label, target_label)] = (name, csv.writer(handle))
            writers[(source_label, target_label)][1].writerow(rel_csv_header(source_label, target_label))
            counts[name] = 0
        for edge in source.iter_edges(rel_type):
            name, writer = writers[(edge["source_label"], edge["target_label"])]
            writer.writerow([edge["source"], edge["target"], *stored_edge(edge).values(), rel_type])
            counts[name] += 1
    finally:
        for handle in handles:
            handle.close()
    return counts


# ---------------------------------------------------------------- the aggregates (graph/derived.py)


@runtime_checkable
class QuerySource(Protocol):
    """A store that answers Cypher (both stores): what reading its aggregate tables needs."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, **options: Any) -> Any: ...


DERIVED_PAGE = 5000  # aggregate rows read per query where Python writes the cells


def derived_csv_header(label: str) -> list[str]:
    """An aggregate table's typed columns and `:LABEL`. No ID column: nothing links to these rows, and the
    Neo4j store makes the constraint on their key when a server first opens the imported graph."""
    _, props = DERIVED_NODES[label]
    return [*(name if kind == "STRING" else f"{name}:{_NEO4J_TYPES[kind]}" for name, kind in props.items()),
            ":LABEL"]


def _derived_csv(source: GraphSource, directory: Path) -> list[tuple[str, str]]:
    """The aggregate tables as node files, so a graph loaded from them opens consistent instead of recounting
    them (at 50,000 reports the recount ran out of the server's transaction memory, docs/BENCHMARKS.md run 12).

    Tables of strings, integers and booleans go by the engine's COPY (4.6 M co-citation pairs at 50k); lists and
    doubles by Python, since COPY writes lists in brackets and doubles to six places. A source without Cypher
    (rows in memory) has no aggregates: a Neo4j loaded from it recounts them when it first opens."""
    if not isinstance(source, QuerySource):
        return []
    files = []
    for label, (_, props) in DERIVED_NODES.items():
        header = derived_csv_header(label)
        path = directory / node_csv_name(label)
        if isinstance(source, NativeCsvSource) and set(props.values()) <= {"STRING", "INT64", "BOOLEAN"}:
            _copied(source, path, header, _derived_copy_cypher(label))
        else:
            _write_cells(path, header, _derived_rows(source, label))
        files.append(("nodes", path.name))
    mark = directory / node_csv_name(META_LABEL)  # the importer drops empty lists: the server restores them
    _write_cells(mark, ["key", ":LABEL"], iter([[report_facts.UNSET_LISTS, META_LABEL]]))
    return [*files, ("nodes", mark.name)]


def _derived_copy_cypher(label: str) -> str:
    """The table's rows as COPY writes them; booleans spelled as neo4j-admin reads them."""
    _, props = DERIVED_NODES[label]
    columns = [f"CASE WHEN n.{p} THEN 'true' ELSE 'false' END" if kind == "BOOLEAN" else f"n.{p}"
               for p, kind in props.items()]
    return f"MATCH (n:{label}) RETURN {', '.join(columns)}, '{label}'"


def _derived_rows(source: QuerySource, label: str) -> Iterator[list[Any]]:
    """Every row of an aggregate table, DERIVED_PAGE at a time in key order, then its label."""
    key, props = DERIVED_NODES[label]
    returns = f"RETURN {', '.join(f'n.{p}' for p in props)} ORDER BY n.{key} LIMIT {DERIVED_PAGE}"
    last = list(props).index(key)
    page = source.query(f"MATCH (n:{label}) {returns}", {}, row_cap=DERIVED_PAGE).rows
    while page:
        yield from ([*row, label] for row in page)
        if len(page) < DERIVED_PAGE:
            return
        page = source.query(f"MATCH (n:{label}) WHERE n.{key} > $after {returns}", {"after": page[-1][last]},
                            row_cap=DERIVED_PAGE).rows


def _write_cells(path: Path, header: list[str], rows: Iterator[list[Any]]) -> None:
    """Rows with every value quoted, so an empty list is "" (an empty array to neo4j-admin) while a missing
    value stays an empty cell (no property), as a direct write leaves them."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(header)
        for row in rows:
            handle.write(",".join(_cell(value) for value in row) + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = _array_text(value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = repr(value) if isinstance(value, float) else str(value)  # repr: the double to its last bit
    return '"' + text.replace('"', '""') + '"'


def _array_text(items: list[Any]) -> str:
    """A list's items joined by ARRAY_DELIMITER; an item holding the delimiter would come back as two items, so
    it is refused (the loaders strip control characters, so only a hand-made value can hold one)."""
    texts = [str(item) for item in items]
    for text in texts:
        if ARRAY_DELIMITER in text:
            raise ValueError(f"cannot export {text!r} to CSV: it holds U+001F, the array delimiter")
    return ARRAY_DELIMITER.join(texts)


def import_arguments(files: list[tuple[str, str]], database: str = "neo4j") -> list[str]:
    """Arguments after `neo4j-admin` that bulk-load the written files into `database`.

    The database name goes right after `full`: the file options take several values,
    so a trailing name would be read as one more file.
    """
    return ["database", "import", "full", database, "--overwrite-destination=true",
            "--multiline-fields=true", f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
            *(f"--{kind}={name}" for kind, name in files)]


def csv_files(directory: Path) -> list[tuple[str, str]]:
    """The (kind, file name) pairs of a CSV export folder, nodes first."""
    return [("nodes", p.name) for p in sorted(directory.glob("nodes_*.csv"))] + [
        ("relationships", p.name) for p in sorted(directory.glob("rels_*.csv"))]


def import_command(files: list[tuple[str, str]], database: str = "neo4j") -> str:
    """The neo4j-admin (Neo4j 5) command line for the written files, as a runnable script."""
    first, *rest = import_arguments(files, database)[3:]
    lines = [
        "#!/bin/sh",
        "# Bulk-load into an EMPTY, STOPPED Neo4j database (neo4j-admin overwrites it).",
        "# Run from this directory. Afterwards start Neo4j and let fazhi create its constraints",
        "# and indexes (the Neo4j store's schema setup) before writing more data.",
        "# Without a Neo4j installation: `fazhi neo4j import .` does the same with the project's jars.",
        'cd "$(dirname "$0")"',
        f"neo4j-admin database import full {shlex.quote(first)} \\",
        *(f"  {shlex.quote(arg)} \\" for arg in rest[:-1]),
        f"  {shlex.quote(rest[-1])}",
        "",
    ]
    return "\n".join(lines)
