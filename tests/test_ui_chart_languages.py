"""Charts read in English, Spanish and French: tile labels fit their tiles, axis titles and
chart titles fit their panels, the review timeline's labels and event list speak the
interface language, and the dashboard never makes a 1600 px window wider in any language."""

from __future__ import annotations

import chart_support
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from planner.ui import i18n
from planner.ui.charts import base
from planner.ui.charts.label_layout import TitleLabel
from planner.ui.dashboard import Dashboard
from planner.ui.i18n import set_language

model, tariff_results = chart_support.model, chart_support.tariff_results
pytestmark = pytest.mark.gui
LANGUAGES = ("en", "es", "fr")
# The dashboard's share of the 1600 px screenshot: docks of 380 and 330 px and their handles.
DASHBOARD_WIDTH_AT_1600 = 1600 - 380 - 330 - 12


@pytest.fixture(scope="module")
def partners_results(model):
    """Alignments with two partners: the event list names their options."""
    return chart_support.run(model, "mexico_diversifies_partners")


@pytest.fixture
def board_in(qtbot, model):
    """A dashboard at the screenshot's size in a language (English again afterwards)."""
    boards = []

    def make(lang: str, width: int = DASHBOARD_WIDTH_AT_1600) -> Dashboard:
        assert set_language(lang)
        board = Dashboard(model=model)
        qtbot.addWidget(board)
        board.resize(width, 915)
        board.show()
        qtbot.waitExposed(board)
        boards.append(board)
        return board

    yield make
    set_language("en")


def scene_rect(item):
    return item.mapRectToScene(item.boundingRect())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [DASHBOARD_WIDTH_AT_1600, 700])
def test_region_tile_labels_fit_their_tiles(board_in, partners_results, lang, width):
    board = board_in(lang, width)
    board.set_results(partners_results, {}, lens="analyst")
    QApplication.processEvents()
    chart = board.charts["region_tiles"]
    for label, tile in zip(chart.labels, chart.tiles, strict=True):
        text = scene_rect(label.textItem)
        box = scene_rect(tile)
        assert text.width() <= box.width() and box.contains(text), label.toPlainText()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sector_axis_title_fits_its_axis(board_in, tariff_results, lang):
    board = board_in(lang)
    board.set_results(tariff_results, {}, lens="analyst")
    QApplication.processEvents()
    axis = board.charts["sector_bars"].plot.getAxis("bottom")
    assert axis.label.boundingRect().width() <= axis.width()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dashboard_fits_the_1600_px_window(board_in, partners_results, lang):
    board = board_in(lang)
    board.set_results(partners_results, {}, lens="analyst")
    QApplication.processEvents()
    assert board.minimumSizeHint().width() <= DASHBOARD_WIDTH_AT_1600
    for chart in board.charts.values():
        title = chart.title_label
        assert isinstance(title, TitleLabel)
        assert not title.is_elided(), title.text()  # whole at the screenshot's size


def test_a_title_too_long_for_its_panel_ends_in_an_ellipsis(qtbot):
    title = TitleLabel()
    qtbot.addWidget(title)
    title.setText("A title far too long for the narrow panel it sits in, 2036")
    title.resize(120, 20)
    title.show()
    qtbot.waitExposed(title)
    assert title.minimumSizeHint().width() == 0
    assert title.is_elided() and title.toolTip() == title.text()
    assert title.text().endswith("2036")  # reports and exports read the whole title
    title.resize(800, 20)
    assert not title.is_elided() and title.toolTip() == ""


@pytest.mark.parametrize(
    ("lang", "expected", "option"),
    [
        ("en", "First USMCA joint review", "Deepen ties"),
        ("es", "1.ª revisión conjunta", "Profundizar lazos"),
        ("fr", "1re révision conjointe", "Approfondir les liens"),
    ],
)
def test_timeline_speaks_the_interface_language(board_in, partners_results, lang, expected, option):
    board = board_in(lang)
    board.set_results(partners_results, {}, lens="analyst")
    QApplication.processEvents()
    chart = board.charts["timeline"]
    shown = [label for label in chart.calendar_labels if label.isVisible()]
    texts = [label.toPlainText() for label in shown]
    assert expected in texts
    assert len(shown) == len(chart.calendar_labels), texts  # every key milestone labelled
    rects = [scene_rect(label) for label in shown]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), texts
    events = chart.event_list.text()
    assert option in events
    assert ": deepen" not in events and ": fta" not in events  # option labels, not ids


@pytest.mark.parametrize(("lang", "name"), [("es", "Medio Oeste de EE. UU."), ("fr", "Nord")])
def test_corridor_names_speak_the_interface_language(board_in, tariff_results, lang, name):
    board = board_in(lang)
    board.set_results(tariff_results, {}, lens="us_manufacturer")
    QApplication.processEvents()
    chart = board.charts["corridor_map"]
    assert name in [label.toPlainText() for label in chart.node_labels]


def test_numbers_follow_a_language_switch(qtbot):
    """Chart numbers are formatted in the locale of the interface language, after each switch."""
    try:
        assert set_language("en")
        assert base.fmt_signed(1234.5) == "+1,234.5"
        # A change below the last digit reads to its first significant digit (a bar the
        # chart draws never reads "0.0"), up to four places more; round-off below those
        # reads as an unsigned zero, not "-0.00" or "+0.0".
        assert base.fmt_signed(-0.001, 2) == "-0.001" and base.fmt_signed(0.04) == "+0.04"
        assert base.fmt_signed(-0.023) == "-0.02" and base.fmt_signed(0.3, 0) == "+0.3"
        assert base.fmt_signed(4e-6) == "0.0" and base.fmt_signed(-1e-12, 2) == "0.00"
        assert base.fmt_signed(-0.06) == "-0.1" and base.fmt_signed(0.05, 1) == "+0.1"
        # A hover value that rounds to zero has no minus sign (no "-0.0").
        assert base.fmt_number(-0.01) == "0.0" and base.fmt_number(-0.004, 2) == "0.00"
        assert base.fmt_number(-0.06) == "-0.1"
        for lang in ("es", "fr", "en"):
            assert set_language(lang)
            locale = QLocale(i18n.LANGUAGES[lang][1])
            assert base.fmt_signed(1234.5) == "+" + locale.toString(1234.5, "f", 1)
            assert base.fmt_signed(-2.25, 2) == locale.toString(-2.25, "f", 2)
            assert base.fmt_number(0.5, 0) == locale.toString(0.5, "f", 0)
        assert set_language("fr")
        assert "," in base.fmt_number(1.5)  # French decimals take a comma
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("lang", "colon", "option"),
    [("en", ": ", "Deepen ties"), ("es", ": ", "Profundizar lazos"), ("fr", " : ", "Approfondir")],
)
def test_a_label_and_its_value_follow_the_languages_typography(
    board_in, partners_results, lang, colon, option
):
    """French puts a space before a colon: the event list, the timeline's and the charts'
    read-outs write "label : value" in French, "label: value" in English and Spanish."""
    board = board_in(lang)
    board.set_results(partners_results, {}, lens="analyst")
    QApplication.processEvents()
    assert f"{colon}{option}" in board.charts["timeline"].event_list.text()
    welfare = board.charts["welfare"].hover_text(0.0, 0.0)
    trade = board.charts["trade_over_time"].hover_text(2030.0, 0.0)
    assert trade.startswith(f"2030{colon}")
    assert colon in welfare
    if colon == ": ":
        assert " : " not in welfare + trade
