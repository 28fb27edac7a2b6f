"""Cold start and memory for ``planner bench`` (see planner.ui.bench): fresh ``planner``
processes timed from process start to the first paint of the main window, with their
resident memory at that moment.  No Qt in this process: each figure comes from a child.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def ensure_platform() -> str:
    """Pick the offscreen Qt platform when Linux has no display (Qt would abort otherwise)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ.get("QT_QPA_PLATFORM", "default")


# Run by a fresh interpreter: starts ``planner`` (the desktop app) and, at the first paint of
# the main window, prints one JSON line (monotonic clock, VmRSS) and quits.  The QApplication
# is created first only to watch its events; the app's own start-up reuses it.
_CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def status(key):
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None

app = QApplication(sys.argv[:1])

def report(window):
    now = time.monotonic()
    dashboard = window.findChild(QObject, "dashboard")
    body = getattr(dashboard, "body", None)
    print("BENCH " + json.dumps({
        "painted_at": now,
        "rss_mb": status("VmRSS"),
        "hwm_mb": status("VmHWM"),
        "charts_shown": bool(body is not None and body.isVisible()),
    }), flush=True)
    app.exit(0)

class FirstPaint(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint and watched.isWidgetType():
            window = watched.window()
            if window.objectName() == "mainWindow":
                self.done = True
                QTimer.singleShot(0, lambda: report(window))
        return False

probe = FirstPaint()
app.installEventFilter(probe)
from planner.cli import main
main([])
"""


def _bench_data_dir() -> Path:
    """A private data folder (no settings, recent files or crash-recovery prompt of the user)
    holding a copy of the default model database, so the child builds nothing."""
    from planner.model.database import ensure_default_database

    source = ensure_default_database()
    folder = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    shutil.copy2(source, folder / source.name)
    return folder


def cold_start_once(data_dir: Path, timeout_s: float = 120.0) -> dict[str, Any]:
    """One fresh ``planner`` process: ms from its start to the first painted main window,
    its resident memory then (MB), and whether the charts were showing."""
    ensure_platform()
    env = dict(os.environ, PLANNER_DATA_DIR=str(data_dir))
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("BENCH ")]
    if not lines:
        raise RuntimeError(
            f"the app did not paint (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
        )
    found = json.loads(lines[-1][len("BENCH ") :])
    found["to_first_paint_ms"] = (found.pop("painted_at") - started) * 1e3
    return found


def cold_starts(runs: int = 3, warmup: int = 1) -> list[dict[str, Any]]:
    """``runs`` measured cold starts after ``warmup`` unmeasured ones (file cache, .pyc)."""
    folder = _bench_data_dir()
    try:
        for _ in range(warmup):
            cold_start_once(folder)
        return [cold_start_once(folder) for _ in range(runs)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
