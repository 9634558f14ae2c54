"""Measures: the catalogue in data/measures.tsv, plus named platforms not in it.

Reports write the same measure with and without quotes (“双随机、一公开”, 双随机一公开,
行政执法“三项制度”), so catalogue matching runs on a quote-free view of the text
and maps spans back. Outside the catalogue only platforms are taken, in two shapes: a region's
platform (广东省行政执法信息公示平台) and a quoted name with a platform head (“应急宝”APP).
A quoted local label with a practice head (“一号改革工程”, “3+3服务”, “双楼长机制”) is not taken:
ANNOTATION.md counts a name many agencies use, which one report cannot show, and reading such
labels lowered measures F1 on every gold set (seeds 0.894 -> 0.910, realdev check 0.750 -> 0.764).
Measured again in session 12 on every tune set (about 400 texts): of the names such forms propose
outside the catalogue, the gold lists 3 of 64 quoted names with a practice head, 1 of 19 quoted
neighbours of a catalogue name, 0 of 13 numbered “1+N” models, 2 of 25 campaigns, 4 of 154
platforms or systems and 3 of 149 制度/机制 after 建立/落实/推行. Forms are read where the gold agrees with them: the parts of a catalogue
name (levels of 示范创建, the act of 考核/督察/清理/评查, the kinds of rules of an 应知应会清单) and
observances (全国爱眼日), which the gold lists wherever they occur.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fazhi.extraction.agencies import load_stems
from fazhi.extraction.dictionaries import load_laws, load_measures, load_province_abbreviations
from fazhi.extraction.spans import Containers, TakenMask
from fazhi.extraction.wordtrie import guarded_trie_regex

QUOTES = "“”‘’\"'「」『』"
# Deleting by regex runs in C; str.translate with a deletion table goes through a dict per character.
_QUOTE_RE = re.compile("[" + re.escape(QUOTES) + "]")
KIND_BY_SUFFIX = (
    (("平台", "系统", "APP", "App", "热线", "网", "小程序"), "平台"),
    (("清单", "目录"), "清单"),
    (("改革",), "改革"),
    (("机制",), "机制"),
    (("制度", "制", "责任制", "程序"), "制度"),
    (("专项行动", "行动", "整治", "专项治理", "攻坚"), "专项行动"),
    (("宣传周", "宣传月", "活动", "宣传日", "普法"), "宣传活动"),
)
# A named app (“应急宝”APP) or a platform quoted whole as a proper name (“两个平台”). A quoted label with
# 平台/系统 after it (“说法评理”平台, “盯事在线”系统) is one body's own tool, not a name many agencies use
# (ANNOTATION.md): the gold sets leave such labels out.
DISCOVERY_HEADS = ("APP", "App", "app", "小程序", "热线")
QUOTED_WHOLE_HEADS = (*DISCOVERY_HEADS, "平台", "系统")
# a province's portal follows its name at once (贵州政务服务网); other platforms have words of their own
PORTAL = "政务服务网"
PLATFORM_RE = re.compile(rf"{PORTAL}|[\u4e00-\u9fff“”+]{{2,18}}?(?:平台|系统|APP|App|{PORTAL})")
# words of a sentence, not of a name (各, 全市…, but not the 全 of 安全)
PLATFORM_STOP = re.compile(r"开展|推进|建设|利用|依托|通过|的|和|与|及|在|对|将|为|等|各|全[国省市区县镇乡]|^全|通知|文件")
QUOTED_RE = re.compile(r"“(?P<term>[^“”\n]{2,16})”(?P<tail>[\u4e00-\u9fffA-Za-z]{0,4})")
NOT_MEASURES = frozenset({
    "法治政府建设", "依法行政", "法治建设", "全面依法治国", "依法治市", "依法治省", "依法治区",
    "工作制度", "管理制度", "规章制度", "长效机制", "工作机制", "制度", "机制", "相关制度", "各项制度",
    "内部管理制度", "考核机制", "学习制度", "责任制度", "协调机制", "联动机制", "保障机制",
})


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class MeasureHit:
    start: int
    end: int
    name: str
    kind: str


def kind_of(name: str) -> str:
    for suffixes, kind in KIND_BY_SUFFIX:
        if name.endswith(suffixes):
            return kind
    return "其他"


def strip_quotes(text: str) -> str:
    return _QUOTE_RE.sub("", text)


# Dates of observance days are written 12·4, 12.4, 12•4, 4・15 (loaders make full-width marks
# half-width), and the five-year publicity plans “八·五”, 七.五 as dates are: one form in the matching
# view. Each mark becomes one character, so positions in the view stay those of the quote-free text.
_DOT_BETWEEN_DIGITS_RE = re.compile(r"[.•・‧](?<=[\d六七八九].)(?=[\d五])")  # the class first: sre skips to it


def normal_view(text: str) -> str:
    """What the catalogue is matched against: no quote marks, one date dot."""
    return _DOT_BETWEEN_DIGITS_RE.sub("·", strip_quotes(text))


# How reports name the form of one practice: 法律顾问制度, 法律顾问工作机制, 首问负责制 / 首问负责制度.
# A catalogue form ending in one of these also matches with each of the others (its siblings), so the
# catalogue lists a practice once, not every head word reports put after it. The stem alone is not
# added: 公职律师 without 制度 is a role (ANNOTATION.md); nor is X工作 made from X制度, as it begins
# longer words (公职律师工作证).
FORM_HEADS = ("工作机制", "工作制度", "制度", "机制", "制", "工作")
# 学法用法长效机制, 信用修复长效机制: a report says the practice is meant to last; the practice all the same.
# Only a sibling: a catalogue form never ends in it.
LASTING_HEAD = "长效机制"
SHORTEST_STEM = 4  # 河长|制 -> 河长工作 would read any river chief's work as the 河湖长制


def form_siblings(form: str) -> list[str]:
    """The same practice with the other head words of FORM_HEADS (行政执法责任制 -> 行政执法责任制度, …)."""
    for head in FORM_HEADS:
        if form.endswith(head) and len(form) - len(head) >= SHORTEST_STEM:
            stem = form[: -len(head)]
            return [stem + other for other in (*FORM_HEADS, LASTING_HEAD) if other not in (head, "工作")]
    return []


# How reports say when and how a body studies the law together: 领导干部集体学法, 中心组专题学法, 县政府
# 常务会议每季度学法. A catalogue form ending in 学法 also matches with one of these words before 学法,
# so the catalogue lists each study practice once; 会前 only after a meeting (常务会|会前学法).
STUDY_SETTINGS = ("集体", "专题", "集中", "定期", "每季度", "每月", "常态化")
MEETING_STUDY_SETTINGS = ("会前", "议前", "前")
STUDY = "学法"


def study_variants(form: str) -> list[str]:
    """The study practice `form` (…学法) with a setting word before 学法 (领导干部学法 -> 领导干部集体学法)."""
    if not form.endswith(STUDY) or len(form) < 4 or form[:-2].endswith(STUDY_SETTINGS + MEETING_STUDY_SETTINGS):
        return []
    stem = form[:-2]
    settings = STUDY_SETTINGS + (MEETING_STUDY_SETTINGS if stem.endswith(("会", "会议")) else ())
    return [stem + setting + STUDY for setting in settings]


# How reports name the act of one practice: 依法行政考核 / 依法行政工作考核, 法治政府建设督察 / 法治政府建设
# 综合督察, 规范性文件清理 / 规范性文件全面清理, 行政执法案卷评查 / 行政执法案卷质量评查, 法治建设考核 /
# 法治建设考评. A catalogue form ending in one of these acts also matches with a word of scope or object before
# the act, and a 考核 with 考评 (the same yearly assessment), so the catalogue lists the act once.
ACT_SIBLINGS = {"考核": ("考核", "考评"), "督察": ("督察",), "清理": ("清理",), "评查": ("评查",)}
ACT_MODIFIERS = ("", "工作", "综合", "专项", "实地", "全面", "集中", "质量", "年度", "大")  # 大: 案卷大评查


def act_variants(form: str) -> list[str]:
    """The practice `form` (…考核/督察/清理/评查) with a modifier before the act, or 考评 for 考核."""
    act = form[-2:]
    if act not in ACT_SIBLINGS or len(form) < 5:
        return []
    stem = form[:-2]
    if stem.endswith(ACT_MODIFIERS[1:]):
        return []  # 法治政府建设专项督察: the catalogue wrote its modifier
    return [stem + modifier + sibling for modifier in ACT_MODIFIERS for sibling in ACT_SIBLINGS[act]
            if modifier + sibling != act]


@lru_cache(maxsize=1)
def _catalogue() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Quote-free alias -> (canonical, kind), and one alternation over all aliases, longest first.

    Forms the catalogue writes come first, so a sibling never takes a form another entry claims."""
    index: dict[str, tuple[str, str]] = {}
    entries = load_measures()
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = normal_view(form)
            if len(key) >= 2:
                index.setdefault(key, (entry.name, entry.kind))
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = normal_view(form)
            for sibling in form_siblings(key) + study_variants(key) + act_variants(key):
                index.setdefault(sibling, (entry.name, entry.kind))
    # a trie: the flat alternation of every alias was the measure extractor's main cost; the
    # three-character guard skips positions where no alias starts faster than the trie's branches
    # (the two-character keys join the guard whole)
    return re.compile(guarded_trie_regex(index, width=3)), index


def _quote_free_view(text: str) -> tuple[str, list[int]]:
    """The text without quote marks, and for the removed marks their would-be view positions.

    A view index v maps back to v + bisect_right(shifts, v): the number of marks removed
    at or before that point.
    """
    removed = [m.start() for m in _QUOTE_RE.finditer(text)]  # regex scan: C speed, not a per-char loop
    return normal_view(text), [pos - n for n, pos in enumerate(removed)]


def _to_text(shifts: list[int], view_pos: int) -> int:
    return view_pos + bisect_right(shifts, view_pos)


def find_catalogue(text: str) -> list[MeasureHit]:
    pattern, index = _catalogue()
    view, shifts = _quote_free_view(text)
    hits = []
    for match in pattern.finditer(view):
        name, kind = index[match.group(0)]
        if not shifts:
            start, end = match.start(), match.end()
        else:
            start, end = _to_text(shifts, match.start()), _to_text(shifts, match.end() - 1) + 1
            start, end = _widen_to_quotes(text, start, end)
        if not _part_of_another_phrase(text, start, end, match.group(0), kind):
            hits.append(MeasureHit(start, end, name, kind))
    return hits


# A measure's words read as part of another phrase (ANNOTATION.md: not a mention of the measure):
# 学法用法制度|化 (an adverb), 领导干部学法|清单 (a list named after it). (法律顾问 alone is a role, not the
# 法律顾问制度, so the catalogue does not list it: tests/gold/CONVENTIONS.md b.)
# A duty's holder written without the duty (法治建设第一责任人) names the duty only where someone carries
# it out (履行推进法治建设第一责任人, 主要负责人法治建设第一责任人、…制度), not as a person's title
# (以法治建设第一责任人、局长某某为组长).
DUTY_HOLDERS = frozenset({"法治建设第一责任人", "法治政府建设第一责任人", "法治政府第一责任人"})
_DUTY_VERB_BEFORE_RE = re.compile(r"(?:履行|推进|落实|压实|强化|负责人)$")
# “一件事”改革 names the 一件事一次办 reform only with 一件事 quoted alone: in “综合监管一件事”改革 the
# quote opens on another reform's name. (法律明白人, quoted or not, is a role: tests/gold/CONVENTIONS.md i.)
# Bare 双减 and 三个规定 are short enough to be other words' parts (时限和材料双减半, 出台三个规定): the national
# names (data/measures.tsv) are read only as reports write them, in quotes.
QUOTED_WORDS = frozenset({"一件事改革", "双减", "三个规定"})
# 会前学法 of a department's or a party group's own meeting (厅务会会前学法) is not the government's
# 常务会议 practice the catalogue name stands for.
_OWN_MEETING_BEFORE_RE = re.compile(r"(?:[厅局委办院所]务会|党组会|党委会|党工委会|办公会)议?$")
# 领导干部学法|计划 is a year's study plan (a document), 领导干部学法|、用法、守法 (or 、懂法、用法) the 尊法学法守法用法
# slogan split in parts: neither is the study system the catalogue name stands for.
STUDY_NOT_PRACTICE_AFTER = ("计划", "、用法", "、守法", "、尊法", "、懂法")
# 国家工作人员学法用法|考试 (and its 及考试平台) is the yearly exam, which the gold sets leave out as exams are.
EXAM_AFTER = ("考试", "及考试")
# 法制审核|人员, 执法监督|部门: the people or the unit that does the work, not the practice (CONVENTIONS.md h).
STAFFED_SURFACES = frozenset({"法制审核", "执法监督"})
# The national integrated platform written without 全国: a level word before it (省一体化政务服务平台) names that
# level's own part of it, which the gold sets leave out.
NATIONAL_PLATFORM_SURFACES = frozenset({"一体化政务服务平台"})
LEVEL_WORDS = "省市区县州盟旗镇乡"
STAFF_AFTER = ("人员", "员", "机构", "机关", "部门", "科", "处", "局", "室", "队")
# 重大决策|三项制度 (a body's three rules of deciding) is not 行政执法“三项制度”, which bare 三项制度 names elsewhere.
THREE_SYSTEMS = "三项制度"
OTHER_THREE_SYSTEMS_BEFORE = ("决策",)
# 告知承诺|书 is the form an applicant signs, not the 告知承诺制 practice (tests/gold/CONVENTIONS.md c)
DOCUMENT_AFTER = {"告知承诺": ("书",)}


# A step of the decision procedure named without 决策 (集体讨论决定, 专家论证制度) names 重大行政决策程序 only in a sentence
# that writes the major decisions it is a step of (重大行政决策/重大决策事项…): 公众参与、…、集体讨论决定的集体决策机制 of a
# body's 三重一大 rules is its own way of deciding, which the gold sets leave out.
PROCEDURE_STEPS = frozenset({"集体讨论决定", "集体讨论决定制度", "专家论证制度"})
_MAJOR_DECISION_RE = re.compile(r"重大[^，,。；;\n]{0,4}决策")
_SENTENCE_END_RE = re.compile(r"[。；;\n]")


def _outside_major_decisions(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] writes no 重大…决策."""
    sentence_start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 120), start)), default=0)
    after = _SENTENCE_END_RE.search(text, end)
    sentence_end = after.start() if after else len(text)
    return _MAJOR_DECISION_RE.search(text, sentence_start, sentence_end) is None


# 行政复议、行政诉讼、国家赔偿等有关法律知识: the practices named as topics of the law a body studies.
_KNOWLEDGE_AFTER_RE = re.compile(r"[^，,。；;：:\n]{0,30}?等(?:有关|相关)?(?:法律)?知识")


def _part_of_another_phrase(text: str, start: int, end: int, surface: str, kind: str) -> bool:
    if surface.endswith("制度") and text.startswith("化", end):
        return True
    if text.startswith(("、", "等"), end) and _KNOWLEDGE_AFTER_RE.match(text, end):
        return True
    if text.startswith(("员", "类"), end):
        return True  # 人民调解员, 行政执法监督员: people; 限时办结类42项: a class of matters
    if kind != "清单" and text.startswith("清单", end) and not surface.endswith("职责"):
        return True  # 领导干部学法|清单 is a list; a duty's 职责清单 lists that duty
    if text.startswith("领导小组", end) and kind not in ("专项行动", "宣传活动"):
        return True  # 行政审批制度改革领导小组办公室: the name of a group (a campaign's or a 普法 plan's group carries it out)
    if surface.endswith("学法") and text.startswith(STUDY_NOT_PRACTICE_AFTER, end):
        return True
    if surface.endswith(("学法", "学法用法")) and text.startswith(EXAM_AFTER, end):
        return True
    if surface == "会前学法":
        return bool(_OWN_MEETING_BEFORE_RE.search(text, max(0, start - 5), start))
    if surface in QUOTED_WORDS:
        return text[start] not in QUOTES
    if surface in DUTY_HOLDERS:
        return not _DUTY_VERB_BEFORE_RE.search(text, max(0, start - 3), start)
    if surface in NATIONAL_PLATFORM_SURFACES:
        return start > 0 and text[start - 1] in LEVEL_WORDS
    if surface in STAFFED_SURFACES and text.startswith(STAFF_AFTER, end):
        return True  # 法制审核人员, 执法监督部门: the people or the unit, not the practice
    if surface in PROCEDURE_STEPS:
        return _outside_major_decisions(text, start, end)
    if surface in DOCUMENT_AFTER:
        return text.startswith(DOCUMENT_AFTER[surface], end)
    if surface == THREE_SYSTEMS:
        return text.endswith(OTHER_THREE_SYSTEMS_BEFORE, 0, start)
    return False


def _widen_to_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Include a quote pair that wraps the match, so the mention reads “双随机、一公开”, and the
    other half of a pair the match cuts (行政执法“三项制度 -> 行政执法“三项制度”)."""
    if start > 0 and end < len(text) and text[start - 1] in QUOTES and text[end] in QUOTES:
        return start - 1, end + 1
    surface = text[start:end]
    if end < len(text) and text[end] == "”" and surface.count("“") > surface.count("”"):
        end += 1
    if start > 0 and text[start - 1] == "“" and surface.count("”") > surface.count("“"):
        start -= 1
    return start, end


def discover(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """Quoted platform names outside the catalogue (“应急宝”APP), as the module docstring says."""
    taken = TakenMask(len(text))
    for hit in known:
        taken.take(hit.start, hit.end)
    found: list[MeasureHit] = []
    for match in QUOTED_RE.finditer(text):
        term, tail = match.group("term"), match.group("tail")
        name = _quoted_name(term, tail)
        if name:
            end = match.end("term") + 1 + (len(name) - len(term) if name.startswith(term) else 0)
            _add(found, taken, MeasureHit(match.start(), min(end, match.end()), name, kind_of(name)))
    return found


def _quoted_name(term: str, tail: str) -> str | None:
    """“首违不罚”清单 → 首违不罚清单; a bare quoted term needs a practice head of its own."""
    term = term.strip()
    if re.search(r"\d{2,}|[，,。；;！!？?、]", term):  # 、: a numbered list label (“一中心、八平台”), not one name
        return None
    for head in DISCOVERY_HEADS:
        if tail.startswith(head):
            name = term + head
            return name if _acceptable(name) else None
    return term if term.endswith(QUOTED_WHOLE_HEADS) and _acceptable(term) else None


def _acceptable(term: str) -> bool:
    return 4 <= len(term) <= 16 and term not in NOT_MEASURES and not term.startswith(("我", "本", "各", "该"))


def _add(found: list[MeasureHit], taken: TakenMask, hit: MeasureHit) -> None:
    """Keep a hit that overlaps no earlier one."""
    if taken.take_if_free(hit.start, hit.end):
        found.append(hit)


def find_measures(text: str, region_spans: Sequence[tuple[int, int]] = (),
                  excluded: Sequence[tuple[int, int]] = ()) -> list[MeasureHit]:
    """Catalogue hits and discovered names, minus those inside `excluded` spans (cited titles).

    A region-prefixed platform name (广东省行政执法信息公示平台) wins over the catalogue's
    generic name inside it, so discovery of platforms runs first.
    """
    platforms = _platforms(text, region_spans)
    platforms += _shared_platforms(text, platforms)
    in_platform = Containers((h.start, h.end) for h in platforms).contain
    known = [h for h in find_catalogue(text) if not in_platform(h.start, h.end)]
    known += _in_enumerations(text, known)
    known += _shared_words(text, known)
    known += _shared_heads(text, known)
    known += _items_before_head(text, known)
    known += _law_days(text, known)
    known += _meeting_study(text, known)
    known += _named_forms(text, known)
    known += _document_acts(text, known)
    known += _group_campaigns(text, known, region_spans)
    hits = platforms + known + discover(text, platforms + known)
    in_excluded = Containers(excluded).contain
    return sorted((h for h in hits if not in_excluded(h.start, h.end)), key=lambda h: h.start)


# Words that name a catalogue measure only as an item of a list of measures (政务公开、信息公开、数据开放):
# alone, 信息公开 is any disclosure of information.
# (?<=、) after the word, not before it: a pattern that starts with a literal is found by a fast skip
ENUMERATION_ITEM_RE = re.compile(r"信息公开(?:(?<=、信息公开)|(?=、))")
ENUMERATION_ITEMS = {"信息公开": "政府信息公开"}


def _in_enumerations(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    matches = list(ENUMERATION_ITEM_RE.finditer(text))
    if not matches:  # the common case: no mask to build
        return []
    taken = TakenMask(len(text))
    for hit in known:
        taken.take(hit.start, hit.end)
    index = _catalogue()[1]  # canonical names are keys too
    found: list[MeasureHit] = []
    for match in matches:
        name = ENUMERATION_ITEMS[match.group(0)]
        _add(found, taken, MeasureHit(match.start(), match.end(), name, index.get(name, (name, kind_of(name)))[1]))
    return found


CONJUNCTIONS = "和、及与"
LONGEST_ELIDED = 8


def _shared_words(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """Measures whose head or first words a coordination writes once: 完善合法性和公平竞争审查机制
    names 合法性审查机制 too, 行政复议、行政应诉工作 both, 规范性文件备案审查、清理 规范性文件清理.
    Only when the item plus the shared words is itself a catalogue name, so a verb before the list
    (完善) never becomes part of a measure."""
    lists = [(h, True) for h in known if h.start > 0 and text[h.start - 1] in CONJUNCTIONS]
    lists += [(h, False) for h in known if h.end < len(text) and text[h.end] in CONJUNCTIONS]
    if not lists:
        return []
    index = _catalogue()[1]
    taken = _taken_by(text, known)
    found: list[MeasureHit] = []
    for hit, before in lists:
        surface = normal_view(text[hit.start:hit.end])
        edge = hit.start if before else hit.end
        while 0 < edge < len(text) and text[edge - 1 if before else edge] in CONJUNCTIONS:
            item = _elided_item(text, edge - 1 if before else edge, surface, index, before)
            if item is None:
                break
            _add(found, taken, item)
            edge = item.start if before else item.end
    return found


# A coordination whose last item carries the duty for both: 意识形态和网络安全工作责任制 names 意识形态工作责任制
# though 网络安全工作责任制 is no catalogue name (so _shared_words has no hit to start from). Lists of 制度/机制
# are read from their catalogue items by _shared_words and _items_before_head.
SHARED_HEAD = "责任制"
_CONJUNCTION_RE = re.compile(r"[和及与、](?=[\u4e00-\u9fff]{2,10}$)")
LONGEST_LAST_ITEM = 10


def _shared_heads(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """The item before 和/及/与/、 that with the words after the next item (…工作责任制) is a catalogue name."""
    return _kept(text, known, _shared_head_items(text))


def _shared_head_items(text: str) -> Iterator[MeasureHit]:
    index = _catalogue()[1]
    head = text.find(SHARED_HEAD)
    while head != -1:  # str.find: most texts have no 责任制, and a literal search costs nothing
        end = head + len(SHARED_HEAD)
        conjunction = _CONJUNCTION_RE.search(text, max(0, head - LONGEST_LAST_ITEM - 1), head)
        if conjunction is not None:
            item = _elided_item(text, conjunction.start(), normal_view(text[conjunction.end():end]), index, True)
            if item is not None:
                yield item
        head = text.find(SHARED_HEAD, end)


def _kept(text: str, known: list[MeasureHit], candidates: Iterable[MeasureHit]) -> list[MeasureHit]:
    """The candidates that overlap no known hit and no earlier candidate. The mask of known hits is built
    at the first candidate: most texts have none, and building it costs a pass over every hit."""
    taken: TakenMask | None = None
    found: list[MeasureHit] = []
    for item in candidates:
        taken = taken or _taken_by(text, known)
        _add(found, taken, item)
    return found


@lru_cache(maxsize=1)
def _key_affixes() -> tuple[frozenset[str], frozenset[str]]:
    """Every start and every end of a catalogue key: an item that is neither cannot begin or end one,
    so the shared-words search tries no cut for it."""
    keys = _catalogue()[1]
    starts = frozenset(key[:n] for key in keys for n in range(2, len(key)))
    ends = frozenset(key[-n:] for key in keys for n in range(2, len(key)))
    return starts, ends


def _elided_item(text: str, conjunction: int, surface: str,
                 index: dict[str, tuple[str, str]], before: bool) -> MeasureHit | None:
    """The longest item next to `conjunction` (before it, or after it) that with a tail of `surface`
    (or after a head of it) is a catalogue name."""
    room = min(LONGEST_ELIDED, conjunction if before else len(text) - conjunction - 1)
    window = text[conjunction - room:conjunction] if before else text[conjunction + 1:conjunction + 1 + room]
    plain = normal_view(window) == window  # the common case: no quote or date dot to take out
    affixes = _key_affixes()[0 if before else 1]
    for length in range(room, 1, -1):
        start = conjunction - length if before else conjunction + 1
        item = text[start:start + length] if plain else normal_view(text[start:start + length])
        if item not in affixes:
            continue
        for cut in range(1, len(surface) - 1):
            entry = index.get(item + surface[cut:] if before else surface[:-cut] + item)
            if entry is not None:
                return MeasureHit(start, start + length, entry[0], entry[1])
    return None


# A list of practices with one head word at its end: 健全首问负责、一次告知、限时办结等制度, 执法公示、
# 全过程记录、法制审核三项制度.
_LIST_HEAD_RE = re.compile(r"制度|机制")  # a literal first: sre skips to it (an optional 等 first would not)
_LIST_HEAD_BEFORE_RE = re.compile(r"(?:等|[两二三四五六]项)$")
_LIST_ITEM_RE = re.compile(r"[\u4e00-\u9fff“”]{2,10}$")
LONGEST_LIST = 8


def _items_before_head(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """Items of a 、-list ending in 等制度/机制 that, with that head, are catalogue names."""
    return _kept(text, known, _head_list_items(text))


def _head_list_items(text: str) -> Iterator[MeasureHit]:
    index = _catalogue()[1]
    for head in _LIST_HEAD_RE.finditer(text):
        end = head.start()
        if "、" not in text[max(0, end - 13):end]:
            continue  # the common case: 制度 after no list
        before = _LIST_HEAD_BEFORE_RE.search(text, max(0, end - 2), end)
        items = _list_items(text, before.start() if before else end)
        if len(items) < 2:
            continue
        for start, end in items:
            item = _head_item(text, start, end, index)
            if item is not None:
                yield item


def _head_item(text: str, start: int, end: int, index: dict[str, tuple[str, str]]) -> MeasureHit | None:
    """The longest tail of text[start:end] that with 制度 is a catalogue name: the first item of a
    list carries the verb before it (健全|首问负责)."""
    for begin in range(start, end - 1):
        entry = index.get(normal_view(text[begin:end]) + "制度")
        if entry is not None:
            return MeasureHit(begin, end, entry[0], entry[1])
    return None


def _list_items(text: str, end: int) -> list[tuple[int, int]]:
    """The spans of a 、-separated list ending at `end`, last item first; empty unless a 、 is in it."""
    items: list[tuple[int, int]] = []
    while len(items) < LONGEST_LIST:
        match = _LIST_ITEM_RE.search(text, max(0, end - 10), end)
        if match is None:
            break
        items.append((match.start(), end))
        if match.start() == 0 or text[match.start() - 1] != "、":
            break
        end = match.start() - 1
    return items if len(items) > 1 else []


def _taken_by(text: str, hits: list[MeasureHit]) -> TakenMask:
    taken = TakenMask(len(text))
    for hit in hits:
        taken.take(hit.start, hit.end)
    return taken


def _is_sector(name: str) -> bool:
    """皮山县|教育系统, 全市|公安系统: a line of government bodies (a function and 系统), not a platform."""
    return name.endswith("系统") and name[:-2] in _function_stems()


@lru_cache(maxsize=1)
def _function_stems() -> frozenset[str]:
    return frozenset(load_stems())


# The suffixes a province's name drops when it names its portal (广东省 -> 广东, 广西壮族自治区 -> 广西)
_PROVINCE_SUFFIX_RE = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


@lru_cache(maxsize=1)
def _province_names() -> frozenset[str]:
    """Every province-level division, in full and without its suffix."""
    full = set(load_province_abbreviations().values())
    return frozenset(full | {_PROVINCE_SUFFIX_RE.sub("", name) for name in full})


def _platforms(text: str, region_spans: Sequence[tuple[int, int]]) -> list[MeasureHit]:
    """Platforms named after a region. The portal (政务服务网) right after the region counts only for a
    province: the gold sets list province portals (贵州政务服务网) and leave a city's (鞍山市政务服务网) out, as a
    city portal is one body's site, not a platform many agencies share."""
    found: list[MeasureHit] = []
    taken = TakenMask(len(text))
    for start, end in region_spans:
        platform = PLATFORM_RE.match(text, end)
        if platform and platform.group(0) == PORTAL and text[start:end] not in _province_names():
            continue
        if platform and not PLATFORM_STOP.search(platform.group(0)) and not _is_sector(platform.group(0)) \
                and not _figurative(text, platform) \
                and normal_view(platform.group(0)) not in _catalogue()[1]:  # 韶关市|执法两平台: the province's
            quoted = text[start - 1:start] == "“" and "”" in platform.group(0)
            name = _platform_name(text[start:platform.end()], quoted)
            _add(found, taken, MeasureHit(start - quoted, platform.end(), name, "平台"))
    return found


def _figurative(text: str, platform: re.Match[str]) -> bool:
    """平台 as a figure, not a system: 平台经济 (the platform economy: 护航平台经济发展), a zone that is a city's
    主平台 (科技创新中心“三城一区”主平台)."""
    return text.startswith("经济", platform.end()) or platform.group(0).endswith("主平台")


# A platform the text says a whole level shares (在全市推广全省统一的行政检查执法备案智能管理系统): the system many agencies of
# that level use, which is what ANNOTATION.md counts as a platform, named by its own words without a region before them.
# Six words at least before the head: a common noun (全省统一的政务服务平台, 执法监督APP) names no one platform.
_SHARED_PLATFORM_RE = re.compile(r"全[国省区市]统一的([\u4e00-\u9fff“”]{6,16}?(?:平台|系统|APP|App))")


def _shared_platforms(text: str, platforms: list[MeasureHit]) -> list[MeasureHit]:
    if "统一的" not in text:
        return []
    hits = [MeasureHit(m.start(1), m.end(1), normal_view(m.group(1)), "平台") for m in _SHARED_PLATFORM_RE.finditer(text)
            if not PLATFORM_STOP.search(m.group(1)) and normal_view(m.group(1)) not in _catalogue()[1]]
    return _untaken(text, platforms, hits)


def _platform_name(name: str, quoted: bool = False) -> str:
    """A province's portal is named without 省 (广东省政务服务网 -> 广东政务服务网), as the catalogue has it;
    a name quoted from its region on (“四川天府健康通”平台) is the quoted words, the head after it a common noun."""
    if quoted:
        return name[:name.index("”")]
    return name[:-len(PORTAL) - 1] + PORTAL if name.endswith("省" + PORTAL) else name



# The government's executive meeting studying law, in words other than the catalogue's (县政府常务会议带头集体学法,
# 常务会专题学法6次, 将学法纳入市政府常务会议规定动作, 常务会累计学法87次): the 会前学法 practice all the same. 学法 must be said:
# 常务会议传达学习…精神 or 常务会议学习了《X》 is the meeting's business, not the study practice; and only
# words of how it studies come between (常务会议建立学法制度 with another body's group names no one practice).
# A town's 党政联席会议 is its executive meeting (乡镇 have no 常务会议), so its study (党政联席会议定期学法) is the same practice.
_MEETING_STUDY_RE = re.compile(r"(?:常务|党政联席)会议?(?:带头|坚持|定期|每季度|每月|集体|专题|集中|常态化|组织|开展|累计|共)+学法"
                               r"|学法纳入[^，,。；;、《]{0,8}?常务会议?")
MEETING_STUDY = "政府常务会议会前学法"


def _meeting_study(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    if STUDY not in text:  # every form says 学法; str `in` costs less than the pattern's scan
        return []
    hits = [MeasureHit(m.start(), m.end(), MEETING_STUDY, "制度") for m in _MEETING_STUDY_RE.finditer(text)]
    return _untaken(text, known, hits)


def _untaken(text: str, known: list[MeasureHit], hits: list[MeasureHit]) -> list[MeasureHit]:
    """The hits a rule proposes, less those inside a span an earlier step already took."""
    if not hits:
        return []
    taken = _taken_by(text, known)
    found: list[MeasureHit] = []
    for hit in hits:
        _add(found, taken, hit)
    return found


# The national 法治政府建设示范创建 at whatever level a report names the title it won or seeks (法治政府示范县,
# 第二批法治政府建设示范街道, 法治政府建设综合示范区创建), and bare 示范(县)创建 after a verb, a list mark, 综合/单项(类)
# or a preposition (组织开展示范创建活动, 巩固示范创建成果, 开展示范县创建, 对示范创建工作进行部署, 以示范创建为引领):
# in a report on 法治政府 that is the programme; a sector's programme says its sector first (食品安全示范城市创建),
# which the character before 示范 rules out. A 示范项目 is an award, left out as the catalogue notes.
# (two patterns, each starting with a literal: sre skips to a literal, not to an alternation)
_DEMONSTRATION_RES = (
    re.compile(r"法治政府(?:建设)?(?:综合|单项)?示范(?:创建|市县|县区|地区|城市|街道|乡镇|市|县|区|镇|乡|旗)(?:创建)?(?:活动)?"),
    re.compile(r"示范(?<=[展固进评织化合项与和及的对为将把以类，。、；:：\n]示范)(?:市县|县区|城市|街道|乡镇|市|县|区)?创建"))
DEMONSTRATION = "法治政府建设示范创建"
# The list of laws a leading cadre must know, named by what it lists (应知应会党内法规和国家法律指导清单,
# 应知应会党内法规和法律法规规章清单): whatever the kinds of rules, the one national 清单 practice.
_MUST_KNOW_RE = re.compile(r"应知应会(?:党内法规|国家法律|法律法规|法规规章|法律|法规|规章|[和及与、])+(?:指导|学习)?清单")
MUST_KNOW = "领导干部应知应会法律法规清单"
# A national or world observance named by its form (全国残疾预防日, 世界读书日, 全国法治宣传日活动, 中国统计开放日):
# ANNOTATION.md counts recurring national publicity days, weeks and months, and the gold sets list every one that
# occurs in their texts, so the form stands in for the ministries' calendars the catalogue cannot all hold. The
# 日 must not begin another word (日常, 日报); words of a date or a count (每, 年, 第) are no name.
_OBSERVANCE_RE = re.compile(
    r"(?:全国|世界|国际|中国|全民)[\u4e00-\u9fff]{2,10}?(?:宣传周|宣传月|宣传日|活动周|活动月|开放日|日)"
    r"(?![常报益趋前后均程志记用渐夜子历照本])")  # 日 ends the name, not 日常/日报/日益…
_NOT_OBSERVANCE_RE = re.compile(r"[的各每个年第今昨明当节]|工作日|人民|纪念")

# An inspection on the spot by a rule-of-law office (中央依法治国办实地督察, 依法治省办督察组来我市实地督察) is
# the 法治督察 of the catalogue; 实地督察 alone is any visit (考核采取实地督察的方式).
_OFFICE_INSPECTION_RE = re.compile(r"依法治[国省市县区]办[^，,。；;、\n]{0,10}?(实地督察)")
INSPECTION = "法治督察"
# The duty of the 第一责任人 where someone is made its holder (明确局主要领导为法治政府建设第一责任人, 主官作为法治政府
# 建设的第一责任人, 明确党委书记为第一责任人): the designation names the duty even without 职责/责任 after it. A holder
# named as a person's title (以法治建设第一责任人、局长某某为组长) has no 为 before it; another duty's holder says its
# own field (为安全生产第一责任人), which the optional 法治(政府)建设 cannot read.
_DESIGNATED_DUTY_RE = re.compile(r"为((?:法治(?:政府)?建设的?)?第一责任人)")
DUTY = "法治建设第一责任人职责"
# A 理论学习中心组 meeting held to study law (中心组普法学习, 中心组(扩大)法治专题学习会, 中心组(扩大)集体学法): the
# catalogue's study practice. 学习 must follow at once: 中心组开展法治专题学习 … and 中心组学习 alone are the group's
# study in general.
_GROUP_LAW_STUDY_RE = re.compile(r"中心组(?:[(（]扩大[)）])?(?:(?:法治|普法)(?:专题)?学习|(?:集体|专题|集中)?学法)")
GROUP_STUDY = "理论学习中心组学法制度"
# A body's own study system named bare where a clause begins with the verb (二是完善学法制度, 。健全学法制度): the
# catalogue's 领导干部学法用法制度. With a meeting before the verb (常务会议建立学法制度) it is that meeting's study,
# which the clause start leaves out.
_BARE_STUDY_SYSTEM_RE = re.compile(
    r"(?:^|(?<=[，,。；;：:\n是、]))(?:严格|认真|进一步|不断|全面)?(?:建立健全|完善|健全|落实|坚持|建立|执行)(学法制度)", re.M)
STUDY_SYSTEM = "领导干部学法用法制度"
# The merged business licence counts the certificates it merges (“31证合一”, 三十五证合一): whatever the number,
# the national 多证合一 reform.
_MERGED_LICENCES_RE = re.compile(r"(?:\d{1,2}|[二三四五六七八九十]{1,3})证合一")
MERGED_LICENCES = "多证合一"


# Each form as (the word it needs in the text, its patterns, the group that is the mention (0: the whole match),
# the catalogue name, its kind). A pattern runs only when its word is in the text: str `in` is cheaper than a scan.
_NAMED_FORMS: tuple[tuple[str, tuple[re.Pattern[str], ...], int, str, str], ...] = (
    ("示范", _DEMONSTRATION_RES, 0, DEMONSTRATION, "专项行动"),
    ("应知应会", (_MUST_KNOW_RE,), 0, MUST_KNOW, "清单"),
    ("实地督察", (_OFFICE_INSPECTION_RE,), 1, INSPECTION, "机制"),
    ("第一责任人", (_DESIGNATED_DUTY_RE,), 1, DUTY, "制度"),
    ("证合一", (_MERGED_LICENCES_RE,), 0, MERGED_LICENCES, "改革"),
    ("中心组", (_GROUP_LAW_STUDY_RE,), 0, GROUP_STUDY, "制度"),
    ("学法制度", (_BARE_STUDY_SYSTEM_RE,), 1, STUDY_SYSTEM, "制度"),
)


def _named_forms(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """Catalogue measures a report names by a form with parts of its own (a level, the kinds of rules), and
    observances."""
    hits = [MeasureHit(m.start(group), m.end(group), name, kind)
            for word, patterns, group, name, kind in _NAMED_FORMS if word in text
            for pattern in patterns for m in pattern.finditer(text)]
    hits += _observances(text)
    if not hits:
        return []
    return _untaken(text, known, sorted(hits, key=lambda h: h.start))


# The acts done to 规范性文件 written once after it as a list (建立健全规范性文件制定、审查、备案和清理机制): each act that
# is a catalogue practice of its own is that practice, as 规范性文件备案审查、清理 names both (_shared_words). 备案 (or 报备)
# is the 备案审查 practice, 清理 the 清理 practice; 制定/起草/审核/审查/评估 alone name no catalogue entry. 管理 is not an
# act of the list: 规范性文件管理、清理 is the document's upkeep in general.
DOCUMENT_ACTS = ("制定", "起草", "审核", "审查", "备案", "报备", "清理", "评估")
_DOCUMENT_ACTS_RE = re.compile(r"规范性文件的?((?:{0})(?:[、和及与](?:{0}))+)".format("|".join(DOCUMENT_ACTS)))
_ACT_PRACTICES = {"备案": "规范性文件备案审查", "报备": "规范性文件备案审查", "清理": "规范性文件清理"}
_ACT_RE = re.compile("|".join(_ACT_PRACTICES))


def _document_acts(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """The catalogue practices among the acts a list names once after 规范性文件, each at its act word."""
    if "规范性文件" not in text:
        return []
    index = _catalogue()[1]
    hits = [MeasureHit(list_.start(1) + act.start(), list_.start(1) + act.end(), _ACT_PRACTICES[act.group(0)],
                       index[_ACT_PRACTICES[act.group(0)]][1])
            for list_ in _DOCUMENT_ACTS_RE.finditer(text) for act in _ACT_RE.finditer(list_.group(1))]
    return _untaken(text, known, hits)


def _observances(text: str) -> list[MeasureHit]:
    return [MeasureHit(m.start(), m.end(), m.group(0), "宣传活动") for m in _OBSERVANCE_RE.finditer(text)
            if not _NOT_OBSERVANCE_RE.search(m.group(0))]


# A campaign named inside the name of the group set up to run it (扫黑除恶专项斗争领导小组, X街道安全生产
# 大排查专项行动工作指挥部): the group shows a body carrying it out (extraction issue, measures). Only
# campaigns: a reform's group (行政审批制度改革领导小组) names a standing body, not a campaign it runs.
CAMPAIGN_HEADS = ("专项行动", "专项整治", "专项治理", "专项斗争", "攻坚行动")
_GROUP_CAMPAIGN_RE = re.compile(r"(?:" + "|".join(CAMPAIGN_HEADS) + r")(?=(?:工作)?(?:领导小组|指挥部))")
_CAMPAIGN_WORD_RE = re.compile(r"[\u4e00-\u9fff“”]{2,16}$")
_CAMPAIGN_STOP_RE = re.compile(r".*(?:成立|设立|组建|调整|建立|的|和|与|及|全[省市县区镇])")


def _group_campaigns(text: str, known: list[MeasureHit], region_spans: Sequence[tuple[int, int]]) -> list[MeasureHit]:
    """The campaign in a group's name, its words after any division or verb before them."""
    if "领导小组" not in text and "指挥部" not in text:  # no group named: no scan
        return []
    hits: list[MeasureHit] = []
    for match in _GROUP_CAMPAIGN_RE.finditer(text):
        words = _CAMPAIGN_WORD_RE.search(text, max(0, match.start() - 16), match.start())
        if words is None:
            continue
        start = max([words.start()] + [end for begin, end in region_spans if words.start() <= end <= match.start()])
        stop = _CAMPAIGN_STOP_RE.match(text, start, match.start())
        start = stop.end() if stop else start
        if match.start() - start >= 2:
            name = normal_view(text[start:match.end()])
            hits.append(MeasureHit(start, match.end(), name, "专项行动"))
    return _untaken(text, known, hits)


# A law's own publicity day, week or month, named after the law: 测绘法宣传日, 无线电管理条例宣传月,
# 《统计法》宣传周. Ministries set one for the laws they enforce, so the rule reads the law's short name
# (data/laws.tsv) before 宣传日/周/月 instead of listing every such day.
_LAW_DAY_RE = re.compile(r"宣传[日周月]")
_LAW_ENDINGS = ("法", "条例", "法典")
LONGEST_LAW_SHORT_NAME = 16


@lru_cache(maxsize=1)
def _law_short_names() -> frozenset[str]:
    names = {alias for entry in load_laws() for alias in entry.aliases}
    return frozenset(n for n in names if n.endswith(_LAW_ENDINGS) and len(n) >= 2)


def _law_days(text: str, known: list[MeasureHit]) -> list[MeasureHit]:
    """X法宣传日 / X条例宣传月 where X法 is a law's short name, written bare or in 《》."""
    return _kept(text, known, _law_day_items(text))


def _law_day_items(text: str) -> Iterator[MeasureHit]:
    for day in _LAW_DAY_RE.finditer(text):
        law_end = day.start() - (text[day.start() - 1:day.start()] == "》")
        law = _law_before(text, law_end)
        if law is None:
            continue
        start = law_end - len(law) - (text[law_end - len(law) - 1:law_end - len(law)] == "《" and law_end < day.start())
        yield MeasureHit(start, day.end(), law + day.group(0), "宣传活动")


def _law_before(text: str, end: int) -> str | None:
    """The longest law short name that ends at `end`."""
    names = _law_short_names()
    for length in range(min(LONGEST_LAW_SHORT_NAME, end), 1, -1):
        if text[end - length:end] in names:
            return text[end - length:end]
    return None
