#!/usr/bin/env bash
# Installs NeuroGuide's system packages (Debian/Ubuntu) and a virtual environment in .venv.
#   packaging/setup.sh          the app
#   packaging/setup.sh --test   the app plus the test, check and packaging tools
# The system packages are checked every time (quick); the virtual environment is made again
# only when this script, pyproject.toml or python3 changed since the last set-up (a stamp in
# .venv). NEUROGUIDE_FORCE_SETUP=1 makes it again anyway.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
kind=app
[ "${1:-}" = "--test" ] && extras="[test,dev]" && kind=test

say() { printf 'setup.sh: %s\n' "$*" >&2; }

# NeuroGuide needs Python 3.11+ (Debian 12, Ubuntu 23.04 and later ship it; Ubuntu 22.04 has 3.10).
if ! command -v python3 >/dev/null; then
  say "python3 is not installed; install it first: sudo apt-get install python3 python3-venv"
  exit 1
fi
pyver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  say "NeuroGuide needs Python 3.11 or newer; python3 here is $pyver." \
    "Use Debian 12 or Ubuntu 24.04 (or another python3.11+ first on PATH)."
  exit 1
fi

# Qt's runtime libraries (xcb and Wayland for a real screen, offscreen for tests), fonts,
# espeak-ng for the voice and aplay to play it, Xvfb for screenshots, the desktop-file
# validators and binutils (PyInstaller reads libraries with objdump); python3-venv to make the
# environment.
pkgs=(
  python3-venv python3-pip
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  fonts-dejavu-core
  libespeak-ng1 espeak-ng-data espeak-ng alsa-utils
  xvfb xauth
  desktop-file-utils appstream
  binutils
)
# Only for --test: what the tests use so that none of them skips on a CI machine. pdftotext
# (poppler-utils) reads the PDFs back; a private D-Bus session (dbus) with the AT-SPI bus
# (at-spi2-core) and a screen reader's library (python3-pyatspi) read the window as Orca does;
# xdotool presses real keys on the virtual screen; shared-mime-info checks the file type; and
# dpkg-dev (dpkg-shlibdeps), patchelf, lintian and xdg-utils build and check the Debian package.
if [ "$kind" = test ]; then
  pkgs+=(
    poppler-utils dbus at-spi2-core python3-pyatspi xdotool shared-mime-info
    dpkg-dev patchelf lintian xdg-utils
  )
fi
# The PyInstaller bundle needs the Python shared library (libpython3.X.so.1.0), which Debian
# ships apart from python3. Only for a python3 that came from a Debian package: a python built
# by pyenv or from source brings its own (or was built without one, which build.sh reports).
python_exe=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))')
if dpkg-query -S "$python_exe" >/dev/null 2>&1; then
  pkgs+=("libpython$pyver")
fi
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do
  # Ubuntu 24.04 renamed some libraries (libglib2.0-0t64); either name counts as installed.
  installed "$p" || installed "${p}t64" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      say "these system packages are missing and there is no sudo to install them:"
      say "  ${missing[*]}"
      say "install them as root (apt-get install ...), then run this again."
      exit 1
    fi
    sudo_cmd="sudo"
  fi
  say "installing ${#missing[@]} system packages (and what they need): ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    --no-upgrade "${missing[@]}" >/dev/null
fi

# What the environment was made from; a test environment also serves the app.
stamp=$( (cat packaging/setup.sh pyproject.toml; python3 --version) | sha256sum | cut -d' ' -f1)
if [ "${NEUROGUIDE_FORCE_SETUP:-}" != "1" ] && .venv/bin/python -c '' 2>/dev/null &&
  { [ "$(cat .venv/.setup-stamp-$kind 2>/dev/null)" = "$stamp" ] ||
    [ "$(cat .venv/.setup-stamp-test 2>/dev/null)" = "$stamp" ]; }; then
  say ".venv is up to date (setup.sh and pyproject.toml unchanged); NEUROGUIDE_FORCE_SETUP=1 remakes it"
  exit 0
fi
rm -f .venv/.setup-stamp-*
python3 -m venv .venv
# setuptools tells every editable install of a package-dir layout (resources/ ships as
# neuroguide_resources) to "be careful with folders ..."; information only, and noise here.
export PYTHONWARNINGS="${PYTHONWARNINGS:+$PYTHONWARNINGS,}ignore:Editable installation"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
echo "$stamp" >".venv/.setup-stamp-$kind"
