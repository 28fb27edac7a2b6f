"""The background worker hands a job's freed memory back once it has been idle, not after
every job: the runs of a burst of edits keep their memory (a trimmed process faults it in
again page by page, ~8% of a Monte Carlo run), and an app left alone returns to its size."""

from __future__ import annotations

import pytest

from planner.ui import worker

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot, monkeypatch):
    monkeypatch.setattr(worker, "IDLE_TRIM_MS", 500)
    trims: list[str] = []
    monkeypatch.setattr(worker, "release_free_memory", lambda: trims.append("trim"))
    runner = worker.BackgroundRunner()
    runner.trims_seen = trims
    yield runner
    runner.shutdown()
    runner.deleteLater()


def test_memory_goes_back_once_after_the_worker_has_been_idle(qtbot, runner):
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(lambda report: 42)
    assert runner.trims_seen == []  # the result came first, before any trim
    with qtbot.waitSignal(runner.trimmed, timeout=5000):
        pass
    assert runner.trims_seen == ["trim"] and runner.trims == 1
    qtbot.wait(800)  # more than the idle time: nothing more to hand back
    assert runner.trims_seen == ["trim"]


def test_a_burst_of_jobs_keeps_its_memory_until_the_last_one_ends(qtbot, runner):
    for value in range(4):
        with qtbot.waitSignal(runner.finished, timeout=5000):
            runner.submit(lambda report, v=value: v)
        qtbot.wait(40)  # the gap between a burst's edits, shorter than the idle time
    assert runner.trims_seen == []
    with qtbot.waitSignal(runner.trimmed, timeout=5000):
        pass
    assert runner.trims_seen == ["trim"]


def test_a_runner_shut_down_before_its_idle_time_does_not_trim(qtbot, runner):
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(lambda report: 1)
    runner.shutdown()
    qtbot.wait(800)
    assert runner.trims_seen == [] and runner.trims == 0
