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
from dataclasses import dataclass
from functools import lru_cache

from extraction.dictionaries import data_dir, load_agency_abbreviations
from extraction.regions import RegionEntry

HEADS = ("委员会办公室", "委员会", "办公室", "办公厅", "总局", "中心", "局", "厅", "委", "部", "办", "署", "所")
GENERIC_HEADS = ("部门", "机关")
LEVEL_CHARS = "省市区县州"
# Organs with a fixed shape after a region or level prefix.
GOV_ORGANS = {
    "人民政府办公室": "人民政府办公室", "人民政府办公厅": "人民政府办公厅", "政府办公室": "人民政府办公室",
    "政府办": "人民政府办公室", "府办": "人民政府办公室", "人民政府": "人民政府", "政府": "人民政府",
    "中级人民法院": "中级人民法院", "人民法院": "人民法院", "法院": "人民法院",
    "人民检察院": "人民检察院", "检察院": "人民检察院",
    "人民代表大会常务委员会": "人民代表大会常务委员会", "人大常委会": "人民代表大会常务委员会",
    "人民代表大会": "人民代表大会", "人大": "人民代表大会",
}
PARTY_SUBS = {
    "全面依法治市委员会办公室": "全面依法治市委员会办公室", "依法治市办": "全面依法治市委员会办公室",
    "全面依法治省委员会办公室": "全面依法治省委员会办公室", "依法治省办": "全面依法治省委员会办公室",
    "全面依法治区委员会办公室": "全面依法治区委员会办公室", "依法治区办": "全面依法治区委员会办公室",
    "全面依法治县委员会办公室": "全面依法治县委员会办公室", "依法治县办": "全面依法治县委员会办公室",
    "组织部": "组织部", "宣传部": "宣传部", "统战部": "统一战线工作部", "政法委": "政法委员会",
    "编办": "机构编制委员会办公室", "网信办": "网络安全和信息化委员会办公室", "党校": "党校",
    "办公室": "办公室", "巡察办": "巡察工作领导小组办公室",
}
NATIONAL = (
    "全国人民代表大会常务委员会", "全国人民代表大会", "全国人大常委会", "国务院办公厅", "国务院",
    "中共中央办公厅", "中共中央", "中央全面依法治国委员会办公室", "中央全面依法治国委员会",
    "最高人民法院", "最高人民检察院", "中央纪委国家监委", "国家监察委员会",
)
NATIONAL_CANONICAL = {"全国人大常委会": "全国人民代表大会常务委员会"}
SELF_RE = re.compile(r"(?:我|本)(?:局|委|厅|办|中心|院|部|所|府|镇|乡|街道)")
PLURAL_BEFORE = ("各", "有关", "相关", "等")


@dataclass(frozen=True, slots=True)
class AgencyContext:
    """The regions a bare 省/市/区 prefix refers to in this report."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    county_display: str | None = None  # 上城区, or 济南市市中区 when the county name is ambiguous

    def for_level_char(self, char: str) -> tuple[str | None, str | None]:
        """(qualified prefix, level) for 省/市/区/县/州."""
        if char == "省":
            return self.province, "省"
        if char in "市州":
            return self.city, "市"
        return self.county_display, "区县"


@dataclass(frozen=True, slots=True)
class AgencyHit:
    start: int
    end: int
    name: str
    level: str | None
    region: str | None
    generic: bool = False


@lru_cache(maxsize=1)
def load_stems() -> tuple[str, ...]:
    path = data_dir() / "agency_functions.tsv"
    stems = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    for short in load_agency_abbreviations():
        for head in HEADS:
            if short.endswith(head) and len(short) > len(head) + 1:
                stems.add(short[: -len(head)])
                break
    return tuple(sorted(stems, key=len, reverse=True))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    stems = _alternation(load_stems())
    functional = re.compile(
        rf"(?P<lvl>[{LEVEL_CHARS}])?(?P<stem>{stems})"
        rf"(?P<head>{_alternation(GENERIC_HEADS)}|{_alternation(HEADS)})"
    )
    organs = re.compile(rf"(?P<lvl>[{LEVEL_CHARS}])?(?P<organ>{_alternation(GOV_ORGANS)})")
    party = re.compile(rf"(?P<lvl>[{LEVEL_CHARS}])委(?P<sub>{_alternation(PARTY_SUBS)})?")
    national = re.compile(_alternation(NATIONAL))
    return functional, organs, party, national


def expand_abbreviation(name: str) -> str:
    """人社局 → 人力资源和社会保障局, using data/agency_abbreviations.tsv."""
    return load_agency_abbreviations().get(name, name)


class AgencyFinder:
    """Finds agency mentions in one report's normalised text."""

    def __init__(self, text: str, context: AgencyContext,
                 region_spans: dict[int, tuple[int, RegionEntry, str]]) -> None:
        # region_spans: end offset -> (start offset, entry, qualified display name)
        self.text = text
        self.context = context
        self.region_spans = region_spans

    def find(self) -> list[AgencyHit]:
        functional, organs, party, national = _patterns()
        hits: list[AgencyHit] = []
        taken: list[tuple[int, int]] = []
        for match in national.finditer(self.text):
            name = NATIONAL_CANONICAL.get(match.group(0), match.group(0))
            self._keep(hits, taken, AgencyHit(match.start(), match.end(), name, "国家", None))
        for match in party.finditer(self.text):
            self._keep(hits, taken, self._party(match))
        for match in organs.finditer(self.text):
            self._keep(hits, taken, self._organ(match))
        for match in functional.finditer(self.text):
            self._keep(hits, taken, self._functional(match))
        hits.sort(key=lambda h: h.start)
        return hits

    @staticmethod
    def _keep(hits: list[AgencyHit], taken: list[tuple[int, int]], hit: AgencyHit | None) -> None:
        if hit is None:
            return
        for start, end in taken:
            if hit.start < end and start < hit.end:
                return
        hits.append(hit)
        taken.append((hit.start, hit.end))

    def _prefix(self, match: re.Match[str]) -> tuple[int, str | None, str | None, bool] | None:
        """(start, qualified region prefix, level, explicit) for a match; None when plural/generic."""
        start = match.start()
        lvl = match.group("lvl")
        before = self.text[max(0, start - 2):start]
        if any(before.endswith(p) for p in PLURAL_BEFORE):
            return None
        # The region may end right before the match, or with the match's level char (韶关|市|司法局).
        region = self.region_spans.get(start) or (lvl and self.region_spans.get(start + 1))
        if region:
            region_start, entry, display = region
            return region_start, display, entry.level, True
        if lvl:
            prefix, level = self.context.for_level_char(lvl)
            return start, prefix, level, True
        return start, None, None, False

    def _functional(self, match: re.Match[str]) -> AgencyHit | None:
        prefix = self._prefix(match)
        if prefix is None:
            return None
        start, region, level, explicit = prefix
        core = match.group("stem") + match.group("head")
        generic = match.group("head") in GENERIC_HEADS
        if generic:
            written = self.text[start:match.end()]
            name = (region + core) if (region and explicit) else written
            return AgencyHit(start, match.end(), name, level, region, generic=True)
        core = expand_abbreviation(core)
        if core.endswith("部") and not explicit:
            return AgencyHit(start, match.end(), core, "国家", None)  # 司法部, 工业和信息化部
        if not explicit:
            region, level = self._bare_region()
        name = (region or "") + core
        return AgencyHit(start, match.end(), name, level, region)

    def _bare_region(self) -> tuple[str | None, str | None]:
        """A bare 司法局 refers to the report's own level of government."""
        ctx = self.context
        if ctx.county_display:
            return ctx.county_display, "区县"
        if ctx.city:
            return ctx.city, "市"
        if ctx.province:
            return ctx.province, "省"
        return None, None

    def _organ(self, match: re.Match[str]) -> AgencyHit | None:
        prefix = self._prefix(match)
        if prefix is None:
            return None
        start, region, level, explicit = prefix
        if not explicit or not region:
            return None  # a bare 政府/法院 is generic
        organ = GOV_ORGANS[match.group("organ")]
        if organ == "中级人民法院" and level == "区县":
            return None
        return AgencyHit(start, match.end(), region + organ, level, region)

    def _party(self, match: re.Match[str]) -> AgencyHit | None:
        prefix = self._prefix(match)
        if prefix is None:
            return None
        start, region, level, _ = prefix
        if not region:
            return None
        sub = match.group("sub")
        if sub:
            return AgencyHit(start, match.end(), f"中共{region}委{PARTY_SUBS[sub]}", level, region)
        return AgencyHit(start, match.end(), f"中共{region}委员会", level, region)


def find_self_references(text: str, issuer: AgencyHit) -> list[AgencyHit]:
    """我局/本局/我委… → the issuing agency."""
    return [
        AgencyHit(m.start(), m.end(), issuer.name, issuer.level, issuer.region)
        for m in SELF_RE.finditer(text)
    ]
