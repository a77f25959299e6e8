#!/usr/bin/env bash
# ./hopscope package [--type TYPE] [--dest DIR] [--reuse-image]: Hopscope as an installable app,
# in DEST (default target/package). TYPE: app-image (default), deb, rpm on Linux; msi, exe on
# Windows (Git Bash, WiX 3 on PATH); dmg, pkg on macOS.
#
#   1. the app jar (built by the launcher when stale) and its libraries from app/target/lib;
#   2. jdeps -> the JDK modules the code needs; jlink -> a small runtime holding those plus the
#      JavaFX modules (their native libraries copied next to the JDK's own);
#   3. jpackage -> an app image (launchers Hopscope (desktop) and hopscope-cli, the path
#      definitions and playbooks beside the jars, -Dhopscope.home pointing there);
#   4. an AppCDS archive (hopscope.jsa beside the jars) recorded by a training start of that image
#      (--startup-probe 3, under Xvfb without a display) at the path it will be installed to
#      (/opt/hopscope for deb/rpm), then named by the launchers' options;
#   5. the installer: jpackage --app-image with the OS's settings from packaging/linux,
#      packaging/windows or packaging/macos.
# --reuse-image keeps DEST's app image when it holds this very app jar and a CDS archive recorded
# for the same place.
# See docs/packaging.md and docs/decisions/0013-installer-jlink-appcds.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
PKG="$ROOT/packaging"
TYPE=app-image
DEST="$ROOT/target/package"
REUSE=0

die() {
  echo "hopscope package: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --type) TYPE="${2:-}"; shift 2 ;;
    --dest) DEST="${2:-}"; shift 2 ;;
    --reuse-image) REUSE=1; shift ;;
    -h | --help)
      sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
done

# the OS decides the types, the JavaFX natives and the app image's layout
case "$(uname -s)" in
  Linux) OS=linux TYPES="app-image deb rpm" NATIVES='*.so' NATIVE_DIR=lib ICON=hopscope.png ;;
  Darwin) OS=macos TYPES="app-image dmg pkg" NATIVES='*.dylib' NATIVE_DIR=lib ICON=hopscope.icns ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows TYPES="app-image msi exe" NATIVES='*.dll' NATIVE_DIR=bin ICON=hopscope.ico ;;
  *) die "no packaging for $(uname -s): Linux, macOS or Windows (Git Bash) only" ;;
esac
[[ " $TYPES " == *" $TYPE "* ]] || die "--type on $OS is one of: $TYPES (not '$TYPE')"
DEST="$(mkdir -p "$DEST" && cd "$DEST" && pwd)"

JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jdeps jlink jpackage; do
  [ -x "$JDK/bin/$tool" ] || [ -x "$JDK/bin/$tool.exe" ] \
    || die "$tool not found in $JDK/bin: install a full JDK 17+ (Debian: apt-get install openjdk-17-jdk) or set JAVA_HOME"
done
if [ "$TYPE" = deb ] && ! command -v dpkg-deb >/dev/null 2>&1; then
  die "--type deb needs dpkg-deb and fakeroot (Debian/Ubuntu)"
fi
if [ "$TYPE" = rpm ] && ! command -v rpmbuild >/dev/null 2>&1; then
  die "--type rpm needs rpmbuild, which this machine does not have (Fedora/RHEL: dnf install rpm-build; Debian: apt-get install rpm); --type deb or app-image work without it"
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

COMMON=(--name Hopscope --app-version "$VERSION" --vendor "Hopscope authors"
  --copyright "Copyright 2026 Hopscope authors. Apache License 2.0"
  --description "Incident console for enterprise integration paths (Elasticsearch + Prometheus)")
WORK="$DEST/work"
case "$OS" in
  linux) IMAGE="$DEST/Hopscope" APP_REL=lib/app LAUNCHER=bin/Hopscope ;;
  windows) IMAGE="$DEST/Hopscope" APP_REL=app LAUNCHER=Hopscope.exe ;;
  macos) IMAGE="$DEST/Hopscope.app" APP_REL=Contents/app LAUNCHER=Contents/MacOS/Hopscope ;;
esac
APPDIR="$IMAGE/$APP_REL"
# where the CDS archive is recorded for (JDK 17 wants the same absolute class path): the install
# location for a Linux package, else the image where it is (see cds-train.sh)
TRAIN_AT="$IMAGE"
[ "$OS" = linux ] && [ "$TYPE" != app-image ] && TRAIN_AT=/opt/hopscope
TRAINED_MARK="$DEST/.Hopscope.cds-recorded-at"

# build_image: steps 1-4, into $IMAGE
build_image() {
  rm -rf "$IMAGE"
  mkdir -p "$WORK/input/lib" "$WORK/fx"

  # --- 1. what goes in: the app jar, non-JavaFX libraries, path definitions and playbooks ---------
  cp "$APP_JAR" "$WORK/input/"
  for jar in "$LIB"/*.jar; do
    case "$(basename "$jar")" in
      javafx-*-linux*.jar | javafx-*-win*.jar | javafx-*-mac*.jar) cp "$jar" "$WORK/fx/" ;;
      javafx-*.jar) ;; # the empty, platform-less placeholders Maven resolves beside them
      *) cp "$jar" "$WORK/input/lib/" ;;
    esac
  done
  ls "$WORK/fx"/*.jar >/dev/null 2>&1 || die "no platform JavaFX jars in $LIB"
  cp -r "$ROOT/queries" "$ROOT/playbooks" "$WORK/input/"
  # SQLite's and JNA's native libraries beside the jars (APPDIR/native), loaded from there: not
  # extracted into the temp folder (with a checksum and, for SQLite, a `uname` process) at every
  # start (ADR 0043)
  local arch natives=()
  case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) arch="" ;;
  esac
  case "$OS-$arch" in
    linux-?*) natives=("org/sqlite/native/Linux/$arch/libsqlitejdbc.so" "com/sun/jna/linux-${arch/_/-}/libjnidispatch.so") ;;
    macos-?*) natives=("org/sqlite/native/Mac/$arch/libsqlitejdbc.dylib" "com/sun/jna/darwin-${arch/_/-}/libjnidispatch.jnilib") ;;
    windows-?*) natives=("org/sqlite/native/Windows/$arch/sqlitejdbc.dll" "com/sun/jna/win32-${arch/_/-}/jnidispatch.dll") ;;
  esac
  NATIVE_OPTIONS=()
  if [ ${#natives[@]} -gt 0 ]; then
    mkdir -p "$WORK/input/native"
    unzip -q -j -o "$LIB"/sqlite-jdbc-*.jar "${natives[0]}" -d "$WORK/input/native" \
      || die "no ${natives[0]} in $(ls "$LIB"/sqlite-jdbc-*.jar)"
    unzip -q -j -o "$LIB"/jna-[0-9]*.jar "${natives[1]}" -d "$WORK/input/native" \
      || die "no ${natives[1]} in $(ls "$LIB"/jna-[0-9]*.jar)"
    NATIVE_OPTIONS=(--java-options '-Dorg.sqlite.lib.path=$APPDIR/native'
      --java-options "-Dorg.sqlite.lib.name=$(basename "${natives[0]}")"
      --java-options '-Djna.boot.library.path=$APPDIR/native')
  fi
  local sep=:
  [ "$OS" = windows ] && sep=';'
  local cp fx
  cp="$(find "$WORK/input" -name '*.jar' | sort | tr '\n' "$sep")"
  fx="$(find "$WORK/fx" -name '*.jar' | sort | tr '\n' "$sep")"

  # --- 2. the runtime ------------------------------------------------------------------------------
  local jdk_modules modules
  jdk_modules="$("$JDK/bin/jdeps" -q --ignore-missing-deps --multi-release 17 --print-module-deps \
    --class-path "$cp${fx%"$sep"}" "$APP_JAR")"
  # found by no static analysis: TLS elliptic curves (ES with security), AWT/ImageIO, JUL, and
  # what the OS keychain's D-Bus transport (loaded by ServiceLoader) needs: java.xml, jdk.net
  modules="$jdk_modules,jdk.crypto.ec,java.desktop,java.logging,java.xml,jdk.net"
  modules="$modules,javafx.base,javafx.graphics,javafx.controls,javafx.swing"
  step "jlink: $modules"
  "$JDK/bin/jlink" --module-path "${fx%"$sep"}" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=1 \
    --exclude-resources="glob:/javafx.graphics/$NATIVES" --generate-cds-archive \
    --output "$WORK/runtime"
  # JavaFX loads its natives from the runtime first, before extracting copies into the user's home
  (cd "$WORK/runtime/$NATIVE_DIR" && unzip -q -o "$WORK"/fx/javafx-graphics-*.jar "$NATIVES")

  # every Hopscope process's JVM options (packaging/jvm.options; the launcher reads the same file)
  JVM_OPTIONS=()
  while IFS= read -r line; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    if [ -n "$line" ]; then JVM_OPTIONS+=(--java-options "$line"); fi
  done <"$PKG/jvm.options"

  # --- 3. the app image ----------------------------------------------------------------------------
  step "jpackage app-image $VERSION"
  "$JDK/bin/jpackage" --type app-image "${COMMON[@]}" --dest "$DEST" \
    --runtime-image "$WORK/runtime" --input "$WORK/input" \
    --main-jar hopscope-app.jar --main-class org.hopscope.ui.GuiMain \
    --java-options '-Dhopscope.home=$APPDIR' \
    ${NATIVE_OPTIONS[@]+"${NATIVE_OPTIONS[@]}"} \
    "${JVM_OPTIONS[@]}" \
    --icon "$PKG/icon/$ICON" \
    --add-launcher hopscope-cli="$PKG/cli-launcher.properties"
  # every icon size, for the desktop's icon theme (the .deb's postinst installs them)
  mkdir -p "$APPDIR/icons"
  cp "$PKG"/icon/hopscope-*.png "$APPDIR/icons/"
  # the incident bundle's file type (FILE.hopscope), for the .deb's postinst
  mkdir -p "$APPDIR/mime"
  cp "$PKG/linux/hopscope-bundle-mime.xml" "$APPDIR/mime/"

  # --- 4. AppCDS: record the classes a start loads, then point both launchers at the archive -------
  # CDS checks each jar's size and modification time (whole seconds): give every file of the image
  # one time, which the .deb keeps (SOURCE_DATE_EPOCH below), whatever copies jpackage makes
  [ "$OS" = linux ] && find "$IMAGE" -exec touch -h -d "@$(date +%s)" {} +
  "$PKG/cds-train.sh" "$IMAGE" "$LAUNCHER" "$APP_REL" "$TRAIN_AT" \
    || die "the AppCDS training start failed (see above)"
  echo "$TRAIN_AT" >"$TRAINED_MARK"
  step "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"
  rm -rf "$WORK"
}

rm -rf "$WORK"
if [ "$REUSE" = 1 ] && [ -s "$APPDIR/hopscope.jsa" ] && cmp -s "$APP_JAR" "$APPDIR/hopscope-app.jar" \
  && [ "$(cat "$TRAINED_MARK" 2>/dev/null)" = "$TRAIN_AT" ]; then
  step "reusing the app image $IMAGE (same app jar)"
else
  build_image
fi

# --- 5. installer ----------------------------------------------------------------------------------
[ "$TYPE" = app-image ] && exit 0
rm -f "$DEST"/hopscope[-_]*."$TYPE" "$DEST"/Hopscope-*."$TYPE"
step "jpackage $TYPE"
# dpkg-deb clamps every file's time to SOURCE_DATE_EPOCH: back to the image's, seen by the archive
[ "$OS" = linux ] && export SOURCE_DATE_EPOCH="$(stat -c %Y "$APPDIR/hopscope-app.jar")"
# incident bundles (FILE.hopscope) open in the client: the association with its icon
FA="$(mktemp)"
trap 'rm -f "$FA"' EXIT
cp "$PKG/linux/file-association.properties" "$FA"
echo "icon=$PKG/icon/hopscope-128.png" >>"$FA"
"$JDK/bin/jpackage" --type "$TYPE" "${COMMON[@]}" --dest "$DEST" --app-image "$IMAGE" \
  --license-file "$ROOT/LICENSE" --resource-dir "$PKG/$OS" "@$PKG/$OS/jpackage-options.txt" \
  --file-associations "$FA"
installer="$(ls -t "$DEST"/*."$TYPE" | head -1)"
step "$installer ($(du -h "$installer" | cut -f1))"
