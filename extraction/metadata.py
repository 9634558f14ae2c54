"""Report metadata: title, 文号, signature date, year covered, doc_type, and where the issuer is stated.

Each field is taken only from where such documents state it: the title line,
the 文号 line, the signature block (agency line then date line), or the opening
paragraph. A field the text does not state stays None; the extractor never
guesses the issuer from the topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from fazhi.extraction import report_kind
from fazhi.extraction.dictionaries import page_clutter_words
from fazhi.extraction.structure import heading_level

CN_DIGITS = report_kind.CN_YEAR_DIGITS
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号"
)
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE_RE = re.compile(r"(" + report_kind.CN_YEAR + r")年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
# A year, but not an end of a range such as (2015-2020年), which names a plan's period.
TRAILING_DATE_RE = re.compile(r"\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")
CN_YEAR_RE = re.compile(r"(" + report_kind.CN_YEAR + r")年")
YEAR_RE = re.compile(r"(?<![-—–~至\d])((?:19|20)\d{2})(?![-—–~至\d])\s*年(?:度)?")
TITLE_WORDS = ("报告", "总结", "方案", "细则", "通知", "通报", "要点", "意见", "办法", "计划", "情况", "解读", "规则",
               "汇报", "安排")
# kinds that are also a site's menu labels (首页 通知公告, 会议纪要): a title only as one unspaced line
UNSPACED_TITLE_WORDS = ("纪要", "批复", "公告", "通告")
# what may follow a title's document kind in brackets: its span of years or its year, its status, its date
# (…实施方案(2021—2025年), …年度报告(2022年度), …年度报告(全文), …的通知(定稿), …报告[2023-01-05])
TITLE_TAIL_RE = re.compile(r"\s*[(（\[【]\s*(?:(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)\d{2}\s*年?|(?:19|20)\d{2}\s*年度?"
                           r"|全文|试行|暂行|草案|定稿|征求意见稿|修订稿?|草稿|送审稿|讨论稿|公开版|全文版|简版"
                           r"|(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}))\s*[)）\]】]$")


# a report that adds its next year's plans after what it did (…工作情况及2016年工作打算, …工作总结和下一步工作思路):
# a report; the plans are its last part, not its kind
NEXT_YEAR_TAIL_RE = re.compile(r"(?<=[告结况报])\s*[及和与暨、]\s*(?:(?:19|20)\d{2}\s*年度?|下一步|明年|下一年度?)"
                               r"[\u4e00-\u9fff]{0,12}?(?:打算|思路|计划|安排|设想)$")
NEXT_YEAR_TAIL_ENDS = ("打算", "思路", "计划", "安排", "设想")


def title_core(line: str) -> str:
    """The title without the bracketed tail TITLE_TAIL_RE names, nor a next year's plans after a report."""
    if line.endswith((")", "）", "]", "】")):
        line = TITLE_TAIL_RE.sub("", line)
    return NEXT_YEAR_TAIL_RE.sub("", line) if line.endswith(NEXT_YEAR_TAIL_ENDS) else line


# a year's points printed in the letter that sends them: 2023年全县法治政府建设工作要点如下:
POINTS_AS_FOLLOWS = r"((?:19|20)\d{2})\s*年[^。\n]{0,20}?工作要点(?:安排)?如下"
# 现将…报告如下, and the report announced as it is published: …报告公开如下, 报告公布如下, 报告公告如下 (a
# department's notice board), 报告发布如下
REPORT_FOLLOWS = r"(?:报告|汇报|总结)(?:公开|公布|公告|发布)?如下"
REPORT_SELF = re.compile(r"现将[^。]{0,40}?" + REPORT_FOLLOWS)
COVERED_YEAR_RES = (
    re.compile(r"((?:19|20)\d{2})\s*年度?(?:法治政府建设|依法行政|法治建设)"),
    re.compile(r"现将\s*((?:19|20)\d{2})\s*年"),
    re.compile(POINTS_AS_FOLLOWS),
    # 现将中共X县委…办公室2022年工作情况报告如下: the year of the report the sentence announces
    re.compile(r"现将[^。\n\d]{0,40}?((?:19|20)\d{2})\s*年度?[^。\n]{0,30}?" + REPORT_FOLLOWS),
    re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*[,，以来]"),
    re.compile(r"^\s*((?:19|20)\d{2})\s*年是", re.MULTILINE),  # 2018年是…开局之年。一年来…
    # not a plan's target (到2025年,…) nor a deadline (至2023年,…); 截至2023年, looks back
    re.compile(r"(?<!到)(?<![^截]至)((?:19|20)\d{2})\s*年(?:以来|来|,|，)"),
)


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
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
    core = title_core(line)
    return core.endswith(TITLE_WORDS) or "关于" in line or (core.endswith(UNSPACED_TITLE_WORDS) and " " not in line) \
        or (line.endswith("》") and EXPLAINER_TITLE_RE.match(line) is not None)  # 一图读懂《…方案》


TITLE_SEARCH_LINES = 16  # lines of the document's own above a title, page furniture not counted
HEADER_LINES = 48  # furniture included: a page that prints its metadata table twice takes ~30 lines
_BREADCRUMB_RE = re.compile(r"[>»＞›]")
# …情况报告 2023-02-09, and with the publisher before the stamp (…情况报告 上海市统计局 2020-06-08: a list page's
# row; the loader drops the space between the two CJK runs)
_TRAILING_STAMP_RE = re.compile(r"(?:(?<=[告结案则知点况见])\s*(?:(?!报告|总结|汇报)[\u4e00-\u9fff]){2,24}?"
                                r"(?:局|厅|委|办|院|政府|部|中心|委员会|办公室|办事处))?"
                                r"\s+(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_SPACE_RE = re.compile(r"\s")
# a browser title's site name: …年度报告_资溪县人民政府门户网站, … - 桐庐县人民政府
_SITE_SUFFIX_RE = re.compile(r"(?:_|\s+[-—–|｜]\s+)[^_\s|｜]{2,30}?(?:门户网站|网站|政府网|政务网|人民政府|政府)$")
# its issuer in brackets after it: …情况报告(桐庐县应急管理局)
_BRACKETED_ISSUER_RE = re.compile(r"(?<=[告结案则知点见法划况])\s*[(（][^()（）\s]{3,30}?(?:局|厅|委|办|院|政府|中心|委员会|"
                                  r"办事处|管委会)[)）]$")


_ISSUER_HEADS = ("局", "厅", "委", "办", "院", "府", "部", "会", "处", "所", "室", "中心", "党组", "印发", "关于")


# How a metadata row writes its label: 标题: X, 标 题:X, [ 标题 ] X, 【标题】X, 标题 | X | (a table row),
# - 标题:X (a list item of a page converted to text).
ROW_OPEN = r"[\[【]?\s*"
# A table row keeps both its colon and its cell bar (成文日期: | 2025-02-14 |).
ROW_SEPARATOR = r"\s*(?:[:：](?:\s*[|｜])?|[|｜]|[\]】])\s*"


def row_label(names: list[str] | tuple[str, ...]) -> str:
    """A regex for any of `names` as a row label, spaced or not (索引号, 索 引 号): longest first."""
    squashed = sorted({n.replace(" ", "") for n in names}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s*".join(re.escape(c) for c in n) for n in squashed) + ")"


def _field_pattern(kind: str, at_start: bool) -> re.Pattern[str]:
    names = page_clutter_words(kind)
    lead = r"^[\s\-*•|]*" if at_start else r"(?:^|[\s|\-*•])"
    return re.compile(lead + ROW_OPEN + row_label(names) + ROW_SEPARATOR)


@lru_cache(maxsize=1)
def _clutter() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    return (page_clutter_words("prefix"), _field_pattern("field", False), _field_pattern("title", True),
            frozenset(page_clutter_words("banner")))


@lru_cache(maxsize=1)
def _gapped_row_re() -> re.Pattern[str]:
    """A table row exported with only a gap between label and value ( 索 引 号  zzf/2021-00044  发布机构 …):
    a line that opens with a field label and a space."""
    names = page_clutter_words("field")
    return re.compile(r"\s*" + row_label(names) + r"[ \t\u3000]+\S")


# the bars and brackets that set a page's buttons apart: 【打印本页】【关闭窗口】, [ 小 中 大 ], 打印 | 关闭
_CELL_MARKS = str.maketrans(dict.fromkeys("|｜[]【】", " "))
# a site's own name in its banner (丽水市人民政府门户网站, 政府门户网站 | 无障碍): the page's, no document's line
SITE_NAME_ENDS = ("门户网站", "网站", "政府网", "政务网")
SITE_NAME_CHARS = 20
_LEADING_NOISE_RE = re.compile(r"^[\sA-Za-z0-9>»|\-]{1,3}")  # 7首页 > …: a stray menu character before it


def is_page_clutter(line: str) -> bool:
    """Breadcrumbs, banners and metadata rows of a web page: never a title, never the issuer line."""
    prefixes, field_re, title_field_re, banners = _clutter()
    if _LEADING_NOISE_RE.sub("", line).startswith(prefixes) or _BREADCRUMB_RE.search(line) or field_re.search(line) \
            or title_field_re.match(line) or _gapped_row_re().match(line):
        return True
    words = line.translate(_CELL_MARKS).split()
    return bool(words) and all(_site_name(w) or _banner_run(w, banners) for w in words)


def site_name_line(line: str) -> bool:
    """A site's banner naming the site (衢州市人民政府门户网站, 政府门户网站 | 无障碍): the page's owner."""
    if "网" not in line:  # every SITE_NAME_ENDS has it: most lines are passed at once
        return False
    words = line.translate(_CELL_MARKS).split()
    return any(_site_name(w) for w in words)


def _site_name(word: str) -> bool:
    """A site's name alone (四川省人民政府门户网站), not a browser title ending in one (…报告_X门户网站)."""
    return word.endswith(SITE_NAME_ENDS) and len(word) <= SITE_NAME_CHARS and "_" not in word


def _banner_run(word: str, banners: frozenset[str]) -> bool:
    """`word` is banner words run together (登录注册, 大中小打印关闭: the loader drops the spaces between
    Chinese characters, so a row of buttons reaches the rules as one word)."""
    longest = _longest_banner()
    ends = [0]  # the positions a run of banner words can reach, in order
    for end in range(1, len(word) + 1):
        if end - ends[-1] > longest:  # no banner word bridges the gap: a sentence, not a row of buttons
            return False
        if any(word[start:end] in banners for start in _recent(ends, end, longest)):
            ends.append(end)
    return ends[-1] == len(word)


def _recent(ends: list[int], end: int, longest: int) -> Iterator[int]:
    """The reachable positions a banner word ending at `end` could start from: at most `longest` back."""
    for start in reversed(ends):
        if end - start > longest:
            return
        yield start


@lru_cache(maxsize=1)
def _longest_banner() -> int:
    return max(map(len, page_clutter_words("banner")), default=0)


BREADCRUMB_CHARS = 160


def is_breadcrumb(line: str) -> bool:
    """A page's path line (首页 > 部门信息公开 > 市交通运输局): short, with the path's marks, no sentence."""
    return len(line) <= BREADCRUMB_CHARS and _BREADCRUMB_RE.search(line) is not None and "。" not in line


def is_body_line(line: str) -> bool:
    """A paragraph of running text: the title, if any, came before it."""
    return len(line) > 40 and any(c in line for c in "。，,；;")


_LEADING_NUMBER_RE = re.compile(r"\s*" + DOC_NUMBER_RE.pattern + r"\s*")


def _number_before_title(text: str) -> re.Match[str] | None:
    """乐政办发〔2021〕12号 关于印发…的通知: the 文号 printed on the title's line, before the title (spaces included):
    no part of the title, and the document's 文号 all the same."""
    number = _LEADING_NUMBER_RE.match(text) if "号" in text[:24] else None
    return number if number is not None and is_title_line(text[number.end():]) else None


def _title_text(line: Line) -> Line:
    """A title line without the tail some pages append: a publication stamp (…情况报告 2023-02-09), the
    site's name (…报告_X县人民政府门户网站), the issuer in brackets (…报告(X县应急管理局)); nor the title
    marks a page may print it in (《…报告》)."""
    text = line.text  # each tail is looked for only where its marks are (a search per line is costly)
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:  # 《X局…年度报告》: a title in marks
        line = Line(line.start + 1, line.end - 1, text[1:-1])
        text = line.text
    number = _number_before_title(text)
    if number is not None:
        line = Line(line.start + number.end(), line.end, text[number.end():])
        text = line.text
    spaced = _SPACE_RE.search(text) is not None
    stamp = (_TRAILING_STAMP_RE.search(text) if spaced else None) \
        or (_SITE_SUFFIX_RE.search(text) if spaced or "_" in text else None) \
        or (_BRACKETED_ISSUER_RE.search(text) if text.endswith((")", "）")) else None)
    return Line(line.start, line.start + stamp.start(), line.text[:stamp.start()]) if stamp else line


def _title_candidates(lines: list[Line]) -> list[Line]:
    """The lines that may hold the title: furniture dropped, a 名称: row reduced to its value."""
    title_field_re = _clutter()[2]
    out: list[Line] = []
    for line in lines[:HEADER_LINES]:
        if len(out) >= TITLE_SEARCH_LINES:
            break
        field = title_field_re.match(line.text)
        if field:
            value = line.text[field.end():]
            cell = re.split(r"[|｜\[【]", value, maxsplit=1)[0].rstrip()  # 标题 | X | (a table row): X
            if cell:
                out.append(Line(line.start + field.end(), line.start + field.end() + len(cell), cell))
        elif not is_page_clutter(line.text):
            out.append(_title_text(line))
        else:
            head = title_before_row(line)
            if head is not None:
                out.append(head)
    return out


@lru_cache(maxsize=1)
def _squashed_row_re() -> re.Pattern[str]:
    """A metadata row's label glued to the end of a title (…工作报告发布日期:…: the loader drops the space
    between two CJK runs)."""
    names = page_clutter_words("field")
    return re.compile(r"(?<=[告结案则知点况])" + row_label(names) + r"\s*[:：]")


@lru_cache(maxsize=1)
def _next_label_re() -> re.Pattern[str]:
    names = page_clutter_words("field")
    return re.compile(row_label(names) + r"\s*[:：|｜]")


def row_value_end(text: str, start: int, end: int) -> int:
    """Where a row's value (text[start:end]) ends when the next cell's label runs onto it (发文机关:X办公室
    索引号:…, a two-column table the loader squashed): at that label."""
    label = _next_label_re().search(text, start + 1, end + 8)
    return label.start() if label is not None and label.start() < end else end


def title_before_row(line: Line) -> Line | None:
    """A title with the page's metadata row run onto its line (…情况报告 2019-09-06 15:46 来源:X, …报告
    发布日期:2022-02-28): the words before the row's first label, when they are a title."""
    rows = [m for m in (_clutter()[1].search(line.text), _squashed_row_re().search(line.text)) if m is not None]
    row = min(rows, key=lambda m: m.start(), default=None)
    if row is None or row.start() == 0 or _BREADCRUMB_RE.search(line.text, 0, row.start()):
        return None
    before = line.text[:row.start()].rstrip()
    head = _title_text(Line(line.start, line.start + len(before), before))
    return head if is_title_line(head.text) else None


_MENU_ITEM_CHARS = 8  # 政务公开, 政策文件及解读: a menu or section label is a few characters


def page_furniture(lines: list[Line]) -> list[Line]:
    """The header lines above the body that belong to the web page, not to the document: clutter
    rows (breadcrumbs, metadata), menu rows (首页 政务公开 渝快办) and bare section labels.

    Their words (政务公开 in a breadcrumb) name site sections, never a practice of the issuer.
    """
    out = []
    for line in lines[:HEADER_LINES]:
        if is_body_line(line.text):
            break
        if is_furniture_line(line.text):
            out.append(line)
    return out


def is_furniture_line(text: str) -> bool:
    """A line of the page, not the document: clutter, or a menu row of short section labels."""
    words = text.replace("|", " ").split()
    return is_page_clutter(text) or (bool(words) and all(len(w) <= _MENU_ITEM_CHARS for w in words)
                                     and not any(c in text for c in "，。；,;"))


def _joined(first: Line, second: Line) -> Line:
    return Line(first.start, second.end, first.text + second.text)


def _may_lead_a_title(text: str) -> bool:
    """An issuer line or the first half of a wrapped title (…关于 / …印发 / 控江路街道2022年度法治政府建设).

    A site's section label (国家部委政策, 工作信息) is neither: it names no body and no year.
    """
    if len(text) > 40 or any(c in text for c in "。，,；;:：#") or parse_date(text) or DOC_NUMBER_RE.search(text):
        return False
    return text.endswith(_ISSUER_HEADS) or bool(YEAR_RE.search(text))


def find_title(lines: list[Line]) -> Line | None:
    """The document's own title: the first title line above the body, skipping page furniture.

    A title may wrap onto a second line, or sit under an issuer line (韶关市司法局 /
    2021年法治政府建设年度报告; 鹤岗市人民政府 鹤岗市中级人民法院印发 / 关于…的通知).
    """
    candidates = _title_candidates(lines)
    for i, line in enumerate(candidates):
        if is_body_line(line.text):
            return _glued_title(line)
        following = candidates[i + 1] if i + 1 < len(candidates) else None
        if following and _may_lead_a_title(line.text) and _ends_a_title(line.text, following.text) \
                and not is_title_line(line.text) and _adjacent(line, following, lines):
            return _completed(_joined(line, following), candidates[i + 2:])
        if is_title_line(line.text):
            return _completed(line, candidates[i + 1:])
    return None


def _glued_title(line: Line) -> Line | None:
    """A title printed on the first paragraph's line (one-line pages of document sites: X局2025年…报告 2025年,
    X局坚持…): the title is the words before the gap."""
    glued = report_kind.glued_title(line.text)
    if glued is None or not is_title_line(glued) or not YEAR_RE.search(glued):
        return None  # a template's generic heading (乡镇法治政府建设工作总结 2019年以来,…) names no report
    start = line.start + line.text.index(glued)
    return Line(start, start + len(glued), glued)


def _ends_a_title(first: str, second: str) -> bool:
    """The second line is a title (under an issuer line), or the tail of one wrapped before its
    document kind (…2024年度法治政府建设 / 情况报告: too short to be a title alone)."""
    if _OWN_SUBJECT_TITLE_RE.match(second) and not YEAR_RE.search(first) and not first.endswith(_WRAPPED_LEADS):
        return False
    if _DOC_NUMBER_LEAD_RE.match(second):  # [罗应急〔2025〕1号]X局…报告: a listing's whole title, its 文号 first
        return False
    if not _about_own_region(first, second):
        return False
    if first.endswith(_BODY_HEADS) and not YEAR_RE.search(first) and not _HEADLESS_TITLE_RE.match(second):
        return False  # 某市人民政府 over 福建省2017年…报告, 【权威发布】…, X委关于…: a banner; the title names its own
    return is_title_line(second) or (second.endswith(TITLE_WORDS) and is_title_line(first + second))


# 木渎镇2024年度…报告, 某县司法局2021年…: a title that names whom it is about before its year stands alone;
# a body's name on the line above it is a page's link or banner (…开发区一站式服务中心), not its issuer line
_OWN_SUBJECT_TITLE_RE = re.compile(r"[|｜\s]*(?!关于)[\u4e00-\u9fff]{2,30}?\s?(?:19|20)\d{2}\s*年")


def _about_own_region(issuer_line: str, title: str) -> bool:
    """福州市人民政府 / 关于福州市2021年…: a title about a region has an issuer line of that region's only."""
    about = _ABOUT_SUBJECT_RE.match(title)
    if about is None:
        return True
    subject = about.group(1)
    if subject.endswith(_BODY_ENDS):  # 关于罗湖区应急管理局2025年…: that bureau's, unless the line above is it
        return subject[-4:] in issuer_line
    return subject[:2] in issuer_line


# a body a title is about (关于X区应急管理局2025年…的报告), not a region
_BODY_ENDS = ("局", "厅", "委", "办", "院", "部", "处", "所", "室", "中心", "委员会", "办事处")


def headless_title(title: str) -> bool:
    """A title with no name of its own (关于…, 2021年度…, 法治政府建设…报告): who issued it is said elsewhere."""
    return bool(_HEADLESS_TITLE_RE.match(title))


def may_have_issuer_line(issuer_line: str, title: str) -> bool:
    """Whether the line above a title may be its issuer line: above a title with no name of its own
    (关于…, 2021年度…; not 福建省2017年…报告, X局关于…), of the region a 关于X市… title is about."""
    return bool(_HEADLESS_TITLE_RE.match(title)) and _about_own_region(issuer_line, title)


_DOC_NUMBER_LEAD_RE = re.compile(r"[\[【［]\s*" + DOC_NUMBER_RE.pattern + r"\s*[\]】］]")
# 关于福州市2021年…, 关于印发西平县2020年度…, 关于《清水县人民政府关于…》的政策解读: whom the title is about
_ABOUT_SUBJECT_RE = re.compile(r"(?:[\[【][^\]】\n]{1,12}[\]】]\s*)?关于(?:印发|转发)?《?([\u4e00-\u9fff]{2,12}?)\s?"
                               r"(?:(?:19|20)\d{2}\s*年|人民政府|关于)")
_WRAPPED_LEADS = ("关于", "印发")  # 关于印发 / 西平县2020年度…: the first half of one title
_BODY_HEADS = tuple(h for h in _ISSUER_HEADS if h not in _WRAPPED_LEADS)
# a title with no name of its own, which an issuer line above completes: 关于…, 2021年…, 法治政府建设…报告
_HEADLESS_TITLE_RE = re.compile(r"\s*(?:[\[【][^\]】\n]{1,12}[\]】]\s*)?"
                                r"(?:关于|印发|转发|(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}\s*年|法治|依法|全面|推进)")


def _adjacent(first: Line, second: Line, lines: list[Line]) -> bool:
    """No page line between the two: a site banner (禄丰市人民政府) above a breadcrumb is not the
    issuer line of the title under the breadcrumb."""
    return not any(first.end < line.start < second.start and line.text.strip() for line in lines)


def _completed(title: Line, rest: list[Line]) -> Line:
    """A title cut before its document kind (关于印发西平县2020年度法治政府建设 / 工作安排的通知) takes
    the next line when that line ends the title."""
    if title.text.endswith(TITLE_WORDS) or not rest:
        return title
    following = rest[0]
    if following.text.endswith(TITLE_WORDS) and is_title_line(title.text + following.text) \
            and not is_body_line(following.text) and not is_page_clutter(following.text):
        return _joined(title, following)
    return title


# The page's metadata rows, in the order they are trusted for the document's date: the date it was
# written (成文) before the date the page was put up (发布/公开). Labels of data/page_clutter.tsv.
# A date label needs no colon: a table exported as text keeps only spaces between label and value
# (公开日期  2021-02-26), and the value, a date, is unmistakable. A bare 日期/时间 row comes last.
# 生成日期 is the 政府信息公开 catalogue's date of the document (生成日期: 2023-02-22 above a page posted 02-24).
PAGE_DATE_FIELDS = ("成文日期", "成文时间", "公文生成日期", "生成日期", "产生日期", "印发日期", "发文日期", "颁布日期", "公布日期",
                    "发布日期", "发布时间", "发布于", "公开日期", "日期", "时间")
_LOOSE_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_PAGE_DATE_RES = tuple(re.compile(("(?<![\u4e00-\u9fff])" if label == "日期" else "")  # not 生成日期's tail
                                  + row_label([label]) + "(?:" + ROW_SEPARATOR + r"|\s*)" + _LOOSE_DATE)
                       for label in PAGE_DATE_FIELDS)
# a table exported one cell to a line (- 成文日期: over - 2022-01-10): a label cell alone, its value below
_LABEL_ALONE_RE = re.compile(r"[\s\-*•|]*" + ROW_OPEN + r"[\u4e00-\u9fff ]{2,8}\s*[:：]?\s*[\]】|｜]?\s*")
_DOC_NUMBER_ROW_RE = re.compile(row_label(["文号", "发文字号"]) + r"(?:" + ROW_SEPARATOR + r"|\s*)")


# a 文号 in brackets closing a title line (…的通知(岳办发〔2017〕2号))
_TITLE_NUMBER_TAIL_RE = re.compile(r"(?<=[知告案则点见法报])\s*[(（]\s*(" + DOC_NUMBER_RE.pattern + r")\s*[)）]$")


def find_doc_number(lines: list[Line]) -> Line | None:
    """The 文号: a line of its own near the top, in brackets at the end of the title line or before the title on
    its line, or the value of a 文号/发文字号 metadata row above the body — right after its label (文号: X; 文号X
    in a table row squashed by the loader) or on the line under a label alone."""
    label_above = False
    for i, line in enumerate(lines[:HEADER_LINES]):
        if is_body_line(line.text):
            break
        row = _DOC_NUMBER_ROW_RE.search(line.text)
        match = DOC_NUMBER_RE.match(line.text, row.end()) if row else None
        if match is None and i < 8 and line.text.endswith((")", "）")):  # …的通知(庆政办发〔2007〕56号): in the title
            tail = _TITLE_NUMBER_TAIL_RE.search(line.text)
            match = DOC_NUMBER_RE.match(line.text, tail.start(1)) if tail else None
        if match is None and i < 8:  # 乐政办发〔2021〕12号 关于印发…的通知: before the title, on its line
            lead = _number_before_title(line.text)
            match = DOC_NUMBER_RE.search(line.text, 0, lead.end()) if lead else None
        if match is None:
            match = DOC_NUMBER_RE.search(line.text)
            if match is None or len(line.text) > len(match.group(0)) + 6 or (i >= 8 and not label_above):
                label_above = row is not None and row.end() == len(line.text)
                continue
        offset = line.start + match.start()
        return Line(offset, offset + len(match.group(0)), match.group(0).replace(" ", ""))
    return None


def doc_number_year(number: str | None) -> int | None:
    """The year in a 文号 (镇政发〔2024〕7号): the year the document was issued."""
    match = re.search(r"(?:19|20)\d{2}", number) if number else None
    return int(match.group(0)) if match else None


# a signature dated in figures only: 2023.1.5, 2023-01-05, 2023/1/5
NUMERIC_DATE_RE = re.compile(r"((?:19|20)\d{2})([.\-/])(\d{1,2})\2(\d{1,2})")


def numeric_date(text: str) -> str | None:
    """A line that is only a date in figures (2023.1.5) as ISO: a signature's date below the body,
    a page's publication stamp above it."""
    numeric = NUMERIC_DATE_RE.fullmatch(text.strip())
    return _valid_date(numeric.group(1), numeric.group(3), numeric.group(4)) if numeric else None


def parse_date(text: str) -> str | None:
    match = DATE_RE.fullmatch(text.strip())
    if match:
        year, month, day = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    match = CN_DATE_RE.fullmatch(text.strip())
    if match:
        year = report_kind.cn_year(match.group(1))
        month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    return None


def page_date(lines: list[Line]) -> str | None:
    """The date a web page's metadata rows give the document, for reports printed without a signature.

    Only the header lines above the body count (a date inside the text is an event, not the
    document's); a publication stamp after the title line (…情况报告 2023-02-09) comes last.
    """
    header = _header_texts(lines)
    date = _first_valid(header, _SPEECH_DATE_RE.match)  # ——2021年4月29日在X区人大常委会…上: the day delivered
    for pattern in _PAGE_DATE_RES:
        date = date or _first_valid(header, pattern.search)
    if date:
        return date
    stamp = _title_stamp(header)
    if stamp is not None:
        return _valid_date(*stamp.groups())
    return _first_valid(header, _stamp_or_byline)  # 2022-03-29 17:13 来源:X, X县人民政府 2024年01月08日


def _header_texts(lines: list[Line]) -> list[str]:
    """The page's lines above the body, a label cell alone joined to its value below it (- 成文日期: / -
    2022-01-10: a table exported one cell to a line)."""
    header: list[str] = []
    for line in lines[:HEADER_LINES]:
        if is_body_line(line.text):
            break
        if header and _LABEL_ALONE_RE.fullmatch(header[-1]):
            header[-1] += line.text.lstrip(" -*•|｜")
        else:
            header.append(line.text)
    return header


def _first_valid(header: list[str], find: Callable[[str], re.Match[str] | None]) -> str | None:
    """The first valid date `find` reads (year, month, day groups) from a header line, in line order."""
    for text in header:
        match = find(text)
        if match and (date := _valid_date(*match.groups())):
            return date
    return None


def _title_stamp(header: list[str]) -> re.Match[str] | None:
    """The date of a publication stamp after a title line (…情况报告 2023-02-09)."""
    for text in header:
        stamp = _TRAILING_STAMP_RE.search(text)
        if stamp and is_title_line(text[:stamp.start()].strip()):
            match = re.search(_LOOSE_DATE, stamp.group(0))
            if match:
                return match
    return None


def _stamp_or_byline(text: str) -> re.Match[str] | None:
    return _LEADING_STAMP_RE.match(text) or _BYLINE_DATE_RE.match(text)


# 2021年4月29日在朝阳区第十六届人民代表大会常务委员会第N次会议上: a government's report as delivered
_SPEECH_DATE_RE = re.compile(r"[—\-－\s]*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^\n。]{0,40}?"
                             r"(?:人民代表大会|人大常委会|代表大会|常务委员会)")
# a page's stamp under its title: a date with its time (2022-03-29 17:13), or before its 来源 (2022-03-29 来源: X局);
# a bare date line is not read so (a reposting site's date as often as the document's)
_LEADING_STAMP_RE = re.compile(r"\s*" + _LOOSE_DATE + r"日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:$|[|｜])"
                               r"|(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|信息来源|发布|作者))")
# a byline under the title: the body and the day (清水县人民政府 2024年01月08日)
_BYLINE_DATE_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,24}\s+((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")


def _valid_date(year: str, month: str, day: str) -> str | None:
    y, m, d = int(year), int(month), int(day)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


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
    body_seen = False
    for prev, line in zip(lines, lines[1:], strict=False):
        body_seen = body_seen or is_body_line(prev.text) or prev.text.endswith("。")  # 现将…印发给你们,请遵照执行。
        if (parse_date(line.text) or (body_seen and numeric_date(line.text))) and _is_name_line(prev.text):
            pairs.append((prev, line))
    for line in lines[-3:]:  # 韶关市司法局  2022年1月10日, on one line
        match = TRAILING_DATE_RE.search(line.text)
        if match and match.start() > 0 and _is_name_line(line.text[:match.start()].strip()):
            name = line.text[:match.start()].strip()
            date_start = line.start + match.start(1)
            pairs.append((Line(line.start, line.start + len(name), name),
                          Line(date_start, line.end, line.text[match.start(1):])))
    return pairs


def unsigned_date(lines: list[Line]) -> str | None:
    """A date alone on its line right after a paragraph (…现印发给你们,请认真贯彻执行。 / 2020年7月8日): a
    notice's or report's date printed without the sender's name above it."""
    for prev, line in zip(lines, lines[1:], strict=False):
        if len(line.text) <= DATE_LINE_MAX and prev.text.endswith("。") and (date := parse_date(line.text)):
            return date
    return None


DATE_LINE_MAX = 16  # 二〇二四年十二月三十一日 is 12

# a 题注, the line under a title: (2019年5月8日县人民政府第3次常务会议审议通过), (2020年1月1日起施行), (2022年3月1日)
ADOPTION_NOTE_RE = re.compile(r"[(（]\s*" + DATE_RE.pattern
                              + r"(?:[^()（）\n]{0,50}?(?:通过|发布|印发|施行|修订|修正))?\s*[)）]")


def adoption_date(lines: list[Line], title: Line | None) -> str | None:
    """The date of a 题注 right under the title: when the rules, 办法, 规定 or 要点 it heads were adopted or
    issued, their date where no signature dates them."""
    following = next((line for line in lines if title is not None and line.start > title.end), None)
    match = ADOPTION_NOTE_RE.fullmatch(following.text) if following is not None else None
    return _valid_date(*match.groups()[:3]) if match else None


def _is_name_line(text: str) -> bool:
    return 2 <= len(text) <= 40 and not any(c in text for c in "。，,；;:：")


def title_year(title: str | None) -> int | None:
    """The year a title names (…2021年…, 二〇二一年度…), not the ends of a span of years, spaced or not
    (…(2021 — 2025 年))."""
    title = _SPACE_RE.sub("", title) if title else title
    match = YEAR_RE.search(title) if title else None
    if match:
        return int(match.group(1))
    match = CN_YEAR_RE.search(title) if title else None
    return report_kind.cn_year(match.group(1)) if match else None


def covered_year(text: str, lines: list[Line], title: str | None, date: str | None,
                 issued: int | None = None) -> int | None:
    """The year the report is about: the title's year, else the opening's, else the signature year.

    The opening is read from the first paragraph on, then from the page's top: a reposting site's
    headline or menu above it may name another year ([…发布2018年度…报告] over 2016年,…).
    A notice, plan or page about one covers no year: its year is the year it was issued (`issued`: its
    文号's year). `lines` are the text's `lines_of`, split once per report.
    """
    body = body_text(text, lines)
    title = title or report_kind.glued_title(body)
    year = title_year(title)
    if year:
        return year
    if (date or issued) and doc_type(title, text, lines) == report_kind.NOTICE:
        return int(date[:4]) if date else issued  # a notice whose title names no year: the year it was issued
        # (its signature's, else its 文号's), not the year of a plan or a report its body cites
    # the page's top last: an excerpt may start with its first heading (一、2025年…主要举措和成效), no body line above
    year = report_kind.opening_year(body) or report_kind.first_year(COVERED_YEAR_RES, body[:400]) or report_kind.body_year(body[:OPENING_CHARS]) \
        or report_kind.first_year(COVERED_YEAR_RES, text[:400]) or report_kind.body_year(text[:OPENING_CHARS])
    if year:
        return year
    if date:
        return int(date[:4])
    if doc_type(title, text, lines) != report_kind.REPORT:
        posted = page_date(lines)  # the page's date row, when nothing else dates it
        dated = posted is not None and report_kind.dated_by_page(body[:OPENING_CHARS], posted[:4])
        return report_kind.issue_year(text) or (int(posted[:4]) if posted and dated else None)
    return None


def _news_headline(lines: list[Line]) -> bool:
    """The text's first line of its own (past the page's furniture) is a news headline, not a title."""
    lines = lines[:HEADER_LINES]
    furniture = {line.start for line in page_furniture(lines)}
    first = next((line for line in lines if line.text.strip() and line.start not in furniture), None)
    if first is None or is_body_line(first.text):
        return False
    words = first.text.strip()
    return "关于" not in words and not words.endswith(TITLE_WORDS) and report_kind.is_news_headline(words)


def body_text(text: str, lines: list[Line]) -> str:
    """The text from its first paragraph on (`lines` are its `lines_of`): page furniture and a headline above it dropped."""
    for line in lines[:HEADER_LINES]:
        if is_body_line(line.text):
            return text[line.start:]
    return text


OPENING_CHARS = 800
COVER_LETTER_RE = re.compile(r"(?:现将|现把)[^。\n]{0,80}?印发给你们|现印发给你们|现予(?:以)?印发")  # …通过,现予印发
# …制定本方案; a plan of a named kind ending its first sentence: 特制定本工作方案。 制定如下专项整治方案:
# (not a plan it asks others to make: 各单位要制定本单位实施方案, 督促各镇制定本镇工作方案: a place after 本 is
# theirs, where a plan of its own names its kind)
PLAN_SELF_RE = re.compile(r"(?:特|现)?制定本(?:实施)?(?:方案|细则)|制定(?:本(?![省市县区镇乡村地旗州])|如下)"
                          r"(?:(?!单位|部门|地区|乡镇|街道|辖区|系统)"
                          r"[\u4e00-\u9fff]){1,6}?(?:方案|细则)(?=\s*[。:：\n]|如下)")
# 结合自治区实际,制定本计划: an untitled year's work programme, as a title ending 工作计划/要点 is
POINTS_SELF_RE = re.compile(r"制定本(?:年度)?(?:工作)?(?:计划|要点|安排)|" + POINTS_AS_FOLLOWS)


def forwards(title: str, opening: str) -> bool:
    """The opening is the cover letter that sends out the titled document (现将《title》印发给你们;
    《title》已经县政府同意,现印发给你们): the text is the notice, the title the site's heading for it."""
    for match in COVER_LETTER_RE.finditer(opening):
        start = max(opening.rfind("。", 0, match.start()), opening.rfind("\n", 0, match.start())) + 1
        # the letter may name it with the tail the heading left out: 《…实施方案(2021—2025年)》
        if any(title_core(named) == title for named in _CITED_RE.findall(opening, start, match.end())):
            return True
    return False


_CITED_RE = re.compile(r"《([^《》\n]{2,80})》")


# a page that explains a document in pictures or questions: 一图读懂《…》, 图解:…, 问答:…
EXPLAINER_TITLE_RE = re.compile(r"[【\[]?(?:一图(?:读懂|看懂|了解|速览)|图解|图说|漫画|问答)")
PLAN_TITLE_ENDS = ("方案", "细则")  # 实施方案, 工作方案, 实施细则
POINTS_TITLE_ENDS = ("要点", "工作计划", "工作安排")


def is_plan_title(title: str) -> bool:
    """A plan's or a year's work programme's title (…实施方案(2021—2025年), …工作要点): what it is for, not
    who issued it. Not a notice that forwards one (关于印发…方案的通知 ends with 通知)."""
    return title_core(title).endswith(PLAN_TITLE_ENDS + POINTS_TITLE_ENDS + ("计划",))


def doc_type(title: str | None, text: str, lines: list[Line]) -> str:
    """年度报告, 实施方案/实施细则, 通知, 工作要点 or 其他, from the title, else from the body's self-description
    (`lines` are the text's `lines_of`)."""
    if title:
        title = title_core(title)
        if "解读" in title or EXPLAINER_TITLE_RE.match(title):  # explains a document: not the document itself
            return "其他"
        if is_plan_title(title) and forwards(title, body_text(text, lines)[:OPENING_CHARS]):
            return "通知"  # a site heads the page with the plan's name, then prints the notice forwarding it
        if title.endswith("规则"):  # 镇巴县人民政府工作规则: the rules themselves, not a plan or report
            return "其他"
        if title.endswith(("通知", "通报")):  # a 通报 (考核结果的通报) is a notice to subordinates
            return "通知"
        if title.endswith(PLAN_TITLE_ENDS):
            return "实施方案/实施细则"
        if title.endswith(POINTS_TITLE_ENDS):  # a year's work programme, however it is called
            return "工作要点"
        if title.endswith("计划"):  # 2023年普法依法治理实施计划: a year's programme; 三年行动计划 (2023—2025年): a plan
            return "工作要点" if title_year(title) and not title.endswith("行动计划") else "实施方案/实施细则"
        if title.endswith(("报告", "总结", "情况", "汇报")):
            return "年度报告"
    body = body_text(text, lines)[:OPENING_CHARS]
    glued = None if title else report_kind.glued_title(body)
    if glued:  # a title on the first paragraph's line decides as a title does
        return doc_type(glued, "", [])
    opening = text[:OPENING_CHARS] + "\n" + body  # the page's top, and the body under a long menu
    if COVER_LETTER_RE.search(opening):  # 现将《…》印发给你们: the notice that forwards a plan
        return "通知"
    if PLAN_SELF_RE.search(opening):  # 结合实际，制定本方案: an untitled plan
        return "实施方案/实施细则"
    if POINTS_SELF_RE.search(opening):
        return "工作要点"
    if REPORT_SELF.search(text):
        return "年度报告"
    if title is None and _news_headline(lines):  # 鄞州区全面推进…执法 / 今年以来,…: a news item, not a report
        return "其他"
    kind = report_kind.untitled_kind(title, body, opening)
    if kind:
        return kind
    if re.search(r"(?:19|20)\d{2}\s*年度?法治政府建设(?:工作)?(?:情况|报告|总结)", text[:600] + "\n" + body[:600]):
        return "年度报告"
    if "法治政府建设" in body and YEAR_RE.search(body[:200]):  # the body's words, not a breadcrumb's
        return "年度报告"
    if (YEAR_OPENING_RE.match(text) and "法治" in text[:OPENING_CHARS]) or RETROSPECTIVE_HEADING_RE.match(text):
        return "年度报告"  # 2022年,江门市司法局坚持…法治…; 一、…推进我区法治政府建设 (an untitled report)
    return "其他"


# An untitled report opens with its year and subject (2022年,X坚持…), or with its first numbered part on
# what was done (一、深入学习…,全力推进我区法治政府建设) — a plan's first part sets goals (总体要求).
YEAR_OPENING_RE = re.compile(r"\s*(?:19|20)\d{2}\s*年(?:度|以来)?\s*[,，]")
RETROSPECTIVE_HEADING_RE = re.compile(r"\s*一、(?![^\n]*(?:总体要求|指导思想|工作目标|目标任务|基本原则))"
                                      r"[^\n]{0,40}(?:法治政府建设|依法行政)[^\n]*\n")
