"""The package as a user installs it: a wheel (not editable) in a fresh virtual environment.

Only an editable install used to work (code found data/ by walking up from its own file), and
five generic top-level packages (graph, loaders, …) landed in site-packages. This builds the
wheel, installs it into a new venv and runs the CLI from a directory outside the repository.
The venv sees the test interpreter's site-packages through a plain path line, so dependencies
resolve without a download, but the repository's editable-install hook (a .pth import line)
is not executed: `fazhi` can only come from the wheel.
"""

from __future__ import annotations

import json
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", work / "dist",
                ROOT, cwd=work)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((work / "dist").glob("fazhi_graph-*.whl"))
    env = work / "venv"
    assert run(sys.executable, "-m", "venv", env, cwd=work).returncode == 0
    venv_site = next((env / "lib").glob("python3*/site-packages"))
    (venv_site / "parent_site.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    installed = run(env / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=work)
    assert installed.returncode == 0, installed.stderr[-2000:]
    return env


def test_the_wheel_installs_one_namespace(venv: Path, tmp_path: Path) -> None:
    python = venv / "bin" / "python"
    where = run(python, "-c", "import fazhi.graph, fazhi.data; print(fazhi.graph.__file__); "
                "print(fazhi.data.data_dir())", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    module, data = where.stdout.split()
    assert Path(module).is_relative_to(venv) and Path(data).is_relative_to(venv)
    assert (Path(data) / "laws.tsv").is_file() and (Path(data) / "regions.tsv").is_file()
    for generic in ("graph", "loaders", "extraction", "queries", "app_pages"):
        refused = run(python, "-c", f"import {generic}", cwd=tmp_path)
        assert refused.returncode != 0 and "ModuleNotFoundError" in refused.stderr, generic


def test_the_installed_cli_ingests_and_extracts_from_another_directory(venv: Path, tmp_path: Path) -> None:
    fazhi = venv / "bin" / "fazhi"
    ingested = run(fazhi, "ingest", SAMPLES, "--db", tmp_path / "x.lbdb", cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    stats = run(fazhi, "stats", "--db", tmp_path / "x.lbdb", cwd=tmp_path)
    assert stats.returncode == 0 and "Report" in stats.stdout, stats.stderr
    extracted = run(fazhi, "extract", SAMPLES / "sample_02_shaoguan_amr_2021_report.txt", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr[-2000:]
    record = json.loads(extracted.stdout.splitlines()[0])
    assert record["laws"] and record["agencies"] and record["measures"]
