#!/usr/bin/env bash
# ./hopscope bench startup [--runs N] [--idle S] [--before IMAGE]: how fast the packaged client starts.
# Each run starts a fresh process with --startup-probe S, which prints the time from the process's
# start to its first drawn window and its resident memory after S seconds idle (default 3), and
# which class-data-sharing archives it mapped. Variants, interleaved run by run:
#   installed   the installed app (/opt/hopscope), else target/package's app image: jlink'ed
#               runtime + AppCDS archive, as users start it
#   no-cds      the same image's runtime and class path with -Xshare:off (what CDS alone brings)
#   plain-jar   the plain jar on this JDK with JavaFX on the module path, -Xshare:off
#   bare-fx     a bare JavaFX window (one label) on the image's runtime with the JDK's CDS: the
#               floor, JavaFX's own start
#   bare-gl     without a graphics device only: the bare window with JavaFX's and GTK's OpenGL
#               probes (Mesa's software OpenGL loaded, then given up), which the client skips there
#   before      with --before IMAGE: another app image (e.g. an older build, ./hopscope package
#               --dest DIR) started as installed, for a before/after in one run
# Per variant also the process's CPU time by the first frame (all threads: less bent by other
# load than the wall clock; "-" for an image whose probe does not print it), the classes loaded
# by the first frame and after the idle wait, and the CSS rules the window styles itself with (all
# stylesheets; the theme's alone).
# One discarded warm-up run per variant first (page cache warm: JVM-cold, not disk-cold).
# Prints median and min-max per variant, the ratios, the targets (< 1.5 s to the first window,
# < 250 MB idle RSS) and the installer's size. Runs under xvfb-run when there is no DISPLAY.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
RUNS=10
IDLE=3
BEFORE=""
die() { echo "hopscope bench startup: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:-}"; shift 2 ;;
    --idle) IDLE="${2:-}"; shift 2 ;;
    --before) BEFORE="${2:-}"; shift 2 ;;
    *) die "unknown option '$1' (usage: ./hopscope bench startup [--runs N] [--idle SECONDS] [--before IMAGE])" ;;
  esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] || die "--runs takes a number >= 1, not '$RUNS'"
[[ "$IDLE" =~ ^[0-9]+$ ]] || die "--idle takes whole seconds, not '$IDLE'"
if [ -n "$BEFORE" ]; then
  [ -x "$BEFORE/bin/Hopscope" ] || die "--before $BEFORE: no app image there (no bin/Hopscope)"
  BEFORE="$(cd "$BEFORE" && pwd)"
fi

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || die "no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --runs "$RUNS" --idle "$IDLE" ${BEFORE:+--before "$BEFORE"}
fi

if [ -x /opt/hopscope/bin/Hopscope ]; then
  IMAGE=/opt/hopscope
elif [ -x "$ROOT/target/package/Hopscope/bin/Hopscope" ]; then
  IMAGE="$ROOT/target/package/Hopscope"
else
  die "no installed app (/opt/hopscope) and no app image: run ./hopscope package first"
fi
APPDIR="$IMAGE/lib/app"
image_cp="$(sed -n 's/^app.classpath=//p' "$APPDIR/Hopscope.cfg" | sed "s|\$APPDIR|$APPDIR|g" | tr '\n' ':')"
# the image's other options (its native libraries' folder) for the no-cds variant
image_native=()
while IFS= read -r opt; do image_native+=("${opt//\$APPDIR/$APPDIR}"); done \
  < <(sed -n 's/^java-options=\(-Dorg.sqlite.lib.*\|-Djna.boot.library.path=.*\|-XX:Tier.*\)$/\1/p' "$APPDIR/Hopscope.cfg")
# the JVM options every Hopscope process runs with (packaging/jvm.options), for the plain jar too
jvm_options=()
while IFS= read -r line; do
  line="${line%%#*}"
  line="${line//[[:space:]]/}"
  if [ -n "$line" ]; then jvm_options+=("$line"); fi
done <"$ROOT/packaging/jvm.options"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
fx="$(find "$ROOT/app/target/lib" -name 'javafx-*-linux.jar' | sort | tr '\n' ':')"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
probe=(--startup-probe "$IDLE")
run_variant() { # NAME -> the probe line
  local name="$1"
  mkdir -p "$scratch/$name"
  export HOPSCOPE_CONFIG_DIR="$scratch/$name/config" HOPSCOPE_DATA_DIR="$scratch/$name/data"
  case "$name" in
    installed) "$IMAGE/bin/Hopscope" "${probe[@]}" ;;
    before) "$BEFORE/bin/Hopscope" "${probe[@]}" ;;
    bare-fx) env ${bare_env[@]+"${bare_env[@]}"} "$IMAGE/lib/runtime/bin/java" ${bare_opts[@]+"${bare_opts[@]}"} \
      -cp "$scratch/barefx" BareWindow "$IDLE" ;;
    bare-gl) "$IMAGE/lib/runtime/bin/java" -cp "$scratch/barefx" BareWindow "$IDLE" ;;
    no-cds) "$IMAGE/lib/runtime/bin/java" -Xshare:off -Dhopscope.home="$APPDIR" "${image_native[@]}" -cp "${image_cp%:}" \
      org.hopscope.ui.GuiMain "${probe[@]}" ;;
    plain-jar) "$JAVA" "${jvm_options[@]}" -Xshare:off --module-path "${fx%:}" --add-modules javafx.controls,javafx.swing \
      -Dhopscope.home="$ROOT" -cp "$ROOT/app/target/hopscope-app.jar" org.hopscope.ui.GuiMain "${probe[@]}" ;;
  esac 2>"$scratch/$name/stderr" | grep '^hopscope-startup' || {
    cat "$scratch/$name/stderr" >&2
    die "the $name start printed no probe line"
  }
}

# the bare window renders as the client does here: without a graphics device the client starts
# with JavaFX's software renderer and GTK without OpenGL (ui.SoftwareRendering, ADR 0043)
# (bare-gl: the same window with JavaFX's and GTK's OpenGL probes, as before that choice)
bare_env=() bare_opts=() rendering="JavaFX's own choice" software=0
if ! ls /dev/dri/card* /dev/dri/renderD* /dev/nvidia* >/dev/null 2>&1; then
  bare_env=(GDK_GL=disable) bare_opts=(-Dprism.order=sw) software=1
  rendering="no graphics device: software renderer, GDK_GL=disable, as the client; bare-gl: with the OpenGL probes"
fi
VARIANTS=(installed no-cds plain-jar bare-fx)
[ "$software" = 1 ] && VARIANTS+=(bare-gl)
[ -n "$BEFORE" ] && VARIANTS+=(before)
# the floor: a bare JavaFX window, timed and probed like the app (its class path: the source only)
mkdir -p "$scratch/barefx"
"$IMAGE/lib/runtime/bin/javac" -d "$scratch/barefx" "$ROOT/packaging/BareWindow.java" 2>/dev/null \
  || "${JAVA_HOME:+$JAVA_HOME/bin/}javac" --release 17 -cp "${fx%:}" -d "$scratch/barefx" "$ROOT/packaging/BareWindow.java"
echo "bench startup: $IMAGE vs the plain jar; $RUNS runs each (+1 warm-up), ${IDLE}s idle; bare-fx: $rendering" >&2
for v in "${VARIANTS[@]}"; do run_variant "$v" >/dev/null; done
for i in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    line="$(run_variant "$v")"
    echo "$v $line" >>"$scratch/results"
    echo "  run $i $v: ${line#hopscope-startup }" >&2
  done
done

# stats NAME FIELD -> "median min max"
stats() {
  grep "^$1 " "$scratch/results" | grep -o "$2=[0-9]*" | cut -d= -f2 | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - -"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, v[1], v[NR] }'
}
echo
printf '%-10s %22s %22s %22s %16s %13s  %s\n' variant "first window ms" "its CPU ms" "idle RSS MB" "classes" "CSS rules" "CDS archives mapped"
printf '%-10s %22s %22s %22s %16s %13s\n' "" "median (min-max)" "median (min-max)" "median (min-max)" "first/idle" "all/theme"
declare -A MED_MS MED_KB
for v in "${VARIANTS[@]}"; do
  read -r ms lo hi <<<"$(stats "$v" first-window-ms)"
  read -r kb klo khi <<<"$(stats "$v" idle-rss-kb)"
  read -r cpu clo chi <<<"$(stats "$v" first-window-cpu-ms)"
  MED_MS[$v]=$ms
  MED_KB[$v]=$kb
  cds="$(grep "^$v " "$scratch/results" | tail -1 | grep -o 'cds=[^ ]*' | cut -d= -f2)"
  last="$(grep "^$v " "$scratch/results" | tail -1)"
  field() { echo "$last" | grep -o " $1=[0-9]*" | cut -d= -f2 || true; }
  classes="$(field first-window-classes)/$(field idle-classes)"
  rules="$(field css-rules)/$(field theme-rules)"
  [ "$classes" = / ] && classes="-"
  [ "$rules" = / ] && rules="-"
  cpu_text="$cpu ($clo-$chi)"
  [ "$cpu" = - ] && cpu_text="-"
  printf '%-10s %22s %22s %22s %16s %13s  %s\n' "$v" "$ms ($lo-$hi)" "$cpu_text" "$((kb / 1024)) ($((klo / 1024))-$((khi / 1024)))" "$classes" "$rules" "$cds"
done
if ! grep '^installed ' "$scratch/results" | grep -q 'hopscope.jsa'; then
  echo "note: $IMAGE did not map its AppCDS archive: it was recorded for another location" \
    "(a .deb's image is recorded for /opt/hopscope; ./hopscope package --type app-image records in place)"
fi
echo
awk -v a="${MED_MS[plain-jar]}" -v b="${MED_MS[installed]}" -v c="${MED_MS[no-cds]}" -v f="${MED_MS[bare-fx]}" 'BEGIN {
  printf "plain-jar / installed first window: %.2fx; no-cds / installed: %.2fx; installed / bare JavaFX window: %.2fx\n", a / b, c / b, b / f }'
[ "$software" = 1 ] && awk -v g="${MED_MS[bare-gl]}" -v f="${MED_MS[bare-fx]}" \
  -v gk="${MED_KB[bare-gl]}" -v fk="${MED_KB[bare-fx]}" 'BEGIN {
  printf "bare window with / without the OpenGL probes: first window %.2fx, idle RSS %d / %d MB\n", g / f, gk / 1024, fk / 1024 }'
[ -n "$BEFORE" ] && awk -v a="${MED_MS[before]}" -v b="${MED_MS[installed]}" 'BEGIN {
  printf "before (%s) / installed first window: %.2fx\n", "'"$BEFORE"'", a / b }'
ms="${MED_MS[installed]}"
mb="$((MED_KB[installed] / 1024))"
verdict() { [ "$1" -lt "$2" ] && echo "met" || echo "MISSED"; }
echo "targets (installed): first window ${ms} ms < 1500 ms: $(verdict "$ms" 1500); idle RSS ${mb} MB < 250 MB: $(verdict "$mb" 250)"
for pkg in "$ROOT"/target/package/hopscope_*.deb "$ROOT"/target/package/hopscope-*.rpm; do
  [ -f "$pkg" ] && echo "installer: $(basename "$pkg") $(du -h "$pkg" | cut -f1) ($(stat -c %s "$pkg") bytes)"
done
echo "app image / installed tree: $(du -sh "$IMAGE" | cut -f1)"
