"""What every loader returns: the original text, the normalised text, and the map between them."""

from __future__ import annotations

from dataclasses import dataclass


class LoadError(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


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
