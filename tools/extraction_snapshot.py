"""Record the extractor's complete output on a set of files, or check that it has not changed.

Why: a speed change to the extractor must not change what it extracts. `fazhi extract --json`
prints the JSON contract, which leaves out fields the stores read (the relations' endpoint
labels and year, the targets' properties, the report id); this serialises every dataclass
field of the Extraction, so "byte-identical" covers everything an ingest would write.

    python tools/extraction_snapshot.py record REF.jsonl PATH...   # one line per file
    python tools/extraction_snapshot.py compare REF.jsonl PATH...  # exit 1 and name the files that differ

PATHs are files or folders (as for `fazhi extract`); compare walks the same PATHs in the same
order and reports the first differing field of each changed file.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from fazhi.ingest import extract_file
from fazhi.loaders import iter_files


def complete(value: Any) -> Any:
    """Every dataclass field, recursively (not only the JSON contract's), dicts with sorted keys."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: complete(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [complete(v) for v in value]
    if isinstance(value, dict):
        return {str(k): complete(v) for k, v in sorted(value.items())}
    return value


def snapshot_lines(paths: list[Path]) -> list[str]:
    """One JSON line per file: its path and its Extraction (or the failure reason)."""
    lines = []
    for path in iter_files(paths):
        result = extract_file(str(path))
        body = {"failed": list(result)} if isinstance(result, tuple) else complete(result)
        lines.append(json.dumps({"file": str(path), "extraction": body}, ensure_ascii=False))
    return lines


def first_difference(old: Any, new: Any, where: str = "") -> str:
    """The path of the first field where two decoded snapshots differ, with both values."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            if old.get(key) != new.get(key):
                return first_difference(old.get(key), new.get(key), f"{where}.{key}")
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                return first_difference(a, b, f"{where}[{i}]")
        if len(old) != len(new):
            return f"{where}: {len(old)} items, now {len(new)}"
    return f"{where}: {json.dumps(old, ensure_ascii=False)[:200]} -> {json.dumps(new, ensure_ascii=False)[:200]}"


def compare(reference: Path, paths: list[Path]) -> int:
    old_lines = reference.read_text(encoding="utf-8").splitlines()
    new_lines = snapshot_lines(paths)
    if len(old_lines) != len(new_lines):
        print(f"{reference}: {len(old_lines)} files recorded, {len(new_lines)} found now")
        return 1
    changed = 0
    for old_line, new_line in zip(old_lines, new_lines, strict=True):
        if old_line != new_line:
            changed += 1
            old, new = json.loads(old_line), json.loads(new_line)
            print(f"{new['file']}: {first_difference(old, new)}")
    print(f"{len(new_lines)} files, {changed} changed")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in ("record", "compare"):
        print(__doc__)
        return 2
    reference, paths = Path(argv[1]), [Path(p) for p in argv[2:]]
    if argv[0] == "compare":
        return compare(reference, paths)
    lines = snapshot_lines(paths)
    reference.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} files recorded in {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
