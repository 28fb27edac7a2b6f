"""The app's figures for ``planner bench``: toggle → every chart repainted, cold start, memory.

``toggle_repaint`` drives a real MainWindow on the real model through the path a click takes:
each lever, alignment value and shock of the catalog is switched on and back off with its
lever-panel control (``QCheckBox.click`` / ``QComboBox.setCurrentIndex``), which pushes the
same ``ScenarioEdit`` on the document's undo stack, recomputes and redraws.  Events are then
processed until the charts and KPI cards have painted (an event filter counts ``Paint`` on
each chart's viewport and each KPI card) and stay quiet.  Samples split into the central
evaluate, the views' update (``set_results``) and the paint; "repaint" is update + paint, and
``ChartView.paint_ms`` tells how much of the paint was the six charts' own.
Monte Carlo bands are off while measuring: the budget is the synchronous central path, and a
background run would both compete for the CPU and repaint the charts a second time.  The
document's recall of recent scenarios' results is cleared before each click, so every sample
evaluates (a recalled toggle skips the evaluate and is faster).

``cold_start`` starts ``planner`` (no arguments: the desktop app) in fresh processes and
times process start → first paint of the main window (the shell: the model, charts and
baseline follow right after it); ``cold_start_ready`` times process start → the window painted
with the baseline results; ``memory_after_start`` is that process's VmRSS at that later moment,
``memory_after_bands`` and ``memory_peak_bands`` its VmRSS and VmHWM once the first Monte
Carlo run (started after that paint) has delivered its bands and the worker, idle, has handed
the run's memory back.
Every figure works with QT_QPA_PLATFORM=offscreen (chosen automatically on Linux without a
display).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from planner.commands.bench import BenchContext, register_measurement
from planner.ui.bench_start import ensure_platform

QUIET_ROUNDS = 3  # event-loop passes without a paint that end a sample
SAMPLE_TIMEOUT_S = 5.0
WINDOW_SIZE = (1600, 1000)
DOCK_WIDTHS = (380, 330)


# --- toggle → every chart repainted ----------------------------------------------------------


@dataclass(frozen=True)
class ToggleSample:
    """One click: which control, and where its milliseconds went."""

    control: str  # e.g. "policy/e_customs=on", "alignment/eu=fta"
    full_ms: float  # click → last paint processed
    compute_ms: float  # the central evaluate (the document's last_compute_ms)
    update_ms: float  # command, views' set_results (everything but evaluate before painting)
    paint_ms: float  # set_results done → last paint processed
    chart_paint_ms: float  # of which inside the six charts' paintEvent (raster included)
    cpu_ms: float  # GUI-thread CPU time of the full path (less sensitive to machine load)
    painted: tuple[str, ...]  # the views that received a Paint event

    @property
    def repaint_ms(self) -> float:
        """The views' share: full path minus the evaluate."""
        return self.full_ms - self.compute_ms


def _paint_probe(targets: dict[str, Any]) -> tuple[Any, dict[str, int]]:
    """An event filter counting Paint events per named widget (installed on each)."""
    from PySide6.QtCore import QEvent, QObject

    counts = dict.fromkeys(targets, 0)
    names = {id(widget): name for name, widget in targets.items()}
    paint = QEvent.Type.Paint

    class PaintProbe(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # Qt override
            if event.type() == paint:
                name = names.get(id(watched))
                if name is not None:
                    counts[name] += 1
            return False

    probe = PaintProbe()
    for widget in targets.values():
        widget.installEventFilter(probe)
    return probe, counts


def paint_targets(window: Any) -> dict[str, Any]:
    """The widgets whose Paint marks a repainted view: each chart's viewport, each KPI card."""
    targets = {name: chart.view.viewport() for name, chart in window.dashboard.charts.items()}
    for kpi_id, card in window.kpi_area.cards.items():
        targets[f"kpi/{kpi_id}"] = card
    return targets


def settle(app: Any, counts: dict[str, int], timeout_s: float = SAMPLE_TIMEOUT_S) -> float:
    """Process events until QUIET_ROUNDS passes paint nothing; the time after the last pass
    that painted (perf_counter seconds; now when nothing painted)."""
    last = time.perf_counter()
    total = sum(counts.values())
    quiet = 0
    deadline = last + timeout_s
    while quiet < QUIET_ROUNDS and time.perf_counter() < deadline:
        app.processEvents()
        now_total = sum(counts.values())
        if now_total != total:
            total, quiet, last = now_total, 0, time.perf_counter()
        else:
            quiet += 1
    return last


def toggle_actions(window: Any) -> Iterator[tuple[str, Callable[[], None]]]:
    """(label, click) for every control of the catalog, each switched on and back off; an
    alignment goes to each of its depths and back to none.  Clicks go through the lever
    panel's own widgets, so the same undo command as a user's click is pushed."""
    panel = window.lever_panel
    for key, row in panel.rows.items():
        if row.combo is not None:
            combo = row.combo
            none_index = max(combo.findData("none"), 0)
            for i in range(combo.count()):
                if i == none_index:
                    continue
                yield f"{key}={combo.itemData(i)}", lambda c=combo, i=i: c.setCurrentIndex(i)
                yield f"{key}=none", lambda c=combo, i=none_index: c.setCurrentIndex(i)
        else:
            switch = row.switch
            yield f"{key}=on", switch.click
            yield f"{key}=off", switch.click


def open_bench_window(model: Any, evaluate: Any) -> tuple[Any, Any, Any]:
    """(app, window, document): the main window at the app's start size, shown and painted,
    bands off, no settings or autosave."""
    ensure_platform()
    from PySide6.QtCore import Qt

    from planner.ui.app import make_application
    from planner.ui.controller import ScenarioDocument
    from planner.ui.main_window import MainWindow

    app = make_application()
    document = ScenarioDocument(model.catalog, model=model, evaluate=evaluate)
    document.bands_enabled = False  # no Monte Carlo: see the module docstring
    window = MainWindow(document)
    window.resize(*WINDOW_SIZE)
    window.resizeDocks(
        [window.lever_dock, window.kpi_dock], list(DOCK_WIDTHS), Qt.Orientation.Horizontal
    )
    window.show()
    document.recompute()  # start from computed baseline results, as after any edit
    deadline = time.perf_counter() + SAMPLE_TIMEOUT_S
    handle = window.windowHandle()
    while handle is not None and not handle.isExposed() and time.perf_counter() < deadline:
        app.processEvents()
    for _ in range(20):
        app.processEvents()
    return app, window, document


def close_bench_window(window: Any, document: Any) -> None:
    from planner.ui.teardown import dispose

    document.undo_stack.clear()  # nothing to save: closing must not ask
    document.shutdown()
    window.close()
    dispose(window, document)


def measure_toggles(
    window: Any,
    rounds: int = 1,
    warmup: int = 4,
    only: Callable[[str], bool] | None = None,
) -> list[ToggleSample]:
    """Click every control ``rounds`` times (after ``warmup`` unmeasured clicks); a sample
    per click.  ``only`` filters controls by label (tests use a few)."""
    from PySide6.QtWidgets import QApplication

    from planner.ui.charts.chart_view import ChartView

    app = QApplication.instance()
    document = window.document
    probe, counts = _paint_probe(paint_targets(window))
    marks: dict[str, float] = {}
    on_results = lambda _results: marks.__setitem__("updated", time.perf_counter())  # noqa: E731
    document.results_changed.connect(on_results)  # after the window's own slot: views done
    actions = [(label, act) for label, act in toggle_actions(window) if not only or only(label)]
    samples: list[ToggleSample] = []
    try:
        settle(app, counts)
        for _label, act in actions[:warmup]:
            act()
            settle(app, counts)
        for _ in range(rounds):
            for label, act in actions:
                before = dict(counts)
                marks.clear()
                # Every click computes: the budget is the recompute path, not a recall of a
                # scenario the document saw a click ago (the second round would be one).
                document.forget_results()
                chart_paint = ChartView.paint_ms
                cpu = time.thread_time()
                start = time.perf_counter()
                act()
                end = settle(app, counts)
                cpu = (time.thread_time() - cpu) * 1e3
                updated = marks.get("updated", start)
                compute = document.last_compute_ms or 0.0
                samples.append(
                    ToggleSample(
                        control=label,
                        full_ms=(end - start) * 1e3,
                        compute_ms=compute,
                        update_ms=(updated - start) * 1e3 - compute,
                        paint_ms=max(end - updated, 0.0) * 1e3,
                        chart_paint_ms=ChartView.paint_ms - chart_paint,
                        cpu_ms=cpu,
                        painted=tuple(n for n in counts if counts[n] != before[n]),
                    )
                )
    finally:
        document.results_changed.disconnect(on_results)
        for widget in paint_targets(window).values():
            widget.removeEventFilter(probe)
    return samples


def summarise(samples: list[ToggleSample]) -> dict[str, Any]:
    """p50/p95 of each part, and which views painted how often."""
    parts = (
        "full_ms",
        "repaint_ms",
        "compute_ms",
        "update_ms",
        "paint_ms",
        "chart_paint_ms",
        "cpu_ms",
    )
    out: dict[str, Any] = {"samples": len(samples)}
    for part in parts:
        values = [getattr(s, part) for s in samples]
        p50, p95 = np.percentile(values, [50, 95]) if values else (np.nan, np.nan)
        out[part] = {"p50": float(p50), "p95": float(p95)}
    painted: dict[str, int] = {}
    for s in samples:
        for name in s.painted:
            painted[name] = painted.get(name, 0) + 1
    out["painted"] = painted
    return out


def _toggle_samples(ctx: BenchContext) -> list[ToggleSample]:
    """Measured once per bench run; both toggle figures read the same samples."""
    cached = getattr(ctx, "_toggle_samples", None)
    if cached is not None:
        return cached
    from planner.model.engine import evaluate

    _app, window, document = open_bench_window(ctx.model, evaluate)
    try:
        samples = measure_toggles(window, rounds=max(1, ctx.repeat // 7))
    finally:
        close_bench_window(window, document)
    ctx._toggle_samples = samples  # type: ignore[attr-defined]
    return samples


# --- cold start and memory -------------------------------------------------------------------


def _cold_runs(ctx: BenchContext) -> list[dict[str, Any]]:
    cached = getattr(ctx, "_cold_starts", None)
    if cached is None:
        from planner.ui.bench_start import cold_starts

        cached = cold_starts(runs=max(3, min(ctx.repeat // 3, 7)))
        ctx._cold_starts = cached  # type: ignore[attr-defined]
    return cached


# --- registration ----------------------------------------------------------------------------


def _register(name: str, description: str, run: Callable, budget: float | None, **extra) -> None:
    register_measurement(name, description, run, budget_ms=budget, **extra)


_register(
    "toggle_repaint",
    "toggle → every chart repainted: click, evaluate, views, paint (every lever, bands off)",
    lambda ctx: [s.full_ms for s in _toggle_samples(ctx)],
    16.0,
    statistic="p95",
)
_register(
    "toggle_repaint_views",
    "toggle → repainted minus the evaluate: views' update + paint",
    lambda ctx: [s.repaint_ms for s in _toggle_samples(ctx)],
    None,
)
_register(
    "toggle_paint",
    "toggle: paint only (views updated → last paint processed)",
    lambda ctx: [s.paint_ms for s in _toggle_samples(ctx)],
    None,
)
_register(
    "toggle_chart_paint",
    "toggle: time inside the six charts' paintEvent (offscreen raster included)",
    lambda ctx: [s.chart_paint_ms for s in _toggle_samples(ctx)],
    None,
)
_register(
    "cold_start",
    "cold start: process start → first painted main window (fresh `planner` process)",
    lambda ctx: [r["to_first_paint_ms"] for r in _cold_runs(ctx)],
    1500.0,
)
_register(
    "cold_start_ready",
    "cold start: process start → main window painted with the baseline results shown",
    lambda ctx: [float(r.get("to_ready_ms") or "nan") for r in _cold_runs(ctx)],
    None,
)
_register(
    "memory_after_start",
    "resident memory (VmRSS) once started: baseline results shown",
    lambda ctx: [float(r.get("ready_rss_mb") or r.get("rss_mb") or "nan") for r in _cold_runs(ctx)],
    250.0,
    unit="MB",
)
_register(
    "memory_after_bands",
    "resident memory once the first Monte Carlo run (bands) has ended and the idle worker "
    "has handed its memory back",
    lambda ctx: [float(r.get("bands_rss_mb") or "nan") for r in _cold_runs(ctx)],
    None,
    unit="MB",
)
_register(
    "memory_peak_bands",
    "peak resident memory (VmHWM) up to the end of the first Monte Carlo run",
    lambda ctx: [float(r.get("bands_hwm_mb") or "nan") for r in _cold_runs(ctx)],
    None,
    unit="MB",
)
