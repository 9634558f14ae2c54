"""A synthetic corpus of 法治政府建设 reports for benchmarks and scale tests.

Real reports cannot be redistributed in bulk, and timing on five seeds says
nothing about 50,000 files, so the benchmarks run on generated ones. To be a fair
stand-in the generator reproduces what drives extraction and storage cost:
issuers at every level spread over ~300 regions, measures and laws drawn with
Zipf-like frequencies from the project's own dictionaries (so a few names
dominate and a long tail appears rarely, as in real corpora), section ladders
(一、/(一)/1./一是), citations in 《》 including short forms, cooperation phrases,
signature blocks, years 2015-2024, 5-20 KB per file, ~10% GBK and ~3% .docx.

Every file is a pure function of (seed, index): file i is the same whatever N
is, and generation can be split across processes. The sentence templates are
written for this module; no report text is reused.
"""

from __future__ import annotations

import io
import itertools
import random
import zipfile
from bisect import bisect
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from fazhi.data import data_dir

GBK_SHARE = 0.10
DOCX_SHARE = 0.03
MIN_BYTES, MAX_BYTES = 5_000, 20_000
FILES_PER_DIR = 1000
_GOLDEN = 0.6180339887498949  # low-discrepancy sequence: exact format shares in every window

CN_DIGITS = "〇一二三四五六七八九"
CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
               "十一", "十二", "十三", "十四", "十五"]

# Functional agency names per level: (name at 市/区县 level, name at 省 level, 国家 body).
FUNCTIONS: list[tuple[str, str, str]] = [
    ("司法局", "司法厅", "司法部"),
    ("市场监督管理局", "市场监督管理局", "国家市场监督管理总局"),
    ("生态环境局", "生态环境厅", "生态环境部"),
    ("交通运输局", "交通运输厅", "交通运输部"),
    ("人力资源和社会保障局", "人力资源和社会保障厅", "人力资源和社会保障部"),
    ("住房和城乡建设局", "住房和城乡建设厅", "住房和城乡建设部"),
    ("教育局", "教育厅", "教育部"),
    ("财政局", "财政厅", "财政部"),
    ("应急管理局", "应急管理厅", "应急管理部"),
    ("工业和信息化局", "工业和信息化厅", "工业和信息化部"),
    ("农业农村局", "农业农村厅", "农业农村部"),
    ("自然资源局", "自然资源厅", "自然资源部"),
    ("民政局", "民政厅", "民政部"),
    ("商务局", "商务厅", "商务部"),
    ("水利局", "水利厅", "水利部"),
    ("卫生健康局", "卫生健康委员会", "国家卫生健康委员会"),
    ("发展和改革局", "发展和改革委员会", "国家发展和改革委员会"),
    ("科学技术局", "科学技术厅", "科学技术部"),
    ("退役军人事务局", "退役军人事务厅", "退役军人事务部"),
    ("医疗保障局", "医疗保障局", "国家医疗保障局"),
    ("审计局", "审计厅", "审计署"),
    ("统计局", "统计局", "国家统计局"),
    ("林业局", "林业局", "国家林业和草原局"),
    ("文化广电旅游体育局", "文化和旅游厅", "文化和旅游部"),
    ("城市管理和综合执法局", "住房和城乡建设厅", "住房和城乡建设部"),
    ("政务服务数据管理局", "政务服务数据管理局", "国务院办公厅"),
]
PARTY_AND_OTHERS = ["委", "人民政府", "人民法院", "人民检察院", "委依法治市办", "委党校"]
TOWN_NAMES = ["城关镇", "新城街道", "河东镇", "石桥镇", "东山乡", "城南街道", "清水镇", "龙湾镇"]

TITLES_REPORT = [
    "{agency}关于{year}年法治政府建设工作情况的报告",
    "{agency}{year}年度法治政府建设工作报告",
    "{agency}{year}年法治政府建设年度报告",
    "{agency}关于{year}年度法治政府建设情况的报告",
    "{agency}{year}年法治政府建设工作总结",
]
TITLES_PLAN = [
    "{agency}关于印发《{region}{year}年法治政府建设工作要点》的通知",
    "{agency}{year}年法治政府建设实施方案",
    "{agency}关于贯彻落实《法治政府建设实施纲要(2021-2025年)》的实施方案",
]
OPENINGS = [
    "{year}年,{agency}在{upper}的正确领导下,坚持以习近平新时代中国特色社会主义思想为指导,"
    "深入学习贯彻习近平法治思想,围绕中心、服务大局,扎实推进各项法治建设任务落地见效。现将有关情况报告如下。",
    "{year}年以来,{self_}紧紧围绕年度法治政府建设目标任务,以依法履职为主线,"
    "把法治要求贯穿到决策、执行、监督各个环节,各项工作取得新进展。现将{year}年度工作总结如下。",
    "为全面落实{upper}关于法治政府建设的部署要求,{year}年{self_}坚持统筹谋划、系统推进,"
    "将法治建设与业务工作同部署同检查同考核,法治政府建设水平持续提升。",
]
TOP_SECTIONS_REPORT = [
    "{year}年法治政府建设主要举措和成效",
    "存在的不足和原因分析",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "{next_year}年推进法治政府建设的主要安排",
]
TOP_SECTIONS_PLAN = ["总体要求", "主要任务", "保障措施"]
SUB_HEADINGS = [
    "加强组织领导,压实法治建设责任", "健全依法决策机制,提升决策质量",
    "深化“放管服”改革,优化法治化营商环境", "严格规范公正文明执法", "强化行政权力制约和监督",
    "扎实开展普法宣传教育", "依法有效化解社会矛盾纠纷", "加强规范性文件监督管理",
    "推进政务公开,提升透明度", "加强法治队伍建设,提升依法行政能力", "推进数字法治政府建设",
    "完善突发事件应对体系", "加快构建社会信用体系",
]
POINT_HEADINGS = ["高度重视", "健全制度", "压实责任", "强化督查", "抓好落实", "注重实效", "创新方式",
                  "夯实基础", "补齐短板", "加强协同"]

# Sentence templates. Slots: {measure} {measure2} {law} {law2} {agency} {self_} {region} {n} {m} {pct}
# {qmeasure} (quoted unless it carries its own quotes) {k} (small count) {doc} (an internal document
# title) {month}.
SENTENCES = [
    "严格落实{measure},全年共开展检查{n}次,发现并督促整改问题{m}个。",
    "依据《{law}》有关规定,持续深化{measure}工作,相关事项办结率达到{pct}%。",
    "按照《{law}》要求,全面推进{qmeasure},实现监管事项全覆盖。",
    "联合{agency}开展专项执法检查{n}次,出动执法人员{m}人次,形成监管合力。",
    "配合{agency}推进{measure},建立信息共享和工作会商机制,定期通报工作进展。",
    "会同{agency}召开联席会议{n}次,研究解决跨部门执法中的重点难点问题{m}项。",
    "制定印发《{doc}》,进一步明确责任分工和工作流程,推动工作规范化、制度化。",
    "修订完善《{doc}》,对{n}项内部管理制度进行梳理,废止过时制度{k}项。",
    "组织干部职工集中学习《{law}》《{law2}》等法律法规{n}次,参学人员{m}人次。",
    "邀请法律顾问围绕《{law}》开展专题讲座,引导干部职工增强运用法治思维和法治方式解决问题的能力。",
    "认真落实{measure}和{measure2},重大事项决策前均经过合法性审查,全年审查各类文件{n}件。",
    "全年办理行政复议案件{n}件,行政应诉案件{m}件,未发生败诉案件。",
    "深入推进{measure},群众办事平均时限压缩{pct}%,线上办理率达到{pct2}%。",
    "依托{measure},归集各类数据{n}万条,向{agency}共享数据{m}万条。",
    "落实“谁执法谁普法”普法责任制,结合{qmeasure}开展主题宣传活动{n}场,发放宣传资料{m}份。",
    "以{month}月为重点,组织开展{measure}宣传周活动,覆盖群众{n}余人次。",
    "坚持把{measure}作为推进依法行政的重要抓手,定期梳理权责事项,动态调整事项{n}项。",
    "严格执行《{law}》,对{n}件规范性文件开展清理,宣布失效{k}件。",
    "认真办理人大代表建议和政协提案{n}件,办结率和满意率均达到{pct}%。",
    "通过{region}政府门户网站主动公开政府信息{n}条,依申请公开办理{m}件,均在法定期限内答复。",
    "处理12345热线转办工单{n}件,按时办结率{pct}%,群众满意度持续提升。",
    "在{agency}的指导下,稳妥推进{measure},相关经验做法被上级部门转发推广。",
    "对照《{law}》规定的程序,完善行政执法案卷管理,全年评查执法案卷{n}卷,优秀率{pct}%。",
    "建立健全{measure},明确{n}类事项的办理标准,确保执法尺度统一。",
    "持续开展执法人员业务培训{n}期,参训{m}人次,执法证持证率达到{pct}%。",
]
FILLERS = [
    "坚持问题导向和目标导向相结合,把法治建设各项任务分解到岗、落实到人。",
    "将法治建设纳入年度工作要点和绩效考核内容,与业务工作同谋划、同部署、同推进。",
    "领导班子带头尊法学法守法用法,定期听取法治建设工作汇报,研究解决重大问题。",
    "主动接受人大监督、民主监督和社会舆论监督,自觉规范行政行为。",
    "工作中仍存在一些薄弱环节,执法队伍专业化水平有待提升,基层普法针对性还不够强。",
    "下一步,将继续深入贯彻习近平法治思想,进一步健全完善制度机制,推动法治政府建设再上新台阶。",
    "不断完善内部监督和层级监督,确保行政权力在阳光下运行。",
    "注重运用信息化手段提升监管效能,推动执法数据互联互通。",
    "积极回应群众关切,畅通诉求表达渠道,依法妥善处置矛盾纠纷。",
    "严格落实请示报告制度,重大事项及时向上级报告。",
]
DOC_SUFFIXES = ["工作规则", "议事规则", "行政执法公示办法", "重大行政决策程序规定", "法律顾问工作规则",
                "规范性文件管理办法", "行政执法责任追究办法", "信用承诺管理办法", "内部审计工作规定"]


@dataclass(frozen=True)
class Region:
    name: str
    level: str
    parent: str


@dataclass(frozen=True)
class Issuer:
    name: str  # full, region-qualified
    level: str
    region: Region
    province: Region | None
    self_word: str  # 我局 / 我厅 / 我委 / 我区


class Zipf:
    """Draw items with weight 1/rank^s, rank = order in the dictionary file (common names first)."""

    def __init__(self, items: Sequence, s: float = 1.05) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (r ** s) for r in range(1, len(self.items) + 1)))

    def draw(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (data_dir() / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[Region], dict[str, Region], Zipf, Zipf]:
    """~300 regions (every province, a spread of cities and counties) and the Zipf samplers."""
    rows = [r for r in _tsv("regions.tsv") if r[0] != "name"]
    regions = {r[0]: Region(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows}
    skip = {"香港特别行政区", "澳门特别行政区", "台湾省"}
    provinces = [r for r in regions.values() if r.level == "省" and r.name not in skip]
    cities = [r for r in regions.values() if r.level == "市" and r.parent in {p.name for p in provinces}]
    counties = [r for r in regions.values() if r.level == "区县" and regions.get(r.parent)
                and regions[r.parent].level == "市"]
    pick = random.Random(20240601)  # fixed: the region pool does not depend on the corpus seed
    pool = provinces + pick.sample(cities, 110) + pick.sample(counties, 160)
    measures = []
    for row in _tsv("measures.tsv"):
        aliases = [a for a in (row[2].split("|") if len(row) > 2 else []) if a]
        measures.append((row[0], aliases))
    laws = []
    for row in _tsv("laws.tsv"):
        aliases = [a for a in (row[3].split("|") if len(row) > 3 else []) if a]
        laws.append((row[0], aliases))
    return pool, regions, Zipf(measures), Zipf(laws, s=0.9)


def _province_of(region: Region, regions: dict[str, Region]) -> Region | None:
    current: Region | None = region
    while current is not None and current.level != "省":
        current = regions.get(current.parent)
    return current


def _make_issuer(rng: random.Random) -> Issuer:
    pool, regions, _, _ = _vocabulary()
    region = rng.choice(pool)
    province = _province_of(region, regions)
    func_city, func_prov, _ = rng.choice(FUNCTIONS)
    if region.level == "省":
        head = func_prov
        name = region.name + head
    elif region.level == "市":
        head = func_city if rng.random() < 0.85 else rng.choice(["人民政府", "委依法治市办"])
        name = region.name + head
    else:
        city = regions.get(region.parent)
        prefix = (city.name if city else "") + region.name
        if rng.random() < 0.08:
            head = "人民政府"
            name = prefix + rng.choice(TOWN_NAMES) + head
            return Issuer(name, "乡镇", region, province, "我镇")
        head = func_city
        name = prefix + head
    self_word = "我" + ("委" if head.endswith("委员会") else head[-1] if head[-1] in "局厅办" else "单位")
    if head == "人民政府":
        self_word = "我" + ("市" if region.level == "市" else "区" if region.name.endswith("区") else "县")
    level = {"省": "省", "市": "市", "区县": "区县"}[region.level]
    return Issuer(name, level, region, province, self_word)


def _other_agency(rng: random.Random, issuer: Issuer) -> str:
    """A cooperating body as reports write it: often unqualified (市司法局), sometimes national."""
    func_city, func_prov, national = rng.choice(FUNCTIONS)
    roll = rng.random()
    if roll < 0.15:
        return national
    if roll < 0.30 and issuer.province is not None:
        return "省" + func_prov
    if roll < 0.40:
        return rng.choice(["市委", "市人民政府", "市中级人民法院", "市人民检察院", "公安机关", "市场监管部门"])
    level_word = "市" if issuer.region.level in ("省", "市") else rng.choice(["区", "县", "市"])
    return level_word + func_city


def _cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


class _Writer:
    """Builds one report's lines; tracks UTF-8 size so the body stops near the target."""

    def __init__(self, rng: random.Random, issuer: Issuer, year: int, halfwidth: bool,
                 encoding: str) -> None:
        _, _, self.measures, self.laws = _vocabulary()
        self.rng, self.issuer, self.year, self.halfwidth = rng, issuer, year, halfwidth
        self.encoding = encoding
        self.lines: list[str] = []
        self.size = 0

    def add(self, line: str) -> None:
        if not self.halfwidth:
            line = line.replace(",", "，").replace("(", "（").replace(")", "）").replace(":", "：")
        self.lines.append(line)
        self.size += len(line.encode(self.encoding, errors="replace")) + 1

    def measure(self) -> str:
        name, aliases = self.measures.draw(self.rng)
        return self.rng.choice(aliases) if aliases and self.rng.random() < 0.3 else name

    def law(self) -> str:
        name, aliases = self.laws.draw(self.rng)
        return self.rng.choice(aliases) if aliases and self.rng.random() < 0.35 else name

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.22:
            return rng.choice(FILLERS)
        template = rng.choice(SENTENCES)
        measure = self.measure()
        quoted = measure if "“" in measure else f"“{measure}”"
        return template.format(
            measure=measure, qmeasure=quoted, measure2=self.measure(), k=rng.randint(1, 9), law=self.law(), law2=self.law(),
            agency=_other_agency(rng, self.issuer), self_=self.issuer.self_word,
            region=self.issuer.region.name, n=rng.randint(2, 400), m=rng.randint(1, 3000),
            pct=rng.randint(85, 100), pct2=rng.randint(60, 99), month=rng.randint(1, 12),
            doc=self.issuer.name + (f"{self.year}年" if rng.random() < 0.3 else "") + rng.choice(DOC_SUFFIXES),
        )

    def paragraph(self, lo: int = 2, hi: int = 6) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))


def _ladder_block(w: _Writer, depth_style: int, budget: int) -> None:
    """One subsection body in one of the ladder styles real reports use; stops at the byte budget."""
    rng = w.rng
    if depth_style == 0:  # 一是…二是… inside one paragraph
        count = rng.randint(2, 4)
        w.add("".join(f"{CN_ORDINALS[k]}是{rng.choice(POINT_HEADINGS)}。{w.paragraph(1, 2)}"
                      for k in range(count)))
    elif depth_style == 1:  # 1. 2. 3. numbered lines
        for k in range(rng.randint(2, 4)):
            w.add(f"{k + 1}.{rng.choice(POINT_HEADINGS)}。{w.paragraph(1, 3)}")
            if w.size >= budget:
                return
    else:  # plain paragraphs
        for _ in range(rng.randint(1, 2)):
            w.add(w.paragraph(2, 4))
            if w.size >= budget:
                return


def render_report(seed: int, index: int) -> tuple[str, str]:
    """Return (doc_type, text) of report `index`; a pure function of (seed, index).

    The size target counts bytes in the file's own encoding (GBK files are sized
    as GBK), so every file lands in 5-20 KB on disk (.docx: before zipping).
    """
    rng = random.Random(f"fazhi-bench:{seed}:{index}")
    issuer = _make_issuer(rng)
    year = rng.randint(2015, 2024)
    encoding = "gbk" if file_format(seed, index) == "gbk" else "utf-8"
    w = _Writer(rng, issuer, year, halfwidth=rng.random() < 0.6, encoding=encoding)
    target = rng.randint(MIN_BYTES + 600, MAX_BYTES - 2500)
    roll = rng.random()
    doc_type = "年度报告" if roll < 0.82 else "实施方案" if roll < 0.94 else "通知"
    upper = _upper_body(issuer)
    fields = {"agency": issuer.name, "year": year, "region": issuer.region.name}
    if doc_type == "年度报告":
        if rng.random() < 0.85:
            w.add(rng.choice(TITLES_REPORT).format(**fields))
        sections = TOP_SECTIONS_REPORT
    else:
        w.add(rng.choice(TITLES_PLAN).format(**fields))
        sections = TOP_SECTIONS_PLAN
    if rng.random() < 0.4:
        w.add(f"{issuer.region.name[:1]}{rng.choice('司市工环交教财')}{rng.choice(['函', '发', '报'])}"
              f"〔{year + 1}〕{rng.randint(1, 180)}号")
    w.add(rng.choice(OPENINGS).format(year=year, agency=issuer.name, upper=upper, self_=issuer.self_word))
    _body(w, sections, year, target)
    _signature(w, rng, issuer, year)
    return doc_type, "\n".join(w.lines) + "\n"


def _upper_body(issuer: Issuer) -> str:
    if issuer.region.level == "省":
        return "省委、省政府"
    if issuer.region.level == "市":
        return "市委、市政府"
    return "区委、区政府" if issuer.region.name.endswith("区") else "县委、县政府"


def _body(w: _Writer, sections: list[str], year: int, target: int) -> None:
    rng = w.rng
    share = [0.7] + [0.3 / (len(sections) - 1)] * (len(sections) - 1)
    for k, heading in enumerate(sections):
        w.add(f"{CN_ORDINALS[k]}、{heading.format(year=year, next_year=year + 1)}")
        budget = w.size + int((target - w.size) * share[k] / sum(share[k:]))
        sub = 0
        while w.size < budget and sub < len(CN_ORDINALS):
            if k == 0 or rng.random() < 0.5:
                w.add(f"({CN_ORDINALS[sub]}){rng.choice(SUB_HEADINGS)}。")
                _ladder_block(w, rng.randint(0, 2), budget)
            else:
                w.add(w.paragraph(2, 4))
            sub += 1


def _signature(w: _Writer, rng: random.Random, issuer: Issuer, year: int) -> None:
    written = datetime(year + 1, rng.randint(1, 3), rng.randint(1, 28))
    w.add("")
    w.add(issuer.name)
    if rng.random() < 0.15:
        w.add(f"{_cn_year(written.year)}年{CN_ORDINALS[written.month - 1]}月"
              f"{_cn_day(written.day)}日")
    else:
        w.add(f"{written.year}年{written.month}月{written.day}日")


def _cn_day(day: int) -> str:
    if day <= 10:
        return CN_ORDINALS[day - 1] if day < 10 else "十"
    tens, ones = divmod(day, 10)
    return ("" if tens == 1 else CN_ORDINALS[tens - 1]) + "十" + (CN_ORDINALS[ones - 1] if ones else "")


def file_format(seed: int, index: int) -> str:
    """'gbk', 'docx' or 'utf8': a golden-ratio sequence keeps the shares exact in any window."""
    u = (index * _GOLDEN + seed * 0.137) % 1.0
    if u < GBK_SHARE:
        return "gbk"
    if u < GBK_SHARE + DOCX_SHARE:
        return "docx"
    return "utf8"


def relative_path(index: int, fmt: str) -> Path:
    suffix = ".docx" if fmt == "docx" else ".txt"
    return Path(f"{index // FILES_PER_DIR:03d}") / f"report_{index:06d}{suffix}"


def report_bytes(seed: int, index: int) -> tuple[Path, bytes]:
    """The file name and exact bytes of report `index`."""
    fmt = file_format(seed, index)
    _, text = render_report(seed, index)
    if fmt == "gbk":
        data = text.encode("gbk", errors="replace")
    elif fmt == "docx":
        data = _docx_bytes(text)
    else:
        data = text.encode("utf-8")
    return relative_path(index, fmt), data


def _docx_bytes(text: str) -> bytes:
    """A .docx with fixed metadata and zip timestamps, so the same text gives the same bytes."""
    import docx

    document = docx.Document()
    fixed = datetime(2020, 1, 1)
    props = document.core_properties
    props.created = props.modified = fixed
    props.last_modified_by = props.author = "fazhi-bench"
    props.revision = 1
    for line in text.rstrip("\n").split("\n"):
        document.add_paragraph(line)
    raw = io.BytesIO()
    document.save(raw)
    return _stable_zip(raw.getvalue())


def _stable_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            stable = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            stable.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(stable, src.read(info.filename))
    return out.getvalue()


def _write_range(args: tuple[int, int, int, str]) -> int:
    seed, start, stop, out_dir = args
    root = Path(out_dir)
    total = 0
    for index in range(start, stop):
        rel, data = report_bytes(seed, index)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def _chunks(n: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, n, size):
        yield start, min(n, start + size)


def generate(n: int = 10_000, out_dir: str | Path = "bench_corpus", seed: int = 0,
             workers: int = 1, start: int = 0) -> Path:
    """Write N reports, indices start .. start+N-1, under out_dir (1,000 per sub-folder); returns out_dir.

    With workers > 1 the files are generated in a process pool; the bytes are the
    same either way because each file depends only on (seed, index). `start` > 0 gives
    reports that a corpus of `start` reports does not hold (the bench's incremental batch).
    """
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    jobs = [(seed, start + a, start + b, str(root)) for a, b in _chunks(n, 250)]
    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            _write_range(job)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_write_range, jobs))
    return root


def main() -> None:  # python -m fazhi.benchcorpus N OUT [SEED]
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    out = sys.argv[2] if len(sys.argv) > 2 else "bench_corpus"
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    import os

    generate(n, out, seed, workers=os.cpu_count() or 1)


if __name__ == "__main__":
    main()
