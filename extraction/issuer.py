"""The issuing agency of a report, and the report metadata that depends on it.

The issuer is taken only from where a report states it: an agency at the start of
the title, the name line of a signature block, or — in a report that speaks of
itself as 我局 — the subject of the opening, or the agency named in the title of
rules the report says it made. Everything else (the report's region) follows from it.
"""

from __future__ import annotations

import re

from fazhi.extraction import metadata as meta_rules
from fazhi.extraction.agencies import SELF_RE, AgencyHit
from fazhi.extraction.citations import find_citations
from fazhi.extraction.laws import MADE_RE
from fazhi.extraction.metadata import Line
from fazhi.extraction.regions import RegionEntry, RegionGazetteer, name_prefix
from fazhi.model import ReportMeta

SELF_REGION_RE = {
    "省": re.compile(r"我省|全省|本省"), "市": re.compile(r"我市|全市|本市"),
    "区县": re.compile(r"我区|全区|本区|我县|全县|本县"),
}


def find_issuer(text: str, opening_end: int | None, hits: list[AgencyHit], title: Line | None,
                signatures: list[tuple[Line, Line]]) -> AgencyHit | None:
    """The issuing agency from the title, the signature block, or the opening self-description.

    `opening_end` is where the report's second sentence ends (None for a text without sentences).
    """
    real = [h for h in hits if not h.generic]
    if title is not None:
        for hit in real:
            if hit.start == title.start or (title.start <= hit.start < title.start + 2):
                return hit
    for name_line, _ in signatures:
        for hit in real:
            if hit.start <= name_line.start + 1 and hit.end >= name_line.end - 1:
                return hit
    self_heads = {m.group(0)[1:] for m in SELF_RE.finditer(text)}
    if not self_heads:
        return None
    return (_self_described_issuer(text, opening_end, real, self_heads)
            or _issuer_of_own_rules(text, real, self_heads))


def _self_described_issuer(text: str, opening_end: int | None, hits: list[AgencyHit],
                           self_heads: set[str]) -> AgencyHit | None:
    """An agency that is the subject of the opening paragraph of a report that speaks of itself as 我局."""
    if opening_end is None:
        return None
    for hit in hits:
        if hit.start >= opening_end:
            break
        following = text[hit.end:hit.end + 1]
        if following in "的、和与及等" or hit.level == "国家":
            continue
        if any(hit.name.endswith(head) for head in self_heads):
            return hit
    return None


def _issuer_of_own_rules(text: str, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """A report that says 我局制定了《X局…制度》 names itself in the title of its own rules."""
    by_start = {h.start: h for h in hits}
    candidates = set()
    for cite in find_citations(text):
        hit = by_start.get(cite.start + 1)
        if hit is None or hit.level == "国家" or not any(hit.name.endswith(h) for h in self_heads):
            continue
        if MADE_RE.search(text[max(0, cite.start - 8):cite.start]):
            candidates.add(hit.name)
    if len(candidates) != 1:
        return None
    name = candidates.pop()
    return next(h for h in hits if h.name == name)


def _report_region(gazetteer: RegionGazetteer, issuer: AgencyHit | None, context: RegionEntry | None,
                   text: str) -> str | None:
    """The issuer's region; without an issuer, the context region when the text speaks of it as 我市/全市."""
    if issuer and issuer.region:
        entry = gazetteer.by_name(issuer.region)
        return name_prefix(gazetteer, entry) if entry else issuer.region
    if issuer is None and context is not None and SELF_REGION_RE[context.level].search(text):
        return name_prefix(gazetteer, context)
    return None


def report_meta(text: str, lines: list[Line], title: Line | None, signatures: list[tuple[Line, Line]],
                issuer: AgencyHit | None, gazetteer: RegionGazetteer, context: RegionEntry | None) -> ReportMeta:
    """Title, issuer, region, year, doc_type, 文号 and date, each from where the report states it."""
    date = meta_rules.parse_date(signatures[0][1].text) if signatures else None
    number = meta_rules.find_doc_number(lines)
    title_text = title.text if title else None
    return ReportMeta(
        title=title_text,
        agency=issuer.name if issuer else None,
        region=_report_region(gazetteer, issuer, context, text),
        year=meta_rules.covered_year(text, title_text, date),
        doc_type=meta_rules.doc_type(title_text, text),
        doc_number=number.text if number else None,
        date=date,
    )
