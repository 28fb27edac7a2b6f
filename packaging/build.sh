#!/usr/bin/env bash
# make package: the one-folder bundle, its smoke test, a .tar.gz and a .deb, all in dist/.
#
#   dist/planner/                                 PyInstaller bundle (packaging/planner.spec)
#   dist/planner-VERSION-linux-x86_64.tar.gz      the bundle, compressed
#   dist/usmca-planner_VERSION_amd64.deb          /opt/usmca-planner + launcher, .desktop, MIME
#
# The bundle carries LICENSE and THIRD-PARTY-NOTICES.txt (packaging/notices.py); the .deb's
# /usr/share/doc/usmca-planner/copyright is the two in one file.
#
# Fails when a smoke test fails or a size budget is exceeded (bundle 150 MB, archive 60 MB;
# MB = 10^6 bytes, the stricter reading). Prints the sizes and how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
bin=$repo/.venv/bin
t_start=$(date +%s)

bundle_budget_mb=150
archive_budget_mb=60

step() { printf '\n== %s\n' "$*"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB (%.1f MiB)", b / 1e6, b / 1048576 }'; }

# The licence ships in the bundle and as the .deb's copyright file: no release without it.
if [ ! -f LICENSE ]; then
  echo "no LICENSE file: the bundle and the .deb must carry the project's licence" >&2
  exit 1
fi
if [ ! -x "$bin/pyinstaller" ]; then
  echo "no PyInstaller in .venv: pip install -e '.[package]'" >&2
  exit 1
fi
version=$("$bin/python" -c 'import planner; print(planner.__version__)')
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)

# Qt's xcb platform plugin links these; a library missing here would be missing from the
# bundle (PyInstaller collects what the build machine has), and the app could not open a
# window on a desktop that lacks it.
xcb_plugin=$("$bin/python" -c 'import PySide6, pathlib
print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
missing=$(ldd "$xcb_plugin" | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
if [ -n "$missing" ]; then
  echo "the xcb platform plugin needs: $missing" >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing them (Debian packages)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxcb-icccm4 libxcb-keysyms1 \
      libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-cursor0 \
      libxkbcommon-x11-0 >/dev/null
  else
    echo "install them (apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 ...)" >&2
    exit 1
  fi
fi

step "translations"
"$bin/python" -m planner.ui.translations_build

step "bundle (PyInstaller, packaging/planner.spec)"
t0=$(date +%s)
rm -rf dist/planner
"$bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/planner.spec
t_bundle=$(($(date +%s) - t0))
# The licences go into the bundle folder itself, so every copy of the program (the folder, the
# archive, /opt/usmca-planner from the .deb) carries them. The notices are listed from what
# PyInstaller collected, not from the declared requirements (packaging/notices.py says why); the
# script fails when something bundled has no licence information.
install -m 644 LICENSE dist/planner/LICENSE
"$bin/python" packaging/notices.py --bundle dist/planner \
  --output dist/planner/THIRD-PARTY-NOTICES.txt
bundle_bytes=$(du -sb dist/planner | cut -f1)
files=$(find dist/planner -type f | wc -l)
echo "bundle dist/planner: $(mb "$bundle_bytes") in $files files (built in ${t_bundle}s)"

# A failed smoke test still lets the archive and the .deb be built and checked, so one run
# reports everything; the build fails at the end.
smoke_failed=0
step "smoke test: dist/planner/planner"
bash packaging/smoke.sh dist/planner || smoke_failed=1

step "archive"
archive=dist/planner-$version-linux-x86_64.tar.gz
t0=$(date +%s)
# Fixed owner and order, so two builds of the same tree give the same archive listing.
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner -cf - planner | gzip -9n >"$archive"
archive_bytes=$(stat -c %s "$archive")
echo "archive $archive: $(mb "$archive_bytes") (gzip -9, $(($(date +%s) - t0))s)"

step "Debian package"
t0=$(date +%s)
root=build/deb/usmca-planner_${version}_$arch
rm -rf build/deb
share=$root/usr/share
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$share/applications" "$share/mime/packages" \
  "$share/icons/hicolor/scalable/apps"
cp -a dist/planner "$root/opt/usmca-planner"
install -m 755 packaging/debian/usmca-planner "$root/usr/bin/usmca-planner"
install -m 644 packaging/debian/usmca-planner.desktop "$share/applications/usmca-planner.desktop"
install -m 644 packaging/debian/usmca-planner-mime.xml "$share/mime/packages/usmca-planner.xml"
# The app's own icon (the window uses the same file), under its freedesktop name.
install -m 644 resources/icons/usmca-planner.svg "$share/icons/hicolor/scalable/apps/"
# Debian's place for a package's licence, where a user looks for it: the copyright file must
# cover everything the package installs (Debian Policy 12.5), so it is the planner's own
# licence followed by the third-party notices of the bundle (both also ship in
# /opt/usmca-planner beside the program).
mkdir -p "$share/doc/usmca-planner"
{
  cat LICENSE
  printf '\n%s\n%s\n\n' \
    "The planner ships third-party software under the licences below (the same text is in" \
    "/opt/usmca-planner/THIRD-PARTY-NOTICES.txt)."
  cat dist/planner/THIRD-PARTY-NOTICES.txt
} >"$share/doc/usmca-planner/copyright"
chmod 644 "$share/doc/usmca-planner/copyright"

# Depends: the Debian packages owning the libraries the bundle links but does not carry
# (PyInstaller leaves out libc, libGL, libEGL; the spec leaves D-Bus, fontconfig, X11, GLib to
# the system), as dpkg-shlibdeps would find them: each binary's NEEDED entries, resolved
# through the system's loader cache.
bundled=$(find "$root/opt/usmca-planner" -name '*.so*' -printf '%f\n' | sort -u)
depends=$(
  find "$root/opt/usmca-planner" -type f \( -name '*.so*' -o -name planner \) \
    -exec objdump -p {} + 2>/dev/null | awk '$1 == "NEEDED" {print $2}' | sort -u |
    { grep -vxF -f <(echo "$bundled") || true; } |
    while read -r soname; do
      lib=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64/ {print $NF; exit}')
      [ -n "$lib" ] || { echo "not on this system: $soname" >&2; continue; }
      dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
        dpkg -S "/usr$lib" 2>/dev/null || echo "no package owns $lib" >&2
    done | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g'
)
# The newest glibc symbol version any bundled binary asks for is the libc6 the package needs.
glibc=$(find "$root/opt/usmca-planner" -type f \( -name '*.so*' -o -name planner \) \
  -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
depends=$(sed "s/\blibc6\b/libc6 (>= ${glibc#GLIBC_})/" <<<"$depends")
# Debian's usual variables name the maintainer; otherwise the repository's git identity.
name=${DEBFULLNAME:-$(git config user.name || echo 'USMCA Scenario Planner maintainers')}
email=${DEBEMAIL:-$(git config user.email || echo maintainers@localhost)}
maintainer="$name <$email>"
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE_KB@/$installed_kb/" \
  -e "s/@DEPENDS@/$depends/" -e "s|@MAINTAINER@|$maintainer|" \
  packaging/debian/control.in >"$root/DEBIAN/control"
echo "Depends: $depends"
deb=dist/usmca-planner_${version}_$arch.deb
# No maintainer scripts: shared-mime-info, desktop-file-utils and hicolor-icon-theme rebuild
# their caches through dpkg triggers on the folders installed into.
# zstd -9 packs in seconds (50 MB); DEB_COMPRESSION=xz packs smaller (42 MB) in ~3 minutes.
# Every system the package can install on (glibc >= 2.35) has a dpkg that reads zstd.
compression=${DEB_COMPRESSION:-zstd}
level=()
[ "$compression" = zstd ] && level=(-z9)
dpkg-deb --root-owner-group -Z"$compression" "${level[@]}" --build "$root" "$deb" >/dev/null
deb_bytes=$(stat -c %s "$deb")
echo "package $deb: $(mb "$deb_bytes") (built in $(($(date +%s) - t0))s)"

step "smoke test: the .deb unpacked into a scratch root, through its launcher"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/planner-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch"
for f in usr/bin/usmca-planner usr/share/applications/usmca-planner.desktop \
  usr/share/mime/packages/usmca-planner.xml \
  usr/share/icons/hicolor/scalable/apps/usmca-planner.svg \
  usr/share/doc/usmca-planner/copyright \
  opt/usmca-planner/LICENSE opt/usmca-planner/THIRD-PARTY-NOTICES.txt; do
  [ -f "$scratch/$f" ] || { echo "the .deb lacks /$f" >&2; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$scratch/usr/share/applications/usmca-planner.desktop"
fi
bash packaging/smoke.sh "$scratch/opt/usmca-planner" "$scratch/usr/bin/usmca-planner" ||
  smoke_failed=1

step "summary"
t_total=$(($(date +%s) - t_start))
printf '%-44s %s, budget %s MB\n' "bundle dist/planner" "$(mb "$bundle_bytes")" "$bundle_budget_mb"
printf '%-44s %s, budget %s MB\n' "$archive" "$(mb "$archive_bytes")" "$archive_budget_mb"
printf '%-44s %s\n' "$deb" "$(mb "$deb_bytes")"
echo "make package took ${t_total}s (PyInstaller ${t_bundle}s)"

over=$smoke_failed
[ "$smoke_failed" = 0 ] || echo "a smoke test failed (see above)" >&2
if [ "$bundle_bytes" -gt $((bundle_budget_mb * 1000000)) ]; then
  echo "the bundle is over its ${bundle_budget_mb} MB budget" >&2
  over=1
fi
if [ "$archive_bytes" -gt $((archive_budget_mb * 1000000)) ]; then
  echo "the archive is over its ${archive_budget_mb} MB budget" >&2
  over=1
fi
exit $over
