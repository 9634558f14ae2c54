"""Property tests: the section, sentence and citation parsers, and evidence offsets end to end.

Published reports contain anything (unbalanced 《, runs of 〈, stray line breaks,
controls), so the parsers are driven with arbitrary strings and with strings
assembled from realistic fragments; the invariants are the ones the rest of the
project relies on: no exception, spans inside the text and in order, titles free of
title marks, sentences trimmed, and every evidence offset quoting the original file.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.extraction.citations import MAX_DEPTH, find_citations, flatten
from fazhi.extraction.pipeline import extract
from fazhi.extraction.structure import MAX_SENTENCE, parse_sections, sentences_with_sections, split_sentences
from fazhi.loaders.base import LoadedText
from fazhi.loaders.normalize import normalize

MARKS = "《》〈〉<>“”\"「」‹›"
FRAGMENTS = [
    "《", "》", "〈", "〉", "《中华人民共和国行政处罚法》", "《关于印发<法治政府建设实施纲要(2021-2025年)>的通知》",
    "《广东省〈行政执法公示〉办法》", "“双随机、一公开”", "双随机一公开", "“互联网+监管”", "行政执法“三项制度”",
    "法律顾问制度", "公平竞争审查制度", "韶关市司法局", "市市场监管局", "我局", "河源市人民政府", "省工业和信息化厅",
    "杭州市上城区", "联合市场监管部门开展", "按照《优化营商环境条例》要求", "制定了《信访工作制度》",
    "一、", "(一)", "（二）", "1.", "(1)", "一是", "。", "；", "，", "\n", "\n\n", " ", "\u3000", "\t",
    "2022年", "2023年1月10日", "\r\n", "\x00", "\u200b", "法 治 政 府", "紮實推進", "“", "”", "\"",
]
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

arbitrary = st.text(max_size=400)
marky = st.text(alphabet=st.sampled_from(list(MARKS + "法治\n。 a")), max_size=400)
realistic = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
any_text = st.one_of(arbitrary, marky, realistic)


# --- sections and sentences ---------------------------------------------------------------


@PROFILE
@given(any_text)
def test_sections_lie_inside_the_text_and_nest(text: str) -> None:
    sections = parse_sections(text)
    starts = [s.start for s in sections]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for section in sections:
        assert 0 <= section.start < section.end <= len(text)
        assert section.start == 0 or text[section.start - 1] == "\n"  # a heading starts a line
        assert section.title == section.title.strip()


@PROFILE
@given(any_text)
def test_sentences_are_trimmed_ordered_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece  # a sentence never crosses a line
        previous_end = end
    covered = set().union(*(range(s, e) for s, e in spans)) if spans else set()
    # Nothing but whitespace is left outside the sentences.
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("法治政府建设，、 。\n")), min_size=600, max_size=4000),
       st.integers(0, 3))
def test_long_sentences_are_cut_without_losing_text(body: str, drop: int) -> None:
    """Text without sentence ends (a flattened table) still yields bounded, trimmed sentences."""
    text = body if drop == 0 else body.replace("。", "").replace("\n", "")
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    covered = set().union(*(range(s, e) for s, e in spans)) if spans else set()
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)


@PROFILE
@given(any_text)
def test_every_sentence_gets_its_innermost_section(text: str) -> None:
    sections = parse_sections(text)
    sentences = sentences_with_sections(text, sections)
    assert [(s.start, s.end) for s in sentences] == split_sentences(text)
    for sentence in sentences:
        enclosing = [i for i, sec in enumerate(sections) if sec.start <= sentence.start < sec.end]
        if sentence.section is None:
            assert not enclosing
        else:
            assert sentence.section in enclosing
            # innermost: no other enclosing section starts later
            assert sections[sentence.section].start == max(sections[i].start for i in enclosing)


# --- citations ----------------------------------------------------------------------------


@PROFILE
@given(any_text)
def test_citations_are_well_formed(text: str) -> None:
    citations = find_citations(text)
    previous_end = 0
    for cite in citations:
        assert previous_end <= cite.start and text[cite.start] == "《" and text[cite.end - 1] == "》"
        previous_end = cite.end
    for cite, parent in flatten(citations):
        assert 0 <= cite.start < cite.end <= len(text)
        assert not set(cite.title) & set("《》〈〉\n")
        assert cite.title == cite.title.strip()
        if parent is not None:
            assert parent.start < cite.start and cite.end < parent.end
            assert text[cite.start] in "《〈"


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 6000), st.sampled_from(["《", "〈", "《〈"]), st.text(max_size=20))
def test_long_runs_of_opening_marks_are_cheap_and_bounded(n: int, mark: str, inner: str) -> None:
    text = mark * n + inner + "》" * n
    for cite, _ in flatten(find_citations(text)):
        assert cite.end <= len(text)
    depth = _max_depth(find_citations(text))
    assert depth <= MAX_DEPTH


def _max_depth(citations, level: int = 1) -> int:
    return max((max(level, _max_depth(c.nested, level + 1)) for c in citations), default=0)


def test_nested_title_is_found_with_its_inner_title() -> None:
    """A fixed example so the properties above cannot pass on a parser that finds nothing."""
    text = "根据《关于印发〈法治政府建设实施纲要〉的通知》要求。"
    [(outer, _), (inner, parent)] = flatten(find_citations(text))
    assert outer.title == "关于印发法治政府建设实施纲要的通知"
    assert inner.title == "法治政府建设实施纲要" and parent is outer


# --- end to end: evidence offsets quote the original ----------------------------------------


def loaded(original: str) -> LoadedText:
    text, offsets = normalize(original, join_wrapped_lines=False)
    return LoadedText(source="prop.txt", original=original, text=text, offsets=offsets)


def check_offsets(original: str) -> None:
    ex = extract(loaded(original))
    for entity in [*ex.laws, *ex.agencies, *ex.measures, *ex.regions]:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(original)
            assert original[mention.start:mention.end] == mention.text, (entity, mention)
    for relation in ex.relations:
        ev = relation.evidence
        assert 0 <= ev.start <= ev.end <= len(original)
        assert original[ev.start:ev.end] == ev.sentence, (relation.type, ev)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(realistic, arbitrary))
def test_every_evidence_offset_points_at_its_text(original: str) -> None:
    check_offsets(original)


@settings(max_examples=40, deadline=None)
@given(realistic, st.booleans())
def test_offsets_hold_on_wrapped_and_traditional_text(original: str, wrapped: bool) -> None:
    """Hard-wrapped line joining deletes characters: offsets must still quote the original."""
    text, offsets = normalize(original, join_wrapped_lines=wrapped)
    ex = extract(LoadedText("prop.txt", original, text, offsets))
    for relation in ex.relations:
        assert original[relation.evidence.start:relation.evidence.end] == relation.evidence.sentence


def test_realistic_report_yields_facts_with_exact_evidence() -> None:
    """A fixed report: extraction must find something, so the offset checks above are not vacuous."""
    original = ("韶关市司法局2022年法治政府建设年度报告\n2022年，我局按照《中华人民共和国行政处罚法》要求，"
                "全面推行“双随机、一公开”监管，联合市场监管部门开展检查。\n韶关市司法局\n2023年1月10日\n")
    ex = extract(loaded(original))
    assert ex.relations and ex.measures and ex.laws
    check_offsets(original)
