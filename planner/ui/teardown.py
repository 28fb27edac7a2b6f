"""The end of a session: background work stopped, then windows and documents deleted while
the QApplication still exists."""

from __future__ import annotations

from typing import Any

import shiboken6


def dispose(*objects: Any) -> None:
    """Delete windows and documents now, while the QApplication still exists.

    Signal connections (lambdas holding ``self``) form reference cycles that Python would
    otherwise collect during interpreter shutdown, after Qt's application object is gone,
    which crashes PySide.
    """
    for obj in objects:
        if shiboken6.isValid(obj):
            shiboken6.delete(obj)


def close_down(window: Any, document: Any) -> None:
    """Stop ``document``'s background work, then delete the window and the document.

    Closing the window shuts the document down (and drops its autosave).  The event loop can
    also end without that close (``QApplication.exit``, as the bench's child process does):
    a Monte Carlo run still going would then report progress through a deleted runner.  The
    autosave is kept in that case: the session did not end through the window.
    """
    if document is not None and shiboken6.isValid(document):
        document.shutdown(clean_exit=False)
    dispose(window, *([] if document is None else [document]))
