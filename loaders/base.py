"""What every loader returns: the original text, the normalised text, and the map between them."""

from __future__ import annotations

from dataclasses import dataclass

# Extraction time grows faster than linearly with text length (measured: 0.37 M characters
# in ~3 s, 1.5 M in ~35 s), and one report is typically 5,000-50,000 characters. A longer
# text is a compilation or garbage; refusing it keeps one file from stalling an ingest.
MAX_TEXT_CHARS = 1_000_000


class LoadError(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def check_text_size(path: str, original: str, max_chars: int = MAX_TEXT_CHARS) -> None:
    """Refuse text too long to extract, before normalisation builds its offset map."""
    if len(original) > max_chars:
        raise LoadError(path, f"too large: {len(original):,} characters of text > extraction cap "
                              f"{max_chars:,} (split the document)")


@dataclass
class LoadedText:
    """A document's text in two forms.

    `original` is the text as decoded/extracted from the file; every evidence
    offset the project emits points into it. `text` is the normalised form the
    extractors match on (width, quotes, brackets, Traditional -> Simplified, PDF
    line breaks inside words). `offsets[i]` is the index in `original` of
    `text[i]`; `offsets[len(text)] == len(original)`, so a normalised span
    [s, e) maps back to original[offsets[s] : offsets[e - 1] + 1].
    """

    source: str
    original: str
    text: str
    offsets: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original span covering it."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1
