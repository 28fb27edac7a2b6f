#!/usr/bin/env bash
# Install the Debian libraries Qt's platform plugins need, only when they are missing.
# Always the offscreen plugin's (the tests and `planner run` use it); the X11 (xcb) plugin's
# too when there is a display to open the window on, such as a desktop or xvfb-run: since
# Qt 6.5 it also needs libxcb-cursor0, which a minimal Debian lacks, and without it the window
# aborts at start with "Could not load the Qt platform plugin".
set -euo pipefail
cd "$(dirname "$0")/.."

# In a subshell, so that the shell's own "Aborted" report of a failed start is silenced too.
starts() {
  (QT_QPA_PLATFORM=$1 .venv/bin/python -c "from PySide6.QtWidgets import QApplication; from PySide6.QtGui import QFontDatabase; QApplication([])"; exit $?) >/dev/null 2>&1
}

packages=()
if ! starts offscreen; then
  packages+=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
fi
if [ -n "${DISPLAY:-}" ] && ! starts xcb; then
  packages+=(libgl1 libegl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
fi
[ ${#packages[@]} -eq 0 ] && exit 0

echo "Qt cannot start: installing the Debian libraries it needs" >&2
if [ "$(id -u)" != 0 ]; then
  echo "run as root, or install: ${packages[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${packages[@]}" >/dev/null
