#!/usr/bin/env bash
# ./hopscope package [--type app-image|deb|rpm] [--dest DIR]: Hopscope as an installable app.
#
#   1. the app jar (built by the launcher when stale) and its libraries from app/target/lib;
#   2. jdeps -> the JDK modules the code needs; jlink -> a small runtime holding those plus the
#      JavaFX modules (their native libraries copied next to the JDK's in runtime/lib);
#   3. jpackage -> an app image (launchers Hopscope (desktop) and hopscope-cli, the path
#      definitions and playbooks under lib/app, -Dhopscope.home pointing there);
#   4. an AppCDS archive (lib/app/hopscope.jsa) recorded by a training start of that image under
#      Xvfb (--startup-probe 0), then named by the launchers' java options;
#   5. for deb/rpm: jpackage --app-image with packaging/linux as resource dir (desktop entry with
#      the hopscope:// URL handler, maintainer scripts linking /usr/bin/hopscope).
# See docs/packaging.md and docs/decisions/0013-installer-jlink-appcds.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
PKG="$ROOT/packaging"
TYPE=app-image
DEST="$ROOT/target/package"

die() {
  echo "hopscope package: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --type) TYPE="${2:-}"; shift 2 ;;
    --dest) DEST="${2:-}"; shift 2 ;;
    -h | --help)
      sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
done
case "$TYPE" in app-image | deb | rpm) ;; *) die "--type must be app-image, deb or rpm, not '$TYPE'" ;; esac
DEST="$(mkdir -p "$DEST" && cd "$DEST" && pwd)"

JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jdeps jlink jpackage; do
  [ -x "$JDK/bin/$tool" ] || die "$tool not found in $JDK/bin: install a full JDK 17+ (Debian: apt-get install openjdk-17-jdk) or set JAVA_HOME"
done
if [ "$TYPE" = deb ] && ! command -v dpkg-deb >/dev/null 2>&1; then
  die "--type deb needs dpkg-deb and fakeroot (Debian/Ubuntu only)"
fi
if [ "$TYPE" = rpm ] && ! command -v rpmbuild >/dev/null 2>&1; then
  die "--type rpm needs rpmbuild (Fedora/RHEL: dnf install rpm-build; Debian: apt-get install rpm)"
fi

# numeric version from the POM: 0.1.0-SNAPSHOT -> 0.1.0
POM_VERSION="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)"
VERSION="${POM_VERSION%%-*}"
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot derive a numeric version from the POM's '$POM_VERSION'"

step_start=$SECONDS
step() {
  echo "hopscope package: [$((SECONDS - step_start)) s] $*" >&2
}

APP_JAR="$ROOT/app/target/hopscope-app.jar"
LIB="$ROOT/app/target/lib"
[ -f "$APP_JAR" ] && [ -d "$LIB" ] || die "no $APP_JAR: build it first (./hopscope paths builds it)"

WORK="$DEST/work"
rm -rf "$WORK" "$DEST/Hopscope"
mkdir -p "$WORK/input/lib" "$WORK/fx"

# --- 1. what goes in: the app jar, non-JavaFX libraries, path definitions and playbooks -------------
cp "$APP_JAR" "$WORK/input/"
for jar in "$LIB"/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar | javafx-*-win.jar | javafx-*-mac*.jar) cp "$jar" "$WORK/fx/" ;;
    javafx-*.jar) ;; # the empty, platform-less placeholders Maven resolves beside them
    *) cp "$jar" "$WORK/input/lib/" ;;
  esac
done
ls "$WORK/fx"/*.jar >/dev/null 2>&1 || die "no platform JavaFX jars in $LIB"
cp -r "$ROOT/queries" "$ROOT/playbooks" "$WORK/input/"

# --- 2. the runtime ----------------------------------------------------------------------------------
CP="$(find "$WORK/input" -name '*.jar' | sort | tr '\n' ':')"
JDK_MODULES="$("$JDK/bin/jdeps" -q --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path "${CP%:}:$(find "$WORK/fx" -name '*.jar' | tr '\n' ':')" "$APP_JAR")"
# found by no static analysis: TLS elliptic curves (ES with security), java.desktop for AWT/ImageIO
EXTRA_MODULES=jdk.crypto.ec,java.desktop,java.logging
FX_MODULES=javafx.base,javafx.graphics,javafx.controls,javafx.swing
MODULES="$JDK_MODULES,$EXTRA_MODULES,$FX_MODULES"
step "jlink: $MODULES"
"$JDK/bin/jlink" --module-path "$(find "$WORK/fx" -name '*.jar' | sort | tr '\n' ':')" \
  --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=1 \
  --exclude-resources='glob:/javafx.graphics/*.so' --generate-cds-archive --output "$WORK/runtime"
# JavaFX loads its natives from ${java.home}/lib before extracting copies into the user's home
(cd "$WORK/runtime/lib" && unzip -q -o "$WORK"/fx/javafx-graphics-*.jar '*.so')

# --- 3. the app image --------------------------------------------------------------------------------
COMMON=(--name Hopscope --app-version "$VERSION" --vendor "Hopscope authors"
  --copyright "Copyright 2026 Hopscope authors. Apache License 2.0"
  --description "Incident console for enterprise integration paths (Elasticsearch + Prometheus)")
step "jpackage app-image $VERSION"
"$JDK/bin/jpackage" --type app-image "${COMMON[@]}" --dest "$DEST" \
  --runtime-image "$WORK/runtime" --input "$WORK/input" \
  --main-jar hopscope-app.jar --main-class org.hopscope.ui.GuiMain \
  --java-options '-Dhopscope.home=$APPDIR' \
  --icon "$PKG/icon/hopscope.png" \
  --add-launcher hopscope-cli="$PKG/cli-launcher.properties"
IMAGE="$DEST/Hopscope"

# --- 4. AppCDS: record the classes a start loads, then point both launchers at the archive -----------
"$PKG/cds-train.sh" "$IMAGE" || die "the AppCDS training start failed (see above)"
step "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"

# --- 5. installer ------------------------------------------------------------------------------------
if [ "$TYPE" != app-image ]; then
  LICENSE_FILE="$ROOT/LICENSE"
  step "jpackage $TYPE"
  "$JDK/bin/jpackage" --type "$TYPE" "${COMMON[@]}" --dest "$DEST" --app-image "$IMAGE" \
    --resource-dir "$PKG/linux" --license-file "$LICENSE_FILE" \
    --about-url "https://hopscope.invalid/" \
    --install-dir /opt --linux-package-name hopscope --linux-app-release 1 \
    --linux-deb-maintainer "hopscope@hopscope.invalid" --linux-menu-group "Development;Monitor" \
    --linux-app-category devel --linux-rpm-license-type "ASL 2.0" --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libgl1, libxtst6"
  step "$(ls -1 "$DEST"/*."$TYPE") ($(du -h "$DEST"/*."$TYPE" | cut -f1 | tail -1))"
fi
rm -rf "$WORK"
