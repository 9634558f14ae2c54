"""The section ladder and sentence splitting on a hand-written document."""

from fazhi.extraction.structure import heading_level, parse_sections, sentences_with_sections, split_sentences

DOC = "\n".join([
    "某市司法局2022年法治政府建设年度报告",
    "2022年，我局坚持依法行政。现将情况报告如下：",
    "一、主要工作",
    "(一)健全制度",
    "一是完善权责清单。二是推行“双随机、一公开”。",
    "1.加强培训。组织学习《行政处罚法》。",
    "(二)规范执法",
    "落实行政执法“三项制度”！",
    "二、存在的问题",
    "培训不够深入？",
])


def test_heading_levels_follow_the_ladder() -> None:
    assert heading_level("一、主要工作") == (1, "一、")
    assert heading_level("(一)健全制度") == (2, "(一)")
    assert heading_level("（二）规范执法") == (2, "（二）")
    assert heading_level("1.加强培训") == (3, "1.")
    assert heading_level("(3)其他") == (4, "(3)")
    assert heading_level("一是完善权责清单") == (5, "一是")
    assert heading_level("2022年，我局") is None
    assert heading_level("1.5倍") is None


def test_sections_nest_and_end_at_the_next_sibling() -> None:
    sections = parse_sections(DOC)
    titles = [(s.level, s.title) for s in sections]
    assert titles[:3] == [(1, "主要工作"), (2, "健全制度"), (5, "完善权责清单")]
    first, problems = sections[0], sections[-1]
    assert problems.title == "存在的问题"
    assert first.end == problems.start
    assert DOC[problems.start:].startswith("二、存在的问题")


def test_sentences_split_at_end_marks_and_keep_closing_quotes() -> None:
    spans = split_sentences("他说“好。”然后走了；最后！")
    texts = ["他说“好。”然后走了；最后！"[s:e] for s, e in spans]
    assert texts == ["他说“好。”", "然后走了；", "最后！"]


def test_each_sentence_knows_its_innermost_section() -> None:
    sections = parse_sections(DOC)
    sentences = sentences_with_sections(DOC, sections)
    by_text = {DOC[s.start:s.end]: s.section for s in sentences}
    training = by_text["组织学习《行政处罚法》。"]
    assert sections[training].title == "加强培训"
    assert sections[by_text["落实行政执法“三项制度”！"]].title == "规范执法"
    assert by_text["2022年，我局坚持依法行政。"] is None
