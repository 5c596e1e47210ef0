#!/usr/bin/env bash
# Builds dist/neuroguide_<version>_<arch>.deb from the PyInstaller bundle (dist/neuroguide, made by
# packaging/build.sh): the app in /opt/neuroguide, the command /usr/bin/neuroguide, the menu entry,
# icons, AppStream metadata and the .neuroguide file type. Decision 0020 says why it is built so.
#   packaging/build-deb.sh          package the bundle there is (build it first)
#   packaging/build-deb.sh --build  build the bundle first (packaging/build.sh --no-test)
# Depends is what the bundle's programs and libraries link to outside the bundle, as
# dpkg-shlibdeps finds it on this machine (so a package built on Debian 12 names Debian 12's
# libraries, which Debian 13 still provides), plus what the voice loads or runs by name.
# No maintainer scripts: dpkg's triggers update the menu, icon and file-type caches, and nothing
# touches a person's data folder, on install or on removal.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'build-deb.sh: %s\n' "$*" >&2; }

if [ "${1:-}" = "--build" ]; then
  bash packaging/build.sh --no-test
fi
bundle=dist/neuroguide
if [ ! -x "$bundle/neuroguide" ]; then
  say "no bundle in $bundle; build it first with packaging/build.sh (or run this with --build)"
  exit 1
fi
for tool in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev patchelf:patchelf; do
  command -v "${tool%%:*}" >/dev/null ||
    { say "${tool%%:*} is missing (Debian package ${tool#*:}; setup.sh --test installs it)"; exit 1; }
done

app_id=org.neuroguide.NeuroGuide
linux=packaging/linux
version=$("$bundle/neuroguide" --version | awk '{print $2}')  # the bundle's own, not the tree's
arch=$(dpkg --print-architecture)
deb="dist/neuroguide_${version}_${arch}.deb"
stage="build/deb/neuroguide_${version}_${arch}"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin"

# The app: the bundle as it is, and the command on PATH (the bundle finds itself through it).
cp -a "$bundle" "$stage/opt/neuroguide"
chmod -R u+rwX,go+rX,go-w "$stage/opt/neuroguide"
# Libraries are loaded, not run: only the program itself keeps its execute bit.
find "$stage/opt/neuroguide" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 644 {} +
ln -s /opt/neuroguide/neuroguide "$stage/usr/bin/neuroguide"

# The desktop: menu entry, file type, metadata, icons (as packaging/linux/install.sh does).
share="$stage/usr/share"
install -Dm644 "$linux/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "$linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 "$linux/$app_id.mime.xml" "$share/mime/packages/$app_id.xml"
(cd "$linux/icons" && find hicolor -type f -name "$app_id.*") | while read -r icon; do
  install -Dm644 "$linux/icons/$icon" "$share/icons/$icon"
done

# Documentation Debian asks every package for: copyright, changelog, a manual page.
doc="$share/doc/neuroguide"
install -Dm644 packaging/debian/copyright "$doc/copyright"
install -d "$doc" "$share/man/man1" "$share/lintian/overrides"
gzip -9n <packaging/debian/changelog >"$doc/changelog.gz"
gzip -9n <packaging/debian/neuroguide.1 >"$share/man/man1/neuroguide.1.gz"
install -m644 packaging/debian/lintian-overrides "$share/lintian/overrides/neuroguide"
chmod 644 "$doc/changelog.gz" "$share/man/man1/neuroguide.1.gz"

# Depends: the system libraries every program and library in the bundle links to. The bundle's
# own folders are searched first, so what it carries is not asked of the system.
elves=()
while IFS= read -r -d '' file; do
  [ "$(head -c4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ] && elves+=("$file")
done < <(find "$stage/opt/neuroguide" -type f -print0)
# A Python built outside Debian (pyenv) leaves its build folder as RUNPATH in libpython and its
# modules: a search path into the builder's home on every machine it runs on. The bundle finds
# its libraries itself ($ORIGIN paths, which stay).
for elf in "${elves[@]}"; do
  runpath=$(patchelf --print-rpath "$elf" 2>/dev/null || true)
  if [ -n "$runpath" ] && [[ $runpath != *'$ORIGIN'* ]]; then
    patchelf --remove-rpath "$elf"
  fi
done
mapfile -t bundle_dirs < <(for elf in "${elves[@]}"; do dirname "$elf"; done | sort -u)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: neuroguide\n\nPackage: neuroguide\nArchitecture: any\n' >"$work/debian/control"
libdirs=()
for dir in "${bundle_dirs[@]}"; do libdirs+=("-l$(realpath "$dir")"); done
absolute=()
for elf in "${elves[@]}"; do absolute+=("$(realpath "$elf")"); done
# --ignore-missing-info: the bundle's own libraries have no Debian shlibs file (they are ours).
(cd "$work" && dpkg-shlibdeps -O --ignore-missing-info "${libdirs[@]}" "${absolute[@]}") \
  >"$work/shlibs" 2>"$work/shlibdeps.log" || { cat "$work/shlibdeps.log" >&2; exit 1; }
libraries=$(sed -n 's/^shlibs:Depends=//p' "$work/shlibs")
# The voice: pyttsx3 loads libespeak-ng by name (not linked), espeak-ng-data holds its voices,
# and the clips are played with aplay (alsa-utils).
voice="libespeak-ng1, espeak-ng-data, alsa-utils"
depends="$libraries, $voice"

installed_size=$(du -sk --apparent-size "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: neuroguide
Version: $version
Architecture: $arch
Maintainer: The NeuroGuide team <neuroguide@example.org>
Installed-Size: $installed_size
Depends: $depends
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme
Section: misc
Priority: optional
Homepage: https://example.org/neuroguide/
Description: spoken, hands-free home exercises for peripheral neuropathy
 NeuroGuide talks you through short exercise routines at home: stretches,
 balance work at a wall, strength for legs and arms, and reminders to walk or
 ride. Every cue is spoken aloud and shown as a large caption, so a routine
 needs no press from start to end. Large buttons, big text and single-key
 controls suit clumsy fingers and tired eyes. The history stays on your own
 computer and can be exported for a physiotherapist or doctor.
 .
 This package holds a self-contained build (Python, Qt) in /opt/neuroguide.
EOF
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
  xargs -0 md5sum >DEBIAN/md5sums)
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

mkdir -p dist
rm -f dist/neuroguide_*_"$arch".deb
# gzip, not xz: xz takes minutes on a busy CI machine to save a quarter of the size.
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
say "built $deb ($(du -h "$deb" | cut -f1); installs $((installed_size / 1024)) MB)"
say "Depends: $depends"
