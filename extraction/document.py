"""The working view of one report: normalised text, sentences, and evidence in original offsets."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field

from fazhi.extraction.structure import Section, Sentence, parse_sections, sentences_with_sections
from fazhi.loaders.base import LoadedText
from fazhi.model import Evidence, Mention


def content_id(text: str) -> str:
    """Report id: a hash of the normalised text, so the same report in any encoding is one report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    loaded: LoadedText
    sections: list[Section] = field(init=False)
    sentences: list[Sentence] = field(init=False)

    def __post_init__(self) -> None:
        self.sections = parse_sections(self.text)
        self.sentences = sentences_with_sections(self.text, self.sections)
        self._starts = [s.start for s in self.sentences]
        # Evidence per sentence index: a report states several facts per sentence, and each
        # fact's evidence would otherwise map and slice the same sentence again.
        self._evidence: dict[int, Evidence] = {}

    @property
    def text(self) -> str:
        return self.loaded.text

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._starts, pos) - 1)

    def sentence_at(self, pos: int) -> Sentence:
        return self.sentences[self.sentence_index(pos)]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def evidence(self, pos: int) -> Evidence:
        """The sentence around a normalised offset, as it reads in the original text."""
        if not self.sentences:
            return Evidence("", 0, 0)
        index = self.sentence_index(pos)
        found = self._evidence.get(index)
        if found is None:
            sentence = self.sentences[index]
            start, end = self.loaded.to_original(sentence.start, sentence.end)
            found = self._evidence[index] = Evidence(self.loaded.original[start:end], start, end)
        return found

    def mention(self, start: int, end: int) -> Mention:
        o_start, o_end = self.loaded.to_original(start, end)
        return Mention(self.loaded.original[o_start:o_end], o_start, o_end)
