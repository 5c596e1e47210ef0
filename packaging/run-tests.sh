#!/usr/bin/env bash
# The test command: sets up everything (packaging/setup.sh --test), then runs the suite headless
# with branch coverage of neuroguide/core, every ResourceWarning an error. Extra arguments go to
# pytest.
#   The set-up checks the system packages and remakes .venv only when packaging/setup.sh or
#   pyproject.toml changed (a stamp in .venv); NEUROGUIDE_FORCE_SETUP=1 remakes it anyway,
#   NEUROGUIDE_SKIP_SETUP=1 skips the set-up altogether (CI=true too: .ci/run has just run it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NEUROGUIDE_SKIP_SETUP:-}" = "1" ] || [ "${CI:-}" = "true" ]; then
  echo "run-tests.sh: set-up skipped (NEUROGUIDE_SKIP_SETUP=1 or CI=true)" >&2
else
  bash packaging/setup.sh --test
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# -W error::ResourceWarning: an unclosed file or SQLite connection fails the test that left it
# (Python 3.13 reports each connection left open; decision 0020).
.venv/bin/python -m pytest -W error::ResourceWarning --cov=neuroguide --cov-branch --cov-report=term-missing:skip-covered \
  --cov-fail-under=0 "$@"
.venv/bin/python -m coverage report --include='neuroguide/core/*' --fail-under=95
