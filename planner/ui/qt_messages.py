"""Qt's own messages, minus the offscreen platform's notice about size hints.

Every dock and window that asks the window system to respect its size hints makes Qt's
offscreen plugin (the one ``planner --screenshot``, ``planner bench`` and the tests use on a
machine without a display) print "This plugin does not support propagateSizeHints()": 24
lines a start, about nothing the user can act on.  Every other message goes on to the
handler that was there before (pytest-qt's, under the tests) or is printed as Qt would.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

# The offscreen plugin's notice, the only message dropped.
SIZE_HINTS_NOTICE = "This plugin does not support propagateSizeHints()"

Handler = Callable[[QtMsgType, QMessageLogContext, str], None]
_previous: Handler | None = None
_installed = False


def _handle(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message == SIZE_HINTS_NOTICE:
        return
    if _previous is not None:
        _previous(mode, context, message)
    elif sys.stderr is not None:  # None in a windowed frozen app (Windows): nowhere to print
        sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")


def quiet_platform_notices() -> None:
    """Install the filter once, in front of whatever handler is there."""
    global _previous, _installed
    if _installed:
        return
    _previous = qInstallMessageHandler(_handle)
    _installed = True
