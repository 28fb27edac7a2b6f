#!/usr/bin/env bash
# Install the Debian libraries Qt's platform plugins need, only when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if QT_QPA_PLATFORM=offscreen .venv/bin/python -c "from PySide6.QtWidgets import QApplication; from PySide6.QtGui import QFontDatabase; QApplication([])" >/dev/null 2>&1; then
  exit 0
fi
echo "Qt cannot start: installing the Debian libraries it needs" >&2
if [ "$(id -u)" != 0 ]; then
  echo "run as root, or install: libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
  libdbus-1-3 fonts-dejavu-core >/dev/null
