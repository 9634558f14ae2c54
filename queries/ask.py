"""问答: a Chinese question → one named query of the library with its parameters, offline and deterministic.

No model writes Cypher here. The question's words are linked against the graph's own names (every
agency, measure, document and region in the store, the aliases of data/measures.tsv and
data/laws.tsv, region names without 市/省/区/县, agency names with a short region or a short
functional name), years and ranges (2021年以来, 近三年, 2022到2023年) and filter words
(data/ask_terms.tsv: 区县级, 行政法规 …) are read, and the first family of data/ask_intents.tsv whose
needs and cue words fit picks the query. Every step is shown to the user: the interpretation in
words, the query name and parameters, its Cypher, the rows and the evidence. A name that fits
several entities, or nothing at all, gives candidates (“您是指：…”), never a guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fazhi.data import data_dir
from fazhi.graph.store import GraphStore
from fazhi.queries import library

LABELS = ("Agency", "Measure", "Law", "Region")
# A name that is both (法律顾问制度: a measure, and a document once cited in 《》) is read in this order.
READING_ORDER = ("Measure", "Agency", "Region", "Law")
SLOT_OF_LABEL = {"Agency": "agency", "Measure": "measure", "Law": "law", "Region": "region"}
LABEL_WORDS = {"Agency": "机构", "Measure": "措施", "Law": "法规文件", "Region": "地区"}
# Characters a question may add or drop without changing a name: punctuation, quotes, brackets, spaces.
_NOISE = re.compile(r"[\s、，,。.？?！!：:；;“”\"'‘’《》〈〉<>「」『』()（）【】\[\]·・—\-_/]")
_MASK = "\x00"
_REGION_SUFFIX = re.compile(r"(省|市|区|县|自治州|州|盟|镇|乡|街道)$")
_CN_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# How questions write years: a range (2022到2023年), a start (2021年以来), an end (2020年以前), the last
# N years of the store (近三年), and single years.
_YEARS = {
    "range": re.compile(r"(\d{4})\s*年?(?:度)?\s*(?:到|至|-|–|—|~|～|和|与)\s*(\d{4})\s*年?"),
    "since": re.compile(r"(?:(?:自|从)\s*(\d{4})\s*年?\s*(?:以来|起|开始|之后|以后)?|(\d{4})\s*年?\s*(?:以来|之后|以后|起|开始))"),
    "before": re.compile(r"(\d{4})\s*年?\s*(?:以前|之前|前)"),
    "recent": re.compile(r"(?:近|最近|过去)\s*([0-9一两二三四五六七八九十]+)\s*年"),
    "single": re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)"),
}
# An agency-like word no name matched (上城区发改经信局 once 上城区 is taken): ask, do not drop it.
_UNLINKED_AGENCY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:局|厅|委员会|办公室|政府)")
# A quoted or 《》 name that matched nothing (“河长制”, 《某某条例》): the asker meant a name.
_UNLINKED_QUOTED = re.compile(r"[“\"「《]([^“”\"「」《》\x00]{2,})[”\"」》]")
_TOP = re.compile(r"前\s*([0-9一两二三四五六七八九十]+)\s*(?:个|名|位|项|条|家|部)?|([0-9一两二三四五六七八九十]+)\s*(?:个|名|位|项|条|家|部)")


@dataclass(frozen=True)
class Link:
    """One entity named in the question: where (in the noise-free key), as written, and what it is."""
    label: str
    name: str
    surface: str
    start: int
    fuzzy: bool = False
    alternatives: tuple[str, ...] = ()  # other labels of the same name (a measure and a document both 法律顾问制度)


@dataclass(frozen=True)
class Intent:
    intent: str
    query: str
    needs: tuple[str, ...]
    cues: re.Pattern[str] | None
    text: str

    @property
    def compare(self) -> bool:
        return self.query.startswith("compare:")

    @property
    def query_name(self) -> str:
        return self.query.removeprefix("compare:")


@dataclass
class Interpretation:
    """What the question was understood as; `query` is None when candidates are offered instead."""
    question: str
    intent: str | None = None
    query: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    compare: bool = False
    links: list[Link] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def understood(self) -> bool:
        return self.query is not None

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "intent": self.intent, "query": self.query, "params": self.params,
                "interpretation": self.text, "compare": self.compare, "candidates": self.candidates,
                "notes": self.notes,
                "entities": [{"label": k.label, "name": k.name, "as_written": k.surface, "fuzzy": k.fuzzy}
                             for k in self.links]}


def key(text: str) -> str:
    """The form names are compared in: no punctuation, quotes or spaces, lower case."""
    return _NOISE.sub("", text).lower()


def _keyed(text: str) -> tuple[str, list[int]]:
    """key(text) and, for each of its characters, the position in text (to mask the original)."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if not _NOISE.match(ch):
            chars.append(ch.lower())
            where.append(i)
    return "".join(chars), where


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token.startswith("十"):
        return 10 + _CN_DIGITS.get(token[1:], 0) if len(token) > 1 else 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(token, 0)


# --- data files -------------------------------------------------------------------------------------------

def _rows(path: Path, columns: int) -> Iterable[list[str]]:
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != columns:
            raise ValueError(f"{path}:{number}: expected {columns} tab-separated columns, got {len(fields)}")
        yield fields


@lru_cache(maxsize=4)
def _intents(path: Path) -> tuple[Intent, ...]:
    out = []
    for intent, query, needs, cues, text in _rows(path, 5):
        if query.removeprefix("compare:") not in library.load_library():
            raise ValueError(f"{path}: intent {intent} names an unknown query {query!r}")
        try:
            pattern = re.compile(cues) if cues else None
        except re.error as exc:
            raise ValueError(f"{path}: intent {intent}: bad cue pattern: {exc}") from None
        out.append(Intent(intent, query, tuple(n for n in needs.split(",") if n and n != "-"), pattern, text))
    return tuple(out)


def load_intents() -> tuple[Intent, ...]:
    return _intents(data_dir() / "ask_intents.tsv")


@lru_cache(maxsize=4)
def _terms(path: Path) -> tuple[tuple[str, str, str], ...]:
    rows = [(kind, word, value) for kind, word, value in _rows(path, 3)]
    for kind, word, _ in rows:
        if kind not in ("level", "category"):
            raise ValueError(f"{path}: unknown kind {kind!r} for {word!r}")
    return tuple(sorted(rows, key=lambda row: -len(row[1])))


def load_terms() -> tuple[tuple[str, str, str], ...]:
    return _terms(data_dir() / "ask_terms.tsv")


# --- the vocabulary: surfaces of the store's names ----------------------------------------------------------

@dataclass
class Vocabulary:
    """key(surface) -> the (label, name) pairs it may stand for; built from one store's names."""
    surfaces: dict[str, set[tuple[str, str]]]
    last_year: int | None = None

    @classmethod
    def from_store(cls, store: GraphStore) -> Vocabulary:
        # every name: the default row cap (10,000) kept only agencies at 50,000 reports (~300,000 names)
        names = [tuple(row) for row in library.run(store, "entity_names", row_cap=100_000_000).rows]
        counts = library.run(store, "report_counts").records()
        last = counts[0].get("last_year") if counts else None
        return cls.from_names(names, int(last) if last else None)

    @classmethod
    def from_names(cls, names: Iterable[tuple[Any, ...]], last_year: int | None = None) -> Vocabulary:
        from fazhi.extractor import agency_abbreviations, catalogue_aliases

        rows = [(str(label), str(name), str(extra or "")) for label, name, extra in names]
        vocab = cls({}, last_year)
        present = {(label, name) for label, name, _ in rows}
        regions = {name for label, name, _ in rows if label == "Region"}
        abbreviations = agency_abbreviations()
        for label, name, extra in rows:
            if "〔" in name:  # a report-scoped body (省委〔报告…〕) is no name anyone asks about
                continue
            vocab.add(name, label, name)
            if label == "Region":
                vocab.add_all(_region_forms(name, extra), label, name)
            elif label == "Agency":
                vocab.add_all(_agency_forms(name, extra, regions, abbreviations), label, name)
            elif label == "Measure" and "、" in name:  # 双随机、一公开 → 双随机: the first of an enumerated name
                vocab.add(name.split("、")[0], label, name)
            elif label == "Law" and name.startswith("中华人民共和国"):
                vocab.add(name.removeprefix("中华人民共和国"), label, name)
        for label, aliases in catalogue_aliases().items():
            for alias, name in aliases.items():
                if (label, name) in present:
                    vocab.add(alias, label, name)
        return vocab

    def add(self, surface: str, label: str, name: str) -> None:
        surface_key = key(surface)
        if len(surface_key) >= 2:
            self.surfaces.setdefault(surface_key, set()).add((label, name))

    def add_all(self, surfaces: Iterable[str], label: str, name: str) -> None:
        for surface in surfaces:
            self.add(surface, label, name)

    def names(self) -> set[tuple[str, str]]:
        return set().union(*self.surfaces.values()) if self.surfaces else set()


def _region_forms(name: str, parent: str) -> list[str]:
    """杭州市 → 杭州; 河源市东源县仙塘镇 → 仙塘镇, 仙塘 (the last division, with and without its suffix)."""
    forms = []
    last = re.split(r"(?<=[省市区县州盟])", name)
    tail = [part for part in last if part][-1] if last else name
    for form in {name, tail}:
        forms.append(form)
        short = _REGION_SUFFIX.sub("", form)
        if len(short) >= 2:
            forms.append(short)
    return forms


def _agency_forms(name: str, region: str, regions: set[str], abbreviations: dict[str, str]) -> list[str]:
    """河源市工业和信息化局 → 河源工业和信息化局, 河源市工信局, 河源工信局; 河源市东源县仙塘镇人民政府 →
    仙塘镇人民政府 (the region written short, the functional name as data/agency_abbreviations.tsv shortens it)."""
    # the regions the name starts with, found by its own prefixes (a store may hold thousands of regions)
    prefixes = [name[:i] for i in range(2, len(name)) if name[:i] in regions or name[:i] == region]
    bases = [name]
    for prefix in prefixes:
        bases.extend(form + name[len(prefix):] for form in _region_forms(prefix, "") if form != prefix)
    forms = list(bases)
    for short, full in abbreviations.items():
        forms.extend(base.replace(full, short) for base in bases if full in base and full != short)
    return forms


# --- linking --------------------------------------------------------------------------------------------

@dataclass
class Linking:
    """The question in key form, which of its characters a name took, the links and the ambiguous names."""
    question: str
    qkey: str
    where: list[int]
    taken: list[bool]
    links: list[Link] = field(default_factory=list)
    ambiguous: list[list[tuple[str, str]]] = field(default_factory=list)

    def take(self, start: int, end: int, meanings: list[tuple[str, str]], surface: str, fuzzy: bool = False) -> None:
        self.links = [k for k in self.links if not start <= k.start < end]
        self.taken[start:end] = [True] * (end - start)
        if len({name for _, name in meanings}) == 1:  # one name, several labels (法律顾问制度): the intent decides
            labels = tuple(sorted((label for label, _ in meanings), key=READING_ORDER.index))
            self.links.append(Link(labels[0], meanings[0][1], surface, start, fuzzy, labels[1:]))
        else:
            self.ambiguous.append(meanings)

    def masked(self) -> str:
        """The question with every linked character replaced (years, terms and cues read the rest)."""
        chars = list(self.question)
        for i, is_taken in enumerate(self.taken):
            if is_taken:
                chars[self.where[i]] = _MASK
        return "".join(chars)


def link_entities(question: str, vocab: Vocabulary) -> Linking:
    """Exact links: longest surface first, no overlaps."""
    qkey, where = _keyed(question)
    linking = Linking(question, qkey, where, [False] * len(qkey))
    found: list[tuple[int, int, str]] = []
    for surface in vocab.surfaces:
        start = qkey.find(surface)
        while start >= 0:
            found.append((start, start + len(surface), surface))
            start = qkey.find(surface, start + 1)
    for start, end, surface in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if not any(linking.taken[start:end]):
            linking.take(start, end, _plainest(sorted(vocab.surfaces[surface])), surface)
    linking.links.sort(key=lambda k: k.start)
    return linking


def _plainest(meanings: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """双随机 → 双随机、一公开 rather than “双随机、一公开”监管平台: when one meaning's name is part of every
    other (longer) name, the others elaborate it and it is what was meant; otherwise all stay."""
    for label, name in meanings:
        if all(key(name) in key(other) and (key(name) != key(other) or (lab, other) == (label, name))
               for lab, other in meanings):
            return [(label, name)]
    return meanings


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def fuzzy_links(linking: Linking, vocab: Vocabulary) -> list[tuple[int, int, set[tuple[str, str]]]]:
    """Surfaces of four characters or more that the question writes with one character wrong, missing
    or extra: (start, end, meanings). A window must hold a character no name took, and may swallow
    whole shorter links (成都市生太环境局: the region 成都市 was linked first)."""
    qkey, taken = linking.qkey, linking.taken
    # a window may swallow a region (agency names start with one: 成都市生太环境局) or a short form of
    # the very name it spells (双随机 in 双随机、一公闭)
    spans = [(k.start, k.start + len(k.surface), k.label, k.name) for k in linking.links]
    free = {ch for ch, t in zip(qkey, taken, strict=True) if not t}
    hits: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for surface, meanings in vocab.surfaces.items():
        length = len(surface)
        if length < 4 or len(set(surface) - set(qkey)) > 1 or not set(surface) & free:
            continue
        for start in range(len(qkey)):
            for width in (length - 1, length, length + 1):
                end = start + width
                if end > len(qkey) or all(taken[start:end]):
                    continue
                if any(s < end and start < e and not (start <= s and e <= end and (
                        label == "Region" or (label, name) in meanings)) for s, e, label, name in spans):
                    continue
                window = qkey[start:end]
                if surface not in window and _within_one_edit(window, surface):
                    hits.setdefault((start, end), set()).update(meanings)
    # a window inside a longer matched window is the same typo read twice
    kept = [(s, e) for s, e in hits if not any((s2, e2) != (s, e) and s2 <= s and e <= e2 for s2, e2 in hits)]
    return [(s, e, hits[(s, e)]) for s, e in sorted(kept)]


# --- years, terms, cues --------------------------------------------------------------------------------

@dataclass
class Years:
    year_from: int = 0
    year_to: int = 0
    singles: list[int] = field(default_factory=list)

    @property
    def two(self) -> tuple[int, int] | None:
        """The two years a comparison is between, earlier first."""
        if len(set(self.singles)) >= 2:
            ordered = sorted(set(self.singles))
            return ordered[0], ordered[-1]
        if self.year_from and self.year_to and self.year_from < self.year_to:
            return self.year_from, self.year_to
        return None


def read_years(masked: str, last_year: int | None) -> tuple[Years, str]:
    years = Years()
    text = masked
    if match := _YEARS["range"].search(text):
        years.year_from, years.year_to = sorted((int(match.group(1)), int(match.group(2))))
        years.singles = [int(match.group(1)), int(match.group(2))]
        return years, text.replace(match.group(0), _MASK)
    if match := _YEARS["recent"].search(text):
        if last_year:
            years.year_from, years.year_to = last_year - _number(match.group(1)) + 1, last_year
        return years, text.replace(match.group(0), _MASK)
    if match := _YEARS["since"].search(text):
        years.year_from = int(match.group(1) or match.group(2))
        return years, text.replace(match.group(0), _MASK)
    if match := _YEARS["before"].search(text):
        years.year_to = int(match.group(1))
        return years, text.replace(match.group(0), _MASK)
    years.singles = [int(y) for y in _YEARS["single"].findall(text)]
    if len(years.singles) == 1:
        years.year_from = years.year_to = years.singles[0]
    text = _YEARS["single"].sub(_MASK, text)
    return years, re.sub(r"\x00\s*年度?", _MASK, text)


def read_terms(masked: str) -> tuple[dict[str, str], str]:
    found: dict[str, str] = {}
    for kind, word, value in load_terms():
        if kind not in found and word in masked:
            found[kind] = value
            masked = masked.replace(word, _MASK, 1)
    return found, masked


# --- choosing the family -----------------------------------------------------------------------------

def _fits(intent: Intent, links: list[Link], years: Years) -> dict[str, str] | None:
    """Slot → name when the intent's needs take the links (extra links must become filters)."""
    params = library.get(intent.query_name).params
    by_label = {label: [k.name for k in links if k.label == label] for label in LABELS}
    slots: dict[str, str] = {}
    used: set[tuple[str, str]] = set()
    for need in intent.needs:
        if need == "years2":
            if years.two is None:
                return None
            continue
        base, _, twice = need.partition("x")
        wanted = 2 if twice else 1
        pool = [(k.label, k.name) for k in links] if base == "entity" else \
            [(base.capitalize(), n) for n in by_label[base.capitalize()]]
        pool = list(dict.fromkeys(p for p in pool if p not in used))
        if len(pool) < wanted:
            return None
        chosen = pool[:wanted]
        used.update(chosen)
        if base == "entity":  # the labels too: the query looks each end up by its key (shortest_path)
            (slots["source_label"], slots["source"]), (slots["target_label"], slots["target"]) = chosen
        else:
            slots[base] = chosen[0][1]
            if wanted == 2:
                slots["other"] = chosen[1][1]
    for link in links:
        if (link.label, link.name) in used:
            continue
        slot = SLOT_OF_LABEL[link.label]
        if slot not in params or slot in slots:
            return None
        slots[slot] = link.name
    return slots


def _readings(links: list[Link]) -> list[list[Link]]:
    """Every way to read links whose name has several labels, the first label first."""
    readings: list[list[Link]] = [[]]
    for link in links:
        options = [link] + [replace(link, label=label, alternatives=()) for label in link.alternatives]
        readings = [reading + [option] for reading in readings for option in options]
    return readings[:16]


def choose(intents: Iterable[Intent], links: list[Link], years: Years,
           rest: str) -> tuple[Intent, dict[str, str], list[Link]] | None:
    """The first intent (file order) that fits, trying the preferred reading of every name first."""
    fitting = [i for i in intents if i.cues is None or i.cues.search(rest)]
    for reading in _readings(links):
        for intent in fitting:
            slots = _fits(intent, reading, years)
            if slots is not None:
                return intent, slots, reading
    return None


def _params(intent: Intent, slots: dict[str, str], years: Years, terms: dict[str, str],
            top: int | None) -> dict[str, Any]:
    query = library.get(intent.query_name)
    params = dict(query.params)
    params.update({k: v for k, v in slots.items() if k in params})
    pair = years.two if intent.compare else None
    year_from, year_to = pair if pair else (years.year_from, years.year_to)
    for name, value in (("year_from", year_from), ("year_to", year_to), ("level", terms.get("level")),
                        ("category", terms.get("category")), ("limit", top)):
        if value and name in params:
            params[name] = value
    return params


def _describe(intent: Intent, params: dict[str, Any], slots: dict[str, str]) -> str:
    values = {"agency": "", "other": "", "measure": "", "law": "", "region": "", "source": "", "target": "",
              **params, **slots}
    text = intent.text.format(**values)
    extras = []
    if not intent.compare:
        year_from, year_to = params.get("year_from", 0), params.get("year_to", 0)
        if year_from and year_from == year_to:
            extras.append(f"{year_from}年")
        elif year_from and year_to:
            extras.append(f"{year_from}–{year_to}年")
        elif year_from:
            extras.append(f"{year_from}年以来")
        elif year_to:
            extras.append(f"{year_to}年及以前")
    if params.get("region") and "region" not in intent.needs and "{region}" not in intent.text:
        extras.append(f"地区：{params['region']}")
    if params.get("level"):
        extras.append(f"发文机关层级：{params['level']}")
    if params.get("category"):
        extras.append(f"类别：{params['category']}")
    return "理解为：" + "，".join([text, *extras])


def interpret(question: str, vocab: Vocabulary) -> Interpretation:
    """The question as one named query with parameters, or candidates when it cannot be sure."""
    result = Interpretation(question)
    linking = link_entities(question, vocab)
    exact = {k.label for k in linking.links}
    for start, end, meanings in fuzzy_links(linking, vocab):
        if end - start <= 4 and {label for label, _ in meanings} <= exact:
            continue  # 这项制度 ~ 三项制度 beside a name spelt right: a short near-miss is more likely a word
        written = linking.question[linking.where[start]:linking.where[end - 1] + 1]
        linking.take(start, end, _plainest(sorted(meanings)), written, fuzzy=True)
        if len({name for _, name in meanings}) == 1:
            result.notes.append(f"“{written}”按「{next(iter(meanings))[1]}」理解")
    if linking.ambiguous:
        result.candidates = [f"{name}（{LABEL_WORDS[label]}）" for label, name in linking.ambiguous[0]]
        result.text = "您是指：" + "；".join(result.candidates) + "？请写出完整名称。"
        return result
    links = linking.links
    years, masked = read_years(linking.masked(), vocab.last_year)
    links.sort(key=lambda k: k.start)
    if unresolved := _UNLINKED_AGENCY.search(masked) or _UNLINKED_QUOTED.search(masked):
        result.links = links
        return _not_understood(result, unresolved.group(0), vocab, named=True)
    terms, rest = read_terms(masked)
    top = _TOP.search(rest)
    chosen = choose(load_intents(), links, years, rest.replace(_MASK, " "))
    result.links = links
    if chosen is None:
        return _not_understood(result, masked, vocab)
    intent, slots, result.links = chosen
    result.intent, result.query, result.compare = intent.intent, intent.query_name, intent.compare
    result.params = _params(intent, slots, years, terms, _number(top.group(1) or top.group(2)) if top else None)
    result.text = _describe(intent, result.params, slots)
    return result


def _not_understood(result: Interpretation, unlinked: str, vocab: Vocabulary, named: bool = False) -> Interpretation:
    """Candidates: names that hold the unlinked words (司法局 → every 司法局), agencies of a region the
    question named, names close to the words; else example questions. Never one of them chosen."""
    import difflib

    words = [w for w in re.split(r"[\x00\s，,。？?！!、的了吗呢哪些什么有做]+", key(unlinked)) if len(w) >= 2]
    names = sorted(vocab.names(), key=lambda item: (len(item[1]), item[1]))
    holding = [(label, name) for word in words for label, name in names if word in key(name)]
    regions = [k.name for k in result.links if k.label == "Region"]
    wanted = key(unlinked)
    nearby = sorted(((label, name) for label, name in names if label == "Agency" and any(r in name for r in regions)),
                    key=lambda item: -difflib.SequenceMatcher(None, wanted, item[1]).ratio())
    close = [meaning for word in words for surface in difflib.get_close_matches(word, list(vocab.surfaces), n=3)
             for meaning in sorted(vocab.surfaces[surface])]
    picked = (nearby + holding) if regions else (holding + close)
    result.candidates = list(dict.fromkeys(f"{name}（{LABEL_WORDS[label]}）" for label, name in picked))[:10]
    if result.candidates:
        result.text = "您是指：" + "；".join(result.candidates) + "？请写出完整名称。"
    else:
        missing = f"图中没有找到「{key(unlinked)}」。" if named else "未能理解这个问题。"
        result.text = (missing + "可以这样问：哪些机构实施了双随机、一公开？"
                                 "河源市2022年比2021年新增了哪些措施？引用民法典最多的是哪些地区？")
    return result


# --- answering ------------------------------------------------------------------------------------

@dataclass
class Answer:
    interpretation: Interpretation
    cypher: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def evidence(self) -> list[dict[str, Any]]:
        """(report, title, sentence, offsets) of every row that carries them, each once."""
        out: dict[tuple[Any, ...], dict[str, Any]] = {}
        for record in self.records():
            for prefix in ("", "from_", "to_", "other_"):
                rid = record.get(f"{prefix}report_id")
                sentence = record.get(f"{prefix}evidence")
                if rid and sentence:
                    item = {"report_id": rid, "report_title": record.get(f"{prefix}report_title"),
                            "evidence": sentence, "start_offset": record.get(f"{prefix}start_offset"),
                            "end_offset": record.get(f"{prefix}end_offset")}
                    out.setdefault((rid, item["start_offset"], item["end_offset"]), item)
        return list(out.values())

    def to_json(self) -> dict[str, Any]:
        return {**self.interpretation.to_json(), "cypher": self.cypher, "columns": self.columns,
                "rows": self.records()}

    def about(self) -> list[str]:
        """The lines a downloaded answer starts with (the .xlsx 说明 sheet), the same from CLI and app."""
        meaning = self.interpretation
        return [f"问题：{meaning.question}", meaning.text,
                f"查询：{meaning.query} {json.dumps(meaning.params, ensure_ascii=False)}", self.cypher]


def answer(store: GraphStore, question: str, vocab: Vocabulary | None = None) -> Answer:
    """Interpret the question and run its query on the store (both backends: the query's dialect)."""
    from fazhi.queries.compare import compare_rows

    meaning = interpret(question, vocab or Vocabulary.from_store(store))
    result = Answer(meaning)
    if not meaning.query:
        return result
    result.cypher = library.get(meaning.query).narrowed(meaning.params).cypher_for(store.dialect)
    if meaning.compare:
        table = compare_rows(store, meaning.query, meaning.params)
        result.columns, result.rows = table.columns, table.rows
        return result
    rows = library.run(store, meaning.query, meaning.params)
    result.columns, result.rows = list(rows.columns), [list(r) for r in rows.rows]
    return result


# --- the question set ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    question: str
    query: str  # "?" = candidates expected
    params: dict[str, Any]


def load_questions(path: Path) -> list[Expected]:
    """question<TAB>query<TAB>params as JSON (only the ones that must match); '?' expects candidates."""
    out = []
    for question, query, raw_params in _rows(path, 3):
        try:
            params = json.loads(raw_params) if raw_params.strip() else {}
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: {question}: params are not JSON: {exc}") from None
        out.append(Expected(question, query, params))
    return out


def judge(expected: Expected, got: Interpretation) -> bool:
    if expected.query == "?":
        return not got.understood
    return got.query == expected.query and all(got.params.get(k) == v for k, v in expected.params.items())


def evaluate(questions: list[Expected], vocab: Vocabulary) -> tuple[float, list[tuple[Expected, Interpretation]]]:
    """Accuracy over the question set, and every miss with what it was understood as."""
    misses = []
    for item in questions:
        got = interpret(item.question, vocab)
        if not judge(item, got):
            misses.append((item, got))
    return (1 - len(misses) / len(questions)) if questions else 0.0, misses
