"""The main window's toolbar: lens, scenario name, pins, undo and redo buttons, file actions
and language, laid out from the actions WindowChrome makes (planner/ui/window_chrome.py).
A mixin of MainWindow; its texts are set with the rest in ``WindowChrome.retranslate_ui``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from planner.ui.i18n import LANGUAGES


class HistoryButton(QToolButton):
    """The toolbar button of the undo or redo action, made like the toolbar's own buttons.

    Its action's tooltip names the edit ("Undo: Switch on E-customs") and so changes with
    every edit; a toolbar re-lays itself, and with it the whole main window, whenever one of
    its actions or action buttons changes in any way.  This button follows its action but
    touches its own size only when the text or icon really changes."""

    def __init__(self, action: QAction, bar: QToolBar) -> None:
        super().__init__(bar)
        self._action = action
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIconSize(bar.iconSize())
        self.setToolButtonStyle(bar.toolButtonStyle())
        bar.iconSizeChanged.connect(self.setIconSize)
        bar.toolButtonStyleChanged.connect(self.setToolButtonStyle)
        self.clicked.connect(action.trigger)
        action.changed.connect(self.follow_action)
        self.follow_action()

    def follow_action(self) -> None:
        """Show the action's text, icon, tooltip and state (on every change of the action)."""
        action = self._action
        text = action.iconText().replace("&", "&&")  # a literal &, as QToolBar's buttons
        if text != self.text():
            self.setText(text)
        if action.icon().cacheKey() != self.icon().cacheKey():
            self.setIcon(action.icon())
        self.setToolTip(action.toolTip())
        self.setStatusTip(action.statusTip())
        self.setEnabled(action.isEnabled())


class MainToolbar:
    """The main window's toolbar (a mixin: it lays out the actions WindowChrome makes)."""

    def _fill_lens_combo(self, lenses: Any) -> None:
        with QSignalBlocker(self.lens_combo):
            for lens in lenses:
                self.lens_combo.addItem(lens, lens)

    def _make_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = bar
        self.lens_label = QLabel(bar)
        self.lens_combo = QComboBox(bar)
        self.lens_combo.setObjectName("lensCombo")
        self.lens_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.lens_combo.currentIndexChanged.connect(self._lens_chosen)
        self.lens_label.setBuddy(self.lens_combo)
        self.name_edit = QLineEdit(bar)
        self.name_edit.setObjectName("scenarioName")
        self.name_edit.setMinimumWidth(220)
        self.name_edit.setMaximumWidth(360)
        self.name_edit.editingFinished.connect(self._name_edited)
        bar.addWidget(self.lens_label)
        bar.addWidget(self.lens_combo)
        bar.addSeparator()
        bar.addWidget(self.name_edit)
        bar.addSeparator()
        self.pin_label = QLabel(bar)
        bar.addWidget(self.pin_label)
        for action in self.pin_actions.values():
            bar.addAction(action)
        bar.addAction(self.compare_action)
        bar.addAction(self.bands_action)
        bar.addSeparator()
        self.history_buttons = [HistoryButton(a, bar) for a in (self.undo_action, self.redo_action)]
        for button in self.history_buttons:
            bar.addWidget(button)
        bar.addSeparator()
        for action in (self.open_action, self.save_action, self.export_action, self.pdf_action):
            bar.addAction(action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.language_combo = QComboBox(bar)
        self.language_combo.setObjectName("languageCombo")
        for lang, (endonym, _locale) in LANGUAGES.items():
            self.language_combo.addItem(endonym, lang)
        self.language_combo.currentIndexChanged.connect(
            lambda i: self.switch_language(self.language_combo.itemData(i))
        )
        bar.addWidget(self.language_combo)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
