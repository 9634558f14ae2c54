"""Find document titles cited in 《》, including titles nested with 〈〉 or 《》 inside.

Works on normalised text, where the loader has already turned <> and ‹› inside
《》 into 〈〉. Unbalanced marks are common in published texts, so a title that
does not close within MAX_TITLE characters (or crosses a paragraph) is dropped
instead of swallowing the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_TITLE = 160
MAX_DEPTH = 4
OPEN_CLOSE = {"《": "》", "〈": "〉"}


@dataclass(slots=True)
class Citation:
    start: int  # offset of the opening mark
    end: int    # offset after the closing mark
    title: str  # the words between the marks, line breaks and inner marks removed
    nested: list[Citation] = field(default_factory=list)

    @property
    def inner_span(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def find_citations(text: str) -> list[Citation]:
    """Top-level citations in text order, each with its nested citations."""
    out: list[Citation] = []
    pos = text.find("《")
    while pos != -1:
        cite = _parse_at(text, pos, 0)
        if cite is None:
            pos = text.find("《", pos + 1)
            continue
        out.append(cite)
        pos = text.find("《", cite.end)
    return out


# The only characters that decide where a title ends; the parser jumps from one to the next.
_MARKS_RE = re.compile("[《》〈〉\n]")


def _parse_at(text: str, start: int, depth: int) -> Citation | None:
    """Parse the title opening at `start`; None when it never closes properly."""
    close = OPEN_CLOSE[text[start]]
    nested: list[Citation] = []
    i = start + 1
    limit = min(len(text), start + MAX_TITLE)
    newlines = 0
    while (mark := _MARKS_RE.search(text, i, limit)) is not None:
        i = mark.start()
        ch = text[i]
        if ch == close:
            return Citation(start, i + 1, _clean_title(text[start + 1 : i]), nested)
        if ch in OPEN_CLOSE:
            if depth + 1 >= MAX_DEPTH:
                return None
            inner = _parse_at(text, i, depth + 1)
            if inner is None:
                return None
            nested.append(inner)
            i = inner.end
            continue
        if ch in "》〉":  # a closing mark of the other kind: malformed
            return None
        newlines += 1  # ch is a line break
        if newlines > 1 or text[i + 1 : i + 2] == "\n":
            return None
        i += 1
    return None


_RANGE_DASH = re.compile(r"(\d)\s*[—–－~〜至-]+\s*(\d)")
_DROPPED_RE = re.compile("[\n\r\t《》〈〉]")  # deleting by regex: str.translate is slow on CJK text


def _clean_title(raw: str) -> str:
    """Title words only: no line breaks or nesting marks; year ranges written 2021-2025."""
    return _RANGE_DASH.sub(r"\1-\2", _DROPPED_RE.sub("", raw)).strip()


def flatten(citations: list[Citation]) -> list[tuple[Citation, Citation | None]]:
    """Every citation with its direct parent (None for top level), outer before inner."""
    out: list[tuple[Citation, Citation | None]] = []

    def walk(cite: Citation, parent: Citation | None) -> None:
        out.append((cite, parent))
        for child in cite.nested:
            walk(child, cite)

    for cite in citations:
        walk(cite, None)
    return out
