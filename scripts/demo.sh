#!/usr/bin/env bash
# Quick start 1: set everything up, then run the main job on the embedded default
# (SQLite in ./evidence, the bundled demo sites on 127.0.0.1). Extra arguments go to `webaudit demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/webaudit demo "$@"
