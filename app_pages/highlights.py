"""The 报告 reader's highlights from the store: where the report writes the entities its facts name.

Why not the extractor: re-running it loads its dictionaries and tries (~1-3 s in a fresh server, 14 s
under load), which made 报告 the slowest first page at 50,000 reports. The facts of a report (queries/
report_facts.cypher) name every entity the graph links it to; each is highlighted wherever its name, or
a form the dictionaries list for it (data/measures.tsv and data/laws.tsv aliases, names without their
quotes), is written in the text. The extractor's own mentions, which also find an agency's short forms,
stay one click away on the page (extracted.mention_spans).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ENTITY_LABELS = ("Agency", "Law", "Measure", "Region")


def linked_entities(facts: Iterable[tuple[str, str, str, str]]) -> set[tuple[str, str]]:
    """(label, name) of every entity at either end of the facts (source_label, source, target_label, target)."""
    out: set[tuple[str, str]] = set()
    for source_label, source, target_label, target in facts:
        out.update((label, name) for label, name in ((source_label, source), (target_label, target))
                   if label in ENTITY_LABELS and name)
    return out


def surface_forms(entities: set[tuple[str, str]], aliases: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Written form -> (label, name): each name, its dictionary aliases, and both without quotes."""
    forms: dict[str, tuple[str, str]] = {}
    variants: dict[tuple[str, str], set[str]] = {entity: {entity[1]} for entity in entities}
    for label, table in aliases.items():
        for alias, name in table.items():
            if (label, name) in variants:
                variants[(label, name)].add(alias)
    for entity, written in sorted(variants.items()):
        for form in written | {re.sub(r"[“”\"]", "", w) for w in written}:
            if len(form) > 1:
                forms.setdefault(form, entity)
    return forms


def fact_spans(text: str, forms: dict[str, tuple[str, str]]) -> list[dict]:
    """Every occurrence of every form in the text, as the reader's spans (label, name, start, end);
    overlaps are left to the reader (it keeps the longest)."""
    spans = []
    for form, (label, name) in forms.items():
        start = text.find(form)
        while start >= 0:
            spans.append({"label": label, "name": name, "start": start, "end": start + len(form)})
            start = text.find(form, start + 1)
    return spans
