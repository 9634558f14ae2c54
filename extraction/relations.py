"""Relations between the entities of one report, each with the sentence that states it.

- ISSUED (Agency→Report), CITES, MENTIONS: from the issuer and every entity found.
- IMPLEMENTS {year}: in these reports the issuing agency reports what it does, so the issuer
  implements every measure the report names, except in an annual report's plan for the coming
  year and where another body acts on the issuer (中央对本市开展督察). An agency that opens a
  clause as its subject (区委依法治区办组织召开督察部署会) implements the measures of that clause,
  and so does a partner the issuer works with (配合市司法局推进执法两平台).
- COOPERATES_WITH: a cue (联合/配合/会同/协同/协助) followed closely by another agency, or 与X联动 /
  与X会同 written the other way round, and the bodies signing a joint document with the issuer.
- BASED_ON: a basis cue (按照/根据/依据/贯彻/落实) directly before a citation, and the measures of
  the text the cited requirement governs: after the citation, up to the clause end when 按照《X》要求，
  stands alone, up to the first comma when it leads straight into a verb (按照《X》规定制定…).
- ISSUED (Agency→Law): the issuer 制定/出台/印发 a document; bodies written before the verb
  (中共中央、国务院印发的《…》; 以市委、市政府名义印发《…》); a document a notice hands out (现将《…》印发给你们).
  ISSUED_BY: an organ written at the head of a cited title (国务院办公厅关于…).
- REFERENCES: nested titles. LOCATED_IN / PART_OF: agencies in their region,
  regions in their parent region.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from fazhi.extraction.actors import (
    ITEM_MARK,
    LEAD_RE,
    OWN_VOICE_RE,
    clause_subjects,
    clauses_end,
    co_issuers,
    plan_spans,
    subject_at,
    task_owners,
)
from fazhi.extraction.agencies import AgencyHit
from fazhi.extraction.document import Document
from fazhi.extraction.laws import MADE_RE, LawHit
from fazhi.extraction.measures import MeasureHit
from fazhi.extraction.regions import RegionEntry, RegionGazetteer, RegionMention
from fazhi.extraction.spans import starting_in
from fazhi.model import Extraction, Relation

# before the partner; 共同 is not one: it follows the partners (与X共同开展), and 党工委、办事处共同组成…委员会
# is not work with the committee
# 联系公安机关、教育部门(对外国人实施监督检查): liaising with a named body on a task is joint work
COOPERATION_RE = re.compile(r"联合|配合|会同|协同|协助|联动|携手|联系|统筹")
# …、法庭等人员: the pooled list may go on with bodies not recognised, then names what is pooled
POOLED_RE = re.compile(r"(?:[、和及与][^，,。；;、]{1,6}?)*等?(?:部门|单位)?(?:的)?(?:人员|力量|资源)")
COOPERATION_WINDOW = 12
# 与市场监管部门联动 / 与教育局会同: the partner before the cue
PARTNER_BEFORE_RE = re.compile(r"(?:等部门|等单位|等)?(?:联动|会同|联合|合作|协作|协同|共同|一道|携手)")
BASIS_RE = re.compile(r"按照|根据|依据|依照|贯彻|落实|遵照|对照|执行")
# between a basis cue and its citation: issuers and other titles, no clause break (titles removed first)
BASIS_GAP_MAX = 16
# 按照《X》的要求，立足行业特点，全面推进M: the clauses after the requirement that it governs
GOVERNED_CLAUSES = 2
TITLE_RE = re.compile(r"《[^《》]*》")
CLAUSE_END_RE = re.compile(r"[；;。！？!?\n]")
COMMA_RE = re.compile(r"[，,；;。！？!?\n]")
# the basis noun that closes 按照《X》的要求: what follows it is the governed text
# a document number after a citation: 《吉林省依法行政考核办法》(吉政令第218号)要求 / 《…》（粤府办〔2020〕12号）和《…》
DOC_NUMBER = r"(?:[（(][^（）()《》，,。；;\n]{1,30}[)）])?"
BASIS_NOUN_RE = re.compile(r"[》\s]*" + DOC_NUMBER + r"(?:及其(?:实施条例|实施细则|实施办法|配套(?:规定|制度|文件)))?(?:等)?(?:文件)?(?:的)?(?:有关|相关)?(?:要求|规定|精神|部署|标准)?(?:等)?(?:的)?(?:要求)?")
# 《A》及“红黑榜”制度 coordinates; 《行政复议法》及其实施条例 is the same law's family
COORDINATED_RE = re.compile(r"[》\s]*" + DOC_NUMBER + r"(?:及(?!其)|和|与|以及|、)")
# the basis written after the citation: 《X》印发后，我厅…; 在转发《X》的基础上，…; 以《X》为依据，…
BASIS_AFTER_RE = re.compile(r"[》\s]*" + DOC_NUMBER + r"(?:(?:印发|出台|颁布|公布|下发|实施|施行)(?:以)?后|的基础上|"
                            r"为(?:依据|遵循|准绳))")
# an item heading: a list marker and a short phrase (2.严格执行重大行政决策法定程序。)
ITEM_MARK_RE = re.compile(r"\s*" + ITEM_MARK)
HEADING_MAX = 30
ISSUE_VERB_RE = re.compile(r"(?:制发|下发|审议通过|研究通过|制定落实|印发实施|编制完成|编写|编印)了?$")
# 区政府常务会议…审议《…》: the issuer's own meeting deliberating its document makes it; another body's
# deliberation (区人大常委会审议《…报告》) does not say that body made it
DELIBERATED_RE = re.compile(r"审议了?$")
# the words of a notice title right before the document it hands out (关于印发〈X〉和〈Y〉的通知)
HANDS_OUT_RE = re.compile(r"(?:印发|印发实施|颁布|发布)[和、及与]*$")
# a clause whose subject is many bodies (各部门, 各乡镇（街道）, 全县各级行政机关): what it makes is not the issuer's
PLURAL_SUBJECT_RE = re.compile(r"(?:各|全[省市县区州旗])[^，,。；;《]{0,8}?(?:部门|单位|乡镇|街道|机关|县|区|市)")
# 《X》经县政府常务会议审议通过 / 拟定了《X》，并于1月7日审议通过: passed after the title (not 审议通过后, a
# national law passed before the work it frames)
PASSED_AFTER_RE = re.compile(r"[)）]?[，,]?(?:并|已|先后)?(?:于[^，,。《》\n]{1,15})?(?:经|由)?"
                             r"([^，,。《》；;\n]{0,20}?)审议通过(?![后之以])")
DRAFTED_RE = re.compile(r"起草了?$")
OWN_DRAFT_RE = re.compile(r"(?:拟定|起草|草拟|修订|修改)了?$")
# 已编制重大行政决策事项目录《市科技局重大行政决策目录》: the verb's object named, then its title
APPOSITIVE_MADE_RE = re.compile(r"(?:制定|出台|印发|编制|制发)了?[^，,。；;《》、\s]{1,14}"
                                r"(?:目录|清单|制度|方案|办法|规定|规则|计划|细则|意见|要点)$")
# 中共中央、国务院印发的《 / 以市委、市政府名义印发实施《: the bodies before the verb made it
AGENT_VERB_RE = re.compile(r"(?:名义)?(?:联合|共同)?(?:印发|制定|出台|发布|制发|编写)(?:了|实施|的)*$")
JOINTLY_RE = re.compile(r"(?:联合|会同|与|同)$")
HANDED_OUT_RE = re.compile(r"[^《。]{0,80}?印发给你们")

Add = Callable[..., None]  # add(rel_type, source_label, source, target_label, target, pos, year=, target_props=)


def build_relations(doc: Document) -> list[Relation]:
    """Every relation of the report, from the hits and grouped entities earlier steps put on `doc`."""
    ex = doc.extraction
    assert ex is not None, "the entities step runs before relations"
    issuer, agency_hits, laws, measures = doc.issuer, doc.agency_hits, doc.law_hits, doc.measure_hits
    rels: list[Relation] = []
    year = ex.report.year
    rid = ex.report_id

    evidence, append = doc.evidence, rels.append

    def add(rel_type: str, source_label: str, source: str, target_label: str, target: str,
            pos: int, year: int | None = None, target_props: dict | None = None) -> None:
        # named parameters, not **extra: a report adds ~150 relations, and a ** call builds a dict each time
        append(Relation(rel_type, source, target, evidence(pos), source_label, target_label, year, target_props))

    if issuer:
        add("ISSUED", "Agency", issuer.name, "Report", rid, issuer.start)
    for law in laws:
        add("CITES", "Report", rid, "Law", law.name, law.start)
        if law.parent:
            add("REFERENCES", "Law", law.parent, "Law", law.name, law.start)
        if law.issuer_hit is not None:
            add("ISSUED_BY", "Law", law.name, "Agency", law.issuer_hit.name, law.start)
    for label, entities in (("Agency", ex.agencies), ("Measure", ex.measures), ("Region", ex.regions)):
        for entity in entities:
            first = _normalised_start(doc, entity.mentions[0].start)
            add("MENTIONS", "Report", rid, label, entity.name, first)
    _implements(doc, issuer, agency_hits, measures, add, year)
    partners: list[AgencyHit] = []
    if issuer:
        partners = co_issuers(doc.text, doc.title.start, doc.title.end, issuer, agency_hits,
                              [h.start for h in agency_hits]) if doc.title else []
        for partner in partners:
            add("COOPERATES_WITH", "Agency", issuer.name, "Agency", partner.name, partner.start)
        _cooperation(doc, issuer, agency_hits, measures, add, year)
    # with no known issuer, only documents whose maker the text names (X印发的《…》; 县司法局制定了《…》)
    _issued_laws(doc, [issuer, *partners] if issuer else [], agency_hits, laws, add)
    _based_on(doc, laws, measures, agency_hits, add)
    _locations(doc, ex, agency_hits, doc.region_mentions, add)
    return rels


def _normalised_start(doc: Document, original_start: int) -> int:
    """Back from an original offset to the normalised text (mentions store original offsets)."""
    return min(bisect_left(doc.loaded.offsets, original_start), max(len(doc.text) - 1, 0))


LIST_GAP_RE = re.compile(r"[、，,和及与以及\s等]*")
CITATION_GAP_RE = re.compile(DOC_NUMBER + LIST_GAP_RE.pattern)


def _implements(doc: Document, issuer: AgencyHit | None, agency_hits: list[AgencyHit],
                measures: list[MeasureHit], add: Add, year: int | None) -> None:
    """The issuer implements every measure its report names, outside the plan for the coming year
    and where another body acts on it; a clause's subject implements the measures of its clause,
    outside the plan too (三、2020年工作安排 … 县司法局将全面推行…: not done in the report's year)."""
    text, starts = doc.text, [h.start for h in agency_hits]
    plans = plan_spans(text) if doc.report.doc_type == "年度报告" else []

    def planned(pos: int) -> bool:
        return any(a <= pos < b for a, b in plans)

    by_sentence: dict[int, list[MeasureHit]] = {}
    for hit in measures:
        by_sentence.setdefault(doc.sentence_index(hit.start), []).append(hit)
    not_issuers: set[int] = set()
    for index, hits in by_sentence.items():
        sentence = doc.sentences[index]
        subjects = clause_subjects(text, sentence.start, sentence.end, agency_hits, starts,
                                   issuer.name if issuer else None)
        for subject in subjects:
            # a named body, not a generic 法院/公安机关: "法院要积极参与政府决策" is a role, not a deed
            doers = {h.name: h for h in subject.agencies
                     if not h.generic and (not issuer or h.name != issuer.name)}
            for hit in hits:
                if subject.start <= hit.start < subject.end and not planned(hit.start):
                    for name in doers:
                        add("IMPLEMENTS", "Agency", name, "Measure", hit.name, hit.start, year=year)
                    if subject.acts_on_issuer and doers:
                        not_issuers.add(hit.start)
    _task_owners(text, agency_hits, starts, measures, add, year)
    if issuer:
        for hit in measures:
            if hit.start not in not_issuers and not planned(hit.start):
                add("IMPLEMENTS", "Agency", issuer.name, "Measure", hit.name, hit.start, year=year)


def _task_owners(text: str, agency_hits: list[AgencyHit], starts: list[int], measures: list[MeasureHit],
                 add: Add, year: int | None) -> None:
    """A plan's task and the bodies assigned to it (牵头单位/责任单位): they implement its measures."""
    measure_starts = [m.start for m in measures]
    for owner in task_owners(text, agency_hits, starts):
        names = {h.name for h in owner.agencies if not h.generic}
        for hit in measures[bisect_left(measure_starts, owner.start):bisect_left(measure_starts, owner.end)]:
            for name in names:
                add("IMPLEMENTS", "Agency", name, "Measure", hit.name, hit.start, year=year)


def _issued_laws(doc: Document, issuers: list[AgencyHit], agency_hits: list[AgencyHit], laws: list[LawHit],
                 add: Add) -> None:
    """Who made each cited document: bodies written before the verb (中共中央、国务院印发的《…》), the
    issuer(s) of a notice that hands a document out (现将《…》印发给你们), and 制定了《X》《Y》、《Z》 with
    no other agency as the subject of the sentence → the issuer made them."""
    previous_end = -1
    starts = [h.start for h in agency_hits]
    made_by: dict[int, list[str]] = {}  # a title's start -> who made it
    for law in laws:
        if law.parent:
            continue
        makers = _stated_makers(doc, law, issuers, agency_hits, starts)
        if makers is None:
            makers = _makers_by_verb(doc, law, issuers[0] if issuers else None, agency_hits, starts, previous_end)
        for body in makers:
            made_by.setdefault(law.start, []).append(body.name)
            add("ISSUED", "Agency", body.name, "Law", law.name, law.start)
        previous_end = law.end if makers else -1
    _handed_out_inside(doc.text, laws, made_by, add)


def _stated_makers(doc: Document, law: LawHit, issuers: list[AgencyHit], agency_hits: list[AgencyHit],
                   starts: list[int]) -> list[AgencyHit] | None:
    """Makers the text states outright: bodies before the verb (with whoever joins them: 联合省委组织部
    印发《…》), a notice's signers handing the document out, a named body passing it after the title;
    None when it states none of these."""
    text, issuer = doc.text, issuers[0] if issuers else None
    sentence = doc.sentence_at(law.start)
    agents = _agents_before(text, sentence.start, law.start, agency_hits, starts)
    joins = JOINTLY_RE.search(text, max(sentence.start, agents[0].start - 2), agents[0].start) if agents else None
    if joins:
        # 联合省委组织部、省委宣传部印发《…》; 与省公安厅联合印发《…》: the one who joins them issues it too
        joiner = _actor_before(agency_hits, starts, joins.start()) or issuer
        agents[:0] = [joiner] if joiner else []
    if agents:
        return agents
    if HANDED_OUT_RE.match(text, law.end, sentence.end) or text.endswith("现将", 0, law.start):
        return issuers
    return _passed_by(text, law, agency_hits, starts, issuer) or None


def _makers_by_verb(doc: Document, law: LawHit, issuer: AgencyHit | None, agency_hits: list[AgencyHit],
                    starts: list[int], previous_end: int) -> list[AgencyHit]:
    """制定了《X》 (or a title continuing a made list): the issuer when no other body is about in the
    sentence, else only a maker the sentence names or the issuer's own clause."""
    text = doc.text
    sentence = doc.sentence_at(law.start)
    named = _named_before(agency_hits, starts, law.start)  # 审议通过省委《…》: the maker between verb and title
    verb_end = named.start if named else law.start
    before = text[max(sentence.start, verb_end - 8):verb_end]
    made = ((MADE_RE.search(before) or ISSUE_VERB_RE.search(before)) and not DRAFTED_RE.search(before)
            or APPOSITIVE_MADE_RE.search(text, max(sentence.start, verb_end - 24), verb_end))
    deliberated = not made and named is None and DELIBERATED_RE.search(before)
    continues_list = previous_end >= sentence.start and CITATION_GAP_RE.fullmatch(text[previous_end:law.start])
    if not (made or deliberated or continues_list):
        return []
    if issuer is None or any(h.name != issuer.name for h in starting_in(agency_hits, starts, sentence.start, law.start)):
        # another body is about in the sentence: only a named maker or the issuer's own clause says who
        if deliberated:
            return [body for body in _makers_named(doc, law, agency_hits, starts, issuer) if body is issuer]
        return ([named] if named else _makers_named(doc, law, agency_hits, starts, issuer)) if made else []
    if PLURAL_SUBJECT_RE.match(text, _clause_opening(doc, law.start)):
        return []  # 各部门制定了《…》: many bodies, not the issuer
    return [issuer]


def _handed_out_inside(text: str, laws: list[LawHit], made_by: dict[int, list[str]], add: Add) -> None:
    """印发《关于印发〈X〉的通知》: the notice hands X out, so whoever made the notice made X too (a title
    nested after anything else — 关于贯彻〈X〉的意见 — is someone else's)."""
    outer: LawHit | None = None
    for law in laws:
        if not law.parent:
            outer = law
            continue
        if outer is None or outer.start not in made_by or not outer.start < law.start < outer.end:
            continue
        if HANDS_OUT_RE.search(TITLE_RE.sub("", text[outer.start + 1:law.start].replace("〈", "《").replace("〉", "》"))):
            for name in made_by[outer.start]:
                add("ISSUED", "Agency", name, "Law", law.name, law.start)


def _named_before(agency_hits: list[AgencyHit], starts: list[int], law_start: int) -> AgencyHit | None:
    """A body written right against the opening 《 (省委《关于…》)."""
    before = bisect_left(starts, law_start) - 1
    return agency_hits[before] if before >= 0 and agency_hits[before].end == law_start else None


def _makers_named(doc: Document, law: LawHit, agency_hits: list[AgencyHit], starts: list[int],
                  issuer: AgencyHit | None) -> list[AgencyHit]:
    """Who made a title when other bodies are about in its sentence: one at the head of the title
    (印发《市政府办公室关于…》), or the bodies that open its clause (县司法局牵头研究制定了《…》; 县委、县政府
    于5月联合印发了《…》), the issuer when its own voice does (根据市委办公厅…精神，我县研究制定了《…》)."""
    text = doc.text
    head = [h for h in starting_in(agency_hits, starts, law.start + 1, law.start + 4)
            if text[law.start + 1:h.start] in ("", "中共")]
    if head:
        return head[:1]
    opening = _clause_opening(doc, law.start)
    bodies = [h for h in subject_at(text, opening, agency_hits, starts) if not h.generic]  # 各部门: nobody named
    return bodies or ([issuer] if issuer and OWN_VOICE_RE.match(text, opening) else [])


def _clause_opening(doc: Document, pos: int) -> int:
    """Where the clause holding `pos` starts its subject (after a list marker or a year)."""
    sentence = doc.sentence_at(pos)
    breaks = list(COMMA_RE.finditer(doc.text, sentence.start, pos))
    clause = LEAD_RE.match(doc.text, breaks[-1].end() if breaks else sentence.start, pos)
    return clause.end() if clause else pos


def _passed_by(text: str, law: LawHit, agency_hits: list[AgencyHit], starts: list[int],
               issuer: AgencyHit | None) -> list[AgencyHit]:
    """《X》经县政府常务会议审议通过: the bodies named before 审议通过 made X; with none named, the
    issuer when it drafted X."""
    passed = PASSED_AFTER_RE.match(text, law.end)
    if passed is None:
        return []
    named = list(starting_in(agency_hits, starts, passed.start(1), passed.end(1)))
    if named:
        return [h for h in named if not h.generic]  # 全国人大: not a named body of this report
    # no body named: the issuer's own draft (拟定了《X》，并于…审议通过), not 《民法典》经十三届全国人大…审议通过
    return [issuer] if issuer and OWN_DRAFT_RE.search(text, max(0, law.start - 6), law.start) else []


def _agents_before(text: str, sentence_start: int, law_start: int, agency_hits: list[AgencyHit],
                   starts: list[int]) -> list[AgencyHit]:
    """The bodies listed right before a making verb that precedes the title (以X、Y名义印发《; X印发的《)."""
    verb = AGENT_VERB_RE.search(text, max(sentence_start, law_start - 12), law_start)
    if verb is None:
        return []
    agents: list[AgencyHit] = []
    end = verb.start()
    i = bisect_left(starts, end) - 1
    while i >= 0 and agency_hits[i].start >= sentence_start:
        hit = agency_hits[i]
        if hit.end == end or (agents and LIST_GAP_RE.fullmatch(text[hit.end:end])):
            agents.append(hit)
            end = hit.start
        elif hit.end > end:
            pass  # a hit inside the one already taken
        else:
            break
        i -= 1
    return agents[::-1]


def _cooperation(doc: Document, issuer: AgencyHit, agency_hits: list[AgencyHit], measures: list[MeasureHit],
                 add: Add, year: int | None) -> None:
    """联合/配合X开展…: the issuer (or the body right before the cue) works with X, and X implements the
    measures of that clause; 与X联动 written the other way round."""
    starts = [h.start for h in agency_hits]
    measure_starts = [m.start for m in measures]
    text = doc.text
    for match in COOPERATION_RE.finditer(text):
        sentence = doc.sentence_at(match.start())
        actor = _actor_before(agency_hits, starts, match.start()) or issuer
        listed = _listed_after(text, agency_hits, starts, match.end(), sentence.end)
        if match.group() == "统筹" and not (listed and POOLED_RE.match(text, listed[-1].end)):
            continue  # 统筹 is joint work only when it pools the bodies' people (统筹派出所、司法所等人员整合发力)
        seen = set()
        for partner in listed:
            if partner.name not in (issuer.name, actor.name) and partner.name not in seen:
                seen.add(partner.name)
                add("COOPERATES_WITH", "Agency", actor.name, "Agency", partner.name, match.start())
                _partner_measures(text, partner, measures, measure_starts, add, year)
    for partners in _partners_before_cue(text, agency_hits):
        for partner in partners:
            if partner.name != issuer.name:
                add("COOPERATES_WITH", "Agency", issuer.name, "Agency", partner.name, partner.start)


def _listed_after(text: str, agency_hits: list[AgencyHit], starts: list[int], pos: int,
                  sentence_end: int) -> list[AgencyHit]:
    """The bodies listed right after a cue: the first within a few characters, each next one joined
    to the last by 、/和/及 (联合市公安局、市市场监管局、市交通运输局和市文化广电旅游局开展…)."""
    listed: list[AgencyHit] = []
    i = bisect_left(starts, pos)
    while i < len(agency_hits):
        hit = agency_hits[i]
        i += 1
        if listed and hit.start < listed[-1].end:
            continue  # a hit inside the one already taken
        if hit.start >= sentence_end:
            break
        if listed:
            if not LIST_GAP_RE.fullmatch(text, listed[-1].end, hit.start) or COMMA_RE.search(text, listed[-1].end, hit.start):
                break
        elif hit.start - pos > COOPERATION_WINDOW or COMMA_RE.search(text, pos, hit.start):
            break
        listed.append(hit)
    return listed


def _actor_before(agency_hits: list[AgencyHit], starts: list[int], cue_start: int) -> AgencyHit | None:
    """An agency written right before a cooperation cue (区法院联合…) is the one cooperating."""
    i = bisect_left(starts, cue_start) - 1
    if i >= 0 and 0 <= cue_start - agency_hits[i].end <= 2:
        return agency_hits[i]
    return None


def _partner_measures(text: str, partner: AgencyHit, measures: list[MeasureHit], measure_starts: list[int],
                      add: Add, year: int | None) -> None:
    """配合市司法部门开展…落实行政执法“三项制度”: the partner implements what the clause names."""
    end = COMMA_RE.search(text, partner.end)
    stop = end.start() if end else len(text)
    for hit in measures[bisect_left(measure_starts, partner.end):]:
        if hit.start >= stop:
            break
        add("IMPLEMENTS", "Agency", partner.name, "Measure", hit.name, hit.start, year=year)


def _partners_before_cue(text: str, agency_hits: list[AgencyHit]) -> list[list[AgencyHit]]:
    """与市场监管部门联动 / 与教育局会同: the listed bodies between 与 and the cue."""
    groups: list[list[AgencyHit]] = []
    group: list[AgencyHit] = []
    for hit in agency_hits:
        if group and LIST_GAP_RE.fullmatch(text[group[-1].end:hit.start]) and "，" not in text[group[-1].end:hit.start]:
            group.append(hit)
            continue
        if group and PARTNER_BEFORE_RE.match(text, group[-1].end):
            groups.append(group)
        group = [hit] if hit.start > 0 and text[hit.start - 1] in "与同" else []
    if group and PARTNER_BEFORE_RE.match(text, group[-1].end):
        groups.append(group)
    return groups


def _based_on(doc: Document, laws: list[LawHit], measures: list[MeasureHit], agency_hits: list[AgencyHit],
              add: Add) -> None:
    """按照《X》要求，…推进M: M is based on X when a basis cue leads straight to the citation and M
    stands in the text the requirement governs (not before the citation, not coordinated with it)."""
    text = doc.text
    spans = [(law.start, law.end) for law in laws]
    measure_starts = [m.start for m in measures]
    starts = [h.start for h in agency_hits]
    for law in laws:
        if law.parent:
            continue
        sentence = doc.sentence_at(law.start)
        list_end = _citation_list_end(text, law.end, spans)
        named = [text[h.start:h.end] for h in starting_in(agency_hits, starts, sentence.start, law.start)]
        if not (_basis_leads_to(text, sentence.start, law.start, named) or BASIS_AFTER_RE.match(text, list_end)):
            continue
        if (MADE_RE.search(text, max(sentence.start, law.start - 8), law.start)
                and not _agents_before(text, sentence.start, law.start, agency_hits, starts)):
            continue  # 按照要求…研究制定《X》: the writer makes X here, X is no basis (X印发的《…》 is)
        if COORDINATED_RE.match(text, list_end):
            continue
        governed = _measures_in(measures, measure_starts, list_end, _governed_end(text, list_end, sentence.end), spans)
        if not governed:
            governed = _heading_measures(doc, doc.sentence_index(law.start), measures, measure_starts, spans)
        for hit in governed:
            add("BASED_ON", "Measure", hit.name, "Law", law.name, law.start)


def _measures_in(measures: list[MeasureHit], measure_starts: list[int], start: int, end: int,
                 titles: list[tuple[int, int]]) -> list[MeasureHit]:
    """The measure hits in [start, end) outside any cited title."""
    found = []
    for hit in measures[bisect_left(measure_starts, start):]:
        if hit.start >= end:
            break
        if not any(a <= hit.start < b for a, b in titles):
            found.append(hit)
    return found


def _heading_measures(doc: Document, index: int, measures: list[MeasureHit], measure_starts: list[int],
                      titles: list[tuple[int, int]]) -> list[MeasureHit]:
    """2.严格执行重大行政决策法定程序。坚持…严格落实《条例》…: when the basis sentence names no
    measure and opens the item, the item's heading says what follows the cited document."""
    if index == 0:
        return []
    heading = doc.sentences[index - 1]
    words = doc.text[heading.start:heading.end]
    if len(words.strip()) > HEADING_MAX or not ITEM_MARK_RE.match(words):
        return []
    return _measures_in(measures, measure_starts, heading.start, heading.end, titles)


def _basis_leads_to(text: str, sentence_start: int, law_start: int, issuers: list[str]) -> bool:
    """A basis cue stands before the citation with only issuers and other titles between them (the
    issuers' names do not count towards the gap: 根据中共中央办公厅、国务院办公厅印发的《…》)."""
    window = TITLE_RE.sub("《》", text[sentence_start:law_start])  # a cue inside a title is the title's
    cues = list(BASIS_RE.finditer(window))
    if not cues:
        return False
    gap = window[cues[-1].end():].replace("《》", "")
    for name in issuers:
        gap = gap.replace(name, "")
    return len(gap) <= BASIS_GAP_MAX and not COMMA_RE.search(gap)


def _citation_list_end(text: str, pos: int, spans: list[tuple[int, int]]) -> int:
    """The end of 《A》、《B》和《C》 that starts with the title ending at `pos`."""
    following = {start: end for start, end in spans}
    while True:
        gap = CITATION_GAP_RE.match(text, pos)
        nxt = gap.end() if gap else pos
        if nxt in following and "，" not in text[pos:nxt] and "," not in text[pos:nxt]:
            pos = following[nxt]
            continue
        return pos


def _governed_end(text: str, list_end: int, sentence_end: int) -> int:
    """按照《X》要求，… (or 《X》印发后，…) governs up to the clause end; 按照《X》规定制定… only up to
    the first comma."""
    noun = BASIS_AFTER_RE.match(text, list_end) or BASIS_NOUN_RE.match(text, list_end)
    after = noun.end() if noun else list_end
    clause = CLAUSE_END_RE.search(text, after, sentence_end)
    clause_end = clause.start() if clause else sentence_end
    if after < len(text) and text[after] in "，,":
        # the requirement's own clauses, not the rest of a long opening sentence
        # (深入落实《纲要》，深入推进依法行政，切实履行政府职责，着力推动…改革)
        return clauses_end(text, after + 1, clause_end, GOVERNED_CLAUSES, COMMA_RE)
    return clauses_end(text, after, clause_end, 1, COMMA_RE)


def _locations(doc: Document, ex: Extraction, agency_hits: list[AgencyHit], regions: list[RegionMention],
               add: Add) -> None:
    gazetteer = RegionGazetteer.default()
    first_region_pos: dict[str, tuple[int, RegionEntry]] = {}
    for r in regions:
        first_region_pos.setdefault(r.name, (r.start, r.entry))
    first_agency_pos: dict[str, int] = {}
    for h in agency_hits:
        first_agency_pos.setdefault(h.name, h.start)
    for agency in ex.agencies:
        if agency.region and agency.region in first_region_pos:
            add("LOCATED_IN", "Agency", agency.name, "Region", agency.region, first_agency_pos[agency.name])
    for name, (pos, entry) in first_region_pos.items():
        child = name
        for parent in gazetteer.ancestors(entry):
            props = {"level": parent.level, "parent": parent.parent}
            add("PART_OF", "Region", child, "Region", parent.name, pos, target_props=props)
            child = parent.name
