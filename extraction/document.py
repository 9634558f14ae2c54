"""The one object every extraction step reads and writes: a report's text, its structure, and the hits.

Steps run in the order of fazhi.extraction.pipeline.STEPS; each fills its own attributes
below and reads only those of earlier steps (as spaCy components write onto a Doc), so a
step can be timed, tested or replaced alone. The hit types belong to the rule modules
that find them; this module imports them and none of them imports it.

The hit types, Sentence, Section and Line are values, but declared
`@dataclass(slots=True, unsafe_hash=True)` rather than frozen: a report builds ~500 of them,
and a frozen dataclass's __init__ sets each field through object.__setattr__, three times
the cost of building an unfrozen one (measured: ~3.4 against ~1.0 µs). They compare and
hash by value as before; nothing assigns to one after it is built.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field

from fazhi.extraction.agencies import AgencyContext, AgencyHit
from fazhi.extraction.laws import LawHit
from fazhi.extraction.measures import MeasureHit
from fazhi.extraction.metadata import Line
from fazhi.extraction.regions import RegionEntry, RegionHit, RegionMention
from fazhi.extraction.self_words import SelfWords
from fazhi.extraction.structure import Section, Sentence
from fazhi.extraction.zones import Zone
from fazhi.loaders.base import LoadedText
from fazhi.model import Evidence, Extraction, Mention, ReportMeta


def content_id(text: str) -> str:
    """Report id: a hash of the normalised text, so the same report in any encoding is one report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(eq=False)
class Document:
    """A loaded report and what the steps have found in it so far (attributes grouped by step)."""

    loaded: LoadedText
    # the report's id: a hash of the text as loaded, fixed before any step (linebreaks) edits the text,
    # so a report keeps the id earlier versions gave it and a re-ingest finds it stored
    report_id: str = field(init=False)
    # structure
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # layout
    lines: list[Line] = field(default_factory=list)
    title: Line | None = None
    signatures: list[tuple[Line, Line]] = field(default_factory=list)  # (name line, date line)
    # regions
    region_context: RegionEntry | None = None  # the issuer's region, as far as the text shows
    region_mentions: list[RegionMention] = field(default_factory=list)
    region_unresolved: list[RegionHit] = field(default_factory=list)  # named, but which division is open
    # starts of hits that name a place other than the report's (a page row, a firm, a place visited)
    region_aside: set[int] = field(default_factory=set)
    region_by_abbreviation: RegionEntry | None = None  # a province named by its 简称 only (来陕考察)
    region_by_index: RegionEntry | None = None  # the division whose code opens the page's 索引号
    # agencies, then issuer (which renames self-references and adds 我局)
    agency_context: AgencyContext = field(default_factory=AgencyContext)
    issuer_town: str | None = None  # an issuing township the gazetteer cannot place (several 下洋镇), as written
    agency_hits: list[AgencyHit] = field(default_factory=list)
    position_hits: list[AgencyHit] = field(default_factory=list)  # organs inside a person's position
    office_region: str | None = None  # the region whose government's office a 来源 row names
    issuer: AgencyHit | None = None
    zones: list[Zone] = field(default_factory=list)  # development zones (高新区…): a zone may be the issuer
    # report
    report: ReportMeta = field(default_factory=ReportMeta)
    # laws, measures
    law_hits: list[LawHit] = field(default_factory=list)
    measure_hits: list[MeasureHit] = field(default_factory=list)
    # entities, relations, aliases: the result
    extraction: Extraction | None = None
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    # Evidence per sentence index: a report states several facts per sentence, and each
    # fact's evidence would otherwise map and slice the same sentence again.
    _evidence: dict[int, Evidence] = field(default_factory=dict, init=False, repr=False)
    _self_words: SelfWords | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.report_id = content_id(self.loaded.text)

    @property
    def text(self) -> str:
        return self.loaded.text

    @property
    def self_words(self) -> SelfWords:
        """How the report speaks of itself (我局, 全县), each kind read once per text: the issuer rules
        ask it many times (issuer.py), the linebreaks step may replace the text before."""
        if self._self_words is None or self._self_words.text is not self.text:
            self._self_words = SelfWords(self.text)
        return self._self_words

    def set_structure(self, sections: list[Section], sentences: list[Sentence]) -> None:
        """Sections and sentences together, with the index that sentence lookups bisect."""
        self.sections, self.sentences = sections, sentences
        self._starts = [s.start for s in sentences]
        self._evidence.clear()

    def sentence_index(self, pos: int) -> int:
        index = bisect_right(self._starts, pos) - 1
        return index if index > 0 else 0  # a conditional, not max(): relations ask this per fact

    def sentence_at(self, pos: int) -> Sentence:
        return self.sentences[self.sentence_index(pos)]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def evidence(self, pos: int) -> Evidence:
        """The sentence around a normalised offset, as it reads in the original text."""
        if not self.sentences:
            return Evidence("", 0, 0)
        index = bisect_right(self._starts, pos) - 1  # sentence_index, inlined: called per relation
        if index < 0:
            index = 0
        found = self._evidence.get(index)
        if found is None:
            sentence = self.sentences[index]
            start, end = self.loaded.to_original(sentence.start, sentence.end)
            found = self._evidence[index] = Evidence(self.loaded.original[start:end], start, end)
        return found

    def mention(self, start: int, end: int) -> Mention:
        """The hit [start, end) as the original text writes it (LoadedText.to_original, inlined for
        the common non-empty span: every hit of every entity becomes a mention)."""
        if end <= start:
            o_start, o_end = self.loaded.to_original(start, end)
        else:
            offsets = self.loaded.offsets
            o_start, o_end = offsets[start], offsets[end - 1] + 1
        return Mention(self.loaded.original[o_start:o_end], o_start, o_end)
