"""The main window's chrome: actions with their shortcuts, menus, status bar, and the texts
of all of them and of the toolbar in the current language (``retranslate_ui``).  The toolbar
itself is laid out by the mixin ``MainToolbar`` (planner/ui/main_toolbar.py).

A mixin of ``MainWindow`` (planner/ui/main_window.py), kept apart so each file holds one
concern: this one what the window offers, that one what the offers do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStyle

from planner.ui import dialogs
from planner.ui.commands import retranslate_stack
from planner.ui.i18n import LANGUAGES, current_language, translate
from planner.ui.labels import labelled, lens_label

PIN_LABELS = ("A", "B", "C")
# The longest undo step the Edit menu names, in average characters: a renamed scenario's
# step carries its whole name, and a menu as wide as the screen reads worse than an ellipsis.
STEP_CHARS = 48


def with_shortcut(tip: str, action: QAction) -> str:
    """``tip (Ctrl+E)``: toolbar tooltips name the key, as menus do beside the item."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({keys})" if keys else tip


class WindowChrome(QMainWindow):
    """Actions, menus and status bar of the main window (a mixin base class)."""

    # ----- construction ------------------------------------------------------------------
    def _icon(self, theme: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap) -> QIcon:
        icon = QIcon.fromTheme(theme)
        return icon if not icon.isNull() else self.style().standardIcon(fallback)

    def _action(self, keys: Any = None, slot: Any = None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if slot is not None:
            action.triggered.connect(slot)
        action.setCheckable(checkable)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _make_actions(self) -> None:
        sp, ti = QStyle.StandardPixmap, QIcon.ThemeIcon
        key = QKeySequence.StandardKey
        self.new_action = self._action(key.New, self.new_scenario)
        self.new_action.setIcon(self._icon(ti.DocumentNew, sp.SP_FileIcon))
        self.open_action = self._action(key.Open, self.open_dialog)
        self.open_action.setIcon(self._icon(ti.DocumentOpen, sp.SP_DialogOpenButton))
        self.save_action = self._action(key.Save, self.save)
        self.save_action.setIcon(self._icon(ti.DocumentSave, sp.SP_DialogSaveButton))
        self.save_as_action = self._action(key.SaveAs, self.save_as)
        if self.save_as_action.shortcut().isEmpty():  # not every platform defines Save As
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action("Ctrl+E", self.export_dialog)
        self.export_action.setIcon(self._icon(ti.DocumentSend, sp.SP_DriveFDIcon))
        # The focused (or last used) chart's export menu: the keyboard's way to it.
        self.export_chart_action = self._action(None, self.export_focused_chart)
        self.pdf_action = self._action("Ctrl+P", self.export_pdf_brief)
        self.pdf_action.setIcon(self._icon(ti.DocumentPrint, sp.SP_FileDialogDetailedView))
        self.compare_action = self._action("Ctrl+K", self.compare_pinned)
        self.compare_action.setIcon(self._icon(ti.EditFind, sp.SP_FileDialogContentsView))
        self.compare_action.setEnabled(False)  # until something is pinned
        self.quit_action = self._action(key.Quit, self.close)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        # Own actions rather than createUndoAction(): their "Undo <edit>" text must follow the
        # interface language, which Qt's built-in prefix does not.  Wired to the document's
        # undo stack by ``_connect_undo_stack`` (the window may be shown before it exists).
        self.undo_action = self._action(key.Undo, lambda: self.document.undo_stack.undo())
        self.undo_action.setIcon(self._icon(ti.EditUndo, sp.SP_ArrowBack))
        self.redo_action = self._action(key.Redo, lambda: self.document.undo_stack.redo())
        if QKeySequence("Ctrl+Shift+Z") not in self.redo_action.shortcuts():
            self.redo_action.setShortcuts(
                [*self.redo_action.shortcuts(), QKeySequence("Ctrl+Shift+Z")]
            )
        self.redo_action.setIcon(self._icon(ti.EditRedo, sp.SP_ArrowForward))
        self._undo_what = self._redo_what = ""
        self.find_action = self._action(key.Find, lambda: self.lever_panel.focus_filter())
        self.bands_action = self._action(
            "Ctrl+B", lambda on: self.document.set_bands_enabled(on), checkable=True
        )
        self.pin_actions: dict[str, QAction] = {}
        for n, label in enumerate(PIN_LABELS, start=1):
            action = self._action(f"Ctrl+{n}", checkable=True)
            action.setText(label)
            action.toggled.connect(lambda on, label=label: self._pin(label, on))
            self.pin_actions[label] = action
        self.about_action = self._action(
            None, lambda: dialogs.show_about(self, self.document.model)
        )
        # F1, the key people press for help: the sources are the app's help, they say where
        # every number comes from (About only names the app and the model version).
        self.sources_action = self._action(key.HelpContents, self.show_sources)
        if self.sources_action.shortcut().isEmpty():
            self.sources_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action = self._action("Ctrl+/", self.show_shortcuts)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, (endonym, _locale) in LANGUAGES.items():
            action = QAction(endonym, self, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _on, lang=lang: self.switch_language(lang))
            self.language_group.addAction(action)
            self.language_actions[lang] = action

    def _connect_undo_stack(self, stack: Any) -> None:
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self._undo_what, self._redo_what = stack.undoText(), stack.redoText()
        stack.undoTextChanged.connect(self._undo_step_changed)
        stack.redoTextChanged.connect(self._redo_step_changed)
        self._update_history_texts()
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def _undo_step_changed(self, text: str) -> None:
        self._undo_what = text
        self._update_history_texts()

    def _redo_step_changed(self, text: str) -> None:
        self._redo_what = text
        self._update_history_texts()

    def _update_history_texts(self) -> None:
        """Undo and redo in the current language: the Edit menu names the step ("&Undo Switch
        on E-customs"), the toolbar button keeps the short word (the action's icon text, which
        its HistoryButton shows) and its tooltip names the step too ("Undo: Switch on …")."""
        for action, label, named, what in (
            (
                self.undo_action,
                translate("MainWindow", "&Undo"),
                translate("MainWindow", "&Undo {step}"),
                self._undo_what,
            ),
            (
                self.redo_action,
                translate("MainWindow", "&Redo"),
                translate("MainWindow", "&Redo {step}"),
                self._redo_what,
            ),
        ):
            short = label.replace("&", "")
            action.setIconText(short)
            action.setText(named.format(step=self._menu_step(what)) if what else label)
            action.setToolTip(with_shortcut(labelled(short, what) if what else short, action))

    def _menu_step(self, what: str) -> str:
        """An undo step as a menu item shows it: elided when long, its & kept literal."""
        metrics = QFontMetrics(self.edit_menu.font())
        width = STEP_CHARS * metrics.averageCharWidth()
        return metrics.elidedText(what, Qt.TextElideMode.ElideRight, width).replace("&", "&&")

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.export_chart_action)
        self.file_menu.addAction(self.pdf_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.lever_dock.toggleViewAction())
        self.view_menu.addAction(self.kpi_dock.toggleViewAction())
        self.view_menu.addAction(self.bands_action)
        self.pin_menu = self.view_menu.addMenu("")
        self.pin_menu.addActions(list(self.pin_actions.values()))
        self.view_menu.addAction(self.compare_action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.sources_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.model_label = QLabel(status)
        self.compute_label = QLabel(status)
        self.progress_label = QLabel(status)
        self.progress = QProgressBar(status)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.progress_label.setVisible(False)
        for label in (self.model_label, self.compute_label, self.progress_label):
            label.setContentsMargins(8, 0, 8, 0)
        # Sized for the longest time (see MainWindow._fit_compute_label): the gap goes left.
        self.compute_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Its text changes with every recompute: filling its own background (the window colour
        # the status bar shows) keeps that repaint off the status bar and the main window.
        self.compute_label.setAutoFillBackground(True)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.compute_label)
        status.addPermanentWidget(self.model_label)

    # ----- texts -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.new_action.setText(translate("MainWindow", "&New"))
        self.open_action.setText(translate("MainWindow", "&Open…"))
        self.save_action.setText(translate("MainWindow", "&Save"))
        self.save_as_action.setText(translate("MainWindow", "Save &As…"))
        self.export_action.setText(translate("MainWindow", "&Export…"))
        self.pdf_action.setText(translate("MainWindow", "PDF &brief…"))
        self.compare_action.setText(translate("MainWindow", "&Compare pinned…"))
        self.export_chart_action.setText(translate("MainWindow", "Export &chart…"))
        for action, tip in (
            (self.open_action, translate("MainWindow", "Open a scenario file")),
            (self.save_action, translate("MainWindow", "Save the scenario")),
            (
                self.export_action,
                translate("MainWindow", "Export the results as a PDF brief, Excel, CSV or JSON"),
            ),
            (
                self.pdf_action,
                translate("MainWindow", "A PDF brief: scenario, key numbers, charts and sources"),
            ),
            (
                self.compare_action,
                translate("MainWindow", "Compare the pinned scenarios side by side"),
            ),
            (
                self.export_chart_action,
                translate("MainWindow", "Export the focused chart as PNG, SVG or CSV"),
            ),
        ):
            action.setToolTip(with_shortcut(tip, action))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        if self.document is not None:  # the steps made before the switch, renamed with it
            stack = self.document.undo_stack
            retranslate_stack(stack)
            self._undo_what, self._redo_what = stack.undoText(), stack.redoText()
        self._update_history_texts()
        self.find_action.setText(translate("MainWindow", "&Find lever"))
        self.bands_action.setText(translate("MainWindow", "&Bands"))
        self.bands_action.setToolTip(
            with_shortcut(
                translate("MainWindow", "Show p10–p90 uncertainty bands (Monte Carlo)"),
                self.bands_action,
            )
        )
        for label, action in self.pin_actions.items():
            tip = translate("MainWindow", "Pin the current results as {label}")
            action.setToolTip(with_shortcut(tip.format(label=label), action))
        self.about_action.setText(translate("MainWindow", "&About"))
        self.sources_action.setText(translate("MainWindow", "&Sources"))
        self.shortcuts_action.setText(translate("MainWindow", "&Keyboard shortcuts"))
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.recent_menu.setTitle(translate("MainWindow", "Open &Recent"))
        self.edit_menu.setTitle(translate("MainWindow", "&Edit"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.pin_menu.setTitle(translate("MainWindow", "&Pin for comparison"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.lever_dock.setWindowTitle(translate("MainWindow", "Levers"))
        self.kpi_dock.setWindowTitle(translate("MainWindow", "Indicators"))
        # The docks' View-menu items, with mnemonics the dock titles must not show.  After the
        # titles: a dock copies its title into its toggle action whenever the title changes.
        self.lever_dock.toggleViewAction().setText(translate("MainWindow", "Le&vers"))
        self.kpi_dock.toggleViewAction().setText(translate("MainWindow", "&Indicators"))
        self.lens_label.setText(translate("MainWindow", "&Lens:") + " ")
        self.lens_combo.setToolTip(translate("MainWindow", "Stakeholder lens"))
        self.name_edit.setPlaceholderText(translate("MainWindow", "Scenario name"))
        self.name_edit.setToolTip(translate("MainWindow", "Scenario name"))
        self.name_edit.setAccessibleName(translate("MainWindow", "Scenario name"))
        self.pin_label.setText(" " + translate("MainWindow", "Pin:") + " ")
        self.language_combo.setToolTip(translate("MainWindow", "Language"))
        self.language_combo.setAccessibleName(translate("MainWindow", "Language"))
        with QSignalBlocker(self.language_combo):
            self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        self.language_actions[current_language()].setChecked(True)
        self.progress_label.setText(translate("MainWindow", "Uncertainty bands"))
        if self.document is None:  # the shell before ``finish_startup``
            if getattr(self, "_startup_step", "loading") == "building":
                loading = translate("MainWindow", "Building the charts…")
            else:
                loading = translate("MainWindow", "Loading the model…")
            self.model_label.setText(loading)
            for label in self._loading_labels:
                label.setText(loading)
            return
        with QSignalBlocker(self.lens_combo):
            for i in range(self.lens_combo.count()):
                self.lens_combo.setItemText(
                    i, lens_label(self.lens_combo.itemData(i), self.document.model)
                )
        version = getattr(self.document.model, "version", None)
        self.model_label.setText(
            translate("MainWindow", "Model {version}").format(version=version)
            if version
            else translate("MainWindow", "No model loaded")
        )
        self._update_compute_label()
        self._update_results_message()
        self._fill_recent_menu(self.document.recent())
