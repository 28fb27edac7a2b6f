"""KPI numbers read the same on the cards, in the PDF brief and in the Compare table: the
cards' digits, the language's group and decimal separators, a sign on changes, a tiny change
to its first significant digit (never a "0.0" that says none), "0" for none, and no "-0"."""

from __future__ import annotations

import re

import chart_support
import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from planner.ui import i18n
from planner.ui.compare import CompareDialog
from planner.ui.kpi_area import KpiArea
from planner.ui.kpi_numbers import change_digits, change_text, value_text
from planner.ui.report import write_report
from planner.ui.translations_build import build_translations

model, flood_results = chart_support.model, chart_support.flood_results
pytestmark = pytest.mark.gui

LANGUAGES = ["en", "es", "fr"]
NEGATIVE_ZERO = re.compile(r"^[-\u2212]0([.,]0*)?$")


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture(scope="module")
def tariff_banded(model):
    """The tariff scenario with bands: its landed cost lies outside its own p10-p90."""
    return chart_support.run(model, "us_tariff_25_non_usmca", draws=200)


def _locale(lang: str) -> QLocale:
    return QLocale(i18n.LANGUAGES[lang][1])


def _table(info, labels: list[str]) -> dict[str, list[str]]:
    """The brief's KPI table: each indicator label's five cells after it (unit, baseline,
    scenario, change, p10-p90), from the first table (the pinned one comes later)."""
    drawn = info.drawn
    return {label: drawn[drawn.index(label) + 1 : drawn.index(label) + 6] for label in labels}


# --- the rules ------------------------------------------------------------------------------


def test_values_take_the_locale_grouping_and_never_a_negative_zero():
    assert value_text(422894.84, 0, _locale("en")) == "422,895"
    assert value_text(422894.84, 0, _locale("es")) == "422,895"
    fr = _locale("fr")
    assert value_text(422894.84, 0, fr) == f"422{fr.groupSeparator()}895"
    assert value_text(101.4029, 1, fr) == "101,4"
    for lang in LANGUAGES:
        assert value_text(-0.001, 2, _locale(lang)) in ("0.00", "0,00")
        assert value_text(-0.4, 0, _locale(lang)) == "0"
        assert value_text(-2.25, 1, _locale(lang)).lstrip("-\u2212") in ("2.2", "2,2", "2.3", "2,3")


def test_changes_carry_a_sign_and_a_tiny_one_its_first_significant_digit():
    en = _locale("en")
    assert change_text(1.4029, 1, en) == "+1.4"
    assert change_text(-26.72, 0, en) == "-27"
    assert change_text(0.0, 1, en) == "0"
    assert change_text(-0.0, 2, en) == "0"
    assert change_text(0.001583, 1, en) == "+0.002"  # the flood's landed cost, 2027
    assert change_text(-0.000423, 2, en) == "-0.0004"
    assert change_text(0.00096, 2, en) == "+0.001"  # rounds up to one significant digit
    assert change_text(0.04067, 0, en) == "+0.04"
    assert change_text(-0.004, 2, en, signed=False) == "0.004"
    assert change_text(0.001583, 1, _locale("fr")) == "+0,002"
    assert change_digits(1.5, 1) == 1 and change_digits(0.0016, 1) == 3
    assert change_digits(0.0, 2) == 2 and change_digits(float("nan"), 2) == 2


# --- the brief reads as the cards -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("scenario", "lens", "year"),
    [
        ("tariff", "us_manufacturer", 2036),
        ("tariff", "analyst", 2036),
        ("flood", "us_manufacturer", 2027),
        ("flood", "mx_sme", 2036),
    ],
)
def test_brief_kpi_table_writes_each_number_as_its_card(
    qtbot, model, flood_results, tariff_banded, tmp_path, language, lang, scenario, lens, year
):
    results = tariff_banded if scenario == "tariff" else flood_results
    language(lang)
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.set_year(year)
    area.set_results(results, {}, lens=lens)
    info = write_report(tmp_path / "brief.pdf", model, results, lens=lens, year=year, language=lang)
    rows = area.lens_rows()
    table = _table(info, [row[f"label_{lang}"] or row["label_en"] for row in rows])
    for row in rows:
        card = area.cards[row["id"]]
        _unit, base, value, change, band = table[row[f"label_{lang}"] or row["label_en"]]
        assert value == card.value.text(), (row["id"], value, card.value.text())
        delta_line = QCoreApplication.translate("KpiCards", "{delta} vs baseline ({base})")
        assert delta_line.format(delta=change, base=base) == card.delta.text(), row["id"]
        if card.band.isVisibleTo(card):
            low, high = band.removesuffix(" *").split(" – ")
            band_line = QCoreApplication.translate("KpiCards", "p10–p90: {low} to {high}")
            assert band_line.format(low=low, high=high) == card.band.text()
            # The star and the card's note go together.
            assert band.endswith(" *") == card.band_note.isVisibleTo(card), row["id"]
        for text in (value, base, change, *band.removesuffix(" *").split(" – ")):
            assert not NEGATIVE_ZERO.match(text), (row["id"], text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_brief_groups_thousands_in_its_language_whatever_the_default_locale(
    qtbot, model, flood_results, tmp_path, language, lang
):
    """The reviewer's "422895", "756603", "2158": a brief written where the default locale
    is C (a script, no language set up) still writes its language's numbers."""
    language(lang)
    QLocale.setDefault(QLocale.c())
    info = write_report(
        tmp_path / "b.pdf", model, flood_results, lens="mx_sme", year=2036, language=lang
    )
    group = _locale(lang).groupSeparator()
    assert f"422{group}895" in info.drawn  # South-Southeast export jobs
    assert f"756{group}603" in info.drawn  # Mexico's exports
    assert "422895" not in info.drawn and "756603" not in info.drawn
    assert any(f"(0–10{group}000)" in text for text in info.drawn)  # the HHI's unit
    us = write_report(
        tmp_path / "u.pdf", model, flood_results, lens="us_manufacturer", year=2027, language=lang
    )
    assert f"2{group}158" in us.drawn
    decimal = _locale(lang).decimalPoint()
    label = model.kpis.set_index("id").at["us_landed_cost_index", f"label_{lang}"]
    landed = _table(us, [label])[label]
    assert landed[1:3] == [f"100{decimal}0", f"100{decimal}0"]
    assert re.fullmatch(rf"\+0{re.escape(decimal)}0*[1-9]", landed[3]), landed  # not "0.0"


def test_brief_pinned_table_writes_each_value_with_its_own_digits(
    qtbot, model, flood_results, tariff_banded, tmp_path, language
):
    language("en")
    info = write_report(
        tmp_path / "p.pdf",
        model,
        tariff_banded,
        {"A": flood_results},
        lens="us_manufacturer",
        year=2027,
    )
    # The flood's landed cost, 100.0016, in the pinned column: its change is no "0.0"; the
    # effective tariff a hair lower is no "-0.00".
    assert any(re.fullmatch(r"100\.0 \(\+0\.0*[1-9]\)", text) for text in info.drawn)
    assert any(re.fullmatch(r"8\.36 \(-0\.00+[1-9]\)", text) for text in info.drawn)


# --- the Compare table ----------------------------------------------------------------------


def test_compare_shows_a_tiny_change_and_exactly_none_as_the_cards_do(
    qtbot, model, flood_results, language
):
    language("en")
    dialog = CompareDialog(
        model, flood_results, {"A": flood_results}, lens="us_manufacturer", year=2027
    )
    qtbot.addWidget(dialog)
    frame = dialog.frame()
    r = list(frame["id"]).index("us_landed_cost_index")
    assert [dialog.table.item(r, c).text() for c in range(2, 4)] == ["100.0", "100.0"]
    # The change, then the word for the stakeholder (a higher landed cost is worse).
    assert re.fullmatch(r"\+0\.0*[1-9] worse", dialog.table.item(r, 4).text())
    t = list(frame["id"]).index("us_effective_tariff_mx_ca_pct")
    assert re.fullmatch(r"-0\.00+[1-9] better", dialog.table.item(t, 4).text())
    assert dialog.table.item(t, 4).foreground().color().name().lower() != (
        dialog.palette().color(dialog.palette().ColorRole.WindowText).name().lower()
    )
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2036))  # the flood is over
    assert dialog.table.item(r, 4).text() == "0"
    texts = [
        dialog.table.item(i, c).text()
        for i in range(dialog.table.rowCount())
        for c in range(2, dialog.table.columnCount())
    ]
    assert not any(NEGATIVE_ZERO.match(t) for t in texts)
