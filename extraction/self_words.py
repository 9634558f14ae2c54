"""How a report speaks of itself — 我局, 本委, 全县, 我镇, 厅党组 — read once per document.

Why a value read once: the issuer rules ask the same questions of the whole text again and again
(does the report say 我局? with which head? does it call its division 全镇?), and the issuer step
runs them up to three times per report (again after the issuer places the report). Each question
used to scan the text anew; now the issuer step makes one SelfWords per document and hands it on, and
each kind of word is read once, when first asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from fazhi.extraction.agencies import DEPARTMENT_SELF_HEADS, AgencyHit

DEPARTMENT_HEADS = frozenset(DEPARTMENT_SELF_HEADS.split("|"))
BODY_HEADS = DEPARTMENT_HEADS | {"府", "镇", "乡", "街道"}  # 本府, 我镇: a government speaking
TOWN_WORDS = frozenset({"镇", "乡", "街道"})
LEVEL_CHARS = frozenset("省市区县州盟旗镇乡街")
# 我/本/全 and the word it makes the text's own: a body's head (局, 中心, 府) or a division's level (县, 街道);
# a character class first, so the scan is fast (lookbehinds in an alternation are not: checked after)
SELF_WORD_RE = re.compile(r"([我本全])(中心|街道|[局委厅办院部所府镇乡街省市区县州盟旗])")
# not the 本 of 基本/根本 (基本办结, 根本办法) nor the 全 of 健全 (健全镇村…)
OTHER_WORD_BEFORE = {"本": frozenset("基根"), "全": frozenset("健"), "我": frozenset()}
# 结合自治区实际, 结合全县工作实际: the division whose circumstances a plan or report is fitted to is its own
OWN_REALITY_RE = re.compile(r"结合[我本全]?(自治区|[省市区县州盟旗])(?:工作)?实际")
# a head that starts another word: 本办法, 本部门 (any department's own, said by a government too), 我所在,
# 本所属, 基本局面, 本委托 — words, not a body speaking of itself
OTHER_WORDS = frozenset({"办法", "办理", "部门", "部署", "部分", "部级", "所属", "所在", "所有", "所得", "所需",
                         "所谓", "所以", "所涉", "局面", "局部", "局势", "委托", "院校"})
# The body named by its leaders or party group: 部主要负责同志…, 厅党组… (ANNOTATION.md), and a bureau's party
# committee (市局党委带头…); one character class first, so the scan is fast (an alternation of groups is not)
LEADERS_RE = re.compile(r"([部厅局委])(主要负责同志|主要负责人|党组|领导班子|党委(?![员书副]))")
# 区委主要负责同志: a level's party committee (区委, 县委, 镇党委) is the region's, not a 委 speaking of itself
REGION_COMMITTEE_BEFORE = frozenset("省市区县州盟旗党镇乡")


@dataclass(frozen=True, slots=True)
class _OwnWords:
    """What one scan for 我/本/全 + a head or level word finds."""

    references: tuple[tuple[int, int], ...]
    heads: frozenset[str]
    first_person: frozenset[str]
    department: frozenset[str]
    level_chars: frozenset[str]
    towns: tuple[str, ...]


class SelfWords:
    """The words by which one report speaks of itself, with what each names.

    Each kind is read on first use and kept (a report whose title names its issuer never asks for
    its leaders' words); `references` … `towns` come from one scan, `leaders` and `party` from another.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _own(self) -> _OwnWords:
        return _read_own_words(self.text)

    @cached_property
    def _leading(self) -> tuple[frozenset[str], frozenset[str]]:
        return _read_leaders(self.text)

    @property
    def references(self) -> tuple[tuple[int, int], ...]:
        """我局, 本委, 本府, 我镇: the spans that stand for the issuer."""
        return self._own.references

    @property
    def heads(self) -> frozenset[str]:
        """The heads of the references (局, 委, 府, 街道…)."""
        return self._own.heads

    @property
    def first_person(self) -> frozenset[str]:
        """我 + a department's head (我局, 我委)."""
        return self._own.first_person

    @property
    def department(self) -> frozenset[str]:
        """我/本 + a department's head (本局, 我所)."""
        return self._own.department

    @property
    def speaks_as_department(self) -> bool:
        """我局, 本委: a department's report, whose 全县 is the county it serves."""
        return bool(self._own.department)

    @property
    def level_chars(self) -> frozenset[str]:
        """我县, 全市, 本街, 结合自治区实际: the level characters the text calls its own."""
        return self._own.level_chars

    @property
    def towns(self) -> tuple[str, ...]:
        """我镇, 全镇, 本街道…: every one as written, in text order."""
        return self._own.towns

    @property
    def leaders(self) -> frozenset[str]:
        """局党组, 部主要负责同志: heads of a body named by its leaders or party group."""
        return self._leading[0]

    @property
    def party(self) -> frozenset[str]:
        """局党委: heads of a bureau named by its party committee."""
        return self._leading[1]


def _read_own_words(text: str) -> _OwnWords:
    references: list[tuple[int, int]] = []
    heads: set[str] = set()
    first_person: set[str] = set()
    department: set[str] = set()
    level_chars: set[str] = set()
    towns: list[str] = []
    for m in SELF_WORD_RE.finditer(text):
        own, word = m.group(1), m.group(2)
        if m.start() > 0 and text[m.start() - 1] in OTHER_WORD_BEFORE[own]:
            continue
        if own != "全" and word in BODY_HEADS and text[m.start(2):m.start(2) + 2] not in OTHER_WORDS:
            references.append((m.start(), m.end()))
            heads.add(word)
            if word in DEPARTMENT_HEADS:
                department.add(word)
                if own == "我":
                    first_person.add(word)
        if word in TOWN_WORDS:
            towns.append(own + word)
        if word in LEVEL_CHARS or word == "街道":
            level_chars.add(word[0])
    level_chars.update(m.group(1)[-1] for m in OWN_REALITY_RE.finditer(text))  # 自治区: its 区
    return _OwnWords(tuple(references), frozenset(heads), frozenset(first_person), frozenset(department),
                     frozenset(level_chars), tuple(towns))


def _read_leaders(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The heads of bodies named by their leaders or party group, and by their party committee."""
    leaders: set[str] = set()
    party: set[str] = set()
    for m in LEADERS_RE.finditer(text):
        head, word = m.group(1), m.group(2)
        if word == "党委":
            if head != "委":
                party.add(head)
        elif head != "委" or m.start() == 0 or text[m.start() - 1] not in REGION_COMMITTEE_BEFORE:
            leaders.add(head)
    return frozenset(leaders), frozenset(party)


def self_reference_hits(own: SelfWords, issuer: AgencyHit) -> list[AgencyHit]:
    """我局/本局/我委… as mentions of the issuing agency."""
    return [AgencyHit(start, end, issuer.name, issuer.level, issuer.region) for start, end in own.references]
