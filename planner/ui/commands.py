"""Undo commands: every scenario edit is an (old Scenario, new Scenario) pair on a QUndoStack.

Scenarios are immutable values, so a command needs no inverse function: undo puts the old
value back, redo the new one.  Consecutive edits of one control (a slider drag, a spin box
being typed into) carry the same merge key and collapse into one command through
``mergeWith``; a merged command that ends where it started becomes obsolete and Qt drops it.
A command's text may be given as a function of no arguments, called again by ``retranslate``
after a language switch, so that the Edit menu names every step in the window's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from planner.model.scenario import Scenario

# Qt merges commands by an integer id; each distinct merge key gets one, stable per process.
_merge_ids: dict[str, int] = {}


def retranslate_stack(stack: QUndoStack) -> None:
    """Every command of ``stack`` in the current language (after a language switch)."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, ScenarioEdit):
            command.retranslate()


def merge_id(key: str) -> int:
    """The QUndoCommand id for ``key`` (e.g. "lever/tmfc_corridor/intensity")."""
    return _merge_ids.setdefault(key, len(_merge_ids) + 1)


class ScenarioEdit(QUndoCommand):
    """Replace the document's scenario ``old`` by ``new`` (and back on undo).

    ``apply`` is the document's setter; it is called with the scenario to show.  ``merge_key``
    (optional) lets consecutive edits of the same control merge into one undo step.
    """

    def __init__(
        self,
        apply: Callable[[Scenario], None],
        old: Scenario,
        new: Scenario,
        text: str | Callable[[], str],
        merge_key: str | None = None,
    ) -> None:
        super().__init__()
        self._describe = text
        self.retranslate()
        self._apply = apply
        self.old = old
        self.new = new
        self.merge_key = merge_key

    def retranslate(self) -> None:
        """Re-set the text in the current language (a fixed text stays as it is)."""
        describe = self._describe
        self.setText(describe() if callable(describe) else describe)

    def id(self) -> int:
        return merge_id(self.merge_key) if self.merge_key else -1

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ScenarioEdit) or other.merge_key != self.merge_key:
            return False
        if other.old != self.new:  # not a continuation of this edit
            return False
        self.new = other.new
        self._describe = other._describe
        self.setText(other.text())
        # A drag that returns to where it began leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True
