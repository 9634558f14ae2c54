"""The extraction steps: small named `(doc) -> None` callables, each adding its hits to the Document.

A step reads what earlier steps wrote (the attributes of fazhi.extraction.document.Document,
grouped there by step) and calls the rules of its module; no step reads the file or calls
another step. The order is fazhi.extraction.pipeline.STEPS.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import TypeVar

from fazhi.extraction import metadata as meta_rules
from fazhi.extraction.agencies import (
    AgencyFinder,
    AgencyHit,
    RegionSpan,
    context_for,
    line_bodies,
    national_bare_bodies,
    own_abbreviations,
)
from fazhi.extraction.aliases import apply_aliases
from fazhi.extraction.document import Document
from fazhi.extraction.issuer import (
    attachment_body,
    browser_title_body,
    find_issuer,
    leaders_body,
    leadership_region,
    named_in_full_later,
    named_regions,
    notice_region,
    page_line_body,
    plan_title_region,
    prefecture_body_subject,
    publisher_row_issuer,
    region_government_issuer,
    report_meta,
    sector_body,
    site_banner_body,
    site_qualified,
    site_region,
    site_section_body,
    source_row_issuer,
    source_row_region,
    speaking_zone,
    title_body_issuer,
    zone_host,
    zone_subject,
)
from fazhi.extraction.laws import LawHit, find_bare_laws, resolve_citations
from fazhi.extraction.linebreaks import join_broken_names
from fazhi.extraction.measures import MeasureHit, find_measures
from fazhi.extraction.regions import (
    RegionGazetteer,
    RegionHit,
    RegionMention,
    context_region,
    index_number_region,
    leader_visit_province,
    name_prefix,
    resolve_mentions,
    speaks_of_elsewhere,
)
from fazhi.extraction.relations import build_relations
from fazhi.extraction.self_words import self_reference_hits
from fazhi.extraction.structure import Sentence, parse_sections, sentences_with_sections
from fazhi.extraction.zones import Place, Zone, find_zones, zone_agencies, zone_issuer
from fazhi.model import Agency, Extraction, Law, Measure, Region

OPENING_MIN_SENTENCE = 20  # shorter "sentences" at the top are header lines: 文号, addressee, title
# A page's own lines (a source row, a linked headline) may come first: the opening runs at least to the
# sentence that announces the report (现将有关情况报告如下) when it is among the first few.
OPENING_MAX_SENTENCES = 5
REPORT_FOLLOWS_RE = re.compile(meta_rules.REPORT_FOLLOWS)

H = TypeVar("H", AgencyHit, LawHit, MeasureHit, RegionMention)
E = TypeVar("E", Agency, Law, Measure, Region)


def linebreaks(doc: Document) -> None:
    """Line breaks that cut a name in two (宣城市⏎公安局) deleted: every later step matches names within a line."""
    doc.loaded = join_broken_names(doc.loaded, RegionGazetteer.default())


def structure(doc: Document) -> None:
    """Sections and sentences: every later fact's evidence is its sentence."""
    sections = parse_sections(doc.text)
    doc.set_structure(sections, sentences_with_sections(doc.text, sections))


def layout(doc: Document) -> None:
    """Lines, the title and the signature blocks: where a report states who issued it."""
    doc.lines = meta_rules.lines_of(doc.text)
    doc.title = meta_rules.find_title(doc.lines)
    doc.signatures = meta_rules.signature_blocks(doc.lines)


def regions(doc: Document) -> None:
    """Region mentions, resolved in the context of the region the title or signature names."""
    gazetteer = RegionGazetteer.default()
    hits = gazetteer.find(doc.text)
    stated_in = [(line.start, line.end) for line in [doc.title, *(name for name, _ in doc.signatures)]
                 if line is not None]
    doc.region_by_abbreviation = leader_visit_province(gazetteer, doc.text)
    doc.region_by_index = index_number_region(gazetteer, doc.text)
    doc.region_aside = _aside_hits(doc, hits)
    own = [h for h in hits if h.start not in doc.region_aside]
    fallback = doc.region_by_index or doc.region_by_abbreviation
    doc.region_context = context_region(gazetteer, own, stated_in, doc.text) or fallback
    # where the text's places lie may be read from every name, a page row's or a firm's included; whose
    # report it is (region_context: what bare 县委/司法局 are qualified with) only from its own words
    near = (context_region(gazetteer, hits, stated_in, doc.text) or fallback) if doc.region_aside \
        else doc.region_context
    doc.region_mentions = resolve_mentions(gazetteer, hits, near)
    resolved = {m.start for m in doc.region_mentions}
    doc.region_unresolved = [h for h in hits if h.start not in resolved]


def _aside_hits(doc: Document, hits: list[RegionHit]) -> set[int]:
    """Starts of the divisions the text names aside from its own: on the page's rows (来源:闽清县, a
    breadcrumb: the hosting site's region), inside a firm's name, as a place visited or toured."""
    rows = [(line.start, line.end) for line in _page_rows(doc.lines)]
    on_rows = {h.start for h in hits if any(start <= h.start < end for start, end in rows)}
    # 信息来源:辰溪县小龙门乡 in a 小龙门乡 report: the row names the report's own division with its county
    own_surfaces = {h.surface for h in hits if h.start not in on_rows}
    chained = {h.start for h in hits for nxt in hits if nxt.start == h.end and nxt.surface in own_surfaces}
    return {h.start for h in hits if speaks_of_elsewhere(doc.text, h) or (h.start in on_rows - chained)}


def agencies(doc: Document) -> None:
    """Agency mentions, a bare 市/区 qualified by the report's region, region-prefixed names joined."""
    _find_agencies(doc)


def _find_agencies(doc: Document) -> None:
    """The agencies step's work, run again by the issuer step when the issuer places the report."""
    gazetteer = RegionGazetteer.default()
    named = {r.entry for r in doc.region_mentions if r.start not in doc.region_aside}
    if doc.region_by_abbreviation is not None:
        named.add(doc.region_by_abbreviation)
    doc.agency_context = context_for(gazetteer, doc.region_context, named)
    if doc.agency_context.town is None and doc.issuer_town is not None:
        doc.agency_context = dataclasses.replace(doc.agency_context, town=doc.issuer_town)
    region_spans = {h.end: RegionSpan(h.start, h.candidates[0].level, None, h.surface)
                    for h in doc.region_unresolved}
    region_spans.update({r.end: RegionSpan(r.start, r.entry.level, r.name, name_prefix(gazetteer, r.entry),
                                           short=doc.text[r.start:r.end] != r.entry.name)
                         for r in doc.region_mentions})
    finder = AgencyFinder(doc.text, doc.agency_context, region_spans)
    doc.agency_hits = finder.find()
    doc.position_hits = finder.in_positions


def issuer(doc: Document) -> None:
    """The issuer; then its own abbreviations and 我局/本局 become mentions of it.

    An issuer that places a report the regions step could not (no title, 前进区教育局 only in the
    body) gives the report its region: the open names are resolved in it and the agencies found
    again, so 区委 and a bare 司法局 are qualified as in any report whose title names the region.
    """
    _find_zones(doc)
    doc.issuer = _find_issuer(doc)
    if doc.issuer is not None:
        doc.issuer = named_in_full_later(doc.issuer, doc.agency_hits) or _on_its_portal(doc, doc.issuer)
    if _place_by_issuer(doc, RegionGazetteer.default()):
        _find_agencies(doc)
        _find_zones(doc)
        doc.issuer = _find_issuer(doc)
    if _adopt_issuer_town(doc):
        _find_agencies(doc)
        doc.issuer = _find_issuer(doc)
    issuing_zone = next((z for z in doc.zones if doc.issuer and _is_zone_body(doc.issuer, z)), None)
    if issuing_zone is not None and doc.issuer is not None:
        doc.issuer = zone_host(doc.text, doc.issuer, doc.region_mentions, RegionGazetteer.default())
        doc.agency_hits = zone_agencies(doc.text, doc.zones, issuing_zone, doc.agency_hits)
    doc.office_region = source_row_region(doc.lines, doc.agency_hits)  # read before the row's hits go
    doc.agency_hits = _outside_page_rows(doc, doc.agency_hits)
    if doc.issuer and doc.issuer not in doc.agency_hits:  # named by a metadata row or by its region
        doc.agency_hits = sorted([*doc.agency_hits, doc.issuer], key=lambda h: h.start)
    if doc.issuer:
        hits = national_bare_bodies(own_abbreviations(doc.agency_hits, doc.issuer, doc.text), doc.issuer)
        hits += line_bodies(doc.text, doc.issuer, doc.agency_context, hits)
        doc.agency_hits = sorted(hits + self_reference_hits(doc.self_words, doc.issuer), key=lambda h: h.start)


MENU_SEPARATOR_RE = re.compile(r"\s*[|｜]\s*")
MENU_ITEM_CHARS = 8  # 县委, 政务公开: a menu item is a few characters


def _outside_page_rows(doc: Document, hits: list[AgencyHit]) -> list[AgencyHit]:
    """Hits on the page's own rows above the body (_page_rows) are the site's sections and contributors,
    not bodies the report speaks of; the issuer such a row names is kept as the issuer."""
    rows = [(line.start, line.end) for line in _page_rows(doc.lines)]
    if not rows:
        return hits
    return [h for h in hits if h == doc.issuer or not any(start <= h.start < end for start, end in rows)]


# 市司法局 2020年03月30日 / 省政府办公厅 2022-03-15 under a title: the page's byline and date stamp
BYLINE_RE = re.compile(r"\s*(?![^\s]*(?:关于|报告|总结|方案|通知))[\u4e00-\u9fff]{2,16}?"
                       r"(?:\s*(?:发布|发表)(?:时间|日期)\s*[:：]\s*|\s+)(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                       r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")  # 县人民政府 发布时间: 2026-03-03 09:36


def _page_rows(lines: Sequence[meta_rules.Line]) -> list[meta_rules.Line]:
    """The page's rows above the body, in one pass: a menu row (县委| 县人大| 县政协), a clutter row
    (来源:市司法局, 发布机构:区政府办公室, a breadcrumb), a byline, a row's value below its field."""
    out: list[meta_rules.Line] = []
    previous = ""
    for line in lines[:meta_rules.HEADER_LINES]:
        if meta_rules.is_body_line(line.text):
            break
        title = meta_rules.title_before_row(line) if meta_rules.is_page_clutter(line.text) else None
        if title is not None:  # …报告 发布日期:… on one line: the row is the page's, the title the document's
            out.append(meta_rules.Line(title.end, line.end, line.text[title.end - line.start:]))
        elif _is_menu_row(line.text) or meta_rules.is_page_clutter(line.text) or BYLINE_RE.match(line.text) \
                or _row_value(previous, line.text):
            out.append(line)
        previous = line.text if line.text.strip() else previous
    return out


def _is_menu_row(text: str) -> bool:
    """Three or more short items between bars: a site's menu."""
    items = MENU_SEPARATOR_RE.split(text) if "|" in text or "｜" in text else []
    return len(items) >= 3 and all(len(item) <= MENU_ITEM_CHARS for item in items)


FIELD_ALONE_RE = re.compile(r"\s*(?P<field>[\u4e00-\u9fff][\u4e00-\u9fff ]{1,7})[:：]?\s*")  # 责任部门: / 来源


def _row_value(previous: str, text: str) -> bool:
    """The value of a metadata row written on the line below its field (责任部门:⏎市司法局, 来源⏎区卫健局):
    the line after a field alone, with or without its colon, that the clutter table knows."""
    field = FIELD_ALONE_RE.fullmatch(previous)
    return bool(text.strip()) and field is not None and meta_rules.is_page_clutter(field.group("field") + ":")


def _find_zones(doc: Document) -> None:
    """Development zones, and their organs and departments in place of what the agency rules read
    (高新区|综治局 is the zone's, not a district's 区综治局)."""
    places = [Place(m.start, m.end, m.name, m.entry.level) for m in doc.region_mentions]
    places += [Place(h.start, h.end, None, h.candidates[0].level) for h in doc.region_unresolved]
    doc.zones = find_zones(doc.text, sorted(places, key=lambda p: p.start), doc.agency_context)
    doc.agency_hits = zone_agencies(doc.text, doc.zones, None, doc.agency_hits)


def _is_zone_body(hit: AgencyHit, zone: Zone) -> bool:
    """The zone's 管委会 or one of its departments (高新区综治局): a bare 区党工委 in its report is the zone's."""
    return hit.start == zone.start and hit.name.startswith(zone.name)


def _find_issuer(doc: Document) -> AgencyHit | None:
    opening_end = _opening_end(doc)
    zone = (zone_subject(doc.text, opening_end, doc.title, doc.zones)
            or speaking_zone(doc.text, opening_end, doc.zones, doc.region_context))
    named = named_regions(doc.region_mentions, doc.region_unresolved)
    region = region_government_issuer(doc.text, opening_end, doc.title, named, doc.region_context,
                                      RegionGazetteer.default(), doc.self_words)
    return (find_issuer(doc.text, opening_end, doc.agency_hits, doc.title, doc.signatures, doc.self_words, region)
            or prefecture_body_subject(doc.text, opening_end, doc.region_context, RegionGazetteer.default())
            or site_section_body(doc.text, doc.lines, doc.agency_hits, doc.region_mentions, RegionGazetteer.default(),
                                 doc.self_words)
            or publisher_row_issuer(doc.lines, doc.agency_hits, doc.region_mentions, doc.self_words)
            or (zone_issuer(zone) if zone else None)
            or title_body_issuer(doc.text, doc.title, named, RegionGazetteer.default())
            or region
            or source_row_issuer(doc.text, opening_end, doc.lines, doc.agency_hits, doc.self_words)
            or page_line_body(doc.text, doc.lines, doc.agency_hits, doc.self_words)
            or attachment_body(doc.text, doc.lines, doc.agency_hits, doc.self_words)
            or browser_title_body(doc.text, doc.lines, doc.agency_hits, doc.self_words)
            or site_banner_body(doc.text, doc.lines, doc.agency_hits, doc.self_words)
            or leaders_body(doc.text, doc.position_hits, doc.self_words)
            or sector_body(doc.text, doc.region_context or site_region(doc.lines, doc.region_mentions),
                           RegionGazetteer.default(), doc.self_words))


def _on_its_portal(doc: Document, issuer: AgencyHit) -> AgencyHit:
    """An issuer written by level alone (市交通运输局2023年…报告) on a portal of that level (衢州市人民政府门户网站):
    the portal's region's body; as it is otherwise."""
    if not issuer.scoped or issuer.region or not issuer.core:
        return issuer
    site = site_region(doc.lines, doc.region_mentions)
    return (site_qualified(issuer, site, RegionGazetteer.default()) if site else None) or issuer


def _place_by_issuer(doc: Document, gazetteer: RegionGazetteer) -> bool:
    """Take the issuer's region as the report's when the text gave none or only one above it (广东省
    for a 安铺镇 report); True if that changed it."""
    if doc.issuer is None or not doc.issuer.region:
        return False
    entry = gazetteer.by_node(doc.issuer.region)
    if entry is None or entry == doc.region_context or (
            doc.region_context is not None and doc.region_context not in gazetteer.ancestors(entry)):
        return False
    doc.region_context = entry
    pinned = resolve_mentions(gazetteer, doc.region_unresolved, entry)
    taken = {m.start for m in pinned}
    doc.region_mentions = sorted(doc.region_mentions + pinned, key=lambda m: m.start)
    doc.region_unresolved = [h for h in doc.region_unresolved if h.start not in taken]
    return True


def _adopt_issuer_town(doc: Document) -> bool:
    """A township that issues the report owns its bare 镇党委/街道工委/党委 even when the gazetteer
    cannot place it (a name several counties share and the text never qualifies); True if adopted."""
    issuer = doc.issuer
    if issuer is None or issuer.level != "乡镇" or not issuer.scoped or not issuer.region \
            or doc.agency_context.town is not None:
        return False
    doc.issuer_town = issuer.region
    return True


def _opening_end(doc: Document) -> int | None:
    """Where the opening's second sentence ends, not counting header lines (文号, addressee, title)
    nor the page's furniture (a site banner, a breadcrumb, a 发布时间/来源/浏览次数 row)."""
    furniture = [(line.start, line.end) for line in meta_rules.page_furniture(doc.lines)]
    def in_body(s: Sentence) -> bool:
        return s.end - s.start >= OPENING_MIN_SENTENCE and not any(start <= s.start < end for start, end in furniture)
    # (index, sentence) of the first few body sentences: stop there rather than filter a long report's every one
    body = list(islice(((i, s) for i, s in enumerate(doc.sentences) if in_body(s)), OPENING_MAX_SENTENCES))
    if not body:
        return doc.sentences[-1].end if doc.sentences else None
    end = body[min(1, len(body) - 1)][1].end
    last = body[-1][0] + 1  # and the short one after it
    follows = next((s for s in doc.sentences[:last + 1] if REPORT_FOLLOWS_RE.search(doc.text, s.start, s.end)), None)
    return max(end, follows.end) if follows else end


def report(doc: Document) -> None:
    """The report's own metadata (title, issuer, region, year, type, 文号, date)."""
    gazetteer = RegionGazetteer.default()
    doc.report = report_meta(doc.text, doc.lines, doc.title, doc.signatures, doc.issuer, gazetteer,
                             doc.region_context, doc.self_words)
    if doc.report.region is None and doc.issuer is None:
        # the publisher's own number is issued under its division, a notice sent down speaks of its own
        # division (全省各级各部门…): the report's region, its body unknown
        office = doc.office_region
        named = named_regions(doc.region_mentions, doc.region_unresolved)
        entry = (doc.region_by_index or (gazetteer.by_node(office) if office else None)
                 or notice_region(doc.text, _opening_end(doc), named, doc.region_context, gazetteer, doc.self_words)
                 or plan_title_region(doc.text, doc.title, named))
        if entry is not None:
            doc.report.region = name_prefix(gazetteer, entry)
        else:
            doc.report.region = leadership_region(doc.text, doc.region_mentions,
                                                  doc.region_context or site_region(doc.lines, doc.region_mentions),
                                                  gazetteer, doc.self_words)


def laws(doc: Document) -> None:
    """Cited titles, resolved to canonical documents (an agency at a title's head is its issuer)."""
    cited = resolve_citations(doc.text, RegionGazetteer.default(), doc.agency_hits)
    doc.law_hits = sorted(cited + find_bare_laws(doc.text, cited), key=lambda law: law.start)


def measures(doc: Document) -> None:
    """Measures outside the titles of others' documents and outside the report's own title.

    A measure named inside someone else's document title is that document's subject, not a
    practice of this agency; its own rules (《法律顾问制度》 it made) do show what it practises.
    """
    cited = [(law.start, law.end) for law in doc.law_hits if law.category != "内部制度" and law.parent is None]
    if doc.title is not None:  # the report's own title names its genre, not a measure it carries out
        cited.append((doc.title.start, doc.title.end))
        cited += _repeats(doc.text, doc.title.text)  # pages print it twice (heading, then above the body)
    cited += [(line.start, line.end) for line in meta_rules.page_furniture(doc.lines)]
    cited += [(line.start, line.end) for line in _header_labels(doc.lines)]
    cited += _cut_title(doc.text)
    doc.measure_hits = find_measures(doc.text, [(r.start, r.end) for r in doc.region_mentions], cited)


LONGEST_CUT_TITLE = 80


def _cut_title(text: str) -> list[tuple[int, int]]:
    """A title the excerpt cuts off (《…履行推进法治建设第一责任人 at the end, no 》): a citation all the same."""
    opened = text.rfind("《", max(0, len(text) - LONGEST_CUT_TITLE))
    return [(opened, len(text))] if opened != -1 and "》" not in text[opened:] else []


_CLAUSE_MARKS = "，。；,;"


def _header_labels(lines: Sequence[meta_rules.Line]) -> list[meta_rules.Line]:
    """Lines above the body that no clause mark ends: a portal's section heading (…办公室政府信息公开,
    政府信息公开规章库 once its space is gone) names a part of the site, not a practice of the issuer.
    The body starts at the first body line (metadata.is_body_line), as for page furniture."""
    out = []
    for line in lines[:meta_rules.HEADER_LINES]:
        if meta_rules.is_body_line(line.text):
            break
        if not any(c in line.text for c in _CLAUSE_MARKS):
            out.append(line)
    return out


def _repeats(text: str, line: str) -> list[tuple[int, int]]:
    """Every place `line` is written in the text, as (start, end) spans."""
    spans, start = [], text.find(line)
    while start >= 0:
        spans.append((start, start + len(line)))
        start = text.find(line, start + 1)
    return spans


def entities(doc: Document) -> None:
    """Hits grouped into one entity per canonical name, mentions in original offsets: the Extraction."""
    doc.extraction = Extraction(
        report_id=doc.report_id,
        source=doc.loaded.source,
        text=doc.loaded.original,
        report=doc.report,
        laws=_group_laws(doc),
        agencies=_group_agencies(doc),
        measures=_group_measures(doc),
        regions=_group_regions(doc),
    )


def relations(doc: Document) -> None:
    """Typed relations between the entities, each with its sentence."""
    _result(doc).relations = build_relations(doc)


def aliases(doc: Document) -> None:
    """The user's renames (data/aliases.tsv): last, so a user's decision always wins."""
    doc.extraction = apply_aliases(_result(doc))


def _result(doc: Document) -> Extraction:
    if doc.extraction is None:
        raise RuntimeError("the entities step must run first")
    return doc.extraction


def _group_laws(doc: Document) -> list[Law]:
    def fill_issuer(law: Law, hit: LawHit) -> None:
        law.issuer = law.issuer or hit.issuer
    return _grouped(doc, doc.law_hits, lambda h: Law(h.name, h.category, h.issuer), fill_issuer)


def _group_agencies(doc: Document) -> list[Agency]:
    report_id = doc.report_id

    def new(hit: AgencyHit) -> Agency:
        return Agency(hit.name, hit.level, hit.region, scope=report_id if hit.scoped else None)

    def fill_level(agency: Agency, hit: AgencyHit) -> None:
        agency.level = agency.level or hit.level
    return _grouped(doc, doc.agency_hits, new, fill_level)


def _group_measures(doc: Document) -> list[Measure]:
    return _grouped(doc, doc.measure_hits, lambda h: Measure(h.name, h.kind))


def _group_regions(doc: Document) -> list[Region]:
    return _grouped(doc, doc.region_mentions, lambda h: Region(h.name, h.entry.level, h.entry.parent))


def _grouped(doc: Document, hits: Iterable[H], new: Callable[[H], E],
             fill: Callable[[E, H], None] | None = None) -> list[E]:
    """One entity per canonical name, in order of first mention; every hit adds a mention in
    original offsets, and `fill` lets a later hit supply a field the first one left empty."""
    entities: dict[str, E] = {}
    for hit in hits:
        entity = entities.get(hit.name)
        if entity is None:
            entity = entities[hit.name] = new(hit)
        if fill is not None:
            fill(entity, hit)
        entity.mentions.append(doc.mention(hit.start, hit.end))
    return list(entities.values())
