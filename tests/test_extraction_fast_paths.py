"""The extractor's fast paths find exactly what the plain forms they replace find.

Each fast path (a regex rewritten so that sre can skip ahead, a scan limited to the part of
the text where a match can lie) is compared on random strings over the characters that
matter to it with the plain form, written out here as the specification.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.extraction import agencies, linebreaks, measures, regions, structure
from fazhi.extraction.wordtrie import guarded_trie_regex, trie_regex

FUNCTION_LIST_CHARS = "公安司法等有关相部门机、，。交通市场监管 x"
LISTED_LEVEL_CHARS = "等一二三两十5个县区市旗长级东城、朝阳x"
CENTRAL_CHARS = "中央党共、和省市自治区县委员会x"


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=FUNCTION_LIST_CHARS, max_size=60))
def test_function_lists_are_the_matches_of_the_whole_text(text):
    assert _spans(agencies._function_lists(text)) == _spans(agencies.FUNCTION_LIST_RE.finditer(text))


def test_function_lists_finds_a_list():
    text = "会同公安、司法等有关部门，交通、市场监管等部门和x、公安等机关"
    found = [m.group(0) for m in agencies._function_lists(text)]
    assert found == ["会同公安、司法等有关部门", "交通、市场监管等部门"]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=LISTED_LEVEL_CHARS, max_size=30))
def test_listed_level_pattern_matches_the_plain_alternation(text):
    plain = re.compile(r"(?:等|[一二三四五六七八九十两\d]+个)(县区|区县|县市|市县|区|县|旗)(?![长域级直属委政])")
    assert _spans(regions.LISTED_LEVEL_RE.finditer(text)) == _spans(plain.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=CENTRAL_CHARS, max_size=30))
def test_central_pattern_matches_the_leading_lookbehind_form(text):
    plain = re.compile(r"(?<![党共])中央(?=[、和及与](?:省|市|自治区|区|县)委(?![员会]))")
    assert _spans(agencies.CENTRAL_BESIDE_COMMITTEES_RE.finditer(text)) == _spans(plain.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="中央党共关于要求和省国务院、的决策部署x", max_size=30))
def test_central_alone_pattern_matches_the_leading_lookbehind_form(text):
    plain = re.compile(r"(?<![党共])中央(?=关于|要求|和省|和国务院|、国务院|的?决策部署|精神|有关要求)")
    assert _spans(agencies.CENTRAL_ALONE_RE.finditer(text)) == _spans(plain.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="信息公开、，x", max_size=30))
def test_enumeration_item_pattern_matches_the_leading_lookbehind_form(text):
    plain = re.compile(r"(?<=、)信息公开|信息公开(?=、)")
    assert _spans(measures.ENUMERATION_ITEM_RE.finditer(text)) == _spans(plain.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="市公安局2 \t\n。a", max_size=30))
def test_line_breaks_are_the_matches_of_the_lookbehind_form(text):
    plain = re.compile(r"(?<=[\u4e00-\u9fff0-9])[ \t]*\n[ \t]*(?=[\u4e00-\u9fff0-9])")
    assert linebreaks.line_breaks(text) == [m.span() for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="法治。；”\n \u3000，", max_size=40))
def test_sentences_are_the_trimmed_matches(text):
    plain: list[tuple[int, int]] = []
    for m in structure._SENTENCE_RE.finditer(text):
        structure._append_trimmed(plain, text, m.start(), m.end())
    assert structure.split_sentences(text) == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="公安局编办", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="公安局编办x", max_size=30), st.integers(min_value=1, max_value=3))
def test_guarded_trie_matches_the_plain_trie(words, text, width):
    # words shorter than the guard's width are part of the guard, not a reason to drop it
    plain = re.compile(trie_regex(words))
    guarded = re.compile(guarded_trie_regex(words, width=width))
    assert _spans(guarded.finditer(text)) == _spans(plain.finditer(text))


def test_a_short_word_keeps_the_guard_two_characters_wide():
    assert guarded_trie_regex(["公安", "编"], width=2).startswith("(?=[公][安]|编)")


@settings(max_examples=500, deadline=None)
@given(st.sets(st.text(alphabet="北京上海东城西", min_size=2, max_size=2), min_size=1, max_size=12),
       st.text(alphabet="北京上海东城西x", max_size=30))
def test_region_prefilter_passes_every_position_a_head_starts(heads, text):
    passed = {m.start() for m in regions.head_prefilter(frozenset(heads), groups=3).finditer(text)}
    assert {i for i in range(len(text)) if text[i:i + 2] in heads} <= passed
    assert all(text[i] in {h[0] for h in heads} for i in passed)
