#!/usr/bin/env bash
# Fresh machine → the whole test suite (real LadybugDB, real Neo4j, real headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
ruff check .
python3 scripts/typecheck.py  # mypy -p fazhi (settings in pyproject.toml)
exec python3 -m pytest -q "$@"
