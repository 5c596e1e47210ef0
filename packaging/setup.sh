#!/usr/bin/env bash
# Installs NeuroGuide's system packages (Debian/Ubuntu) and a virtual environment in .venv.
#   packaging/setup.sh          the app
#   packaging/setup.sh --test   the app plus test and check tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test,dev]"

# Qt's runtime libraries (xcb for a real screen, offscreen for tests), fonts, espeak-ng for the
# voice and aplay to play it, Xvfb for screenshots, the desktop-file validators and binutils
# (PyInstaller reads libraries with objdump); python3-venv to make the environment.
pkgs=(
  python3-venv python3-pip
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
  fonts-dejavu-core
  libespeak-ng1 espeak-ng-data espeak-ng alsa-utils
  xvfb xauth
  desktop-file-utils appstream
  binutils
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    --no-upgrade "${missing[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
