"""The background runner hands a result over through the event loop, never inside submit."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from planner.ui.worker import BackgroundRunner

pytestmark = pytest.mark.gui


def test_a_job_that_ended_before_submit_returned_is_delivered_afterwards(qtbot):
    # A job can end before ``submit`` adds its done-callback (a model already loaded); the
    # callback then runs on the GUI thread.  Delivered there and then, a caller that waits
    # in an event loop for the result (screenshot mode's load) saw its loop quit before it
    # started, and hung.
    runner = BackgroundRunner()
    got: list[object] = []
    runner.finished.connect(lambda _job, value: got.append(value))
    ended = Future()
    ended.set_result(42)
    runner._executor.submit = lambda *_args: ended  # the job has already ended
    try:
        runner.submit(lambda _progress: 42)
        assert got == []  # not inside submit
        qtbot.waitUntil(lambda: got == [42], timeout=2000)
    finally:
        runner.shutdown()


def test_a_job_on_the_worker_thread_is_delivered_once(qtbot):
    runner = BackgroundRunner()
    got: list[object] = []
    runner.finished.connect(lambda _job, value: got.append(value))
    try:
        runner.submit(lambda _progress: "done")
        qtbot.waitUntil(lambda: got == ["done"], timeout=5000)
        qtbot.wait(50)
        assert got == ["done"]
    finally:
        runner.shutdown()
