"""The main window's result outputs: Export… (Ctrl+E), PDF brief (Ctrl+P) and Compare pinned
(Ctrl+K), each triggered from its action with the file dialog answered by the test."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from PySide6.QtWidgets import QFileDialog

from planner.model.engine import evaluate
from planner.ui import report
from planner.ui.charts.base import fmt_number
from planner.ui.controller import ScenarioDocument
from planner.ui.i18n import set_language
from planner.ui.kpi_numbers import decimals_for
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings


@pytest.fixture
def live_window(qtbot, mini_model, dialogs_seen):
    """A window on the mini model with the real engine and a scenario computed (no bands, so
    no background run)."""
    settings = open_settings()
    settings.setValue("bands", False)
    doc = ScenarioDocument(
        mini_model.catalog, model=mini_model, evaluate=evaluate, settings=settings
    )
    set_language("en")
    win = MainWindow(doc, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    scenario = doc.scenario.set_lever("us_dual_sourcing", enabled=True).set_shock(
        "us_tariff_non_usmca", True
    )
    doc.edit(scenario.replace(name="Dual sourcing"), "test scenario")
    assert doc.results is not None
    yield win
    doc.shutdown()


def answer_save_dialog(monkeypatch, path, selected=""):
    """Make every QFileDialog.getSaveFileName return ``path``; record what it was asked."""
    asked = []

    def fake(parent, caption, start, filters):
        asked.append((caption, start, filters))
        return str(path), selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_result_actions_have_their_shortcuts_and_menu_places(live_window):
    win = live_window
    assert win.export_action.shortcut().toString() == "Ctrl+E"
    assert win.pdf_action.shortcut().toString() == "Ctrl+P"
    assert win.compare_action.shortcut().toString() == "Ctrl+K"
    assert {win.export_action, win.pdf_action} <= set(win.file_menu.actions())
    assert win.compare_action in win.view_menu.actions()
    assert win.compare_action in win.toolbar.actions() and win.pdf_action in win.toolbar.actions()
    assert win.pdf_action.toolTip().endswith("(Ctrl+P)")


def test_export_action_writes_the_kpi_values_the_cards_show(live_window, monkeypatch, tmp_path):
    win, results = live_window, live_window.document.results
    asked = answer_save_dialog(monkeypatch, tmp_path / "out.xlsx", "Excel workbook (*.xlsx)")

    win.export_action.trigger()

    written = tmp_path / "out.xlsx"

    assert written.exists() and "Dual_sourcing" in asked[0][1]
    kpis = pd.read_excel(written, sheet_name="KPIs")
    year = win.dashboard.year
    y = [int(v) for v in results.years].index(year)
    shown = win.kpi_area.cards
    assert shown, "the lens has KPI cards"
    for kid, card in shown.items():
        row = kpis[(kpis["id"] == kid) & (kpis["year"] == year)].iloc[0]
        assert row["scenario"] == pytest.approx(results.kpi[kid][y])
        assert card.value.text().startswith(
            fmt_number(row["scenario"], decimals_for(row["scenario"]))
        )


def test_export_without_a_suffix_takes_the_chosen_type(live_window, monkeypatch, tmp_path):
    results = live_window.document.results
    answer_save_dialog(monkeypatch, tmp_path / "results", "JSON file (*.json)")
    live_window.export_action.trigger()
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert "Dual sourcing" in json.dumps(data, ensure_ascii=False)

    answer_save_dialog(monkeypatch, tmp_path / "table.csv", "CSV table (*.csv)")
    live_window.export_action.trigger()
    written = pd.read_csv(tmp_path / "table.csv")
    tidy = results.tidy()
    assert len(written) == len(tidy)
    np.testing.assert_allclose(
        pd.to_numeric(written["scenario"], errors="coerce"),
        pd.to_numeric(tidy["scenario"], errors="coerce"),
        equal_nan=True,
    )


def test_export_failure_is_reported_not_raised(live_window, monkeypatch, tmp_path, dialogs_seen):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    answer_save_dialog(monkeypatch, blocker / "out.csv")
    live_window.export_action.trigger()
    assert dialogs_seen.seen and dialogs_seen.seen[-1][0] == "Cannot export"


def test_pdf_brief_action_writes_the_brief_with_the_numbers_shown(
    live_window, monkeypatch, tmp_path
):
    win, results = live_window, live_window.document.results
    drawn = []
    real = report.write_report

    def recording(*args, **kwargs):
        info = real(*args, **kwargs)
        drawn.extend(info.drawn)
        return info

    monkeypatch.setattr("planner.ui.result_outputs.write_report", recording)
    answer_save_dialog(monkeypatch, tmp_path / "brief")  # the .pdf suffix is added

    win.pdf_action.trigger()

    pdf = tmp_path / "brief.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    y = [int(v) for v in results.years].index(win.dashboard.year)
    for kid in win.kpi_area.cards:
        value = float(results.kpi[kid][y])
        assert fmt_number(value, decimals_for(float(results.kpi_base[kid][y]))) in drawn
    assert "Dual sourcing" in drawn


def test_compare_is_enabled_by_a_pin_and_shows_the_pinned_numbers(
    live_window, monkeypatch, tmp_path
):
    win, doc = live_window, live_window.document
    assert not win.compare_action.isEnabled()
    win.pin_actions["A"].trigger()
    pinned = doc.results
    assert win.compare_action.isEnabled()
    doc.edit(doc.scenario.set_lever("inventory_buffers", enabled=True), "buffers")

    dialogs = []
    monkeypatch.setattr(
        "planner.ui.result_outputs.CompareDialog.show", lambda self: dialogs.append(self)
    )
    win.compare_action.trigger()
    dialog = dialogs[0]
    frame = dialog.frame()
    y = [int(v) for v in pinned.years].index(win.dashboard.year)
    kid = frame["id"].iloc[0]
    assert frame["A"].iloc[0] == pytest.approx(pinned.kpi[kid][y])
    assert frame["Current"].iloc[0] == pytest.approx(doc.results.kpi[kid][y])
    digits = decimals_for(frame["Current"].iloc[0])  # the value's digits, as on its card
    assert dialog.table.item(0, 3).text() == fmt_number(frame["Current"].iloc[0], digits)

    answer_save_dialog(monkeypatch, tmp_path / "comparison.csv")
    dialog.export_button.click()
    written = pd.read_csv(tmp_path / "comparison.csv")
    assert written["A"].iloc[0] == pytest.approx(pinned.kpi[kid][y])
    dialog.close()

    win.pin_actions["A"].trigger()  # unpin
    assert not win.compare_action.isEnabled()


LONG_NAME = "Replay: a three-week Bajío flood that closes the Querétaro corridor"


def open_compare(win, monkeypatch):
    """Trigger Compare pinned… and return its dialog (not shown: the test reads it)."""
    dialogs = []
    monkeypatch.setattr(
        "planner.ui.result_outputs.CompareDialog.show", lambda self: dialogs.append(self)
    )
    win.compare_action.trigger()
    return dialogs[0]


def test_compare_headers_name_the_scenarios(live_window, monkeypatch):
    win, doc = live_window, live_window.document
    win.pin_actions["A"].trigger()  # "Dual sourcing"
    doc.edit(doc.scenario.set_lever("inventory_buffers", enabled=True), "buffers")
    win.name_edit.setText(LONG_NAME)  # renamed as the user does, in the toolbar
    win.name_edit.editingFinished.emit()
    assert doc.scenario.name == LONG_NAME

    dialog = open_compare(win, monkeypatch)
    table = dialog.table
    headers = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    assert headers[5].text() == "A: Dual sourcing" and headers[6].text() == "A: change"
    current = headers[3]
    assert current.toolTip() == current.text() == f"Current: {LONG_NAME}"
    # The whole name in the item (a screen reader reads it); the header elides it when drawn.
    header = table.horizontalHeader()
    assert header.sectionSize(3) < header.fontMetrics().horizontalAdvance(current.text())
    assert not table.verticalHeader().isVisible()  # no row numbers
    dialog.close()


def test_compare_writes_the_numbers_as_the_kpi_cards_do(live_window, monkeypatch):
    """On the Canadian exporter's lens the effective tariff is 19.16 against a baseline of
    6.63: its card reads 19.2, and so must the table (it read 19.16, the baseline's digits)."""
    win = live_window
    win.lens_combo.setCurrentIndex(win.lens_combo.findData("ca_exporter"))
    assert win.kpi_area.lens == "ca_exporter"
    win.pin_actions["A"].trigger()

    dialog = open_compare(win, monkeypatch)
    frame, table = dialog.frame(), dialog.table
    assert dialog.year_box.currentData() == win.dashboard.year
    checked = 0
    for r, kpi_id in enumerate(frame["id"]):
        card = win.kpi_area.cards[kpi_id]
        assert table.item(r, 3).text() == card.value.text()  # the current scenario
        # The change and, when it is good or bad news, a word saying which ("+1.4 worse").
        change, base = table.item(r, 4).text().split()[0], table.item(r, 2).text()
        assert card.delta.text() == f"{change} vs baseline ({base})"
        assert table.item(r, 5).text() == card.value.text()  # A pins the same results
        checked += 1
    assert checked == len(frame) > 0
    row = list(frame["id"]).index("ca_effective_tariff_pct")
    assert table.item(row, 3).text() == fmt_number(frame["Current"].iloc[row], 1)
    dialog.close()
