"""The `fazhi` command: ingest, extract, query, and everything around the graph."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from fazhi.graph.open import backend_choice, db_path, open_store
from fazhi.graph.store import GraphStore, QueryRefused, QueryResult

app = typer.Typer(help="fazhi-graph: 法治政府建设 reports → an evidence-carrying knowledge graph.",
                  no_args_is_help=True, add_completion=False)
neo4j_app = typer.Typer(help="A local Neo4j for users without Docker (from Maven artifacts).",
                        no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

DbOption = Annotated[Path | None, typer.Option("--db", help="LadybugDB file (env FAZHI_DB).")]
BackendOption = Annotated[str | None, typer.Option("--backend", help="embedded or neo4j.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
STORE_NAMES = {"ladybug": "embedded LadybugDB", "neo4j": "Neo4j"}
ParamOption = Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v, repeatable.")]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.secho(message, fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _store(backend: str | None, db: Path | None, *, read_only: bool = False, why: str | None = None,
           upgrade: bool = False, buffer_pool_mb: int | None = None) -> GraphStore:
    """Open the store and say on stderr which one it is and why, so stdout stays the command's data.

    `why` replaces the setting as the reason when the command itself fixes the backend (push).
    """
    try:
        name, reason = backend_choice(backend)
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    reason = why or reason
    try:
        store = open_store(name, db=db, read_only=read_only, upgrade=upgrade, buffer_pool_mb=buffer_pool_mb)
    except Exception as exc:  # noqa: BLE001 - every backend failure becomes one clear line
        raise _fail(f"cannot open the {name} store ({reason}): {exc}") from None
    typer.echo(f"store: {STORE_NAMES.get(store.dialect, store.dialect)} {store.location} ({reason})",
               err=True)
    return store


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    db: DbOption = None,
    backend: BackendOption = None,
    workers: Annotated[int, typer.Option(help="Extraction processes (0 = the cores, at most 4).")] = 0,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any file failed.")] = False,
    bulk: Annotated[bool, typer.Option(help="Embedded store only: COPY new edges (several times faster, "
                                            "not crash-safe; for a first load of a fresh store).")] = False,
    sources: Annotated[Path | None, typer.Option(help="TSV of file name → web address (a SOURCES.tsv): "
                                                      "the address becomes the report's dcterms:source.")] = None,
    buffer_pool_mb: Annotated[int | None, typer.Option(
        help="Embedded store's memory in MB (env FAZHI_BUFFER_POOL_MB; default 2048).")] = None,
) -> None:
    """Extract reports and merge them into the store; one line per failed file."""
    from fazhi.ingest import ingest as run_ingest
    from fazhi.ingest import load_sources
    from fazhi.loaders import iter_files

    try:
        addresses = load_sources(sources) if sources else None
    except (OSError, ValueError) as exc:
        raise _fail(f"cannot read the sources file: {exc}", 2) from None
    store = _store(backend, db, buffer_pool_mb=buffer_pool_mb)
    try:
        if bulk and store.counts().get("Report", 0):
            raise _fail("--bulk loads only a fresh embedded store: a crash mid-load could lose edges "
                        "of reports already stored")
        total = sum(1 for _ in iter_files(paths))
        with typer.progressbar(length=total, label="ingesting", file=sys.stderr) as bar:
            summary = run_ingest(paths, store, workers=workers or None, bulk=bulk, sources=addresses,
                                 progress=lambda _: bar.update(1))
        counts = store.counts()
    finally:
        store.close()
    typer.echo(f"reports ingested: {len(summary.ingested)}   failed: {len(summary.failed)}")
    typer.echo("nodes: " + ", ".join(f"{k} {v}" for k, v in counts.items() if not k.isupper()))
    typer.echo("edges: " + ", ".join(f"{k} {v}" for k, v in counts.items() if k.isupper()))
    for path, reason in summary.failed:
        typer.secho(f"FAILED {path}: {reason}", fg=typer.colors.YELLOW, err=True)
    if not summary.ok or (strict and summary.failed):
        raise typer.Exit(1)


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders.")]) -> None:
    """Print one JSON object per document (the extraction contract) on stdout."""
    from fazhi.ingest import extract_file
    from fazhi.loaders import iter_files

    failed = 0
    for path in iter_files(paths):
        result = extract_file(str(path))
        if isinstance(result, tuple):
            failed += 1
            typer.secho(f"FAILED {result[0]}: {result[1]}", fg=typer.colors.YELLOW, err=True)
            continue
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
    if failed and failed == len(list(iter_files(paths))):
        raise typer.Exit(1)


def _parse_params(params: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in params or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise _fail(f"--param expects k=v, got {item!r}", 2)
        out[key] = value
    return out


def _print_result(result: QueryResult, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(result.records(), ensure_ascii=False, default=str))
        if result.truncated:
            typer.echo(f"truncated at {len(result.rows)} rows (raise --limit)", err=True)
        return
    widths = [max([len(c)] + [len(_cell(r[i])) for r in result.rows]) for i, c in enumerate(result.columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)))
    for row in result.rows:
        typer.echo("  ".join(_cell(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    typer.echo(f"({len(result.rows)} rows{', truncated' if result.truncated else ''})", err=True)


def _cell(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "..."


@app.command()
def query(
    cypher: Annotated[str | None, typer.Argument(help="Cypher text (or use --name).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="A library query (see `fazhi queries`).")] = None,
    param: ParamOption = None,
    db: DbOption = None,
    backend: BackendOption = None,
    as_json: JsonOption = False,
    write: Annotated[bool, typer.Option("--write", help="Allow writing Cypher.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds before the query is stopped.")] = 30.0,
    limit: Annotated[int, typer.Option(help="Row cap.")] = 10_000,
) -> None:
    """Run Cypher (read-only unless --write) or a named library query."""
    from fazhi.queries import library

    if (cypher is None) == (name is None):
        raise _fail("give either CYPHER or --name NAME", 2)
    raw = _parse_params(param)
    store = _store(backend, db, read_only=not write)
    try:
        if name:  # as the app runs it: aggregates when filters are open, labels narrowed, paging clamped
            result = library.run(store, name, library.get(name).coerce(raw), write=write, timeout_s=timeout,
                                 row_cap=limit)
        else:
            result = store.query(cypher or "", _typed(raw), write=write, timeout_s=timeout, row_cap=limit)
    except (QueryRefused, KeyError, ValueError) as exc:
        raise _fail(f"refused: {exc}", 2) from None
    finally:
        store.close()
    _print_result(result, as_json)


def _typed(raw: dict[str, str]) -> dict[str, object]:
    """Ad-hoc query parameters: integers stay integers, everything else is a string."""
    return {k: int(v) if v.lstrip("-").isdigit() else v for k, v in raw.items()}


@app.command("queries")
def list_queries(as_json: JsonOption = False) -> None:
    """List the named query library."""
    from fazhi.queries import library

    described = [q.describe() for q in library.load_library().values()]
    if as_json:
        typer.echo(json.dumps(described, ensure_ascii=False))
        return
    for q in described:
        params = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in q["params"].items())
        typer.echo(f"{q['name']}: {q['description']}\n    params: {params or '-'}")


@app.command()
def stats(db: DbOption = None, backend: BackendOption = None, as_json: JsonOption = False) -> None:
    """Node and edge counts."""
    store = _store(backend, db, read_only=True)
    try:
        counts = store.counts()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(counts, ensure_ascii=False))
    else:
        for key, value in counts.items():
            typer.echo(f"{key:16} {value}")


@app.command()
def remove(report_id: str, db: DbOption = None, backend: BackendOption = None) -> None:
    """Remove one report's facts; entities no other report supports go too."""
    store = _store(backend, db)
    try:
        removed = store.remove_report(report_id)
    finally:
        store.close()
    typer.echo(f"removed {removed} facts of report {report_id}")


@app.command()
def reindex(db: DbOption = None, backend: BackendOption = None) -> None:
    """Re-extract every stored report with the current dictionaries and data/aliases.tsv.

    A store made by an older layout (evidence sentences on the edges) is upgraded first.
    """
    from fazhi.reindex import reindex as run_reindex

    store = _store(backend, db, upgrade=True)
    try:
        count = run_reindex(store)
    finally:
        store.close()
    typer.echo(f"reindexed {count} reports")


@app.command()
def derive(db: DbOption = None, backend: BackendOption = None) -> None:
    """Recompute the precomputed aggregates (co-citation, per-measure and per-document counts).

    Ingest, remove, reindex and push keep them current; run this once on a store made
    before they existed, or to repair one.
    """
    store = _store(backend, db)
    try:
        built = store.rebuild_derived()
    finally:
        store.close()
    typer.echo(", ".join(f"{count} {what}" for what, count in built.items()))


@app.command(name="search")
def search_text(
    text: Annotated[str, typer.Argument(help="Words to look for (segmented with jieba).")] = "",
    limit: Annotated[int, typer.Option(help="Sentences to show.")] = 20,
    workers: Annotated[int, typer.Option(help="Processes segmenting new reports (0 = all cores).")] = 0,
    db: DbOption = None, backend: BackendOption = None, as_json: JsonOption = False,
) -> None:
    """Full-text search over every sentence of every report (BM25), with report and offsets.

    The index lives beside the store (<db>.search.sqlite) and catches up with it first:
    a report is segmented once, so only the first search after a big ingest takes long.
    Without TEXT it only brings the index up to date.
    """
    from fazhi.graph.search import SentenceIndex, index_path

    store = _store(backend, db, read_only=True)
    try:
        index = SentenceIndex(index_path(store))
        with typer.progressbar(length=1, label="indexing", file=sys.stderr) as bar:
            def show(done: int, of: int) -> None:
                bar.length = of
                bar.update(done - bar.pos)

            changed = index.sync(store, progress=show, workers=workers or os.cpu_count() or 1)
        hits = index.search(text, limit=limit) if text else []
    finally:
        store.close()
    if not text:
        typer.echo(f"search index up to date ({changed} reports added or dropped): {index.path}")
        return
    rows = [{"score": round(score, 4), "report_id": rid, "title": title, "start": start, "end": end,
             "sentence": sentence} for score, (rid, title, start, end, sentence) in hits]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(f"{row['score']:>8}  {row['report_id']} {row['start']}-{row['end']}  {row['sentence']}")


@app.command()
def bench(
    quick: Annotated[bool, typer.Option(help="A small run that finishes in under a minute.")] = False,
    reports: Annotated[int | None, typer.Option(help="Generated reports to ingest.")] = None,
    workers: Annotated[int, typer.Option(help="Extraction processes (0 = all cores).")] = 0,
    neo4j_uri: Annotated[str | None, typer.Option(help="Also load and query this Neo4j (default: "
                                                      "$NEO4J_URI when set).")] = None,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Also time Neo4j: export csv + neo4j-admin import, and "
                                        "the incremental ingest (into --neo4j-uri, or a server of its own).")] = False,
    app: Annotated[bool, typer.Option("--app", help="Also time every page's first render in headless "
                                      "Chromium on the bench store.")] = False,
    work_dir: Annotated[Path | None, typer.Option(help="Keep corpus, store and bench.json (written after "
                                                  "every phase) here; an existing corpus is reused.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Measure extraction, ingest and query speed on a generated corpus (see docs/BENCHMARKS.md).

    Progress goes to stderr with the time of day, so a long run can be followed in its log."""
    from fazhi.bench import format_bench, run_bench

    def say(message: str) -> None:
        typer.echo(f"{time.strftime('%H:%M:%S')} {message}", err=True)

    result = run_bench(quick=quick, reports=reports, workers=workers or None, neo4j_uri=neo4j_uri,
                       neo4j=neo4j, app=app, work_dir=work_dir, log=say)
    typer.echo(json.dumps(result, ensure_ascii=False) if as_json else format_bench(result))


@neo4j_app.command("start")
def neo4j_start(port: Annotated[int | None, typer.Option(help="Bolt port (default: a free one).")] = None) -> None:
    """Start Neo4j in the background; prints BOLT_URI=bolt://127.0.0.1:PORT."""
    from fazhi.graph import neo4j_server

    try:
        info = neo4j_server.start(port=port)
    except Exception as exc:  # noqa: BLE001
        raise _fail(f"cannot start Neo4j: {exc}") from None
    typer.echo(f"BOLT_URI={info.uri}")


@neo4j_app.command("import")
def neo4j_import(
    csv_dir: Annotated[Path, typer.Argument(help="A folder written by `fazhi export --format csv`.")],
    database: Annotated[str, typer.Option(help="Database to create or overwrite.")] = "neo4j",
) -> None:
    """Bulk-load a CSV export into the local Neo4j's data (stopped) with neo4j-admin's importer."""
    from fazhi.graph import neo4j_server

    try:
        typer.echo(neo4j_server.admin_import(csv_dir.resolve(), database=database))
    except Exception as exc:  # noqa: BLE001
        raise _fail(f"cannot import: {exc}") from None
    typer.echo("start it with `fazhi neo4j start`")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the Neo4j started by `fazhi neo4j start`."""
    from fazhi.graph import neo4j_server

    neo4j_server.stop()
    typer.echo("stopped")


@app.command()
def push(
    to: Annotated[str, typer.Option("--to", help="Target backend (neo4j).")] = "neo4j",
    db: DbOption = None,
) -> None:
    """Copy the embedded graph into Neo4j (idempotent)."""
    from fazhi.graph.transfer import copy_graph

    if to != "neo4j":
        raise _fail("only --to neo4j is supported", 2)
    if not db_path(db).exists():  # opening it would create an empty one and push nothing
        raise _fail(f"no embedded store at {db_path(db)}: nothing to push "
                    "(`fazhi ingest --backend embedded` fills it; --db or FAZHI_DB names another)")
    source = _store("embedded", db, read_only=True, why="push reads the embedded store")
    if not any(source.counts().values()):
        source.close()
        raise _fail(f"the embedded store at {source.location} is empty: nothing to push "
                    "(ingest into it with `fazhi ingest --backend embedded`: with NEO4J_URI set, "
                    "ingest writes to Neo4j)")
    target = _store("neo4j", None, why="push writes to Neo4j")
    try:
        copied = copy_graph(source, target)
    finally:
        source.close()
        target.close()
    typer.echo(f"pushed {copied['nodes']} nodes and {copied['edges']} edges to Neo4j")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, jsonld, nt, graphml or csv.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File (a folder for csv).")],
    db: DbOption = None,
    backend: BackendOption = None,
    base: Annotated[str | None, typer.Option(help="Base IRI for RDF (the fz: vocabulary moves with it).")] = None,
    vocabulary: Annotated[bool, typer.Option("--vocabulary", help="RDF only: write the fz: vocabulary "
                                             "(RDFS/OWL, for --base) instead of the graph.")] = False,
    text: Annotated[bool | None, typer.Option("--text/--no-text", help="Include report full texts "
                                              "(default: in csv only).")] = None,
    license_iri: Annotated[str | None, typer.Option("--license", help="RDF: the dataset's licence IRI "
                                                    "(default CC BY 4.0).")] = None,
    creator: Annotated[str | None, typer.Option(help="RDF: who made the dataset (default: fazhi).")] = None,
) -> None:
    """Export the graph as linked data, GraphML, or CSV for `neo4j-admin database import`."""
    from fazhi.graph.exports import export as run_export
    from fazhi.graph.linked_terms import DEFAULT_LICENSE, DatasetInfo
    from fazhi.graph.rdf import DEFAULT_BASE, write_graph
    from fazhi.graph.rdf import vocabulary as vocabulary_graph

    if fmt not in ("ttl", "jsonld", "nt", "graphml", "csv"):
        raise _fail(f"unknown format {fmt!r}", 2)
    if vocabulary:
        if fmt not in ("ttl", "jsonld", "nt"):
            raise _fail("--vocabulary needs an RDF format (ttl, jsonld or nt)", 2)
        try:
            written = write_graph(vocabulary_graph(base or DEFAULT_BASE), output, fmt)  # type: ignore[arg-type]
        except ValueError as exc:
            raise _fail(str(exc), 2) from None
        typer.echo(f"wrote {written} vocabulary triples to {output}")
        return
    info = DatasetInfo(license=license_iri or DEFAULT_LICENSE, creator=creator)
    store = _store(backend, db, read_only=True)
    try:
        written = run_export(store, fmt, output, base or DEFAULT_BASE, include_text=text, info=info)
    finally:
        store.close()
    typer.echo(f"wrote {written} items to {output}")


@app.command()
def sparql(
    text: Annotated[str, typer.Argument(help="SPARQL query (prefixes fz:, eli:, schema:, org:, skos:, prov:, "
                                             "oa:, dcterms: predeclared).")],
    db: DbOption = None,
    backend: BackendOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, or json / csv / tsv in the W3C SPARQL "
                                                           "1.1 results formats (a graph: JSON-LD / N-Triples).")] = "table",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    base: Annotated[str | None, typer.Option(help="Base IRI the graph is exported under.")] = None,
    cache: Annotated[bool, typer.Option(help="Keep the RDF export on disk beside the store (<db>.sparql/) "
                                             "so only the first query after a change rebuilds it.")] = True,
) -> None:
    """Run SPARQL over the graph's RDF."""
    from fazhi.graph.rdf import DEFAULT_BASE, sparql_cached, sparql_serialized
    from fazhi.graph.rdf import sparql as run_sparql

    fmt = "json" if as_json else fmt
    if fmt not in ("table", "json", "csv", "tsv"):
        raise _fail(f"unknown format {fmt!r}; choose table, json, csv or tsv", 2)
    store = _store(backend, db, read_only=True)
    try:
        cache_dir = store.sidecar_path(".sparql") if cache else None
        if fmt != "table":
            typer.echo(sparql_serialized(store, text, fmt, base or DEFAULT_BASE,  # type: ignore[arg-type]
                                         cache_dir=cache_dir), nl=False)
            return
        if cache_dir is not None:
            columns, rows = sparql_cached(store, text, cache_dir, base or DEFAULT_BASE)
        else:
            columns, rows = run_sparql(store, text, base or DEFAULT_BASE)
    except Exception as exc:  # noqa: BLE001 - a bad query is the user's, say why
        raise _fail(f"SPARQL failed: {exc}", 2) from None
    finally:
        store.close()
    _print_result(QueryResult(columns, rows), as_json=False)


@app.command("eval")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSON file, .jsonl, or a folder of .json files.")],
    corpus: Annotated[Path, typer.Argument(help="Folder holding the reports the gold names.")],
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List misses and extras.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Precision, recall and F1 per entity type, and accuracy of each metadata field."""
    from fazhi.evaluate import evaluate, format_evaluation
    from fazhi.ingest import extract_file

    try:
        result = evaluate(gold, corpus, extract_file)
    except (FileNotFoundError, RuntimeError, ValueError) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps({
            kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
            for kind, s in result.scores.items()
        } | {"metadata": {f: result.metadata_accuracy(f) for f in result.metadata_correct}}))
        return
    typer.echo(format_evaluation(result, verbose))


def _write_exports(csv_path: Path | None, xlsx_path: Path | None,
                   sheets: dict[str, tuple[list[str], list[list]]], about: list[str]) -> None:
    """--csv (the first table) and --xlsx (every table, formatted) for the ask and compare commands."""
    from fazhi.queries.tables import to_csv, to_xlsx

    if csv_path and sheets:
        columns, rows = next(iter(sheets.values()))
        csv_path.write_bytes(to_csv(columns, rows))
        typer.echo(f"wrote {csv_path}", err=True)
    if xlsx_path:
        xlsx_path.write_bytes(to_xlsx(sheets, about))
        typer.echo(f"wrote {xlsx_path}", err=True)


CsvOption = Annotated[Path | None, typer.Option("--csv", help="Also write the table as CSV.")]
XlsxOption = Annotated[Path | None, typer.Option("--xlsx", help="Also write a formatted .xlsx.")]


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Chinese, e.g. 哪些机构实施了双随机、一公开？")],
    db: DbOption = None, backend: BackendOption = None, as_json: JsonOption = False,
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None,
) -> None:
    """Answer a Chinese question with one named query: prints the interpretation, the query and
    its parameters, the Cypher and the table (no model, no network; candidates when unsure)."""
    from fazhi.queries.ask import answer

    store = _store(backend, db, read_only=True)
    try:
        result = answer(store, question)
    finally:
        store.close()
    meaning = result.interpretation
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, default=str))
    else:
        typer.echo(meaning.text)
        for note in meaning.notes:
            typer.echo(f"  ({note})")
        if meaning.understood:
            typer.echo(f"查询: {meaning.query} {json.dumps(meaning.params, ensure_ascii=False)}"
                       + ("  (两年对比: 新增/延续/未再提及)" if meaning.compare else ""))
            typer.echo("Cypher:\n  " + result.cypher.replace("\n", "\n  "))
            _print_result(QueryResult(result.columns, result.rows), False)
    if not meaning.understood:
        raise typer.Exit(3)
    _write_exports(csv_path, xlsx_path, {"回答": (result.columns, result.rows)}, result.about())


@app.command("eval-ask")
def eval_ask(
    questions: Annotated[Path, typer.Argument(help="question<TAB>query<TAB>params-JSON file.")] = Path(
        "tests/ask/questions.tsv"),
    db: DbOption = None, backend: BackendOption = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List every miss.")] = False,
) -> None:
    """Accuracy of `fazhi ask`'s interpretation on a question set (query name and listed parameters)."""
    from fazhi.queries.ask import Vocabulary, evaluate, load_questions

    try:
        items = load_questions(questions)
    except (OSError, ValueError) as exc:
        raise _fail(f"cannot read {questions}: {exc}") from None
    store = _store(backend, db, read_only=True)
    try:
        vocab = Vocabulary.from_store(store)
    finally:
        store.close()
    accuracy, misses = evaluate(items, vocab)
    if verbose:
        for item, got in misses:
            typer.echo(f"MISS {item.question}\n  expected {item.query} {json.dumps(item.params, ensure_ascii=False)}"
                       f"\n  got      {got.query} {json.dumps(got.params, ensure_ascii=False)} {got.text}")
    typer.echo(f"accuracy {accuracy:.3f} ({len(items) - len(misses)}/{len(items)} questions)")


@app.command()
def compare(
    agency: Annotated[str | None, typer.Option("--agency", help="An agency's canonical name.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="A region: all its agencies' reports.")] = None,
    other: Annotated[str | None, typer.Option("--other", help="A second agency: side by side instead.")] = None,
    year_from: Annotated[int, typer.Option("--from", help="The earlier year.")] = 0,
    year_to: Annotated[int, typer.Option("--to", help="The later year.")] = 0,
    db: DbOption = None, backend: BackendOption = None, as_json: JsonOption = False,
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None,
) -> None:
    """What changed between two years for an agency or a region (measures 新增/延续/未再提及, documents
    newly cited), with the evidence of each side; or two agencies side by side (--agency A --other B)."""
    from fazhi.queries.compare import compare_agencies, compare_years, counts, pair_title, years_title

    store = _store(backend, db, read_only=True)
    try:
        if other:
            if not agency:
                raise _fail("--other needs --agency", 2)
            tables = {"措施": compare_agencies(store, agency, other)}
            about = [pair_title(agency, other)]
        else:
            tables = {name: table for name, table in zip(("措施", "法规文件"), compare_years(
                store, agency=agency or "", region=region or "", year_from=year_from, year_to=year_to).values(),
                strict=True)}
            about = [years_title(agency or region or "", year_from, year_to)]
    except ValueError as exc:
        raise _fail(f"refused: {exc}", 2) from None
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({name: t.records() for name, t in tables.items()}, ensure_ascii=False, default=str))
    else:
        typer.echo(about[0])
        for name, table in tables.items():
            summary = "，".join(f"{k} {v}" for k, v in counts(table).items()) or "无"
            typer.echo(f"\n{name}: {summary}")
            shown = [c for c in table.columns if not c.endswith(("report_id", "offset", "report_title"))]
            index = [table.columns.index(c) for c in shown]
            _print_result(QueryResult(shown, [[row[i] for i in index] for row in table.rows]), False)
    _write_exports(csv_path, xlsx_path, {name: (t.columns, t.rows) for name, t in tables.items()}, about)


@app.command(name="app", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def serve_app(
    ctx: typer.Context,
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="The port to serve on.")] = 8501,
    address: Annotated[str | None, typer.Option(help="The address to listen on (Streamlit's default: all).")] = None,
) -> None:
    """Serve the app (streamlit run app.py; further options go to Streamlit) and say it is ready only after
    running it once, so the first visitor does not pay for the imports and the store's opening."""
    import signal
    import subprocess

    from fazhi.appbrowser import AppBrowserError, app_dir, streamlit_command, wait_healthy, warm_up

    env = {**os.environ, **({"FAZHI_DB": str(db)} if db else {})}
    shown = f"http://{address or 'localhost'}:{port}"
    local = f"http://127.0.0.1:{port}" if address in (None, "", "0.0.0.0") else shown
    proc = subprocess.Popen(streamlit_command(port, address, list(ctx.args)), cwd=app_dir(), env=env)
    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop must stop Streamlit too (finally)
    try:
        wait_healthy(proc, local, "Streamlit's output above")
        try:
            typer.secho(f"fazhi app: ready at {shown} (first run done in {warm_up(local):.1f} s)", err=True)
        except AppBrowserError as exc:  # the app still serves; its page will show what failed
            typer.secho(f"fazhi app: serving at {shown}, but {exc}", fg=typer.colors.YELLOW, err=True)
        proc.wait()
    except AppBrowserError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        pass
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait()
    if proc.returncode not in (0, -15):
        raise typer.Exit(proc.returncode)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM as Ctrl-C: without it the process dies at once and leaves its Streamlit child serving."""
    raise KeyboardInterrupt


def main() -> None:
    app()


if __name__ == "__main__":
    main()
