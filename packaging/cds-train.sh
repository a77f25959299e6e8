#!/usr/bin/env bash
# packaging/cds-train.sh IMAGE LAUNCHER APPDIR [TRAIN_AT]: gives a jpackage app image of Hopscope
# its AppCDS archive. LAUNCHER and APPDIR are relative to the image's root IMAGE.
# Starts the desktop client once (to three seconds after its first drawn window: --startup-probe 3, under Xvfb on
# Linux without a display) with -XX:ArchiveClassesAtExit, which writes APPDIR/hopscope.jsa holding
# every class that start loaded; then names that archive in the java options of every launcher
# (-XX:SharedArchiveFile in APPDIR/*.cfg). The archive sits on the runtime's default CDS archive.
#
# JDK 17 accepts a dynamic archive only with the very class path it was recorded with, absolute
# paths included. TRAIN_AT (Linux; e.g. /opt/hopscope) is where the image will be installed: the
# training start then runs in a private mount namespace (unshare; as a user through a user
# namespace) where IMAGE is bind-mounted at TRAIN_AT over a tmpfs, so the archive matches the
# installed copy. Without TRAIN_AT the archive fits the image where it is.
set -euo pipefail
IMAGE="${1:?usage: cds-train.sh IMAGE LAUNCHER APPDIR [TRAIN_AT]}"
LAUNCHER="${2:?usage: cds-train.sh IMAGE LAUNCHER APPDIR [TRAIN_AT]}"
APPDIR_REL="${3:?usage: cds-train.sh IMAGE LAUNCHER APPDIR [TRAIN_AT]}"
TRAIN_AT="${4:-}"
IMAGE="$(cd "$IMAGE" && pwd)"

if [ -n "$TRAIN_AT" ] && [ "$TRAIN_AT" != "$IMAGE" ]; then
  if [ -z "${HOPSCOPE_CDS_IN_NAMESPACE:-}" ]; then
    userns=()
    [ "$(id -u)" -eq 0 ] || userns=(--map-root-user)
    command -v unshare >/dev/null 2>&1 || { echo "cds-train: no unshare (util-linux) to train at $TRAIN_AT" >&2; exit 2; }
    exec unshare "${userns[@]}" --mount env HOPSCOPE_CDS_IN_NAMESPACE=1 "$0" "$@"
  fi
  # inside the namespace: TRAIN_AT's parent becomes an empty tmpfs holding only the image
  mount -t tmpfs hopscope-cds "$(dirname "$TRAIN_AT")"
  mkdir -p "$TRAIN_AT"
  mount --bind "$IMAGE" "$TRAIN_AT"
  IMAGE="$TRAIN_AT"
fi
APPDIR="$IMAGE/$APPDIR_REL"
[ -f "$APPDIR/Hopscope.cfg" ] || { echo "cds-train: no $APPDIR/Hopscope.cfg" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
rm -f "$APPDIR/hopscope.jsa"
for cfg in "$APPDIR"/*.cfg; do # (no sed -i: BSD sed on macOS differs)
  grep -v -e SharedArchiveFile -e ArchiveClassesAtExit "$cfg" >"$scratch/cfg" || true
  cat "$scratch/cfg" >"$cfg"
done
cp "$APPDIR/Hopscope.cfg" "$scratch/Hopscope.cfg"
# java-options lines go in the [JavaOptions] section, which jpackage writes last
echo 'java-options=-XX:ArchiveClassesAtExit=$APPDIR/hopscope.jsa' >>"$APPDIR/Hopscope.cfg"
# three seconds after the first frame: the start-up's second stage (views, alerts, menus; ADR 0038)
# and what starts only after the first frame (the store, the playbooks, the connection; ADR 0045) too
run=("$IMAGE/$LAUNCHER" --startup-probe 3)
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "cds-train: no DISPLAY and no xvfb-run (apt-get install xvfb xauth)" >&2; exit 2; }
  run=(xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}")
fi
command -v timeout >/dev/null 2>&1 && run=(timeout 180 "${run[@]}") # (not on macOS by default)
# a throwaway config and data dir: the training start must not touch the packager's own
HOPSCOPE_CONFIG_DIR="$scratch/config" HOPSCOPE_DATA_DIR="$scratch/data" \
  "${run[@]}" >"$scratch/train.log" 2>&1 || {
  cat "$scratch/train.log" >&2
  cp "$scratch/Hopscope.cfg" "$APPDIR/Hopscope.cfg"
  exit 1
}
cp "$scratch/Hopscope.cfg" "$APPDIR/Hopscope.cfg"
[ -s "$APPDIR/hopscope.jsa" ] || { cat "$scratch/train.log" >&2; echo "cds-train: no archive written" >&2; exit 1; }
for cfg in "$APPDIR"/*.cfg; do
  echo 'java-options=-XX:SharedArchiveFile=$APPDIR/hopscope.jsa' >>"$cfg"
done
echo "cds-train: recorded at $IMAGE; training start $(grep -o 'first-window-ms=[0-9]*' "$scratch/train.log" || true)," \
  "archive $(du -h "$APPDIR/hopscope.jsa" | cut -f1)" >&2
