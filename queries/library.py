"""The named query library: one .cypher file per question, with a header and dialect variants.

File layout:

    // name: agencies_implementing_measure
    // description: Which agencies implement a measure, in which year and region, and where it says so.
    // param measure: 双随机、一公开
    MATCH ...            <- used by every backend, unless dialect sections follow
    // dialect: ladybug
    MATCH ...            <- LadybugDB variant
    // dialect: neo4j
    MATCH ...            <- Neo4j variant

`// open: other_query` names a query that answers the same rows from the aggregates ingest keeps
(graph/derived.py) when every filter parameter (FILTERS) is open; `run` picks it, so callers keep
one name and the choice lives here, not in the app pages. `// needs: measure` in the other query
says it answers only when that parameter is given (not ''): adoption_all reads one measure's
edges, and LadybugDB runs a UNION's guarded every-measure branch in full whatever its guard.

`// total: other_query` names the query that counts the rows a paged list (`skip`, `limit`) pages through,
from the aggregates, with the same filter parameters; `run` clamps `skip` to it. LadybugDB 0.22 crashes the
process (a segfault, not an error) on an ORDER BY ... SKIP far past the last row, and a skip equal to the
total answers no rows, as any skip past the end should.

`// labels: a source_label, b target_label` names parameters that narrow a node of the pattern to one label:
LadybugDB looks a node written `(a:Agency:Law:Measure:Region {name: $source})` up by scanning all four tables,
and `(a:Agency {name: $source})` by its key. A caller that knows the label (问答 linked the name to it) passes
`source_label`; `plan` then rewrites `(a:Agency:Law:…` (or Neo4j's `(a:Agency|Law|…`) to `(a:Agency` in every variant that lists labels for
`a`, and refuses a label not listed there. A label parameter left out narrows nothing (its example, which
`fazhi queries` lists and the bench passes, is not a default), so callers that pass only the names get the
same rows as before.

`// sort: col1 DESC, col2` orders the rows after the query ran: LadybugDB applies an ORDER BY
after UNION ALL to the last part only, and a UNION of anchored parts is how some point
queries avoid scanning every edge.

Evidence is cut from the report's text as `right(left(r.text, e.end_offset), e.end_offset -
e.start_offset)` in every file (one expression both dialects run alike); the LadybugDB text is
given `substring(r.text, e.start_offset + 1, e.end_offset - e.start_offset)` instead (EVIDENCE_RE):
the same code points for offsets inside the text, without copying the text's prefix first
(150 ms instead of 360 ms for 1,000 rows at 50,000 reports).

Parameters are always passed to the driver, never formatted into the text. The
example value of a parameter fixes its type (an int example makes `--param k=v`
an int) and is what `fazhi queries` lists and the differential test runs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fazhi.graph.store import QueryRefused

QUERY_DIR = Path(__file__).resolve().parent
# The sidebar filters; 0 and '' mean "all" (app_pages/filters.py passes them to every filtered_* query).
FILTERS: dict[str, Any] = {"year_from": 0, "year_to": 0, "region": "", "level": "", "doc_type": ""}
EVIDENCE_RE = re.compile(r"right\(left\((\w+)\.text, (\w+)\.end_offset\), \2\.end_offset - \2\.start_offset\)")
LADYBUG_EVIDENCE = r"substring(\1.text, \2.start_offset + 1, \2.end_offset - \2.start_offset)"
_HEADER_RE = re.compile(r"^//\s*(name|description|param\s+\w+|dialect|sort|open|needs|total|labels)\s*:\s*(.*)$")


class ParameterRefused(QueryRefused, ValueError):
    """A parameter value the query does not take (a label it does not list): refused before anything runs, as
    the store refuses a write in read-only mode; a ValueError too, as other bad parameter values are."""


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    description: str
    params: dict[str, Any]  # name -> example value
    variants: dict[str, str]  # dialect ("*" for all) -> cypher
    sort: tuple[str, ...] = ()  # "column" or "column DESC": order of the rows after the query (module doc)
    open: str = ""  # the query answering from the aggregates when every filter is open (module doc)
    needs: tuple[str, ...] = ()  # parameters that must be given (not '') for this query to answer as `open`
    total: str = ""  # the query counting the rows this paged list pages through (module doc)
    labels: dict[str, str] = field(default_factory=dict)  # label parameter -> the node it narrows (module doc)

    def cypher_for(self, dialect: str) -> str:
        text = self.variants.get(dialect) or self.variants["*"]
        return EVIDENCE_RE.sub(LADYBUG_EVIDENCE, text) if dialect == "ladybug" else text

    def node_labels(self, node: str) -> set[str]:
        """The labels the variants list for a node: `(a:Agency:Law {…` (LadybugDB: any of them) or
        `(a:Agency|Law {…` (Neo4j) → {Agency, Law}."""
        return {label for text in self.variants.values() for found in _node_pattern(node).findall(text)
                for label in re.split(r"[:|]", found)}

    def narrowed(self, given: dict[str, Any]) -> LibraryQuery:
        """This query with each node whose label parameter is given written with that one label."""
        variants = dict(self.variants)
        for param, node in self.labels.items():
            label = given.get(param) or ""
            if not label:
                continue
            if label not in self.node_labels(node):
                raise ParameterRefused(f"{self.name}: {param} must be one of {sorted(self.node_labels(node))}, "
                                 f"got {label!r}")
            variants = {dialect: _node_pattern(node).sub(f"({node}:{label}", text)
                        for dialect, text in variants.items()}
        return replace(self, variants=variants, labels={})

    def coerce(self, raw: dict[str, str]) -> dict[str, Any]:
        """Typed parameters from `k=v` strings, by the example's type; unknown names are refused."""
        unknown = set(raw) - set(self.params)
        if unknown:
            raise ValueError(f"{self.name}: unknown parameter(s) {sorted(unknown)}; "
                             f"expected {sorted(self.params)}")
        out = dict(self.params)
        for key, value in raw.items():
            example = self.params[key]
            if isinstance(example, bool):
                out[key] = value.lower() in ("1", "true", "yes")
            elif isinstance(example, int):
                try:
                    out[key] = int(value)
                except ValueError:
                    raise ValueError(f"{self.name}: parameter {key} must be an integer, got {value!r}") from None
            elif isinstance(example, list):  # k=a,b on the command line
                out[key] = [item for item in value.split(",") if item]
            else:
                out[key] = value
        return out

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "params": self.params}


def _node_pattern(node: str) -> re.Pattern[str]:
    """A node of a pattern with its labels, `(a:Agency:Law` or `(a:Agency|Law`; group 1 is the labels."""
    return re.compile(rf"\({node}:(\w+(?:[:|]\w+)*)")


def parse_query_file(path: Path) -> LibraryQuery:
    name = path.stem
    description = ""
    params: dict[str, Any] = {}
    sort: tuple[str, ...] = ()
    shortcut = ""
    needs: tuple[str, ...] = ()
    total = ""
    labels: dict[str, str] = {}
    variants: dict[str, list[str]] = {"*": []}
    current = "*"
    for line in path.read_text(encoding="utf-8").splitlines():
        header = _HEADER_RE.match(line.strip())
        if not header:
            variants[current].append(line)
            continue
        key, value = header.group(1), header.group(2).strip()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        elif key == "sort":
            sort = tuple(column.strip() for column in value.split(","))
        elif key == "open":
            shortcut = value
        elif key == "needs":
            needs = tuple(param.strip() for param in value.split(","))
        elif key == "total":
            total = value
        elif key == "labels":
            labels = {param: node for node, param in (item.split() for item in value.split(","))}
        elif key == "dialect":
            current = value
            variants[current] = []
        else:
            params[key.split()[1]] = _example(value)
    texts = {k: "\n".join(v).strip() for k, v in variants.items() if "\n".join(v).strip()}
    if not texts:
        raise ValueError(f"{path}: no Cypher in the file")
    if "*" not in texts and not {"ladybug", "neo4j"} <= set(texts):
        raise ValueError(f"{path}: needs a shared body or both ladybug and neo4j variants")
    query = LibraryQuery(name, description, params, texts, sort, shortcut, needs, total, labels)
    for param, node in labels.items():
        if param not in params or not query.node_labels(node):
            raise ValueError(f"{path}: label parameter {param} needs a `// param` and labels listed on ({node}")
    return query


def _example(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


@lru_cache(maxsize=1)
def load_library() -> dict[str, LibraryQuery]:
    queries = [parse_query_file(p) for p in sorted(QUERY_DIR.glob("*.cypher"))]
    return {q.name: q for q in queries}


def get(name: str) -> LibraryQuery:
    library = load_library()
    if name not in library:
        raise KeyError(f"no library query named {name!r}; `fazhi queries` lists them")
    return library[name]


def plan(name: str, params: dict[str, Any] | None = None, precomputed: bool = True) -> tuple[LibraryQuery, dict[str, Any]]:
    """The query that answers `name` with these parameters, and its parameter values.

    With every filter open a query with an `open` header is answered by that query (the counts
    ingest keeps: milliseconds instead of a scan of every edge); `precomputed=False` keeps the
    scanning query, which the tests compare with it.
    """
    query = get(name)
    values = {**query.params, **(params or {})}
    if query.labels:
        values = {k: v for k, v in values.items() if k not in query.labels}
        query = query.narrowed(params or {})
    if precomputed and query.open and all(values.get(k, v) == v for k, v in FILTERS.items()):
        shortcut = get(query.open)
        if all(values.get(param) not in ("", None) for param in shortcut.needs):
            return shortcut, {k: v for k, v in values.items() if k in shortcut.params}
    return query, values


def run(store, name: str, params: dict[str, Any] | None = None, precomputed: bool = True, **options):
    """Run a library query on a store with the store's own dialect variant (see `plan`)."""
    query, values = plan(name, params, precomputed)
    if query.total and isinstance(values.get("skip"), int) and values["skip"] > 0:  # other types: the store refuses them
        values = {**values, "skip": min(values["skip"], _total(store, query, values))}
    result = store.query(query.cypher_for(store.dialect), values, **options)
    _sort(result, query.sort)
    return result


def _total(store, query: LibraryQuery, values: dict[str, Any]) -> int:
    """How many rows the paged list `query` pages through: its `total` query with the same filters."""
    counter = get(query.total)
    shared = {k: v for k, v in values.items() if k in counter.params}
    return int(store.query(counter.cypher_for(store.dialect), {**counter.params, **shared}).rows[0][0])


def every_row(store, name: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
    """Every row of a keyset-paged query (`after`, `limit`; ordered by its first column): page after page,
    each starting after the last row's first value, so no single query returns a list that grows with
    the corpus and no page skips over the ones before."""
    rows: list[list[Any]] = []
    values = {**get(name).params, **(params or {}), "after": ""}
    while True:
        page = run(store, name, values, row_cap=values["limit"]).rows
        rows += page
        if len(page) < values["limit"]:
            return rows
        values["after"] = page[-1][0]


def _sort(result, keys: tuple[str, ...]) -> None:
    """Stable sorts from the last key to the first; nulls last ascending, first descending (as Cypher)."""
    for key in reversed(keys):
        column, _, direction = key.partition(" ")
        i = result.columns.index(column)
        result.rows.sort(key=lambda row, i=i: (row[i] is None, row[i]) if row[i] is not None else (True, 0),
                         reverse=direction.strip().upper() == "DESC")
