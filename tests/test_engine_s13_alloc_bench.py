"""``planner bench`` measures the engine under the app's allocator configuration: tuned at
start, trimmed after every Monte Carlo run, as the app and its worker do."""

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


def test_every_monte_carlo_sample_ends_with_the_workers_release(monkeypatch, model):
    calls: list[str] = []
    evaluate = engine.evaluate

    def recording_evaluate(*args, **kwargs):
        calls.append("evaluate")
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(engine, "evaluate", recording_evaluate)
    monkeypatch.setattr(native_memory, "release_free_memory", lambda: calls.append("release"))
    samples = bench._monte_carlo(40, repeat=2)(bench.BenchContext(_model=model))
    assert len(samples) == 2
    assert calls == ["evaluate", "release"] * 3  # the warm-up run, then each sample
