#!/usr/bin/env bash
# Unknot's two set-up commands. Both install whatever is missing, then act:
#   ./dev.sh run  [coach arguments...]   set up, then start the app
#   ./dev.sh test [pytest arguments...]  set up, then lint, type-check, check import contracts, run the tests headless
# Idempotent: when nothing is missing they go straight to work (a few hundred milliseconds of checks).
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
STAMP=$VENV/.setup-stamp

# Debian/Ubuntu packages, and why each is needed.
BUILD_PKGS=(python3-venv python3-dev gcc libasound2-dev)       # venv; compiling simpleaudio against ALSA's headers
SOUND_PKGS=(alsa-utils speech-dispatcher speech-dispatcher-espeak-ng)  # ALSA tools; the speech daemon Qt's TextToSpeech uses on Linux
QT_PKGS=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
         libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6)  # what Qt's xcb platform plugin loads
TEST_PKGS=(xvfb xauth                                            # a real X server for the window tests
           desktop-file-utils appstream                          # desktop-file-validate, appstreamcli: check packaging/linux/
           poppler-utils)                                        # pdftotext, pdftoppm: read back and look at the clinician report

say() { printf '\033[1m[unknot]\033[0m %s\n' "$*" >&2; }

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_system_packages() {
  command -v dpkg-query >/dev/null || { say "not a Debian/Ubuntu system: install the equivalents of: $*"; return 0; }
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { say "please install as root: $missing"; exit 1; }
    sudo=sudo
  fi
  say "installing system packages: $(echo $missing)"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

pick_python() {
  local py
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  say "Unknot needs Python 3.11 or newer"; exit 1
}

setup() {
  local want_tests=$1 pkgs=("${BUILD_PKGS[@]}" "${SOUND_PKGS[@]}" "${QT_PKGS[@]}")
  [ "$want_tests" = 1 ] && pkgs+=("${TEST_PKGS[@]}")
  install_system_packages "${pkgs[@]}"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$(pick_python)" -m venv "$VENV"
  fi
  local extras="" key
  [ "$want_tests" = 1 ] && extras="[test]"
  key="$(sha256sum pyproject.toml | cut -c1-16)"
  # A test set-up also covers a plain run; a run set-up does not cover the tests.
  if ! { grep -qxF "${key}[test]" "$STAMP" 2>/dev/null || { [ -z "$extras" ] && grep -qxF "$key" "$STAMP" 2>/dev/null; }; }; then
    say "installing Unknot and its Python dependencies into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".$extras"
    echo "${key}${extras}" > "$STAMP"
  fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    setup 0
    exec "$VENV/bin/coach" "$@"
    ;;
  test)
    setup 1
    export QT_QPA_PLATFORM=offscreen
    say "ruff";          "$VENV/bin/ruff" check coach tests benchmarks
                         "$VENV/bin/ruff" format --check coach tests benchmarks
    say "mypy";          "$VENV/bin/mypy"
    say "import contracts"; "$VENV/bin/lint-imports"
    say "pytest";        exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh run [coach arguments...] | ./dev.sh test [pytest arguments...]" >&2
    exit 2
    ;;
esac
