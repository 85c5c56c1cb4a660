#!/usr/bin/env bash
# Install the package with its test needs into .venv and run the checks and the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check tenderwatch tests benchmarks scripts
.venv/bin/mypy
.venv/bin/pytest
