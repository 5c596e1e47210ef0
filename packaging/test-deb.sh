#!/usr/bin/env bash
# Installs the Debian package as a person would (apt-get install ./neuroguide_*.deb, which pulls in
# its dependencies), checks it works, then removes it and checks that every file it installed is
# gone and the person's data folder is exactly as it was. Needs root (or sudo); .ci/run runs it.
#   packaging/test-deb.sh [dist/neuroguide_VERSION_ARCH.deb]
# Checks, in order: lintian reports no error; apt-get install; `neuroguide self-test`;
# `xvfb-run -a neuroguide --version`; the window opens on a virtual screen and a .neuroguide opened
# while it runs goes to that window (a second `neuroguide FILE` exits at once); `xdg-mime query
# default application/x-neuroguide` names NeuroGuide; apt-get remove leaves no installed file and
# an untouched data folder. Nothing here uses the real home folder: HOME is a temporary one.
set -euo pipefail
cd "$(dirname "$0")/.."
# A person's PATH: the project's .venv (active in .ci/run) must not stand in for the package.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset VIRTUAL_ENV PYTHONPATH PYTHONHOME
say() { printf 'test-deb.sh: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

deb=${1:-$(ls -t dist/neuroguide_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || fail "no package in dist/; build it with packaging/build-deb.sh"
deb=$(realpath "$deb")
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
apt() { DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get "$@"; }
seconds() { echo $(( $(date +%s) - $1 )); }

# The checking tools (not the package's dependencies: those come with it below).
tools=(lintian xvfb xauth xdg-utils)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing the checking tools: ${missing[*]}"
  apt update -qq
  apt install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/neuroguide-test-deb.XXXXXX)
cleanup() {
  [ -n "${window:-}" ] && kill "$window" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "lintian $(basename "$deb")"
started=$(date +%s)
# --fail-on error: warnings (a bundle's libraries lack hardening flags) are shown, not fatal.
status=0
lintian --fail-on error "$deb" >"$work/lintian" 2>&1 || status=$?
grep -v "^running with root privileges" "$work/lintian" >&2 || true
[ "$status" -eq 0 ] || fail "lintian reports an error"
say "lintian: no error ($(seconds "$started") s)"
export HOME="$work/home"
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM NEUROGUIDE_DATA_DIR XDG_DATA_HOME XDG_CONFIG_HOME

if dpkg-query -W -f='${Status}' neuroguide 2>/dev/null | grep -q "install ok installed"; then
  say "removing the neuroguide package installed before this test"
  apt remove -y -qq neuroguide >/dev/null
fi
say "apt-get install $deb"
started=$(date +%s)
apt install -y -qq "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "apt-get install"; }
say "installed with its dependencies in $(seconds "$started") s"
[ "$(command -v neuroguide)" = /usr/bin/neuroguide ] || fail "neuroguide is not /usr/bin/neuroguide"
version=$(dpkg-query -W -f='${Version}' neuroguide)

neuroguide self-test || fail "neuroguide self-test"
shown=$(xvfb-run -a neuroguide --version)
[ "$shown" = "neuroguide $version" ] || fail "xvfb-run -a neuroguide --version said '$shown'"
say "xvfb-run -a neuroguide --version: $shown"

# A person's data, made by the installed app: a shared programme imported into their routines,
# then the window (which opens the history) on a virtual screen.
data="$HOME/.local/share/neuroguide"
neuroguide export --programme stretch-break "$work/stretch.neuroguide" >/dev/null ||
  fail "neuroguide export --programme"
neuroguide import "$work/stretch.neuroguide" --replace >/dev/null || fail "neuroguide import"
xvfb-run -a -s "-screen 0 1366x768x24" neuroguide >"$work/window.log" 2>&1 &
window=$!
for _ in $(seq 1 120); do  # the window listens for later starts once it is built
  [ -S "$data/neuroguide.sock" ] && break
  kill -0 "$window" 2>/dev/null || { cat "$work/window.log" >&2; fail "the window did not stay open"; }
  sleep 0.5
done
[ -S "$data/neuroguide.sock" ] || { cat "$work/window.log" >&2; fail "the window did not open in 60 s"; }
say "the window is open on a virtual screen"
handed=$(cd "$work" && timeout 60 xvfb-run -a neuroguide stretch.neuroguide) ||
  fail "neuroguide FILE while open"
case "$handed" in
  *"was handed to its window"*) say "a file opened while it runs went to the running window" ;;
  *) fail "a second neuroguide FILE said: $handed" ;;
esac
# Ctrl+C closes the window as its close button does (xvfb-run itself waits for it).
app=$(pgrep -P "$window" -x neuroguide) || fail "no neuroguide process under xvfb-run"
kill -INT "$app"
wait "$window" || fail "the window did not close cleanly on Ctrl+C: $(tail -3 "$work/window.log")"
window=""
[ -f "$data/history.sqlite3" ] || fail "the window made no history in $data"

default=$(xdg-mime query default application/x-neuroguide)
[ "$default" = org.neuroguide.NeuroGuide.desktop ] ||
  fail "xdg-mime query default application/x-neuroguide said '$default'"
say "xdg-mime: application/x-neuroguide opens with $default"
grep -q '^[0-9]*:application/x-neuroguide:\*\.neuroguide' /usr/share/mime/globs2 ||
  fail "shared-mime-info does not know *.neuroguide"

snapshot() { (cd "$data" && find . -printf '%p %s %T@ %m\n' | sort && find . -type f -exec sha256sum {} + | sort); }
snapshot >"$work/data-before"
dpkg-query -L neuroguide | while read -r path; do
  if [ ! -d "$path" ]; then echo "$path"; fi
done >"$work/files"
say "apt-get remove neuroguide ($(wc -l <"$work/files") files)"
apt remove -y -qq neuroguide >/dev/null || fail "apt-get remove"
left=$(while read -r path; do
  if [ -e "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done <"$work/files")
[ -z "$left" ] || fail "files left after removal: $(echo "$left" | head -5)"
[ ! -e /opt/neuroguide ] || fail "/opt/neuroguide is still there"
snapshot >"$work/data-after"
cmp -s "$work/data-before" "$work/data-after" || {
  diff "$work/data-before" "$work/data-after" >&2
  fail "removing the package changed the data folder"
}
say "removed: no installed file left; the data folder ($(wc -l <"$work/data-before") lines of listing) is as it was"
say "passed"
