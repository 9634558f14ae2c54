"""One report in, one Extraction out: the order in which the small extractors run.

regions → report context (title, 文号, signature, issuer's region) → agencies
(qualified by that context) → issuer → laws → measures → relations. Each step
reads the results of the steps before it; none of them reads the file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from fazhi.extraction import agencies as agency_rules
from fazhi.extraction import metadata as meta_rules
from fazhi.extraction.agencies import (
    AgencyContext,
    AgencyFinder,
    AgencyHit,
    find_self_references,
    own_abbreviations,
)
from fazhi.extraction.aliases import apply_aliases
from fazhi.extraction.citations import find_citations, flatten
from fazhi.extraction.document import Document, content_id
from fazhi.extraction.laws import infer_category, infer_issuer, lookup, resolve_back_reference
from fazhi.extraction.measures import MeasureHit, find_measures
from fazhi.extraction.regions import RegionEntry, RegionGazetteer, RegionHit
from fazhi.extraction.relations import MADE_RE, build_relations
from fazhi.extraction.spans import starting_in
from fazhi.loaders.base import LoadedText
from fazhi.model import Agency, Extraction, Law, Measure, Region, ReportMeta

SELF_HEADS = {"局": "局", "委": "委", "厅": "厅", "办": "办", "中心": "中心", "院": "院"}


@dataclass
class LawHit:
    start: int
    end: int
    name: str
    category: str
    issuer: str | None
    parent: str | None  # the outer title, for nested citations
    issuer_hit: AgencyHit | None = None


@dataclass
class RegionMention:
    start: int
    end: int
    entry: RegionEntry
    name: str  # canonical node name (qualified when the county name is ambiguous)


def extract(loaded: LoadedText) -> Extraction:
    doc = Document(loaded)
    text = doc.text
    gazetteer = RegionGazetteer.default()
    lines = meta_rules.lines_of(text)
    title = meta_rules.find_title(lines)
    signatures = meta_rules.signature_blocks(lines)
    region_hits = gazetteer.find(text)
    context_entry = _context_region(gazetteer, region_hits, title, signatures)
    regions = _resolve_regions(gazetteer, region_hits, context_entry)
    context = _agency_context(gazetteer, context_entry)
    region_spans = {r.end: (r.start, r.entry, r.name, _name_prefix(gazetteer, r.entry)) for r in regions}
    agency_hits = AgencyFinder(text, context, region_spans).find()
    issuer = _issuer(doc, agency_hits, title, signatures)
    if issuer:
        agency_hits = own_abbreviations(agency_hits, issuer, text)
        agency_hits = sorted(agency_hits + find_self_references(text, issuer), key=lambda h: h.start)
    report = _report_meta(doc, lines, title, signatures, issuer, gazetteer, context_entry)
    laws = _laws(doc, gazetteer, agency_hits, context)
    # A measure named inside someone else's document title is that document's subject, not a
    # practice of this agency; its own rules (《法律顾问制度》 it made) do show what it practises.
    cited = [(law.start, law.end) for law in laws if law.category != "内部制度" and law.parent is None]
    if title is not None:  # the report's own title names its genre, not a measure it carries out
        cited.append((title.start, title.end))
    measures = find_measures(text, [(r.start, r.end) for r in regions], cited)
    extraction = Extraction(
        report_id=content_id(text),
        source=loaded.source,
        text=loaded.original,
        report=report,
        laws=_group_laws(doc, laws),
        agencies=_group_agencies(doc, agency_hits),
        measures=_group_measures(doc, measures),
        regions=_group_regions(doc, gazetteer, regions),
    )
    extraction.relations = build_relations(doc, extraction, issuer, agency_hits, laws, measures, regions)
    return apply_aliases(extraction)


# -- regions and context ------------------------------------------------------

def _context_region(gazetteer: RegionGazetteer, hits: list[RegionHit], title, signatures) -> RegionEntry | None:
    """The issuer's region: from the title or signature lines, else the region the text names most."""
    resolved = gazetteer.resolve(hits, None)
    spans = [line for line in [title, *(name for name, _ in signatures)] if line is not None]
    for line in spans:
        inside = [resolved.get(i) for i, h in enumerate(hits) if line.start <= h.start < line.end]
        inside = [e for e in inside if e is not None]
        if inside:
            return max(inside, key=lambda e: _depth(e))
    counts = Counter(e for e in resolved.values() if e is not None and e.level in ("市", "区县"))
    if not counts:
        counts = Counter(e for e in resolved.values() if e is not None)
    return counts.most_common(1)[0][0] if counts else None


def _depth(entry: RegionEntry) -> int:
    return {"省": 0, "市": 1, "区县": 2}.get(entry.level, 0)


def _resolve_regions(gazetteer: RegionGazetteer, hits: list[RegionHit],
                     context: RegionEntry | None) -> list[RegionMention]:
    chosen = gazetteer.resolve(hits, context.name if context else None)
    out = []
    for i, hit in enumerate(hits):
        entry = chosen.get(i)
        if entry is not None:
            out.append(RegionMention(hit.start, hit.end, entry, _region_node_name(gazetteer, entry)))
    return out


def _region_node_name(gazetteer: RegionGazetteer, entry: RegionEntry) -> str:
    """County names repeat across China (市中区, 朝阳区): qualify those with their city."""
    if entry.level == "区县" and entry.parent and len(gazetteer.candidates(entry.name)) > 1:
        return entry.parent + entry.name
    return entry.name


def _name_prefix(gazetteer: RegionGazetteer, entry: RegionEntry) -> str:
    """How an agency of this region is qualified: a county with its city (杭州市上城区), else the name."""
    parent = gazetteer.parent_of(entry) if entry.level == "区县" else None
    if parent is not None and (parent.level == "市" or parent.name.endswith("市")):  # 北京市海淀区 too
        return parent.name + entry.name
    return entry.name


def _agency_context(gazetteer: RegionGazetteer, entry: RegionEntry | None) -> AgencyContext:
    if entry is None:
        return AgencyContext()
    chain = [entry, *gazetteer.ancestors(entry)]
    by_level = {e.level: e for e in chain}
    province = by_level["省"].name if "省" in by_level else None
    city = by_level["市"].name if "市" in by_level else (
        province if province and province.endswith("市") else None)
    county = by_level.get("区县")
    return AgencyContext(
        province=province, city=city,
        county_prefix=_name_prefix(gazetteer, county) if county else None,
        county_node=_region_node_name(gazetteer, county) if county else None,
    )


# -- issuer and report metadata ----------------------------------------------

def _issuer(doc: Document, hits: list[AgencyHit], title, signatures) -> AgencyHit | None:
    """The issuing agency from the title, the signature block, or the opening self-description."""
    real = [h for h in hits if not h.generic]
    if title is not None:
        for hit in real:
            if hit.start == title.start or (title.start <= hit.start < title.start + 2):
                return hit
    for name_line, _ in signatures:
        for hit in real:
            if hit.start <= name_line.start + 1 and hit.end >= name_line.end - 1:
                return hit
    self_heads = {m.group(0)[1:] for m in agency_rules.SELF_RE.finditer(doc.text)}
    if not self_heads:
        return None
    return _self_described_issuer(doc, real, self_heads) or _issuer_of_own_rules(doc, real, self_heads)


def _self_described_issuer(doc: Document, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """An agency that is the subject of the opening paragraph of a report that speaks of itself as 我局."""
    if not doc.sentences:
        return None
    opening_end = doc.sentences[min(1, len(doc.sentences) - 1)].end
    for hit in hits:
        if hit.start >= opening_end:
            break
        following = doc.text[hit.end:hit.end + 1]
        if following in "的、和与及等" or hit.level == "国家":
            continue
        if any(hit.name.endswith(head) for head in self_heads):
            return hit
    return None


def _issuer_of_own_rules(doc: Document, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """A report that says 我局制定了《X局…制度》 names itself in the title of its own rules."""
    by_start = {h.start: h for h in hits}
    candidates = set()
    for cite in find_citations(doc.text):
        hit = by_start.get(cite.start + 1)
        if hit is None or hit.level == "国家" or not any(hit.name.endswith(h) for h in self_heads):
            continue
        if MADE_RE.search(doc.text[max(0, cite.start - 8):cite.start]):
            candidates.add(hit.name)
    if len(candidates) != 1:
        return None
    name = candidates.pop()
    return next(h for h in hits if h.name == name)


SELF_REGION_RE = {
    "省": re.compile(r"我省|全省|本省"), "市": re.compile(r"我市|全市|本市"),
    "区县": re.compile(r"我区|全区|本区|我县|全县|本县"),
}


def _report_region(gazetteer: RegionGazetteer, issuer: AgencyHit | None, context: RegionEntry | None,
                   text: str) -> str | None:
    """The issuer's region; without an issuer, the context region when the text speaks of it as 我市/全市."""
    if issuer and issuer.region:
        entry = gazetteer.by_name(issuer.region)
        return _name_prefix(gazetteer, entry) if entry else issuer.region
    if issuer is None and context is not None and SELF_REGION_RE[context.level].search(text):
        return _name_prefix(gazetteer, context)
    return None


def _report_meta(doc: Document, lines, title, signatures, issuer: AgencyHit | None,
                 gazetteer: RegionGazetteer, context: RegionEntry | None) -> ReportMeta:
    date = meta_rules.parse_date(signatures[0][1].text) if signatures else None
    number = meta_rules.find_doc_number(lines)
    title_text = title.text if title else None
    region = _report_region(gazetteer, issuer, context, doc.text)
    return ReportMeta(
        title=title_text,
        agency=issuer.name if issuer else None,
        region=region,
        year=meta_rules.covered_year(doc.text, title_text, date),
        doc_type=meta_rules.doc_type(title_text, doc.text),
        doc_number=number.text if number else None,
        date=date,
    )


# -- laws ---------------------------------------------------------------------

def _laws(doc: Document, gazetteer: RegionGazetteer, agency_hits: list[AgencyHit],
          context: AgencyContext) -> list[LawHit]:
    out: list[LawHit] = []
    earlier: list[str] = []
    starts = [h.start for h in agency_hits]
    for cite, parent in flatten(find_citations(doc.text)):
        if not cite.title:
            continue
        resolved = lookup(cite.title)
        issuer_hit = None
        if resolved:
            name, category, issuer = resolved.name, resolved.category, resolved.issuer
        else:
            name = resolve_back_reference(cite.title, earlier) or cite.title
            known = lookup(name)
            if known:
                name, category, issuer = known.name, known.category, known.issuer
            else:
                region_hit = _leading_region(gazetteer, name)
                category = infer_category(name, region_hit is not None)
                issuer_hit = _title_issuer(starting_in(agency_hits, starts, cite.start + 1, cite.start + 2), doc.text)
                issuer = issuer_hit.name if issuer_hit else infer_issuer(name, category, region_hit)
        parent_name = next((law.name for law in reversed(out) if law.start == parent.start), None) if parent else None
        out.append(LawHit(cite.start, cite.end, name, category, issuer, parent_name, issuer_hit))
        earlier.append(name)
    return out


def _leading_region(gazetteer: RegionGazetteer, title: str) -> str | None:
    hits = gazetteer.find(title[:12])
    if hits and hits[0].start == 0:
        entry = gazetteer.resolve(hits[:1], None).get(0)
        return entry.name if entry else None
    return None


def _title_issuer(at_title_start: Sequence[AgencyHit], text: str) -> AgencyHit | None:
    """An agency written at the very start of a title and followed by 关于 (or 、 another organ)."""
    for hit in at_title_start:
        if not hit.generic and text.startswith(("关于", "、"), hit.end):
            return hit
    return None


# -- grouping hits into entities ----------------------------------------------

def _group_laws(doc: Document, hits: list[LawHit]) -> list[Law]:
    laws: dict[str, Law] = {}
    for hit in hits:
        law = laws.setdefault(hit.name, Law(hit.name, hit.category, hit.issuer))
        law.issuer = law.issuer or hit.issuer
        law.mentions.append(doc.mention(hit.start, hit.end))
    return list(laws.values())


def _group_agencies(doc: Document, hits: list[AgencyHit]) -> list[Agency]:
    agencies: dict[str, Agency] = {}
    for hit in hits:
        agency = agencies.setdefault(hit.name, Agency(hit.name, hit.level, hit.region))
        agency.level = agency.level or hit.level
        agency.mentions.append(doc.mention(hit.start, hit.end))
    return list(agencies.values())


def _group_measures(doc: Document, hits: list[MeasureHit]) -> list[Measure]:
    measures: dict[str, Measure] = {}
    for hit in hits:
        measure = measures.setdefault(hit.name, Measure(hit.name, hit.kind))
        measure.mentions.append(doc.mention(hit.start, hit.end))
    return list(measures.values())


def _group_regions(doc: Document, gazetteer: RegionGazetteer, hits: list[RegionMention]) -> list[Region]:
    regions: dict[str, Region] = {}
    for hit in hits:
        parent = hit.entry.parent
        region = regions.setdefault(hit.name, Region(hit.name, hit.entry.level, parent))
        region.mentions.append(doc.mention(hit.start, hit.end))
    return list(regions.values())
