"""Shared fixtures.  Tests never touch the real user data folder."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory, monkeypatch):
    """Each test gets its own user data folder (model database, logs, autosave)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(folder))
    return folder


pytest_plugins = ["ui_support"]
