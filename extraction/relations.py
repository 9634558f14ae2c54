"""Relations between the entities of one report, each with the sentence that states it.

- ISSUED (Agency→Report), CITES, MENTIONS: from the issuer and every entity found.
- IMPLEMENTS {year}: in these reports the issuing agency reports what it does, so
  the issuer implements every measure the report names.
- COOPERATES_WITH: a cue (联合/配合/会同/协同/协助) followed closely by another agency.
- BASED_ON: a basis cue (按照/根据/依据/依照/贯彻/落实) before a citation, and a
  measure in the same sentence.
- ISSUED (Agency→Law): the issuer 制定/出台/印发 a document; ISSUED_BY: an organ
  written at the head of a cited title (国务院办公厅关于…).
- REFERENCES: nested titles. LOCATED_IN / PART_OF: agencies in their region,
  regions in their parent region.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from fazhi.extraction.agencies import AgencyHit
from fazhi.extraction.document import Document
from fazhi.extraction.laws import MADE_RE, LawHit
from fazhi.extraction.measures import MeasureHit
from fazhi.extraction.regions import RegionEntry, RegionGazetteer, RegionMention
from fazhi.extraction.spans import starting_in
from fazhi.model import Extraction, Relation

COOPERATION_RE = re.compile(r"联合|配合|会同|协同|协助|联动|携手|共同")
COOPERATION_WINDOW = 12
BASIS_RE = re.compile(r"按照|根据|依据|依照|贯彻|落实|遵照|对照")

Add = Callable[..., None]  # add(rel_type, source_label, source, target_label, target, pos, year=, target_props=)


def build_relations(doc: Document) -> list[Relation]:
    """Every relation of the report, from the hits and grouped entities earlier steps put on `doc`."""
    ex = doc.extraction
    assert ex is not None, "the entities step runs before relations"
    issuer, agency_hits, laws, measures = doc.issuer, doc.agency_hits, doc.law_hits, doc.measure_hits
    rels: list[Relation] = []
    year = ex.report.year
    rid = ex.report_id

    evidence, append = doc.evidence, rels.append

    def add(rel_type: str, source_label: str, source: str, target_label: str, target: str,
            pos: int, year: int | None = None, target_props: dict | None = None) -> None:
        # named parameters, not **extra: a report adds ~150 relations, and a ** call builds a dict each time
        append(Relation(rel_type, source, target, evidence(pos), source_label, target_label, year, target_props))

    if issuer:
        add("ISSUED", "Agency", issuer.name, "Report", rid, issuer.start)
    for law in laws:
        add("CITES", "Report", rid, "Law", law.name, law.start)
        if law.parent:
            add("REFERENCES", "Law", law.parent, "Law", law.name, law.start)
        if law.issuer_hit is not None:
            add("ISSUED_BY", "Law", law.name, "Agency", law.issuer_hit.name, law.start)
    for label, entities in (("Agency", ex.agencies), ("Measure", ex.measures), ("Region", ex.regions)):
        for entity in entities:
            first = _normalised_start(doc, entity.mentions[0].start)
            add("MENTIONS", "Report", rid, label, entity.name, first)
    if issuer:
        for hit in measures:
            add("IMPLEMENTS", "Agency", issuer.name, "Measure", hit.name, hit.start, year=year)
        _issued_laws(doc, issuer, agency_hits, laws, add)
        _cooperation(doc, issuer, agency_hits, add)
    _based_on(doc, laws, measures, add)
    _locations(doc, ex, agency_hits, doc.region_mentions, add)
    return rels


def _normalised_start(doc: Document, original_start: int) -> int:
    """Back from an original offset to the normalised text (mentions store original offsets)."""
    return min(bisect_left(doc.loaded.offsets, original_start), max(len(doc.text) - 1, 0))


LIST_GAP_RE = re.compile(r"[、，,和及与以及\s等]*")


def _issued_laws(doc: Document, issuer: AgencyHit, agency_hits: list[AgencyHit], laws: list[LawHit],
                 add: Add) -> None:
    """制定了《X》《Y》、《Z》 with no other agency as the subject of the sentence → the issuer made them."""
    previous_end = -1
    starts = [h.start for h in agency_hits]
    for law in laws:
        if law.parent:
            continue
        sentence = doc.sentence_at(law.start)
        before = doc.text[max(sentence.start, law.start - 8):law.start]
        continues_list = previous_end >= sentence.start and LIST_GAP_RE.fullmatch(doc.text[previous_end:law.start])
        if not (MADE_RE.search(before) or continues_list):
            previous_end = -1
            continue
        if any(h.name != issuer.name for h in starting_in(agency_hits, starts, sentence.start, law.start)):
            previous_end = -1
            continue
        add("ISSUED", "Agency", issuer.name, "Law", law.name, law.start)
        previous_end = law.end


def _cooperation(doc: Document, issuer: AgencyHit, agency_hits: list[AgencyHit], add: Add) -> None:
    starts = [h.start for h in agency_hits]
    for match in COOPERATION_RE.finditer(doc.text):
        i = bisect_left(starts, match.end())
        seen = set()
        while i < len(agency_hits) and agency_hits[i].start - match.end() <= COOPERATION_WINDOW:
            partner = agency_hits[i]
            sentence = doc.sentence_at(match.start())
            if partner.start >= sentence.end:
                break
            if partner.name != issuer.name and not partner.generic and partner.name not in seen:
                seen.add(partner.name)
                add("COOPERATES_WITH", "Agency", issuer.name, "Agency", partner.name, match.start())
            i += 1


def _based_on(doc: Document, laws: list[LawHit], measures: list[MeasureHit], add: Add) -> None:
    by_sentence: dict[int, list[MeasureHit]] = {}
    for hit in measures:
        by_sentence.setdefault(doc.sentence_index(hit.start), []).append(hit)
    for law in laws:
        if law.parent:
            continue
        index = doc.sentence_index(law.start)
        sentence = doc.sentences[index]
        if not BASIS_RE.search(doc.text[sentence.start:law.start]):
            continue
        for hit in by_sentence.get(index, []):
            add("BASED_ON", "Measure", hit.name, "Law", law.name, law.start)


def _locations(doc: Document, ex: Extraction, agency_hits: list[AgencyHit], regions: list[RegionMention],
               add: Add) -> None:
    gazetteer = RegionGazetteer.default()
    first_region_pos: dict[str, tuple[int, RegionEntry]] = {}
    for r in regions:
        first_region_pos.setdefault(r.name, (r.start, r.entry))
    first_agency_pos: dict[str, int] = {}
    for h in agency_hits:
        first_agency_pos.setdefault(h.name, h.start)
    for agency in ex.agencies:
        if agency.region and agency.region in first_region_pos:
            add("LOCATED_IN", "Agency", agency.name, "Region", agency.region, first_agency_pos[agency.name])
    for name, (pos, entry) in first_region_pos.items():
        child = name
        for parent in gazetteer.ancestors(entry):
            props = {"level": parent.level, "parent": parent.parent}
            add("PART_OF", "Region", child, "Region", parent.name, pos, target_props=props)
            child = parent.name
