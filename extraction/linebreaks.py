"""Line breaks inside names are layout, not text: 2021年以来,宣城市⏎公安局按照…, 交通⏎运输部2017年度…,
发布机构: 古镛镇⏎人民政府.

Pages converted to text and PDFs break lines wherever the width runs out, so a break may fall inside
an agency's or a region's name, or inside a year; every later step matches names within a line. A
single line break between two Han characters or digits is deleted when a name the extractor knows
(a region of the gazetteer of three or more characters, a body's functional stem and head, a
government or township organ), a year (2024⏎年度, 202⏎2年) or a title's 关于 or 法治政府建设 runs across it. A break between two names (宣城市公安局⏎2022年…, 中共宣城市委⏎宣城市人民政府) stays.

The result is a LoadedText whose offset map skips the deleted characters, so evidence still quotes
the original; the loaders' own joining of hard-wrapped text (loaders/normalize.py) is unchanged.
"""

from __future__ import annotations

import re

from fazhi.extraction.agencies import name_spans
from fazhi.extraction.regions import RegionGazetteer
from fazhi.loaders.base import LoadedText

# a line break between two Han characters or digits, with the spaces around it: (?<=[Han0-9])[ \t]*\n[ \t]*(?=[Han0-9]),
# found from the line break: sre skips to a pattern's literal first character in C but enters a pattern that
# opens with a look-behind or an optional run at every position (that scan was 4% of the extraction), so
# line_breaks steps back over the spaces before the break in Python
NEWLINE_RE = re.compile(r"\n[ \t]*(?=[\u4e00-\u9fff0-9])")
# a year (西乌珠穆沁旗人民政府2024⏎年度…, 赵县人民政府202⏎2年度…) and the words every report title holds
# (关⏎于, 法治政⏎府建设): no line of a report ends inside them
TITLE_WORDS_RE = re.compile(r"(?:19|20)\d\d年|关于|法治政府建设")
WINDOW = 12  # characters either side: longer than most names' parts on one side of a break
MIN_REGION = 3  # 2-character surfaces (河源) meet by chance across a heading and its paragraph


def broken_name_breaks(text: str, gazetteer: RegionGazetteer) -> list[tuple[int, int]]:
    """The spans (the line break and the spaces around it) that cut a name in two."""
    spans = []
    for cut_start, cut_end in line_breaks(text):
        left = text[max(0, cut_start - WINDOW):cut_start]
        left = left[left.rfind("\n") + 1:]
        right = text[cut_end:cut_end + WINDOW].split("\n", 1)[0]
        window, cut = left + right, len(left)
        if any(year.start() < cut < year.end() for year in TITLE_WORDS_RE.finditer(window)) \
                or any(start < cut < end for start, end in name_spans(window)) or any(
                hit.start < cut < hit.end and hit.end - hit.start >= MIN_REGION for hit in gazetteer.find(window)):
            spans.append((cut_start, cut_end))
    return spans


def line_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of the line breaks between two Han characters or digits, with the spaces around them."""
    found = []
    for m in NEWLINE_RE.finditer(text):
        start = m.start()
        while start and text[start - 1] in " \t":
            start -= 1
        before = text[start - 1:start]
        if before and ("\u4e00" <= before <= "\u9fff" or "0" <= before <= "9"):
            found.append((start, m.end()))
    return found


def join_broken_names(loaded: LoadedText, gazetteer: RegionGazetteer) -> LoadedText:
    """`loaded` with the line breaks inside names deleted (itself when there are none)."""
    spans = broken_name_breaks(loaded.text, gazetteer)
    if not spans:
        return loaded
    text, offsets, last = [], [], 0
    for start, end in spans:
        text.append(loaded.text[last:start])
        offsets.extend(loaded.offsets[last:start])
        last = end
    text.append(loaded.text[last:])
    offsets.extend(loaded.offsets[last:])  # ends with the sentinel len(original)
    return LoadedText(source=loaded.source, original=loaded.original, text="".join(text), offsets=offsets)
