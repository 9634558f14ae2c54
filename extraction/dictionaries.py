"""Typed, cached loaders for the readable dictionaries in data/.

The dictionaries are plain TSV files so that users can extend them without touching code;
that makes the loader the only place that can catch a typo. So every loader validates its
columns and raises ValueError naming the file and line, instead of silently skipping a bad
line (which would make an entry vanish from the graph with no trace).

The data directory is ``<repo>/data`` unless the environment variable FAZHI_DATA_DIR points
elsewhere (tests and users with their own dictionaries). Results are cached per directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fazhi.data import data_dir
from fazhi.model import AGENCY_LEVELS, LAW_CATEGORIES, MEASURE_KINDS

AGENCY_KINDS = (
    "government", "party", "court", "procuratorate", "congress", "service_center", "ngo", "township",
)
EXCLUSION_REASONS = ("generic", "internal", "position", "meeting", "non_government")


@dataclass(frozen=True, slots=True)
class LawEntry:
    """One citable document: its official title, category, issuer and the short names reports use."""

    name: str
    category: str
    issuer: str
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class MeasureEntry:
    """One named measure; `parent` is the compound measure it is a part of, if any."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class AgencySuffix:
    """A head word ending an agency name; `level` only when the suffix fixes it by itself."""

    suffix: str
    kind: str
    note: str = ""
    level: str | None = None


def _rows(path: Path, min_cols: int, max_cols: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data line, padded to max_cols with ''.

    Required columns (the first min_cols) must be non-empty; anything else is a format error
    that must reach the user, hence ValueError with file and line.
    """
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if not min_cols <= len(fields) <= max_cols:
                raise ValueError(
                    f"{path}:{number}: expected {min_cols}-{max_cols} tab-separated columns, got {len(fields)}"
                )
            if any(not f for f in fields[:min_cols]):
                raise ValueError(f"{path}:{number}: one of the first {min_cols} columns is empty")
            yield number, fields + [""] * (max_cols - len(fields))


def _check(path: Path, number: int, value: str, allowed: tuple[str, ...], column: str) -> None:
    if value not in allowed:
        raise ValueError(f"{path}:{number}: {column} {value!r} is not one of {', '.join(allowed)}")


def _unique(path: Path, number: int, key: str, seen: set[str]) -> None:
    if key in seen:
        raise ValueError(f"{path}:{number}: duplicate entry {key!r}")
    seen.add(key)


def _aliases(field: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in field.split("|") if a.strip())


@lru_cache(maxsize=8)
def _laws(path: Path) -> tuple[LawEntry, ...]:
    out: list[LawEntry] = []
    seen: set[str] = set()
    for number, (name, category, issuer, aliases, note) in _rows(path, 2, 5):
        _check(path, number, category, LAW_CATEGORIES, "category")
        _unique(path, number, name, seen)
        out.append(LawEntry(name, category, issuer, _aliases(aliases), note))
    return tuple(out)


@lru_cache(maxsize=8)
def _measures(path: Path) -> tuple[MeasureEntry, ...]:
    out: list[MeasureEntry] = []
    seen: set[str] = set()
    for number, (name, kind, aliases, parent, note) in _rows(path, 2, 5):
        _check(path, number, kind, MEASURE_KINDS, "kind")
        _unique(path, number, name, seen)
        out.append(MeasureEntry(name, kind, _aliases(aliases), parent or None, note))
    return tuple(out)


@lru_cache(maxsize=8)
def _pairs(path: Path, min_cols: int, allowed: tuple[str, ...] | None) -> dict[str, str]:
    """Key -> second column for the two-or-three column agency files."""
    out: dict[str, str] = {}
    seen: set[str] = set()
    for number, (key, value, _note) in _rows(path, min_cols, 3):
        if allowed is not None:
            _check(path, number, value, allowed, "reason")
        _unique(path, number, key, seen)
        out[key] = value
    return out


@lru_cache(maxsize=8)
def _suffixes(path: Path) -> tuple[AgencySuffix, ...]:
    out: list[AgencySuffix] = []
    seen: set[str] = set()
    for number, (suffix, kind, note, level) in _rows(path, 2, 4):
        _check(path, number, kind, AGENCY_KINDS, "kind")
        if level:
            _check(path, number, level, AGENCY_LEVELS, "level")
        _unique(path, number, suffix, seen)
        out.append(AgencySuffix(suffix, kind, note, level or None))
    return tuple(out)


def load_laws() -> list[LawEntry]:
    """data/laws.tsv: name, category, issuer ('' if unknown, e.g. books), aliases ('|'), note."""
    return list(_laws(data_dir() / "laws.tsv"))


def load_measures() -> list[MeasureEntry]:
    """data/measures.tsv: name, kind, aliases ('|'), parent, note."""
    return list(_measures(data_dir() / "measures.tsv"))


def load_agency_abbreviations() -> dict[str, str]:
    """data/agency_abbreviations.tsv as short -> full functional name (no region prefix)."""
    return dict(_pairs(data_dir() / "agency_abbreviations.tsv", 2, None))


OFFICIAL_TOO_NOTE = "亦为正式名称"


@lru_cache(maxsize=1)
def load_official_short_forms() -> frozenset[str]:
    """Short forms of data/agency_abbreviations.tsv that are also some places' official name (交通局:
    重庆市长寿区交通局): a region-prefixed name the text writes in full must not be renamed."""
    path = data_dir() / "agency_abbreviations.tsv"
    return frozenset(key for _n, (key, _v, note) in _rows(path, 2, 3) if note.startswith(OFFICIAL_TOO_NOTE))


@lru_cache(maxsize=8)
def load_local_official_names() -> dict[str, tuple[str, ...]]:
    """data/agency_local_official_names.tsv as short form -> the regions whose bodies officially bear it
    (交通局 -> 重庆市): 市交通局 in a 重庆 report is 重庆市交通局, not renamed 交通运输局."""
    path = data_dir() / "agency_local_official_names.tsv"
    regions: dict[str, list[str]] = {}
    for _number, (region, short, _note) in _rows(path, 2, 3):
        regions.setdefault(short, []).append(region)
    return {short: tuple(names) for short, names in regions.items()}


MERGED_PLACES = ("first", "later")


def load_merged_function_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """data/agency_merged_functions.tsv as (the parts that open a merged bureau's name, the parts that follow)."""
    path = data_dir() / "agency_merged_functions.tsv"
    parts: dict[str, list[str]] = {place: [] for place in MERGED_PLACES}
    for number, (part, place, _note) in _rows(path, 2, 3):
        _check(path, number, place, MERGED_PLACES, "place")
        parts[place].append(part)
    return tuple(parts["first"]), tuple(parts["later"])


@lru_cache(maxsize=1)
def load_region_char_variants() -> dict[str, tuple[str, ...]]:
    """data/region_char_variants.tsv as a rare character of official division names -> how pages write it."""
    path = data_dir() / "region_char_variants.tsv"
    out: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for number, (char, written, _note) in _rows(path, 2, 3):
        _unique(path, number, char, seen)
        if len(char) != 1:
            raise ValueError(f"{path}:{number}: expected one character, got {char!r}")
        out[char] = tuple(w for w in written.split("|") if w)
    return out


def written_division_names(name: str) -> list[str]:
    """The ways pages write an official division name whose characters are rare (下𱳪镇 → 下太镇), per
    data/region_char_variants.tsv; empty for a name without such characters."""
    variants = load_region_char_variants()
    if not any(char in variants for char in name):
        return []
    names = [""]
    for char in name:
        names = [done + form for done in names for form in variants.get(char, (char,))]
    return names


def load_agency_organs() -> dict[str, str]:
    """data/agency_organs.tsv as a fixed organ name written after a region or level char -> its canonical name."""
    return dict(_pairs(data_dir() / "agency_organs.tsv", 2, None))


def load_party_committee_bodies() -> dict[str, str]:
    """data/party_committee_bodies.tsv as a body written after 省委/市委/县委 -> its name after 中共X委."""
    return dict(_pairs(data_dir() / "party_committee_bodies.tsv", 2, None))


def load_national_line_bodies() -> dict[str, str]:
    """data/national_line_bodies.tsv as a local bureau's functional stem -> its line's national 总局."""
    return dict(_pairs(data_dir() / "national_line_bodies.tsv", 2, None))


def load_national_bodies() -> dict[str, str]:
    """data/national_bodies.tsv as a central body's written form -> its official name (中央编办 -> 中央机构编制委员会办公室)."""
    return dict(_pairs(data_dir() / "national_bodies.tsv", 2, None))


def load_agency_suffixes() -> list[AgencySuffix]:
    """data/agency_suffixes.tsv: head words of agency names, with kind and implied level."""
    return list(_suffixes(data_dir() / "agency_suffixes.tsv"))


def load_agency_generic() -> dict[str, str]:
    """data/agency_generic.tsv as generic-but-specific reference -> the function (sector) it names."""
    return dict(_pairs(data_dir() / "agency_generic.tsv", 2, None))


def load_agency_excluded() -> dict[str, str]:
    """data/agency_excluded.tsv as term -> reason; terms starting with '*' are suffix patterns."""
    return dict(_pairs(data_dir() / "agency_excluded.tsv", 2, EXCLUSION_REASONS))


CLUTTER_KINDS = ("prefix", "field", "banner", "title")


def load_page_clutter() -> dict[str, str]:
    """data/page_clutter.tsv as word -> prefix | field | banner | title (web page furniture, see the file)."""
    return dict(_pairs(data_dir() / "page_clutter.tsv", 2, CLUTTER_KINDS))


@lru_cache(maxsize=len(CLUTTER_KINDS))
def page_clutter_words(kind: str) -> tuple[str, ...]:
    """The words of one kind of page furniture, in the file's order (field: 发布机构, 发文机关, 索引号 …)."""
    return tuple(word for word, k in load_page_clutter().items() if k == kind)


@lru_cache(maxsize=8)
def _zone_forms(path: Path) -> dict[str, str]:
    return {full: short for _, (full, short) in _rows(path, 1, 2)}


def load_zone_forms() -> dict[str, str]:
    """data/zone_forms.tsv as a development zone's full head word -> the short form reports write ('' if none)."""
    return _zone_forms(data_dir() / "zone_forms.tsv")


def load_province_abbreviations() -> dict[str, str]:
    """data/province_abbreviations.tsv as one-character 简称 -> the province's official name."""
    return dict(_pairs(data_dir() / "province_abbreviations.tsv", 2, None))


def is_excluded_agency(word: str) -> bool:
    """True if `word` is listed as not-an-agency.

    Suffix patterns (*处, *科) lose to a longer agency suffix (公证处, 街道办事处, 人民政府办公室),
    because an internal-unit pattern is only a guess about the last character while the agency
    suffix names the whole head word.
    """
    excluded = load_agency_excluded()
    if word in excluded:
        return True
    patterns = [t[1:] for t in excluded if t.startswith("*") and word.endswith(t[1:]) and word != t[1:]]
    if not patterns:
        return False
    longest_pattern = max(len(p) for p in patterns)
    longest_agency = max(
        (len(s.suffix) for s in load_agency_suffixes() if "*" not in s.suffix and word.endswith(s.suffix)),
        default=0,
    )
    return longest_pattern >= longest_agency
