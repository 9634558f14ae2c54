"""Who does what in a report, beyond its issuer: the agencies a clause names as its subject, the
bodies that sign a joint document with the issuer, and the part of an annual report that plans
next year's work.

The relations step reads these so that IMPLEMENTS is not only "the issuer does every measure":
区委依法治区办…组织召开督察部署会 names who held the meeting, 区委、区政府主要负责同志履行第一责任人职责
names the party committee too, 中央对本市开展督察 is done by the centre and not by the city, and
a 下一年度工作安排 section says what the issuer will do, not what it did in the report's year.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from fazhi.extraction.agencies import SELF_HEADS, AgencyHit

# what opens a clause before its subject: a list marker (一是, (二), 3.), a year (2021年以来，), the
# agent marker 由 (由市编办提出调整意见) and 原 before a renamed body (原市法制办进行合法性审查)
ITEM_MARK = r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])"
LEAD_RE = re.compile(r"\s*(?:" + ITEM_MARK + r"|[一二三四五六七八九十]+、)?\s*(?:\d{4}年(?:以来|来|度)?[，,]?)?\s*"
                     r"(?:由)?(?:原)?")
OWN_REGION_RE = re.compile(r"[我本](?=[省市县区])")
SUBJECT_GAP_RE = re.compile(r"[、和及与\s]*")
# the issuer speaking of itself or its region (我局, 本委, 我市): a subject's scope ends there
OWN_VOICE_RE = re.compile(rf"(?:我|本)(?:{SELF_HEADS}|市|县|区|省)")
CLAUSE_BREAK_RE = re.compile(r"[，,；;。！？!?：:\n]")
# 中央对本市开展…督察 / 市委依法治市办来我县开展督察: the subject acts on the issuer, so the measure is
# not the issuer's doing
ACTS_ON_ISSUER_RE = re.compile(r"(?:对|向|来|到|赴|深入)(?:本|我)[省市县区镇乡局委厅办院部街]")
# a top-level heading that opens the plan for the coming year (三、下一年度努力方向; 四、2023年工作计划)
PLAN_HEADING_RE = re.compile(
    r"^[ \t\u3000]*[一二三四五六七八九十]+、[^\n]{0,30}?(?:下一年度|下一步|下年度|明年|今后|工作计划|工作打算|"
    r"工作思路|努力方向|工作安排|主要安排)", re.M)
TOP_HEADING_RE = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]+、", re.M)
# how far a subject reaches: its own clause and two more (区委、区政府主要负责同志高度重视…，先后作出批示，开展区委
# 理论学习中心组专题学法),
# not the rest of a long sentence whose later clauses are the issuer's again
SUBJECT_CLAUSES = 3
CO_ISSUER_GAP_RE = re.compile(r"[\s、和与]*")
# a plan's task followed by who carries it out: …全面推行行政执法公示制度。(牵头单位：市司法局；责任单位：…)
RESPONSIBLE_RE = re.compile(
    r"[（(](?:牵头|责任|参加|参与|配合|协办|主办)(?:单位|部门)[：:][^（）()\n]{1,300}[)）]")


@dataclass(frozen=True, slots=True)
class Subject:
    """Agencies named at the head of a clause, and the span of the sentence they govern."""

    agencies: tuple[AgencyHit, ...]
    start: int  # where the governed text starts (after the subject)
    end: int  # where it ends: the sentence's end, the issuer or a self-reference, or the next subject
    acts_on_issuer: bool


def clause_subjects(text: str, sentence_start: int, sentence_end: int, hits: list[AgencyHit],
                    starts: list[int], issuer: str | None) -> list[Subject]:
    """The subjects of one sentence's clauses: agencies that open a clause (after a list marker or
    a year), listed with 、/和; each governs the sentence up to the next subject, the issuer or 我局."""
    first = bisect_left(starts, sentence_start)
    if first == len(starts) or starts[first] >= sentence_end:
        return []  # no agency named in the sentence: no subject (most sentences; relations ask per sentence)
    found: list[tuple[tuple[AgencyHit, ...], int]] = []
    clause = sentence_start
    while clause < sentence_end:
        chain = subject_at(text, LEAD_RE.match(text, clause, sentence_end).end(), hits, starts)  # type: ignore[union-attr]
        if chain:
            found.append((chain, chain[-1].end))
        brk = CLAUSE_BREAK_RE.search(text, clause, sentence_end)
        clause = brk.end() if brk else sentence_end
    subjects = []
    for index, (chain, start) in enumerate(found):
        end = found[index + 1][0][0].start if index + 1 < len(found) else sentence_end
        end = clauses_end(text, start, end, SUBJECT_CLAUSES)
        acts = ACTS_ON_ISSUER_RE.match(text, start, end)  # 区司法局对我局开展…: 我局 is the object here
        end = _own_voice(text, acts.end() if acts else start, end, hits, starts, issuer)
        subjects.append(Subject(chain, start, end, bool(acts)))
    return subjects + _acting_on_issuer(text, sentence_start, sentence_end, hits, starts, subjects)


def _acting_on_issuer(text: str, sentence_start: int, sentence_end: int, hits: list[AgencyHit],
                      starts: list[int], subjects: list[Subject]) -> list[Subject]:
    """以中央对本市开展…督察为契机: a body acting on the issuer inside a clause; it governs up to the
    clause end."""
    taken = {h.start for subject in subjects for h in subject.agencies}
    found = []
    for hit in hits[bisect_left(starts, sentence_start):bisect_left(starts, sentence_end)]:
        if hit.start not in taken and ACTS_ON_ISSUER_RE.match(text, hit.end, sentence_end):
            brk = CLAUSE_BREAK_RE.search(text, hit.end, sentence_end)
            found.append(Subject((hit,), hit.end, brk.start() if brk else sentence_end, True))
    return found


def clauses_end(text: str, start: int, end: int, clauses: int, breaks: re.Pattern[str] = CLAUSE_BREAK_RE) -> int:
    """Where the `clauses`-th clause from `start` ends (at its break), at most `end`: how far a
    subject or a cited requirement reaches."""
    for _ in range(clauses):
        brk = breaks.search(text, start, end)
        if brk is None:
            return end
        start = brk.end()
    return start - 1


def subject_at(text: str, pos: int, hits: list[AgencyHit], starts: list[int]) -> tuple[AgencyHit, ...]:
    """The agencies that open a clause at `pos`, also after the issuer's own region (我县司法局组织开展…)."""
    chain = chain_at(text, pos, hits, starts)
    if not chain and OWN_REGION_RE.match(text, pos):
        chain = chain_at(text, pos + 1, hits, starts)
    return chain


def chain_at(text: str, pos: int, hits: list[AgencyHit], starts: list[int]) -> tuple[AgencyHit, ...]:
    """The agencies listed from `pos` on (区委、区政府…), each starting where the last one ends."""
    chain: list[AgencyHit] = []
    i = bisect_left(starts, pos)
    while i < len(hits) and hits[i].start == pos:
        chain.append(hits[i])
        pos = SUBJECT_GAP_RE.match(text, hits[i].end).end()  # type: ignore[union-attr]
        i = bisect_left(starts, pos)
    return tuple(chain)


def _own_voice(text: str, start: int, end: int, hits: list[AgencyHit], starts: list[int],
               issuer: str | None) -> int:
    """Where the issuer speaks again after a subject (我局…, or the issuer's name): the subject's
    scope ends there."""
    stop = end
    own = OWN_VOICE_RE.search(text, start, end)
    if own:
        stop = own.start()
    i = bisect_left(starts, start)
    while i < len(hits) and hits[i].start < stop:
        if hits[i].name == issuer:
            return hits[i].start
        i += 1
    return stop


def plan_spans(text: str) -> list[tuple[int, int]]:
    """The sections of an annual report that plan the coming year, each up to the next top heading."""
    spans = []
    for heading in PLAN_HEADING_RE.finditer(text):
        following = TOP_HEADING_RE.search(text, heading.end())
        spans.append((heading.start(), following.start() if following else len(text)))
    return spans


def co_issuers(text: str, title_start: int, title_end: int, issuer: AgencyHit,
               hits: list[AgencyHit], starts: list[int]) -> list[AgencyHit]:
    """Bodies written next to the issuer in a title (鹤岗市人民政府 鹤岗市中级人民法院印发…): they
    issue the document with it."""
    if not title_start <= issuer.start < title_end:
        return []
    pos = CO_ISSUER_GAP_RE.match(text, issuer.end).end()  # type: ignore[union-attr]
    return [h for h in chain_at(text, pos, hits, starts) if h.end <= title_end and h.name != issuer.name]


def task_owners(text: str, hits: list[AgencyHit], starts: list[int]) -> list[Subject]:
    """The bodies a plan assigns to a task ((牵头单位：市司法局；责任单位：…) after it): each governs the
    task's text, from the line or the previous assignment up to its own parenthesis."""
    owners = []
    previous = 0
    for match in RESPONSIBLE_RE.finditer(text):
        task_start = max(previous, text.rfind("\n", 0, match.start()) + 1)
        named = hits[bisect_left(starts, match.start()):bisect_left(starts, match.end())]
        if named:
            owners.append(Subject(tuple(named), task_start, match.start(), False))
        previous = match.end()
    return owners
