"""The issuing agency of a report, and the report metadata that depends on it.

The issuer is taken only from where a report states it: an agency at the start of
the title, the name line of a signature block, or — in a report that speaks of
itself as 我局 — the subject of the opening, or the agency named in the title of
rules the report says it made. Everything else (the report's region) follows from it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from fazhi.extraction import metadata as meta_rules
from fazhi.extraction.agencies import (
    HEADS,
    POSITION_AFTER_RE,
    AgencyHit,
    central_organs,
    stem_heads,
    stem_set,
)
from fazhi.extraction.citations import find_citations
from fazhi.extraction.dictionaries import load_agency_abbreviations
from fazhi.extraction.laws import MADE_RE
from fazhi.extraction.metadata import Line
from fazhi.extraction.regions import (
    DEPTH,
    RegionEntry,
    RegionGazetteer,
    RegionHit,
    RegionMention,
    name_prefix,
    node_name,
)
from fazhi.extraction.self_words import SelfWords
from fazhi.extraction.zones import Zone
from fazhi.model import ReportMeta

SELF_REGION_RE = {
    "省": re.compile(r"我省|全省|本省"), "市": re.compile(r"我市|全市|本市|[我全]地区(?!域)"),  # 全地区: a 地区's own (本地区 is any area)
    "区县": re.compile(r"我区|全区|本区|我县|全县|本县"),
    "乡镇": re.compile(r"我镇|全镇|本镇|我乡|全乡|本乡|我街道?|全街道?|本街道?"),
}
# What the subject of a report's opening sentence does: "2021年,宣城市公安局按照…", "河北省委、省政府坚持…".
OPENING_VERBS = ("坚持", "深入", "全面", "认真", "始终", "紧紧", "紧扣", "按照", "围绕", "积极", "不断", "聚焦",
                 "持续", "扎实", "牢牢", "切实", "高度", "进一步", "严格", "大力", "着力", "立足", "继续", "紧密",
                 "主动", "锚定", "秉持", "自觉", "贯彻", "落实", "把", "将", "以", "在", "依法", "全力", "统筹", "加快",
                 "高举", "践行", "忠诚", "奋力", "着眼", "致力", "深化", "强化", "推动", "推进", "锐意", "努力",
                 "多措并举", "多举措",
                 # and the other openings reports use (2022年,X局坚定不移…, 聚力…, 对标…, 树牢…)
                 "坚定", "坚决", "坚守", "聚力", "对标", "树牢", "牢固", "牢记", "勇于", "勇担", "勇毅", "注重", "着重",
                 "健全", "完善", "优化", "提升", "抓实", "抓好", "用好", "发挥", "全方位", "精心", "强力", "创新", "探索",
                 "结合", "不折不扣", "率先", "稳步", "有序", "紧盯", "紧贴", "笃行", "守正", "凝心", "科学", "依托",
                 # and how reports say they pressed on (X局通过…, 狠抓…, 高位推动…, 抢抓机遇…, 高标准…)
                 "通过", "狠抓", "高位", "抢抓", "高标准", "高质量", "加强", "加大", "夯实", "压实", "突出")
_VERB = "(?:" + "|".join(sorted(OPENING_VERBS, key=len, reverse=True)) + ")"
# after a region: its party committee and government together (河北省委、省政府; 宁夏回族自治区党委和政府),
# its government alone, or its governments at every level (江苏省各级政府及其部门坚持…), then the verb
_LEVEL = "(?:[省市区县州盟旗镇乡]|自治区)"  # 龙头镇党委、镇政府深入…: a township's too
# the region's work itself as the subject: 中村乡法治政府建设工作在市委…领导下, 全省法治政府建设工作坚持…,
# its year's work (缙云县2022年法治政府建设工作坚持…)
_WORK = "(?:(?:19|20)\\d{2}年度?)?(?:(?:法治政府建设|依法行政|法治建设)(?:工作)?)?"
WORK_RE = re.compile(_WORK)
REGION_SUBJECT_RE = re.compile(rf"(?:{_LEVEL}?党?委[、和及与]?{_LEVEL}?(?:人民)?政府|(?:人民)?政府"
                               rf"|党工委[、和及与]?办事处|各级各部门|各级行政机关|(?:党政)?领导班子|党政班子"
                               rf"|各级(?:人民)?政府(?:及其(?:工作)?部门)?)?{_WORK}{_VERB}")
# the level word a division calls itself by after 我/全/本 (我旗, 本街道, 我街 for a 街道)
_OWN_LEVEL = "(省|市|区|县|州|盟|旗|镇|乡|街道|街)"
# the divisions below and the departments together: 各区、各部门, 各县(市、区)和各部门, 各乡镇各单位
_BELOW_AND_DEPARTMENTS = r"各[\u4e00-\u9fff()（）、]{1,10}?[、和及与]?各(?:部门|单位)"
# 我县坚持…, 全市深入…, 我市各级行政机关全面贯彻…, 全市各区、各部门在市委…领导下 (the region's whole
# administration speaking)
SELF_SUBJECT_RE = re.compile(
    rf"[我全本]{_OWN_LEVEL}(?:各级(?:行政机关|(?:人民)?政府(?:及其(?:工作)?部门)?|各部门)"
    rf"|各级各部门|{_BELOW_AND_DEPARTMENTS}|政府|上下)?{_WORK}{_VERB}")
SECOND_NAME_RE = re.compile(r"[(（][\u4e00-\u9fff]{2,16}[)）]")
# 现将我旗2024年法治政府建设情况报告如下: the region's own report (现将我局… is a department's)
# the words that announce a report: 现将…报告如下, 现就…, 现把…, 特将…
ANNOUNCE = "(?:现将|现就|现把|特将|兹将)"
REPORT_OF_SELF_RE = re.compile(rf"{ANNOUNCE}[我本]{_OWN_LEVEL}[^。\n]{{0,40}}?" + meta_rules.REPORT_FOLLOWS)
# the region's own organs by level character alone: 县委、县政府坚持…, 省政府深入…; an autonomous region
# by its level word alone (2022年,自治区坚持…: 自治区 is how its own reports name it, as a name)
# … and with its departments (县政府及工作部门坚持…, 市政府及其部门深入…)
_AND_DEPARTMENTS = r"(?:[及和与](?:其|所属)?(?:各)?(?:工作)?部门)?"
LEVEL_SUBJECT_RE = re.compile(
    rf"(自治区|省|市|区|县|州|盟|旗)(?:党?委[、和及与](?:\1)?(?:人民)?政府{_AND_DEPARTMENTS}"
    rf"|(?:人民)?政府{_AND_DEPARTMENTS}|(?<=自治区){_WORK}){_VERB}")
SELF_HEAD_FULL = {"委": "委员会", "办": "办公室"}
LEADING_GROUP_RE = re.compile(r"党委|党组")  # a bureau's party committee or group acts for it
CLAUSE_START = frozenset(",，。；;:：\n 年来")
# A page's metadata row naming who published it: 发布机构: 内蒙古阿拉善高新技术产业开发区管理委员会; a legal
# database's 制定机关/发布部门/颁布单位 row
# a row's separator: a colon, a table's cell bar, or both (发布机构: | X |), or a closing bracket
ROW_SEP = r"(?P<sep>[:：](?:\s*[|｜])?|[|｜]|[\]】])"
PUBLISHER_ROW_RE = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位|制发机构|制发机关|颁布单位|颁布机关|制定机关|发布部门)\s*" + ROW_SEP + r"?\s*"
                              r"(?P<name>[\u4e00-\u9fff()（）]{4,40})")
SHORT_NAME_RE = re.compile(r"[(（](?:以下)?简?称[^()（）\n]{1,24}[)）]")  # (以下简称市人社局), (以下称…)
# The centre whose lead every report follows (在党中央、国务院的坚强领导下): the party centre, the State
# Council, the NPC and the central rule-of-law commission, never a report's subject; a national body
# that reports on itself (海关总署坚持…, 最高人民检察院坚持…) is.
LEADING_CENTRE_STARTS = ("中共中央", "党中央", "国务院", "全国人", "中央")


def _leads_centre(name: str) -> bool:
    """Whether `name` is one of the central organs whose lead every report follows (LEADING_CENTRE_STARTS)."""
    return name in central_organs() and name.startswith(LEADING_CENTRE_STARTS)


# 现将(2018年)X…的报告(公开/公告)如下: the sentence that announces a body's or a region's report
REPORT_FOLLOWS_RE = re.compile(r"[^。\n]{0,40}?" + meta_rules.REPORT_FOLLOWS)
ANNOUNCES_BEFORE_RE = re.compile(ANNOUNCE + r"\s*(?:(?:19|20)\d{2}\s*年度?)?$")
ANNOUNCES_RE = re.compile(ANNOUNCE + r"(?:中共)?$")
# 现公布清远市农业农村局2021年…年度报告; 长沙县人民政府编制了本报告: the report names its author
PUBLISHES = ("现公布", "现发布", "特发布")
REPORT_NAMED_RE = re.compile(r"[^。\n，,]{0,40}?报告")
AUTHORED_RE = re.compile(r"编制了?本报告")  # not 起草: a 司法局 drafts its government's report
# 本报告根据《…条例》要求,由景宁畲族自治县司法局编制: a 政府信息公开 annual report names its author
AUTHORED_BY_RE = re.compile(r"本报告[^。\n]{0,80}?由$")
AUTHORED_AFTER_RE = re.compile(r"[^。\n]{0,240}?编制")  # past the 条例 and 通知 it follows
# 关于《清水县人民政府关于…的报告》的政策解读: a page about one report names that report's issuer first
TITLE_LEAD_RE = re.compile(r"[\s《“\"]*(?:[\[【][^\]】\n]{2,30}[\]】])?\s*(?:关于)?\s*(?:\d{4}(?:[-—至]\d{4})?年度?)?"
                           r"\s*(?:关于)?\s*《?(?:中共)?")
# 高新区(新市区)人民政府2024年…: a body with two names, the division's in brackets after the zone's
TITLE_ALIAS_LEAD_RE = re.compile(TITLE_LEAD_RE.pattern + r"[\u4e00-\u9fff]{1,12}[区县市][(（]")
REGION_TITLE_NEXT_RE = re.compile(r"\d|年|关于|法治|全面|依法|推进|贯彻|党委|政府|工作")  # not more of a name
AGENCY_ENDINGS = ("人民政府", "政府", "办公室", "办公厅", "委员会", "办事处", "局", "厅", "委", "办", "中心", "院", "所", "部")


def find_issuer(text: str, opening_end: int | None, hits: list[AgencyHit], title: Line | None,
                signatures: list[tuple[Line, Line]], own: SelfWords,
                region_subject: AgencyHit | None = None) -> AgencyHit | None:
    """The issuing agency from the title, the signature block, or the opening self-description.

    `opening_end` is where the report's second sentence ends (None for a text without sentences).
    `region_subject` is the region government a title or the opening names as the report's subject
    (region_government_issuer): when it comes before the agency that opens a clause, the report is
    the region's (2023年,清波街道以…; 今年以来,清波街道党工委将… is one of its bodies acting).
    """
    real = [h for h in hits if not h.generic]
    if title is not None:
        heading = (_title_issuer(text, title, real) or _trailing_bracket_issuer(text, title, real)
                   or _issuer_line(text, title, real, own))
        if heading is not None and "\n" in text[heading.end:title.end] and not _may_be_self(own, heading):
            heading = None  # an issuer line the title was joined with (某市人民政府 / 关于…), ruled out by 我厅
        if heading is not None:
            return heading
    run_in = _run_in_heading_issuer(text, real)
    if run_in is not None:
        return run_in
    for name_line, _ in signatures:
        signer = _signer(text, name_line, real)
        if signer is not None:
            return signer
    for hit in real:  # 现将市人社局2021年法治政府建设情况报告如下 (ANNOTATION.md)
        if _announced(text, hit.start) and REPORT_FOLLOWS_RE.match(text, hit.end):
            return hit
        if text.startswith(PUBLISHES, hit.start - 3) and REPORT_NAMED_RE.match(text, hit.end) \
                or AUTHORED_RE.match(text, hit.end):  # 现公布X…年度报告; X编制了本报告
            return hit
        if AUTHORED_AFTER_RE.match(text, hit.end) and AUTHORED_BY_RE.search(text[max(0, hit.start - 90):hit.start]):
            return hit
    found = _self_speaking_issuer(text, opening_end, real, own)
    if found:
        return found
    subject = _opening_subject_agency(text, opening_end, real)
    if subject is not None and region_subject is not None and (region_subject.start < subject.start or (
            region_subject.start == subject.start and not subject.region)):  # 县政府坚持…, its county placed
        return region_subject
    return subject if subject is None or _may_be_self(own, subject) else None


def _issuer_line(text: str, title: Line, hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """The body on its own line above or under the title, unless the report's 我局 (我厅…) rules it out:
    a site's banner (某市人民政府) over the report of a bureau that speaks as 我厅."""
    line = (_issuer_line_before(text, title, hits) or _issuer_line_after(text, title, hits)
            or _byline_beside_title(text, title, hits))
    return line if line is None or _may_be_self(own, line) else None


# …情况报告 上海市统计局 2020-06-08: a list page's row, the publisher between the title and the date stamp
INLINE_SPACE_RE = re.compile(r"[ \t\u3000]{0,4}")
STAMP_TO_LINE_END_RE = re.compile(r"[ \t\u3000]+(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                                  r"(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000]*(?:\n|$)")


def _byline_beside_title(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """The body printed after the title on its line, before the page's date stamp: the byline of the row."""
    gap = INLINE_SPACE_RE.match(text, title.end)
    start = gap.end() if gap else title.end
    hit = next((h for h in hits if h.start == start), None)
    return hit if hit is not None and STAMP_TO_LINE_END_RE.match(text, hit.end) else None


def _announced(text: str, start: int) -> bool:
    """A name right after 现将 (现将市人社局…, 现就X局…, 现将中共X县委…: a party body's hit starts at its region)."""
    return ANNOUNCES_RE.search(text, max(0, start - 4), start) is not None


def _may_be_self(own: SelfWords, subject: AgencyHit) -> bool:
    """A report that speaks of itself as 我局 (我委, 我厅…) is no 厅 or government: an opening subject
    without that head is a body it follows (浙江省司法厅推动全省…改革,我局积极配合)."""
    heads = _with_full_heads(set(own.first_person))
    return not heads or any(subject.name.endswith(h) for h in heads)


# 陇南市人民政府办公室关于报告…的通知 各县(区)人民政府,…: a heading run into its body on one line
RUN_IN_HEADING_RE = re.compile(r"关于[^。\n]{2,80}?的(?:通知|报告|意见|决定|通报|批复|函|实施方案|工作要点)")
LEADING_CLUTTER = " \t\n\r|｜　"


def _run_in_heading_issuer(text: str, hits: list[AgencyHit]) -> AgencyHit | None:
    """The body that opens the text with X关于…的通知, when no title line was found (the heading and the
    body share a line, or a page's stray separator stands above it)."""
    if not hits or not _only_furniture_before(text, hits[0].start):
        return None
    return hits[0] if RUN_IN_HEADING_RE.match(text, hits[0].end) else None


def _only_furniture_before(text: str, pos: int) -> bool:
    """Nothing of the document's own before `pos`: at most stray separators and whole lines of page
    clutter (breadcrumbs, banners, metadata rows) above the line `pos` is on."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip(LEADING_CLUTTER):
        return False
    return all(not line.strip(LEADING_CLUTTER) or meta_rules.is_furniture_line(line.strip())
               for line in text[:line_start].split("\n"))


def _signer(text: str, name_line: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """The body a signature's name line names: the one agency filling it, or of a party organ and
    the government it leads signing together (中共泰顺县委 泰顺县人民政府), the government."""
    start, end = _signing_body_span(name_line)
    inside = [h for h in hits if start <= h.start + 1 and h.end <= end + 1]
    party = 2 if text.startswith("中共", start) else 0  # a party body's hit starts at its region: 中共|安吉县委…
    whole = next((h for h in hits if h.start <= start + party + 1 and h.end >= end - 1), None)
    if whole is not None:
        return whole
    if len(inside) == 2 and _is_party_organ(inside[0].name) and not _is_party_organ(inside[1].name) \
            and text[start:inside[0].start] in ("", "中共") and inside[1].end >= end - 1 \
            and JOINT_GAP_RE.fullmatch(text, inside[0].end, inside[1].start):
        return inside[1]
    return None


# a byline under the title: 泰顺县司法局, (泰顺县司法局 2023年1月5日)
BYLINE_RE = re.compile(r"[(（]?\s*(?P<name>[^\s()（）]{4,40}?)\s*(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?\s*[)）]?")


def _issuer_line_after(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """A byline: the line right under the title that is one agency's name and nothing else, or
    that name and a date in brackets."""
    line_start = text.find("\n", title.end)
    if line_start < 0:
        return None
    while text.startswith("\n", line_start):
        line_start += 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    byline = BYLINE_RE.fullmatch(text[line_start:line_end].strip())
    if byline is None:
        return None
    offset = line_start + len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip())
    start, end = offset + byline.start("name"), offset + byline.end("name")
    return next((h for h in hits if h.start == start and h.end == end), None)


SIGNING_PARTY_GROUP_RE = re.compile(r"^(中共)?.+?(党组|党委)?$")


# where the seal goes, printed after the signing body: 衢州市交通运输局(印), X局（盖章）
SEAL_RE = re.compile(r"\s*[(（]\s*(?:印|章|盖章|公章|签章|签印)\s*[)）]$")


def _signing_body_span(line: Line) -> tuple[int, int]:
    """Where the body's name is in a signature line: 中共南京市发展和改革委员会党组 signs for the
    committee (ANNOTATION.md: a 党组 may sign; the 党组 itself is no agency); its seal mark (印) left out."""
    seal = SEAL_RE.search(line.text)
    if seal is not None:
        line = Line(line.start, line.start + seal.start(), line.text[:seal.start()])
    match = SIGNING_PARTY_GROUP_RE.match(line.text)
    if match is None or not match.group(2):
        return line.start, line.end
    head = len(match.group(1) or "")
    return line.start + head, line.end - len(match.group(2))


def _self_speaking_issuer(text: str, opening_end: int | None, hits: list[AgencyHit],
                          own: SelfWords) -> AgencyHit | None:
    """A report that speaks of itself (我局, 厅党组, 市局党委) by its head word: the agency with that head
    which opens the report, or names the rules it made; its party committee counts for the latter only
    (局党委 in a report that calls itself only 教育局 does not fix which county's)."""
    self_heads = _with_full_heads(set(own.heads | own.leaders))
    if self_heads:
        acting = [h for h in hits if not _above_own_division(own, h)]  # the rules that read it anywhere
        found = (_self_described_issuer(text, opening_end, hits, self_heads)
                 or _issuer_of_own_rules(text, hits, self_heads)
                 or _acting_party_group(text, acting, self_heads)
                 or _own_unit_body(text, acting, self_heads)
                 or _acting_body_in_full(text, acting, self_heads))
        if found:
            return found
    party_heads = set(own.party) - self_heads
    return _issuer_of_own_rules(text, hits, party_heads) if party_heads else None


# the level words a text calls only a division of that level its own (全县, 我镇, 本街); 全市 may be a county-level
# city's and 全区 a district's or an autonomous region's, so they place no level
COUNTY_AND_TOWN_CHARS = frozenset("县旗镇乡街")


def _above_own_division(own: SelfWords, hit: AgencyHit) -> bool:
    """A body of a level above the division the text calls its own (韶关市应急管理局 in a report that says 全县, 我县):
    a superior acting in the report, not the body speaking, wherever it stands."""
    depths = [DEPTH[CHAR_LEVEL[c]] for c in own.level_chars if c in COUNTY_AND_TOWN_CHARS]
    return bool(depths) and hit.level in DEPTH and DEPTH[hit.level] < max(depths)


def _acting_party_group(text: str, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """莆田市城市管理局党组高度重视…: in a report that speaks as 我局, the one body with that head whose
    party group (or committee) opens a clause and acts is the report's own body, wherever it stands.
    Another bureau's group is named as a superior (在市司法局党组的指导下), not acting."""
    found: dict[str, AgencyHit] = {}
    for hit in hits:
        group = LEADING_GROUP_RE.match(text, hit.end)
        if group is None or hit.level == "国家" or not any(hit.name.endswith(h) for h in self_heads):
            continue
        meeting = GROUP_MEETING_RE.match(text, group.end())  # X局党组会议审议…, X局党组理论学习中心组…
        acts_at = meeting.end() if meeting else group.end()
        if _opens_clause(text, hit.start) and text.startswith(OPENING_VERBS + GROUP_ACTS, acts_at):
            found.setdefault(hit.name, hit)
    return _only_body(found)


def _acting_body_in_full(text: str, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """In a report that speaks as 我局, the one body with that head written in full (衢州市交通运输局, not
    市交通运输局) that opens a clause anywhere and acts (…。衢州市交通运输局坚持开展案卷评查): the body
    speaking of itself by name. Several such bodies, or one acting on 我局, name none."""
    found: dict[str, AgencyHit] = {}
    for hit in hits:
        if hit.scoped or not hit.region or hit.name in central_organs() or text.startswith(LEVEL_CHARS, hit.start) \
                or not any(hit.name.endswith(h) for h in self_heads):
            continue
        if _opens_clause(text, hit.start) and text.startswith(OPENING_VERBS, hit.end) \
                and not _on_furniture_line(text, hit) and not _acts_on_self(text, hit, self_heads) \
                and not _acts_on_own_division(text, hit):
            found.setdefault(hit.name, hit)
    return _only_body(found)


OWN_DIVISION_WORD_RE = re.compile(r"[我本](?:省|市|区|县|州|旗|镇|乡|街道)")


def _acts_on_own_division(text: str, hit: AgencyHit) -> bool:
    """A body whose clause names the report's own division (衢州市交通运输局高度重视我县交通执法): a superior
    acting on the report's county, not the body speaking."""
    rest = CLAUSE_REST_RE.match(text, hit.end)
    return rest is not None and OWN_DIVISION_WORD_RE.search(rest.group(0)) is not None


# 由X局政策法规科牵头, X局法规股负责…: a body's own section (科/股; a 厅's 处) at work
OWN_UNIT_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?[科股处](?:具体)?(?:牵头|负责|统筹|承办|组织|会同|具体)")


def _own_unit_body(text: str, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """In a report that speaks as 我局, the one body with that head whose own section takes the work on
    (由衢州市交通运输局政策法规科牵头…), opening a clause or after 由, or that sets up its own leading group: the
    body speaking. A superior's section is named after 在/配合/按照 (在市司法局执法监督科指导下), not at work for
    the report."""
    found: dict[str, AgencyHit] = {}
    for hit in hits:
        if hit.level == "国家" or not any(hit.name.endswith(h) for h in self_heads):
            continue
        if _section_at_work(text, hit, self_heads) or _sets_up_own_group(text, hit):
            found.setdefault(hit.name, hit)
    return _only_body(found)


def _section_at_work(text: str, hit: AgencyHit, self_heads: set[str]) -> bool:
    """由X局政策法规科牵头…, X局法规股负责…: the body's own section at work, leading no bodies below it."""
    return (_opens_clause(text, hit.start) or text[hit.start - 1:hit.start] == "由") \
        and OWN_UNIT_RE.match(text, hit.end) is not None and not _leads_others(text, hit, self_heads)


def _sets_up_own_group(text: str, hit: AgencyHit) -> bool:
    """成立了以局长为组长的X局法治建设领导小组: the body names the leading group it sets up after itself."""
    return OWN_GROUP_RE.match(text, hit.end) is not None \
        and SETS_UP_RE.search(text, max(0, hit.start - 30), hit.start) is not None


# 由市交通运输局法规处牵头,各县(市、区)交通运输局配合: a superior's section leading the bodies below
OTHERS_LED_RE = re.compile(r"[^。；;\n]{0,40}?(?:各[县区市乡镇]|各地|各(?:有关|相关)?(?:单位|部门))")  # not 各科室: its own


def _leads_others(text: str, hit: AgencyHit, self_heads: set[str]) -> bool:
    """The section leads bodies below it or the report's own (…牵头,各县(市、区)…配合; …指导我局/我县…)."""
    return bool(OTHERS_LED_RE.match(text, hit.end)) or _acts_on_self(text, hit, self_heads) \
        or _acts_on_own_division(text, hit)


# 成立了以局长为组长的衢州市交通运输局法治建设领导小组 (成立由局长任组长的…): a body sets up its own leading group
OWN_GROUP_RE = re.compile(r"[\u4e00-\u9fff]{0,16}?(?:领导小组|工作小组|工作专班)")
SETS_UP_RE = re.compile(r"(?:成立|调整|建立|组建|健全)了?(?:[以由][^，。,；;]{0,24}?的)?$")


# what a body's party group does at its own meetings: X局党组会议审议通过…, X局党组理论学习中心组专题学习…
GROUP_MEETING_RE = re.compile(r"(?:(?:理论学习)?中心组|会议|会)?")
GROUP_ACTS = ("召开", "审议", "研究", "听取", "专题", "集体学习", "先后", "多次", "传达", "组织")


def _department_heads(own: SelfWords) -> set[str]:
    """The heads a department's report speaks of itself by (我局, 本委: 局, 委, 委员会): the bodies its page and
    rows may name as its own."""
    return _with_full_heads(set(own.department))


def _with_full_heads(heads: set[str]) -> set[str]:
    """我委 speaks for a 委员会 too, 我办 for an 办公室."""
    return heads | {SELF_HEAD_FULL[h] for h in heads if h in SELF_HEAD_FULL}


def _title_issuer(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """The agency a title opens with, after at most 关于 and a year (关于宣城市公安局2021年…,
    2021年度宣城市公安局…).

    A joint heading of a party organ and the body it leads (中共X市委 X市人民政府…, 海关总署党委
    海关总署…) is the body's report: 法治政府建设 reports are the government's duty (《法治政府建设与
    责任落实督察工作规定》: governments report to the party committee and the government above), so
    the party organ co-signs; ANNOTATION.md gives a whole region's report to its government."""
    leading = [h for h in hits if title.start <= h.start < title.end
               and (TITLE_LEAD_RE.fullmatch(text, title.start, h.start) or _bracketed_publisher(text, title, h)
                    or _after_own_party_committee(text, title, h))]
    if not leading:
        return None
    first = leading[0]
    following = next((h for h in hits if h.start >= first.end), None)
    if _is_party_organ(first.name) and following is not None and not _is_party_organ(following.name) \
            and JOINT_GAP_RE.fullmatch(text, first.end, following.start):
        return following
    return first


# 中共梧州市委员会 梧州市人民政府关于…: the region's party committee written in full before its government
OWN_PARTY_COMMITTEE_RE = re.compile(r"(?:中共)?(?P<region>[\u4e00-\u9fff]{2,20}?)(?:委员会|委)[\s、]*")


def _after_own_party_committee(text: str, title: Line, hit: AgencyHit) -> bool:
    """A government whose own region's party committee opens the title with it, in a form the agency
    rules do not read as one name: the joint heading of a region's report (as 中共X市委 X市人民政府)."""
    lead = TITLE_LEAD_RE.match(text, title.start, hit.start)
    party = OWN_PARTY_COMMITTEE_RE.fullmatch(text, lead.end() if lead else title.start, hit.start)
    return party is not None and hit.name.endswith("人民政府") \
        and text.startswith(party.group("region") + "人民政府", hit.start)


def _trailing_bracket_issuer(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """2023年度法治政府建设情况报告(桐庐县应急管理局): the body in brackets right after the title is its
    issuer, as a byline under it would be."""
    if text[title.end:title.end + 1] not in "(（":
        return None
    return next((h for h in hits if h.start == title.end + 1 and text[h.end:h.end + 1] in ")）"), None)


def _bracketed_publisher(text: str, title: Line, hit: AgencyHit) -> bool:
    """【泰顺县司法局】2022年度…: the publisher in brackets before the title (a label such as
    【政策解读】 names no agency)."""
    return text[title.start:hit.start].strip() == "【" and text.startswith("】", hit.end)


JOINT_GAP_RE = re.compile(r"[\s、]*")
PARTY_ENDINGS = ("党委", "党组", "党工委")


def _is_party_organ(name: str) -> bool:
    return name.startswith("中共") or name.endswith(PARTY_ENDINGS)


def _issuer_line_before(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """A notice's issuer line between its 文号 and its 关于… title: the line right above the title
    (or the words before it on the title's own line) that is one agency's name and nothing else —
    or, on a page that prints the title in its header first, above the document's own 关于… line.

    A 红头 notice prints its issuer above its 文号 (义乌市人民政府办公室(文件) / 义政办发〔2022〕9号 / 关于…):
    the line above a 文号 line right above the title is the issuer line then."""
    line_start = text.rfind("\n", 0, max(title.start - 1, 0)) + 1
    if meta_rules.DOC_NUMBER_RE.fullmatch(text[line_start:title.start].strip()):
        line_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    own_line = text.rfind("\n", 0, title.start) + 1
    for hit in hits:
        if hit.start >= title.start:
            break
        if hit.start >= line_start and not text[line_start:hit.start].strip() \
                and RED_HEAD_GAP_RE.fullmatch(text, hit.end, title.start) \
                and (hit.start >= own_line or meta_rules.may_have_issuer_line(text[hit.start:hit.end], title.text)):
            return hit  # not 某市司法局 above 东湖街道2024年度…报告 or 关于福州市2021年…: the site's banner
    return _issuer_line_above_heading(text, title, hits)


# between a notice's issuer line and its title: nothing, or the 红头's 文件 and the 文号 line under it
RED_HEAD_GAP_RE = re.compile(r"\s*(?:文件\s*)?(?:" + meta_rules.DOC_NUMBER_RE.pattern + r"\s*)?")
HEADING_AFTER_ISSUER_RE = re.compile(r"\s*\n\s*关于")


def _issuer_line_above_heading(text: str, title: Line, hits: list[AgencyHit]) -> AgencyHit | None:
    """株洲县人民政府 / 关于印发…: a line that is one agency's name, right above a line opening with
    关于, below the page's header title and before the document's body."""
    body = re.search(r"[。；;]", text[title.end:])
    limit = title.end + (body.start() if body else 0)
    for hit in hits:
        if hit.start <= title.end:
            continue
        if hit.start >= limit:
            break
        line_start = text.rfind("\n", 0, hit.start) + 1
        if not text[line_start:hit.start].strip() and HEADING_AFTER_ISSUER_RE.match(text, hit.end):
            return hit
    return None


def _self_described_issuer(text: str, opening_end: int | None, hits: list[AgencyHit],
                           self_heads: set[str]) -> AgencyHit | None:
    """An agency that is the subject of the opening paragraph of a report that speaks of itself as 我局."""
    if opening_end is None:
        return None
    for hit in hits:
        if hit.start >= opening_end:
            break
        following = text[hit.end:hit.end + 1]
        if following in "的、和与及等" or hit.name in central_organs():
            continue
        if any(hit.name.endswith(head) for head in self_heads) and _opens_clause(text, hit.start) \
                and not _on_furniture_line(text, hit) and not _acts_on_self(text, hit, self_heads):
            return hit
    return None


CLAUSE_REST_RE = re.compile(r"[^,，。；;:：\n]{0,40}")


def _acts_on_self(text: str, hit: AgencyHit, self_heads: set[str]) -> bool:
    """A body whose clause names the report's own body as another (丽水市司法局指导我局…, 市局到本局调研):
    a superior or partner, not the one speaking."""
    rest = CLAUSE_REST_RE.match(text, hit.end)
    clause = rest.group(0) if rest else ""
    return any(f"{word}{head}" in clause for word in "我本" for head in self_heads)


def _on_furniture_line(text: str, hit: AgencyHit) -> bool:
    """A name that is its whole line, or stands in a page's metadata row: a site's banner or publisher
    (泽州县司法局 over, 发布机构: 县司法局 above, the 交通运输局 report it hosts), no subject of the opening."""
    line = _line_around(text, hit.start, hit.end)
    return line == text[hit.start:hit.end] or meta_rules.is_page_clutter(line)


def _line_around(text: str, start: int, end: int) -> str:
    """The whole line text[start:end] stands on, stripped."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:line_end if line_end >= 0 else None].strip()


# 党组会议审议并通过了《X局…实施方案》: a body adopts its own rules at its own meeting, as it makes them
ADOPTED_RE = re.compile(r"(?:审议(?:并)?通过|审定|研究通过)了?$")
# 编撰并公示《X局关于2024年…的报告》, 按时报送《X局…总结》: a body publishes and sends up its own reports;
# 现将《X局2023年…报告》予以公布: the report names itself
PUBLISHED_OWN_RE = re.compile(r"(?:公示|公开|公布|报送|上报|编撰|撰写|现将|现把|特将)了?$")
# 制定了《A》《B》, 出台《A》、《B》和《C》: every title of a list after the verb is one the body made
LIST_GAP_RE = re.compile(r"[、和及与以及\s]*")


def _issuer_of_own_rules(text: str, hits: list[AgencyHit], self_heads: set[str]) -> AgencyHit | None:
    """A report that says 我局制定了《X局…制度》 (or 公示《X局关于2024年…的报告》, 制定了《A》《X局…》) names
    itself in the title of its own rules or reports."""
    by_start = {h.start: h for h in hits}
    candidates = set()
    made_end = -1  # where the last title made by the body ends: a title right after it is in the same list
    for cite in find_citations(text):
        before = text[max(0, cite.start - 8):cite.start]
        made = bool(MADE_RE.search(before) or ADOPTED_RE.search(before) or PUBLISHED_OWN_RE.search(before)) \
            or (made_end >= 0 and LIST_GAP_RE.fullmatch(text, made_end, cite.start) is not None)
        made_end = cite.end if made else -1
        hit = by_start.get(cite.start + 1)
        if hit is None or hit.level == "国家" or not any(hit.name.endswith(h) for h in self_heads):
            continue
        if made:
            candidates.add(hit.name)
    if len(candidates) != 1:
        return None
    name = candidates.pop()
    return next(h for h in hits if h.name == name)


def _opening_subject_agency(text: str, opening_end: int | None, hits: list[AgencyHit]) -> AgencyHit | None:
    """"2021年以来,宣城市公安局按照…", "2021年,司法部坚持…": an agency that opens a clause and
    acts is the reporter (not 党中央 or 国务院, whose lead every report follows)."""
    if opening_end is None:
        return None
    for i, hit in enumerate(hits):
        if hit.start >= opening_end:
            break
        body = hit
        # 温州市人民政府|外事办公室坚持…: an office named through its government opens the clause
        while i + 1 < len(hits) and hits[i + 1].start == body.end and body.name.endswith("人民政府"):
            i += 1
            body = hits[i]
        # 中共贵州省委、贵州省人民政府印发…: a joint 党委、政府 acts; the government is the reporter
        if i + 1 < len(hits) and _is_party_organ(body.name) and hits[i + 1].name.endswith("人民政府") \
                and hits[i + 1].start == body.end + 1 and text[body.end] in JOINT_MARKS:
            body = hits[i + 1]
        after = SHORT_NAME_RE.match(text, body.end) or LEADING_GROUP_RE.match(text, body.end) \
            or WORK_RE.match(text, body.end)  # 市文广旅局(以下简称…)坚持…, X局党委坚持…, X局2022年法治政府建设工作坚持…
        verb_at = after.end() if after else body.end
        acts = text.startswith(OPENING_VERBS, verb_at) or (
            hit.start < _lead_end(text, opening_end) and bool(REGION_EVENT_RE.match(text, verb_at)))
        if not _leads_centre(body.name) and not body.bare and _opens_clause(text, hit.start) and acts:
            return body
    return None


JOINT_MARKS = "、和及与"


def named_in_full_later(issuer: AgencyHit, hits: list[AgencyHit]) -> AgencyHit | None:
    """An issuer written by level and head (区市场监管局坚持…) that the text also names in full
    (成都市武侯区市场监督管理局): that body, when exactly one of its level carries the head. A bare
    head (司法局) is not completed: its text may name the city's bureau above it."""
    if issuer.region or not issuer.scoped or not issuer.core or not issuer.name.startswith(LEVEL_CHARS):
        return None
    level_char = issuer.name[0]
    full = {h.name: h for h in hits if not h.scoped and h.region and h.level == issuer.level
            and h.name.endswith(issuer.core) and h.region.endswith(level_char)}
    return _only_body(full)


def _only_body(found: dict[str, AgencyHit]) -> AgencyHit | None:
    """The body found, when exactly one name was found (each name's first hit)."""
    return next(iter(found.values())) if len(found) == 1 else None


def publisher_row_issuer(lines: list[Line], hits: list[AgencyHit], regions: list[RegionMention],
                         own: SelfWords) -> AgencyHit | None:
    """A web page's 发布机构/发文机关 row: the agency found there, else the row's value as written
    when it ends like an agency's name (内蒙古阿拉善高新技术产业开发区管理委员会). Not a body whose head
    the report's 我局 (我委…) rules out: the site's owner that put a bureau's report up."""
    found = _publisher_row_body(lines, hits, regions)
    return found if found is None or _may_be_self(own, found) else None


def _publisher_row_body(lines: list[Line], hits: list[AgencyHit], regions: list[RegionMention]) -> AgencyHit | None:
    for line, row in _header_rows(lines, PUBLISHER_ROW_RE):
        value_end = meta_rules.row_value_end(line.text, row.start("name"), row.end("name"))
        name = line.text[row.start("name"):value_end]
        start, end = line.start + row.start("name"), line.start + value_end
        found = _row_value_agency(row, start, end, hits)
        if found is not None or not row.group("sep") or not name.endswith(AGENCY_ENDINGS):
            return found
        inside = [r for r in regions if start <= r.start < end]
        deepest = max(inside, key=lambda r: DEPTH[r.entry.level], default=None)
        return AgencyHit(start, end, name, deepest.entry.level if deepest else None,
                         deepest.name if deepest else None)
    return None


# 来源: a page's contributor row. It names the issuer of a department's report (来源:泰顺县司法局), but a
# government's report is put up by its office (来源:静海区人民政府办公室), which is no issuer; so are the party
# committee's documents by the committee's office (来源:市委办公室 above a plan of 市委 and 市政府).
SOURCE_ROW_RE = re.compile(r"(?:信息来源|文章来源|稿件来源|来源单位|来源|作者)\s*" + ROW_SEP + r"\s*"
                           r"(?P<name>[\u4e00-\u9fff()（）]{2,40})")
PUBLISHING_OFFICES = ("政府办公室", "政府办公厅", "政府办", "委办公室", "委办公厅")


def source_row_issuer(text: str, opening_end: int | None, lines: list[Line], hits: list[AgencyHit],
                      own: SelfWords) -> AgencyHit | None:
    """The agency a 来源 (or 作者) row names in full (region-qualified, not a government's publishing
    office) in a report that speaks as that body (我局 about its work, 全县 for the county's government) or whose
    opening it acts in (市司法局召开…): the weakest statement of the issuer, taken when the text says nothing
    else. Not in a text that never speaks as it: the row names who put it up (the 司法局 that drafts and posts
    its government's report, an office reposting a city's)."""
    for body in _source_row_bodies(lines, hits):
        if (body.name.endswith(PUBLISHING_OFFICES) and "办" not in own.department) or not _may_be_self(own, body):
            continue  # an office puts its government's reports up; its own say 我办
        if _speaks_as_its_department(text, lines, own, body, hits) or _division_speaking(text, own, body) \
                or _opens_the_text(text, opening_end, body, hits) or _says_we_as(text, body):
            return body
    return None


def _speaks_as_its_department(text: str, lines: list[Line], own: SelfWords, body: AgencyHit,
                              hits: list[AgencyHit]) -> bool:
    """A 我局 report about the row's body's work (来源:X县应急管理局 over 我局…应急管理): not the 司法局 that posts
    every department's report (来源:X县司法局 over the same text). A government's office (我办) has no function
    of its own to write."""
    heads = _department_heads(own)
    return bool(heads) and (body.name.endswith(PUBLISHING_OFFICES)
                            or _about_own_function(text, _body_start(lines), body, heads, hits))


def _says_we_as(text: str, body: AgencyHit) -> bool:
    """The text calls itself by the body's two-character head (我大队, 本中心, 我支队): a body the self words
    (我局, 我委…) do not list speaks as that body."""
    head = next((h for h in HEADS if len(h) >= 2 and body.name.endswith(h)), None)
    return head is not None and (f"我{head}" in text or f"本{head}" in text)


def _division_speaking(text: str, own: SelfWords, body: AgencyHit) -> bool:
    """A government whose division the text calls its own (来源:柳城县人民政府 over 全县…), or a department
    of the division whose party committee and government the text works under (来源:泰顺县司法局 over 在县委
    县政府的坚强领导下,我们…: a county's department; a county's government works under the city's)."""
    level_char = body.region[-1] if body.region else ""
    if body.name.endswith(GOVERNMENT_HEADS):
        return level_char in own.level_chars
    led = LEVEL_LEADERSHIP_RE.search(text) if not own.towns else None  # 我镇 works under its county too
    return led is not None and led.group(1) == level_char


GOVERNMENT_HEADS = ("人民政府", "行政公署")


def _opens_the_text(text: str, opening_end: int | None, body: AgencyHit, hits: list[AgencyHit]) -> bool:
    """The body (so named) opens a clause of the text's opening outside the page's rows: its headline's or
    first sentence's subject (市司法局召开…, 近日,市司法局…)."""
    return opening_end is not None and any(
        h.name == body.name and h.start != body.start and h.start < opening_end and _opens_clause(text, h.start)
        and not _on_furniture_line(text, h) for h in hits)


def source_row_region(lines: list[Line], hits: list[AgencyHit]) -> str | None:
    """The region of the government whose office a 来源 row names (来源:缙云县人民政府办公室): the
    office puts up its government's documents and its own, so the report is that region's whoever issued it."""
    office = next((b for b in _source_row_bodies(lines, hits) if b.name.endswith(PUBLISHING_OFFICES)), None)
    return office.region if office is not None else None


def _source_row_bodies(lines: list[Line], hits: list[AgencyHit]) -> Iterator[AgencyHit]:
    """The region-qualified agencies 来源 rows name."""
    for line, row in _header_rows(lines, SOURCE_ROW_RE):
        start = line.start + row.start("name")  # 来源:泰顺县司法局发布时间:… (squashed): the agency at its start
        found = next((h for h in hits if not h.generic and h.start == start), None)
        if found is not None and not found.scoped and found.region:
            yield found


def _header_rows(lines: list[Line], pattern: re.Pattern[str]) -> Iterator[tuple[Line, re.Match[str]]]:
    """The page's metadata rows above the body that `pattern` matches: on one line, or a table's label
    cell on its line and its value on the next (发布机构: / 杭州市司法局), read as one row."""
    header = lines[:meta_rules.HEADER_LINES]
    for i, line in enumerate(header):
        if meta_rules.is_body_line(line.text):
            return
        row = pattern.search(line.text)
        if row is None and _label_cell(line.text) and i + 1 < len(header) \
                and not meta_rules.is_body_line(header[i + 1].text):
            line = _cell_row(line, header[i + 1])
            row = pattern.search(line.text)
        if row is not None:
            yield line, row


LABEL_CELL_END_RE = re.compile(r"[:：]\s*$")
LABEL_CELL_CHARS = 6  # 发布机构, 发文机关, 信息来源: a table's label cell alone on its line, no colon


def _label_cell(text: str) -> bool:
    """A table's label cell on a line of its own: ending in a colon, or a label word and nothing else
    (a table exported one cell to a line)."""
    return bool(LABEL_CELL_END_RE.search(text)) or len(text.strip()) <= LABEL_CELL_CHARS


def _cell_row(label: Line, value: Line) -> Line:
    """A label cell and the value cell under it as one row, positioned so that offsets inside the value
    are the text's (the label's part is not the text's there: only the value is read)."""
    return Line(value.start - len(label.text), value.end, label.text + value.text)


def _row_value_agency(row: re.Match[str], start: int, end: int, hits: list[AgencyHit]) -> AgencyHit | None:
    """The agency a row's value names: the whole value after a separator, else (a table row the
    loader squashed: 发文机关泰顺县司法局) the agency that starts right after the label."""
    if row.group("sep"):
        return next((h for h in hits if not h.generic and h.start <= start + 1 and h.end >= end - 1), None)
    return next((h for h in hits if not h.generic and h.start == start), None)


@dataclass(frozen=True, slots=True)
class NamedRegion:
    """A region the text names: resolved to a division (`entry`), or only as written (鼓楼街道)."""

    start: int
    end: int
    written: str
    level: str
    entry: RegionEntry | None
    candidates: tuple[RegionEntry, ...] = ()  # the divisions so named, when it is not resolved


def named_regions(regions: list[RegionMention], unresolved: list[RegionHit]) -> list[NamedRegion]:
    """Resolved mentions and unresolved names in text order; a town name unique in China is its town."""
    named = [NamedRegion(m.start, m.end, m.name, m.entry.level, m.entry) for m in regions]
    for hit in unresolved:
        only = hit.candidates[0] if len(hit.candidates) == 1 and hit.candidates[0].level == "乡镇" else None
        named.append(NamedRegion(hit.start, hit.end, hit.surface, hit.candidates[0].level, only, hit.candidates))
    return sorted(named, key=lambda n: n.start)


def region_government_issuer(text: str, opening_end: int | None, title: Line | None,
                             regions: list[NamedRegion], context: RegionEntry | None,
                             gazetteer: RegionGazetteer, own: SelfWords) -> AgencyHit | None:
    """A report about a whole region is issued by its government (ANNOTATION.md): its title opens
    with the region (北京市2021年法治政府建设年度情况报告, 关于福州市2021年…), or its opening's
    subject is the region (河北省委、省政府坚持…, 控江路街道坚持…) or, in a report of that region,
    我市/我县/我镇. A region named but not resolved gives its government as written. Not in a report
    that speaks as 我局 (_may_be_self): a department's report about its region."""
    found = _region_government(text, opening_end, title, regions, context, gazetteer, own)
    return found if found is None or _may_be_self(own, found) else None


def _region_government(text: str, opening_end: int | None, title: Line | None, regions: list[NamedRegion],
                       context: RegionEntry | None, gazetteer: RegionGazetteer,
                       own: SelfWords) -> AgencyHit | None:
    chains = _region_chains(regions)
    if title is not None and not _is_plan(title):
        for chain in chains:
            if chain[0].start >= title.end:
                break
            if _leads_title(text, title, chain):
                body = TITLE_BODY_AFTER_REGION_RE.match(text, chain[-1].end, title.end)
                if body is None and _is_notice(title):
                    break  # 缙云县…考核结果的通报: about the county, its sender not said
                if body is None:
                    return _government(gazetteer, chain)
                return _titled_office(gazetteer, chain, body) if body.group("office") else None
    heading = _region_heading(text, chains)
    if heading is not None and not _speaks_as_other_level(text, opening_end, heading):
        return _government(gazetteer, heading)
    if opening_end is None:
        return None
    lead_end = _lead_end(text, opening_end)
    for chain in chains:
        if chain[0].start >= opening_end:
            break
        if ANNOUNCES_BEFORE_RE.search(text, max(0, chain[0].start - 12), chain[0].start) \
                and REGION_TITLE_NEXT_RE.match(text, chain[-1].end) and REPORT_FOLLOWS_RE.match(text, chain[-1].end):
            return _government(gazetteer, chain)  # 现将缙云县2022年度…情况报告如下, 现将2018年上海市…报告公开如下
        alias = SECOND_NAME_RE.match(text, chain[-1].end)  # 北仑区(宁波经济技术开发区)坚持…: one body, two names
        verb_at = alias.end() if alias else chain[-1].end
        body = OPENING_BODY_AFTER_REGION_RE.match(text, verb_at, opening_end)
        if body is not None:  # 颍泉区推进依法行政工作领导小组办公室近日印发…: the office acts, not the region
            if _opens_clause(text, chain[0].start) and body.group("office"):
                return _titled_office(gazetteer, chain, body)
            continue
        if _opens_clause(text, chain[0].start) and (
                REGION_SUBJECT_RE.match(text, verb_at)
                or chain[0].start < lead_end and REGION_EVENT_RE.match(text, verb_at)):
            return _government(gazetteer, chain)
    if SUBORDINATE_ADDRESSEE_RE.search(text, 0, opening_end):  # a notice to those below: 全省… is not who speaks
        return _only_self_region(own, regions, gazetteer)
    own_division = _speaking_division(text, opening_end, regions, context, gazetteer, own)
    if own_division is not None:
        return _government(gazetteer, own_division)
    return _only_self_region(own, regions, gazetteer) or _bare_town_subject(text, opening_end, context, gazetteer)


def _speaking_division(text: str, opening_end: int, regions: list[NamedRegion], context: RegionEntry | None,
                       gazetteer: RegionGazetteer, own_words: SelfWords) -> list[NamedRegion] | None:
    """The division whose administration is the opening's subject (我县坚持…, 全省各级各部门坚持…, 县委、县政府
    坚持…): the report's region or its named parent so called, or (我镇) the one township it names."""
    for pattern, first_person in ((SELF_SUBJECT_RE, True), (REPORT_OF_SELF_RE, True), (LEVEL_SUBJECT_RE, False)):
        own = pattern.search(text, 0, opening_end)
        if own is None or not _opens_clause(text, own.start()):
            continue
        word = _level_word(own.group(1))
        entry = _self_division(gazetteer, context, word, regions) or (  # a township's own: _self_named_town
            _slogan_division(text, word, regions) if context is None and word not in TOWN_WORDS else None)
        if entry is not None:
            return [NamedRegion(own.start(1), own.end(1), entry.name, entry.level, entry)]
        town = _self_named_town(text, own, regions, context, gazetteer, own_words) if first_person else None
        if town is not None:  # 我镇全面落实… in a text placed nowhere that names one 镇: 大石镇
            return town
    return None


# 平安盂县、法治盂县建设: a division writes its own name in the slogans of its own rule of law
OWN_SLOGANS = ("法治", "平安")


def _slogan_division(text: str, word: str, regions: list[NamedRegion]) -> RegionEntry | None:
    """The division a 县政府坚持…/我旗坚持… report placed nowhere speaks of: the one ending in `word` (县, 旗)
    that it names in its own slogans (法治盂县), else the one so ending that it names at all (来源:土左旗人民政府)
    when that name means one division. Such names stay unresolved when nothing else is: a two-character
    county name or a short form needs a region of its province beside it."""
    for in_slogan in (True, False):
        found = {entry for r in regions if r.level != "乡镇" and (not in_slogan or text.startswith(OWN_SLOGANS, r.start - 2))
                 for entry in ((r.entry,) if r.entry is not None else r.candidates) if entry.name.endswith(word)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def notice_region(text: str, opening_end: int | None, regions: list[NamedRegion], context: RegionEntry | None,
                  gazetteer: RegionGazetteer, own: SelfWords) -> RegionEntry | None:
    """The region of a notice sent down (各市人民政府…:) whose sender is not said: the division whose
    administration its opening speaks of (全省各级各部门坚持… in a 通报 to the province's cities)."""
    if opening_end is None or not SUBORDINATE_ADDRESSEE_RE.search(text, 0, opening_end):
        return None
    division = _speaking_division(text, opening_end, regions, context, gazetteer, own)
    return division[-1].entry if division else None


# 各市人民政府,各县(市、区)人民政府,省政府各部门: — a notice or 通报 sent down to subordinates. Its 全省各级
#各部门坚持… tells what the province did; who sends the notice is said only by its heading or signature
# (the government, its office or a leading group's office).
SUBORDINATE_ADDRESSEE_RE = re.compile(r"^[ \t\u3000]*各[^\n。；;]{2,160}?[:：][ \t\u3000]*$", re.MULTILINE)


# a news page's headline or first sentence whose subject is a region doing something (宜君县召开…推进会,
# 梁子湖区出台…工作要点): the region's government is the body whose event is reported
REGION_EVENT_RE = re.compile(r"(?:(?:人民)?政府)?(?:召开|出台|印发|举行|举办|启动|部署|制定|发布(?!时间|日期|机构|单位))")
LEAD_END_RE = re.compile(r"[。！？!?]")


def _is_plan(title: Line) -> bool:
    """A plan's or a year's programme's title (沈阳市法治政府建设实施方案, X县2022年法治政府建设工作要点): the
    region that opens it is what the plan is for, not who issued it (a 党委 and government jointly, the
    government, or its office: the title does not say, so neither does the extractor)."""
    return meta_rules.is_plan_title(title.text)


def _is_notice(title: Line) -> bool:
    """A notice's or 通报's title (缙云县2022年法治政府建设考核结果的通报): the region that opens it is what it
    is about; its sender (the government, its office, a leading group's office) is said elsewhere or not at all."""
    return meta_rules.title_core(title.text).endswith(("通知", "通报"))


def plan_title_region(text: str, title: Line | None, regions: list[NamedRegion]) -> RegionEntry | None:
    """The division whose plan the title names (沈阳市法治政府建设实施方案 → 沈阳市): the report's region
    when its issuer is not said."""
    if title is None or not (_is_plan(title) or _is_notice(title)):  # …的通报 too: the region it is about
        return None
    for chain in _region_chains(regions):
        if chain[0].start >= title.end:
            break
        if chain[-1].entry is not None and _leads_title(text, title, chain):
            return chain[-1].entry
    return None


# 青田县法治政府建设领导小组办公室关于…(…2022年工作总结): the title goes on from its region into a body's
# name before 关于 or the year
TITLE_BODY_AFTER_REGION_RE = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:(?P<office>领导小组办公室|委员会办公室)|领导小组|委员会)"
                                        r"(?=\s*(?:关于|(?:19|20)\d{2}))")


# … and the opening's subject that does so before it acts (…领导小组办公室近日印发, …委员会办公室坚持)
OPENING_BODY_AFTER_REGION_RE = re.compile(
    r"[\u4e00-\u9fff]{2,24}?(?:(?P<office>领导小组办公室|委员会办公室)|领导小组|委员会)"
    rf"(?=近日|日前|近期|今年以来|{_VERB}|召开|出台|印发|举行|举办|启动|部署|制定|发布)")


# X自治区某语委办(某某局)2025年度…报告, X市某某中心2023年…: a body whose form the agency rules do not know,
# between the region that opens a title and the title's year or 关于, named by its head word (and a second
# nameplate in brackets: one body, two names); not the title's topic (法治政府建设, 依法行政, 领导小组); 建设 alone
# is a body's own word (城乡建设发展中心, 平安建设办)
TITLE_UNREAD_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:委员会|办公室|局|厅|委|办|中心|院)"
                                  r"(?:[(（][\u4e00-\u9fff]{2,16}[)）])?(?=\s*(?:关于|(?:19|20)\d{2}))")
TOPIC_WORDS = ("法治", "法制", "依法", "领导小组")


def title_body_issuer(text: str, title: Line | None, regions: list[NamedRegion],
                      gazetteer: RegionGazetteer) -> AgencyHit | None:
    """The body a title names right after the region that opens it, in a form the agency rules do not read:
    the issuer as the title writes it, at that region (ANNOTATION.md: the issuer from the title)."""
    if title is None:
        return None
    for chain in _region_chains(regions):
        if chain[0].start >= title.end:
            break
        if TITLE_LEAD_RE.fullmatch(text, title.start, chain[0].start):
            body = TITLE_UNREAD_BODY_RE.match(text, chain[-1].end, title.end)
            if body is None or any(word in body.group(0) for word in TOPIC_WORDS):
                return None
            return _titled_office(gazetteer, chain, body)
    return None


def _titled_office(gazetteer: RegionGazetteer, chain: list[NamedRegion], body: re.Match[str]) -> AgencyHit:
    """The body named after the region that opens a title (法治政府建设领导小组办公室, ANNOTATION.md's
    法治X建设领导小组办公室; an unread body's name): the issuer, qualified by its region."""
    last, start = chain[-1], chain[0].start
    if last.entry is None:
        written = "".join(n.written for n in chain)
        return AgencyHit(start, body.end(), written + body.group(0), last.level, written, scoped=True)
    entry = last.entry
    return AgencyHit(start, body.end(), name_prefix(gazetteer, entry) + body.group(0), entry.level,
                     node_name(gazetteer, entry))


def _region_heading(text: str, chains: list[list[NamedRegion]]) -> list[NamedRegion] | None:
    """A page whose first line is a region's name and nothing else (宁夏回族自治区中卫市 above a
    showcase article): the region presents itself."""
    first = next((c for c in chains if not _on_clutter_line(text, c[0].start)), None)
    if first is None:
        return None
    line_end = text.find("\n", first[-1].end)
    line_end = len(text) if line_end < 0 else line_end
    if not _only_furniture_before(text, first[0].start) or text[first[-1].end:line_end].strip():
        return None
    return first


def _on_clutter_line(text: str, pos: int) -> bool:
    """`pos` stands on a line of the page (a site's banner: 四川省人民政府门户网站 | 无障碍), not the document."""
    return meta_rules.is_page_clutter(_line_around(text, pos, pos))


def _speaks_as_other_level(text: str, opening_end: int | None, heading: list[NamedRegion]) -> bool:
    """The opening speaks as a division of another level than the page's heading names (福州市 over
    2021年,我省各级政府…坚持…): the heading is the site's, not the report's."""
    own = SELF_SUBJECT_RE.search(text, 0, opening_end) if opening_end is not None else None
    if own is None or not _opens_clause(text, own.start()):
        return False
    last = heading[-1]
    return not (last.entry.name if last.entry else last.written).endswith(_level_word(own.group(1)))


def _lead_end(text: str, opening_end: int) -> int:
    """Where the text's first sentence (a headline line included) ends."""
    stop = LEAD_END_RE.search(text, 0, opening_end)
    return stop.end() if stop else opening_end


# 2021年来,街道按照…: a township's report names itself by its kind alone
BARE_TOWN_SUBJECT_RE = re.compile(rf"(街道|镇|乡)(?:党工委|党委)?(?:[、和]?(?:办事处|政府))?{_WORK}{_VERB}")
TOWN_STEM_RE = re.compile(r"(?=([\u4e00-\u9fff]{2,3}))")


def _bare_town_subject(text: str, opening_end: int | None, context: RegionEntry | None,
                       gazetteer: RegionGazetteer) -> AgencyHit | None:
    """街道 (or 镇, 乡) as the opening's subject, in a text placed in a county: the one township of that
    county of that kind whose stem the text writes (奋力谱写鱼复法治建设新篇章 → 鱼复街道 of 奉节县)."""
    if opening_end is None or context is None or context.level not in ("区县", "乡镇"):
        return None
    own = next((m for m in BARE_TOWN_SUBJECT_RE.finditer(text, 0, opening_end) if _opens_clause(text, m.start())), None)
    if own is None:
        return None
    kind = own.group(1)
    if context.level == "乡镇":  # placed already (by this rule's first pass): the town itself
        towns = {context} if context.name.endswith(kind) else set()
    else:
        towns = {e for m in TOWN_STEM_RE.finditer(text) for stem in (m.group(1), m.group(1)[:2])
                 for e in gazetteer.candidates(stem + kind) if e.level == "乡镇" and e.parent == context.name}
    chain = _one_town(towns, own.start(), own.start() + len(kind))
    return _government(gazetteer, chain) if chain else None


def _self_division(gazetteer: RegionGazetteer, context: RegionEntry | None, word: str,
                   regions: list[NamedRegion]) -> RegionEntry | None:
    """The division 我县/全省 speaks of: the report's region when its name ends so, else the one of
    its parents that does and that the text names (全省各级行政机关… in a text whose most-named city
    is 长春市 and that names 吉林省), else the only division inside it so named."""
    if context is None:
        return None
    if context.name.endswith(word):
        return context
    named = {r.entry for r in regions if r.entry is not None}
    above = next((e for e in gazetteer.ancestors(context) if e.name.endswith(word) and e in named), None)
    if above is not None:
        return above
    below = {e for e in named if e.name.endswith(word) and context in gazetteer.ancestors(e)}
    return below.pop() if len(below) == 1 else None  # 本街道深入… in a text naming 海曙区南门街道


def _level_word(word: str) -> str:
    """我街 is a 街道's short self-reference; every other level word is its own."""
    return "街道" if word == "街" else word


def _self_named_town(text: str, own: re.Match[str], regions: list[NamedRegion], context: RegionEntry | None,
                     gazetteer: RegionGazetteer, own_words: SelfWords) -> list[NamedRegion] | None:
    """The township a 我镇/我乡/我街 report placed nowhere is about: the one of that kind it names in full
    (《城关镇普法工作方案》), else the one whose stem it writes where a township writes its own name
    (法治舒桥建设, 《珠吉街…计划》). Never in a department's report (我所配合城关镇…)."""
    word = _level_word(own.group(1))
    if context is not None or word not in TOWN_WORDS or own_words.speaks_as_department:
        return None
    named = _one_named(regions, word)
    if named is not None or any(c[-1].written.endswith(word) for c in _region_chains(regions)):
        return named
    towns = {e for stem in _own_name_stems(text, word, gazetteer) for e in gazetteer.candidates(stem + word)
             if e.level == "乡镇"}
    return _one_town(towns, own.start(1), own.end(1))


def _one_town(towns: set[RegionEntry], start: int, end: int) -> list[NamedRegion] | None:
    """The one township found, as the region named by the level word at start:end (我镇, 镇…)."""
    if len(towns) != 1:
        return None
    town = next(iter(towns))
    return [NamedRegion(start, end, town.name, town.level, town)]


# where a township's report writes its own name by its stem: its slogans (法治舒桥, 平安珠吉) and the
# titles of its own documents (《珠吉街理论学习中心组学习计划》, 街 standing for 街道)
OWN_STEM_SITE_RE = re.compile(r"(?:法治|平安)([\u4e00-\u9fff]{2,3})(?=建设|[,，。、；;”\"》\s])|《([\u4e00-\u9fff]{2})(街|镇|乡)")


def _own_name_stems(text: str, word: str, gazetteer: RegionGazetteer) -> set[str]:
    """Two- or three-character stems (法治舒桥, 法治蔡家桥) at OWN_STEM_SITE_RE that are no common word and
    no region's own name (法治政府, 法治文化, 《中华人民共和国…: 文化街道 and 中华镇 exist, but these are words)."""
    stems = set()
    for site in OWN_STEM_SITE_RE.finditer(text):
        stem = site.group(1) or site.group(2)
        if site.group(3) and not word.startswith(site.group(3)):
            continue
        if not gazetteer.is_word(stem) and not gazetteer.candidates(stem):
            stems.add(stem)
    return stems


SELF_LEVEL_MIN = 2  # one 全县 in passing is no self-description
TOWN_WORDS = ("镇", "乡", "街道")


def _only_self_region(own: SelfWords, regions: list[NamedRegion], gazetteer: RegionGazetteer) -> AgencyHit | None:
    """A report that calls its division 全镇/本镇 at least twice, or speaks as 我镇, and names exactly
    one division ending so (蔡家桥镇法治政府建设领导小组 … 全镇 … 本镇; a town's news page: 区司法局来到
    青山镇调研 … 近年来,我镇坚持…) is that division's: its government. Not in a department's report
    (我局), whose division is the one it serves."""
    if own.speaks_as_department:
        return None
    words: Counter[str] = Counter()
    for written in own.towns:  # 我镇 speaks in the first person: enough alone
        words[written[1:]] += SELF_LEVEL_MIN if written[0] == "我" else 1
    for word in words:
        chain = _one_named(regions, word) if words[word] >= SELF_LEVEL_MIN else None
        if chain is not None:
            return _government(gazetteer, chain)
    return None


def _one_named(regions: list[NamedRegion], word: str) -> list[NamedRegion] | None:
    """The one division ending in `word` (镇, 街道) the text names, however often; None if none or several."""
    chains = [c for c in _region_chains(regions) if c[-1].written.endswith(word)
              or (c[-1].entry is not None and c[-1].entry.name.endswith(word))]
    return chains[0] if len({c[-1].entry or c[-1].written for c in chains}) == 1 else None



def _leads_title(text: str, title: Line, chain: list[NamedRegion]) -> bool:
    """The region opens the title (北京市2021年…, 关于福州市…), or is the bracketed second name of the
    body that does (高新区(新市区)人民政府…: one government under a zone's and a district's name)."""
    start, end = chain[0].start, chain[-1].end
    if TITLE_LEAD_RE.fullmatch(text, title.start, start):
        return bool(REGION_TITLE_NEXT_RE.match(text, end))
    if text[title.start:start].strip() == "【" and text.startswith("】", end):  # 【修水县】2023年度…报告
        return bool(REGION_TITLE_NEXT_RE.match(text, end + 1))
    return bool(TITLE_ALIAS_LEAD_RE.fullmatch(text, title.start, start)) and text[end:end + 1] in ")）" \
        and (text.startswith("人民政府", end + 1) or bool(REGION_TITLE_NEXT_RE.match(text, end + 1)))


def zone_subject(text: str, opening_end: int | None, title: Line | None, zones: list[Zone]) -> Zone | None:
    """The development zone a report is about: its title opens with the zone (贵州双龙航空港经济区2023年度…),
    its opening's subject is the zone (2022年,高新区以…; 2024年宁河经济开发区在区委…领导下), or the
    sentence announcing the report names it (现将郑东新区2025年度…报告如下)."""
    for zone in zones:
        if _announced(text, zone.start) and REPORT_FOLLOWS_RE.match(text, zone.end):
            return zone  # 现将郑东新区2025年度…情况报告如下: the report names its zone, as 现将市人社局… its bureau
        if title is not None and title.start <= zone.start < title.end:
            if TITLE_LEAD_RE.fullmatch(text, title.start, zone.start) and REGION_TITLE_NEXT_RE.match(text, zone.end):
                return zone
        elif opening_end is not None and zone.start < opening_end and _opens_clause(text, zone.start):
            after = SHORT_NAME_RE.match(text, zone.end)
            if text.startswith(OPENING_VERBS, after.end() if after else zone.end):
                return zone
    return None


# 2023年以来,地区司法处坚持…: a department of a 地区 (a prefecture that is no city: 阿里地区, 喀什地区), written
# 地区 + stem + head; a 地区's departments may be 处 as well as 局 (西藏's 地区司法处, 地区财政处)
PREFECTURE_BODY_RE = re.compile(r"地区(?P<stem>[\u4e00-\u9fff]{2,10}?)(?P<head>局|处|委员会|办公室)")


def prefecture_body_subject(text: str, opening_end: int | None, context: RegionEntry | None,
                            gazetteer: RegionGazetteer) -> AgencyHit | None:
    """The 地区 department that opens a clause of the opening and acts, in a report placed in a 地区: that
    地区's department (the agency rules read 省/市/区/县 as level words, not 地区)."""
    if opening_end is None or context is None or not context.name.endswith("地区"):
        return None
    for m in PREFECTURE_BODY_RE.finditer(text, 0, opening_end):
        if m.group("stem") in stem_heads() and _opens_clause(text, m.start()) \
                and text.startswith(OPENING_VERBS, m.end()):
            name = context.name + m.group("stem") + m.group("head")
            return AgencyHit(m.start(), m.end(), name, context.level, node_name(gazetteer, context))
    return None


# 全区卫生健康系统, 全市交通运输系统: the sector of its own division a department leads
OWN_SECTOR_RE = re.compile(r"全([省市区县州旗盟])([\u4e00-\u9fff]{2,10}?)系统")
SECTOR_HEADS = {"局": "局", "委": "委员会"}
SECTOR_MIN = 2


def sector_body(text: str, context: RegionEntry | None, gazetteer: RegionGazetteer,
                own: SelfWords) -> AgencyHit | None:
    """A report that speaks of itself only as 我局 (or only as 我委), placed in a division, and names one
    sector of that division as its own, again and again (我委…全区卫生健康系统…全区卫生健康系统): that
    division's department of the sector, the body a reader names (涪陵区卫生健康委员会). The last resort:
    the topic alone names no body. Not in a province (its departments are 厅, and 全省…系统 is as often
    the sector a city's 分局 belongs to)."""
    if context is None or context.level not in ("市", "区县"):
        return None
    head = next(iter(own.first_person)) if len(own.first_person) == 1 else None
    if head not in SECTOR_HEADS:
        return None
    own_char = "区" if context.name.endswith("地区") else context.name[-1]
    sectors: dict[str, list[re.Match[str]]] = {}
    for m in OWN_SECTOR_RE.finditer(text):
        if m.group(1) == own_char and _may_head(m.group(2), SECTOR_HEADS[head]):
            sectors.setdefault(m.group(2), []).append(m)
    if len(sectors) != 1:
        return None
    stem, found_all = next(iter(sectors.items()))
    if len(found_all) < SECTOR_MIN:  # once may be a sector another body serves (我局推进全县教育系统依法治校)
        return None
    found = found_all[0]
    name = name_prefix(gazetteer, context) + stem + SECTOR_HEADS[head]
    return AgencyHit(found.start(2), found.end(2), name, context.level, node_name(gazetteer, context))


def _may_head(stem: str, head: str) -> bool:
    """A functional stem of data/agency_functions.tsv that takes this head."""
    allowed = stem_heads().get(stem)
    return allowed is not None and (not allowed or head in allowed)


# a line giving how to reach the body: 地址：…路 湖州市吴兴区教育局 电话：0572-…, 联系单位：…; or the page
# footer naming who runs the site (主办单位：X局, 版权所有：X局): a department's own site hosts its reports. Not
# a portal's office (主办:X市人民政府办公室 hosts every department's report; 承办 is its technical operator).
CONTACT_LINE_RE = re.compile(r"地址|电话|邮编|邮政编码|传真|联系单位|联系人|电子邮箱|主办|版权所有")


def page_line_body(text: str, lines: list[Line], hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """A report that speaks of itself as 我局 (我委, 我办) and names its body only on a line of its page or its
    foot: a contact line (an address or phone line, a footer's 主办单位), the line of its name alone right above
    or under one, or a breadcrumb (首页 > 部门信息公开 > 衢州市交通运输局: the body's section of a portal). The one
    region-qualified body with that head there, when the report is about that body's function: a 司法局's site
    hosts every department's report under its own footer."""
    heads = _department_heads(own)
    if not heads:
        return None
    found: dict[str, AgencyHit] = {}
    rows = [CONTACT_LINE_RE.search(line.text) is not None and _is_row(line.text) for line in lines]
    contact = [line for i, line in enumerate(lines) if rows[i] or (
        _is_name_alone(line.text) and any(rows[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)))]
    page = contact + [line for line in lines if meta_rules.is_breadcrumb(line.text)]
    body_start = _body_start(lines)
    for hit in hits:
        if hit.generic or hit.scoped or not hit.region or hit.name.endswith(PUBLISHING_OFFICES):
            continue
        if any(line.start <= hit.start < line.end for line in page) \
                and _about_own_function(text, body_start, hit, heads, hits):
            found.setdefault(hit.name, hit)
    return _only_body(found)


def site_banner_body(text: str, lines: list[Line], hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """A 我局 report on its department's own site: the body's name alone on a line of the page's header, next
    to the page's furniture (衢州市交通运输局 over 首页 > 通知公告), when the report's text is about the body's own
    work (its function, 交通运输, written twice outside any body's name). A portal's or another body's site
    hosting the report (a 司法局 posting a bureau's report) is ruled out by the head or by the function."""
    heads = _department_heads(own)
    body_start = _body_start(lines)
    header = [line for line in lines[:meta_rules.HEADER_LINES] if line.start < body_start]
    if not heads or body_start >= lines[-1].end:
        return None
    found: dict[str, AgencyHit] = {}
    for i, line in enumerate(header):
        hit = next((h for h in hits if h.start == line.start and h.end == line.end), None)
        if hit is None or hit.generic or hit.scoped or not hit.region or hit.name.endswith(PUBLISHING_OFFICES):
            continue
        furnished = any(meta_rules.is_furniture_line(other.text) for other in header[max(0, i - 1):i + 2]
                        if other is not line)
        if furnished and _about_own_function(text, body_start, hit, heads, hits):
            found.setdefault(hit.name, hit)
    return _only_body(found)


FUNCTION_MIN = 2


def _body_start(lines: list[Line]) -> int:
    """Where the text's first paragraph starts; in a text of short paragraphs, its first line of sentences."""
    first = next((line for line in lines[:meta_rules.HEADER_LINES] if meta_rules.is_body_line(line.text)), None) \
        or next((line for line in lines if "。" in line.text), None)
    return first.start if first is not None else (lines[-1].end if lines else 0)


def _about_own_function(text: str, body_start: int, hit: AgencyHit, heads: set[str], hits: list[AgencyHit]) -> bool:
    """A body with one of the report's self heads (我局: 局) whose function (衢州市|交通运输|局), in any of its
    written forms, stands at least twice in the text from `body_start` on, outside any body's name: the report
    is about that body's work."""
    head = next((h for h in sorted(heads, key=len, reverse=True) if hit.name.endswith(h)), None)
    if head is None:
        return False
    name = hit.name[:-len(head)]
    region_end = name.rfind(hit.region) + len(hit.region) if hit.region and hit.region in name else 0
    stem = name[region_end:]
    if len(stem) < 2:
        return False
    spans = [(h.start, h.end) for h in hits]
    found = re.finditer("|".join(map(re.escape, function_words(stem))), text[body_start:])
    outside = (m for m in found if not any(start <= body_start + m.start() < end for start, end in spans))
    return sum(1 for _ in zip(range(FUNCTION_MIN), outside, strict=False)) >= FUNCTION_MIN


MERGED_PART_MIN = 3


@lru_cache(maxsize=256)
def function_words(stem: str) -> tuple[str, ...]:
    """The ways a report writes a body's function: its stem (市场监督管理), the stems of its short forms in
    data/agency_abbreviations.tsv (市场监管局, 人社局, 卫健委 -> 市场监管, 人社, 卫健) and each part of a merged stem
    that is a function of its own (自然资源和规划 -> 自然资源; not a two-character part, 规划, as often an everyday
    word: 普法规划); longest first, so one match is one word."""
    words = {stem} | {part for part in stem.split("和") if len(part) >= MERGED_PART_MIN and part in stem_set()}
    for short, full in load_agency_abbreviations().items():
        full_head = next((h for h in HEADS if full.endswith(h)), None)
        short_head = next((h for h in HEADS if short.endswith(h)), None)
        if full_head and short_head and full[:-len(full_head)] == stem and len(short) - len(short_head) >= 2:
            words.add(short[:-len(short_head)])
    return tuple(sorted(words, key=len, reverse=True))


def site_section_body(text: str, lines: list[Line], hits: list[AgencyHit], mentions: list[RegionMention],
                      gazetteer: RegionGazetteer, own: SelfWords) -> AgencyHit | None:
    """A 我局 report on a portal (衢州市人民政府门户网站) whose rows name one department by level alone: a
    breadcrumb through its section (首页 > 部门信息 > 市交通运输局), a 发布机构/来源 row (来源:市交通运输局): the
    portal's region's department, when the level matches (a city's portal writes its counties' bureaus with
    their names). A row qualifies nothing without the site's name, nor a body the report's 我局 does not
    speak as, nor one whose function the report's work is not (来源:市司法局 over a bureau's report it posts)."""
    heads = _department_heads(own)
    site = site_region(lines, mentions)
    if not heads or site is None:
        return None
    header = lines[:meta_rules.HEADER_LINES]
    crumbs = [line for line in header if meta_rules.is_breadcrumb(line.text) or meta_rules.is_page_clutter(line.text)]
    found: dict[str, AgencyHit] = {}
    for hit in hits:
        if not any(hit.name.endswith(h) for h in heads) or not any(line.start <= hit.start < line.end for line in crumbs):
            continue
        body = site_qualified(hit, site, gazetteer)
        if body is not None and _about_own_function(text, _body_start(lines), body, heads, hits):
            found.setdefault(body.name, body)
    return _only_body(found)


# a browser title: the document's title, then the site's name (2023年法治政府建设年度报告_衢州市交通运输局)
BROWSER_TITLE_RE = re.compile(r"(?P<title>.{6,80}?)(?:_|\s*[-—–|｜]\s*)(?P<site>[^_\s|｜\-—–]{4,30})")


def browser_title_body(text: str, lines: list[Line], hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """A page whose browser title gives a title without a name of its own and then the site's name, a body's
    (2023年法治政府建设年度报告_衢州市交通运输局): the body's own site shows its own report, when the text's words
    (我局) and its work (the body's function, not another's: a 司法局's site posting a bureau's report) say so.
    A portal (…_衢州市人民政府门户网站) names no body."""
    heads = _department_heads(own)
    if not heads:
        return None
    for line in lines[:meta_rules.HEADER_LINES]:
        if meta_rules.is_body_line(line.text):
            return None
        match = BROWSER_TITLE_RE.fullmatch(line.text)
        if match is None or not meta_rules.is_title_line(match.group("title")) \
                or not meta_rules.headless_title(match.group("title")):
            continue
        start, end = line.start + match.start("site"), line.start + match.end("site")
        hit = next((h for h in hits if h.start == start and h.end == end and not h.generic), None)
        if hit is not None and not hit.scoped and hit.region \
                and _about_own_function(text, _body_start(lines), hit, heads, hits):
            return hit
    return None


# a page's attached file: 附件:X局2023年法治政府建设年度报告.pdf (附件下载:, 相关附件:), or the file's name alone on
# its line
ATTACHMENT_RE = re.compile(r"(?:相关)?(?:附件)?(?:下载)?[:：]?\s*(?:\d{1,2}\s*[.、．]\s*)?(?P<name>[^\s:：]{6,80}?)"
                           r"\.(?:pdf|PDF|docx?|DOCX?|wps|WPS|ofd|OFD)")


def attachment_body(text: str, lines: list[Line], hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """The body whose report a page attaches as a file (附件:衢州市交通运输局2023年法治政府建设年度报告.pdf): the
    page shows that document, so the body that opens the file's title (after at most 关于 and a year) issued
    it, when the text's own words (我局) allow it. Several such files of different bodies name none."""
    found: dict[str, AgencyHit] = {}
    for line in lines:
        if not line.text.lower().endswith(ATTACHMENT_ENDS):
            continue
        match = ATTACHMENT_RE.fullmatch(line.text)
        if match is None or not meta_rules.is_title_line(match.group("name")):
            continue
        start = line.start + match.start("name")
        lead = TITLE_LEAD_RE.match(text, start)
        at = lead.end() if lead else start
        hit = next((h for h in hits if h.start == at and not h.generic and not h.scoped and h.region), None)
        if hit is not None and _may_be_self(own, hit):
            found.setdefault(hit.name, hit)
    return _only_body(found)


ATTACHMENT_ENDS = (".pdf", ".doc", ".docx", ".wps", ".ofd")


def site_region(lines: list[Line], mentions: list[RegionMention]) -> RegionEntry | None:
    """The region of the portal the page belongs to: the one division its site-name banner names
    (衢州市人民政府门户网站 → 衢州市)."""
    banners = [line for line in lines[:meta_rules.HEADER_LINES] if meta_rules.site_name_line(line.text)]
    sites = {m.entry for m in mentions for line in banners if line.start <= m.start < line.end}
    return sites.pop() if len(sites) == 1 else None


def site_qualified(hit: AgencyHit, site: RegionEntry, gazetteer: RegionGazetteer) -> AgencyHit | None:
    """A body written by level alone (市交通运输局) on a portal of that level (衢州市's): the portal's region's
    body (衢州市交通运输局); None for any other body or level (县交通运输局 on a city's portal)."""
    if not hit.scoped or hit.region or not hit.core or CHAR_LEVEL.get(hit.name[0]) != site.level \
            or not site.name.endswith(hit.name[0]):
        return None
    name = name_prefix(gazetteer, site) + hit.core
    return AgencyHit(hit.start, hit.end, name, site.level, node_name(gazetteer, site))


CONTACT_LINE_MAX = 100
NAME_ALONE_MAX = 30


def _is_name_alone(text: str) -> bool:
    """A short line without punctuation: a name printed on its own line (a footer's body over its address)."""
    return len(text) <= NAME_ALONE_MAX and not any(c in text for c in "。，,；;:：")


def _is_row(text: str) -> bool:
    """A short line that is no sentence (a body sentence may name another body's hotline: 开通市场监管局投诉电话。)."""
    return len(text) <= CONTACT_LINE_MAX and "。" not in text


# what a report's own leaders do in its 第一责任人 paragraph: 区司法局党委书记、局长率先垂范…
LEADER_ACTS_RE = re.compile(r"(?:[、,，]?(?:党组|党委)?(?:书记|副?(?:局长|主任|厅长|部长)))*[、,，]?"
                            r"(?:率先垂范|带头|认真履行|切实履行|履行|亲自|高度重视|主持召开|担任)")


def leaders_body(text: str, position_hits: list[AgencyHit], own: SelfWords) -> AgencyHit | None:
    """A report that speaks of itself as 我局 and names its body only in its leaders' positions
    (区司法局党委书记、局长率先垂范…, the 第一责任人 paragraph): that body, when one such body carries
    the head the report uses. Another body's leader visiting (市司法局局长一行到我局调研) does not act so."""
    heads = _department_heads(own)
    if not heads:
        return None
    found: dict[str, AgencyHit] = {}
    for hit in position_hits:
        position = POSITION_AFTER_RE.match(text, hit.end)
        if hit.generic or position is None or not any(hit.name.endswith(h) for h in heads):
            continue
        if LEADER_ACTS_RE.match(text, position.end()):
            found.setdefault(hit.name, hit)
    return _only_body(found)


# 按照市委市政府和滨海新区区委区政府的部署, 落实天津市、滨海新区有关…工作部署: a division whose lead a zone follows
SUPERIOR_AFTER_RE = re.compile(r"[^。；;\n]{0,24}?(?:部署|领导)")


def zone_host(text: str, issuer: AgencyHit, mentions: list[RegionMention],
              gazetteer: RegionGazetteer) -> AgencyHit:
    """A zone named after its city or 直辖市 (天津经济技术开发区) lies in one of its districts: the one
    district inside that region the report follows as a superior (滨海新区区委区政府的部署) is the
    zone's region. Kept as it is when the text names none, or more than one."""
    zone_region = gazetteer.by_node(issuer.region) if issuer.region else None
    cities = {m.entry for m in mentions if m.entry.level == "市"}
    if zone_region is None and len(cities) == 1:  # 郑东新区 (no division in its name) in a text naming one city
        city = cities.pop()
        return dataclasses.replace(issuer, region=node_name(gazetteer, city), level=city.level)
    if zone_region is None or zone_region.level not in ("省", "市"):
        return issuer
    hosts = {m.entry for m in mentions if m.entry.level == "区县" and zone_region in gazetteer.ancestors(m.entry)
             and SUPERIOR_AFTER_RE.match(text, m.end)}
    if len(hosts) != 1:
        return issuer
    host = hosts.pop()
    return dataclasses.replace(issuer, region=node_name(gazetteer, host), level=host.level)


# the bodies only a development zone has: 区党工委, 管委会 (a district has a 区委 and a 区政府)
ZONE_ORGAN_WORD_RE = re.compile(r"党工委|管委会|管理委员会")


def speaking_zone(text: str, opening_end: int | None, zones: list[Zone],
                  context: RegionEntry | None) -> Zone | None:
    """An untitled report whose opening says 我区/全区 (2021年,我区以…) in a text that names one zone in
    full and the organs only a zone has (区党工委, 管委会): that zone speaks. Not in a district's report,
    where 我区 is the district itself."""
    if opening_end is None or (context is not None and context.level == "区县" and context.name.endswith("区")):
        return None
    own = SELF_SUBJECT_RE.search(text, 0, opening_end)
    if own is None or own.group(1) != "区" or not _opens_clause(text, own.start()):
        return None
    named = {z.name: z for z in zones if not z.scoped}
    if len(named) != 1 or not ZONE_ORGAN_WORD_RE.search(text):
        return None
    return next(iter(named.values()))


def _region_chains(regions: list[NamedRegion]) -> list[list[NamedRegion]]:
    """Adjacent names as one: 福建省|泉州市|丰泽区."""
    chains: list[list[NamedRegion]] = []
    for named in regions:
        if chains and chains[-1][-1].end == named.start:
            chains[-1].append(named)
        else:
            chains.append([named])
    return chains


def _opens_clause(text: str, pos: int) -> bool:
    """At a clause's start: after punctuation, 年/来 (2021年以来,…), 原 (2017年,原环境保护部…) or 中共
    (近日,中共贵州省委…: the party committee's hit starts at its region)."""
    if pos > 0 and text[pos - 1] == "原":
        pos -= 1
    elif text.startswith("中共", pos - 2):
        pos -= 2
    return pos == 0 or text[pos - 1] in CLAUSE_START


def _government(gazetteer: RegionGazetteer, chain: list[NamedRegion]) -> AgencyHit:
    """The region's own government: X人民政府, for a 街道 its 街道办事处, for a 地区 its 行政公署; as
    written (and this report's only) when the region is not resolved."""
    last, start, end = chain[-1], chain[0].start, chain[-1].end
    organ = _government_organ(last.entry.name if last.entry else last.written)
    if last.entry is None:
        written = "".join(n.written for n in chain)
        return AgencyHit(start, end, written + organ, last.level, written, scoped=True)
    entry = last.entry
    return AgencyHit(start, end, name_prefix(gazetteer, entry) + organ, entry.level, node_name(gazetteer, entry))


def _government_organ(division: str) -> str:
    """A 街道's government is its 办事处; a 地区's or a 盟's (a prefecture that is no city) its 行政公署
    (阿里地区行政公署, 阿拉善盟行政公署); every other division's its 人民政府."""
    if division.endswith("街道"):
        return "办事处"
    return "行政公署" if division.endswith(("地区", "盟")) else "人民政府"


# 在温岭市委、市政府的坚强领导下: the party committee and government a body works under are its own division's
LEADERSHIP_AFTER_RE = re.compile(r"党?委[、和及与]?[\u4e00-\u9fff]{0,12}?政府(?:的|坚强|正确|有力)*领导")


def leadership_region(text: str, mentions: list[RegionMention], context: RegionEntry | None,
                      gazetteer: RegionGazetteer, own: SelfWords) -> str | None:
    """The region of a department's report whose body is unknown, from the leadership it works under (我局在
    温岭市委、市政府的坚强领导下): a department names its own division's organs so (ANNOTATION.md: the region
    is set whenever the text fixes it, even when the body stays unknown). Not a township's or a division's
    report, which works under the division above (我镇在云安区委、区政府的领导下). The leadership written by
    level alone (在区委、区政府的坚强领导下) is the report's region's when that region is of that level."""
    if not own.speaks_as_department or own.towns:
        return None
    for m in mentions:
        if text[max(0, m.start - 3):m.start].endswith(("在", "在中共")) and LEADERSHIP_AFTER_RE.match(text, m.end):
            return name_prefix(gazetteer, m.entry)
    bare = LEVEL_LEADERSHIP_RE.search(text)
    if bare is not None and context is not None and context.name.endswith(bare.group(1)) \
            and CHAR_LEVEL[bare.group(1)] == context.level:
        return name_prefix(gazetteer, context)
    county = _own_county_plan(text, mentions)
    return name_prefix(gazetteer, county) if county is not None else None


# 全面落实《X县法治政府建设实施纲要(2021-2025年)》: a department carries out its division's rule-of-law plan
CARRIES_OUT_RE = re.compile(r"(?:落实|贯彻|执行|按照|根据|对照|依据)(?:好|了)?$")
OWN_PLAN_SUBJECT_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年度?)?(?:法治|依法行政)")


def _own_county_plan(text: str, mentions: list[RegionMention]) -> RegionEntry | None:
    """The county whose rule-of-law plan a department's report says it carries out (落实《X县法治政府建设实施
    纲要》): a county has no departments below it, so a 局 that carries out its plan is that county's; a city's
    or a province's plan binds its districts' departments as well and places none. One such county only."""
    by_start = {m.start: m for m in mentions if m.entry.level == "区县"}
    found = set()
    for cite in find_citations(text):
        mention = by_start.get(cite.start + 1)
        if mention is None or not CARRIES_OUT_RE.search(text, max(0, cite.start - 6), cite.start):
            continue
        if OWN_PLAN_SUBJECT_RE.match(text, mention.end) is not None:
            found.add(mention.entry)
    return found.pop() if len(found) == 1 else None


LEVEL_LEADERSHIP_RE = re.compile(r"在(?:中共)?([省市区县州盟旗])委[、和及与]?\1?(?:人民)?政府(?:的|坚强|正确|有力)*领导")


def _report_region(gazetteer: RegionGazetteer, issuer: AgencyHit | None, context: RegionEntry | None,
                   text: str, own: SelfWords) -> str | None:
    """The issuer's region; without an issuer, the context region when the text speaks of it as 我市/全市."""
    if issuer and issuer.region:
        entry = gazetteer.by_name(issuer.region)
        return name_prefix(gazetteer, entry) if entry else issuer.region
    if (issuer is None or issuer.region is None) and context is not None and _speaks_as(text, context, own):
        return name_prefix(gazetteer, context)
    return None


# the level a character after 我/全/本 names by itself (我旗, 全州, 本街道; a 自治区's 区, a 直辖市's or a
# county-level city's 市 are their own: see _speaks_as)
CHAR_LEVEL = {"省": "省", "市": "市", "州": "市", "盟": "市", "区": "区县", "县": "区县", "旗": "区县",
              "镇": "乡镇", "乡": "乡镇", "街": "乡镇"}


def _speaks_as(text: str, context: RegionEntry, own_words: SelfWords) -> bool:
    """The text calls the context region its own (我市, 全旗, 全区 of a 自治区) and no division below
    it (全省 … 为全区经济社会发展: a district's bureau in a text that names only its province sits in a
    division the text does not name)."""
    own = "街" if context.name.endswith("街道") else context.name[-1]
    chars = own_words.level_chars
    if own not in chars and not SELF_REGION_RE[context.level].search(text):
        return False
    return not any(DEPTH[CHAR_LEVEL[c]] > DEPTH[context.level] and c != own for c in chars)


LEVEL_CHARS = tuple("省市区县州盟旗镇乡")


def _named_in_full(issuer: AgencyHit) -> bool:
    """A body whose region the text does not fix but whose name is its own, not a head word after a
    level (经济技术开发区管理委员会 on a page that strips the city; not 省教育厅 or 司法局): the report's
    issuer as written."""
    return not issuer.bare and not issuer.name.startswith(LEVEL_CHARS)


def report_meta(text: str, lines: list[Line], title: Line | None, signatures: list[tuple[Line, Line]],
                issuer: AgencyHit | None, gazetteer: RegionGazetteer, context: RegionEntry | None,
                own: SelfWords) -> ReportMeta:
    """Title, issuer, region, year, doc_type, 文号 and date, each from where the report states it."""
    signed = signatures[0][1].text if signatures else ""
    date = (meta_rules.parse_date(signed) or meta_rules.numeric_date(signed) if signatures else None) \
        or meta_rules.adoption_date(lines, title)
    number = meta_rules.find_doc_number(lines)
    title_text = title.text if title else None
    # a page's publication date is no year covered (covered_year decides when a page row dates a notice);
    # a 文号's year is the issue year, the last resort
    issued = meta_rules.doc_number_year(number.text if number else None)
    year = meta_rules.covered_year(text, lines, title_text, date, issued) or issued
    return ReportMeta(
        title=title_text,
        agency=issuer.name if issuer and (issuer.region or not issuer.scoped or _named_in_full(issuer)) else None,
        region=_report_region(gazetteer, issuer, context, text, own),
        year=year,
        doc_type=meta_rules.doc_type(title_text, text, lines),
        doc_number=number.text if number else None,
        date=date or meta_rules.unsigned_date(lines) or meta_rules.page_date(lines),
    )
