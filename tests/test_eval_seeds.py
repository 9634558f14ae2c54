"""The extractor against the hand-written gold annotations of the five seed reports.

Bounds are those of the extraction issue. They run whenever ../shared/seeds exists
(it does in CI); the evaluation itself is printed so a failure shows what was missed.
"""

from pathlib import Path

import pytest

from fazhi.evaluate import evaluate, format_evaluation, load_gold, match_key
from fazhi.ingest import extract_file

GOLD = Path(__file__).parent / "gold"
BOUNDS = {"laws": 0.98, "agencies": 0.92, "measures": 0.85, "regions": 0.95}
STATED_FIELDS = ("agency", "year", "doc_type")


@pytest.fixture(scope="module")
def evaluation(seeds_dir):
    result = evaluate(GOLD, seeds_dir, extract_file)
    print(format_evaluation(result, verbose=True))
    return result


def test_gold_surface_forms_occur_in_the_texts(seeds_dir) -> None:
    """The gold files are about these texts: every surface form is in its report."""
    for gold in load_gold(GOLD):
        text = (seeds_dir / gold["source"]).read_text(encoding="utf-8")
        squashed = match_key(text)
        for kind in BOUNDS:
            for entity in gold[kind]:
                for surface in entity[1:]:
                    assert match_key(surface) in squashed, (gold["source"], kind, surface)


@pytest.mark.parametrize("kind", list(BOUNDS))
def test_entity_f1_meets_the_bound(evaluation, kind: str) -> None:
    score = evaluation.scores[kind]
    assert score.f1 >= BOUNDS[kind], f"{kind}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"


def test_stated_metadata_is_correct(evaluation) -> None:
    wrong = {
        (report.source, name): values
        for report in evaluation.reports
        for name, values in report.metadata_errors.items()
        if name in STATED_FIELDS and values[0] is not None
    }
    assert not wrong
