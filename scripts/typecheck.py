"""mypy over the package `fazhi` as it installs, with errors reported at the repository's paths.

Why a link tree: pyproject's [tool.setuptools.package-dir] makes the top-level folders
subpackages (graph/ is fazhi.graph), and the editable install finds them with an import
hook mypy cannot follow. So this lays out links shaped like the installed package in
.mypy_cache/tree (a stable place, so mypy's cache stays warm), runs `mypy -p fazhi` on
it (settings in [tool.mypy]), and maps the paths in its report back. Exit status is mypy's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE = ROOT / ".mypy_cache" / "tree"


def package_dirs() -> dict[str, Path]:
    """Package name -> source folder, from pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {name: ROOT / folder for name, folder in config["tool"]["setuptools"]["package-dir"].items()}


def lay_links(tree: Path = TREE) -> dict[Path, Path]:
    """Link every package folder (the root package file by file) into `tree`; return link -> source."""
    links: dict[Path, Path] = {}
    for name, source in sorted(package_dirs().items(), key=lambda item: item[0].count(".")):
        target = tree.joinpath(*name.split("."))
        if name.count(".") == 0:
            target.mkdir(parents=True, exist_ok=True)
            entries = [(target / f.name, f) for f in source.glob("*.py")]
        elif target.parent.resolve() / target.name == source.resolve():
            continue  # inside a linked parent already (fazhi.data.samples in data/)
        else:
            entries = [(target, source)]
        for link, real in entries:
            if not (link.is_symlink() and link.resolve() == real.resolve()):
                link.unlink(missing_ok=True)
                link.symlink_to(real)
            links[link] = real
    return links


def main() -> int:
    links = lay_links()
    done = subprocess.run([sys.executable, "-m", "mypy", "-p", "fazhi"], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, "MYPYPATH": str(TREE)})
    report = done.stdout + done.stderr
    for link, real in sorted(links.items(), key=lambda item: -len(str(item[0]))):
        report = report.replace(f"{link.relative_to(ROOT)}", f"{real.relative_to(ROOT)}")
    sys.stdout.write(report)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
