#!/usr/bin/env bash
# packaging/cds-train.sh IMAGE: gives a jpackage app image of Hopscope its AppCDS archive.
# Starts the desktop client once (to its first drawn window: --startup-probe 0, under Xvfb when
# there is no display) with -XX:ArchiveClassesAtExit, which writes lib/app/hopscope.jsa holding
# every class that start loaded; then names that archive in the java options of every launcher
# (-XX:SharedArchiveFile). The archive sits on the default CDS archive jlink made for the runtime.
set -euo pipefail
IMAGE="${1:?usage: cds-train.sh APP_IMAGE_DIR}"
APPDIR="$IMAGE/lib/app"
ARCHIVE_OPTION='java-options=-XX:SharedArchiveFile=$APPDIR/hopscope.jsa'
[ -f "$APPDIR/Hopscope.cfg" ] || { echo "cds-train: no $APPDIR/Hopscope.cfg" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
rm -f "$APPDIR/hopscope.jsa"
sed -i '/SharedArchiveFile\|ArchiveClassesAtExit/d' "$APPDIR"/*.cfg
cp "$APPDIR/Hopscope.cfg" "$scratch/Hopscope.cfg"
echo 'java-options=-XX:ArchiveClassesAtExit=$APPDIR/hopscope.jsa' >>"$APPDIR/Hopscope.cfg"
run=("$IMAGE/bin/Hopscope" --startup-probe 0)
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "cds-train: no DISPLAY and no xvfb-run (apt-get install xvfb xauth)" >&2; exit 2; }
  run=(xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}")
fi
# a throwaway config and data dir: the training start must not touch the packager's own
HOPSCOPE_CONFIG_DIR="$scratch/config" HOPSCOPE_DATA_DIR="$scratch/data" XDG_DATA_HOME="$scratch/data" \
  timeout 120 "${run[@]}" >"$scratch/train.log" 2>&1 || {
  cat "$scratch/train.log" >&2
  cp "$scratch/Hopscope.cfg" "$APPDIR/Hopscope.cfg"
  exit 1
}
cp "$scratch/Hopscope.cfg" "$APPDIR/Hopscope.cfg"
[ -s "$APPDIR/hopscope.jsa" ] || { cat "$scratch/train.log" >&2; echo "cds-train: no archive written" >&2; exit 1; }
for cfg in "$APPDIR"/*.cfg; do
  # java-options lines go in the [JavaOptions] section, which jpackage writes last
  echo "$ARCHIVE_OPTION" >>"$cfg"
done
echo "cds-train: $(grep -o 'first-window-ms=[0-9]*' "$scratch/train.log" || true)," \
  "archive $(du -h "$APPDIR/hopscope.jsa" | cut -f1)" >&2
