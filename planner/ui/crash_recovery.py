"""Crash recovery at start-up: this session's autosave (or why there is none), and the
autosaves of crashed sessions offered back, newest first (a damaged one moved aside)."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.ui.i18n import translate


def open_autosave() -> tuple[Any, str]:
    """(this session's autosave, "") or (None, the message saying why there is none).

    A data folder that is read-only, or a file where the autosave folder should be, must not
    stop the app: it runs without autosave and says so."""
    from planner.ui.autosave import autosave_folder, open_session

    try:
        return open_session(), ""
    except OSError as exc:
        folder = autosave_folder()
        if folder.exists() and not folder.is_dir():
            reason = translate("App", "a file of that name is in the way")
        else:
            reason = exc.strerror or str(exc)
        message = translate(
            "App",
            "Cannot create the autosave folder {path} ({reason}); changes will not be autosaved.",
        ).format(path=folder, reason=reason)
        return None, message


def warn_without_autosave(window: Any, message: str) -> None:
    """Say once, without blocking the start, that nothing will be autosaved."""
    print(message, file=sys.stderr)
    window.statusBar().showMessage(message)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("App", "Autosave is off"),
        message,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def offer_recovery(window: Any, document: Any, autosave: Any) -> None:
    """Offer the autosaves of crashed sessions, newest first, until one is recovered.

    Only what the user decided about goes: a declined copy is deleted, a recovered one
    replaced by this session's autosave, a damaged one moved aside (and the user told
    where); the copies after a recovered one stay for the next start."""
    from planner.ui import dialogs
    from planner.ui.autosave import find_recoverable

    for item in find_recoverable():
        problems = _unreadable(item, document.catalog)
        if problems:
            _report_damaged(window, item, problems)
        elif not dialogs.ask_recover(window, item.saved_at, item.original_path):
            item.discard()
        elif _recover(document, autosave, item):
            return


def _unreadable(item: Any, catalog: Any) -> list[str]:
    """Why the autosaved copy cannot be recovered (empty when it can), read before it is
    offered: a damaged copy must not be offered, nor reported by its internal file name."""
    from planner.model.scenario import load_scenario

    try:
        load_scenario(item.scenario_path, catalog)
    except Exception as exc:  # whatever the reason, the copy cannot be opened
        # The problems themselves, not str() of them: a ProblemText is shown translated.
        return list(getattr(exc, "problems", None) or [str(exc)])
    return []


def _recover(document: Any, autosave: Any, item: Any) -> bool:
    """Open ``item`` in ``document``; its copy becomes this session's autosave at once (the
    copy is made before ``recover`` deletes the old one, so a crash at any moment in between
    still leaves the work on disk)."""
    # When the copy fails, the old copy is the only one until the autosave below.
    with contextlib.suppress(OSError):
        autosave.adopt(item)
    if not document.recover(item):
        autosave.clear()
        return False
    document.autosave_now()  # the recovered scenario and where it came from
    return True


def _report_damaged(window: Any, item: Any, problems: list[str]) -> None:
    """Tell the user that the autosaved copy from ``item.saved_at`` cannot be read, and
    where it is now (moved aside, or kept when it cannot be moved)."""
    from planner.ui.problem_texts import problems_in_language

    when = dt.datetime.fromtimestamp(item.saved_at).strftime("%Y-%m-%d %H:%M")
    if item.original_path is not None:
        text = translate("App", "The autosaved copy of {file} from {when} cannot be read.")
        text = text.format(file=item.original_path.name, when=when)
    else:
        text = translate(
            "App", "The autosaved copy of an unsaved scenario from {when} cannot be read."
        )
        text = text.format(when=when)
    try:
        moved = item.set_aside()
        where = translate("App", "It was moved to {path}.").format(path=moved)
    except OSError:
        where = translate("App", "It was kept in {path}.").format(path=item.scenario_path)
    print(f"{text} {where}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("App", "Autosaved copy damaged"),
        text,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setInformativeText(where)
    box.setDetailedText("\n".join(problems_in_language(problems)))
    box.exec()
