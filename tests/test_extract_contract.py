"""`fazhi extract` prints the JSON Lines contract other tools read, with evidence pointing into the file."""

import json
import subprocess
import sys
from pathlib import Path

from fazhi.loaders import load

REPORT_KEYS = {"title", "agency", "region", "year", "doc_type", "doc_number", "date"}
TOP_KEYS = {"source", "report", "laws", "agencies", "measures", "regions", "relations"}
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def run_extract(paths: list[Path]) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "fazhi.cli", "extract", *map(str, paths)],
                         capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def check_document(doc: dict) -> None:
    assert set(doc) == TOP_KEYS
    assert set(doc["report"]) == REPORT_KEYS
    original = load(doc["source"]).original
    for kind in ("laws", "agencies", "measures", "regions"):
        for entity in doc[kind]:
            assert entity["name"] and entity["mentions"], (kind, entity)
            for mention in entity["mentions"]:
                assert original[mention["start"]:mention["end"]] == mention["text"]
    assert doc["relations"]
    for rel in doc["relations"]:
        assert set(rel) == {"type", "source", "target", "evidence"}
        ev = rel["evidence"]
        assert ev["sentence"] and original[ev["start"]:ev["end"]] == ev["sentence"]


def test_seeds_give_one_valid_line_each(seeds_dir) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    docs = run_extract(files)
    assert len(docs) == len(files) == 5
    for doc in docs:
        check_document(doc)


def test_every_sample_format_keeps_offsets_into_its_own_original_text() -> None:
    docs = run_extract([SAMPLES])
    assert {Path(d["source"]).suffix for d in docs} >= {".txt", ".docx", ".html", ".pdf"}
    for doc in docs:
        check_document(doc)
