"""Report metadata: title, 文号, signature date, year covered, doc_type, and where the issuer is stated.

Each field is taken only from where such documents state it: the title line,
the 文号 line, the signature block (agency line then date line), or the opening
paragraph. A field the text does not state stays None; the extractor never
guesses the issuer from the topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.extraction.structure import heading_level

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号"
)
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
# A year, but not an end of a range such as (2015-2020年), which names a plan's period.
TRAILING_DATE_RE = re.compile(r"\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")
CN_YEAR_RE = re.compile(r"([〇零○一二三四五六七八九]{4})年")
YEAR_RE = re.compile(r"(?<![-—–~至\d])((?:19|20)\d{2})(?![-—–~至\d])\s*年(?:度)?")
TITLE_WORDS = ("报告", "总结", "方案", "细则", "通知", "要点", "意见", "办法", "计划", "情况")
REPORT_SELF = re.compile(r"现将[^。]{0,40}?(报告|总结|汇报)如下")
COVERED_YEAR_RES = (
    re.compile(r"((?:19|20)\d{2})\s*年度?(?:法治政府建设|依法行政|法治建设)"),
    re.compile(r"现将\s*((?:19|20)\d{2})\s*年"),
    re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*[,，以来]"),
    re.compile(r"((?:19|20)\d{2})\s*年(?:以来|来|,|，)"),
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def is_title_line(line: str) -> bool:
    """A title: short, no sentence punctuation, names a document kind, not a section heading."""
    if not 6 <= len(line) <= 120 or heading_level(line):
        return False
    if any(ch in line for ch in "。；;！？!?") or line.endswith((",", "，", ":", "：")):
        return False
    return line.endswith(TITLE_WORDS) or "关于" in line


def find_title(lines: list[Line]) -> Line | None:
    """The first line when it is a title; titles may wrap onto a second line."""
    if not lines:
        return None
    first = lines[0]
    if is_title_line(first.text):
        return first
    # 韶关市司法局 / 2021年法治政府建设年度报告: an issuer line above the title line
    if len(lines) > 1 and len(first.text) <= 30 and not any(c in first.text for c in "。，,；;:：、") \
            and not parse_date(first.text) and is_title_line(lines[1].text):
        return Line(first.start, lines[1].end, first.text + lines[1].text)
    return None


def find_doc_number(lines: list[Line]) -> Line | None:
    for line in lines[:8]:
        match = DOC_NUMBER_RE.search(line.text)
        if match and len(line.text) <= len(match.group(0)) + 6:
            offset = line.start + match.start()
            return Line(offset, offset + len(match.group(0)), match.group(0).replace(" ", ""))
    return None


def parse_date(text: str) -> str | None:
    match = DATE_RE.fullmatch(text.strip())
    if match:
        year, month, day = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    match = CN_DATE_RE.fullmatch(text.strip())
    if match:
        year = int("".join(str(CN_DIGITS[c]) for c in match.group(1)))
        month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None


def _cn_number(word: str) -> int:
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + CN_DIGITS[word[1]]
    if word.endswith("十"):
        return CN_DIGITS[word[0]] * 10
    if "十" in word:
        return CN_DIGITS[word[0]] * 10 + CN_DIGITS[word[2]]
    return CN_DIGITS[word]


def signature_blocks(lines: list[Line]) -> list[tuple[Line, Line]]:
    """(name line, date line) pairs: a short line without punctuation followed by a date-only line."""
    pairs: list[tuple[Line, Line]] = []
    for prev, line in zip(lines, lines[1:], strict=False):
        if parse_date(line.text) and _is_name_line(prev.text):
            pairs.append((prev, line))
    for line in lines[-3:]:  # 韶关市司法局  2022年1月10日, on one line
        match = TRAILING_DATE_RE.search(line.text)
        if match and match.start() > 0 and _is_name_line(line.text[:match.start()].strip()):
            name = line.text[:match.start()].strip()
            date_start = line.start + match.start(1)
            pairs.append((Line(line.start, line.start + len(name), name),
                          Line(date_start, line.end, line.text[match.start(1):])))
    return pairs


def _is_name_line(text: str) -> bool:
    return 2 <= len(text) <= 40 and not any(c in text for c in "。，,；;:：")


def covered_year(text: str, title: str | None, date: str | None) -> int | None:
    """The year the report is about: the title's year, else the opening's, else the signature year."""
    if title:
        match = YEAR_RE.search(title)
        if match:
            return int(match.group(1))
        match = CN_YEAR_RE.search(title)  # 二〇二一年度…
        if match:
            return int("".join(str(CN_DIGITS[c]) for c in match.group(1)))
    opening = text[:400]
    for pattern in COVERED_YEAR_RES:
        match = pattern.search(opening)
        if match:
            return int(match.group(1))
    if date:
        return int(date[:4])
    return None


def doc_type(title: str | None, text: str) -> str:
    """年度报告, 实施方案/实施细则, 通知, 工作要点 or 其他, from the title, else from the body's self-description."""
    if title:
        if title.endswith("通知"):
            return "通知"
        if title.endswith(("实施方案", "实施细则", "工作方案", "方案", "细则")):
            return "实施方案/实施细则"
        if title.endswith("要点"):
            return "工作要点"
        if title.endswith(("报告", "总结", "情况")):
            return "年度报告"
    if REPORT_SELF.search(text) or re.search(r"(?:19|20)\d{2}\s*年度?法治政府建设(?:工作)?(?:情况|报告|总结)", text[:600]):
        return "年度报告"
    if re.search(r"法治政府建设", text[:800]) and YEAR_RE.search(text[:200]):
        return "年度报告"
    return "其他"
