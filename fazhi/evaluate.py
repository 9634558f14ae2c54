"""`fazhi eval`: precision, recall and F1 per entity type against gold annotations, plus metadata accuracy.

A prediction matches a gold entity when its canonical name equals one of the
entity's names (canonical or any surface form) after normalising width, quotes,
brackets and whitespace. Each gold entity is matched at most once; scores are
micro-averaged over all reports.

Agency and region names also match when they name the same body at the same lowest
division and differ only in how many parent divisions they spell out: 丽水市缙云县 and
缙云县, 天津市武清区教育局 and 武清区教育局. The division table decides what a division
name is, so 教育局 never matches 武清区教育局.

Relations (IMPLEMENTS, COOPERATES_WITH, BASED_ON, ISSUED Agency→Law) are scored when a
`relations/` folder beside the entity gold holds a file of the report's stem (see
tests/gold/realdev/relations/README.md). A pair matches when both of its ends match the gold
ends by the entity rules above, so an entity the extractor missed costs its relations too; the
second table keeps only the gold pairs whose two entities the extractor found (and the
predicted pairs whose two ends are gold entities), which isolates the relation logic.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from fazhi.data import data_dir
from fazhi.extraction.dictionaries import written_division_names
from fazhi.model import Extraction, ReportMeta

ENTITY_TYPES = ("laws", "agencies", "measures", "regions")
META_FIELDS = tuple(f.name for f in fields(ReportMeta))  # every metadata field of the model
_DROP = re.compile(r"[\s“”‘’\"'「」『』《》〈〉<>]")


def match_key(name: str) -> str:
    """Width, quotes, brackets and whitespace normalised away."""
    return _DROP.sub("", unicodedata.normalize("NFKC", name))


QUALIFIED_TYPES = ("agencies", "regions")
QUALIFIED_FIELDS = ("agency", "region")
_LONGEST_DIVISION = 16
ORGAN_WORDS_BEFORE_DIVISIONS = ("中共", "中国人民政治协商会议")


@lru_cache(maxsize=1)
def _division_names() -> dict[str, str]:
    """Official name -> itself, plus the written short forms that keep a level suffix (金平县 for
    金平苗族瑶族傣族自治县, 红河州) and the written forms of rare characters (下太镇 for 下𱳪镇) -> the
    official name, when only one division is written so: a report and its annotator may each use either form."""
    lines = (data_dir() / "regions.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines[1:] if line and not line.startswith("#")]
    names = {row[0]: row[0] for row in rows}
    written: dict[str, set[str]] = {}
    for row in rows:
        for short in (row[4].split("|") if len(row) > 4 else []):
            if short.endswith(("县", "区", "市", "州", "旗", "盟")) and short not in names:
                written.setdefault(short, set()).add(row[0])
    for row in rows:  # 下太镇 for 下𱳪镇: a rare character as pages write it (data/region_char_variants.tsv)
        for short in written_division_names(row[0]):
            if short not in names:
                written.setdefault(short, set()).add(row[0])
    names.update({short: next(iter(full)) for short, full in written.items() if len(full) == 1})
    return names


def qualified_key(name: str) -> tuple[str, str]:
    """(lowest division spelled at the start, the rest): the identity of a region-qualified name.

    A party organ's 中共 and a CPPCC committee's 中国人民政治协商会议 stand before its divisions
    (中共晋城市陵川县委员会 = 中共陵川县委员会; 中国人民政治协商会议固原市泾源县委员会 = …泾源县委员会), and a
    street office may be named through its district's government (西城区人民政府广安门内街道办事处).
    """
    key, names, start, lowest = match_key(name), _division_names(), 0, ""
    party = next((word for word in ORGAN_WORDS_BEFORE_DIVISIONS if key.startswith(word)), "")
    key = key[len(party):]
    while True:
        ends = range(min(len(key), start + _LONGEST_DIVISION), start + 1, -1)
        division = next((key[start:end] for end in ends if key[start:end] in names), None)
        if division is None and lowest and key.startswith("人民政府", start):
            after = _qualified_rest(key[start + 4:], names)
            division = "人民政府" if after else None
        if division is None:
            return lowest, party + key[start:]
        start += len(division)
        if division != "人民政府":
            lowest = names[division]


def _qualified_rest(rest: str, names: Mapping[str, str]) -> bool:
    """Whether `rest` starts with a division name."""
    return any(rest[:end] in names for end in range(min(len(rest), _LONGEST_DIVISION), 1, -1))


def _keys(name: str, qualified: bool) -> set[object]:
    keys: set[object] = {match_key(name)}
    if qualified and qualified_key(name)[0]:
        keys.add(qualified_key(name))
    return keys


@dataclass
class TypeScore:
    predicted: int = 0
    correct_predictions: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# relation type -> the entity kinds of its (source, target); ISSUED is scored for Law targets only
RELATION_ENDS = {
    "IMPLEMENTS": ("agencies", "measures"),
    "COOPERATES_WITH": ("agencies", "agencies"),
    "BASED_ON": ("measures", "laws"),
    "ISSUED": ("agencies", "laws"),
}
RELATION_TYPES = tuple(RELATION_ENDS)
_TARGET_LABEL = {"agencies": "Agency", "measures": "Measure", "laws": "Law"}
SYMMETRIC = frozenset({"COOPERATES_WITH"})


@dataclass
class ReportResult:
    source: str
    misses: dict[str, list[str]] = field(default_factory=dict)
    extras: dict[str, list[str]] = field(default_factory=dict)
    metadata_errors: dict[str, tuple[object, object]] = field(default_factory=dict)  # field -> (gold, got)


@dataclass
class Evaluation:
    scores: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in ENTITY_TYPES})
    metadata_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(META_FIELDS, 0))
    reports: list[ReportResult] = field(default_factory=list)
    # per relation type: every pair, and only the pairs whose two entities the extractor found
    relation_scores: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in RELATION_TYPES})
    relation_found_scores: dict[str, TypeScore] = field(
        default_factory=lambda: {t: TypeScore() for t in RELATION_TYPES})
    relation_reports: int = 0

    def metadata_accuracy(self, name: str) -> float:
        return self.metadata_correct[name] / len(self.reports) if self.reports else 0.0


def load_gold(path: Path) -> list[dict]:
    """A directory of .json files, one .json object, or a .jsonl file of objects."""
    if path.is_dir():
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = json.loads(text)
    return data if isinstance(data, list) else [data]


def load_relation_gold(gold_path: Path, source: str) -> list[dict] | None:
    """The relation gold of one report: relations/<stem>.json in the entity gold's folder or in
    its parent (tests/gold/relations for the seeds, tests/gold/realdev/relations for both halves
    of realdev); None when there is none, so reports without it are not scored on relations."""
    folder = gold_path if gold_path.is_dir() else gold_path.parent
    for candidate in (folder / "relations", folder.parent / "relations"):
        path = candidate / f"{Path(source).stem}.json"
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))["relations"]
    return None


def score_report(gold: dict, predicted: Extraction, evaluation: Evaluation) -> None:
    result = ReportResult(predicted.source)
    for kind in ENTITY_TYPES:
        names = [e.name for e in getattr(predicted, kind)]
        _score_type(gold.get(kind, []), names, evaluation.scores[kind], result, kind,
                    qualified=kind in QUALIFIED_TYPES)
    got = predicted.report
    for name in META_FIELDS:
        expected, actual = gold.get("report", {}).get(name), getattr(got, name)
        if same_value(expected, actual, qualified=name in QUALIFIED_FIELDS):
            evaluation.metadata_correct[name] += 1
        else:
            result.metadata_errors[name] = (expected, actual)
    if gold.get("relations") is not None:
        _score_relations(gold, predicted, evaluation, result)
    evaluation.reports.append(result)


Pair = tuple[str, str, str]  # (type, source, target)


def _score_relations(gold: dict, predicted: Extraction, evaluation: Evaluation, result: ReportResult) -> None:
    """Relation pairs of one report against its relation gold, per type, twice: all pairs, and the
    pairs whose two ends are entities both the gold and the extractor have."""
    evaluation.relation_reports += 1
    ends = _EndMatcher(gold, predicted)
    gold_pairs = {(r["type"], r["source"], r["target"]) for r in gold["relations"] if r["type"] in RELATION_ENDS}
    got = _predicted_pairs(predicted)
    for rel_type in RELATION_TYPES:
        wanted = [p for p in gold_pairs if p[0] == rel_type]
        offered = [p for p in got if p[0] == rel_type]
        matched = [next((g for g in wanted if ends.same(g, p)), None) for p in offered]
        hits = {g for g in matched if g is not None}
        for score, keep_gold, keep_got in (
                (evaluation.relation_scores[rel_type], wanted, offered),
                (evaluation.relation_found_scores[rel_type], [g for g in wanted if ends.found(g)],
                 [p for p in offered if ends.in_gold(p)])):
            score.gold += len(keep_gold)
            score.found += len(hits & set(keep_gold))
            score.predicted += len(keep_got)
            score.correct_predictions += sum(m is not None for p, m in zip(offered, matched, strict=True)
                                             if p in keep_got)
        result.misses[rel_type] = [f"{s} -> {t}" for _, s, t in sorted(set(wanted) - hits)]
        result.extras[rel_type] = [f"{s} -> {t}" for (_, s, t), m in zip(offered, matched, strict=True)
                                   if m is None]


def _predicted_pairs(predicted: Extraction) -> list[Pair]:
    """The scored relations of an extraction as distinct (type, source, target); ISSUED only to a Law."""
    pairs: dict[Pair, None] = {}
    for rel in predicted.relations:
        if rel.type in RELATION_ENDS and rel.target_label == _TARGET_LABEL[RELATION_ENDS[rel.type][1]]:
            pairs.setdefault((rel.type, rel.source, rel.target))
    return list(pairs)


class _EndMatcher:
    """Whether relation ends name the same entity, by the entity gold's names of each end."""

    def __init__(self, gold: dict, predicted: Extraction) -> None:
        self.gold_keys: dict[tuple[str, str], set[object]] = {}
        for kind in ("agencies", "measures", "laws"):
            qualified = kind in QUALIFIED_TYPES
            for entity in gold.get(kind, []):
                keys = set().union(*(_keys(n, qualified) for n in entity))
                self.gold_keys[(kind, entity[0])] = keys
        self.predicted_keys = {kind: [_keys(e.name, kind in QUALIFIED_TYPES) for e in getattr(predicted, kind)]
                               for kind in ("agencies", "measures", "laws")}

    def _gold(self, kind: str, name: str) -> set[object]:
        return self.gold_keys.get((kind, name)) or _keys(name, kind in QUALIFIED_TYPES)

    def _end(self, kind: str, gold_name: str, got_name: str) -> bool:
        return bool(self._gold(kind, gold_name) & _keys(got_name, kind in QUALIFIED_TYPES))

    def same(self, gold_pair: Pair, got: Pair) -> bool:
        """Both ends agree (either way round for a symmetric type)."""
        source_kind, target_kind = RELATION_ENDS[gold_pair[0]]
        _, gs, gt = gold_pair
        _, ps, pt = got
        if self._end(source_kind, gs, ps) and self._end(target_kind, gt, pt):
            return True
        return gold_pair[0] in SYMMETRIC and self._end(source_kind, gs, pt) and self._end(target_kind, gt, ps)

    def found(self, gold_pair: Pair) -> bool:
        """The extractor found both ends of a gold pair as entities."""
        kinds = RELATION_ENDS[gold_pair[0]]
        return all(any(self._gold(kind, name) & keys for keys in self.predicted_keys[kind])
                   for kind, name in zip(kinds, gold_pair[1:], strict=True))

    def in_gold(self, got: Pair) -> bool:
        """Both ends of a predicted pair are gold entities."""
        kinds = RELATION_ENDS[got[0]]
        return all(any(keys & _keys(name, kind in QUALIFIED_TYPES)
                       for (k, _), keys in self.gold_keys.items() if k == kind)
                   for kind, name in zip(kinds, got[1:], strict=True))


def same_value(expected: object, actual: object, qualified: bool = False) -> bool:
    """Equal after normalising; `qualified` names also when only their spelled-out divisions differ."""
    if isinstance(expected, str) and isinstance(actual, str):
        return bool(_keys(expected, qualified) & _keys(actual, qualified))
    return expected == actual


def _score_type(gold_entities: list[list[str]], predicted: list[str], score: TypeScore,
                result: ReportResult, kind: str, qualified: bool = False) -> None:
    gold_keys = [set().union(*(_keys(n, qualified) for n in entity)) for entity in gold_entities]
    matched = [False] * len(gold_keys)
    extras = []
    for name in predicted:
        keys = _keys(name, qualified)
        hit = next((i for i, entity_keys in enumerate(gold_keys) if keys & entity_keys), None)
        if hit is None:
            extras.append(name)
            continue
        score.correct_predictions += 1
        matched[hit] = True
    score.predicted += len(predicted)
    score.gold += len(gold_keys)
    score.found += sum(matched)
    result.misses[kind] = [e[0] for e, m in zip(gold_entities, matched, strict=True) if not m]
    result.extras[kind] = extras


def evaluate(gold_path: Path, corpus_dir: Path, extract_file) -> Evaluation:
    """Score the extractor on every gold report whose source file is in corpus_dir."""
    evaluation = Evaluation()
    for gold in load_gold(gold_path):
        source = corpus_dir / gold["source"]
        if not source.exists():
            raise FileNotFoundError(f"{source}: named by the gold annotations but not in {corpus_dir}")
        relations = load_relation_gold(gold_path, gold["source"])
        if relations is not None:
            gold = gold | {"relations": relations}
        predicted = extract_file(str(source))
        if isinstance(predicted, tuple):
            raise RuntimeError(f"{predicted[0]}: {predicted[1]}")
        score_report(gold, predicted, evaluation)
    return evaluation


def format_evaluation(evaluation: Evaluation, verbose: bool = False) -> str:
    lines = [f"{'type':10} {'P':>6} {'R':>6} {'F1':>6}   predicted  gold"]
    for kind, s in evaluation.scores.items():
        lines.append(f"{kind:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.predicted:9d} {s.gold:5d}")
    lines.append("")
    lines.append("metadata accuracy: " + ", ".join(
        f"{name} {evaluation.metadata_accuracy(name):.2f}" for name in META_FIELDS))
    if evaluation.relation_reports:
        lines += _relation_table(evaluation)
    if verbose:
        for report in evaluation.reports:
            lines.append(f"\n== {report.source}")
            for name, (expected, actual) in report.metadata_errors.items():
                lines.append(f"  report.{name}: gold {expected!r} got {actual!r}")
            for kind in ENTITY_TYPES + RELATION_TYPES:
                if report.misses.get(kind):
                    lines.append(f"  {kind} missed: " + "; ".join(report.misses[kind]))
                if report.extras.get(kind):
                    lines.append(f"  {kind} extra:  " + "; ".join(report.extras[kind]))
    return "\n".join(lines)


def _relation_table(evaluation: Evaluation) -> list[str]:
    """Per relation type: all pairs, then only the pairs whose two entities were found."""
    lines = ["", f"relations ({evaluation.relation_reports} reports with relation gold); "
             "'found' = pairs whose two entities the extractor found",
             f"{'relation':16} {'P':>6} {'R':>6} {'F1':>6}  pred  gold | {'found P':>7} {'R':>6} {'F1':>6}  pred  gold"]
    for rel_type in RELATION_TYPES:
        s, f = evaluation.relation_scores[rel_type], evaluation.relation_found_scores[rel_type]
        lines.append(f"{rel_type:16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.predicted:5d} {s.gold:5d} | "
                     f"{f.precision:7.3f} {f.recall:6.3f} {f.f1:6.3f} {f.predicted:5d} {f.gold:5d}")
    return lines


# -- metadata-only gold: who issued a report, where, when, what kind ------------------------

TSV_FIELDS = ("agency", "region", "year", "doc_type")


@dataclass
class MetadataEvaluation:
    """Accuracy of the report fields a GOLD.tsv annotates, and every miss (file, field, gold, got)."""

    total: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TSV_FIELDS, 0))
    issuer_named: int = 0
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total if self.total else 0.0


def evaluate_metadata_tsv(folder: Path, extract_file) -> MetadataEvaluation:
    """Score the texts of `folder` against its GOLD.tsv (columns file, agency, region, year,
    doc_type; an empty cell is null). Gold this small takes a minute per report to write, so a
    fresh sample of real pages can measure how the issuer rules generalise."""
    import csv

    with (folder / "GOLD.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    result = MetadataEvaluation(total=len(rows))
    for row in rows:
        predicted = extract_file(str(folder / row["file"]))
        if isinstance(predicted, tuple):
            raise RuntimeError(f"{predicted[0]}: {predicted[1]}")
        result.issuer_named += predicted.report.agency is not None
        for name in TSV_FIELDS:
            cell = row.get(name, "").strip()
            expected: object = (int(cell) if name == "year" else cell) if cell else None
            actual = getattr(predicted.report, name)
            if same_value(expected, actual, qualified=name in QUALIFIED_FIELDS):
                result.correct[name] += 1
            else:
                result.misses.append((row["file"], name, expected, actual))
    return result
