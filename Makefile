# The two commands of the quick start, and the checks developers run.
.PHONY: setup setup-dev demo test check lint typecheck bench clean

setup:
	scripts/setup.sh

setup-dev:
	scripts/setup.sh --dev --postgres

## Set everything up and run the main job on the embedded default (SQLite, bundled demo sites).
demo:
	scripts/demo.sh

## Set everything up and run the whole test suite (SQLite and a throwaway PostgreSQL).
test:
	scripts/test.sh

## Lint and type checks.
check: setup-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check webaudit tests bench
	.venv/bin/mypy

bench: setup-dev
	.venv/bin/python bench/match.py
	.venv/bin/python bench/crawl.py --sites 50

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache .pytest-report.xml
