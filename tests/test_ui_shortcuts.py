"""Help › Keyboard shortcuts lists the keys the window and a focused chart answer to."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from planner.ui.shortcuts_dialog import CHART_KEYS, ShortcutsDialog


def _native(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_table_lists_every_shortcut_of_the_window(window, qtbot):
    dialog = ShortcutsDialog(window, window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    with_keys = [a for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 15
    listed = [keys for _what, keys in dialog.rows()]
    for action in with_keys:
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in " ".join(
            listed
        ), action.iconText()
    assert rows["Export"] == _native("Ctrl+E")  # without the menu's & and …
    assert rows["Undo"] == _native("Ctrl+Z")  # the step's name is not part of it
    assert _native("Ctrl+Shift+Z") in rows["Redo"]  # every key of an action
    assert rows["Pin the current results as B"] == _native("Ctrl+2")
    assert rows["Keyboard shortcuts"] == _native("Ctrl+/")
    assert rows["Read the chart's values one by one"] == "Left, Right, Home, End"
    assert len(rows) == len(with_keys) + 1 + len(CHART_KEYS)  # the chart heading between


def test_the_menu_item_and_the_table_follow_the_language(window, qtbot, language):
    language("fr")
    assert window.shortcuts_action.text() == "&Raccourcis clavier"
    assert window.shortcuts_action in window.help_menu.actions()
    dialog = ShortcutsDialog(window, window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert dialog.windowTitle() == "Raccourcis clavier"
    assert rows["Effacer la lecture du graphique"] == "Échap"
    assert "Sources" in {what.replace("&", "") for what in rows}
