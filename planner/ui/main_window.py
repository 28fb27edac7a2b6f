"""The main window: lever dock (left), dashboard (centre), KPI dock (right), toolbar, menus,
status bar, and the unsaved-changes prompt on close.  Opening, saving and dropping scenario
files is its mixin ``ScenarioFiles`` (planner/ui/scenario_files.py); what the status bar and
the error boxes report, ``StatusReports`` (planner/ui/status_reports.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QProgressBar,
    QWidget,
)

from planner.ui import dialogs
from planner.ui.i18n import current_language, set_language, translate
from planner.ui.labels import lens_label
from planner.ui.main_toolbar import MainToolbar
from planner.ui.result_outputs import ResultOutputs
from planner.ui.scenario_files import ScenarioFiles
from planner.ui.status_reports import StatusReports
from planner.ui.window_chrome import WindowChrome

# The document (pydantic scenario schema), the dashboard (pyqtgraph charts) and the lever panel
# (pandas) are imported in ``finish_startup``, not here: this module is on the path to the
# window's first paint, and those imports alone took seconds of the cold start (DESIGN §8).
if TYPE_CHECKING:
    from planner.ui.controller import ScenarioDocument


_STARTUP_STEPS = ("loading", "building")  # what the shell says it does, in order


class _FirstPaintWatch(QObject):
    """Event filter on the main window: at its first Paint, ``then`` runs from a zero-delay
    timer (after the painted frame is flushed).  Removed by the window once it has fired."""

    def __init__(self, parent: QObject, then: Any) -> None:
        super().__init__(parent)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._then)
        return False


class MainWindow(ResultOutputs, ScenarioFiles, StatusReports, MainToolbar, WindowChrome):
    """Views and commands around one ScenarioDocument.

    ``MainWindow(document)`` builds the whole window.  ``MainWindow(None)`` builds a light
    shell (toolbar, menus, status bar, docks saying "Loading the model…") that paints at once;
    ``finish_startup(document)`` then adds the lever panel, charts and KPI cards (the app calls
    it right after the first paint: see ``call_after_first_paint``).
    """

    def __init__(
        self,
        document: ScenarioDocument | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document: Any = None
        self._year_focused_for: tuple[Any, Any] | None = None  # (path, scenario) last focused
        self._last_chart: Any = None  # the chart "Export chart…" acts on (see _chart_used)
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(False)
        self._after_paint: list[Any] = []
        self._startup_step = "loading"  # what the shell says it is doing: see show_startup_step
        self._paint_watch = _FirstPaintWatch(self, self._run_after_paint)

        # Placeholders until ``finish_startup``: the centre and both docks say "Loading…".
        self._loading_labels = [QLabel(self) for _ in range(3)]
        for label in self._loading_labels:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.setCentralWidget(self._loading_labels[0])
        self.lever_dock = QDockWidget(self)
        self.lever_dock.setObjectName("leverDock")
        self.lever_dock.setWidget(self._loading_labels[1])
        self.lever_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self._loading_labels[1].setMinimumWidth(340)  # the lever panel's, below
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.lever_dock)
        self.kpi_dock = QDockWidget(self)
        self.kpi_dock.setObjectName("kpiDock")
        self.kpi_dock.setWidget(self._loading_labels[2])
        self.kpi_dock.setFeatures(self.lever_dock.features())
        self._loading_labels[2].setMinimumWidth(280)  # the KPI area's, below
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.kpi_dock)

        self._make_actions()
        self._make_toolbar()
        self._make_menus()
        self._make_status_bar()
        # Start-up's steps so far.  Not the animated "busy" bar: while the model loads on its
        # thread, a bar repainting 60 times a second takes the interpreter from that thread
        # as often, and the start took ~0.3 s longer.
        self.busy = QProgressBar(self.statusBar())
        self.busy.setRange(0, len(_STARTUP_STEPS) + 1)
        self.busy.setValue(1)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.statusBar().addWidget(self.busy)
        self._shell_enabled(False)
        self.retranslate_ui()
        if document is not None:
            self.finish_startup(document)

    def _shell_enabled(self, enabled: bool) -> None:
        """Actions and toolbar off while there is no document (each needs one)."""
        keep = {*self.language_actions.values(), self.quit_action}
        for action in self.actions():
            if action not in keep:
                action.setEnabled(enabled)
        self.lens_combo.setEnabled(enabled)
        self.name_edit.setEnabled(enabled)
        self.recent_menu.setEnabled(enabled)

    def finish_startup(self, document: ScenarioDocument) -> None:
        """Build the document's views (lever panel, charts, KPI cards) and connect them."""
        if self.document is not None:
            return
        from planner.ui.dashboard import Dashboard, KpiArea
        from planner.ui.lever_panel import LeverPanel

        self.document = document
        _centre, *in_docks = self._loading_labels
        self._loading_labels = []
        # The result views (charts, KPI cards): each shows a message instead of numbers
        # while nothing is computed; ``planner.ui.charts.install`` fills them for a model.
        self.dashboard = Dashboard(self)
        self.setCentralWidget(self.dashboard)  # deletes the centre's loading label
        # Shown now: a layout shows a child added to a visible window only from a queued
        # call, and a timer due before it saw computed results with the dashboard hidden.
        self.dashboard.show()
        self.kpi_area = KpiArea(self)
        self.lever_panel = LeverPanel(document, self)
        self.lever_dock.setWidget(self.lever_panel)
        self.lever_panel.setMinimumWidth(340)
        self.kpi_dock.setWidget(self.kpi_area)
        self.kpi_area.setMinimumWidth(280)
        for label in in_docks:  # QDockWidget.setWidget keeps the old widget
            label.deleteLater()
        self.statusBar().removeWidget(self.busy)
        self.busy.deleteLater()

        self._shell_enabled(True)
        self.compare_action.setEnabled(False)  # until something is pinned
        self._connect_undo_stack(document.undo_stack)
        self.bands_action.setChecked(document.bands_enabled)
        self._fill_lens_combo(document.catalog.lenses)
        self._install_chart_views()
        self._set_keyboard_paths()
        self._connect_document()
        self.retranslate_ui()
        self._on_scenario_changed(document.scenario)
        self._on_results_changed(document.results)
        self._update_title()

    def show_startup_step(self, step: str) -> None:
        """Say what start-up is doing ("loading": the model; "building": the charts) and paint
        that at once: the step that follows keeps the GUI thread busy, so a repaint queued
        for later would only show once it is over."""
        if self.document is not None or step == self._startup_step:
            return
        self._startup_step = step
        self.busy.setValue(_STARTUP_STEPS.index(step) + 1)
        self.retranslate_ui()
        for widget in (*self._loading_labels, self.model_label, self.busy):
            if widget.isVisible():
                widget.repaint()

    def call_after_first_paint(self, callback: Any, fallback_ms: int = 2000) -> None:
        """Run ``callback()`` once the window has painted, from a zero-delay timer so the
        painted frame is flushed first; after ``fallback_ms`` anyway (a window never exposed,
        e.g. started minimised, gets no paint)."""
        if not self._after_paint:
            self.installEventFilter(self._paint_watch)
        self._after_paint.append(callback)
        QTimer.singleShot(fallback_ms, self._run_after_paint)

    def _run_after_paint(self) -> None:
        self.removeEventFilter(self._paint_watch)
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def _install_chart_views(self) -> None:
        """Charts and KPI cards for the loaded model (none without a model)."""
        from planner.ui import charts

        install = getattr(charts, "install", None)
        if install is not None and self.document.model is not None:
            install(self.dashboard, self.kpi_area, self.document.model)
        self.dashboard.set_bands_visible(self.document.bands_enabled)
        self.kpi_area.set_bands_visible(self.document.bands_enabled)
        self.bands_action.toggled.connect(self.dashboard.set_bands_visible)
        self.bands_action.toggled.connect(self.kpi_area.set_bands_visible)

    def _set_keyboard_paths(self) -> None:
        """Tab in the screen's order; File ▸ Export chart… for the chart last focused."""
        from planner.ui.focus_order import set_tab_chain, window_tab_order

        set_tab_chain(window_tab_order(self))
        self.export_chart_action.setEnabled(False)  # until a chart has had the focus
        for chart in self.dashboard.charts.values():
            chart.used.connect(lambda chart=chart: self._chart_used(chart))
        # The charts hide while there are no results: checked each time the menu opens.
        self.file_menu.aboutToShow.connect(self._update_export_chart)

    def _chart_used(self, chart: Any) -> None:
        self._last_chart = chart
        self._update_export_chart()

    def _update_export_chart(self) -> None:
        chart = self._last_chart
        self.export_chart_action.setEnabled(chart is not None and chart.isVisible())

    def export_focused_chart(self) -> None:
        """Open the export menu of the focused chart, else of the one last used."""
        if self._last_chart is not None and self._last_chart.isVisible():
            self._last_chart.open_export_menu()

    def _connect_document(self) -> None:
        doc = self.document
        doc.scenario_changed.connect(self._on_scenario_changed)
        doc.results_changed.connect(self._on_results_changed)
        doc.pins_changed.connect(lambda _pins: self._on_results_changed(doc.results))
        doc.compute_failed.connect(self._on_compute_failed)
        doc.monte_carlo_running.connect(self._on_monte_carlo_running)
        doc.monte_carlo_progress.connect(lambda f: self.progress.setValue(round(f * 100)))
        doc.file_changed.connect(self._update_title)
        doc.dirty_changed.connect(lambda _dirty: self._update_title())
        doc.open_failed.connect(lambda path, problems: dialogs.show_problems(self, path, problems))
        doc.open_warnings.connect(
            lambda path, warnings: dialogs.show_problems(self, path, warnings, warning=True)
        )
        doc.save_failed.connect(self._on_save_failed)
        doc.autosave_failed.connect(self._on_autosave_failed)
        doc.recent_changed.connect(self._fill_recent_menu)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._update_title()
        super().changeEvent(event)

    def switch_language(self, lang: str) -> None:
        if lang == current_language():
            return
        set_language(lang)
        if self.settings is not None:
            self.settings.setValue("language", current_language())

    # ----- document -> view --------------------------------------------------------------
    def _update_title(self) -> None:
        if self.document is None:  # the shell: the application's name (set by the app)
            return
        self.setWindowTitle(self.document.window_title())
        self.setWindowModified(self.document.is_dirty)

    def _on_scenario_changed(self, scenario: Any) -> None:
        with QSignalBlocker(self.lens_combo):
            self.lens_combo.setCurrentIndex(max(self.lens_combo.findData(scenario.lens), 0))
        edit = self.name_edit
        if edit.text() != scenario.name:
            edit.setText(scenario.name)
            edit.setCursorPosition(0)
        elif not edit.hasFocus() and (edit.cursorPosition() != 0 or edit.hasSelectedText()):
            # The start of a long name in view; setting the same text again would repaint
            # the toolbar on every lever toggle.
            edit.deselect()
            edit.setCursorPosition(0)

    def _on_results_changed(self, results: Any) -> None:
        self._update_results_message()
        # Once per opened document (before any edit): focus the year its scenario matters.
        fresh = (self.document.path, self.document.scenario)
        if results is not None and fresh != self._year_focused_for:
            if self.document.undo_stack.count() == 0:
                self.dashboard.show_year_of_largest_change(results)
            self._year_focused_for = fresh
        # The KPI cards and the status bar before the charts: their layout requests are then
        # posted first and handled before the charts' scenes repaint.
        self.kpi_area.set_results(results, dict(self.document.pinned))
        self._update_compute_label()
        for label, action in self.pin_actions.items():
            with QSignalBlocker(action):
                action.setChecked(label in self.document.pinned)
        self.compare_action.setEnabled(bool(self.document.pinned))
        for action in (self.export_action, self.pdf_action):
            action.setEnabled(results is not None)
        self.dashboard.set_results(results, dict(self.document.pinned))

    # ----- view -> document --------------------------------------------------------------
    def _lens_chosen(self, index: int) -> None:
        lens = self.lens_combo.itemData(index)
        new = self.document.scenario.set_lens(lens)
        model = self.document.model

        def text() -> str:
            return translate("MainWindow", "Lens: {lens}").format(lens=lens_label(lens, model))

        self.document.edit(new, text)

    def _name_edited(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setText(self.document.scenario.name)
            return
        if name != self.document.scenario.name:
            new = self.document.scenario.replace(name=name)
            self.document.edit(new, lambda: translate("MainWindow", "Rename scenario"))

    def _pin(self, label: str, on: bool) -> None:
        if not on:
            self.document.unpin(label)
            return
        if not self.document.pin(label):
            with QSignalBlocker(self.pin_actions[label]):
                self.pin_actions[label].setChecked(False)
            self.statusBar().showMessage(
                translate("MainWindow", "Nothing to pin: no results yet."), 5000
            )

    def show_sources(self) -> None:
        dialogs.SourcesDialog(getattr(self.document.model, "sources", None), self).exec()

    def show_shortcuts(self) -> None:
        from planner.ui.shortcuts_dialog import ShortcutsDialog  # only when asked for

        ShortcutsDialog(self, self).exec()

    # ----- window state ------------------------------------------------------------------
    def restore_state(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        if self.document is not None:
            self.lever_panel.info_popup.close()
            self.document.shutdown(clean_exit=True)
        event.accept()
