#!/usr/bin/env bash
# Quick start 2: set everything up (test tools, browser, PostgreSQL binaries), then run the
# whole test suite. Extra arguments go to pytest. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev --postgres
exec .venv/bin/python -m pytest -n 2 --junitxml=.pytest-report.xml "$@"
