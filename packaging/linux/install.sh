#!/usr/bin/env bash
# Installs the built bundle (dist/neuroguide) for one user or system-wide, with its desktop entry,
# AppStream metadata, icons and the .neuroguide file type, so NeuroGuide shows up in the
# desktop's app menu and a file manager opens shared programmes with it. (The Debian package,
# packaging/build-deb.sh, installs the same files system-wide.)
#   packaging/linux/install.sh                       for you: ~/.local
#   sudo packaging/linux/install.sh --prefix /usr/local   for everyone
#   packaging/linux/install.sh --uninstall [--prefix DIR]
#   packaging/linux/install.sh --desktop-only --prefix DIR   only the desktop files (tests)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app_id="org.neuroguide.NeuroGuide"
prefix="${HOME}/.local"
bundle="$root/dist/neuroguide"
mode="install"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --bundle) bundle="$2"; shift 2 ;;
    --uninstall) mode="uninstall"; shift ;;
    --desktop-only) mode="desktop"; shift ;;
    *) echo "install.sh: unknown option $1 (see the comment at the top of this file)" >&2; exit 2 ;;
  esac
done
share="$prefix/share"
libdir="$prefix/lib/neuroguide"
bin="$prefix/bin/neuroguide"

if [ "$mode" = "uninstall" ]; then
  rm -rf "$libdir"
  [ -L "$bin" ] && rm -f "$bin"
  rm -f "$share/applications/$app_id.desktop" "$share/metainfo/$app_id.metainfo.xml"
  rm -f "$share/mime/packages/$app_id.xml"
  command -v update-mime-database >/dev/null && [ -d "$share/mime/packages" ] &&
    update-mime-database "$share/mime" || true
  find "$share/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
  echo "NeuroGuide removed from $prefix (your history and settings were kept)."
  exit 0
fi

if [ "$mode" = "install" ]; then
  if [ ! -x "$bundle/neuroguide" ]; then
    echo "install.sh: no bundle at $bundle; build it first with packaging/build.sh" >&2
    exit 1
  fi
  rm -rf "$libdir"
  mkdir -p "$(dirname "$libdir")" "$(dirname "$bin")"
  cp -a "$bundle" "$libdir"
  ln -sfn "$libdir/neuroguide" "$bin"
fi

install -Dm644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
# The menu entry runs the installed program by its full path, so ~/.local/bin need not be on PATH.
install -d "$share/applications"
sed "s|^Exec=neuroguide |Exec=$bin |" "$here/$app_id.desktop" > "$share/applications/$app_id.desktop"
chmod 644 "$share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.mime.xml" "$share/mime/packages/$app_id.xml"
(cd "$here/icons" && find hicolor -type f -name "$app_id.*") | while read -r icon; do
  install -Dm644 "$here/icons/$icon" "$share/icons/$icon"
done

if [ "$mode" = "install" ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
  echo "NeuroGuide installed: $bin (find it in your app menu; run 'neuroguide self-test' to check it)."
fi
