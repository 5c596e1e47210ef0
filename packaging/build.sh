#!/usr/bin/env bash
# Builds the one-folder bundle dist/neuroguide/ with PyInstaller, then runs its self-test
# headless. Needs the virtual environment from packaging/setup.sh; installs PyInstaller into
# it (the "bundle" extra) if missing.
#   packaging/build.sh              build and self-test
#   packaging/build.sh --no-test    build only
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
if [ ! -x "$python" ]; then
  echo "build.sh: no virtual environment; run packaging/setup.sh first" >&2
  exit 1
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "== installing PyInstaller into .venv"
  PYTHONWARNINGS="${PYTHONWARNINGS:+$PYTHONWARNINGS,}ignore:Editable installation" \
    "$python" -m pip install -q -e ".[bundle]"  # (the warning: see setup.sh)
fi

echo "== building dist/neuroguide"
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/neuroguide.spec
echo "built in $(( $(date +%s) - started )) s: $(du -sh dist/neuroguide | cut -f1) on disk," \
  "$(find dist/neuroguide -type f | wc -l) files"

if [ "${1:-}" != "--no-test" ]; then
  echo "== self-test of the bundle (headless)"
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM dist/neuroguide/neuroguide self-test
fi
