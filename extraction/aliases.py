"""User-editable aliases: merge two names or rename one without touching code.

The file (data/aliases.tsv, or the path in FAZHI_ALIASES) has lines
`label<TAB>name as extracted<TAB>name to use`. It applies at ingest and on
`fazhi reindex`, after every rule, so a user's decision always wins.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from fazhi.data import data_dir
from fazhi.model import Extraction, Mention

LABEL_FIELDS = {"Law": "laws", "Agency": "agencies", "Measure": "measures", "Region": "regions"}


def aliases_path() -> Path:
    return Path(os.environ.get("FAZHI_ALIASES") or data_dir() / "aliases.tsv")


@lru_cache(maxsize=4)
def load_aliases(path: Path | None = None) -> dict[str, dict[str, str]]:
    """label -> {extracted name: name to use}; a malformed line names the file and line."""
    path = path or aliases_path()
    table: dict[str, dict[str, str]] = {label: {} for label in LABEL_FIELDS}
    if not path.exists():
        return table
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in LABEL_FIELDS or not parts[1] or not parts[2]:
            raise ValueError(f"{path}:{number}: expected 'label<TAB>from<TAB>to' with label in "
                             f"{sorted(LABEL_FIELDS)}")
        table[parts[0]][parts[1].strip()] = parts[2].strip()
    return table


def apply_aliases(ex: Extraction, table: dict[str, dict[str, str]] | None = None) -> Extraction:
    table = table if table is not None else load_aliases(aliases_path())
    if not any(table.values()):
        return ex
    for label, attr in LABEL_FIELDS.items():
        setattr(ex, attr, _merge(getattr(ex, attr), table[label]))
    for i, rel in enumerate(ex.relations):
        source = table.get(rel.source_label, {}).get(rel.source, rel.source)
        target = table.get(rel.target_label, {}).get(rel.target, rel.target)
        if (source, target) != (rel.source, rel.target):
            ex.relations[i] = replace(rel, source=source, target=target)
    if ex.report.agency:
        ex.report.agency = table["Agency"].get(ex.report.agency, ex.report.agency)
    return ex


class _Named(Protocol):
    name: str
    mentions: list[Mention]


_Entity = TypeVar("_Entity", bound=_Named)


def _merge(entities: list[_Entity], renames: dict[str, str]) -> list[_Entity]:
    merged: dict[str, _Entity] = {}
    for entity in entities:
        entity.name = renames.get(entity.name, entity.name)
        if entity.name in merged:
            merged[entity.name].mentions.extend(entity.mentions)
        else:
            merged[entity.name] = entity
    return list(merged.values())
