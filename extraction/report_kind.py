"""The year and the kind of a document whose title does not state them.

Real pages often lose the title (an excerpt that starts with the first paragraph or the first
heading, a reposting site's headline in its place) or never had one (a news item, a notice
printed as one paragraph). What is left still says what the document is and which year it is
about, in the way such documents are written:

* a retrospective report tells what was done: 一年来, 今年以来, 取得…成效, a first heading
  "一、主要举措和成效", counted events (2021年,党组召开8次会议);
* a notice says 现将有关事项通知如下 or 特此通知; a plan 制定如下实施方案;
* a news item opens with the event's day (5月9日,X县召开…; 日前,X区出台…), not a year;
* a report states its year at the start of a paragraph (2023年,…), in a 依法治县 phrase or in
  the statistics period of a 政府信息公开 annual report (统计期限从2023年1月1日到2023年12月31日).

A notice, plan or page about one has no year it covers; its year is the year it was issued
(the date under its signature, even written 二oo九年十一月十三日). Kept apart from metadata.py's
title, 文号 and signature rules, which these rules only complete.
"""

from __future__ import annotations

import re

REPORT = "年度报告"
OTHER = "其他"
NOTICE = "通知"
PLAN = "实施方案/实施细则"
POINTS = "工作要点"

_YEAR = r"((?:19|20)\d{2})"
# A paragraph that opens with the year it tells of: 2023年,… 2021年以来,… 2022年在县委的坚强领导下,…
_OPENS_WITH_YEAR = r"^\s*" + _YEAR + r"\s*年度?(?:以来|全年|\s*1\s*[-—~至到]\s*12\s*月份?)?\s*(?:[,，]|在|我)"  # 2022年全年,…
# … or runs its year straight into its subject and what it did: 2024年香格里拉市坚持…, 2023年市司法局深入…
# (the first paragraph only: a later one may plan the next year so, 2025年全县将坚持…)
_OPENS_WITH_YEAR_SUBJECT_RE = re.compile(r"\s*" + _YEAR + r"\s*年度?[\u4e00-\u9fff]{2,20}?"
                                         r"(?:坚持|深入|全面|认真|始终|紧紧|紧扣|按照|围绕|积极|持续|扎实|以习近平)")
# Each names the year a report covers where a paragraph states it; searched in the body only.
BODY_YEAR_RES = (
    # 数据统计期限从2023年1月1日到2023年12月31日: the year a 政府信息公开 annual report covers
    re.compile(_YEAR + r"\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*\1\s*年\s*12\s*月\s*31\s*日"),
    re.compile(_OPENS_WITH_YEAR, re.MULTILINE),  # a later section opens with the year
    # a heading that looks back on the year (一、2023年工作回顾), not one that plans the next (三、2024年工作打算)
    re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*" + _YEAR
               + r"\s*年度?(?:(?!打算|计划|安排|思路|目标|要点)[^\n。]){0,20}?(?:工作回顾|回顾|情况|举措|成效|做法)",
               re.MULTILINE),
    re.compile(_YEAR + r"\s*年度?(?:全面)?依法治(?:国|省|市|州|盟|县|区|旗|镇|乡|街)"),  # 2023年依法治镇工作
)

# A date at the very end: the signature of a notice printed as one paragraph (…办公室 二oo九年十一月十三日 |).
# 〇 as old pages type it: 零, the circle ○, a Latin, Cyrillic or Greek O, or a zero (二00五年, 二０一二年)
CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "О": 0, "Ο": 0, "0": 0, "０": 0,
                  "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_YEAR = "[" + "".join(CN_YEAR_DIGITS) + "]{4}"
_TAIL_DATE_RE = re.compile(
    r"(?:" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(" + CN_YEAR + r")年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
    r"[\s|｜]*$"
)
_TAIL_CHARS = 40

_OPENS_WITH_CN_YEAR_RE = re.compile(r"\s*(" + CN_YEAR + r")\s*年度?(?:以来|全年)?\s*(?:[,，]|在|我)")

# A title printed on the same line as the first paragraph (one-line pages of document sites):
# 2016年乡依法行政工作总结报告 2016年以来,…; …关于报告…进展情况的通知 各县(区)人民政府:…
GLUED_TITLE_RE = re.compile(r"^\s*([^。，,；;:：\n]{4,40}?(?:要点|方案|细则|通知|报告|总结))\s+(?=\S)")
# Titles of documents that are neither reports, plans, notices nor 要点.
# a reply, a letter, minutes, an announcement: documents of their own kind (关于同意…的批复, …意见的函, …会议纪要)
OTHER_TITLE_ENDS = ("意见", "办法", "规定", "决定", "规划", "条例", "目录", "批复", "函", "纪要", "公告", "通告", "决议")
# a 通报 tells its results to those below as a notice does: 现将考核结果通报如下, 特此通报 (not 予以通报批评,
# which a report or a news item says of what it did to others)
NOTICE_SELF_RE = re.compile(r"现(?:将|就)[^。\n]{0,20}?(?:通知|通报)如下|特此通(?:知|报)")
# a reply to a body below (你局《关于…的请示》收悉) or a letter answering one (贵局《关于…的函》收悉): a 批复 or 复函, whose
# addressee line names the body it answers, not a superior it reports to
REPLY_RE = re.compile(r"(?:你[\u4e00-\u9fff]{0,3}?(?:报来的|报送的|上报的)?[^。\n]{0,80}?(?:请示|报告|函)"
                      r"|贵[\u4e00-\u9fff]{0,3}?[^。\n]{0,80}?函)[^。\n]{0,10}?收悉")
PLAN_SELF_RE = re.compile(r"制定如下(?:实施)?(?:方案|细则)")  # 结合我县实际,制定如下实施方案
# A year's work programme printed as one paragraph: its title names the year's work, not a summary
# of it, and runs straight into the first task (2023年依法治镇工作一、认真贯彻落实…).
WORK_PLAN_HEAD_RE = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度)?[^。,，:：\n总报]{2,20}工作(?:要点|安排|计划)?\s*一\s*[、.．]")
# The first sentence of a news item: the event's day, then what happened (召开, 出台, 来到…调研, an
# appraisal's result: 通报了…考核情况, 被评为…优秀单位).
# A release that relays a report (近日,水利部发布2021年法治政府建设年度报告 …) is that report.
NEWS_OPENING_RE = re.compile(
    r"^[^。\n]{0,80}?(?:\d{1,2}\s*月\s*\d{1,2}\s*日|日前|近日)(?:上午|下午|晚)?[,，]?[^。\n]{0,40}?"
    r"(?:召开|举行|举办|出台|印发|调研|来到|启动|通报了|表彰|获评|荣获|被评为)(?:(?!报告)[^。\n])*(?:。|$)"
)
# A news item's headline above its lead: a short line telling what a body does (鄞州区全面推进…执法, 临海市司法局
# 召开…会议, X镇:多措并举推进…), after at most a bracketed column label (【法治政府建设】); not a document's title
# (…报告, 关于…: the caller checks) nor a heading (一、…: no name before its verb)
NEWS_HEADLINE_RE = re.compile(
    r"(?:【[^】\n]{1,12}】)?[\u4e00-\u9fff]{2,16}?\s*[:：]?\s*"
    r"(?:召开|举办|举行|开展|推进|出台|印发|获评|荣获|被命名|被评为|入选|启动|部署|推动|打造|多措并举|扎实|全面|持续|深化"
    r"|强化|加强)[^\n。，,；;:：]{2,30}"  # not an addressee (市委全面依法治市委员会:)
)
HEADLINE_MAX = 40


def is_news_headline(line: str) -> bool:
    """A news item's headline (NEWS_HEADLINE_RE), the whole line."""
    return len(line) <= HEADLINE_MAX and bool(NEWS_HEADLINE_RE.fullmatch(line))


# A report sent up opens with its addressee, a superior (市委、市政府: / 中共X市委、X市人民政府:); a
# notice's addressees are its subordinates (各乡镇人民政府,县直各单位:).
SUPERIOR_ADDRESSEE_RE = re.compile(r"^(?!各)[^\n,，。;；:：]{2,40}(?:委|政府|委员会|局|厅)\s*[:：]\s*$", re.MULTILINE)
# What a report looking back says; any one of them in the opening is enough.
RETROSPECTIVE_RE = re.compile(
    r"一年来|今年以来|过去一年|(?:19|20)\d{2}\s*年以来|取得了?[^。\n]{0,12}?(?:成效|成绩|进展|成果)"
    r"|本(?:年度)?报告|工作总结|总结(?:报告|如下)|汇报如下|先后召开"
    r"|^\s*一\s*[、.．]\s*[^\n。]{0,30}?(?:情况|成效|做法|举措|回顾|主要工作)\s*$"
    r"|(?:19|20)\d{2}\s*年[,，][^。\n]{0,30}?(?:召开|开展|组织|举办|办理|受理|审查|学法)[^。\n]{0,12}?\d+\s*(?:次|场|期|件)",
    re.MULTILINE,
)


def first_year(patterns: tuple[re.Pattern[str], ...], text: str) -> int | None:
    """The year the first of `patterns` to match captures (each captures the year as group 1)."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    return None


def opening_year(body: str) -> int | None:
    """The year the first paragraph opens with: the report's own statement of its year, stronger
    than any year a later heading or a cited plan names (一、2024年…基本情况 in a 2025 report),
    written in digits or in Chinese numerals (二〇二二年,…)."""
    match = re.match(_OPENS_WITH_YEAR, body) or _OPENS_WITH_YEAR_SUBJECT_RE.match(body)
    if match:
        return int(match.group(1))
    match = _OPENS_WITH_CN_YEAR_RE.match(body)
    return cn_year(match.group(1)) if match else None


def cn_year(digits: str) -> int:
    """A year written in Chinese numerals, one character a digit (二〇二二 → 2022)."""
    return int("".join(str(CN_YEAR_DIGITS[c]) for c in digits))


def body_year(body: str) -> int | None:
    """The year a paragraph of the body states the report covers (see BODY_YEAR_RES)."""
    return first_year(BODY_YEAR_RES, body)


def issue_year(text: str) -> int | None:
    """The year under the signature when the text ends with it: the year a notice was issued."""
    match = _TAIL_DATE_RE.search(text[-_TAIL_CHARS:])
    if match is None:
        return None
    if match.group(1):
        return int(match.group(1))
    return cn_year(match.group(2))


def glued_title(body: str) -> str | None:
    """The title that runs into the first paragraph on the same line, if any (GLUED_TITLE_RE)."""
    match = GLUED_TITLE_RE.match(body)
    return match.group(1) if match else None


def dated_by_page(body: str, year: str) -> bool:
    """Whether a page's date row may date the document: a news item is posted when it happens; a
    notice reposted years later is not, so its body must name the row's year itself (a 文号 or a
    signature that lost its punctuation: 株县发20174, 2017322)."""
    return is_news(body) or year in body


def is_news(body: str) -> bool:
    """A news item: its first sentence gives the event's day and what happened."""
    return bool(NEWS_OPENING_RE.search(body))


def untitled_kind(title: str | None, body: str, opening: str) -> str | None:
    """年度报告, 通知, 实施方案, 工作要点 or 其他 from how the body speaks, when its title did not decide; None
    when the body does not say either (the caller's older rules then decide).

    `body` starts at the first paragraph (page furniture and a headline skipped), `opening` is the
    text's first characters.
    """
    if title and title.endswith(OTHER_TITLE_ENDS):  # 关于…的若干意见: the document itself
        return OTHER
    if PLAN_SELF_RE.search(opening):
        return PLAN
    if WORK_PLAN_HEAD_RE.search(body):
        return POINTS
    if NOTICE_SELF_RE.search(opening):
        return NOTICE
    if is_news(body) or REPLY_RE.search(opening):
        return OTHER
    if RETROSPECTIVE_RE.search(opening) or SUPERIOR_ADDRESSEE_RE.search(opening):
        return REPORT
    return None
