"""The app drops the offscreen plugin's size-hint notice and passes every other Qt message on."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from planner.ui import qt_messages

CHILD = textwrap.dedent(
    """
    from PySide6.QtCore import qWarning
    from planner.ui.app import make_application
    app = make_application()
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("a warning the user should see")
    """
)


def test_the_app_prints_other_qt_warnings_but_not_the_size_hint_notice() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "a warning the user should see" in out.stderr
    assert "propagateSizeHints" not in out.stderr


def test_the_filter_forwards_everything_else_to_the_handler_before_it(monkeypatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(qt_messages, "_previous", lambda mode, context, text: seen.append(text))
    qt_messages._handle(None, None, qt_messages.SIZE_HINTS_NOTICE)  # type: ignore[arg-type]
    qt_messages._handle(None, None, "something else")  # type: ignore[arg-type]
    assert seen == ["something else"]
