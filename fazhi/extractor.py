"""What the app asks of loaders/ and extraction/, so that no page imports their internals.

app_pages/ reads the graph through graph/ and queries/; its writes go through fazhi/ingest.py and
what it needs from the extractor itself comes from here: a preview of an uploaded file, the entity
mentions of a stored report's text, and the ways reports write each catalogued measure.
The pipeline is imported where it is used (~1 s), so pages that never extract do not load it.
"""

from __future__ import annotations

import re
from typing import Any

from fazhi.extraction.dictionaries import load_measures


def preview_file(path: str) -> dict[str, Any]:
    """Load and extract one file; the row the preview table shows (an error string on failure)."""
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders import LoadError, load

    try:
        ex = extract(load(path))
    except LoadError as exc:
        return {"error": exc.reason}
    except Exception as exc:  # noqa: BLE001 - show it per file, keep the others
        return {"error": f"抽取失败: {type(exc).__name__}: {exc}"}
    return {"error": None, "title": ex.report.title, "agency": ex.report.agency, "year": ex.report.year,
            "doc_type": ex.report.doc_type, "laws": len(ex.laws), "agencies": len(ex.agencies),
            "measures": len(ex.measures), "relations": len(ex.relations), "chars": len(ex.text)}


def mention_spans(report_id: str, original: str) -> tuple[list[dict], bool]:
    """Every entity mention (label, name, original offsets) of a stored report's text, found by
    running the (deterministic) extractor again; also whether the re-run gives the stored id."""
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders.text import text_document

    extraction = extract(text_document(report_id, original))
    spans: list[dict] = []
    for label, entities in (("Law", extraction.laws), ("Agency", extraction.agencies),
                            ("Measure", extraction.measures), ("Region", extraction.regions)):
        for entity in entities:
            spans.extend({"label": label, "name": entity.name, "start": m.start, "end": m.end}
                         for m in entity.mentions)
    return spans, extraction.report_id == report_id


def measure_surface_forms() -> dict[str, list[str]]:
    """Canonical measure name -> the ways reports write it (name and aliases of data/measures.tsv,
    each also without its quotes), for highlighting."""
    forms: dict[str, list[str]] = {}
    for entry in load_measures():
        variants = [entry.name, *entry.aliases]
        forms[entry.name] = sorted(set(variants) | {re.sub(r"[“”\"]", "", v) for v in variants})
    return forms


def catalogue_aliases() -> dict[str, dict[str, str]]:
    """Label -> {short or variant form: canonical name} from the dictionaries: the aliases of
    data/measures.tsv and data/laws.tsv, so a question may say 双随机 or 民法典 (queries/ask.py)."""
    from fazhi.extraction.dictionaries import load_laws

    measures = {alias: entry.name for entry in load_measures() for alias in entry.aliases}
    laws = {alias: entry.name for entry in load_laws() for alias in entry.aliases}
    return {"Measure": measures, "Law": laws}


def agency_abbreviations() -> dict[str, str]:
    """Short functional names (人社局) -> the full ones (人力资源和社会保障局), data/agency_abbreviations.tsv."""
    from fazhi.extraction.dictionaries import load_agency_abbreviations

    return load_agency_abbreviations()
