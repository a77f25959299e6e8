#!/usr/bin/env bash
# packaging/test-install.sh: the installer, tested as a user would meet it (run by ./hopscope
# check after the Maven suite). Builds the .deb, installs it with dpkg -i, starts the INSTALLED
# client under Xvfb with --screenshot against a small sandbox of its own, checks the PNG is a
# drawn window, checks the installed app maps its AppCDS archive and finds its bundled path
# definitions, removes the package with dpkg -r and checks nothing of it is left.
# Skips (exit 0, saying why) where this machine cannot build or install a .deb: not root, no
# dpkg, no jpackage. Sandbox ports: HOPSCOPE_INSTALL_TEST_PORTS="ES PROMETHEUS EXPORTER".
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
read -r ES_PORT PROM_PORT EXPORTER_PORT <<<"${HOPSCOPE_INSTALL_TEST_PORTS:-19610 19690 19691}"
WORK="$ROOT/target/install-test"
T0=$SECONDS
say() { echo "install test: [$((SECONDS - T0)) s] $*" >&2; }
skip() { echo "install test: SKIPPED: $*" >&2; exit 0; }
fail() { echo "install test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "needs root to dpkg -i (run ./hopscope check as root, as CI does)"
command -v dpkg >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || skip "no dpkg: not a Debian/Ubuntu machine, no .deb to build"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$JDK/bin/jpackage" ] || skip "no jpackage in $JDK/bin (install a full JDK 17: openjdk-17-jdk)"
command -v xvfb-run >/dev/null 2>&1 || fail "xvfb-run not found (apt-get install xvfb xauth)"
status() { dpkg-query -W -f='${db:Status-Status}' hopscope 2>/dev/null || echo not-installed; }
if [ "$(status)" != not-installed ]; then
  fail "a hopscope package is already installed here; this test would replace it: dpkg -r hopscope first"
fi

rm -rf "$WORK"
mkdir -p "$WORK/config" "$WORK/data"
export HOPSCOPE_CONFIG_DIR="$WORK/config" HOPSCOPE_DATA_DIR="$WORK/data"
SANDBOX=(--dir "$WORK/sandbox" --es-port "$ES_PORT" --prometheus-port "$PROM_PORT" --exporter-port "$EXPORTER_PORT")
installed=0
teardown() {
  local rc=$?
  if [ "$installed" = 1 ] && [ "$(status)" != not-installed ]; then
    dpkg -P hopscope >/dev/null 2>&1 || echo "install test: could not dpkg -P hopscope: see dpkg -s hopscope" >&2
  fi
  "$ROOT/hopscope" sandbox down "${SANDBOX[@]}" >/dev/null 2>&1 || true
  say "done (exit $rc)"
  exit $rc
}
trap teardown EXIT

say "sandbox up on $ES_PORT/$PROM_PORT/$EXPORTER_PORT"
"$ROOT/hopscope" sandbox up "${SANDBOX[@]}" --profile sandbox >"$WORK/sandbox-up.log" 2>&1 || { cat "$WORK/sandbox-up.log" >&2; fail "sandbox up"; }
"$ROOT/hopscope" sandbox seed "${SANDBOX[@]}" --messages 2000 --no-chatty >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; fail "sandbox seed"; }
manifest="$WORK/sandbox/manifest.json"
[ -f "$manifest" ] || fail "no manifest at $manifest after the seed"
stuck="$(tr -d '\n ' <"$manifest" | grep -o '"STUCK":{[^]]*' | grep -o '"id":"[^"]*"' | sed -n 1p | cut -d'"' -f4)"
[ -n "$stuck" ] || fail "no STUCK message in $manifest"
say "seeded; STUCK message $stuck"

say "building the .deb (gzip -1 here for speed; ./hopscope package uses dpkg-deb's default, xz)"
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 "$ROOT/packaging/package.sh" --type deb --dest "$WORK/package" >"$WORK/package.log" 2>&1 || { cat "$WORK/package.log" >&2; fail "./hopscope package --type deb"; }
deb="$(ls "$WORK"/package/hopscope_*.deb)"
say "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

installed=1
dpkg -i "$deb" >"$WORK/dpkg-i.log" 2>&1 || { cat "$WORK/dpkg-i.log" >&2; fail "dpkg -i $deb (missing Depends? apt-get install -f)"; }
say "installed: $(dpkg-query -W -f='${Package} ${Version} ${Status}' hopscope)"
for f in /opt/hopscope/bin/Hopscope /usr/bin/hopscope /usr/bin/hopscope-gui; do
  [ -x "$f" ] || fail "$f missing (or not executable) after dpkg -i"
done
[ -s /usr/share/icons/hicolor/256x256/apps/hopscope.png ] || fail "the 256 px icon is not in the hicolor theme"
desktop=/usr/share/applications/hopscope-Hopscope.desktop
grep -q '^MimeType=x-scheme-handler/hopscope;' "$desktop" || fail "$desktop has no hopscope:// handler"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" >"$WORK/desktop-validate.log" 2>&1 || { cat "$WORK/desktop-validate.log" >&2; fail "$desktop is not a valid desktop entry"; }
fi
# incident bundles (FILE.hopscope): the type is installed and the desktop entry opens it
grep -q '^MimeType=.*application/x-hopscope-bundle;' "$desktop" || fail "$desktop does not open application/x-hopscope-bundle"
[ -s /usr/share/mime/packages/hopscope-bundle.xml ] || fail "the bundle's file type is not in /usr/share/mime/packages"
[ -s /usr/share/icons/hicolor/128x128/mimetypes/application-x-hopscope-bundle.png ] || fail "the bundle's file type has no icon"
if command -v update-mime-database >/dev/null 2>&1; then
  grep -q '\*\.hopscope' /usr/share/mime/globs2 2>/dev/null || fail "*.hopscope is not in the mime database's globs"
fi
if command -v xdg-mime >/dev/null 2>&1; then
  handler="$(xdg-mime query default x-scheme-handler/hopscope 2>/dev/null || true)"
  [ "$handler" = hopscope-Hopscope.desktop ] || fail "hopscope:// links go to '$handler', not hopscope-Hopscope.desktop"
  handler="$(xdg-mime query default application/x-hopscope-bundle 2>/dev/null || true)"
  [ "$handler" = hopscope-Hopscope.desktop ] || fail "bundles (.hopscope) open with '$handler', not hopscope-Hopscope.desktop"
fi
say "file type: *.hopscope = application/x-hopscope-bundle, opened by hopscope-Hopscope.desktop"

/usr/bin/hopscope paths >"$WORK/paths.txt" 2>&1 || { cat "$WORK/paths.txt" >&2; fail "installed CLI: hopscope paths"; }
grep -q orders "$WORK/paths.txt" || fail "the installed CLI does not list the bundled 'orders' path: $(cat "$WORK/paths.txt")"

xvfb=(xvfb-run -a -s "-screen 0 1600x1000x24")
png="$WORK/installed-flow.png"
"${xvfb[@]}" /usr/bin/hopscope-gui --profile sandbox --outage "$manifest" --view flow --id "$stuck" \
  --size 1440x900 --screenshot "$png" >"$WORK/screenshot.log" 2>&1 || { cat "$WORK/screenshot.log" >&2; fail "the installed client's screenshot"; }
"$JDK/bin/java" "$ROOT/packaging/PngCheck.java" "$png" 1440 900 || fail "screenshot check"
say "screenshot of the installed client: $png"

# what the desktop entry runs for a link (Exec=... %u): the URL as the only argument reaches the
# client's link handling (a malformed one is refused by it, exit 2, before any window)
set +e
/usr/bin/hopscope-gui 'hopscope://no-such-kind/x' >"$WORK/link.log" 2>&1
link_rc=$?
set -e
[ "$link_rc" = 2 ] && grep -q -- '--link: ' "$WORK/link.log" \
  || { cat "$WORK/link.log" >&2; fail "the installed client did not take a URL argument as its link (exit $link_rc)"; }

probe="$("${xvfb[@]}" /usr/bin/hopscope-gui --startup-probe 0 2>"$WORK/probe.log" | grep '^hopscope-startup' || true)"
[[ "$probe" == *hopscope.jsa* ]] || { cat "$WORK/probe.log" >&2; fail "the installed app does not map its AppCDS archive: '$probe'"; }
say "installed start: $probe"

dpkg -r hopscope >"$WORK/dpkg-r.log" 2>&1 || { cat "$WORK/dpkg-r.log" >&2; fail "dpkg -r hopscope"; }
for f in /opt/hopscope "$desktop" /usr/bin/hopscope /usr/bin/hopscope-gui \
  /usr/share/icons/hicolor/256x256/apps/hopscope.png /usr/share/mime/packages/hopscope-bundle.xml \
  /usr/share/icons/hicolor/128x128/mimetypes/application-x-hopscope-bundle.png; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is still there after dpkg -r"
done
# dpkg keeps a removed package's maintainer scripts until purged: "config-files", not installed
[[ "$(status)" =~ ^(config-files|not-installed)$ ]] || fail "after dpkg -r hopscope, dpkg says: $(status)"
say "removed: dpkg status $(status)"
dpkg -P hopscope >/dev/null 2>&1 || fail "dpkg -P hopscope"
installed=0
[ "$(status)" = not-installed ] || fail "dpkg -P left hopscope as: $(status)"
say "PASSED: built, installed, installed client's screenshot checked, removed without a trace"
