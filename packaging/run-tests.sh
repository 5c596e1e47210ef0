#!/usr/bin/env bash
# The test command: sets up everything (packaging/setup.sh --test) unless NEUROGUIDE_SKIP_SETUP=1,
# then runs the suite headless with branch coverage of neuroguide/core.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${NEUROGUIDE_SKIP_SETUP:-}" = "1" ] || [ "${CI:-}" = "true" ] || bash packaging/setup.sh --test
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/python -m pytest --cov=neuroguide --cov-branch --cov-report=term-missing:skip-covered \
  --cov-fail-under=0 "$@"
.venv/bin/python -m coverage report --include='neuroguide/core/*' --fail-under=95
