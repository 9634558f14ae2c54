"""Report metadata on 40 further real report openings (tests/gold/realextra, tune material).

Only the issuer, region, year and doc_type are annotated there (GOLD.tsv);
tools/eval_metadata_tsv.py prints the same figures with the misses. FLOORS are the levels measured
on 2026-12-05 after the issuer rules: a change that loses issuers on real pages fails here.
"""

import csv
from pathlib import Path

from fazhi.evaluate import evaluate_metadata_tsv
from fazhi.ingest import extract_file

FOLDER = Path(__file__).parent / "gold" / "realextra"
FLOORS = {"agency": 0.92, "region": 0.97, "year": 0.95, "doc_type": 0.97}


def test_every_text_has_its_gold_row() -> None:
    with (FOLDER / "GOLD.tsv").open(encoding="utf-8") as fh:
        files = {row["file"] for row in csv.DictReader(fh, delimiter="\t")}
    assert files == {p.name for p in FOLDER.glob("*.txt")}


def test_no_figure_falls_below_its_floor() -> None:
    result = evaluate_metadata_tsv(FOLDER, extract_file)
    accuracy = {name: result.accuracy(name) for name in FLOORS}
    print(f"== realextra metadata accuracy: {accuracy}\nmisses: {result.misses}")
    below = {name: round(value, 3) for name, value in accuracy.items() if value < FLOORS[name]}
    assert not below, f"below the floor: {below}"
