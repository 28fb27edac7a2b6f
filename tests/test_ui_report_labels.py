"""The PDF brief as a reader sees it: light charts on paper whatever the screen theme, the
lever panel's own labels for what a scenario switches on, a date nobody can misread, and
no "nan" for a source's missing details."""

from __future__ import annotations

import dataclasses
import re

import chart_support
import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from planner.ui import i18n, report, theme
from planner.ui.charts.base import ChartInput
from planner.ui.dashboard import CHART_GRID, lens_country
from planner.ui.report import write_report
from planner.ui.translations_build import build_translations

model, run = chart_support.model, chart_support.run
pytestmark = pytest.mark.gui


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture
def dark_theme(qapp, monkeypatch):
    """The app themed as on a dark system, the way the reviewer saw it (theme.is_dark)."""
    palette, sheet = QPalette(qapp.palette()), qapp.styleSheet()
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    theme.apply_theme(qapp)
    yield
    # Back to light (which also resets the per-class palettes of the dark theme), then to
    # exactly what the other tests had.
    monkeypatch.setattr(theme, "is_dark", lambda: False)
    theme.apply_theme(qapp)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def _active_lines(info: report.ReportInfo) -> str:
    return "\n".join(s for s in info.drawn if s.startswith("• "))


def _light_share(image) -> float:
    """The share of an image's pixels that are light (as paper is)."""
    image = image.convertToFormat(image.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    grey = pixels[:, : image.width(), :3].mean(axis=2)
    return float((grey > 200).mean())


# --- 1. charts on paper ------------------------------------------------------------------


def test_brief_charts_are_light_in_dark_mode(qtbot, model, dark_theme):
    results = run(model, "us_manufacturer_dual_sourcing")
    lens = "us_manufacturer"
    data = ChartInput(results, {}, lens, lens_country(model, lens), True, 0)
    images = report._chart_images(model, data)
    assert len(images) == len(CHART_GRID)
    for title, image in images:
        assert _light_share(image) > 0.7, title
        # The title's text is dark: its darkest pixels are near black, not the screen's grey.
        top = image.copy(0, 0, image.width(), 30)
        assert min(top.pixelColor(x, y).lightness() for x in range(0, 400) for y in range(30)) < 80


def test_brief_leaves_the_screen_theme_alone(qtbot, model, dark_theme, tmp_path):
    """The paper colours go to the brief's own charts only: the app and a window chart
    made afterwards still wear the dark theme."""
    before = QApplication.palette().color(QPalette.ColorRole.Base)
    write_report(tmp_path / "brief.pdf", model, run(model, "baseline"))
    assert QApplication.palette().color(QPalette.ColorRole.Base) == before
    chart = CHART_GRID[0][1](model)
    qtbot.addWidget(chart)
    assert chart.colours.dark


# --- 2. what the scenario switches on ------------------------------------------------------


def test_settings_read_as_the_lever_panel_labels_them_in_english(qtbot, model, tmp_path):
    info = write_report(tmp_path / "a.pdf", model, run(model, "us_manufacturer_dual_sourcing"))
    text = _active_lines(info)
    assert "Weeks of cover: 4" in text
    assert "Share moved: 30\u00a0%" in text
    assert "Tariff rate: 25\u00a0% · Start year: 2026" in text
    reviews = write_report(
        tmp_path / "b.pdf", model, run(model, "analyst_annual_reviews_diversification")
    )
    text += "\n" + _active_lines(reviews)
    assert "• Central America: Free-trade agreement" in text
    assert "Outcome: Annual reviews" in text
    for raw in ("weeks =", "share_pct", "rate_pct", "start_year", ": fta", "annual_reviews"):
        assert raw not in text


def test_settings_read_in_spanish_and_french(qtbot, model, tmp_path, language):
    results = run(model, "analyst_annual_reviews_diversification")
    assert language("es")
    text = _active_lines(write_report(tmp_path / "es.pdf", model, results, language="es"))
    assert "• Centroamérica: Tratado de libre comercio" in text
    assert "Resultado: Revisiones anuales" in text
    assert language("fr")
    text = _active_lines(write_report(tmp_path / "fr.pdf", model, results, language="fr"))
    # French typography: a space before the colon, as the other French strings have it.
    assert "• Amérique centrale : Accord de libre-échange" in text
    assert "Issue : Examens annuels" in text


def test_setting_numbers_follow_the_language_locale(qtbot, model, language):
    """A number with decimals takes the locale's decimal separator (a comma in French), and
    a share reads in per cent, as in the lever panel."""
    rate = model.catalog.levers["southeast_fdi_incentive"].params["rate_cut_pct"]
    assert language("fr")
    assert report._value_text(rate, 12.5, model, "fr") == "12,5\u00a0%"
    assert language("en")
    assert report._value_text(rate, 12.5, model, "en") == "12.5\u00a0%"
    scenario = run(model, "tmfc_corridor_e_customs").scenario
    text = "\n".join(report._active_settings(model, scenario, "en")[0])
    assert "Coverage of crossings: 100\u00a0%" in text
    assert "intensity" not in text and "coverage" not in text


# --- 3. the date -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_brief_date_has_a_four_digit_year_in_every_language(qtbot, model, tmp_path, lang, language):
    assert language(lang)
    results = run(model, "baseline")
    info = write_report(tmp_path / "brief.pdf", model, results, language=lang)
    header = next(s for s in info.drawn if str(results.model_fingerprint)[:19] in s)
    today = QDate.currentDate()
    assert str(today.year()) in header.rsplit("·", 1)[-1]
    locale = QLocale(i18n.LANGUAGES[lang][1])
    assert locale.toString(today, QLocale.FormatType.ShortFormat) not in header
    assert locale.monthName(today.month()) in header
    assert not re.search(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b", header)


# --- 4. sources ---------------------------------------------------------------------------


def test_missing_source_details_print_as_nothing():
    sources = pd.DataFrame(
        {
            "title": ["A study", "A table", "A note"],
            "publisher": [np.nan, "Statistics office", None],
            "year": [2019.0, np.nan, np.nan],  # a year column with gaps reads as floats
            "locator": [pd.NA, "https://example.org/t", "  "],
        },
        index=["S1", "S2", "S3"],
    )
    texts = [report._source_text(sid, row) for sid, row in sources.iterrows()]
    assert texts == [
        "[S1] A study. 2019",
        "[S2] A table. Statistics office. https://example.org/t",
        "[S3] A note",
    ]


def test_brief_sources_print_no_nan(qtbot, model, tmp_path):
    """Also when the database hands the years back as floats (a column with gaps)."""
    sources = model.sources.assign(year=model.sources["year"].astype("float64"))
    floats = dataclasses.replace(model, sources=sources)
    info = write_report(tmp_path / "brief.pdf", floats, run(model, "baseline"))
    listed = [s for s in info.drawn if s.startswith("[")]
    assert len(listed) >= len(model.sources)
    for text in listed:
        assert not re.search(r"\b(nan|None|<NA>)\b", text), text
        assert not re.search(r"\b\d{4}\.0\b", text), text
