"""Canonical names, categories and issuers of cited documents.

A cited title is resolved in this order: the law dictionary (official titles,
short names, colloquial abbreviations) → the dictionary with the national
prefix 中华人民共和国 → a back-reference to a longer title cited earlier in the
same report (《纲要》 after 《法治政府建设实施纲要(2021-2025年)》) → the title as
written, with category and issuer inferred from its shape.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fazhi.extraction.agencies import AgencyHit
from fazhi.extraction.citations import find_citations, flatten
from fazhi.extraction.dictionaries import load_laws
from fazhi.extraction.joint_issuers import join_issuers
from fazhi.extraction.regions import RegionGazetteer
from fazhi.extraction.spans import Containers, starting_in
from fazhi.extraction.wordtrie import guarded_trie_regex

NATIONAL_PREFIX = "中华人民共和国"
_PAREN_RE = re.compile(r"\([^()]*\)")
# "X关于…" : the issuer is X. X must end like an organ for this to hold.
_ISSUER_RE = re.compile(
    r"^(?P<issuer>.{2,40}?(?:部|委|厅|局|办|署|院|会|政府|办公厅|办公室|中央|国务院|总局|中心))"
    r"(?:、.{2,30}?(?:部|委|厅|局|办|署|院|会|政府))*关于"
)
_PARTY_RE = re.compile(r"^(中国共产党|中共|党政|党委|党组|党内)")
_ORGAN_END = ("部", "委", "厅", "局", "办", "署", "院", "委员会", "政府", "中心")
# A verb of making a document right before its title (我局制定了《…》): the issuer finder and
# the ISSUED (Agency→Law) relation both read it.
MADE_RE = re.compile(r"(?:制定|出台|印发|修订|修改|编制|起草|发布|制订|完善)(?:了|并印发|并出台|出台了|、实施|并实施)?$")


@dataclass(frozen=True, slots=True)
class ResolvedLaw:
    name: str
    category: str
    issuer: str | None


@dataclass(slots=True, unsafe_hash=True)  # a value, built per hit: see document.py
class LawHit:
    """One cited title, resolved: the laws step's output."""

    start: int
    end: int
    name: str
    category: str
    issuer: str | None
    parent: str | None  # the outer title, for nested citations
    issuer_hit: AgencyHit | None = None


@lru_cache(maxsize=1)
def _law_index() -> dict[str, ResolvedLaw]:
    index: dict[str, ResolvedLaw] = {}
    for entry in load_laws():
        resolved = ResolvedLaw(entry.name, entry.category, entry.issuer or None)
        index.setdefault(entry.name, resolved)
        for alias in entry.aliases:
            index.setdefault(alias, resolved)
    return index


def lookup(title: str, editions: bool = True) -> ResolvedLaw | None:
    """The dictionary entry for a title or one of its short names (or, with `editions`, a dated plan
    whose period is misprinted)."""
    index = _law_index()
    return index.get(title) or index.get(NATIONAL_PREFIX + title) or (_edition(title) if editions else None)


# A plan of the dictionary cited with its period misprinted or 实施 dropped: 《法治政府建设纲要(2015—2020年)》,
# 《法治政府建设实施纲要(2022-2025年)》. The period's last year names the edition; the name must be the
# dictionary's, so a province's own 纲要 never resolves to the national one.
_PERIOD_RE = re.compile(r"^(?P<base>.+?)\((?P<first>\d{4})\D{0,2}(?P<last>\d{4})年?\)$")


def _edition(title: str) -> ResolvedLaw | None:
    match = _PERIOD_RE.match(title)
    if match is None or not 0 < int(match["last"]) - int(match["first"]) <= 10:
        return None
    return _edition_index().get((match["base"], match["last"]))


@lru_cache(maxsize=1)
def _edition_index() -> dict[tuple[str, str], ResolvedLaw]:
    """(name without its period, last year) -> entry, for the dictionary's dated plans; the name
    without 实施 too (法治政府建设纲要)."""
    editions: dict[tuple[str, str], ResolvedLaw] = {}
    for name, resolved in _law_index().items():
        match = _PERIOD_RE.match(name)
        if match is not None and name == resolved.name:
            for base in {match["base"], match["base"].replace("实施", "")}:
                editions.setdefault((base, match["last"]), resolved)
    return editions


def infer_category(title: str, region_prefix: bool) -> str:
    """Category from the shape of a title that the dictionary does not know."""
    if title.endswith("宪法"):
        return "宪法"
    if _PARTY_RE.match(title) and title.endswith(("条例", "规定", "准则", "规则", "办法")):
        return "党内法规"
    if "关于" in title and title.endswith(("通知", "意见", "决定", "批复", "通告", "公告", "函", "指导意见")):
        return "规范性文件"
    if title.endswith(("纲要", "规划", "要点", "方案", "计划")) or re.search(r"(?:规划|纲要|方案|计划)\(\d{4}", title):
        return "规划纲要"
    if title.endswith("制度") or title.endswith(("工作规则", "议事规则", "工作细则")):
        return "内部制度"
    if title.endswith("条例"):
        return "地方性法规" if region_prefix else "行政法规"
    if title.endswith("法") and title.startswith(NATIONAL_PREFIX):
        return "法律"
    if title.endswith(("规定", "办法", "细则")):
        if region_prefix:
            return "地方政府规章"
        if re.match(r"^.{2,20}(部|总局|委员会|署|局)", title):
            return "部门规章"
        return "规范性文件"
    if title.endswith(("指引", "指南", "标准", "规范")):
        return "规范性文件"
    if title.endswith(("解释", "批复")) and "最高人民" in title:
        return "司法解释"
    return "其他"


def infer_issuer(title: str, category: str, region_name: str | None) -> str | None:
    """The issuing organs a title states, joined with '、' (国务院办公厅关于… → 国务院办公厅;
    中共中央国务院关于… → 中共中央、国务院); None when the words before 关于 are no body."""
    match = _ISSUER_RE.match(title)
    if match:
        return join_issuers(title[:match.end() - len("关于")])
    if category == "地方性法规" and region_name:
        return f"{region_name}人民代表大会常务委员会"
    if category == "地方政府规章" and region_name:
        return f"{region_name}人民政府"
    return None


def strip_parenthetical(title: str) -> str:
    return _PAREN_RE.sub("", title)


def resolve_back_reference(short: str, earlier: list[str]) -> str | None:
    """《纲要》 → the one earlier full title ending in 纲要 (ignoring year ranges); None when ambiguous."""
    if len(short) > 8:
        return None
    matches = {t for t in earlier if t != short and strip_parenthetical(t).endswith(short)}
    return matches.pop() if len(matches) == 1 else None


def looks_like_issuer_prefix(text: str) -> bool:
    return text.endswith(_ORGAN_END)


def resolve_citations(text: str, gazetteer: RegionGazetteer, agency_hits: list[AgencyHit]) -> list[LawHit]:
    """Every cited title (outer before inner) with its canonical name, category and issuer."""
    out: list[LawHit] = []
    earlier: list[str] = []
    starts = [h.start for h in agency_hits]
    for cite, parent in flatten(find_citations(text)):
        if not cite.title:
            continue
        editions = not _local_maker_before(agency_hits, starts, cite.start)
        resolved = lookup(cite.title, editions)
        issuer_hit = None
        if resolved:
            name, category, issuer = resolved.name, resolved.category, resolved.issuer
        else:
            name = resolve_back_reference(cite.title, earlier) or cite.title
            known = lookup(name, editions)
            if known:
                name, category, issuer = known.name, known.category, known.issuer
            else:
                region_hit = _leading_region(gazetteer, name)
                category = infer_category(name, region_hit is not None)
                issuer_hit = _title_issuer(starting_in(agency_hits, starts, cite.start + 1, cite.start + 2), text)
                inferred = infer_issuer(name, category, region_hit)
                joint = inferred is not None and "、" in inferred  # the hit names only the first body
                issuer = issuer_hit.name if issuer_hit and not joint else inferred
        parent_name = next((law.name for law in reversed(out) if law.start == parent.start), None) if parent else None
        out.append(LawHit(cite.start, cite.end, name, category, issuer, parent_name, issuer_hit))
        earlier.append(name)
    return out


BARE_LAW_CATEGORIES = frozenset({"宪法", "法律", "行政法规"})
BARE_LAW_NEXT = frozenset("定律规学治院官务典")  # 行政处罚法|定, 宪法|学: a longer word


@lru_cache(maxsize=1)
def _bare_law_pattern() -> re.Pattern[str]:
    """Names of laws and regulations (and their known short names) as reports write them without 《》
    in a list: 依据行政处罚法、行政许可法…. Only forms of four or more characters ending like a law,
    which prose does not otherwise produce (宪法, 民法 alone are too short to trust)."""
    words = {form for entry in load_laws() if entry.category in BARE_LAW_CATEGORIES
             for form in (entry.name, *entry.aliases)
             if len(form) >= 4 and form.endswith(("法", "条例", "法典")) and "《" not in form}
    return re.compile(guarded_trie_regex(words, width=4))  # every word has four characters or more


def find_bare_laws(text: str, cited: list[LawHit]) -> list[LawHit]:
    """Known laws named without 《》, outside every cited title; the char after must end the name
    (行政处罚法定程序 is not the 行政处罚法)."""
    inside = Containers([(law.start, law.end) for law in cited])
    out = []
    for match in _bare_law_pattern().finditer(text):
        if inside.contain(match.start(), match.end()) or text[match.end():match.end() + 1] in BARE_LAW_NEXT \
                or _in_quotes(text, match.start()):
            continue
        resolved = lookup(match.group(0))
        if resolved is not None:
            out.append(LawHit(match.start(), match.end(), resolved.name, resolved.category, resolved.issuer, None))
    return out


def _in_quotes(text: str, pos: int) -> bool:
    """Inside “…” (“无线电管理条例宣传月”): a quoted name, not a law (ANNOTATION.md)."""
    opened = text.rfind("“", max(0, pos - 30), pos)
    return opened != -1 and "”" not in text[opened:pos]


def _local_maker_before(agency_hits: list[AgencyHit], starts: list[int], opening: int) -> bool:
    """A local body written right before the title (省委、省政府《法治政府建设实施纲要(2016-2020年)》): its
    own plan under the national plan's name, so a period that differs is no misprint of the national one."""
    before = bisect_left(starts, opening) - 1
    return before >= 0 and agency_hits[before].end == opening and agency_hits[before].level not in (None, "国家")


def _leading_region(gazetteer: RegionGazetteer, title: str) -> str | None:
    return _region_at_start(gazetteer, title[:12])


@lru_cache(maxsize=4096)
def _region_at_start(gazetteer: RegionGazetteer, head: str) -> str | None:
    """The region a title's first words name. Cached: reports cite the same local titles again
    and again, and scanning and resolving each one anew was a third of the laws step."""
    hits = gazetteer.find(head)
    if hits and hits[0].start == 0:
        entry = gazetteer.resolve(hits[:1], None).get(0)
        return entry.name if entry else None
    return None


def _title_issuer(at_title_start: Sequence[AgencyHit], text: str) -> AgencyHit | None:
    """An agency written at the very start of a title and followed by 关于 (or 、 another organ)."""
    for hit in at_title_start:
        if not hit.generic and text.startswith(("关于", "、"), hit.end):
            return hit
    return None
