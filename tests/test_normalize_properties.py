"""Property tests for loaders.normalize: it never raises and its offset map is always honest."""

from __future__ import annotations

import re
import time
import unicodedata

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.loaders.normalize import normalize

_T2S = opencc.OpenCC("t2s")

# Characters each step treats specially, so random text hits them often.
SPECIAL = list(
    '《》<>‹›〈〉"“”‘’「」『』（）()，。、：；！？!?;:\n\r\t \u3000\u00a0\u200b\u00ad\ufeff\x00\x1f\x85\u2028'
    "一二三是第条、.1(（国說國發為乾隆頭髮著作ＡＺ０９＂＜＞"
)
chars = st.one_of(
    st.characters(),  # any code point except surrogates
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates: text decoded with surrogateescape etc.
    st.sampled_from(SPECIAL),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
texts = st.text(chars, max_size=300)

SPACES = set(" \t\u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
LINE_BREAKS = set("\n\r\v\f\x85\u2028\u2029")
OPENING = {"“", "‘", "〈"}
QUOTE_SOURCES = {'"': "“”", "＂": "“”", "「": "“", "」": "”", "『": "‘", "』": "’"}
BRACKET_SOURCES = {"<": "〈", "＜": "〈", "‹": "〈", ">": "〉", "＞": "〉", "›": "〉"}


def width_fold(ch: str) -> str:
    """Full-width ASCII to ASCII, written independently of the module's table."""
    code = ord(ch)
    return chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else ch


def phrase_converts(original: str, j: int, norm: str) -> bool:
    """OpenCC converts some characters only inside phrases (答覆 -> 答复, 覆 alone stays):
    accept `norm` if some short window around position j converts it that way."""
    for a in range(max(0, j - 3), j + 1):
        for b in range(j + 1, min(len(original), j + 4) + 1):
            window = original[a:b]
            if any(0xD800 <= ord(c) <= 0xDFFF for c in window):
                continue
            converted = _T2S.convert(window)
            if len(converted) == len(window) and converted[j - a] == norm:
                return True
    return False


def came_from(original: str, j: int, norm: str) -> bool:
    """The per-step relation: may `norm` be what the pipeline made of original[j]?

    identity; t2s of the character (alone or inside an OpenCC phrase); full-width
    -> ASCII; any space -> " "; any line-break character -> "\\n"; quotes ->
    curly quotes (direction chosen by pairing); < > ‹ › and their full-width
    forms -> 〈 〉 inside titles.
    """
    orig = original[j]
    if norm in {orig, _T2S.convert(orig), width_fold(orig)}:
        return True
    if phrase_converts(original, j, norm):
        return True
    if orig in SPACES:
        return norm == " "
    if orig in LINE_BREAKS:
        return norm == "\n"
    if orig in QUOTE_SOURCES:
        return norm in QUOTE_SOURCES[orig]
    if orig in BRACKET_SOURCES:
        return norm == BRACKET_SOURCES[orig]
    return False


def may_vanish(ch: str, *, joined: bool) -> bool:
    """Original characters that may have no image: invisible/control chars, spaces
    between CJK characters, and (only when joining) line breaks."""
    if ch in SPACES:
        return True
    if ch == "\r" or unicodedata.category(ch) in {"Cc", "Cf", "Cs"} and ch not in "\n\t\v\f\x85":
        return True
    if ch in {"\u00ad", "\u034f", "\u180e"}:
        return True
    return joined and ch in LINE_BREAKS


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_offsets_are_an_exact_map(original: str, join: bool) -> None:
    text, offsets = normalize(original, join_wrapped_lines=join)
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    # Strictly increasing: no step inserts or merges characters (implies non-decreasing).
    assert all(0 <= a < b for a, b in zip(offsets, offsets[1:], strict=False))
    for i, ch in enumerate(text):
        assert came_from(original, offsets[i], ch), (i, original[offsets[i]], ch)
    kept = set(offsets[:-1])
    for j, ch in enumerate(original):
        if j not in kept:
            assert may_vanish(ch, joined=join), (j, ch)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_output_has_no_invisible_characters(original: str) -> None:
    text, _ = normalize(original, join_wrapped_lines=True)
    text.encode("utf-8")  # would raise on a lone surrogate
    for ch in text:
        assert ch == "\n" or unicodedata.category(ch) not in {"Cc", "Cs"}, repr(ch)
        assert ch not in "\r\u200b\u200d\u00ad\ufeff\u3000\u2028", repr(ch)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("《》<>‹›甲乙 "), max_size=250))
def test_no_angle_brackets_inside_titles(original: str) -> None:
    text, _ = normalize(original)
    for title in re.findall("《[^《》]*》", text):
        assert not set("<>‹›") & set(title), title
    outside = re.sub("《[^《》]*》", "", text)
    assert outside.count("<") == re.sub("《[^《》]*》", "", original).count("<")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from('"甲乙,'), max_size=20), max_size=8))
def test_straight_quotes_alternate_per_line(lines: list[str]) -> None:
    text, _ = normalize("\n".join(lines))
    assert '"' not in text
    for line in text.split("\n"):
        quotes = [ch for ch in line if ch in "“”"]
        assert quotes == ["“”"[k % 2] for k in range(len(quotes))]


def test_huge_runs_of_title_marks_are_fast() -> None:
    original = "《" * 200_000 + "<法>" + "》" * 200_000 + "“" * 100_000 + '"' * 100_000
    start = time.process_time()
    text, offsets = normalize(original, join_wrapped_lines=True)
    assert time.process_time() - start < 60  # a hang guard (quadratic would take hours), not a speed goal
    assert len(offsets) == len(text) + 1
    assert "《〈法〉》" in text
