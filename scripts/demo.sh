#!/usr/bin/env bash
# Fresh machine → the app on the bundled sample reports: install, ingest data/samples, open the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
fazhi ingest data/samples
exec streamlit run app.py --server.headless true "$@"  # viewer settings: .streamlit/config.toml
