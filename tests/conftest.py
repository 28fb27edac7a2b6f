"""Shared fixtures.  Tests never touch the real user data folder."""

from __future__ import annotations

import os
import threading
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory, monkeypatch):
    """Each test gets its own user data folder (model database, logs, autosave)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fail a test that leaves a thread running (a worker not shut down, an executor not
    joined): in the app such a thread outlives its window and keeps the process alive."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 2.0
    while True:
        leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    assert not leaked, f"the test left threads running: {[t.name for t in leaked]}"


pytest_plugins = ["ui_support"]
