"""``planner bench``'s app figures run and return sane structures (never timing asserts)."""

from __future__ import annotations

import math

import chart_support
import pytest

from planner.commands import bench as bench_command
from planner.model.engine import evaluate
from planner.ui import bench, bench_start
from planner.ui.dashboard import CHART_GRID

model = chart_support.model  # the real model built from seeds/ (session fixture)
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]

CHARTS = {name for name, *_ in CHART_GRID}


@pytest.fixture
def bench_window(qtbot, model):
    _app, window, document = bench.open_bench_window(model, evaluate)
    yield window
    bench.close_bench_window(window, document)


def test_every_catalog_control_is_clicked_on_and_back_off(bench_window, model):
    labels = [label for label, _click in bench.toggle_actions(bench_window)]
    catalog = model.catalog
    for lever in list(catalog.levers) + list(catalog.shocks):
        group = "policy" if lever in catalog.levers else "shock"
        assert f"{group}/{lever}=on" in labels and f"{group}/{lever}=off" in labels
    for partner, depths in catalog.alignments.items():
        for depth in depths:
            assert f"alignment/{partner}={depth}" in labels
    assert len(labels) == len(list(_all_toggles(model)))


def test_a_toggle_sample_splits_the_click_into_compute_update_and_paint(bench_window):
    chosen = ("policy/e_customs", "alignment/eu")
    samples = bench.measure_toggles(
        bench_window, warmup=0, only=lambda label: label.startswith(chosen)
    )
    assert [s.control for s in samples] == [
        "policy/e_customs=on",
        "policy/e_customs=off",
        "alignment/eu=deepen",
        "alignment/eu=none",
        "alignment/eu=fta",
        "alignment/eu=none",
    ]
    for s in samples:
        parts = (s.full_ms, s.compute_ms, s.paint_ms, s.chart_paint_ms, s.cpu_ms)
        assert all(math.isfinite(v) and v >= 0 for v in parts)
        assert s.compute_ms <= s.full_ms and s.paint_ms <= s.full_ms
        assert s.repaint_ms == pytest.approx(s.full_ms - s.compute_ms)
        assert set(s.painted) <= set(bench.paint_targets(bench_window))
    # Switching a corridor lever on changes every trade flow: the trade chart repaints.
    assert "trade_over_time" in samples[0].painted
    assert samples[0].chart_paint_ms > 0
    # The document ends where it began: every control went back off.
    scenario = bench_window.document.scenario
    assert not any(setting.enabled for setting in scenario.levers.values())
    assert set(scenario.alignments.values()) <= {"none"}
    summary = bench.summarise(samples)
    assert summary["samples"] == len(samples)
    for part in ("full_ms", "repaint_ms", "compute_ms", "paint_ms", "chart_paint_ms"):
        assert summary[part]["p50"] <= summary[part]["p95"]
    assert set(summary["painted"]) <= set(bench.paint_targets(bench_window))


def test_planner_bench_lists_the_app_measurements(qtbot, model):
    assert bench_command._load_plugins() == []
    names = set(bench_command.MEASUREMENTS)
    assert {"toggle_repaint", "toggle_repaint_views", "toggle_paint"} <= names
    assert {"cold_start", "cold_start_ready", "memory_after_start"} <= names
    ctx = bench_command.BenchContext(repeat=1, _model=model)
    full = bench_command.MEASUREMENTS["toggle_repaint"].run(ctx)
    views = bench_command.MEASUREMENTS["toggle_repaint_views"].run(ctx)
    paint = bench_command.MEASUREMENTS["toggle_paint"].run(ctx)
    assert len(full) == len(views) == len(paint) == len(list(_all_toggles(model)))
    assert all(f >= v >= 0 for f, v in zip(full, views, strict=True))


def _all_toggles(model):
    catalog = model.catalog
    yield from range(2 * (len(catalog.levers) + len(catalog.shocks)))
    yield from range(sum(2 * (len(d) - 1) for d in catalog.alignments.values()))


def test_cold_start_reports_time_to_first_paint_and_memory(qtbot):
    runs = bench_start.cold_starts(runs=1, warmup=0)
    assert len(runs) == 1
    run = runs[0]
    assert run["to_first_paint_ms"] > 0
    assert run["rss_mb"] is None or run["rss_mb"] > 10
    assert isinstance(run["charts_shown"], bool)
    # the baseline results come after the first paint (None if they never showed)
    assert run["to_ready_ms"] is None or run["to_ready_ms"] >= run["to_first_paint_ms"]
    # then the first Monte Carlo run's bands, with the memory after it and its peak
    if run["to_ready_ms"] is not None and run["to_bands_ms"] is not None:
        assert run["to_bands_ms"] >= run["to_ready_ms"]
        assert run["bands_hwm_mb"] >= run["bands_rss_mb"] > 10


def test_cold_starts_run_from_bytecode_as_an_installed_app_does(monkeypatch, tmp_path):
    """The child may write its .pyc caches (so the warm-up start leaves them for the measured
    ones) even where the environment says not to."""
    import json
    import subprocess
    from types import SimpleNamespace

    seen = {}

    def run(args, env, **_kwargs):
        seen.update(env)
        paint = {"kind": "first_paint", "at": 0.0, "rss_mb": None, "hwm_mb": None}
        line = "BENCH " + json.dumps({**paint, "charts_shown": False})
        return SimpleNamespace(stdout=line, stderr="", returncode=0)

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setattr(subprocess, "run", run)
    bench_start.cold_start_once(tmp_path)
    assert seen["PLANNER_DATA_DIR"] == str(tmp_path)
    assert "PYTHONDONTWRITEBYTECODE" not in seen
