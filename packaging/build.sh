#!/usr/bin/env bash
# Build Unknot as a one-folder app for this platform (Linux or macOS), then smoke-test it.
#
#   packaging/build.sh              build dist/unknot/ (work files in build/pyinstaller/), test it
#   packaging/build.sh --no-test    build only
#   packaging/build.sh --archive    also pack dist/unknot-VERSION-OS-ARCH.tar.gz
#   packaging/build.sh --dist DIR --work DIR   build elsewhere (the tests build in a temporary folder)
#
# Idempotent: installs PyInstaller into .venv only when it is missing or not the pinned version,
# and rebuilds from PyInstaller's cache in build/. Windows: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY=$VENV/bin/python
DIST=dist
WORK=build/pyinstaller
APP=$DIST/unknot
smoke=1 archive=0
usage="usage: packaging/build.sh [--no-test] [--archive] [--dist DIR] [--work DIR]"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-test) smoke=0 ;;
    --archive) archive=1 ;;
    --dist) DIST=${2:?$usage}; shift ;;
    --work) WORK=${2:?$usage}; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
APP=$DIST/unknot

say() { printf '\033[1m[package]\033[0m %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

# The app's own set-up (system packages, .venv, Unknot and its dependencies), when missing.
[ -x "$PY" ] || ./dev.sh run --version >/dev/null

pinned=$(sed -n 's/^package = \["pyinstaller==\([^"]*\)"\]/\1/p' pyproject.toml)
[ -n "$pinned" ] || fail "no pinned pyinstaller in pyproject.toml's [project.optional-dependencies] package"
installed=$("$PY" -c 'import importlib.metadata as m; print(m.version("pyinstaller"))' 2>/dev/null || true)
if [ "$installed" != "$pinned" ]; then
  say "installing PyInstaller $pinned into $VENV"
  "$PY" -m pip install -q -e ".[package]"
fi

say "building $APP with PyInstaller $pinned"
started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
  packaging/unknot.spec
say "built in $(( $(date +%s) - started )) s; size: $(du -sh "$APP" | cut -f1) ($(du -sm "$APP" | cut -f1) MB)"

if [ "$smoke" = 1 ]; then
  # Fresh data and config folders: the smoke test never touches the person's own log.
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  export COACH_DATA_DIR=$scratch/data COACH_CONFIG_DIR=$scratch/config QT_QPA_PLATFORM=offscreen
  exe=$APP/unknot

  out=$("$exe" --version) || fail "--version exited $?"
  say "--version: $out"
  out=$("$exe" sessions list) || fail "sessions list exited $?"
  say "sessions list: $(printf '%s\n' "$out" | grep -c .) lines"
  out=$("$exe" --bundle-check 2>&1) || { printf '%s\n' "$out" >&2; fail "--bundle-check"; }
  say "--bundle-check: ok"
  out=$("$exe" --self-test 2>&1) || { printf '%s\n' "$out" >&2; fail "--self-test exited non-zero"; }
  printf '%s\n' "$out" | grep -q "self-test ok" || { printf '%s\n' "$out" >&2; fail "--self-test did not say ok"; }
  say "--self-test: $(printf '%s\n' "$out" | grep "self-test ok")"
fi

if [ "$archive" = 1 ]; then
  version=$("$PY" -c 'import coach; print(coach.__version__)')
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  tarball=$DIST/unknot-$version-$os-$(uname -m).tar.gz
  tar -C "$DIST" -czf "$tarball" unknot
  say "archive: $tarball ($(du -sh "$tarball" | cut -f1))"
fi
