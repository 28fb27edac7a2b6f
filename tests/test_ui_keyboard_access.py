"""Keyboard and screen-reader access: names, Tab order, visible focus, keyboard paths to the
chart menus, the info popup and the Sources dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QScrollArea, QWidget
from ui_support import OFFSCREEN_NOISE

from planner.ui import theme
from planner.ui.controller import ScenarioDocument
from planner.ui.dialogs import SourcesDialog
from planner.ui.focus_order import focus_stops
from planner.ui.i18n import set_language, translate
from planner.ui.lever_info import unverified_text
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings
from planner.ui.translations_build import build_translations

pytestmark = OFFSCREEN_NOISE


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture
def computed(qtbot, mini_model, dialogs_seen):
    """A shown main window whose document computes with the real engine (charts drawn)."""
    from planner.model.engine import evaluate

    set_language("en")
    doc = ScenarioDocument(mini_model.catalog, model=mini_model, evaluate=evaluate)
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    try:
        if doc.results is None:
            doc.recompute()
        qtbot.waitUntil(lambda: doc.results is not None)
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        yield win
    finally:
        doc.shutdown()
        set_language("en")


def _name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def _description(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


# ----- 1, 8: names -----------------------------------------------------------------------
def test_lever_sliders_and_spin_boxes_are_named_by_parameter_and_lever(window):
    row = window.lever_panel.row("tmfc_corridor")
    lever = row.title.text()
    stops = {
        name: focus_stops(control) for name, control in row.controls.items()
    }  # start year: a spin box; intensity: a slider and a spin box
    assert sum(len(s) for s in stops.values()) == 3
    for name, widgets in stops.items():
        param = row._param_labels[name].text()
        for widget in widgets:
            assert _name(widget) == f"{param} — {lever}"

    window.switch_language("es")
    assert row.title.text() != lever
    for name, widgets in stops.items():
        for widget in widgets:
            assert row.title.text() in _name(widget)
            assert row._param_labels[name].text() in _name(widget)


def test_switches_and_alignment_combos_describe_their_lever(window):
    panel = window.lever_panel
    for row in panel.rows.values():
        control = row.switch if row.switch is not None else row.combo
        assert row.toolTip() and row.toolTip() in control.accessibleDescription()
        flagged = unverified_text() in control.accessibleDescription()
        assert flagged == (row.spec.evidence == "article"), row.spec.id
    assert panel.row("vocational_ppp").badge.isVisibleTo(panel)


def test_the_unnamed_fields_are_named_in_the_window_language(window):
    fields = (
        (window.name_edit, "MainWindow", "Scenario name"),
        (window.lever_panel.filter_box, "LeverPanel", "Filter levers"),
        (window.language_combo, "MainWindow", "Language"),
        (window.dashboard.year_slider, "Dashboard", "Year shown in the one-year charts"),
    )
    for widget, _context, text in fields:
        assert widget.accessibleName() == text
    window.switch_language("fr")
    for widget, context, text in fields:
        assert widget.accessibleName() == translate(context, text) != text


# ----- 2: Tab order ------------------------------------------------------------------------
def test_tab_follows_the_screen_toolbar_levers_year_charts_kpis(computed):
    win = computed
    panel, board = win.lever_panel, win.dashboard
    assert board.scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    win.lens_combo.setFocus(Qt.FocusReason.TabFocusReason)
    order = [QApplication.focusWidget()]
    for _ in range(200):
        win.focusNextChild()
        if QApplication.focusWidget() is order[0]:
            break
        order.append(QApplication.focusWidget())

    def place(widget: QWidget) -> int:
        if win.toolbar.isAncestorOf(widget):
            return 0
        if widget is panel.filter_box:
            return 1
        if panel.isAncestorOf(widget):
            return 2
        if widget is board.year_slider:
            return 3
        if board.isAncestorOf(widget):
            return 4
        if win.kpi_dock.isAncestorOf(widget):
            return 5
        return 9

    places = [place(w) for w in order]
    assert places == sorted(places), [
        (type(w).__name__, p) for w, p in zip(order, places, strict=True)
    ]
    assert {0, 1, 2, 3, 4, 5} <= set(places) and 9 not in places
    charts = [w for w in order if place(w) == 4]
    assert charts == [board.charts[n].view for n in board.charts]  # reading order
    assert order.index(panel.row("tmfc_corridor").switch) < order.index(
        panel.row("eu", "alignment").combo
    )


# ----- 3: visible focus --------------------------------------------------------------------
@pytest.fixture
def themed(qapp):
    saved = (qapp.style().name(), qapp.palette(), qapp.styleSheet())
    yield
    style, palette, sheet = saved
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.mark.parametrize("dark", [False, True])
def test_focus_shows_on_the_info_button_charts_and_kpi_area(
    computed, qapp, themed, monkeypatch, dark
):
    monkeypatch.setattr(theme, "is_dark", lambda: dark)
    theme.apply_theme(qapp)
    win = computed
    targets = {
        "info button": win.lever_panel.row("tmfc_corridor").info_button,
        "chart": win.dashboard.charts["welfare"].view,
        "KPI area": win.kpi_area.findChild(QScrollArea),
    }
    elsewhere = win.name_edit
    for what, widget in targets.items():

        def shot(widget: QWidget = widget):
            QApplication.processEvents()
            area = QRect(widget.mapTo(win, widget.rect().topLeft()), widget.size())
            return win.grab(area.adjusted(-8, -8, 8, 8)).toImage()

        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert widget.hasFocus(), what
        focused = shot()
        elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
        assert focused != shot(), f"focus on the {what} changes no pixel"


# ----- 4: charts for screen readers ---------------------------------------------------------
def test_charts_are_named_by_title_and_described_only_when_a_reader_listens(computed):
    board = computed.dashboard
    chart = board.charts["welfare"]
    assert not QAccessible.isActive()
    assert _name(chart.view) == chart.title_label.text() == _name(chart)
    assert chart.view.accessibleDescription() == ""  # nothing built per toggle

    QAccessible.setActive(True)
    try:
        board.set_year(board.year_slider.minimum())
        described = chart.view.accessibleDescription()
        assert described and _description(chart.view) == described
        computed.switch_language("es")
        assert _name(chart.view) == chart.title_label.text()
        assert chart.view.accessibleDescription() not in ("", described)
    finally:
        QAccessible.setActive(False)


def test_a_chart_builds_its_description_when_it_takes_the_focus(computed):
    chart = computed.dashboard.charts["sector_bars"]
    assert chart.view.accessibleDescription() == ""
    chart.view.setFocus(Qt.FocusReason.TabFocusReason)
    assert str(len(chart.table())) in chart.view.accessibleDescription()


# ----- 5: chart export from the keyboard -----------------------------------------------------
def _popup_menu() -> QMenu | None:
    popup = QApplication.activePopupWidget()
    return popup if isinstance(popup, QMenu) else None


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_shift_f10_and_the_menu_key_open_a_focused_charts_export_menu(
    computed, qtbot, key, modifier
):
    view = computed.dashboard.charts["sector_bars"].view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(view, key, modifier)
    qtbot.waitUntil(lambda: _popup_menu() is not None)
    menu = _popup_menu()
    assert [a.text() for a in menu.actions()][2].endswith("(CSV)…")
    menu.close()


def test_file_export_chart_acts_on_the_chart_last_focused(computed, qtbot):
    action = computed.export_chart_action
    assert action in computed.file_menu.actions()
    assert not action.isEnabled()  # no chart used yet
    chart = computed.dashboard.charts["welfare"]
    chart.view.setFocus(Qt.FocusReason.TabFocusReason)
    computed.name_edit.setFocus()  # the menu bar takes the focus elsewhere
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: _popup_menu() is not None)
    assert _popup_menu().parent() is chart
    _popup_menu().close()

    # With no results the charts are hidden: the menu item is off, not a silent no-op.
    computed.dashboard.set_results(None)
    computed.file_menu.aboutToShow.emit()
    assert not chart.isVisible() and not action.isEnabled()


# ----- 6: Sources dialog ------------------------------------------------------------------
def test_tab_leaves_the_sources_table_for_the_close_button(qtbot, mini_model):
    dialog = SourcesDialog(mini_model.sources)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "&Close"
    assert not dialog.table.tabKeyNavigation()
    dialog.table.setFocus(Qt.FocusReason.TabFocusReason)
    assert dialog.table.hasFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert close.hasFocus(), QApplication.focusWidget()


# ----- 9: info popup ----------------------------------------------------------------------
def test_the_info_popup_takes_the_focus_and_esc_gives_it_back(window, qtbot):
    row = window.lever_panel.row("e_customs")
    popup = window.lever_panel.info_popup
    row.info_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(row.info_button, Qt.Key.Key_Space)
    qtbot.waitUntil(popup.isVisible)
    assert popup.accessibleName() == row.title.text()
    qtbot.waitUntil(popup.browser.hasFocus)

    QTest.keyClick(popup.browser, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    qtbot.waitUntil(row.info_button.hasFocus)


# ----- 10, 11: toolbar --------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_every_toolbar_tooltip_names_its_key_in_native_text(window, language):
    window.switch_language(language)
    window.lever_panel.row("e_customs").switch.click()  # an undo step to name
    actions = [window.open_action, window.save_action, window.undo_action, window.redo_action]
    for action in [*actions, *window.pin_actions.values()]:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().endswith(f"({keys})"), action.toolTip()
        assert "Ctrl+" not in action.toolTip().replace(keys, ""), action.toolTip()
    assert window.history_buttons[0].toolTip() == window.undo_action.toolTip()


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_lens_label_has_a_mnemonic_no_menu_title_takes(window, language):
    from test_ui_menus import mnemonic

    window.switch_language(language)
    letter = mnemonic(window.lens_label.text())
    assert letter is not None and window.lens_label.buddy() is window.lens_combo
    assert letter not in {mnemonic(a.text()) for a in window.menuBar().actions()}


# ----- 12, 13: lever panel keys -------------------------------------------------------------
def test_arrow_keys_through_an_alignment_combo_make_one_undo_step(window, document):
    combo = window.lever_panel.row("eu", "alignment").combo
    original = document.scenario.alignments.get("eu", "none")
    assert combo.count() >= 3
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert document.scenario.alignments.get("eu", "none") != original
    assert document.undo_stack.count() == 1

    document.undo_stack.undo()
    assert document.scenario.alignments.get("eu", "none") == original
    assert combo.currentData() == original


def test_esc_clears_the_lever_filter(window):
    box = window.lever_panel.filter_box
    box.setFocus()
    QTest.keyClicks(box, "zzz")
    assert window.lever_panel.no_match.isVisibleTo(window.lever_panel)
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert not window.lever_panel.no_match.isVisibleTo(window.lever_panel)
