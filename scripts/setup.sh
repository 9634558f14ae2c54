#!/usr/bin/env bash
# Installs what fazhi-graph needs on a fresh Debian machine. Idempotent: re-running skips what is there.
#   scripts/setup.sh          the package and its runtime dependencies
#   scripts/setup.sh --dev    plus test tools, Debian's chromium (browser tests), and the Neo4j jars
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=${1:-}

python3 -m pip install --quiet --disable-pip-version-check -e ".[dev]"

if [ "$DEV" = "--dev" ]; then
  need_apt=()
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
  [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need_apt+=(fonts-droid-fallback)
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need_apt+=(fonts-noto-cjk)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
  command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
  if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
  # Neo4j jars from Maven Central into the user cache ($FAZHI_NEO4J_LIB overrides); skipped when present
  python3 -c "from fazhi.graph.neo4j_server import ensure_jars; ensure_jars()"
fi
