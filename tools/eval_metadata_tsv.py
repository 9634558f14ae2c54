"""Print how well report metadata (agency, region, year, doc_type) matches a GOLD.tsv.

    python3 tools/eval_metadata_tsv.py FOLDER [--verbose]

FOLDER holds the texts and GOLD.tsv (see fazhi.evaluate.evaluate_metadata_tsv). Used for
tests/gold/realextra and for any fresh sample of real pages kept outside the repository.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi.evaluate import TSV_FIELDS, evaluate_metadata_tsv
from fazhi.ingest import extract_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    result = evaluate_metadata_tsv(args.folder, extract_file)
    if args.verbose:
        for file, name, expected, actual in result.misses:
            print(f"{file}\t{name}\tgold={expected}\tgot={actual}")
    print(f"{result.total} reports; issuer named for {result.issuer_named}")
    for name in TSV_FIELDS:
        print(f"{name:9} {result.correct[name]}/{result.total} = {result.accuracy(name):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
