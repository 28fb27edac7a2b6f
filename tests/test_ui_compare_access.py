"""Compare pinned… for keyboard and screen-reader users: Tab leaves the table, the controls
have mnemonics, the headers keep their whole text, and a change says in words (not only in
green or red) whether it is good or bad for the lens's stakeholder, as its KPI card does."""

from __future__ import annotations

import dataclasses
import re

import chart_support
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest

from planner.ui.compare import CompareDialog, column_title
from planner.ui.i18n import set_language
from planner.ui.kpi_area import KpiArea
from planner.ui.kpi_wording import stakeholder_verdict
from planner.ui.translations_build import build_translations

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]

LONG_NAME = "Replay: a three-week Bajío flood that closes the Querétaro corridor"
LENS = "us_manufacturer"


@pytest.fixture(autouse=True)
def in_language(qtbot):
    """set_language, starting from English and back to it afterwards."""
    build_translations()
    set_language("en")
    yield set_language
    set_language("en")


def open_dialog(qtbot, model, current, pinned, show=False):
    dialog = CompareDialog(model, current, pinned, lens=LENS, year=2030)
    qtbot.addWidget(dialog)
    if show:
        dialog.show()
        qtbot.waitExposed(dialog)
    return dialog


def accessible_cell(table, row, column):
    """The accessible interface of a cell (row -1: the column's header) as a screen reader
    sees it: Qt's accessible table lists the header row, then each row behind its row
    header (the corner first)."""
    index = (row + 1) * (table.columnCount() + 1) + column + 1
    cell = QAccessible.queryAccessibleInterface(table).child(index)
    role = QAccessible.Role.ColumnHeader if row < 0 else QAccessible.Role.Cell
    assert cell.role() == role
    return cell


def test_tab_leaves_the_table_for_export_and_close(qtbot, model, tariff_results, flood_results):
    dialog = open_dialog(qtbot, model, tariff_results, {"A": flood_results}, show=True)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 0)
    assert dialog.focusWidget() is dialog.table
    QTest.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.export_button
    QTest.keyClick(dialog.export_button, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.close_button
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Backtab)
    QTest.keyClick(dialog.export_button, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.table
    assert not dialog.table.tabKeyNavigation()  # the arrow keys move between the cells


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_controls_have_distinct_mnemonics_in_every_language(
    in_language, lang, qtbot, model, tariff_results
):
    assert in_language(lang)
    dialog = open_dialog(qtbot, model, tariff_results, {})
    assert dialog.year_label.buddy() is dialog.year_box
    texts = [
        dialog.year_label.text(),
        dialog.all_lenses.text(),
        dialog.export_button.text(),
        dialog.close_button.text(),
    ]
    keys = []
    for text in texts:
        found = re.findall(r"&(\w)", text.replace("&&", ""))
        assert len(found) == 1, texts
        keys.append(found[0].casefold())
    assert len(set(keys)) == len(keys), texts
    if lang != "en":
        assert "&Close" not in texts and "&Export CSV…" not in texts  # translated
    table_names = {
        "en": "Key numbers of the compared scenarios",
        "es": "Cifras clave de los escenarios comparados",
        "fr": "Chiffres clés des scénarios comparés",
    }
    assert dialog.table.accessibleName() == table_names[lang]


def test_headers_keep_the_whole_name_and_the_view_elides_it(
    qtbot, model, tariff_results, flood_results
):
    renamed = dataclasses.replace(
        tariff_results, scenario=tariff_results.scenario.replace(name=LONG_NAME)
    )
    dialog = open_dialog(qtbot, model, renamed, {"A": flood_results}, show=True)
    table, header = dialog.table, dialog.table.horizontalHeader()
    item = table.horizontalHeaderItem(3)
    assert item.text() == f"Current: {LONG_NAME}"  # what a screen reader reads
    assert item.toolTip() == item.text()
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    # Drawn elided: the section is narrower than the whole name.
    assert header.sectionSize(3) < header.fontMetrics().horizontalAdvance(item.text())
    assert table.horizontalHeaderItem(5).text() == "A: Replay: a three-week Bajío flood"
    # The accessible table reads the whole header.
    assert accessible_cell(table, -1, 3).text(QAccessible.Text.Name) == item.text()


def test_column_titles_are_translated(in_language, tariff_results):
    assert column_title("A", tariff_results).startswith("A: 25% US tariff")
    assert in_language("fr")
    assert column_title("Actuel", tariff_results).startswith("Actuel : 25% US tariff")
    assert column_title("B", None) == "B"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_changes_say_good_or_bad_as_the_kpi_cards_do(
    in_language, lang, qtbot, model, tariff_results
):
    assert in_language(lang)
    dialog = open_dialog(qtbot, model, tariff_results, {})
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.set_year(2030)
    area.set_results(tariff_results, {}, lens=LENS)
    better, worse = {"en": ("better", "worse"), "fr": ("favorable", "défavorable")}[lang]
    frame, table = dialog.frame(), dialog.table
    current = next(iter(dialog.columns))  # "Current", "Actuel"
    verdicts = set()
    for r, row in frame.iterrows():
        cell = table.item(r, 4)  # the current scenario's change
        card = area.cards[row["id"]]
        verdict = stakeholder_verdict(row[f"{current}_delta"], row["better"])
        verdicts.add(verdict)
        words = cell.text().split()
        number = card.delta.text().split()[0]
        assert words[0] == number  # the number as the card writes it
        spoken = cell.data(Qt.ItemDataRole.AccessibleTextRole)
        if verdict == 0:
            assert words == [number] and spoken is None
            continue
        assert words[1:] == [better if verdict > 0 else worse]
        # The card's own verdict ("Bad news for US manufacturers."), read with the cell.
        news = card.verdict.text().split(". ")[-1]
        assert news.startswith(("Good news", "Bad news", "Bonne nouvelle", "Mauvaise nouvelle"))
        assert spoken == f"{cell.text()}. {news}"
        assert accessible_cell(table, r, 4).text(QAccessible.Text.Name) == spoken
    assert verdicts & {1, -1}, "the example went away: no change to call good or bad"


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_every_indicator_name_shows_whole_and_no_column_is_off_screen(
    qtbot, model, tariff_results, flood_results, in_language, lang
):
    # Squeezed into what the number columns left, the three welfare rows all read
    # "Variation du bien-être ..." in French: the one word that told them apart was cut.
    in_language(lang)
    dialog = CompareDialog(
        model,
        tariff_results,
        {"A": flood_results, "B": tariff_results},
        lens="analyst",
        year=2030,
        language=lang,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    metrics = table.fontMetrics()
    width = table.columnWidth(0) - 8  # the cell's text margins
    for r in range(table.rowCount()):
        text = table.item(r, 0).text()
        needed = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        assert needed.width() <= width and needed.height() <= table.rowHeight(r), text
    # The current scenario and two pinned ones fit the dialog's default width.
    assert not table.horizontalScrollBar().isVisible()
