"""The main window's menus: the Edit menu names the undo step, every item has a mnemonic of
its own in its menu, and the keys (F1 for help, Ctrl+B for the bands) are bound once each."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from planner.ui import dialogs
from planner.ui.i18n import translate
from planner.ui.translations_build import build_translations

LANGUAGES = ("en", "es", "fr")


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand), lower-cased."""
    found = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_edit_menu_names_the_step_and_the_toolbar_keeps_the_short_word(window):
    undo, redo = window.undo_action, window.redo_action
    assert {undo, redo} <= set(window.edit_menu.actions())
    assert undo.text() == "&Undo"  # nothing to undo: the plain word

    window.lever_panel.row("e_customs").switch.click()
    step = f"Switch on {window.lever_panel.row('e_customs').title.text()}"
    assert undo.text() == f"&Undo {step}"
    assert undo.toolTip() == f"Undo: {step} (Ctrl+Z)"  # the toolbar names the key too
    assert [b.text() for b in window.history_buttons] == ["Undo", "Redo"]

    undo.trigger()
    assert redo.text() == f"&Redo {step}" and undo.text() == "&Undo"
    assert window.history_buttons[1].text() == "Redo"


@pytest.mark.parametrize(
    ("language", "undo_word", "redo_word"),
    [("es", "Deshacer", "Rehacer"), ("fr", "Annuler", "Rétablir")],
)
def test_the_named_step_follows_a_language_switch(window, language, undo_word, redo_word):
    row = window.lever_panel.row("e_customs")
    row.switch.click()
    english = window.document.undo_stack.undoText()

    window.language_actions[language].trigger()

    # The step itself is renamed: its words and the lever's label, in the new language.
    step = window.document.undo_stack.undoText()
    switch_on = translate("LeverPanel", "Switch on {lever}")
    assert switch_on != "Switch on {lever}"
    assert step == switch_on.format(lever=row.title.text()) != english
    assert window.undo_action.text() == f"&{undo_word} {step}"
    assert window.redo_action.text() == f"&{redo_word}"
    assert [b.text() for b in window.history_buttons] == [undo_word, redo_word]

    window.language_actions["en"].trigger()
    assert window.document.undo_stack.undoText() == english


def test_every_kind_of_step_is_renamed_by_a_language_switch(window):
    """Switch, slider (merged drag), alignment, lens: redo and undo sides both follow."""
    panel, stack = window.lever_panel, window.document.undo_stack
    panel.row("e_customs").switch.click()
    alignment = panel.row("eu", "alignment")
    alignment.combo.setCurrentIndex(alignment.combo.findData("fta"))
    window.lens_combo.setCurrentIndex((window.lens_combo.currentIndex() + 1) % 2)
    stack.undo()  # the lens step moves to the redo side
    english = [stack.text(i) for i in range(stack.count())]

    window.language_actions["fr"].trigger()

    french = [stack.text(i) for i in range(stack.count())]
    assert len(french) == 3
    assert all(f != e for f, e in zip(french, english, strict=True)), french
    assert window.redo_action.text().endswith(french[-1].replace("&", "&&"))
    window.language_actions["en"].trigger()
    assert [stack.text(i) for i in range(stack.count())] == english


def test_a_step_name_keeps_its_ampersand_and_a_long_one_is_elided(window, document):
    document.edit(document.scenario.replace(name="R&D"), "Rename to R&D")
    assert window.undo_action.text() == "&Undo Rename to R&&D"  # no mnemonic on the D

    long_step = "Rename to " + "a very long scenario name " * 8
    document.edit(document.scenario.replace(name="long"), long_step)
    text = window.undo_action.text()
    assert text.endswith("…") and len(text) < len(long_step)
    assert window.undo_action.toolTip() == f"Undo: {long_step} (Ctrl+Z)"  # all of it


def test_f1_opens_the_sources_and_ctrl_b_switches_the_bands(window, qtbot, monkeypatch):
    assert window.sources_action.shortcut().toString() == "F1"
    assert window.sources_action in window.help_menu.actions()
    assert window.bands_action.shortcut().toString() == "Ctrl+B"
    assert window.bands_action.toolTip().endswith("(Ctrl+B)")  # the toolbar names the key
    shown = []
    monkeypatch.setattr(dialogs.SourcesDialog, "exec", lambda self: shown.append(self) or 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    QTest.keyClick(window, Qt.Key.Key_F1)
    assert len(shown) == 1

    was = window.document.bands_enabled
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.document.bands_enabled is not was
    assert window.bands_action.isChecked() is not was


def test_no_two_actions_share_a_key(window):
    keys = [k.toString() for a in window.actions() for k in a.shortcuts() if not k.isEmpty()]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert {"F1", "Ctrl+B"} <= set(keys)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_menu_item_has_a_mnemonic_of_its_own(window, language):
    window.switch_language(language)
    for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu):
        items = [a for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in items]
        named = [a.text() for a in items]
        assert None not in letters, f"{menu.title()}: an item without a mnemonic in {named}"
        assert len(letters) == len(set(letters)), f"{menu.title()}: mnemonics clash in {named}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_menu_bar_title_has_a_mnemonic_of_its_own(window, language):
    """Alt+<letter> opens one menu: French had "&Affichage" and "&Aide" both on Alt+A."""
    window.switch_language(language)
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [mnemonic(t) for t in titles]
    assert None not in letters, f"a menu title without a mnemonic in {titles}"
    assert len(letters) == len(set(letters)), f"menu titles' mnemonics clash in {titles}"


def test_dock_titles_show_no_ampersand(window):
    """The View menu's dock items carry mnemonics; the docks' own title bars must not."""
    assert window.lever_dock.toggleViewAction().text() == "Le&vers"
    assert window.kpi_dock.toggleViewAction().text() == "&Indicators"
    assert window.lever_dock.windowTitle() == "Levers"
    assert window.kpi_dock.windowTitle() == "Indicators"
    window.lever_dock.setFloating(True)  # a dock floated and docked keeps its item's text
    window.lever_dock.setFloating(False)
    assert window.lever_dock.toggleViewAction().text() == "Le&vers"
    window.switch_language("es")
    assert window.lever_dock.toggleViewAction().text() == "&Palancas"
    assert window.lever_dock.windowTitle() == "Palancas"
