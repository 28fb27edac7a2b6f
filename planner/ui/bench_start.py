"""Cold start and memory for ``planner bench`` (see planner.ui.bench): fresh ``planner``
processes timed from process start to the first paint of the main window and to the window
painted with the baseline results, with their resident memory at those moments.
No Qt in this process: each figure comes from a child.
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


# Run by a fresh interpreter: starts ``planner`` (the desktop app) and prints one JSON line
# (monotonic clock, VmRSS) at the first paint of the main window and one once the dashboard
# shows results (the baseline's charts painted), then quits.  The QApplication is created
# first only to watch its events; the app's own start-up reuses it.
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

def charts_shown(window):
    dashboard = window.findChild(QObject, "dashboard")
    body = getattr(dashboard, "body", None)
    return bool(body is not None and body.isVisible())

def report(kind, window):
    print("BENCH " + json.dumps({
        "kind": kind,
        "at": time.monotonic(),
        "rss_mb": status("VmRSS"),
        "hwm_mb": status("VmHWM"),
        "charts_shown": charts_shown(window),
    }), flush=True)

class Paints(QObject):
    painted = ready = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and not self.ready:
            window = watched.window()
            if window.objectName() == "mainWindow":
                if not self.painted:
                    self.painted = True
                    QTimer.singleShot(0, lambda: report("first_paint", window))
                if charts_shown(window):
                    self.ready = True
                    QTimer.singleShot(0, lambda: (report("ready", window), wait_bands(window)))
        return False

def wait_bands(window):
    # Then the first Monte Carlo run: its results carry bands; the memory once the worker
    # has gone idle and handed the run's memory back is the app's steady state, and the
    # peak (VmHWM) is the run's.
    document = getattr(window, "document", None)
    results = getattr(document, "results", None)
    if document is None or (
        getattr(results, "bands", None) is not None and getattr(document, "memory_trims", 1)
    ):
        report("bands", window)
        app.exit(0)
        return
    QTimer.singleShot(50, lambda: wait_bands(window))


probe = Paints()
app.installEventFilter(probe)
QTimer.singleShot(READY_TIMEOUT_MS, lambda: app.exit(0))  # no results (e.g. no model): stop
from planner.cli import main
main([])
"""
READY_TIMEOUT_MS = 60_000


def _bench_data_dir() -> Path:
    """A private data folder (no settings, recent files or crash-recovery prompt of the user)
    holding a copy of the default model database, so the child builds nothing."""
    from planner.model.database_build import ensure_default_database

    source = ensure_default_database()
    folder = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    shutil.copy2(source, folder / source.name)
    return folder


def cold_start_once(data_dir: Path, timeout_s: float = 120.0) -> dict[str, Any]:
    """One fresh ``planner`` process: ms from its start to the first painted main window
    (``to_first_paint_ms``) and to the window painted with the baseline results
    (``to_ready_ms``, None if they never showed), its resident memory at each (MB), and
    whether the charts were showing at the first paint; then the same once the first Monte
    Carlo run has delivered its bands and the idle worker has trimmed (``to_bands_ms``,
    ``bands_rss_mb``, ``bands_hwm_mb``: the steady state after start, and the peak that run
    caused)."""
    ensure_platform()
    env = dict(os.environ, PLANNER_DATA_DIR=str(data_dir))
    # An installed app starts from compiled bytecode; with this set (as on some build
    # machines) every start compiled the app's modules again and the warm-up could not
    # write the caches it is there for (~1 s more to the first results, measured).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    child = _CHILD.replace("READY_TIMEOUT_MS", str(READY_TIMEOUT_MS))
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", child],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    found: dict[str, dict[str, Any]] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            record = json.loads(line[len("BENCH ") :])
            found[record.pop("kind")] = record
    first = found.get("first_paint")
    if first is None:
        raise RuntimeError(
            f"the app did not paint (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
        )
    ready = found.get("ready") or {}
    bands = found.get("bands") or {}
    return {
        "to_first_paint_ms": (first["at"] - started) * 1e3,
        "rss_mb": first["rss_mb"],
        "hwm_mb": first["hwm_mb"],
        "charts_shown": first["charts_shown"],
        "to_ready_ms": (ready["at"] - started) * 1e3 if ready else None,
        "ready_rss_mb": ready.get("rss_mb"),
        "ready_hwm_mb": ready.get("hwm_mb"),
        "to_bands_ms": (bands["at"] - started) * 1e3 if bands else None,
        "bands_rss_mb": bands.get("rss_mb"),
        "bands_hwm_mb": bands.get("hwm_mb"),
    }


def cold_starts(runs: int = 3, warmup: int = 1) -> list[dict[str, Any]]:
    """``runs`` measured cold starts after ``warmup`` unmeasured ones (file cache, .pyc)."""
    folder = _bench_data_dir()
    try:
        for _ in range(warmup):
            cold_start_once(folder)
        return [cold_start_once(folder) for _ in range(runs)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
