"""`fazhi reindex`: re-extract every stored report with the current rules, dictionaries and aliases.

Reports keep their original text in the store, so a changed dictionary or a new
line in data/aliases.tsv can be applied without the source files. Each report
is replaced in its own transaction (store.replace_report: its old facts go and the new
ones come together, so an interrupted reindex never leaves a report without facts).
"""

from __future__ import annotations

from collections.abc import Callable

from fazhi.extraction.pipeline import extract
from fazhi.graph.store import GraphStore, rows_from_extractions
from fazhi.loaders.text import text_document


def reindex(store: GraphStore, progress: Callable[[str], None] | None = None) -> int:
    ids = [row["id"] for row in store.iter_nodes("Report")]
    for report_id in ids:
        row = store.query("MATCH (r:Report {id: $id}) RETURN r.source AS source, r.text AS text, "
                          "r.source_url AS source_url", {"id": report_id}).records()[0]
        extraction = extract(text_document(row["source"] or report_id, row["text"] or ""))
        extraction.source_url = row["source_url"]  # given at ingest, not in the text
        store.replace_report(report_id, rows_from_extractions([extraction]))
        if progress:
            progress(report_id)
    return len(ids)
