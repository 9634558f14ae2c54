"""extraction/ is layered: no module imports, even for type checking only, a module that imports it back.

A cycle (pipeline ↔ relations once) makes the import order decide what works and hides which
step depends on which. Parsing the imports finds a cycle before any import order can mask it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import fazhi.extraction

PACKAGE = "fazhi.extraction"
FOLDER = Path(fazhi.extraction.__file__).parent


def _imports(path: Path) -> set[str]:
    """The extraction modules a file imports anywhere in it (TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.update(name.removeprefix(PACKAGE + ".").split(".")[0]
                     for name in names if name.startswith(PACKAGE + "."))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {p.stem for p in FOLDER.glob("*.py") if p.stem != "__init__"}
    return {m: _imports(FOLDER / f"{m}.py") & modules for m in modules}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names, or None (depth-first search with colours)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle_in_extraction() -> None:
    graph = _graph()
    assert "pipeline" in graph and graph["pipeline"], "the parser found no imports: is the folder right?"
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_extract_runs_the_named_steps_in_order() -> None:
    from fazhi.extraction.pipeline import STEPS

    names = [name for name, _ in STEPS]
    assert len(set(names)) == len(names)
    assert names[:2] == ["linebreaks", "structure"] and names[-1] == "aliases"
    assert names.index("entities") < names.index("relations")
