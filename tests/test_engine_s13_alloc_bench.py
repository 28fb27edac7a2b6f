"""``planner bench`` measures the engine under the app's allocator configuration: tuned at
start; Monte Carlo runs in a row keep their memory, as a burst of edits does in the app, and
the after-idle measurement trims before each run, as the app's idle worker does."""

from __future__ import annotations

import argparse
import json

import chart_support

from planner import native_memory
from planner.commands import bench
from planner.model import engine

model = chart_support.model  # the real model built from seeds/ (session fixture)


def test_bench_tunes_the_allocator_before_anything_is_measured(monkeypatch, capsys):
    calls: list[str] = []
    monkeypatch.setattr(native_memory, "tune_allocator", lambda: calls.append("tune") or True)
    # No plugin: nothing imported may start a thread before the tuning is checked.
    monkeypatch.setattr(bench, "_load_plugins", lambda: calls.append("plugins") or [])
    monkeypatch.setattr(bench, "MEASUREMENTS", {})
    bench.register_measurement(
        "probe", "records when it runs", lambda ctx: calls.append("run") or [1.0]
    )
    args = argparse.Namespace(json=True, scaling=False, only=["probe"], repeat=1)
    assert bench.bench_command(args) == 0
    assert calls == ["tune", "plugins", "run"]
    (row,) = json.loads(capsys.readouterr().out)["measurements"]
    assert row["name"] == "probe" and row["median_ms"] == 1.0


def test_runs_in_a_row_keep_their_memory_and_after_idle_runs_follow_a_trim(monkeypatch, model):
    calls: list[str] = []
    evaluate = engine.evaluate

    def recording_evaluate(*args, **kwargs):
        calls.append("evaluate")
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(engine, "evaluate", recording_evaluate)
    monkeypatch.setattr(native_memory, "release_free_memory", lambda: calls.append("release"))
    context = bench.BenchContext(_model=model)
    assert len(bench._monte_carlo(40, repeat=2)(context)) == 2
    assert calls == ["evaluate"] * 3  # the warm-up run, then each sample: no trim between
    calls.clear()
    assert len(bench._monte_carlo(40, repeat=2, after_idle=True)(context)) == 2
    assert calls == ["evaluate", "release", "evaluate", "release", "evaluate"]
    assert "monte_carlo_1000_after_idle" in bench.MEASUREMENTS
