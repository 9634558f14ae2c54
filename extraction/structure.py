"""Document structure: the section ladder and the sentences of a normalised text.

Chinese official documents number their sections in a fixed ladder:
一、 → (一) → 1. → (1), with 一是/二是… as enumerations inside paragraphs. The
ladder gives each sentence its section path, which the reader page shows and
which separates the body from the signature block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_NUM = "一二三四五六七八九十百零〇"

# Level -> pattern anchored at a line start. Order matters: (一) before 1.
HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"[{CN_NUM}]{{1,3}}[、.．]")),
    (2, re.compile(rf"[(（][{CN_NUM}]{{1,3}}[)）]")),
    (3, re.compile(r"\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"[(（]\d{1,2}[)）]")),
    (5, re.compile(rf"[{CN_NUM}]{{1,3}}是")),
)
SENTENCE_END = "。！？；!?;"
CLOSERS = "”’）)」』"
# A "sentence" longer than this (a page without 。, a table flattened into one line) is
# cut at its last comma-like break before the limit. Every fact found in a sentence
# stores the sentence as evidence, so an unbounded one multiplies memory by the number
# of facts in it (a 156,000-character line took 2 GB and 38 s to ingest).
MAX_SENTENCE = 500
SOFT_BREAKS = "，,、：:　 "


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class Section:
    level: int
    marker: str
    title: str
    start: int  # offset of the heading line in the normalised text
    end: int    # end of the section (start of the next sibling or higher heading)


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class Sentence:
    start: int
    end: int
    section: int | None  # index into Document.sections of the innermost enclosing section


# The ladder as one regex, alternatives in ladder order (the first that matches wins, as in a
# loop over HEADING_PATTERNS), so each line costs one match call.
_HEADING_RE = re.compile("|".join(f"(?P<level{level}>{pattern.pattern})" for level, pattern in HEADING_PATTERNS))
_SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")


_LEVEL_OF_GROUP = {f"level{level}": level for level, _ in HEADING_PATTERNS}


def heading_level(line: str) -> tuple[int, str] | None:
    """The ladder level and marker of a heading line, or None for body text."""
    return _heading_at(line.lstrip())


def _heading_at(stripped: str) -> tuple[int, str] | None:
    """heading_level of a line whose leading space is already stripped."""
    match = _HEADING_RE.match(stripped)
    if match is None:
        return None
    assert match.lastgroup is not None  # every alternative of _HEADING_RE is a named group
    return _LEVEL_OF_GROUP[match.lastgroup], match.group(0)


def _heading_title(stripped: str, marker: str) -> str:
    """The heading's own words: up to the first sentence end (run-in headings carry body text)."""
    rest = stripped[len(marker):]
    end = _SENTENCE_END_RE.search(rest)
    return (rest[:end.start()] if end else rest).strip()


def parse_sections(text: str) -> list[Section]:
    """Every heading of the ladder with the span it governs."""
    found: list[tuple[int, str, str, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.lstrip()  # once a line: the heading test and the title both read it
        hit = _heading_at(stripped)
        if hit and len(stripped.rstrip()) > len(hit[1]):
            level, marker = hit
            found.append((level, marker, _heading_title(stripped, marker), pos))
        pos += len(line) + 1
    ends = _section_ends([level for level, _, _, _ in found], [start for _, _, _, start in found], len(text))
    return [Section(level, marker, title, start, end)
            for (level, marker, title, start), end in zip(found, ends, strict=True)]


def _section_ends(levels: list[int], starts: list[int], text_end: int) -> list[int]:
    """Each section ends where the next heading of its level or higher starts (else at the text end).

    One sweep with a stack of still-open sections, whose levels increase upwards: a heading
    closes the open sections of its level and deeper. (Looking ahead from every heading was
    quadratic in the number of headings of a long report.)
    """
    ends = [text_end] * len(levels)
    open_sections: list[int] = []
    for i, level in enumerate(levels):
        while open_sections and levels[open_sections[-1]] >= level:
            ends[open_sections.pop()] = starts[i]
        open_sections.append(i)
    return ends


_SENTENCE_RE = re.compile(rf"[^{SENTENCE_END}\n]*(?:[{SENTENCE_END}][{CLOSERS}]*|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at 。！？； and line ends, keeping closing quotes with their sentence."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE_RE.finditer(text):
        start, end = match.span()
        if end == start:
            continue
        if text[end - 1] == "\n" and end - start > 1:
            end -= 1  # a line's last sentence: its line end is trimmed, as _append_trimmed would
        if end - start <= MAX_SENTENCE and not text[start].isspace() and not text[end - 1].isspace():
            spans.append((start, end))  # the common case, without the trimming loops
        else:
            _append_trimmed(spans, text, start, end)
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _soft_cut(text, start, start + MAX_SENTENCE)
        _append_trimmed(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _soft_cut(text: str, start: int, limit: int) -> int:
    """End of the last comma-like break in text[start:limit] (past its middle), else `limit`."""
    for i in range(limit - 1, start + MAX_SENTENCE // 2, -1):
        if text[i] in SOFT_BREAKS:
            return i + 1
    return limit


def sentences_with_sections(text: str, sections: list[Section]) -> list[Sentence]:
    """Sentences, each tagged with its innermost section (one sweep, sections are in text order)."""
    out: list[Sentence] = []
    open_stack: list[int] = []
    next_section = 0
    next_start = sections[0].start if sections else -1  # -1: no section opens any more
    for start, end in split_sentences(text):
        while 0 <= next_start <= start:
            _close_ended(open_stack, sections, next_start)
            open_stack.append(next_section)
            next_section += 1
            next_start = sections[next_section].start if next_section < len(sections) else -1
        # most sentences close nothing: test the innermost section before calling the loop
        if open_stack and sections[open_stack[-1]].end <= start:
            _close_ended(open_stack, sections, start)
        out.append(Sentence(start, end, open_stack[-1] if open_stack else None))
    return out


def _close_ended(stack: list[int], sections: list[Section], pos: int) -> None:
    while stack and sections[stack[-1]].end <= pos:
        stack.pop()
