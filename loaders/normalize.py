"""Normalise report text for matching while keeping an exact map back to the original.

Extractors match on a canonical form (Simplified characters, half-width ASCII,
curly quotes, 〈〉 inside 《》, no PDF line-break artefacts), but evidence must
quote the file as published. Every step below is therefore either a 1:1
character substitution (the offset map is untouched) or a deletion (the map
loses the deleted positions). There are no insertions and no many-to-one
merges, so `offsets[i]` is always the index of the original character that
`text[i]` was derived from, and the map is strictly increasing.

Steps, in order:

1. clean: delete zero-width characters, soft hyphens, BOMs, bidi controls,
   lone surrogates and control characters; delete the ``\\r`` of ``\\r\\n``;
   delete runs of spaces (incl. U+3000, NBSP, tabs) between two CJK characters
   ("法 治 政 府" -> "法治政府": PDF/Word layout artefacts), and the single spaces of a
   letter-spaced heading's digits ("省 2 0 2 1 年" -> "省2021年"). Then map lone
   ``\\r``, ``\\v``, ``\\f``, NEL and U+2028/9 to ``\\n`` and the remaining
   tabs and Unicode spaces (incl. the ideographic space U+3000) to ``" "``.
2. Traditional -> Simplified, only where the script is Traditional. A text with
   many characters that only Traditional script writes (data/traditional_chars.tsv:
   OpenCC's table less GB 2312) is converted whole by OpenCC ``t2s``, phrase-aware;
   its dictionaries are length-preserving, and a line that ever changes length is
   converted character by character. Any other text keeps every character except
   those Traditional-only ones, each mapped alone: t2s run over a Simplified text
   rewrites characters that are valid Simplified too (乾县, a county, became 干县).
3. width: full-width ASCII U+FF01-FF5E -> ASCII (so （） -> () and ，-> ,);
   「」『』 -> “”‘’. Chinese marks outside that block (、。《》“”…—) stay.
4. optional join of hard-wrapped lines (see `_keeps_break`).
5. quotes: straight ``"`` is paired per line into “ / ” (a curly quote seen on
   the same line counts for the pairing).
6. titles: ``< >``, ``‹ ›`` inside 《…》 -> 〈 〉.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import opencc

from fazhi.data import data_dir

# --- character classes -----------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Han plus CJK punctuation; used to decide which spaces are layout artefacts.
_CJK = _HAN + "\u3001-\u303f\u2018\u2019\u201c\u201d\u2026\u2014\uff5f-\uffef"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"

_DELETE_RE = re.compile(
    "(\r(?=\n)|["
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0/C1 controls except \t \n \v \f \r NEL
    "\u00ad\u034f\u061c\u180e"  # soft hyphen, CGJ, ALM, Mongolian vowel separator
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # zero-width, bidi
    "\ufeff\ufff9-\ufffb"  # BOM / ZWNBSP, interlinear annotation
    "\ud800-\udfff"  # lone surrogates (cannot be encoded, would break OpenCC)
    "]+"
    f"|(?<=[{_CJK}])[{_SPACES}]+(?=[{_CJK}])"  # layout spaces between CJK: "法 治 政 府"
    # letter-spaced digits of a heading: "福 建 省 2 0 2 1 年 度" (single characters between single spaces)
    f"|(?<=[{_HAN}0-9])(?<![^ \n][{_HAN}0-9]) (?=[{_HAN}0-9](?:[ \n]|$))"
    f"|(?<=[0-9])(?<![^ \n][0-9]) (?=[{_HAN}])|(?<=[{_HAN}]) (?=[0-9](?:[ \n]|$))"
    # pinyin glosses some pages print after each character: 機(jī)關(guān) reads 機關
    f"|[(（](?<=[{_HAN}][(（])(?=[a-zü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}[)）])"
)


def _build_table() -> dict[int, str]:
    """One translate table for every 1:1 substitution that needs no context."""
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    for ch in "\r\v\f\x85\u2028\u2029":
        table[ord(ch)] = "\n"
    for ch in "\t\u00a0\u1680\u202f\u205f\u3000":
        table[ord(ch)] = " "
    for cp in range(0x2000, 0x200B):
        table[cp] = " "
    table.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"})
    return table


_TABLE = _build_table()
# Only titles that contain a mark to fix; linear even on long runs of 《.
_TITLE_RE = re.compile("《[^《》<>‹›]{0,300}[<>‹›][^《》]{0,300}》")
_TITLE_MARKS = str.maketrans({"<": "〈", ">": "〉", "‹": "〈", "›": "〉"})
_QUOTE_RE = re.compile('["“”\n]')


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# --- offset-map primitives -------------------------------------------------


def _keep_mask(lengths: list[int] | np.ndarray) -> np.ndarray:
    """Mask over characters for alternating kept/deleted runs (kept run first).

    Why numpy: building the map with per-character Python ints is the slowest
    part of normalising; expanding run lengths is one vectorised call.
    """
    runs = np.asarray(lengths, dtype=np.int64)
    flags = np.zeros(len(runs), dtype=bool)
    flags[0::2] = True
    return np.repeat(flags, runs)


def _delete_spans(text: str, offs: np.ndarray, spans: list[tuple[int, int]]) -> tuple[str, np.ndarray]:
    """Remove sorted, non-overlapping spans from the text and the map together."""
    if not spans:
        return text, offs
    bounds = np.array([0, *(b for span in spans for b in span), len(text)], dtype=np.int64)
    parts = [text[a:b] for a, b in zip(bounds[0::2].tolist(), bounds[1::2].tolist(), strict=True)]
    return "".join(parts), offs[_keep_mask(np.diff(bounds))]


def _replace_1to1(text: str, spans: list[tuple[int, str]]) -> str:
    """Overwrite characters at given positions; the offset map does not change."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for pos, ch in spans:
        parts.append(text[last:pos])
        parts.append(ch)
        last = pos + 1
    parts.append(text[last:])
    return "".join(parts)


# --- steps -----------------------------------------------------------------


def _clean(original: str) -> tuple[str, np.ndarray]:
    """Delete invisible/control characters and layout spaces; the map starts here.

    `split` with a capturing pattern yields kept and deleted runs alternately
    without creating a match object per deletion.
    """
    pieces = _DELETE_RE.split(original)
    if len(pieces) == 1:
        return original, np.arange(len(original), dtype=np.int64)
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    return "".join(pieces[0::2]), np.flatnonzero(_keep_mask(lengths))


# A text is Traditional when at least this share of its characters (and this many) are
# Traditional-only: a Traditional report has about one in five, a Simplified one a stray few.
TRADITIONAL_SHARE = 0.02
TRADITIONAL_MIN = 3


@lru_cache(maxsize=1)
def _traditional_only() -> tuple[re.Pattern[str], dict[int, str]]:
    """The Traditional-only characters as one character class, and their 1:1 Simplified map."""
    table: dict[int, str] = {}
    for line in (data_dir() / "traditional_chars.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split("\t")
            table[ord(traditional)] = simplified
    chars = "".join(re.escape(chr(cp)) for cp in table)
    return re.compile(f"[{chars}]"), table


def is_traditional(text: str) -> bool:
    """Whether the text is written in Traditional script (see TRADITIONAL_SHARE)."""
    count = len(_traditional_only()[0].findall(text))
    return count >= TRADITIONAL_MIN and count >= TRADITIONAL_SHARE * len(text)


def to_simplified(text: str) -> str:
    """Traditional script to Simplified without ever changing the length (so the map stays
    positional); a Simplified text only loses its stray Traditional-only characters."""
    if text.isascii():
        return text
    pattern, table = _traditional_only()
    found = pattern.findall(text)
    if not found:
        return text
    if len(found) < TRADITIONAL_MIN or len(found) < TRADITIONAL_SHARE * len(text):
        return text.translate(table)
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "\n".join(_line_to_simplified(line, converter) for line in text.split("\n"))


def _line_to_simplified(line: str, converter: opencc.OpenCC) -> str:
    converted = converter.convert(line)
    if len(converted) == len(line):
        return converted
    chars = []
    for ch in line:
        out = converter.convert(ch)
        chars.append(out if len(out) == 1 else ch)
    return "".join(chars)


def _pair_quotes(text: str) -> str:
    """Turn straight double quotes into “/” by alternation, restarting on every line.

    Why per line: an unbalanced quote in one paragraph must not flip every quote
    in the rest of the document.
    """
    if '"' not in text:
        return text
    changes: list[tuple[int, str]] = []
    open_ = False
    for m in _QUOTE_RE.finditer(text):
        ch = m.group()
        if ch == "\n":
            open_ = False
        elif ch == "“":
            open_ = True
        elif ch == "”":
            open_ = False
        else:
            changes.append((m.start(), "”" if open_ else "“"))
            open_ = not open_
    return _replace_1to1(text, changes)


def _title_brackets(text: str) -> str:
    """Inside 《…》, nested-title marks < > ‹ › become 〈 〉 (the official form)."""
    if "《" not in text:
        return text
    return _TITLE_RE.sub(lambda m: m.group().translate(_TITLE_MARKS), text)


# --- wrapped lines ---------------------------------------------------------

# A line that starts like a heading or list item: 一、 (一) （1） 1. 1、 ① 一是 第三条 附件
_HEADING = (
    r"(?:[一二三四五六七八九十百零〇]+[、.]"
    r"|[(][一二三四五六七八九十百零〇\d]{1,3}[)]"
    r"|\d{1,3}(?:[、]|[.](?!\d))"
    r"|[①-⑳]"
    r"|[一二三四五六七八九十]+是"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|附件)"
)
_HEADING_RE = re.compile(r"[ ]*" + _HEADING)
_FINAL = frozenset("。!?;:！？；：")
_CLOSERS = "”’」』)）】》〉\"' "
_WORD = f"{_CJK}\uff01-\uff5e0-9A-Za-z,(《〈“"
# Candidate breaks: word-like characters on both sides, at least one of them Han,
# no sentence-final mark right before, no heading marker right after. Only the
# checks that need the whole previous line are left to Python.
_BREAK_RE = re.compile(
    f"(?:(?<=[{_HAN}])[ ]*\n[ ]*(?=[{_WORD}])"
    f"|(?<=[{_WORD}])(?<![。!?;:！？；：])[ ]*\n[ ]*(?=[{_HAN}]))"
    f"(?!{_HEADING})"
)
_HAN_RE = re.compile(f"[{_HAN}]")


def _typical_width(text: str) -> int | None:
    """Length of a 'full' line: the 90th percentile of non-trivial line lengths.

    Hard-wrapped text (PDF) has most lines at the page width; a heading or title
    is visibly shorter. With too few lines there is no useful estimate.
    """
    lengths = sorted(n for n in map(len, map(str.strip, text.split("\n"))) if n >= 8)
    if len(lengths) < 4:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def _keeps_break(prev: str, width: int | None) -> bool:
    """True when the break after line `prev` is a real paragraph break.

    Heuristic, applied only to a single line break between two non-blank lines
    (blank lines, i.e. paragraph gaps, are never touched):
    - keep unless the characters on both sides are word-like (CJK, digit,
      letter, comma, opening bracket/quote) and at least one of them is Han
      (checked by `_BREAK_RE`);
    - keep if the next line starts with a heading/list marker (一、 (一) 1. ①
      一是 第…条 附件) (also `_BREAK_RE`);
    - keep if `prev`, ignoring trailing closing quotes/brackets, ends with
      sentence-final punctuation 。!?;: (or their full-width forms);
    - keep if `prev` starts with a heading marker and is shorter than a full
      line (a heading; the first line of a wrapped 一是… paragraph is full);
    - keep if `prev` is clearly short (< 60% of a full line: titles, signatures).
    """
    stripped = prev.rstrip(_CLOSERS)
    if not stripped or stripped[-1] in _FINAL:
        return True
    if width is None:
        return False
    length = len(prev.strip())
    if length < 0.6 * width:
        return True
    return length < 0.85 * width and _HEADING_RE.match(prev) is not None


def _join_wrapped(text: str, offs: np.ndarray) -> tuple[str, np.ndarray]:
    """Delete line breaks (and the spaces around them) that split a sentence."""
    width = _typical_width(text)
    spans: list[tuple[int, int]] = []
    for m in _BREAK_RE.finditer(text):
        start, end = m.span()
        prev = text[text.rfind("\n", 0, start) + 1 : start]
        if not _keeps_break(prev, width):
            spans.append((start, end))
    return _delete_spans(text, offs, spans)


def looks_hard_wrapped(text: str) -> bool:
    """Guess whether plain text was hard-wrapped (copied from a PDF or a terminal).

    Why: joining lines is only safe when most lines end mid-sentence at a similar
    width. We require at least 6 substantial lines, more than half of them ending
    in a Han character or comma, and most lines within 15% of the typical width.
    """
    lines = [ln.strip() for ln in text.split("\n") if len(ln.strip()) >= 8]
    width = _typical_width(text)
    if len(lines) < 6 or width is None:
        return False
    open_ends = sum(1 for ln in lines if _HAN_RE.match(ln[-1]) or ln[-1] in ",，、")
    near_full = sum(1 for ln in lines if len(ln) >= 0.85 * width)
    return open_ends > len(lines) / 2 and near_full > len(lines) / 2


# --- entry point -----------------------------------------------------------


def normalize(original: str, *, join_wrapped_lines: bool = False) -> tuple[str, list[int]]:
    """Return (normalised text, offsets) with offsets[i] = index in `original` of text[i].

    len(offsets) == len(text) + 1 and offsets[-1] == len(original), so spans at
    the end of the text map cleanly too.
    """
    text, offs = _clean(original)
    text = to_simplified(text).translate(_TABLE)
    if join_wrapped_lines:
        text, offs = _join_wrapped(text, offs)
    text = _title_brackets(_pair_quotes(text))
    return text, [*offs.tolist(), len(original)]
