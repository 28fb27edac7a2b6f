"""What the lever info popup, the Sources dialog and the bad-file dialog say: no "nan" for
a missing value, human and translated effect names, units and source kinds, a Sources table
that fits its dialog, and a problem list with one problem per line."""

from __future__ import annotations

import dataclasses
import html

import chart_support
import pandas as pd
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from ui_support import OFFSCREEN_NOISE

from planner.ui import dialogs
from planner.ui.dialogs import SourcesDialog, show_problems
from planner.ui.lever_info import (
    POPUP_LEAST_HEIGHT,
    POPUP_MOST_HEIGHT,
    LeverInfoPopup,
    effect_label,
    info_html,
)
from planner.ui.translations_build import build_translations

pytestmark = pytest.mark.gui

model = chart_support.model  # the real model: every assumption there has its rationale


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def _with_missing_source_fields(model):
    """The mini model, its sources' publisher, year and locator missing as in the seeds."""
    sources = model.sources.copy()
    sources["publisher"] = [None] * len(sources)
    sources["year"] = pd.array([None] * len(sources), dtype="Int64")
    sources["locator"] = [float("nan")] * len(sources)
    return dataclasses.replace(model, sources=sources)


# ----- 1. no "nan" -------------------------------------------------------------------------


def test_missing_publisher_year_and_locator_print_as_nothing(mini_model):
    model = _with_missing_source_fields(mini_model)
    for spec in _all_levers(model):
        text = info_html(spec, model)
        assert " nan" not in text and "<NA>" not in text and "None" not in text, spec.id
        assert "·  ·" not in text and "· <i>[" not in text, spec.id  # no dangling separators


def test_the_real_seeds_missing_locator_is_not_nan(mini_model):
    """SPEC-like rows: kind set, publisher, year and locator empty (NaN in the frame)."""
    sources = pd.DataFrame(
        {
            "id": ["t_assume"],
            "kind": ["assumption"],
            "title": ["Test assumption"],
            "publisher": [float("nan")],
            "year": [float("nan")],
            "locator": [float("nan")],
        }
    )
    model = dataclasses.replace(mini_model, sources=sources)
    spec = dataclasses.replace(_lever(model, "tmfc_corridor"), source_id="t_assume")
    text = info_html(spec, model)
    assert "Test assumption" in text
    assert "nan" not in text


def test_sources_dialog_shows_missing_values_as_empty(qtbot, mini_model):
    model = _with_missing_source_fields(mini_model)
    dialog = SourcesDialog(model.sources)
    qtbot.addWidget(dialog)
    cells = [
        dialog.table.item(i, j).text()
        for i in range(dialog.table.rowCount())
        for j in range(dialog.table.columnCount())
    ]
    assert "nan" not in cells and "None" not in cells and "<NA>" not in cells


# ----- 2. human effect names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "unit", "expected"),
    [
        ("capacity_usd_bn", "", "Capacity (USD bn)"),
        ("uncertainty_cost_pct", "%", "Uncertainty cost (%)"),
        ("notice_years", "years", "Notice period (years)"),
        ("carrying_cost_pct_per_week", "%/week", "Inventory carrying cost (% a week)"),
        ("some_new_thing_days", "", "Some new thing (days)"),
    ],
)
def test_effect_keys_become_names_with_units(key, unit, expected):
    assert effect_label(key, unit) == expected


def test_popup_names_effects_and_options_like_the_lever_panel(mini_model):
    text = info_html(_lever(mini_model, "review_outcome"), mini_model)
    assert "Withdrawal · Notice period (years)" in text
    assert "Extend to 2042 · Uncertainty cost (%)" in text  # the panel's choice label
    assert "notice years" not in text and "uncertainty cost pct" not in text
    corridor = info_html(_lever(mini_model, "tmfc_corridor"), mini_model)
    assert "Capacity (USD bn)" in corridor and "usd bn" not in corridor


def test_numbers_the_model_does_not_use_are_not_shown_as_effects(mini_model):
    # The flood's output loss, the FDI lever's base tax rate and the certification gap are
    # kept for reference only (catalog.REFERENCE_ONLY_KEYS): the popup listed them under
    # "What it changes in the model".
    for lever, key_label in (
        ("bajio_flood", "Output loss (share)"),
        ("southeast_fdi_incentive", "Base tax rate (%)"),
        ("vocational_ppp", "Certification gap (%)"),
    ):
        text = info_html(_lever(mini_model, lever), mini_model)
        used, _, reference = text.partition("For reference (the model does not use it)")
        assert key_label in reference and key_label not in used, (lever, text)
        assert "What it changes in the model" in used, lever  # its other numbers still are
    corridor = info_html(_lever(mini_model, "tmfc_corridor"), mini_model)
    assert "For reference" not in corridor


def test_a_dotted_key_names_its_region(mini_model):
    text = info_html(_lever(mini_model, "canada"), mini_model)
    assert "Share of the region covered: Canada (share)" in text
    assert "region share" not in text.lower()


def test_spanish_popup_shows_translated_names_units_and_kinds(qtbot, mini_model, language):
    language("es")
    text = info_html(_lever(mini_model, "review_outcome"), mini_model)
    assert "Retiro · Plazo de preaviso (años)" in text
    assert "usd bn" not in text.lower() and "notice" not in text.lower()
    corridor = info_html(_lever(mini_model, "tmfc_corridor"), mini_model)
    assert "Capacidad (miles de millones de USD)" in corridor


# ----- 3. translated source kinds ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "kind"), [("es", "supuesto"), ("fr", "hypothèse")])
def test_source_kinds_are_translated_in_popup_and_dialog(qtbot, mini_model, language, lang, kind):
    language(lang)
    spec = dataclasses.replace(_lever(mini_model, "tmfc_corridor"), source_id="t_assume")
    text = info_html(spec, mini_model)
    assert f"<i>{kind}</i>" in text and "<i>assumption</i>" not in text
    dialog = SourcesDialog(mini_model.sources)
    qtbot.addWidget(dialog)
    kinds = {dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())}
    assert kind in kinds and "assumption" not in kinds


@OFFSCREEN_NOISE
def test_popup_shows_the_texts_through_show_for(qtbot, mini_model, language):
    language("fr")
    popup = LeverInfoPopup()
    qtbot.addWidget(popup)
    popup.show_for(_lever(mini_model, "review_outcome"), mini_model, QPoint(0, 0))
    plain = popup.browser.toPlainText()
    assert "Retrait · Délai de préavis (ans)" in plain
    assert "nan" not in plain.split()
    popup.close()


@OFFSCREEN_NOISE
def test_popup_is_as_tall_as_its_text_up_to_a_cap(qtbot, mini_model):
    # A short lever's popup was a fixed 420 px, a third of it empty.
    popup = LeverInfoPopup()
    qtbot.addWidget(popup)
    heights = {}
    for spec in _all_levers(mini_model):
        lever = spec.id
        popup.show_for(spec, mini_model, QPoint(0, 0))
        QApplication.processEvents()
        bar = popup.browser.verticalScrollBar()
        heights[lever] = popup.height()
        assert POPUP_LEAST_HEIGHT <= popup.height() <= POPUP_MOST_HEIGHT, lever
        # the whole text shows, or the popup is at its cap and scrolls
        assert bar.maximum() == 0 or popup.height() == POPUP_MOST_HEIGHT, lever
        popup.close()
    assert min(heights.values()) < POPUP_MOST_HEIGHT, heights


# ----- 4. the Sources table fits its dialog ------------------------------------------------


def _long_sources(model) -> pd.DataFrame:
    sources = model.sources.copy()
    sources.loc[0, "publisher"] = "A publisher with a very long name, " * 6
    sources.loc[0, "locator"] = "https://example.org/" + "a-very-long-path/" * 12
    return sources


def test_sources_columns_fit_the_default_width(qtbot, mini_model):
    dialog = SourcesDialog(_long_sources(mini_model))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    table = dialog.table
    columns = sum(table.columnWidth(j) for j in range(table.columnCount()))
    assert columns <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    title = SourcesDialog.COLUMNS.index("title")
    assert table.columnWidth(title) >= 250  # the title keeps most of the room


def test_long_source_cells_are_elided_with_the_full_text_in_a_tooltip(qtbot, mini_model):
    sources = _long_sources(mini_model)
    dialog = SourcesDialog(sources)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert not table.wordWrap()
    locator = SourcesDialog.COLUMNS.index("locator")
    tips = {table.item(i, locator).toolTip() for i in range(table.rowCount())}
    assert sources.loc[0, "locator"] in tips


# ----- 5. the bad-file dialog --------------------------------------------------------------


@pytest.fixture
def boxes(monkeypatch):
    """The message boxes show_problems builds, instead of showing them."""
    seen: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        box.show()  # sizes the box as exec would
        QApplication.processEvents()
        seen.append(box)
        box.hide()
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return seen


PROBLEMS = [
    f"levers.warp_drive_{i}: unknown lever; the file names a lever that this model version "
    f"does not have, so it was left out of the scenario"
    for i in range(15)
]


@OFFSCREEN_NOISE
def test_problems_are_listed_one_per_line_in_a_wide_box(qtbot, boxes):
    show_problems(None, "/tmp/bad.usmca.json", PROBLEMS)
    box = boxes[-1]
    listing = box.informativeText()
    assert listing.count("<li>") == dialogs.MAX_LISTED_PROBLEMS
    assert "warp_drive_0" in listing and "… and 3 more" in listing
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert label.width() >= 0.9 * min(dialogs.PROBLEMS_MIN_WIDTH, box.screen().size().width())
    assert box.detailedText().splitlines() == PROBLEMS


@OFFSCREEN_NOISE
def test_problem_dialog_title_and_sentence_are_translated(qtbot, boxes, language):
    language("es")
    show_problems(None, "/tmp/bad.usmca.json", PROBLEMS[:2])
    box = boxes[-1]
    assert box.windowTitle() == "No se puede abrir el escenario"
    assert box.text() == "No se abrió bad.usmca.json; el escenario actual no cambió."


def _all_levers(model):
    catalog = model.catalog
    return [*catalog.levers.values(), *catalog.shocks.values(), *catalog.alignment_specs.values()]


def _lever(model, lever_id):
    return next(spec for spec in _all_levers(model) if spec.id == lever_id)


def test_the_selected_source_shows_in_full_with_its_note(qtbot, model):
    # An assumption has no publisher, year or address: its note, the rationale, is all a
    # reader has to judge it by, and the table had no room for it.
    dialog = SourcesDialog(model.sources)
    qtbot.addWidget(dialog)
    table = dialog.table
    by_id = model.sources.set_index("id")
    notes, kinds = by_id["note"], by_id["kind"]
    assumption = next(
        r for r in range(table.rowCount()) if kinds.get(table.item(r, 0).text()) == "assumption"
    )
    for row in (0, assumption, table.rowCount() - 1):
        table.setCurrentCell(row, 2)
        source = table.item(row, 0).text()
        shown = dialog.detail.text()
        assert html.escape(source) in shown
        note = notes.get(source)
        if isinstance(note, str) and note:
            assert html.escape(note) in shown, source
    table.setCurrentCell(assumption, 0)
    assert "<i>" in dialog.detail.text()  # the rationale is there, not only the title
