"""Agency mentions and their canonical, region-qualified names.

An agency name in these texts has three parts: a region prefix (韶关市, 省, 市,
or nothing), a functional stem (司法, 市场监督管理, 人社) and a head word (局, 厅,
委员会, 部, 中心…). Party and government organs (市委, 市政府, 人大常委会, 法院)
have fixed shapes of their own. The prefix is qualified from the report's
region context: 市 in a 韶关 report is 韶关市; 我局/本局 is the issuing agency.
Internal units (处/科/股/室), groups (领导小组, 党组) and positions never match,
because their heads are not agency heads.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from fazhi.data import data_dir
from fazhi.extraction.dictionaries import (
    load_agency_abbreviations,
    load_agency_generic,
    load_agency_organs,
    load_agency_suffixes,
    load_local_official_names,
    load_merged_function_parts,
    load_national_bodies,
    load_national_line_bodies,
    load_official_short_forms,
    load_party_committee_bodies,
    load_province_abbreviations,
    page_clutter_words,
)
from fazhi.extraction.regions import RegionEntry, RegionGazetteer, name_prefix, node_name
from fazhi.extraction.spans import TakenMask
from fazhi.extraction.wordtrie import chars_at, guarded_trie_regex

# The enforcement teams of the 2018 reform are named by their line: 市场监管综合执法大队, 卫生健康综合行政执法支队
ENFORCEMENT_HEADS = ("综合行政执法大队", "综合行政执法支队", "综合执法大队", "综合执法支队")
# A line's own team by its work (交通运输稽查大队, 国土资源执法监察大队, 农业执法大队, 安全生产监察大队, 卫生计生监督所):
# the names the squads of each line had before and beside the 2018 综合执法 reform
LINE_TEAM_HEADS = ("执法监察大队", "执法监察支队", "执法大队", "执法支队", "执法总队", "稽查大队", "稽查支队", "稽查总队",
                   "监察大队", "监察支队", "监督所")
HEADS = (*ENFORCEMENT_HEADS, *LINE_TEAM_HEADS, "委员会办公室", "委员会", "办公室", "办公厅", "总局", "分局", "中心", "总队", "大队", "支队",
         "局", "厅", "委", "部", "办", "署", "所", "队")
GENERIC_HEADS = ("主管部门", "行政部门", "部门", "机关")
# 办公厅 is a government's or committee's general office at any level (上海市人民政府办公厅); every other 厅 is
# a province's department (教育厅, 自然资源厅: 《地方各级人民政府机构设置和编制管理条例》 names them at that level)
OFFICE_HALLS = ("办公厅",)
SQUAD_HEADS = ("总队", "大队", "支队", "队")  # enforcement squads: a county's and each town's
# 队 alone heads only an enforcement team (镇综合行政执法队, the 2019 乡镇 reform's), never 执法队伍 or a 队员
TEAM_STEM_END, NOT_A_TEAM_AFTER = "执法", ("伍", "员", "长", "列")
BUREAU_WORD_ENDS = ("面", "势", "限")  # 局面, 局势, 局限: 局 opens the next word
NOT_A_COMMITTEE_AFTER = ("员", "托", "派")  # 政法委员, 市民委托, 委派: 委 opens the next word
LEVEL_CHARS = "省市区县州旗盟"  # 旗 and 盟: Inner Mongolia's county and prefecture
# what may stand right before a name that opens a title, a signature line or a row value (标题: X, [文号]X)
LINE_OPENERS = "\n】]］《“ \t:"
ZONE_SHORT_ENDS = ("高新", "经开", "综保", "开发", "新")  # 高新区, 经开区: zones (extraction/zones.py), not divisions
# The name of a division the table lacks: CJK only, none of the words that open a phrase (全区, 本县, 各市)
UNLISTED_NAME_RE = re.compile(r"[^\W\d_A-Za-z全各本我该每其年度关于的和与及在对现将由向省市区县州旗盟]{2,4}")
# Organs with a fixed shape after a region or level prefix.
GOV_ORGANS = {
    "人民政府办公室": "人民政府办公室", "人民政府办公厅": "人民政府办公厅", "政府办公室": "人民政府办公室",
    "政府办公厅": "人民政府办公厅", "高级人民法院": "高级人民法院", "高级法院": "高级人民法院",
    "政府办": "人民政府办公室", "府办": "人民政府办公室", "人民政府": "人民政府", "政府": "人民政府",
    "中级人民法院": "中级人民法院", "人民法院": "人民法院", "法院": "人民法院",
    "人民检察院": "人民检察院", "检察院": "人民检察院",
    "人民代表大会常务委员会": "人民代表大会常务委员会", "人大常委会": "人民代表大会常务委员会",
    "人民代表大会": "人民代表大会", "人大": "人民代表大会",
    "人民医院": "人民医院", "中医院": "中医院", "政协": "政协",
    "行政公署": "行政公署", "行署": "行政公署",  # a 地区's government: 和田地区行政公署, 阿勒泰行署
}  # more fixed organs (群团组织 县妇联, 市中院, 县人武部…) in data/agency_organs.tsv: see organs()
# Party organs whose official name is 中共 + region + the organ, not a body of the committee (中共X县纪律检查委员会)
REGION_PARTY_ORGANS = ("纪律检查委员会", "直属机关工作委员会")
# The bodies of a party committee with a name for every level; the rest are in data/party_committee_bodies.tsv
# 州, 旗 and 盟 have theirs too: 州委依法治州办, 旗委全面依法治旗委员会 (an autonomous prefecture's, a banner's, a league's)
RULE_OF_LAW_LEVELS = "省市区县州旗盟"
PARTY_SUBS = {
    **{f"全面依法治{lvl}委员会办公室": f"全面依法治{lvl}委员会办公室" for lvl in RULE_OF_LAW_LEVELS},
    **{f"依法治{lvl}办": f"全面依法治{lvl}委员会办公室" for lvl in RULE_OF_LAW_LEVELS},
    **{f"全面依法治{lvl}办": f"全面依法治{lvl}委员会办公室" for lvl in RULE_OF_LAW_LEVELS},  # 市委全面依法治市办
    **{f"依法治{lvl}委员会办公室": f"全面依法治{lvl}委员会办公室" for lvl in RULE_OF_LAW_LEVELS},  # 区委依法治区委员会办公室
    # the committee itself (省委全面依法治省委员会, 省委依法治省委员会, 市委依法治市委)
    **{f"{form}{lvl}{tail}": f"全面依法治{lvl}委员会" for lvl in RULE_OF_LAW_LEVELS
       for form in ("全面依法治", "依法治") for tail in ("委员会", "委")},
}


@lru_cache(maxsize=1)
def organs() -> dict[str, str]:
    """GOV_ORGANS and the fixed organs of data/agency_organs.tsv: written form -> canonical organ name."""
    return {**load_agency_organs(), **GOV_ORGANS}


@lru_cache(maxsize=1)
def party_subs() -> dict[str, str]:
    """The bodies written after 省委/市委/县委 (data/party_committee_bodies.tsv and PARTY_SUBS) -> their names."""
    return {**load_party_committee_bodies(), **PARTY_SUBS, **_provincial_rule_of_law_bodies()}


def _provincial_rule_of_law_bodies() -> dict[str, str]:
    """A province may name its rule-of-law committee by its 简称 (自治区党委全面依法治藏委员会, 依法治疆办):
    the same two bodies as 全面依法治省委员会 and its office, under the province's own word."""
    out = {}
    for short in load_province_abbreviations():
        for form in ("全面依法治", "依法治"):
            out[f"{form}{short}委员会"] = f"全面依法治{short}委员会"
            out[f"{form}{short}委员会办公室"] = out[f"{form}{short}办"] = f"全面依法治{short}委员会办公室"
    return out


# National bodies by their written forms (中央编办, 国务院法制办, 全国人大常委会法工委) and official names:
# data/national_bodies.tsv. Never a local body: 中央编办 is not some region's 编办, 中央组织部 no 组织部.


@lru_cache(maxsize=1)
def central_organs() -> frozenset[str]:
    """Every national body of data/national_bodies.tsv, by written form and by official name."""
    bodies = load_national_bodies()
    return frozenset(bodies) | frozenset(bodies.values())


# Organs named without a region that still denote one body of their kind (ANNOTATION: generic but
# specific-function references keep their words). Not when followed by words that make them persons.
# The look-behind (no region or level char before) is tested after the organ's first character:
# a pattern that starts with a literal lets sre skip in C to the next 政/人, where a leading
# look-around made it enter the pattern at every position.
_NO_PREFIX = "[省市区县州镇乡级高]"
BARE_ORGANS_RE = re.compile(
    rf"(政(?<!{_NO_PREFIX}政)(?<!行政)协(?!议)|人(?<!{_NO_PREFIX}人)(?:大常委会|大|民法院|民检察院))"
    r"(?!代表|委员|会议|工作|主席|常委|监督|法律监督|民主监督|依法监督)")  # 行政协议, 行政协调: not 政协


@lru_cache(maxsize=1)
def _shared_prefix_cores() -> frozenset[str]:
    """The organs whose name is the region and the organ (not 中共X纪律检查委员会), so a list after one shares it."""
    return frozenset(core for core in organs().values() if core not in REGION_PARTY_ORGANS)


@lru_cache(maxsize=1)
def _shared_prefix_item_re() -> re.Pattern[str]:
    """、政协 after 自治区人大常委会: the region written once before a list of its organs."""
    return re.compile("、(" + "|".join(sorted((w for w in organs() if "办" not in w), key=len, reverse=True)) + ")")


# 法院, 检察院 written alone as an item or object (政法委、法院、检察院; 邀请法院参与): a court, the
# generic 人民法院 (ANNOTATION.md); after other characters it ends a name read elsewhere (海事法院).
# The look-behind comes after the first character so that the pattern starts with a literal.
_BARE_COURT_BEFORE = "[、，,。；;：:和及与请\n（(]"
# 旁听法院庭审, 履行法院生效裁判, 支持法院依法审理, 联合法院、检察院: the courts as the object of a verb, written
# alone (the verbs of joint work as for BARE_UNIT_RE's 派出所)
_COURT_VERBS = ("旁听", "履行", "支持", "配合", "联合", "会同", "协助")
_COURT_AFTER_VERB = "|".join(f"(?<={verb}法)" for verb in _COURT_VERBS)
_PROCURATORATE_AFTER_VERB = "|".join(f"(?<={verb}检)" for verb in _COURT_VERBS)
BARE_COURT_RE = re.compile(rf"法(?:(?<={_BARE_COURT_BEFORE}法)|{_COURT_AFTER_VERB})院"
                           rf"|检(?:(?<={_BARE_COURT_BEFORE}检)|{_PROCURATORATE_AFTER_VERB})察院")
BARE_COURT_NAMES = {"法院": "人民法院", "检察院": "人民检察院"}
# 向同级党委、人大常委会报告, 各级人大: the organs of every government's own tier, no one body
TIER_LIST_BEFORE_RE = re.compile(r"(?:同级|[上下]一?级|各级)[^，,。；;：:\s]{0,12}$")
# 电子税务局, 网上税务局: a tax office's online service, a platform rather than a body
ONLINE_SERVICE_BEFORE = ("电子", "网上")
# 派出所 written alone (after punctuation, a conjunction or a count): some police station, a kind of
# body the report names; after other characters it is the end of a name read elsewhere (城关派出所)
# (派出所、司法所、法庭等: the township's people's tribunal, written alone the same way)
BARE_UNITS = ("派出所", "法庭")
BARE_UNIT_RE = re.compile(r"(?:(?<=[、，,。；;：:和及与个\n（(])|(?<=辖区|联合|会同|配合|协助)|^)(?:派出所|法庭)(?!长)",
                          re.MULTILINE)  # 辖区派出所, 联合派出所、司法所: after a verb of joint work it is written alone
# 党校 written without its committee (纳入党校(行政学院)主体班次, 邀请党校教授): the party school, a body of
# specific function whose region the text does not fix, so as written (tests/gold/CONVENTIONS.md f); after 委 or
# 中央 it ends a name read elsewhere (县委党校, 中央党校), after 党 it is inside 中国共产党党校 (a title's words).
# The look-behind comes after the first character so that the pattern starts with a literal.
BARE_PARTY_SCHOOL_RE = re.compile(r"党(?<![委党央省市区县州旗盟镇乡]党)校")
# 州县党校, 市县党校: the party schools of those levels, a class kept in its words (tests/gold/CONVENTIONS.md g);
# the look-behind after the first character keeps the pattern starting with a class sre can skip to
TIERS_PARTY_SCHOOL_RE = re.compile(rf"[{LEVEL_CHARS}](?<=[、，,。；;：:和及与在到入\n（(“各][{LEVEL_CHARS}])"
                                   rf"[{LEVEL_CHARS}]{{1,3}}党校")
# 市民中心 written alone (和市民中心社保窗口, 在市民中心): the city's one-stop service centre (ANNOTATION.md names
# 市民中心 among the named units); after other characters it ends a name read elsewhere (古北市民中心)
CITIZEN_CENTRE_RE = re.compile(r"市(?<=[、，,。；;：:和及与在到至入\n（(]市)民中心")
# 一中院 written alone (联合三中院、租赁法庭): a city's numbered intermediate court (data/agency_organs.tsv), the
# city's when the text fixes it, else as written; after other characters it ends a name read elsewhere
ORDINAL_COURT_RE = re.compile(r"[一二三四五](?:(?<=[、，,。；;：:和及与在到至入同请\n（(][一二三四五])"
                              r"|(?<=联合[一二三四五])|(?<=配合[一二三四五]))中院")
# 支持人大、政协、监委、法院、检察院依法履职: the organs of the report's own level listed bare, the congress or
# the CPPCC among them (alone, 法院 is the generic 人民法院: ANNOTATION.md)
OWN_ORGAN_ITEMS = {"人大常委会": "人民代表大会常务委员会", "人大": "人民代表大会", "政协": "政协", "监委": "监察委员会",
                   "人民法院": "人民法院", "法院": "人民法院", "人民检察院": "人民检察院", "检察院": "人民检察院"}
_OWN_ORGAN_ITEM = "|".join(sorted(OWN_ORGAN_ITEMS, key=len, reverse=True))
OWN_ORGAN_LIST_RE = re.compile(rf"(?:{_OWN_ORGAN_ITEM})(?:、(?:{_OWN_ORGAN_ITEM})){{2,}}")
# 在县第十八届人民代表大会常务委员会第五次会议上, 市十五届人大常委会: a congress (or CPPCC) named with its term
# between the region and the organ; the term is the sitting's, the organ the region's own
TERM_ORGAN_RE = re.compile(r"第?[一二三四五六七八九十]{1,4}届(?P<organ>人民代表大会常务委员会|人民代表大会|人大常委会|人大|政协)"
                           r"(?!代表|委员)")
# The branches of the national financial regulators, named by the line, the place and the branch's kind (国家金融
# 监督管理总局吉安监管分局, 中国人民银行吉安市分行, 中国人民银行万安县支行; the 2023 reform's 国家金融监督管理总局
# and the 人民银行's 2023 分支机构改革; 中国银保监会X监管分局 before them): one body of the national line
FINANCIAL_BRANCH_RE = re.compile(r"(?:国家金融监督管理总局|中国银行保险监督管理委员会|中国银保监会|中国人民银行|国家外汇管理局)"
                                 r"(?P<place>[\u4e00-\u9fff]{2,9}?)(?:监管分局|监管局|监管支局|中心支行|分行|支行|分局)")
# A customs house of the 海关总署's vertical line, named by the city it sits in as written (南宁海关, 黄埔海关: the
# 直属海关 and 隶属海关 of 《海关法》 第3条 are set up by port, not by division, so no region qualifies them)
CUSTOMS = "海关"
# A named body right after a region: 河源市“扫黄打非”工作领导小组办公室, 阳江市人民医院, 省政务大数据中心.
NAMED_BODY_RE = re.compile(
    r"(?:“[^”\n]{1,10}”)?[\u4e00-\u9fff]{0,14}?"
    r"(?P<head>领导小组办公室|人民医院|中医院|医院|研究中心|研究院|中心(?!组(?!织|建|成|团))|协会|学会|管理委员会|管委会)"
)  # 中心组: a party group's study group (X局党组理论学习中心组), no centre
# A national institute or headquarters named in full (国家自然灾害防治研究院, 国家防汛抗旱总指挥部, 中国城市规划设计
# 研究院): a body of its own, national by its first word;
# and the 国家统计局's survey teams, a vertical line named by the place they sit in (国家统计局赣州调查队,
# 国家统计局江西调查总队: the 2005 reform's 调查总队/调查队 under 国家统计局, 《统计法实施条例》)
NATIONAL_NAMED_RE = re.compile(r"(?:国家|中国)[\u4e00-\u9fff]{2,10}?(?:研究院|总指挥部|调查总队|调查队(?![伍员]))")
# A national line body and the local bureaus named under it: 国家税务总局|泰顺县税务局
LINE_HEADS = {"国家税务总局": "税务局"}
# Since the 2018 reform (《国税地税征管体制改革方案》) every local tax bureau is an organ of the national
# administration, officially 国家税务总局 + its region + 税务局: 区税务局 of 荣昌区 is 国家税务总局重庆市荣昌区税务局
LINE_OFFICIAL_PREFIX = {head: line for line, head in LINE_HEADS.items()}
BRANCH_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?)分局")
BRANCH_DIVISION_RE = re.compile(r"[^\W\d_A-Za-z的和与及在对将各全本我市]{1,4}[区县市]")  # a district's name
# 公安、司法等部门: functions listed before one generic head
# 住房城乡建设、规划、园林主管部门: functions listed before 主管部门 (competent departments), with or without 等
# 公安、司法行政等各市级政府部门: the level the list's end names qualifies every body in it (group 4)
# 公安、市场监管等执法部门, 公安、交通运输等行政执法部门, 公安、司法等职能部门: the kind of department the list's end
# names (执法, 职能) does not change the functions listed
_LIST_END_KIND = "(?:行政执法|执法|职能)?"
# 政法、司法部门 (no 等): the head is shared as well, every listed function a known one (_listed_functions)
FUNCTION_LIST_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,12}?)"
                              rf"(?:等?各?(?:([省市区县])级(?:政府)?)?(?:有关|相关)?{_LIST_END_KIND}(部门|机关)|(主管部门))")
# Every match of FUNCTION_LIST_RE ends with one of these words and lies inside one run of CJK characters and 、
# (a literal alternation, so the scan skips ahead in C; the words before it are the run's)
FUNCTION_LIST_END_RE = re.compile("部门|机关")
CJK_RUN_RE = re.compile("[\u4e00-\u9fff、]+")
RUN_TAIL_RE = re.compile("[\u4e00-\u9fff、]*$")  # searched with endpos: the run that ends there
LONGEST_LIST_RUN = 160  # characters before a list's end word that its items may take
# A township's bodies after its name (许疃镇党委, 控江路街道办事处) or, in its own report, after the
# bare kind (镇党委, 街道办事处); the value is how the canonical name is built from the town's name.
TOWN_ORGANS = {"人民政府": "{}人民政府", "政府": "{}人民政府", "办事处": "{}办事处", "党工委": "中共{}工作委员会",
               "党委": "中共{}委员会", "工委": "中共{}工作委员会", "人大主席团": "{}人民代表大会主席团",
               "工作委员会": "中共{}工作委员会", "委员会": "中共{}委员会",  # these two only after 中共
               "人大工委": "{}人大工作委员会", "人大工作委员会": "{}人大工作委员会",  # a 街道's congress office
               "人大": "{}人民代表大会",  # 镇人大: a 乡镇's people's congress
               "委": "中共{}委员会",  # 镇委宣讲团: the town's party committee
               "纪委": "中共{}纪律检查委员会", "派出所": "{}派出所",  # the town's discipline committee, police station
               "综合行政执法队": "{}综合行政执法队", "综合执法队": "{}综合执法队",  # the 2019 乡镇 enforcement teams
               "党校": "{}党校"}  # 列入镇党校课程: the town's party school (tests/gold/CONVENTIONS.md f)


def _town_organ_name(organ: str, town: str) -> str:
    """The canonical name of a town's organ; a street's 党委 (街道党委) is its 工作委员会 (党工委)."""
    if organ == "党委" and town.endswith("街道"):
        return f"中共{town}工作委员会"
    return TOWN_ORGANS[organ].format(town)


def _after_a_word(text: str, match: re.Match[str]) -> bool:
    """Whether a kind word (镇, 街道) and its party committee stand alone after an ordinary word (健全|街道党工委
    统一领导机制, 建立|镇党委中心组学法制度), as a reader sees without a list of verbs: the two characters before it
    are a common word, and with the kind they end no town's name in the country (古城|镇党委: 古城 is
    a word, 古城镇 a town). Not before a meeting (召开街道党工委(扩大)会议: ANNOTATION's meetings). Only party
    committees (the caller's test): an office or government after a word is more often a street the table
    lacks (a new or renamed one) than the report's own."""
    gazetteer = RegionGazetteer.default()
    start, kind = match.start(), match.group("kind")
    if start < 2 or not gazetteer.is_word(text[start - 2:start]):
        return False
    if MEETING_AFTER_RE.match(re.sub(r"^[(（][^)）]{1,4}[)）]", "", text[match.end():match.end() + 12])):
        return False
    return not any(gazetteer.candidates(text[start - n:start] + kind) for n in range(1, min(start, 4) + 1))


def _no_government_inside_an_office(hits: list[AgencyHit]) -> list[AgencyHit]:
    """市政府法制办: the government written in an office's name (the office is named through it) is part of that
    name, as 县委 is of 县委宣传部, not a mention of its own (ANNOTATION.md: no agencies made of word fragments)."""
    starts = {hit.start: hit for hit in hits}
    return [hit for hit in hits if not (hit.name.endswith("政府") and hit.end in starts
                                        and "政府" in starts[hit.end].name)]


PARTY_FULL_ORGANS = ("工作委员会", "委员会")
# In a township's own report a bare 党委/党工委 is its own committee; not 机关党委 (an internal unit),
# 各级党委 or 村党委 (others), nor a position (党委书记: POSITION_AFTER_RE drops those).
# The same holds for the town's 人大工委 written alone.
TOWN_BARE_PARTY_RE = re.compile(r"(?<![机关级层村支总局部区县市省镇乡道])(?:党工委|党委|人大工委|人大工作委员会)"
                                r"(?!领导、)")  # 党委领导、政府负责: a slogan
# The town's rule-of-law committee (镇党委全面依法治镇委员会, 街道全面依法治街委员会): named as written
TOWN_RULE_OF_LAW_RE = re.compile(r"(?P<kind>镇|乡|街道)(?:党委|党工委)?(?:全面)?依法治[镇乡街](?:委员会|委)(?:办公室)?")
TOWN_ORGAN_RE = re.compile("|".join(sorted(TOWN_ORGANS, key=len, reverse=True)))
BARE_TOWN_ORGAN_RE = re.compile(rf"(?P<kind>镇|乡|街道|街(?!道))(?P<organ>{TOWN_ORGAN_RE.pattern})")
# the kind words a town's own report writes for itself: a street writes 街 for 街道 (街党工委, 街综合执法大队)
OWN_TOWN_KINDS = ("街道", "镇", "乡", "街")


def _own_kind(town: str, kind: str) -> bool:
    """Whether `kind` (镇, 街道, or 街 for 街道) is the kind of the report's own town."""
    return town.endswith("街道" if kind == "街" else kind)
NOT_A_NAME_BEFORE = "由经在与和及向为将对是的入于从按据把被以到至、，,。；;：:（(“\n "
# 发挥街道党委…作用, 加强镇党委领导: verbs whose object is a body, so the kind after them opens no town's name;
# and the verbs of joint work (整合乡派出所、司法所等力量, 会同镇派出所)
VERBS_BEFORE_A_BODY = ("发挥", "加强", "强化", "坚持", "支持", "配合", "协助", "服从", "接受", "提请", "报请", "压实",
                       "整合", "会同", "联合", "协调", "依托")
TOWNSHIP_RE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道)(?:人民政府|党委|办事处|政府)")
NAMED_BODY_STOP = re.compile(r"的|和|与|及|开展|推进|建设|各|全|在|对|将|为|等|是|了|通过|依托")
# 公检法司等部门, 公检法机关: the political-legal bodies by their first characters (公安、检察院、法院、司法), one each
POLITICAL_LEGAL_RE = re.compile(r"公检法司?(?=等|、|和|及|与|部门|机关|单位|联合|共同|协同)")
POLITICAL_LEGAL_HEAD_RE = re.compile(r"(?:等有关|等相关|等)?(部门|机关)")
POLITICAL_LEGAL_BODIES = {"公": "公安{}", "检": "人民检察院", "法": "人民法院", "司": "司法{}"}
# A named tribunal or notary office (高新人民法庭, 租赁法庭, 尚信公证处): its 2-4 name characters after a word
# boundary (a function word, punctuation, a count's 家); a longer run is a phrase, not a name
NAMED_UNIT_RE = re.compile(r"(?:人民法庭|法庭|公证处)(?![长庭])")
NAMED_UNIT_BOUNDARY = NOT_A_NAME_BEFORE + "家"
NOT_A_UNIT_NAME = ("模拟", "虚拟", "网上", "云上")  # 模拟法庭: a moot court, a teaching activity
# 重庆天亿(涪陵)律师事务所: a firm's name may carry its branch's place in brackets
LAW_FIRM_RE = re.compile(r"((?:[\u4e00-\u9fff]|\([\u4e00-\u9fff]{2,4}\)){2,12}?)律师事务所")
# 聘请专业律师事务所, 业界知名律师事务所: a kind of firm, not a named one
UNNAMED_FIRM_RE = re.compile(r"专业|知名|优秀|资深|本地|当地|外部|第三方|有关|相关|[一两二三四五六七八九十几多\d]家")
# 同时聘请: 同时 is no lead; 聘请了X律师事务所: the aspect 了 is the verb's
LAW_FIRM_LEAD = re.compile(r"^.*?(?:(?:聘请|委托|邀请|联合)了?|与|和|同(?!时)|由|及)")
# 与局法律服务单位X律师事务所, 常年法律顾问X律师事务所: a role written before the name, which starts after it
LAW_FIRM_ROLE = re.compile(r"^.*(?:单位|机构|顾问)")
# A named university that plays a role (邀请东北师范大学政法学院教授, 加强与中国人民大学合作): a body of its own
# (ANNOTATION.md: named non-government organisations). Not 大学生, 大学习 (a campaign), 法治大学堂, 大学城.
UNIVERSITY_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?)大学(?![生习堂城之问士])")
# verbs of a visit or an event that a sentence may put right before the name (组织干部走进浙江大学): the name
# starts after the last of them
UNIVERSITY_LEAD = re.compile(r"^.*(?:走进|前往|赴|到|进入|参观|考察|学习|培训|举办|组织|召开|参加|来自|同)")
# what a body calls itself: 我局/本委 (a department), 我府/我镇/本街道 (a government or town office)
DEPARTMENT_SELF_HEADS = "局|委|厅|办|中心|院|部|所"
SELF_HEADS = DEPARTMENT_SELF_HEADS + "|府|镇|乡|街道"
# 各市、县(市、区)司法局 / 有关部门: plural or unspecific bodies, not one agency.
# An organ inside a person's position is not a mention of it (ANNOTATION.md): 省司法厅原副厅长黄岩生, and the
# same with the internal unit the person heads between them (省司法厅普法与依法治理处处长, 市司法局办公室主任)
INTERNAL_UNIT = r"(?:[\u4e00-\u9fff]{1,10}?(?:处|科|室|股))?"
POSITION_AFTER_RE = re.compile(
    INTERNAL_UNIT + r"(?:原|时任|现任|党组|党委)?(?:常务)?副?(?:厅长|局长|部长|主任|书记|委员长|处长|科长|院长|检察长|庭长|所长"
    r"|秘书长|巡视员|调研员|镇长|区长|县长|市长|省长|主席|党组成员|班子成员|常委(?!会)|法律顾问(?![制团室工])"
    r"|代表(?!大会)|委员(?![会长])|主要负责同志|主要负责人|主要领导(?!干部))")  # 县人大代表建议, 县政协委员提案: deputies and members, not the organ
# 丰都府办〔2025〕3号, 市政府令第12号: the body's name is a document number's or decree's prefix here
# 中共中央政治局 (its study session), 湖北政府网 (a portal's name): the organ's name is part of another's here
# 市政府有关部门: some departments of the organ, none named (as 有关部门 is none)
NOT_THE_ORGAN_AFTER_RE = re.compile(r"政治局|网(?![站格络点])|(?:有关|相关)部门")
# 县委经济工作会议, 县政府常务会, 区委全面依法治区工作会议: a party committee or a government
# written only as a meeting's owner names the meeting (ANNOTATION.md: no agencies from meeting names); a
# committee's own meeting (省委全面依法治省委员会第八次会议) does name the committee
# 自治区党委、政府 / 镇党委政府: the government of the committee's region (not 政府办, 政府网, 政府令)
GOVERNMENT_AFTER_COMMITTEE_RE = re.compile(r"、?(政府)(?![办网令]|工作报告)")
PARTY_COMMITTEE_NAME_RE = re.compile(r"中共(?P<region>.+?)(?P<work>工作)?委员会")
SCOPED_COMMITTEE_RE = re.compile(r"(?P<level>自治区|[省市区县州旗盟])党?委")  # 县委, 自治区党委 as written
# 党委会, 党工委会议, 县委会议: the committee's meeting, named by its owner (not 县委会同…, 'together with')
MEETING_AFTER_RE = re.compile(r"常务会|会议|会(?![同商])|(?:全面依法治[国省市区县]|经济)工作会议")
MEETING_OWNERS = ("委", "政府")
# 纳入市政府工作报告: the government's annual report to the congress, a document named after its maker
GOVERNMENT_REPORT = ("政府", "工作报告")
DOCUMENT_AFTER_RE = re.compile(r"\s*(?:[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]|令第?[\d一二三四五六七八九十百]+号)")
# National bodies' full names start with one of these: an expanded abbreviation (中央依法治国办,
# 市场监管总局) that does is never qualified with the report's region (ANNOTATION.md).
NATIONAL_STARTS = ("中央", "中共中央", "国家", "国务院", "全国", "最高人民")
PARTY_COMMITTEE_BODIES = ("全面依法治", "机构编制委员会", "政法委员会", "法治建设委员会")  # bodies of a party committee written without 委
# a party committee's departments: a committee at every level has them (《中国共产党工作机关条例(试行)》), so a bare
# 组织部 is the report's own level's, never a State Council ministry as a bare 司法部 is
PARTY_DEPARTMENTS = ("组织部", "宣传部")
# …中心工作, …中心任务: 中心 as 'central'; 中心组: a study group
CENTRAL_TASK_RE = re.compile(r"工作(?!人员|站|者|室|规|制|流程)|任务|组(?!织|建|成|团)")
# Heads only national bodies have, and what their official names put before the function.
NATIONAL_HEADS = {"总局": "国家", "署": ""}
# 中办、国办 only as the pair (中办、国办印发…): alone, 中办 is as often a piece of 集中办理.
CENTRAL_OFFICES_RE = re.compile(r"(中办)[、和及与]?(国办)")
# 中央 alone where it acts or asks (按照中央要求, 中央关于…的决策部署, 中央《…》): the party centre;
# not in a list of levels (中央、省、市关于…的决策部署, 中央和省《纲要》), where it names a level as 省 and 市
# do there (tests/gold/CONVENTIONS.md d).
CENTRAL_ALONE_RE = re.compile(r"中(?<![党共]中)央(?=关于|要求|和国务院|、国务院|的?决策部署|精神|有关要求|《|的?(?:有关)?文件"
                              r"|统一部署|印发"  # 根据中央有关文件, 中央印发《…》: the centre issues documents
                              # 落实中央统计工作决策部署, 贯彻中央全面依法治国的基本要求: the centre's line on a field of
                              # work; not where 中央 opens a name (中央生态环境保护督察, 中央企业: CONVENTIONS.md d)
                              r"|(?![^，,。；;、]{0,4}(?:督察|巡视|企业|八项))"
                              r"(?:[\u4e00-\u9fff]{2,6}?工作|全面依法治国|全面从严治党)的?(?:重大)?(?:决策部署|基本要求|部署要求))")


@lru_cache(maxsize=1)
def _autonomous_party_re() -> re.Pattern[str]:
    """自治区党委依法治区办, 自治区党委组织部: the committee's bodies are written after it as after 市委."""
    return re.compile(r"自治区党委(?![员书副])(?P<sub>" + _alternation(party_subs()) + ")?")


PARTY_NAMES = ("中国共产党", "中共")  # what a party committee's full name opens with
# 团县委, 团市委: the Communist Youth League committee of that level (ANNOTATION.md: 团区委 → 共青团X区委员会)
YOUTH_LEAGUE_RE = re.compile(r"团(?P<lvl>[省市区县州旗])委(?!员)")
YOUTH_LEAGUE_FULL_AFTER_RE = re.compile(r"委员会|委(?!员)")  # 共青团泰顺县委员会, 共青团温州市委: its full name
# 中央 listed with party committees (贯彻中央、省委、市委决策部署) is the party centre. In both 中央
# patterns the look-behind comes after 中 so that the pattern starts with a literal, which sre finds by
# a fast skip (with a leading look-behind it entered the pattern at every position: 0.34 ms per report).
CENTRAL_BESIDE_COMMITTEES_RE = re.compile(r"中(?<![党共]中)央(?=[、和及与](?:省|市|自治区|区|县)委(?![员会]))")
# 中央、省、市、县委要求 / 中央和省、市委: levels whose last one carries 委 for all are party committees, and
# 中央 before them the party centre; 中央、省、市决策部署 without 委 names levels only (tests/gold/CONVENTIONS.md d).
CENTRAL_TIERS_RE = re.compile(r"中(?<![党共]中)央(?=(?:[、和及与](?:省|市|区|县|自治区)){1,3}委(?![员会]))")
# 中央和省、市法治建设会议精神: 中央 as the owner of meetings names no body (no agencies from meeting names)
CENTRAL_MEETING_RE = re.compile(r"[^，,。；;：:\n]{0,20}?会议")
# A 地区 (prefecture: 阿里地区, 喀什地区, 大兴安岭地区) has a 地委 and a 行政公署 (行署) where a city has a 市委
# and a 市政府; a county under it writes 在地委、行署的领导下. The look-behinds after the first character
# keep the pattern starting with a literal; they and the look-aheads leave out 当地委托, 各地委员, 执行署名.
PREFECTURE_PARTY_RE = re.compile(r"地(?<![当本各该外两异属驻此内]地)委(?![托员派屈])"
                                 r"(?P<sub>(?:全面)?依法治地(?:委员会|委)(?:办公室)?|依法治地办)?")
PREFECTURE_OFFICE_RE = re.compile(rf"行(?<=[{re.escape(NOT_A_NAME_BEFORE)}委]行)署")
# 区党委 in an autonomous region's reports (贯彻自治区党委…, 党中央、区党委、地委): the region's party
# committee; written after a word it is another's (社区党委, 高新区党委)
REGION_PARTY_RE = re.compile(rf"区(?<=[{re.escape(NOT_A_NAME_BEFORE)}]区)党委")
# 州党委 (巴州党委、政府; 州党委常委会): an autonomous prefecture's party committee, written as an autonomous
# region writes 区党委; only in a report whose prefecture the text fixes (the look-behind after 州 keeps the
# pattern starting with a literal); its bodies are written after it as after 州委 (州党委党校, 州党委政法委)


@lru_cache(maxsize=1)
def _prefecture_state_party_re() -> re.Pattern[str]:
    """州党委 and a body of the committee written after it (州党委党校 → 中共X州委党校)."""
    return re.compile(r"州党委(?![员书副])(?P<sub>" + _alternation(party_subs()) + ")?")


# 办件, 办理, 办结, 办公, (汇编)办法, 到政府办事; not 依法治国办|法治, 街道办|事处
OFFICE_VERB_RE = re.compile("[件理结公]|实事|法(?!治)|事(?!处)")
# 市外办 is the 外事办公室; 外办 written alone is the tail of a word (国外办学, 境外办事处, 对外办): it needs its
# region or level written before it
PREFIXED_ONLY_STEMS = ("外",)
COUNT_BEFORE_RE = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)个$")
# 退役军人服务中心(站): the centres of the upper levels and the stations of towns and villages, a kind of body
CENTRES_AND_STATIONS = ("(站)", "（站）")
# 建成公共法律服务中心8个: a count after a bare body makes it several of a kind, none the report's own
COUNT_AFTER_RE = re.compile(r"(?:\d+|[一二三四五六七八九十两几多]+)(?:个|家|所)")
RULE_OF_LAW_TIER_RE = re.compile(rf"(?:全面)?依法治([{RULE_OF_LAW_LEVELS}])(?:委员会|委)")
LIST_ITEM_BEFORE_RE = re.compile(r"[^、，,。；;：:\s]+$")  # one item of a 、-list, ending where the search ends
LONGEST_LIST_ITEM = 20
PLURAL_IN_ITEM_RE = re.compile(r"(?:各|有关|相关)(?:[省市区县州旗盟]|设区|地级)")  # 指导各设区市规划局
LONGEST_PLURAL_LIST = 10
PLURAL_BEFORE_RE = re.compile(r"(?:各|有关|相关|全国)(?:[省市区县州旗盟镇乡、,，()（）\s和及]|自治|行政公署|设区的?|地级以上|直管|试点)*$")  # 各市、县、自治县  # 全国农业农村厅局长会议: every such body


# 镇村两级便民服务中心, 县乡两级司法所: the bodies of every one of those tiers, no one body
TIERS_BEFORE_RE = re.compile(r"[两三四五]级$")
# 江夏、东西湖、新洲、汉南四区: short division names in a 、-list, then their count and level char
CHINESE_COUNTS = "两三四五六七八九十"  # from two: one name is no list
# 各县市区教育局, 各县(区)卫体局, 各市州工信委: one function's bodies at every division of a list of levels, a
# specific-function class (ANNOTATION.md keeps 教育部门, 公安机关) named by its words after 各. Only 各 and two
# or more levels together say it: 县区 alone may open a name (县区教育局 in a text cut at 各), and 各市 may be
# a city's own divisions' (各市直部门) or a misread of 各市场.
PLURAL_CLASS_RE = re.compile(r"(?P<each>各)(?P<levels>[市县区州旗盟](?:、?[市县区州旗盟]|[(（][市县区州旗、]+[)）])+)")
# 各乡镇司法所, 各镇(街道)综合行政执法队, 各乡镇文化站: one unit's bodies in every town of the tier, the same class
# (tests/gold/CONVENTIONS.md g) at the 乡镇 level; the units are the 乡镇 ones of data/agency_suffixes.tsv and the
# towns' 综合文化站 (《公共文化服务保障法》 2016) and 综合行政执法队 (the 2019 乡镇 reform), not their governments
TOWN_TIER_RE = re.compile(r"各(?P<levels>乡镇[(（]街道[)）]|乡[(（]镇、街道[)）]|乡镇街道|镇[(（]街道?[)）]|乡[(（]镇[)）]|乡镇|镇街|镇|乡)")
# 乡镇综合执法办公室, 镇街司法所 written without 各: the town tier right before a bare body (not in a town's own report)
TOWN_TIER_BEFORE_RE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[、，,。；;：:和及与在对由])|(?<=全[县区市旗]))"
                                 r"(?:乡镇|镇街|乡镇[(（]街道[)）]|镇[(（]街道?[)）])$")
TOWN_TIER_UNITS = ("综合文化站", "文化站", "综合行政执法队", "综合执法队")
TOWN_GENERAL_ORGANS = ("人民政府", "办事处", "委员会")


# A bare 教育局/住房公积金管理中心 in a text placed only in its province (对江苏工作重要讲话精神) is a city's or a
# county's: a province's own bureaus are written with 省 (省统计局), so the province does not qualify them.
LOCAL_HEADS = ("局", "中心")


@dataclass(frozen=True, slots=True)
class Qualifier:
    """How a bare level character is qualified: the name prefix, its level and its Region node."""

    prefix: str
    level: str
    node: str


@dataclass(frozen=True, slots=True)
class AgencyContext:
    """What a bare 省/市/区/县 prefix refers to in this report (None: the text does not fix it)."""

    province: Qualifier | None = None
    city: Qualifier | None = None
    county: Qualifier | None = None
    town: str | None = None  # a township's own report: its qualified name (…长宁区虹桥街道)
    prefecture: Qualifier | None = None  # the 地区 above (or of) the report, when the text names it: its 地委, 行署
    above_city: Qualifier | None = None  # the named 地级 division above a county-level city's report: its 支队

    def for_level_char(self, char: str) -> tuple[str | None, str | None, str | None]:
        """(name prefix, level, region node) for a bare 省/市/区/县/州/旗/盟."""
        found = self.province if char == "省" else self.city if char in "市州盟" else self.county
        if char in "旗盟州" and found is not None and not found.prefix.endswith(char):
            found = None  # 旗委 in a report of a 县: not that county's; 州政府 is no county-level city's
        if found is None:
            return None, {"省": "省", "市": "市", "州": "市", "盟": "市"}.get(char, "区县"), None
        return found.prefix, found.level, found.node

    @property
    def own(self) -> Qualifier | None:
        """The report's own level of government: what a bare 司法局 belongs to."""
        return self.county or self.city or self.province


def context_for(gazetteer: RegionGazetteer, entry: RegionEntry | None,
                named: Collection[RegionEntry] = ()) -> AgencyContext:
    """What 省/市/区 mean in a report of this region: the division itself and those above it that
    the text names (`named`). A province the text never names is not guessed from geography
    (ANNOTATION.md: 省委 in a text that never names the province stays as written), and in a
    county-level city's report 市委 is that city's own (东阳市委), not its prefecture's."""
    if entry is None:
        return AgencyContext()
    chain = [entry, *(e for e in gazetteer.ancestors(entry) if e in named)]
    by_level = {e.level: e for e in chain}

    def qualifier(e: RegionEntry | None) -> Qualifier | None:
        return Qualifier(name_prefix(gazetteer, e), e.level, node_name(gazetteer, e)) if e else None

    county = by_level.get("区县")
    city = county if county is not None and county.name.endswith("市") else by_level.get("市")
    province = by_level.get("省")
    if city is None and province is not None and province.name.endswith("市"):
        city = province  # 直辖市: 市委 is 北京市委
    prefecture = by_level.get("市")
    return AgencyContext(province=qualifier(province), city=qualifier(city), county=qualifier(county),
                         town=name_prefix(gazetteer, entry) if entry.level == "乡镇" else None,
                         prefecture=qualifier(prefecture) if prefecture and prefecture.name.endswith("地区") else None,
                         above_city=qualifier(prefecture) if city is county else None)


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class Prefix:
    start: int
    qualifier: str | None  # prepended to the name
    level: str | None
    explicit: bool         # the text wrote a region or a level char
    region: str | None     # the Region node the agency is located in (as written when scoped)
    scoped: bool = False   # qualified by a region the text does not resolve


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class AgencyHit:
    start: int
    end: int
    name: str
    level: str | None
    region: str | None
    generic: bool = False
    bare: bool = False  # written without a region or level prefix (发改局)
    scoped: bool = False  # its region is not fixed by the text (省委, 司法局): this report's body only
    core: str | None = None  # the name after a bare level char (市|教育局): for coordinated forms


@lru_cache(maxsize=1)
def stem_heads() -> dict[str, tuple[str, ...]]:
    """Each functional stem of data/agency_functions.tsv -> the heads it may take (empty: any)."""
    path = data_dir() / "agency_functions.tsv"
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    listed = {row[0].strip(): tuple(row[1].split("|")) if len(row) > 1 and row[1] else () for row in rows}
    return {**dict.fromkeys(merged_stems(), MERGED_HEADS), **listed}


MERGED_HEADS = ("局", "厅")  # a merged culture bureau is a government's bureau or a province's department
MAX_LATER_PARTS = 3


@lru_cache(maxsize=1)
def merged_stems() -> frozenset[str]:
    """文体和旅游, 文化旅游广电, 旅游和文化广电体育: the merged culture bureaus' stems, built from
    data/agency_merged_functions.tsv (a first part, one to three later parts in any order, at most one 和
    between two of them), since each government ordered and worded its bureau's functions its own way."""
    first, later = load_merged_function_parts()
    stems: set[str] = set()
    for opening in first:
        for size in range(1, MAX_LATER_PARTS + 1):
            for rest in permutations([part for part in later if part != opening], size):
                parts = (opening, *rest)
                stems.add("".join(parts))
                stems.update("".join(parts[:i]) + "和" + "".join(parts[i:]) for i in range(1, len(parts)))
    return frozenset(stems)


@lru_cache(maxsize=1)
def load_stems() -> tuple[str, ...]:
    stems = set(stem_heads())
    for short in load_agency_abbreviations():
        for head in HEADS:
            if short.endswith(head) and len(short) > len(head) + 1:
                stems.add(short[: -len(head)])
                break
    return tuple(sorted(stems, key=len, reverse=True))


@lru_cache(maxsize=1)
def stem_set() -> frozenset[str]:
    """load_stems() for membership tests (3,000 stems: a set built per call cost as much as the scan)."""
    return frozenset(load_stems())


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def township_heads() -> tuple[str, ...]:
    """Heads of units that exist only below a 乡镇 (司法所, 派出所): data/agency_suffixes.tsv level 乡镇."""
    return tuple(s.suffix for s in load_agency_suffixes() if s.level == "乡镇")


@lru_cache(maxsize=1)
def _town_tier_units() -> tuple[str, ...]:
    """The units a class of towns' bodies may name (司法所, 派出所, 文化站…), longest first."""
    units = {*TOWN_TIER_UNITS, *(h for h in township_heads() if not h.endswith(TOWN_GENERAL_ORGANS))}
    return tuple(sorted(units, key=len, reverse=True))


HALF_WIDTH_BRACKETS = str.maketrans("（）", "()")


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """Stems that make a specific-function generic reference: 市场监管 in 市场监管部门, 公安 in 公安机关."""
    stems = set()
    for phrase in load_agency_generic():
        for head in (*GENERIC_HEADS, "机构"):
            if phrase.endswith(head) and len(phrase) > len(head):
                stems.add(phrase[: -len(head)])
                break
    return frozenset(stems)


def _specific_function(stem: str, head: str) -> bool:
    """Whether stem + a generic head (部门, 主管部门, 机关) names one function: a listed reference (公安机关), or a
    listed function's stem before 部门 (林草主管部门); 组织机关, 政府部门 name none."""
    return stem + head in load_agency_generic() or (stem in generic_stems() and head != "机关")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    functional = re.compile(
        _after_optional_level("stem", load_stems())
        + rf"(?P<head>{_alternation(GENERIC_HEADS)}|{_alternation(HEADS)})"
    )
    organ_words = re.compile(_after_optional_level("organ", organs()))
    # not inside 依法治区委员会 (a commission's name) or 纪委委员 (a position)
    # (?<!治.) after the level char, not (?<!治) before it: a pattern that starts with a character
    # class lets sre skip in C to the next 省/市/区/县/州 (a leading look-behind cost 4x the scan)
    party = re.compile(rf"(?P<lvl>[{LEVEL_CHARS}])(?<!治.)委(?!员)(?P<sub>{_alternation(party_subs())})?")
    national = re.compile(_alternation(load_national_bodies()))
    return functional, organ_words, party, national


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where a functional body (市|公安|局), a government organ (市|人民政府), a township's organ
    (镇|人民政府) or a national body is written in `text`, as (start, end): the words alone, before
    any check of what stands around them (for telling a line break inside a name from one between
    words, extraction/linebreaks.py)."""
    functional, organs, _party, national = _patterns()
    return [m.span() for pattern in (functional, organs, BARE_TOWN_ORGAN_RE, national)
            for m in pattern.finditer(text)]


def _after_optional_level(group: str, words) -> str:
    """`(?P<lvl>[省市区县州])?(?P<group>words)`, fast: sre cannot skip ahead to a possible first
    character of a pattern that starts with an optional group, so a lookahead on the characters
    either part can start with rejects most positions in one test, and the words are a guarded
    trie (a flat alternation of the 200 stems was a quarter of the extraction time) behind a guard
    on the first two characters (a one-character guard let the trie walk at four times as many
    positions: a third of the functional scan)."""
    first = re.escape(LEVEL_CHARS) + chars_at(words, 0)
    return rf"(?=[{first}])(?P<lvl>[{LEVEL_CHARS}])?(?P<{group}>{guarded_trie_regex(words, width=2)})"


# the words a national body's name opens with before its function (国家统计局, 中国气象局)
NATIONAL_PREFIXES = ("国家", "中国")
MERGED_BUREAU_HEADS = ("局", "厅", "委", "委员会")  # a government's department: 民政和退役军人事务局
MERGED_PART_CHARS = 8  # the longest function before 和 read as a merged bureau's first part (退役军人事务)
JOINED_NAME_BEFORE_RE = re.compile(rf"[{LEVEL_CHARS}][^\W\d_A-Za-z的和与及在对将各全本我局委办厅院所部心队会站处府]{{2,6}}"
                                   r"[和与]$")
COMMISSION_SHORT = "委"
RULE_OF_LAW_OFFICE_RE = re.compile(rf"^(?:全面)?依法治([{RULE_OF_LAW_LEVELS}])(?:委员会)?(?:办公室|办)$")
# 依法治县委员会, 依法治旗委: the committee written without 全面 (the office's short forms are RULE_OF_LAW_OFFICE_RE's)
RULE_OF_LAW_COMMITTEE_RE = re.compile(rf"^(?:全面)?依法治([{RULE_OF_LAW_LEVELS}])(?:委员会|委)$")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return load_agency_abbreviations()


def _division_under(name: str, bureau: AgencyHit) -> str | None:
    """The node of the division `name` inside the bureau's region (增城区 under 广州市), if just one."""
    gazetteer = RegionGazetteer.default()
    parent = gazetteer.by_node(bureau.region) if bureau.region else None
    inside = [e for e in gazetteer.candidates(name) if parent is not None and parent in gazetteer.ancestors(e)]
    return node_name(gazetteer, inside[0]) if len(inside) == 1 else None


def expand_abbreviation(name: str) -> str:
    """人社局 → 人力资源和社会保障局 (data/agency_abbreviations.tsv); 依法治区办 → 全面依法治区委员会办公室."""
    office = RULE_OF_LAW_OFFICE_RE.match(name)
    if office:
        return f"全面依法治{office.group(1)}委员会办公室"
    full = _abbreviations().get(name)
    if full is not None:
        return full
    # 商务委, 工业和信息化委: a commission's name written with 委 for 委员会 (its 党组 is 委党组)
    return name + "员会" if name.endswith(COMMISSION_SHORT) and len(name) > len(COMMISSION_SHORT) + 1 else name


def qualified(qualifier: str | None, core: str) -> str:
    """Region + name; the bodies of a party committee carry it: 中共X市委全面依法治市委员会办公室, and
    县编办 is 中共X县委机构编制委员会办公室 (its official name since the 2018 reform)."""
    if not qualifier:
        return core
    committee = RULE_OF_LAW_COMMITTEE_RE.match(core)
    if committee:  # 依法治县委员会 written without 全面: the committee's official name has it
        core = f"全面依法治{committee.group(1)}委员会"
    if core.startswith(PARTY_COMMITTEE_BODIES) or core in PARTY_DEPARTMENTS:
        return f"中共{qualifier}委{core}"
    if core.startswith(REGION_PARTY_ORGANS):
        return f"中共{qualifier}{core}"
    return qualifier + core


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class RegionSpan:
    """A region name in the text as agency names use it. `node` is None when the text names a
    division it does not resolve (鼓楼街道, 市中区 with no city): an agency after it keeps the
    name as written and stands for this report's body only."""

    start: int
    level: str
    node: str | None
    prefix: str  # how it qualifies an agency: 杭州市上城区, or the words as written
    short: bool = False  # written as a short form (天津, 阿拉善): a body named with it keeps the words


def _listed_functions(match: re.Match[str]) -> list[AgencyHit]:
    """The bodies of one 公安、司法等部门 list: its known functions, and an item that is a short form of
    data/agency_abbreviations.tsv (市监: 市场监管部门). An item neither table knows (a local short form)
    is skipped, not a reason to drop the list's known bodies; the first item
    may carry the words before the list (联合公安), later ones must be a function and nothing else.
    Before 主管部门 the items may be any functional stem (规划、园林主管部门): that head names bodies only."""
    head = match.group(3) or match.group(4)
    stems = generic_stems() | stem_set() if match.group(4) else generic_stems()
    found: list[AgencyHit] = []
    pos = match.start(1)
    for i, part in enumerate(match.group(1).split("、")):
        stem = next((part[k:] for k in range(len(part) - 1) if part[k:] in stems), None)
        short = _abbreviations().get(part + head)  # 市监 → 市场监管部门 (a short form the table knows)
        if stem is not None and (i == 0 or stem == part):
            start = pos + len(part) - len(stem)
            # 教育、卫生健康等行政执法机关: 机关 only where a function's bodies are so called (公安机关), else 部门
            name = stem + head if head != "机关" or stem + head in load_agency_generic() else stem + "部门"
            found.append(AgencyHit(start, start + len(stem), name, None, None, generic=True))
        elif short is not None and short.endswith(head):
            found.append(AgencyHit(pos, pos + len(part), short, None, None, generic=True))
        pos += len(part) + 1
    return found


def _political_legal_bodies(text: str) -> list[AgencyHit]:
    """公检法司等部门 → 公安部门, 人民检察院, 人民法院, 司法部门 (ANNOTATION.md: coordinated forms name every body;
    法院 alone is the generic 人民法院), each on its own character."""
    out = []
    for match in POLITICAL_LEGAL_RE.finditer(text):
        head = POLITICAL_LEGAL_HEAD_RE.match(text, match.end())
        word = head.group(1) if head else "部门"
        out += [AgencyHit(match.start() + i, match.start() + i + 1, POLITICAL_LEGAL_BODIES[ch].format(word), None, None,
                          generic=True) for i, ch in enumerate(match.group(0))]
    return out


def _function_lists(text: str) -> list[re.Match[str]]:
    """FUNCTION_LIST_RE.finditer(text), run only on the runs of CJK and 、 that hold a list's end with a 、
    before it.

    Why: the pattern's {2,12} items are tried at every CJK character, where each attempt reads
    up to 12 characters and backtracks (1.1 ms per report, nearly always for no hit). A match
    cannot cross a character outside the run, and the pattern has no look-around, so searching
    each such run alone (pos/endpos) finds exactly the matches of the whole text. Most 部门 and
    机关 stand in no list: the run's start is found by one search back (RUN_TAIL_RE), and a run
    with no 、 before its end word is not searched.
    """
    found: list[re.Match[str]] = []
    if "、" not in text:
        return found
    run_end = 0
    for anchor in FUNCTION_LIST_END_RE.finditer(text):
        if anchor.start() < run_end:
            continue  # in the run searched already
        tail = RUN_TAIL_RE.search(text, max(run_end, anchor.start() - LONGEST_LIST_RUN), anchor.start())
        run_start = tail.start() if tail else anchor.start()
        if "、" not in text[run_start:anchor.start()]:
            continue
        run = CJK_RUN_RE.match(text, anchor.end())
        run_end = run.end() if run else anchor.end()
        found.extend(FUNCTION_LIST_RE.finditer(text, run_start, run_end))
    return found


class AgencyFinder:
    """Finds agency mentions in one report's normalised text."""

    def __init__(self, text: str, context: AgencyContext, region_spans: dict[int, RegionSpan]) -> None:
        # region_spans: by end offset, for the agency that may follow
        self.text = text
        self.context = context
        self.region_spans = region_spans
        # organs named inside a person's position (区司法局党委书记、局长…): no mention of the organ, but a
        # report's own leaders name the body reporting (see issuer.leaders_body)
        self.in_positions: list[AgencyHit] = []

    def find(self) -> list[AgencyHit]:
        functional, organs, party, national = _patterns()
        hits: list[AgencyHit] = []
        taken = TakenMask(len(self.text))
        for hit in self._town_organs():
            self._keep(hits, taken, hit)
        for match in FINANCIAL_BRANCH_RE.finditer(self.text):
            self._keep(hits, taken, self._financial_branch(match))
        national_names = load_national_bodies()
        for match in national.finditer(self.text):
            name = national_names[match.group(0)]
            self._keep(hits, taken, AgencyHit(match.start(), match.end(), name, "国家", None))
        for match in NATIONAL_NAMED_RE.finditer(self.text):
            if not NAMED_BODY_STOP.search(match.group(0)):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), match.group(0), "国家", None))
        for match in (*CENTRAL_BESIDE_COMMITTEES_RE.finditer(self.text), *CENTRAL_ALONE_RE.finditer(self.text),
                      *CENTRAL_TIERS_RE.finditer(self.text)):
            if not CENTRAL_MEETING_RE.match(self.text, match.end()):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), "中共中央", "国家", None))
        for match in CENTRAL_OFFICES_RE.finditer(self.text):
            for group, name in ((1, "中共中央办公厅"), (2, "国务院办公厅")):
                self._keep(hits, taken, AgencyHit(match.start(group), match.end(group), name, "国家", None))
        for match in YOUTH_LEAGUE_RE.finditer(self.text):
            self._keep(hits, taken, self._youth_league(match))
        if "共青团" in self.text:
            for hit in self._youth_league_full():
                self._keep(hits, taken, hit)
        if "委员会" in self.text:
            for hit in self._party_full_names():
                self._keep(hits, taken, hit)
        for match in party.finditer(self.text):
            self._keep(hits, taken, self._party(match))
        for match in _autonomous_party_re().finditer(self.text):
            self._keep(hits, taken, self._autonomous_party(match))
        for hit in self._prefecture_organs():
            self._keep(hits, taken, hit)
        if "届" in self.text:
            for match in TERM_ORGAN_RE.finditer(self.text):
                self._keep(hits, taken, self._organ_of_a_term(match))
        for match in organs.finditer(self.text):
            self._keep(hits, taken, self._organ(match))
        for hit in self._shared_prefix_items(hits):
            self._keep(hits, taken, hit)
        if "各" in self.text:
            for hit in self._plural_classes(functional) + self._town_tier_classes():
                self._keep(hits, taken, hit)
        for match in functional.finditer(self.text):
            body = self._functional(match)
            if body is None and match.group("head") in ENFORCEMENT_HEADS:  # 街道|综合行政执法大队: 街道 names no line
                team = functional.match(self.text, match.start("head"))
                body = self._functional(team) if team else None
            self._keep(hits, taken, body)
        for hit in self._own_organ_list():
            self._keep(hits, taken, hit)
        for match in BARE_ORGANS_RE.finditer(self.text):
            if not self._in_tier_list(match.start()):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), match.group(1), None, None, generic=True))
        for match in BARE_COURT_RE.finditer(self.text):
            if self._in_tier_list(match.start()):
                continue
            self._keep(hits, taken, AgencyHit(match.start(), match.end(), BARE_COURT_NAMES[match.group(0)], None,
                                              None, generic=True))
        if any(unit in self.text for unit in BARE_UNITS):  # its look-behind would be entered at every position
            for match in BARE_UNIT_RE.finditer(self.text):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), match.group(0), None, None,
                                                  generic=True))
        if "党校" in self.text:
            for match in TIERS_PARTY_SCHOOL_RE.finditer(self.text):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), match.group(0), None, None, generic=True))
            for match in BARE_PARTY_SCHOOL_RE.finditer(self.text):
                self._keep(hits, taken, AgencyHit(match.start(), match.end(), "党校", None, None, bare=True,
                                                  scoped=True))
        if "市民中心" in self.text:
            for match in CITIZEN_CENTRE_RE.finditer(self.text):
                self._keep(hits, taken, self._citizen_centre(match))
        if "中院" in self.text:
            for match in ORDINAL_COURT_RE.finditer(self.text):
                self._keep(hits, taken, self._ordinal_court(match))
        if "公检法" in self.text:
            for hit in _political_legal_bodies(self.text):
                self._keep(hits, taken, hit)
        if "法庭" in self.text or "公证处" in self.text:
            for match in NAMED_UNIT_RE.finditer(self.text):
                self._keep(hits, taken, self._named_unit(match))
        if "律师事务所" in self.text:  # the lazy {2,12}? would otherwise be tried at every CJK character
            for match in LAW_FIRM_RE.finditer(self.text):
                self._keep(hits, taken, self._law_firm(match))
        if "大学" in self.text:
            for match in UNIVERSITY_RE.finditer(self.text):
                self._keep(hits, taken, self._university(match))
        for end, span in sorted(self.region_spans.items(), reverse=True):  # the deepest region names it
            if span.node is not None:
                self._keep(hits, taken, self._named_body(end, span))
        for hit in self._committee_governments(hits):
            self._keep(hits, taken, hit)
        for hit in self._coordinated(hits) + self._coordinated_functions():
            self._keep(hits, taken, hit)
        hits.sort(key=lambda h: h.start)
        hits = _one_name_per_scoped_organ(self._second_nameplates(self._line_branches(_no_government_inside_an_office(hits))))
        hits = self._counted_divisions(hits)
        in_position = [bool(POSITION_AFTER_RE.match(self.text, h.end)) for h in hits]
        self.in_positions = [h for h, held in zip(hits, in_position, strict=True) if held]
        return [h for h, held in zip(hits, in_position, strict=True) if not held
                and not DOCUMENT_AFTER_RE.match(self.text, h.end) and not NOT_THE_ORGAN_AFTER_RE.match(self.text, h.end)
                and not self._own_town_meeting(h)
                and not (self.text.endswith(GOVERNMENT_REPORT[0], h.start, h.end)
                         and self.text.startswith(GOVERNMENT_REPORT[1], h.end))]

    def _own_town_meeting(self, hit: AgencyHit) -> bool:
        """党工委会议, 镇党委会议: a town's own committee written only as its meeting's owner is the issuer's
        meeting, not a mention. A county's or city's committee that holds a meeting (县委常委会会议, 市委全面依法治市
        工作会议, 省委十届十次全会) is mentioned: the committee that meets is named (CONVENTIONS a, e)."""
        return hit.level == "乡镇" and self.text.endswith(MEETING_OWNERS, hit.start, hit.end) \
            and MEETING_AFTER_RE.match(self.text, hit.end) is not None

    def _second_nameplates(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """区疾控中心(卫生监督所): a body written bare in brackets right after another is the same body's second
        nameplate (一个机构两块牌子), another mention of it; one written with its own level or region
        (省农业农村厅(省乡村振兴局)) keeps its own name, as two qualified names are two agencies."""
        out: list[AgencyHit] = []
        for hit in hits:
            last = out[-1] if out else None
            if last is not None and hit.bare and hit.start == last.end + 1 and self.text[last.end] in "(（" \
                    and self.text[hit.end:hit.end + 1] in (")", "）"):
                hit = AgencyHit(hit.start, hit.end, last.name, last.level, last.region, generic=last.generic,
                                scoped=last.scoped)
            out.append(hit)
        return out

    def _coordinated(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """省、市教育局 and 永昌县、金川区人民政府 name two bodies each (ANNOTATION.md: coordinated
        forms name every body): level characters or resolved regions joined by 、 before a name, and
        resolved regions joined by 和/及/与 (金山区和崇明区市场监管局; a bare 省和市 is too often two
        subjects of a sentence). 省人大及其常委会 names the congress and its standing committee."""
        out = [self._standing_committee(hit) for hit in hits if hit.core == "人民代表大会"
               and self.text.startswith("及其常委会", hit.end)]
        for hit in hits:
            pos = hit.start
            while hit.core and pos >= 2 and (self.text[pos - 1] == "、" or self._region_joined(pos - 1)):
                before = self._coordinated_before(pos - 1, hit.core)
                if before is None:
                    break
                out.append(before)
                pos = before.start
            if hit.core and self._superiors_before(hit.start):
                out.append(self._coordinated_before(hit.start, hit.core))  # type: ignore[arg-type]
            elif self.text.startswith("省市委", hit.start - 1) and hit.end == hit.start + 2:
                out.append(self._province_committee(hit.start - 1))
        return out

    def _province_committee(self, at: int) -> AgencyHit:
        """The 省 of 省市委 (党中央、省市委的部署): the province's party committee, 委 shared with the city's."""
        qualifier, level, node = self.context.for_level_char("省")
        name = f"中共{qualifier}委员会" if qualifier else "省委"
        return AgencyHit(at, at + 1, name, level, node, scoped=qualifier is None)

    def _superiors_before(self, start: int) -> bool:
        """省市气象局, 省市交通运输主管部门 in a county's or town's report: the two levels above it, written
        without 、, are the report's superior bodies, two of them (ANNOTATION.md: coordinated forms name every
        body); in a city's or province's report 省市/市县 are tiers (市县教育局: every body of each)."""
        own = self.context.own
        return self.text.startswith("省市", start - 1) and start not in self.region_spans \
            and (own is None or own.level in ("区县", "乡镇") or self.context.town is not None)

    def _counted_divisions(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """江夏、东西湖、新洲、汉南四区农业综合执法大队: short names of the report's city's districts (or
        counties), counted, before one body written with their level char, name that body in each of them
        (ANNOTATION.md: coordinated forms name every body); only when every name is one such division and
        the count agrees, else the hit stays as it was."""
        out = []
        for hit in hits:
            listed = self._counted_list_before(hit)
            out.extend(listed or [hit])
        return out

    def _counted_list_before(self, hit: AgencyHit) -> list[AgencyHit]:
        lvl, count_at = self.text[hit.start:hit.start + 1], hit.start - 1
        city = self.context.city
        if not hit.core or lvl not in "区县" or city is None or city.level != "市" or count_at < 0 \
                or self.text[count_at] not in CHINESE_COUNTS:
            return []
        gazetteer = RegionGazetteer.default()
        parent = gazetteer.by_node(city.node)
        out: list[AgencyHit] = []
        end = count_at
        while parent is not None:
            entry, size = self._division_ending_at(gazetteer, parent, end, lvl)
            if entry is None:
                return []
            out.insert(0, AgencyHit(end - size, end, qualified(name_prefix(gazetteer, entry), hit.core), "区县",
                                    node_name(gazetteer, entry)))
            if self.text[end - size - 1:end - size] != "、":
                break
            end -= size + 1
        wanted = CHINESE_COUNTS.index(self.text[count_at]) + 2
        return out if len(out) == wanted else []

    def _division_ending_at(self, gazetteer: RegionGazetteer, parent: RegionEntry, end: int,
                            lvl: str) -> tuple[RegionEntry | None, int]:
        """The one district (or county) of `parent` whose short name, written without its level char, ends at `end`."""
        for size in (3, 2):
            inside = [e for e in gazetteer.candidates(self.text[end - size:end] + lvl)
                      if e.level == "区县" and gazetteer.parent_of(e) == parent]
            if size <= end and len(inside) == 1:
                return inside[0], size
        return None, 0

    def _plural_classes(self, functional: re.Pattern[str]) -> list[AgencyHit]:
        """各县市区教育局, 各县(区)卫体局: a functional body after 各 and levels (PLURAL_CLASS_RE) is the class
        of that function's bodies at those levels, kept as written; not a government or party committee
        (各县(区)人民政府, 县区党委: every body of those tiers, no function named)."""
        out = []
        for match in PLURAL_CLASS_RE.finditer(self.text):
            levels = match.group("levels")
            closed = levels[-1] not in LEVEL_CHARS  # 县(区)|人社局; else 县市|区人社局, the last level char the name's own
            body = functional.match(self.text, match.end() if closed else match.end() - 1)
            if body is None or (body.group("lvl") is None) != closed or body.group("head") in GENERIC_HEADS:
                continue
            heads = stem_heads().get(body.group("stem"))
            if heads and body.group("head") not in heads:
                continue
            start = match.start("levels")
            out.append(AgencyHit(start, body.end(), self.text[start:body.end()], None, None, generic=True))
        return out

    def _town_tier_classes(self) -> list[AgencyHit]:
        """各乡镇司法所, 各镇(街道)综合执法队: a 乡镇 unit after 各 and the town tier is that unit's class, kept in its
        words without 各 (the tier's governments, 各乡镇人民政府, are every town's general organ: no class)."""
        out = []
        for match in TOWN_TIER_RE.finditer(self.text):
            unit = next((u for u in _town_tier_units() if self.text.startswith(u, match.end())), None)
            if unit is not None:
                words = match.group("levels").translate(HALF_WIDTH_BRACKETS) + unit
                out.append(AgencyHit(match.start("levels"), match.end() + len(unit), words, None, None, generic=True))
        return out

    def _in_tier_list(self, start: int) -> bool:
        """A bare organ after 同级/上一级/各级 in its clause (向同级党委、人大常委会报告): every tier's own organ."""
        return bool(TIER_LIST_BEFORE_RE.search(self.text, max(0, start - 16), start))

    def _own_organ_list(self) -> list[AgencyHit]:
        """人大、政协、监委、法院、检察院 written bare as one list, in a report whose own level the text fixes:
        that level's organs (the region is written once for the report, as 我区 is)."""
        own = self.context.own
        if own is None or "、" not in self.text:
            return []
        out = []
        for match in OWN_ORGAN_LIST_RE.finditer(self.text):
            items = match.group(0).split("、")
            before = self.text[match.start() - 1:match.start()]
            if not {"人大", "人大常委会", "政协"} & set(items) or (before and before in LEVEL_CHARS) \
                    or match.start() in self.region_spans:
                continue
            pos = match.start()
            for item in items:
                organ = OWN_ORGAN_ITEMS[item]
                name = f"中国人民政治协商会议{own.prefix}委员会" if organ == "政协" else own.prefix + organ
                out.append(AgencyHit(pos, pos + len(item), name, own.level, own.node))
                pos += len(item) + 1
        return out

    def _committee_governments(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """自治区党委、政府, 镇党委政府, 区委政府: the 政府 written after a party committee is the government
        of the committee's region (a street's is its 办事处), named once for the pair."""
        out = []
        for hit in hits:
            after = GOVERNMENT_AFTER_COMMITTEE_RE.match(self.text, hit.end)
            scoped = SCOPED_COMMITTEE_RE.fullmatch(hit.name) if hit.scoped else None
            if after is not None and scoped is not None:  # 自治区党委、政府 in a text that never names it: as written
                out.append(AgencyHit(after.start(1), after.end(1), scoped.group("level") + "政府", hit.level, None,
                                     scoped=True))
            party = PARTY_COMMITTEE_NAME_RE.fullmatch(hit.name)
            if after is None or party is None or hit.scoped:
                continue
            region = party.group("region")
            name = region + ("办事处" if party.group("work") else "人民政府")
            out.append(AgencyHit(after.start(1), after.end(1), name, hit.level, hit.region))
        return out

    def _coordinated_functions(self) -> list[AgencyHit]:
        """公安、司法等部门 → 公安部门 and 司法部门 (ANNOTATION.md): every listed function is a known
        functional stem (the words before the first one, 会同…, are not part of it)."""
        return [self._at_listed_level(hit, match.group(2)) for match in _function_lists(self.text)
                for hit in _listed_functions(match)]

    def _at_listed_level(self, hit: AgencyHit, lvl: str | None) -> AgencyHit:
        """公安部门 of 公安、司法等市级部门: that level's body, qualified as 市公安局 would be."""
        if lvl is None:
            return hit
        qualifier, level, node = self.context.for_level_char(lvl)
        name = qualified(qualifier, hit.name) if qualifier else lvl + hit.name
        return AgencyHit(hit.start, hit.end, name, level, node, generic=True, scoped=qualifier is None)

    def _shared_prefix_items(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """The organs listed after a region's organ (自治区人大常委会、政府、政协、高级法院) are that region's
        too: the prefix is written once for the list, so they are not the generic 政协, 人民检察院."""
        out = []
        for hit in hits:
            if hit.scoped or hit.core not in _shared_prefix_cores() or not hit.name.endswith(hit.core):
                continue
            qualifier, pos = hit.name[:-len(hit.core)], hit.end
            while (item := _shared_prefix_item_re().match(self.text, pos)) is not None:
                organ = organs()[item.group(1)]
                name = f"中国人民政治协商会议{qualifier}委员会" if organ == "政协" else qualifier + organ
                out.append(AgencyHit(item.start(1), item.end(1), name, hit.level, hit.region))
                pos = item.end()
        return out

    def _region_joined(self, joiner: int) -> bool:
        """和/及/与 at `joiner` right after a resolved region name."""
        span = self.region_spans.get(joiner)
        return self.text[joiner] in "和及与" and span is not None and span.node is not None

    def _standing_committee(self, congress: AgencyHit) -> AgencyHit:
        """The 常委会 of 省人大及其常委会: the same region's 人民代表大会常务委员会."""
        start = congress.end + len("及其")
        return AgencyHit(start, start + len("常委会"), congress.name + "常务委员会", congress.level, congress.region,
                         scoped=congress.scoped)

    def _coordinated_before(self, end: int, core: str) -> AgencyHit | None:
        """The body named by the level character or region that ends at `end`, with `core`."""
        span = self.region_spans.get(end)
        if span is not None and span.node is not None:
            start = self._chain_start(span.start)
            return AgencyHit(start, end, qualified(span.prefix, core), span.level, span.node)
        lvl = self.text[end - 1]
        if lvl not in LEVEL_CHARS:
            return None
        qualifier, level, node = self.context.for_level_char(lvl)
        name = qualified(qualifier, core) if qualifier else lvl + core
        return AgencyHit(end - 1, end, name, level, node, scoped=qualifier is None)

    def _town_organs(self) -> list[AgencyHit]:
        """许疃镇党委 after a town's name; in a town's own report also the bare 镇党委, 街道办事处."""
        out = self._town_rule_of_law_bodies()
        for end, span in self.region_spans.items():
            organ = TOWN_ORGAN_RE.match(self.text, end) if span.level == "乡镇" else None
            if organ is None or (organ.group(0) == "委" and (span.prefix.endswith("街道")
                                                              or self.text.startswith("员", organ.end()))):
                continue  # 镇委员: a member; a 街道 has a 工委, not a 委
            start = self._town_start(span.start)
            if organ.group(0) in PARTY_FULL_ORGANS:  # 中共蒙城县许疃镇委员会: the full name of its 党委
                if not self.text.startswith("中共", start - 2):
                    continue
                start -= 2
            name = _town_organ_name(organ.group(0), span.prefix)
            out.append(AgencyHit(start, organ.end(), name, "乡镇", span.node or span.prefix, scoped=span.node is None))
        town = self.context.town
        if town is None:
            return out
        for match in BARE_TOWN_ORGAN_RE.finditer(self.text):
            if _own_kind(town, match.group("kind")) and self._bare_town_kind(match):
                name = _town_organ_name(match.group("organ"), town)
                out.append(AgencyHit(match.start(), match.end(), name, "乡镇", town))
        for match in TOWN_BARE_PARTY_RE.finditer(self.text):
            if town.endswith("街道") and match.group(0) == "党委":
                continue  # a street's committee is its 党工委: a bare 党委 there is any 党委(党组)
            out.append(AgencyHit(match.start(), match.end(), TOWN_ORGANS[match.group(0)].format(town), "乡镇", town))
        return out

    def _bare_town_kind(self, match: re.Match[str]) -> bool:
        """镇党委, 街道办事处 written with the kind alone, not the end of another town's name (古城镇党委).
        镇委 (镇委宣讲团) follows any word, as no phrase ends in 镇委, but not inside a town name the
        table knows (that town's 委 is read with its name); a 街道 has a 工委, and 镇委员 is a member."""
        if match.group("organ") != "委":
            before = self.text[match.start() - 1:match.start()]
            return (not before or before in NOT_A_NAME_BEFORE or self.text.endswith(VERBS_BEFORE_A_BODY, 0, match.start())
                    or match.group("organ") in ("党委", "党工委") and _after_a_word(self.text, match))
        if match.group("kind") in ("街道", "街") or self.text.startswith("员", match.end()):
            return False
        return not any(span.start < match.start() < end for end, span in self.region_spans.items())

    def _town_rule_of_law_bodies(self) -> list[AgencyHit]:
        """In a town's own report, 镇党委全面依法治镇委员会: the town's name and the words after its kind."""
        town = self.context.town
        if town is None or "依法治" not in self.text:
            return []
        return [AgencyHit(m.start(), m.end(), town + self.text[m.end("kind"):m.end()], "乡镇", town)
                for m in TOWN_RULE_OF_LAW_RE.finditer(self.text) if town.endswith(m.group("kind"))]

    def _line_branches(self, hits: list[AgencyHit]) -> list[AgencyHit]:
        """Bodies named after the line they belong to, as one: 国家税务总局泰顺县税务局 (a county's tax
        bureau under the national administration) and 温州市生态环境局泰顺分局 (a city bureau's branch
        in a county, named by the county's name)."""
        out: list[AgencyHit] = []
        for hit in hits:
            last = out[-1] if out else None
            if last is not None and last.name in LINE_HEADS and last.end == hit.start \
                    and hit.name.endswith(LINE_HEADS[last.name]) and not hit.scoped:
                out[-1] = AgencyHit(last.start, hit.end, last.name + hit.name, hit.level, hit.region)
                continue
            unit = _unit_of(last, hit) if last is not None else None
            if unit is not None:
                out[-1] = unit
                continue
            out.append(_under_its_line(hit))
            if hit.name.endswith("局") and not hit.scoped and hit.region:
                branch = self._branch_after(hit)
                if branch is not None:
                    out[-1] = branch
        return out

    def _branch_after(self, bureau: AgencyHit) -> AgencyHit | None:
        """温州市生态环境局|泰顺|分局: a division's name (full or short) and 分局 right after a bureau."""
        match = BRANCH_RE.match(self.text, bureau.end)
        if match is None:
            return None
        span = self.region_spans.get(match.end(1))
        name = bureau.name + match.group(1) + "分局"
        if span is not None and span.start == bureau.end and span.node is not None:
            return AgencyHit(bureau.start, match.end(), name, span.level, span.node)
        if BRANCH_DIVISION_RE.fullmatch(match.group(1)):  # 上城区分局: the scanner drops 上城区 before 分 (区分)
            return AgencyHit(bureau.start, match.end(), name, "区县", _division_under(match.group(1), bureau))
        # 九江市生态环境局修水分局: a county's short name the scanner drops before 分 (水分), the one county
        # of the bureau's city so named
        county = next(filter(None, (_division_under(match.group(1) + level, bureau) for level in "县区市旗")), None)
        return AgencyHit(bureau.start, match.end(), name, "区县", county) if county else None

    @staticmethod
    def _keep(hits: list[AgencyHit], taken: TakenMask, hit: AgencyHit | None) -> None:
        """Earlier, more specific patterns win: a span already taken is not matched again."""
        if hit is not None and taken.take_if_free(hit.start, hit.end):
            hits.append(hit)

    def _prefix(self, match: re.Match[str]) -> Prefix | None:
        """Where the name starts and how it is qualified; None for plural forms (各市…)."""
        start = match.start()
        lvl = match.group("lvl")
        if PLURAL_BEFORE_RE.search(self.text, max(0, start - 12), start) or self._in_plural_list(start) \
                or TIERS_BEFORE_RE.search(self.text, max(0, start - 2), start):
            return None
        if lvl and start > 0 and self.text[start - 1] in "省市县区" and start not in self.region_spans \
                and not self._superiors_before(start):
            return None  # 省市县政府机构改革, 市县教育局: the tiers of government, every body of each
        # The region may end right before the match, or with the match's level char (韶关|市|司法局).
        region = self.region_spans.get(start) or (lvl and self.region_spans.get(start + 1))
        if region and region.short and lvl and self.region_spans.get(start) is region \
                and not region.prefix.endswith(lvl):  # 株洲|县: not 株洲市, a county the table lacks
            written = self.text[region.start:start + 1]
            return Prefix(self._chain_start(region.start), written, "区县" if lvl in "区县" else None, True,
                          written, scoped=True)
        if region:
            return Prefix(self._chain_start(region.start), region.prefix, region.level, True,
                          region.node or region.prefix, scoped=region.node is None)
        through = None if lvl else self._through_government(start)
        if through:
            return through
        committee = self._committee_before(start, lvl) if lvl else None
        if committee is not None:
            return committee
        national = next((word for word in NATIONAL_PREFIXES if not lvl and self.text.startswith(word, start - len(word))),
                        None)
        if national is not None:  # 国家统计局, 中国气象局: national, never 韶关市统计局
            return Prefix(start - len(national), national, "国家", True, None)
        if lvl == "区" and self.text.startswith("自治", start - 2):  # 自治区政府: the region's own, a province
            province = self.context.province
            if province is None:
                return Prefix(start - 2, None, "省", True, None)
            return Prefix(start - 2, province.prefix, province.level, True, province.node)
        unlisted = self._unlisted_division(start, lvl) if lvl else None
        if unlisted is not None:
            return unlisted
        if lvl == "市" and self._prefecture_squad(match):
            above = self.context.above_city
            return Prefix(start, above.prefix, above.level, True, above.node) if above \
                else Prefix(start, None, "市", True, None)
        if lvl:
            qualifier, level, node = self.context.for_level_char(lvl)
            return Prefix(start, qualifier, level, True, node)
        return Prefix(start, None, None, False, None)

    def _prefecture_squad(self, match: re.Match[str]) -> bool:
        """市消防救援支队 in a county-level city's report (平湖市 has a 大队): a 支队 is the squad of a 地级
        division (总队 a province's, 支队 a 地级市's, 大队 a county's), so 市 is the prefecture above, not the
        report's own 市; kept as written when the text never names that prefecture."""
        head = match.groupdict().get("head") or ""
        city = self.context.city
        return head.endswith("支队") and city is not None and city == self.context.county

    def _in_plural_list(self, start: int) -> bool:
        """各设区市建设局、规划局、房管局: a 、-list whose first item is plural names every such body; its
        later items are not the report's own (江西省规划局)."""
        pos = start
        for _ in range(LONGEST_PLURAL_LIST):
            if self.text[pos - 1:pos] != "、":
                return False
            item = LIST_ITEM_BEFORE_RE.search(self.text, max(0, pos - 1 - LONGEST_LIST_ITEM), pos - 1)
            if item is None:
                return False
            pos = item.start()
            if PLURAL_BEFORE_RE.search(self.text, max(0, pos - 12), pos) or PLURAL_IN_ITEM_RE.search(item.group(0)):
                return True
        return False

    def _committee_before(self, start: int, lvl: str) -> Prefix | None:
        """贵阳市委、市政府, 湛江市委市政府: the government written after a named region's party committee
        is that region's (the pair is one formula), not the report's own 市 (a county-level 清镇市)."""
        end = start - 1 if self.text[start - 1:start] == "、" else start
        if not self.text.startswith("委", end - 1):
            return None
        region = self.region_spans.get(end - 1)
        if region is None or region.node is None or not region.prefix.endswith(lvl):
            return None
        return Prefix(start, region.prefix, region.level, True, region.node)

    def _unlisted_division(self, start: int, lvl: str) -> Prefix | None:
        """株洲县人民政府, 呼中区教育局 opening a line (a title, a signature): a division the table lacks
        (abolished, renamed, or an administrative area) is the name's region as written, never cut to
        the report's 县政府/区教育局."""
        line_end = self.text.find("\n", start)
        if any(mark in self.text[start:line_end if line_end >= 0 else None] for mark in "，,。；;:："):
            return None  # a sentence of the body (现将市人社局…), not a title or signature line
        for size in (2, 3, 4):
            name_start = start - size
            if name_start < 0 or (name_start > 0 and self.text[name_start - 1] not in LINE_OPENERS):
                continue
            written = self.text[name_start:start]
            if written in _metadata_fields():
                continue  # 发布机构  州政府: a page's metadata field before its value, no place
            if UNLISTED_NAME_RE.fullmatch(written) and not (lvl == "区" and written.endswith(ZONE_SHORT_ENDS)):
                level = "省" if lvl == "省" else "市" if lvl in "市州盟" else "区县"
                return Prefix(name_start, written + lvl, level, True, written + lvl, scoped=True)
        return None

    def _through_government(self, start: int) -> Prefix | None:
        """省政府法制办, 石家庄市政府法制办: an office named through its government is that government's,
        at the level the text says — not the report's own level."""
        for word in ("人民政府", "政府"):
            gov = start - len(word)
            if gov < 1 or not self.text.startswith(word, gov):
                continue
            region = self.region_spans.get(gov)
            if region:  # the span stays the office's own words: the government before it is its own hit
                return Prefix(start, region.prefix, region.level, True, region.node or region.prefix,
                              scoped=region.node is None)
            if self.text.startswith("自治区", gov - 3):  # 自治区人民政府法制办: the region's own, a province
                province = self.context.province
                return Prefix(start, province.prefix if province else "自治区", "省", True,
                              province.node if province else None, scoped=province is None)
            if self.text[gov - 1] in "省市县区":
                qualifier, level, node = self.context.for_level_char(self.text[gov - 1])
                if qualifier is None:  # 省政府法制办 in a text that never names the province: 省…, as written
                    return Prefix(start, self.text[gov - 1], level, True, None, scoped=True)
                return Prefix(start, qualifier, level, True, node)
        return None

    def _town_start(self, start: int) -> int:
        """A town's body may be named through its district's government: 西城区人民政府广安门内街道办事处."""
        for gap in ("人民政府", "政府"):
            if self.text.startswith(gap, start - len(gap)) and start - len(gap) in self.region_spans:
                return self._chain_start(start - len(gap))
        return self._chain_start(start)

    def _chain_start(self, start: int) -> int:
        """北京市海淀区…: the name starts at the first of adjacent region names."""
        while start in self.region_spans:
            start = self.region_spans[start].start
        return start

    def _functional(self, match: re.Match[str]) -> AgencyHit | None:
        prefix = self._prefix(match)
        if prefix is None:
            return self._plural_generic(match)
        core = match.group("stem") + match.group("head")
        heads = stem_heads().get(match.group("stem"))
        if heads and match.group("head") not in heads:
            return None  # 组织|局机关干部, 组织|中心组学习: the stem is a verb here
        if match.group("head") == "中心" and CENTRAL_TASK_RE.match(self.text, match.end()):
            return None  # 街道中心工作: the central task, not a 中心
        if match.group("head") == "局" and self.text.startswith(BUREAU_WORD_ENDS, match.end()):
            return None  # 经济发展局面, 安全局势: 局 opens the next word
        if match.group("head") == "部" and self.text.startswith(("署", "分"), match.end()):
            return None  # 组织|部署, 执法|部分: 部 opens the next word
        if match.group("head") == "委" and self.text.startswith(NOT_A_COMMITTEE_AFTER, match.end()):
            return None  # 政法委员, 纪委委员: a position, not 政法委员会
        if match.group("head") == "队" and (not match.group("stem").endswith(TEAM_STEM_END)
                                           or self.text.startswith(NOT_A_TEAM_AFTER, match.end())):
            return None  # 执法队伍, 消防队员: no team named
        if match.group("head") == "办" and OFFICE_VERB_RE.match(self.text, match.end()):
            return None  # 政务服务办件, 市场监管办理: 办 is the verb, not an office's 办
        if match.group("head") in GENERIC_HEADS:
            if not _specific_function(match.group("stem"), match.group("head")):
                return None  # 组织机关, 政府部门: no specific function
            name = (prefix.qualifier + core) if prefix.qualifier else self.text[prefix.start:match.end()]
            return AgencyHit(prefix.start, match.end(), name, prefix.level, prefix.region, generic=True,
                             scoped=prefix.scoped, core=core if match.group("lvl") else None)  # 省、市公安部门
        if not self._official_as_written(match, core, prefix):
            core = expand_abbreviation(core)
        if core.startswith(NATIONAL_STARTS):  # 中央依法治国办, 市场监管总局: national, never a local body
            return AgencyHit(match.start(), match.end(), core, "国家", None)
        if prefix.level == "国家":
            return AgencyHit(prefix.start, match.end(), (prefix.qualifier or "国家") + core, "国家", None)
        if not prefix.explicit and match.group("stem") in PREFIXED_ONLY_STEMS:
            return None
        if not prefix.explicit and match.group("head") == "分局":
            return None  # 税务分局 alone: a branch of a bureau the text does not name
        if not prefix.explicit and match.group("head") in NATIONAL_HEADS:  # 税务总局, 审计署: only national
            return AgencyHit(prefix.start, match.end(), NATIONAL_HEADS[match.group("head")] + core, "国家", None)
        if not prefix.explicit:
            if self.text.startswith(ONLINE_SERVICE_BEFORE, prefix.start - 2):
                return None  # 电子税务局: an online service
            if self._inside_a_joined_name(prefix.start):  # 数据和|政务服务局: the end of a merged name
                return self._merged_bureau(match)
            tier = TOWN_TIER_BEFORE_RE.search(self.text, max(0, prefix.start - 8), prefix.start)
            if tier is not None and self.context.town is None:  # 乡镇综合执法办公室: every town's, a class in its words
                return AgencyHit(tier.start(), match.end(), self.text[tier.start():match.end()], None, None, generic=True)
            if core.endswith("部") and core not in PARTY_DEPARTMENTS:
                return AgencyHit(prefix.start, match.end(), core, "国家", None)  # 司法部, 工业和信息化部
            if COUNT_AFTER_RE.match(self.text, match.end()):
                return None
            if self.text.startswith(CENTRES_AND_STATIONS, match.end()):  # every level's centre: a kind, as written
                return AgencyHit(prefix.start, match.end(), core, None, None, generic=True)
            bare = self._bare_prefix(prefix.start, core)
            return AgencyHit(bare.start, match.end(), qualified(bare.qualifier, core), bare.level, bare.region,
                             bare=True, scoped=bare.qualifier is None)
        lvl_core = core  # for the coordinated forms before it (省、市教育局; 永昌县、金川区…)
        if not prefix.qualifier:  # 省公安厅 in a text that never names the province: as written
            level_word = self.text[prefix.start:match.start("stem")]  # 省, or 自治区
            if (core.startswith(PARTY_COMMITTEE_BODIES) or core in PARTY_DEPARTMENTS) and not level_word.endswith("委"):
                level_word += "委"  # 县依法治县办: the county committee's office, 县委全面依法治县委员会办公室
            return AgencyHit(prefix.start, match.end(), level_word + core, prefix.level, None,
                             scoped=True, core=lvl_core)
        return AgencyHit(prefix.start, match.end(), qualified(prefix.qualifier, core), prefix.level,
                         prefix.region, scoped=prefix.scoped, core=lvl_core)

    def _plural_generic(self, match: re.Match[str]) -> AgencyHit | None:
        """各级林草主管部门, 省市交通运输主管部门, 各市州工信部门: a specific-function generic reference after a plural
        word or a run of levels is that function's bodies at those levels, a class kept in its words without 各 or
        各级 (data/agency_generic.tsv: quantifiers in front do not change the function; tests/gold/CONVENTIONS.md g:
        the levels are kept); any other body after them is every such body, none named."""
        if match.group("head") not in GENERIC_HEADS or not _specific_function(match.group("stem"), match.group("head")):
            return None
        start = match.start("stem")
        while start > 0 and self.text[start - 1] in LEVEL_CHARS:
            start -= 1
        return AgencyHit(start, match.end(), self.text[start:match.end()], None, None, generic=True)

    def _inside_a_joined_name(self, start: int) -> bool:
        """市数据和政务服务局: a bare body after a level char, a word and 和/与 is the last part of one merged name of
        that level's body, not a body of its own (the stems lack the first part); 领导和依法治区办, 与编办 join words."""
        return JOINED_NAME_BEFORE_RE.search(self.text, max(0, start - 9), start) is not None

    def _merged_bureau(self, match: re.Match[str]) -> AgencyHit | None:
        """县民政和退役军人事务局, 市教育和科技局, 区农业农村与水利局: the county reforms of 2019 and 2024 merged
        two departments into one bureau named by both functions, in the government's own pairing (too many to
        list as stems). Where the word before 和/与 is itself a listed function and a region or level char opens
        the name, the name from there to the head is the merged bureau's; without that prefix (联合市场监管和税务局)
        it may be two bodies, and (数据和|政务服务局) the stems may lack the first part: no body is named."""
        joiner = match.start()
        head = match.group("head")
        if head not in MERGED_BUREAU_HEADS or not self.text.startswith(("和", "与"), joiner - 1):
            return None
        for size in range(MERGED_PART_CHARS, 1, -1):
            first = self.text[max(0, joiner - 1 - size):joiner - 1]
            if len(first) == size and first in stem_set() and head in (stem_heads().get(first) or (head,)):
                start = joiner - 1 - size
                start -= start > 0 and self.text[start - 1] in LEVEL_CHARS
                merged = re.compile(rf"(?P<lvl>[{LEVEL_CHARS}])?(?P<stem>{re.escape(self.text[joiner - 1 - size:joiner])}"
                                    rf"{re.escape(match.group('stem'))})(?P<head>{re.escape(head)})")
                found = merged.match(self.text, start)
                body = self._functional(found) if found else None
                return body if body is not None and not body.bare else None  # 联合市场监管和税务局: two bodies
        return None

    def _official_as_written(self, match: re.Match[str], core: str, prefix: Prefix) -> bool:
        """重庆市长寿区交通局: a short form that is also an official name (data/agency_abbreviations.tsv),
        written after its region's own name, is that body's name, and so is the same body's 区交通局 in a
        text that writes that name; 区交通局 or 交通局 alone is expanded."""
        if core not in load_official_short_forms():
            return False
        if prefix.qualifier and prefix.qualifier.startswith(load_local_official_names().get(core, ())):
            return True  # 市交通局 in a 重庆 report: the body's official name there
        region = self.region_spans.get(match.start())
        if region is None and match.group("lvl"):
            region = self.region_spans.get(match.start() + 1)
        if region is not None and region.node is not None:
            return True
        own = self.context.own
        node = prefix.region if prefix.explicit else own.node if own is not None else None
        return node is not None and node + core in self.text

    def _bare_prefix(self, start: int, core: str) -> Prefix:
        """A bare 司法局 refers to the report's own level of government — not a bare 司法所, which
        belongs to some 乡镇 the text does not say, nor the 22个派出所 a count makes several, nor a
        综合执法大队, which a county and each of its towns may have."""
        own = self.context.own
        town = self._own_town_before(start)
        if town is not None:
            return town
        tier = RULE_OF_LAW_TIER_RE.match(core)
        if tier is not None:  # 全面依法治市办 in a county's report: the city's, by its own word
            qualifier, level, node = self.context.for_level_char(tier.group(1))
            return Prefix(start, qualifier, level, False, node)
        if self.context.town is not None:  # a town's report: a bare 司法局 is not the town's, and the text does
            own = None                      # not say whose (the district's, the city's): as written
        if core.endswith("厅") and not core.endswith(OFFICE_HALLS):
            own = self.context.province  # 教育厅 is a province's department: never a city's, whatever the report
        if own is not None and own.level == "省" and not own.prefix.endswith("市") and core.endswith(LOCAL_HEADS):
            own = None  # a province's departments are 厅/委 and write 省: a bare 教育局 is some city's or county's
        if own is None or core.endswith(township_heads()) or core.endswith(SQUAD_HEADS) \
                or COUNT_BEFORE_RE.search(self.text, max(0, start - 6), start):
            return Prefix(start, None, None, False, None)
        return Prefix(start, own.prefix, own.level, False, own.node)

    def _own_town_before(self, start: int) -> Prefix | None:
        """镇综合行政执法大队, 镇公共法律服务中心 in a township's own report: the unit is the town's (its kind
        written alone, not the end of another town's name)."""
        town = self.context.town
        if town is None:
            return None
        for kind in OWN_TOWN_KINDS:
            kind_start = start - len(kind)
            if _own_kind(town, kind) and self.text.startswith(kind, kind_start) \
                    and (kind_start == 0 or self.text[kind_start - 1] in NOT_A_NAME_BEFORE):
                return Prefix(kind_start, town, "乡镇", False, town)
        return self._own_town_short_before(start, town)

    def _own_town_short_before(self, start: int, town: str) -> Prefix | None:
        """东阳渡司法所 in the 东阳渡街道's own report: the town's name without its kind word, right before a
        unit, is the town's (as 东阳渡街道司法所)."""
        entry = RegionGazetteer.default().by_node(town)
        kind = next((k for k in ("街道", "镇", "乡") if entry is not None and entry.name.endswith(k)), None)
        if entry is None or kind is None:
            return None
        short = entry.name[:-len(kind)]
        name_start = start - len(short)
        if len(short) < 2 or not self.text.startswith(short, name_start) \
                or (name_start > 0 and self.text[name_start - 1] not in NOT_A_NAME_BEFORE):
            return None
        return Prefix(name_start, town, "乡镇", False, town)

    def _organ(self, match: re.Match[str]) -> AgencyHit | None:
        if not match.group("lvl") and match.start() not in self.region_spans:
            return None  # no region or level char: generic (most organ matches; cheaper than _prefix)
        organ = organs()[match.group("organ")]
        if organ == "行政公署" and match.start() not in self.region_spans \
                and match.start() + 1 not in self.region_spans:
            return None  # a 地区's 行署 follows the 地区's name, never a bare level char (区行政公署)
        prefix = self._prefix(match)
        if prefix is None or not prefix.explicit:
            return None  # a bare 政府/法院 is generic
        if organ.endswith("中级人民法院") and prefix.level == "区县":
            return None  # a county has no intermediate court: 县一中院校 is its No. 1 school's
        if not prefix.qualifier:  # 省政府 in a text that never names the province: as written
            return AgencyHit(prefix.start, match.end(), self.text[prefix.start:match.end()], prefix.level, None,
                             scoped=True)
        if match.group("organ").endswith("办") and OFFICE_VERB_RE.match(self.text, match.end()):
            return None  # 到政府办事, 提高政府办事效率: 办 is the verb
        if match.group("organ").endswith("委") and self.text.startswith(NOT_A_COMMITTEE_AFTER, match.end()):
            return None  # 市民委托, 县纪委委员: 委 opens the next word
        if organ == "政协":  # the region sits inside the official name
            return AgencyHit(prefix.start, match.end(), f"中国人民政治协商会议{prefix.qualifier}委员会",
                             prefix.level, prefix.region,
                             scoped=prefix.scoped)
        return AgencyHit(prefix.start, match.end(), qualified(prefix.qualifier, organ), prefix.level, prefix.region,
                         scoped=prefix.scoped, core=organ)

    def _organ_of_a_term(self, match: re.Match[str]) -> AgencyHit | None:
        """X县第十八届人民代表大会常务委员会, 市十五届人大常委会: the organ of the region or level char right before
        the term (a resolved region, or a level char standing alone), named as 县人大常委会 would be."""
        start, organ = match.start(), organs()[match.group("organ")]
        span = self.region_spans.get(start)
        qualifier: str | None
        level: str | None
        if span is not None:
            start, qualifier, level, node = self._chain_start(span.start), span.prefix, span.level, span.node
        elif start > 0 and self.text[start - 1] in LEVEL_CHARS and (start == 1 or self.text[start - 2] in LINE_OPENERS
                                                                     or self.text[start - 2] in NOT_A_NAME_BEFORE):
            start -= 1
            qualifier, level, node = self.context.for_level_char(self.text[start])
        else:
            return None
        if not qualifier:
            return AgencyHit(start, match.end(), self.text[start:match.start()] + match.group("organ"), level, None,
                             scoped=True)
        name = f"中国人民政治协商会议{qualifier}委员会" if organ == "政协" else qualified(qualifier, organ)
        return AgencyHit(start, match.end(), name, level, node or qualifier, scoped=node is None)

    def _financial_branch(self, match: re.Match[str]) -> AgencyHit | None:
        """国家金融监督管理总局吉安监管分局: the regulator's branch, named as written when its place is a division."""
        span = self.region_spans.get(match.end("place"))
        if span is None or span.start != match.start("place"):
            return None
        return AgencyHit(match.start(), match.end(), match.group(0), span.level, span.node)

    def _named_body(self, end: int, span: RegionSpan) -> AgencyHit | None:
        if self.text.startswith(CUSTOMS, end):  # (广西壮族自治区)南宁海关: named by its city alone, as written
            name = self.text[span.start:end] + CUSTOMS
            return AgencyHit(span.start, end + len(CUSTOMS), name, span.level, span.node)
        town = TOWNSHIP_RE.match(self.text, end)
        if town and not NAMED_BODY_STOP.search(town.group(0)):
            organ = town.group(0).replace("镇政府", "镇人民政府").replace("乡政府", "乡人民政府")
            return AgencyHit(span.start, town.end(), span.prefix + organ, "乡镇", span.node)
        body = NAMED_BODY_RE.match(self.text, end)
        if body is None or NAMED_BODY_STOP.search(self._body_words(body)):
            return None
        start = self._chain_start(span.start)
        # 天津经济技术开发区管理委员会 is that body's own name; 天津市… would be a name nobody uses
        name = self.text[start:body.end()] if span.short else span.prefix + body.group(0)
        head = body.group("head")  # the body's own words, its head in full (管委会, as 人社局 is expanded)
        name = name[:-len(head)] + expand_abbreviation(head)
        return AgencyHit(start if span.short else span.start, body.end(), name, span.level, span.node)

    @staticmethod
    def _body_words(body: re.Match[str]) -> str:
        """The words of a named body that must hold no sentence word: 中心 is a head, not 'central', and a
        group office may carry its task (推进依法行政工作领导小组办公室, 全面推进…领导小组办公室)."""
        words = body.group(0).replace("中心", "")
        return words.replace("全面推进", "").replace("推进", "") if body.group("head") == "领导小组办公室" else words

    def _named_unit(self, match: re.Match[str]) -> AgencyHit | None:
        """高新人民法庭, 尚信公证处: the unit with the 2-4 characters of its name, as written."""
        for size in (2, 3, 4):
            start = match.start() - size
            if start > 0 and self.text[start - 1] in NAMED_UNIT_BOUNDARY \
                    and not NAMED_BODY_STOP.search(self.text, start, match.start()) \
                    and not self.text.startswith(NOT_A_UNIT_NAME, start):
                return AgencyHit(start, match.end(), self.text[start:match.end()], None, None)
        return None

    def _law_firm(self, match: re.Match[str]) -> AgencyHit | None:
        """A named law firm: the words after the last verb or conjunction before 律师事务所."""
        words = LAW_FIRM_ROLE.sub("", LAW_FIRM_LEAD.sub("", match.group(1)))
        if len(words) < 2 or UNNAMED_FIRM_RE.search(words):
            return None
        start = match.end(1) - len(words)
        return AgencyHit(start, match.end(), words + "律师事务所", None, None)

    def _ordinal_court(self, match: re.Match[str]) -> AgencyHit:
        """三中院 alone: the city's 第三中级人民法院 when the text fixes the city, else as written."""
        qualifier, level, node = self.context.for_level_char("市")
        name = qualified(qualifier, organs()[match.group(0)]) if qualifier else match.group(0)
        return AgencyHit(match.start(), match.end(), name, level, node, scoped=qualifier is None)

    def _citizen_centre(self, match: re.Match[str]) -> AgencyHit:
        """市民中心 alone: the city's (its 市 is the city's level), qualified when the text fixes the city."""
        qualifier, level, node = self.context.for_level_char("市")
        name = qualified(qualifier, "市民中心") if qualifier else "市民中心"
        return AgencyHit(match.start(), match.end(), name, level, node, scoped=qualifier is None)

    @staticmethod
    def _university(match: re.Match[str]) -> AgencyHit | None:
        """A named university: the words after the last verb or conjunction before 大学, holding no
        sentence word (为建成高品质大学之城 names none)."""
        words = UNIVERSITY_LEAD.sub("", LAW_FIRM_LEAD.sub("", match.group(1)))
        if len(words) < 2 or UNNAMED_FIRM_RE.search(words) or NAMED_BODY_STOP.search(words):
            return None
        start = match.end(1) - len(words)
        return AgencyHit(start, match.end(), words + "大学", None, None)

    def _youth_league(self, match: re.Match[str]) -> AgencyHit:
        """团县委: 共青团X县委员会 of the level the report's region fixes, else as written."""
        qualifier, level, node = self.context.for_level_char(match.group("lvl"))
        name = f"共青团{qualifier}委员会" if qualifier else match.group(0)
        return AgencyHit(match.start(), match.end(), name, level, node, scoped=qualifier is None)

    def _youth_league_full(self) -> list[AgencyHit]:
        """共青团泰顺县委员会, 共青团温州市委: the league's committee named with its region, before the region's
        own 市委 is read (共青团X市委 is not 中共X市委员会)."""
        out = []
        for end, span in self.region_spans.items():
            start = self._chain_start(span.start)
            after = YOUTH_LEAGUE_FULL_AFTER_RE.match(self.text, end)
            if after is None or span.node is None or not self.text.startswith("共青团", start - 3):
                continue
            out.append(AgencyHit(start - 3, after.end(), f"共青团{span.prefix}委员会", span.level, span.node))
        return out

    def _party_full_names(self) -> list[AgencyHit]:
        """中共梧州市委员会, 中国共产党将乐县委员会: a party committee by its full name (a joint title, an addressee
        line, a cited document's issuer), the region between the party's name and 委员会; a town's is read with
        its organs (_town_organs)."""
        out = []
        for end, span in self.region_spans.items():
            start = self._chain_start(span.start)
            party = next((word for word in PARTY_NAMES if self.text.startswith(word, start - len(word))), None)
            if party is None or span.level == "乡镇" or not self.text.startswith("委员会", end):
                continue
            office = self.text.startswith("委员会办公室", end)  # 中共X县委员会办公室: the committee's office, 县委办
            name = f"中共{span.prefix}委办公室" if office else f"中共{span.prefix}委员会"
            out.append(AgencyHit(start - len(party), end + len("委员会办公室" if office else "委员会"), name, span.level,
                                 span.node or span.prefix, scoped=span.node is None))
        return out

    def _prefecture_organs(self) -> list[AgencyHit]:
        """地委, 行署 (a 地区's party committee and administration) and an autonomous region's 区党委, named
        through the report's 地区 or autonomous region when the text fixes it, else as written."""
        out = []
        city = self.context.prefecture
        if "地委" in self.text:
            for match in PREFECTURE_PARTY_RE.finditer(self.text):
                sub = match.group("sub")
                if city is None:
                    name = match.group(0)
                elif sub:
                    name = f"中共{city.prefix}委全面依法治地委员会" + ("办公室" if sub.endswith(("办公室", "办")) else "")
                else:
                    name = f"中共{city.prefix}委员会"
                out.append(_through(match, city, "市", name))
        if "行署" in self.text:
            out += [_through(match, city, "市", f"{city.prefix}行政公署" if city else "行署")
                    for match in PREFECTURE_OFFICE_RE.finditer(self.text)]
        out += self._prefecture_state_party()
        province = self.context.province
        if "区党委" in self.text and (province.prefix.endswith("自治区") if province else "自治区" in self.text):
            out += [_through(match, province, "省", f"中共{province.prefix}委员会" if province else "区党委")
                    for match in REGION_PARTY_RE.finditer(self.text)]
        return out

    def _prefecture_state_party(self) -> list[AgencyHit]:
        """州党委 or 巴州党委 in a report of an autonomous prefecture (or a county under it): its 中共X州委员会, or
        the committee's body written after it (州党委党校 → 中共X州委党校)."""
        city = self.context.city
        if city is None or not city.prefix.endswith("州") or "州党委" not in self.text:
            return []
        out = []
        for match in _prefecture_state_party_re().finditer(self.text):
            span = self.region_spans.get(match.start() + 1)  # 巴州|党委: the prefecture's short name
            if span is not None and span.node == city.node:
                start = self._chain_start(span.start)
            elif match.start() == 0 or self.text[match.start() - 1] in NOT_A_NAME_BEFORE:
                start = match.start()
            else:
                continue  # 某某州党委: another prefecture's, or a word's end
            sub = party_subs()[match.group("sub")] if match.group("sub") else None
            name = f"中共{city.prefix}委{sub}" if sub else f"中共{city.prefix}委员会"
            out.append(AgencyHit(start, match.end(), name, city.level, city.node))
        return out

    def _autonomous_party(self, match: re.Match[str]) -> AgencyHit:
        """自治区党委 (an autonomous region writes 党委 where a province writes 省委): its committee, or the
        committee's body written after it (自治区党委依法治区办 → 中共X自治区委全面依法治区委员会办公室)."""
        sub = party_subs()[match.group("sub")] if match.group("sub") else None
        region = self.region_spans.get(match.start() + len("自治区"))  # 广西壮族自治区党委
        province = self.context.province
        if region is not None and region.node is not None:
            start, prefix, node = self._chain_start(region.start), region.prefix, region.node
        elif province is not None and province.prefix.endswith("自治区"):
            start, prefix, node = match.start(), province.prefix, province.node
        else:
            return AgencyHit(match.start(), match.end(), "自治区党委" + (sub or ""), "省", None, scoped=True)
        name = f"中共{prefix}委{sub}" if sub else f"中共{prefix}委员会"
        return AgencyHit(start, match.end(), name, "省", node)

    def _party(self, match: re.Match[str]) -> AgencyHit | None:
        prefix = self._prefix(match)
        if prefix is None:
            return None
        sub, end = match.group("sub"), match.end()
        if sub == "办" and OFFICE_VERB_RE.match(self.text, end):
            sub, end = None, match.start("sub")  # 县委办理: the committee and a verb, not 县委办
        if not prefix.qualifier:  # 省委, 区委依法治区办: as written, its abbreviation expanded
            name = match.group("lvl") + "委" + (party_subs()[sub] if sub else "")
            return AgencyHit(prefix.start, end, name, prefix.level, None, scoped=True)
        name = f"中共{prefix.qualifier}委员会" if sub is None else qualified(prefix.qualifier, party_subs()[sub]) \
            if party_subs()[sub].startswith(REGION_PARTY_ORGANS) else f"中共{prefix.qualifier}委{party_subs()[sub]}"
        return AgencyHit(prefix.start, end, name, prefix.level, prefix.region, scoped=prefix.scoped)


@lru_cache(maxsize=1)
def _metadata_fields() -> frozenset[str]:
    """The field words of a page's 政府信息公开 metadata table (data/page_clutter.tsv: 发布机构, 发文机关)."""
    return frozenset(page_clutter_words("field"))


@lru_cache(maxsize=1)
def _scoped_organ_re() -> re.Pattern[str]:
    """An organ's name as written after a bare level char (省政府, 省人民政府)."""
    return re.compile(f"(?P<lvl>自治区|[{LEVEL_CHARS}])(?P<organ>{_alternation(organs())})")


def _one_name_per_scoped_organ(hits: list[AgencyHit]) -> list[AgencyHit]:
    """省人民政府 and 省政府 in a text that never names the province are one body, kept as written (ANNOTATION.md):
    every mention takes the name the text writes first, so the two wordings make one agency."""
    first: dict[str, str] = {}
    out = []
    for hit in hits:
        organ = _scoped_organ_re().fullmatch(hit.name) if hit.scoped else None
        if organ is not None:
            key = organ.group("lvl") + organs()[organ.group("organ")]
            name = first.setdefault(key, hit.name)
            if name != hit.name:
                hit = AgencyHit(hit.start, hit.end, name, hit.level, hit.region, hit.generic, hit.bare, hit.scoped,
                                hit.core)
        out.append(hit)
    return out


LINE_WORD_RE = re.compile(r"(省厅|省局|市局|县局|区局|总局)(?![级长])")
LINE_WORD_LEVEL = {"省": "省", "市": "市", "县": "区县", "区": "区县", "总": "国家"}


def line_bodies(text: str, issuer: AgencyHit, context: AgencyContext, taken: list[AgencyHit]) -> list[AgencyHit]:
    """省厅/市局/总局 in a bureau's report: the body of the issuer's own line at that level.

    A 县公安局 writing 落实省厅工作部署 means the province's 公安厅, a 市场监督管理局 writing 总局 the
    national 总局 of its line; the word at the issuer's own level (市局 in a city bureau's report) is
    the issuer itself. Only for an issuer whose name is region + functional stem + 局/厅.
    """
    stem = _issuer_stem(issuer, context)
    if stem is None:
        return []
    out = []
    for match in LINE_WORD_RE.finditer(text):
        if any(h.start <= match.start() < h.end for h in taken) or PLURAL_BEFORE_RE.search(text[:match.start()]):
            continue
        hit = _line_body(match, stem, issuer, context)
        if hit is not None:
            out.append(hit)
    return out


def _issuer_stem(issuer: AgencyHit, context: AgencyContext) -> str | None:
    for q in (context.county, context.city, context.province):
        if q and issuer.name.startswith(q.prefix) and issuer.name.endswith(("局", "厅")):
            stem = issuer.name[len(q.prefix):-1]
            return stem if stem in stem_set() else None
    return None


def _line_body(match: re.Match[str], stem: str, issuer: AgencyHit, context: AgencyContext) -> AgencyHit | None:
    word = match.group(1)
    level = LINE_WORD_LEVEL[word[0]]
    own = context.county if issuer.level == "区县" else context.city if issuer.level == "市" else context.province
    above = context.province if level == "省" else context.city if level == "市" else None
    if level == issuer.level or (above is not None and above == own):  # 市局 in a 县级市's own bureau
        return AgencyHit(match.start(), match.end(), issuer.name, issuer.level, issuer.region)
    ranks = ("区县", "市", "省", "国家")
    if issuer.level not in ranks or ranks.index(level) < ranks.index(issuer.level):
        return None
    if level == "国家":
        national = load_national_line_bodies().get(stem)
        return AgencyHit(match.start(), match.end(), national, "国家", None) if national else None
    if above is None:
        return AgencyHit(match.start(), match.end(), word[0] + stem + word[1], level, None, scoped=True)
    return AgencyHit(match.start(), match.end(), above.prefix + stem + word[1], level, above.node)


@lru_cache(maxsize=1)
def national_commissions() -> frozenset[str]:
    """The national bodies data/agency_abbreviations.tsv names with 国家 before a local body's name
    (国家发展和改革委员会, 国家卫生健康委员会): what a ministry's report means by a bare 发展改革委."""
    return frozenset(full for full in _abbreviations().values() if full.startswith("国家"))


def national_bare_bodies(hits: list[AgencyHit], issuer: AgencyHit) -> list[AgencyHit]:
    """积极配合发展改革委 in a ministry's report: the national commission, not some region's (a bare name
    the text places nowhere is the issuer's level of government, and a ministry's is the State Council's)."""
    if issuer.level != "国家":
        return hits
    return [AgencyHit(h.start, h.end, "国家" + h.name, "国家", None)
            if h.bare and h.scoped and "国家" + h.name in national_commissions() else h for h in hits]


def _unit_of(parent: AgencyHit, hit: AgencyHit) -> AgencyHit | None:
    """县公安局交警大队: a unit written right after its parent by a short form whose full name repeats the
    parent's head (交警大队 → 公安局交通警察大队, data/agency_abbreviations.tsv) is the parent's unit, one body
    (X县公安局交通警察大队), not the parent and a bare unit of no region."""
    head_end = hit.name.find("局") + 1
    if parent.end != hit.start or not hit.bare or parent.scoped or not parent.region or head_end < 2 \
            or head_end == len(hit.name) or not parent.name.endswith(hit.name[:head_end]):
        return None
    return AgencyHit(parent.start, hit.end, parent.name + hit.name[head_end:], parent.level, parent.region)


def _under_its_line(hit: AgencyHit) -> AgencyHit:
    """A local bureau of a national line named by its official name: 省税务局 → 国家税务总局X省税务局. Only when
    the text fixes its region (a bare or scoped 税务局 stays as written) and the line's name is not there yet."""
    line = next((line for head, line in LINE_OFFICIAL_PREFIX.items() if hit.name.endswith(head)), None)
    if line is None or hit.scoped or hit.region is None or hit.generic or hit.name.startswith(NATIONAL_STARTS):
        return hit
    return AgencyHit(hit.start, hit.end, line + hit.name, hit.level, hit.region, bare=hit.bare, core=hit.core)


def _through(match: re.Match[str], region: Qualifier | None, level: str, name: str) -> AgencyHit:
    """A hit for an organ named through `region` (as written, and scoped, when the text fixes none)."""
    return AgencyHit(match.start(), match.end(), name, level, region.node if region else None, scoped=region is None)


def is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def own_abbreviations(hits: list[AgencyHit], issuer: AgencyHit, text: str) -> list[AgencyHit]:
    """A bare 发改局 in a report of 上城区发展改革和经济信息化局 is the issuer speaking of itself."""
    out = []
    for hit in hits:
        written = text[hit.start:hit.end]
        if hit.bare and written[-1] == issuer.name[-1] and is_subsequence(written, issuer.name):
            hit = AgencyHit(hit.start, hit.end, issuer.name, issuer.level, issuer.region)
        out.append(hit)
    return out
