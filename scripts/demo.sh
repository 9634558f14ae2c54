#!/usr/bin/env bash
# Fresh machine → the app on the bundled sample reports: install, ingest data/samples, open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
fazhi ingest data/samples
exec fazhi app "$@"  # streamlit run app.py, warmed up before it says ready; viewer settings: .streamlit/config.toml
