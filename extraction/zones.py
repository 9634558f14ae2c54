"""Development zones (高新区, 经开区, 航空港经济区…) and their organs.

A zone is not an administrative division (ANNOTATION.md's regions are divisions), yet it has a
管理委员会 and a party 工作委员会, its departments write their names after the zone's
(高新区综治局), and it publishes its own 法治政府建设 report. So a zone is found by its head word
(data/zone_forms.tsv) and the name written before it, and is named in full: 珠海高新区 →
珠海高新技术产业开发区, and a bare 高新区 in a 珠海 report likewise (the national naming rule
<city>高新技术产业开发区). A bare head the text never names in full keeps its head in full
(高新区 → 高新技术产业开发区) but stays this report's own, so two reports' 经济开发区 never merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fazhi.extraction.agencies import AgencyContext, AgencyHit, expand_abbreviation
from fazhi.extraction.dictionaries import load_zone_forms

ZONE_ORGANS = {"管理委员会": "{}管理委员会", "管委会": "{}管理委员会",
               "党工委": "中共{}工作委员会", "工作委员会": "中共{}工作委员会", "工委": "中共{}工作委员会",
               "党委": "中共{}委员会"}  # 工委、管委会: a zone's party work committee written short
PARTY_ORGANS = ("党工委", "工作委员会", "工委", "党委")
BOARD_AFTER_PARTY_RE = re.compile(r"[、和及与]?(管委会|管理委员会)")
# the rule-of-law bodies a zone's party organ sets up, as a district's 区委 does (中共X开发区工作委员会全面依法治区
# 委员会, …法治建设委员会, its office 依法治区办)
PARTY_BODIES = {
    **{f"{form}{tail}": f"全面依法治区委员会{office}" for form in ("全面依法治区", "依法治区")
       for tail, office in (("委员会办公室", "办公室"), ("委员会", ""), ("办", "办公室"), ("委", ""))},
    "法治建设委员会办公室": "法治建设委员会办公室", "法治建设委员会": "法治建设委员会",
}
PARTY_BODY_RE = re.compile("|".join(sorted(PARTY_BODIES, key=len, reverse=True)))
ORGAN_RE = re.compile("|".join(sorted(ZONE_ORGANS, key=len, reverse=True)).replace("党委", "党委(?!会)"))  # 党委会: a meeting
# What cannot be part of a zone's own name before its head word (深入推进经济开发区建设, 各开发区)
# or verbs that take the zone as object (结合经济技术开发区管理委员会…, 支持高新区发展), or a page's row label
# (发布机构经济技术开发区…, its spaces dropped): the name starts after them
NAME_STOP_RE = re.compile(r"机构|机关|来源|发布|简称|称|的|和|与|及|开展|推进|建设|各|全|在|对|将|为|等|是|了|通过|依托|本|我|该|个|级|所在|其他|重点"
                          r"|结合|配合|会同|联合|协助|指导|督促|推动|支持|服务|围绕|根据|按照|落实|加强|组织|召开|印发|参加|"
                          r"参与|深化|打造|实施|部署|协调|理顺|规范|完善|提升|向|由|到|赴|至|从|于")
CLAUSE_BREAK = frozenset(",，。；;:：、\n （(“\"》年")
# words after which a name begins (现将郑东新区…报告如下, 把大鹏新区建成…): the zone's own name runs from there
# to its head word when NAME_STOP_RE finds no verb or measure word in it (not 《: a cited title's wording is no
# name the report calls a zone by)
NAME_OPENERS = frozenset("将把对由向与和及")
MAX_NAME_CHARS = 8
NAME_DASHES = frozenset("-－—")
PLACE_LEVELS = ("市", "区县")  # a zone's name places it only at these levels (贵州双龙…: no city)
# a bare organ word of the issuing zone: after a clause break or the zone's own 区 (区管委会, 区党工委)
OWN_ORGAN_BEFORE = CLAUSE_BREAK | frozenset("在由经向对与和及为将把被受以")  # 以党工委名义


@dataclass(frozen=True, slots=True)
class Place:
    """A region the text names, as the zone finder needs it: where, its Region node and level."""

    start: int
    end: int
    node: str | None
    level: str | None


@dataclass(frozen=True, slots=True)
class Zone:
    start: int
    end: int
    name: str  # in full: 珠海高新技术产业开发区
    region: str | None  # the Region node it lies in, when its name or the report's city fixes it
    level: str | None
    scoped: bool  # named only by a bare head the text never completes: this report's own


@lru_cache(maxsize=1)
def _heads() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over full heads and short forms (longest first), and short form -> full head."""
    forms = load_zone_forms()
    full_of = {full: full for full in forms} | {short: full for full, short in forms.items() if short}
    return re.compile("|".join(re.escape(w) for w in sorted(full_of, key=len, reverse=True))), full_of


def find_zones(text: str, places: list[Place], context: AgencyContext) -> list[Zone]:
    """Every zone the text names, each in full as far as the text (or the report's city) says."""
    head_re, full_of = _heads()
    named: dict[int, Zone] = {}
    bare: list[tuple[int, int, str]] = []
    for match in head_re.finditer(text):
        if any(p.start <= match.start() < p.end for p in places):
            continue  # the head ends a division's own name (浦东新区, 滨海新区): a district, not a zone
        start, head = _name_start(text, match.start(), places), full_of[match.group(0)]
        if start < match.start():
            named[start] = _named_zone(start, match.end(), text[start:match.start()] + head, places)
        else:
            bare.append((start, match.end(), head))
    zones = list(named.values())
    own_names = [z for z in zones if not _inside_title(text, z.start)]
    for start, end, head in bare:
        zones.append(_bare_zone(start, end, head, text, [z for z in own_names if z.name.endswith(head)], context))
    zones = _with_second_names(text, zones, places)
    return sorted((_in_own_division(z, places, context) for z in zones), key=lambda z: z.start)


def _with_second_names(text: str, zones: list[Zone], places: list[Place]) -> list[Zone]:
    """A zone written with a division's name in brackets after it (火炬高新区(中山港街道), 高新区(新市区)) is one
    body under two names: the division is its region, wherever the text names the zone."""
    after = {p.start: p for p in places if p.node is not None}
    second: dict[str, Place] = {}
    for zone in zones:
        place = after.get(zone.end + 1) if text[zone.end:zone.end + 1] in "(（" else None
        if place is not None and text[place.end:place.end + 1] in ")）":
            second.setdefault(zone.name, place)
    return [Zone(z.start, z.end, z.name, second[z.name].node, second[z.name].level, z.scoped)
            if z.region is None and z.name in second else z for z in zones]


def _inside_title(text: str, pos: int) -> bool:
    """Inside a cited 《…》: a document's wording (《珠海经济特区国家高新技术产业开发区条例》), not the name
    the report itself calls the zone by, so a bare 高新区 does not take it."""
    opened = text.rfind("《", max(0, pos - 60), pos)
    return opened >= 0 and "》" not in text[opened:pos] and "》" in text[pos:pos + 60]


def _name_start(text: str, head_start: int, places: list[Place]) -> int:
    """Where the zone's name begins: at a region the text names (珠海|高新区, 内蒙古阿拉善|高新…), else
    at a clause start a few characters back (年|宁河经济开发区), else the head alone."""
    floor = max(0, head_start - MAX_NAME_CHARS)
    for place in places:
        if floor <= place.start < head_start and _is_name(text[place.start:head_start]):
            return place.start
    dashes = sum(c in NAME_DASHES for c in text[head_start - 5:head_start])  # 中国—东盟: one more character back
    for pos in range(head_start - 1, max(floor, head_start - 5 - dashes) - 1, -1):
        if _joins_two_places(text, pos):
            continue
        if text[pos] in CLAUSE_BREAK or text[pos] in NAME_OPENERS or not "\u4e00" <= text[pos] <= "\u9fff":
            return pos + 1 if _is_name(text[pos + 1:head_start]) else head_start
    return head_start


def _joins_two_places(text: str, pos: int) -> bool:
    """广西-东盟经济技术开发区, 中国—东盟: a dash between two names inside a zone's name is part of it."""
    return text[pos] in NAME_DASHES and pos > 0 and _is_name(text[pos - 1])


def _is_name(words: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in NAME_DASHES for c in words) and not NAME_STOP_RE.search(words) \
        and words[:1] not in NAME_DASHES


def _named_zone(start: int, end: int, name: str, places: list[Place]) -> Zone:
    """A zone written with its own name: placed by the deepest city or county inside that name that
    the text resolves (大连|长兴岛经济区: in 大连市 when 长兴 is not a county the text fixes)."""
    inside = [p for p in places if start <= p.start < end and _places_a_zone(p.level, p.node) and p.node is not None]
    place = inside[-1] if inside else None
    return Zone(start, end, name, place.node if place else None, place.level if place else None, False)


def _in_own_division(zone: Zone, places: list[Place], context: AgencyContext) -> Zone:
    """A zone whose own name holds no division (郑东新区, 大鹏新区) lies in the report's own city or
    county, as a bare 经济开发区 does; its name stays as written (the 开发区 convention: the division is
    its region). Done after the bare heads are resolved, which take only a zone its name places."""
    own = context.own
    if zone.region is not None or zone.scoped or own is None or any(zone.start <= p.start < zone.end for p in places):
        return zone
    if not _places_a_zone(own.level, own.node):
        return zone
    return Zone(zone.start, zone.end, zone.name, own.node, own.level, False)


def _places_a_zone(level: str | None, node: str | None) -> bool:
    """A city or county in a zone's name places it (珠海, 宁河, 天津 a 直辖市); a province does not
    (贵州双龙航空港经济区 lies in 贵阳)."""
    return level in PLACE_LEVELS or (level == "省" and (node or "").endswith("市"))


def _bare_zone(start: int, end: int, head: str, text: str, named: list[Zone], context: AgencyContext) -> Zone:
    """A head alone (经济开发区, 高新区): the zone the text names in full, when it names one such (or one
    written with its city, when loose words before a head make others: 即经济技术开发区); else
    the report's own: a 高新区/经开区 of its city by the national naming rule (<city>高新技术产业开发区),
    any other head of its own division (西平县产业集聚区); else the head in full, this report's own
    (ANNOTATION.md: abbreviations take their full names; scoped, so two reports' zones never merge)."""
    placed = [z for z in named if z.region is not None]  # written with its city: 天津|经济技术开发区
    for choice in (named, placed):
        if len({z.name for z in choice}) == 1:
            return Zone(start, end, choice[0].name, choice[0].region, choice[0].level, False)
    abbreviated = head != text[start:end]
    own = context.city if abbreviated else context.own
    if own is not None and own.level in PLACE_LEVELS and (own.prefix.endswith("市") or not abbreviated):
        prefix = own.prefix[:-1] if abbreviated else own.prefix
        return Zone(start, end, prefix + head, own.node, own.level, False)
    return Zone(start, end, head, None, None, True)  # 高新区 → 高新技术产业开发区: a short form takes its full head


def zone_issuer(zone: Zone) -> AgencyHit:
    """A zone's report is issued by its 管理委员会 (as a region's report is by its government)."""
    return AgencyHit(zone.start, zone.end, zone.name + "管理委员会", zone.level, zone.region, scoped=zone.scoped)


def zone_agencies(text: str, zones: list[Zone], issuer: Zone | None, hits: list[AgencyHit]) -> list[AgencyHit]:
    """`hits` with the zones' organs and departments in place of what the agency rules made of them:
    高新区管委会, 经济区党工委, 高新区综治局 (not 区综治局); in a zone's own report a bare 管委会
    or 区党工委 is the issuing zone's."""
    found = [hit for zone in zones for hit in _organs_after(text, _as_issuer(zone, issuer), hits)]
    if issuer is not None:
        for match in ORGAN_RE.finditer(text):
            start = match.start() - 1 if text[match.start() - 1:match.start()] == "区" else match.start()
            if start == 0 or text[start - 1] in OWN_ORGAN_BEFORE:
                found.append(_organ(issuer, start, match.end(), match.group(0)))
        hits = [_own_department(text, issuer, hit) for hit in hits]
    found = [h for i, h in enumerate(found) if not any(_overlaps(h, o) for o in found[:i])]
    kept = [h for h in hits if not any(_overlaps(h, f) for f in found)]
    return sorted(kept + found, key=lambda h: h.start)


def _as_issuer(zone: Zone, issuer: Zone | None) -> Zone:
    """滨海高新区 in a report of the 天津滨海高新技术产业开发区: the issuing zone, written shorter."""
    if issuer is None or issuer.name == zone.name or not issuer.name.endswith(zone.name):
        return zone
    return Zone(zone.start, zone.end, issuer.name, issuer.region, issuer.level, issuer.scoped)


def _own_department(text: str, zone: Zone, hit: AgencyHit) -> AgencyHit:
    """In a zone's own report, 区市场监管局 (a bare 区 no district fixes) is the zone's department; and a
    bare 政务服务中心 that the agency rules gave the province, the only division the text names, is the
    zone's own, as written (a zone lies below a province, in a city the text does not say)."""
    if text.startswith("区", hit.start) and hit.scoped and hit.core and not hit.generic:
        return AgencyHit(hit.start, hit.end, zone.name + hit.core, zone.level, zone.region, scoped=zone.scoped)
    if hit.bare and hit.level == "省" and zone.region is None:
        return AgencyHit(hit.start, hit.end, text[hit.start:hit.end], None, None, scoped=True)
    return hit


def _organs_after(text: str, zone: Zone, hits: list[AgencyHit]) -> list[AgencyHit]:
    """The zone's organ written after its name; with the 管委会 written right after its party organ (新区党工委、
    管委会: one zone named once for the pair, as 镇党委、政府 is one town's)."""
    hit = _organ_after(text, zone, hits)
    if hit is None:
        return []
    board = BOARD_AFTER_PARTY_RE.match(text, hit.end)
    if board is None or text[zone.end:hit.end] not in PARTY_ORGANS:
        return [hit]
    return [hit, _organ(zone, board.start(1), board.end(1), board.group(1))]


def _organ_after(text: str, zone: Zone, hits: list[AgencyHit]) -> AgencyHit | None:
    organ = ORGAN_RE.match(text, zone.end)
    if organ is not None:
        party_body = PARTY_BODY_RE.match(text, organ.end()) if organ.group(0) in PARTY_ORGANS else None
        if party_body is not None:  # 高新区党工委全面依法治区委员会: a committee of the zone's party organ
            body = PARTY_BODIES[party_body.group(0)]
            name = ZONE_ORGANS[organ.group(0)].format(zone.name) + body
            return AgencyHit(zone.start, party_body.end(), name, zone.level, zone.region, scoped=zone.scoped)
        return _organ(zone, zone.start, organ.end(), organ.group(0))
    for hit in hits:  # 高新区|综治局: the agency rules read 区综治局 (a district's)
        if zone.end - 1 <= hit.start <= zone.end < hit.end and not hit.generic:
            name = zone.name + expand_abbreviation(text[zone.end:hit.end])
            return AgencyHit(zone.start, hit.end, name, zone.level, zone.region, scoped=zone.scoped)
    return None


def _organ(zone: Zone, start: int, end: int, word: str) -> AgencyHit:
    return AgencyHit(start, end, ZONE_ORGANS[word].format(zone.name), zone.level, zone.region, scoped=zone.scoped)


def _overlaps(a: AgencyHit, b: AgencyHit) -> bool:
    return a.start < b.end and b.start < a.end
