"""The dark theme's disabled and outlined controls, and shares stored 0..1 shown in per cent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QSlider, QVBoxLayout, QWidget

import planner.ui.theme as theme
from planner.model.catalog import ParamSpec
from planner.ui.i18n import set_language
from planner.ui.param_controls import NumberControl, display_scale, number_text

_CLASSES = ("QCheckBox", "QLineEdit", "QAbstractSpinBox", "QSlider")


@pytest.fixture
def themed(qapp, monkeypatch):
    """``themed(dark)`` applies the app's theme in that scheme; the app's look is restored."""
    saved = (
        qapp.style().name(),
        QPalette(qapp.palette()),
        {name: QPalette(QApplication.palette(name)) for name in _CLASSES},
        qapp.styleSheet(),
    )

    def apply(dark: bool) -> None:
        monkeypatch.setattr(theme, "is_dark", lambda: dark)
        theme.apply_theme(qapp)

    yield apply
    style, palette, class_palettes, sheet = saved
    qapp.setStyle(style)
    qapp.setPalette(palette)
    for name, class_palette in class_palettes.items():
        qapp.setPalette(class_palette, name)
    qapp.setStyleSheet(sheet)


def _on_window(qtbot, widget: QWidget) -> QWidget:
    """``widget`` on a host that paints the window colour, as the lever rows do."""
    host = QWidget()
    host.setAutoFillBackground(True)
    QVBoxLayout(host).addWidget(widget)
    qtbot.addWidget(host)
    host.resize(200, 60)
    host.show()
    qtbot.waitExposed(host)
    return host


def _pixels(widget: QWidget) -> list[QColor]:
    image: QImage = widget.grab().toImage()
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def _strongest_contrast(widget: QWidget, background: QColor) -> int:
    """The largest lightness step between any pixel of ``widget`` and ``background``."""
    return max(abs(c.lightness() - background.lightness()) for c in _pixels(widget))


def _groove_fill(slider: QSlider) -> QColor:
    """A pixel of the filled groove, left of the handle (the slider sits at its maximum)."""
    image = slider.grab().toImage()
    return image.pixelColor(slider.width() // 4, slider.height() // 2)


def _is_bluish(colour: QColor) -> bool:
    return colour.blue() - colour.red() > 60


def test_the_dark_theme_mutes_a_disabled_slider(qtbot, themed):
    themed(True)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 10)
    slider.setValue(10)
    host = _on_window(qtbot, slider)  # the slider lives as long as its host
    assert _is_bluish(_groove_fill(slider))  # the live fill is the highlight
    slider.setEnabled(False)
    muted = _groove_fill(slider)
    assert not _is_bluish(muted), muted.name()  # a switched-off lever must not look live
    host.close()


def test_the_dark_palette_greys_disabled_text_and_mutes_the_handle(themed):
    themed(True)
    palette = QApplication.palette()
    group, role = QPalette.ColorGroup, QPalette.ColorRole
    for r in (role.Text, role.WindowText, role.ButtonText):
        assert palette.color(group.Disabled, r) != palette.color(group.Active, r)
    assert palette.color(group.Disabled, role.Button) != palette.color(group.Active, role.Button)


@pytest.mark.parametrize("make", [QCheckBox, QLineEdit], ids=["check box", "line edit"])
def test_the_dark_theme_outlines_check_boxes_and_line_edits(qtbot, themed, make):
    themed(True)
    widget = make()
    host = _on_window(qtbot, widget)
    window = host.palette().color(QPalette.ColorRole.Window)
    # The old frame was the window colour darkened by 40 %: 7 steps of lightness away.
    assert _strongest_contrast(widget, window) > 60


def test_the_light_theme_keeps_fusions_own_frames(qtbot, themed):
    themed(True)
    themed(False)  # the system switched back: no dark frame colours linger
    palette = QApplication.palette()
    for name in _CLASSES:
        assert QApplication.palette(name) == palette, name


SHARE = ParamSpec("coverage", "number", 0, 1, 1, 0.1, "share")


def test_only_shares_stored_as_0_to_1_scale_to_per_cent():
    assert display_scale(SHARE) == 100
    assert display_scale(ParamSpec("rate_pct", "number", 0, 100, 25, 1, "%")) == 1
    assert display_scale(ParamSpec("weight", "number", 0, 5, 1, 0.5, "share")) == 1
    assert display_scale(ParamSpec("index", "number", 0, 1, 1, 0.1, "index")) == 1


def test_a_share_control_shows_per_cent_and_emits_the_stored_share(qtbot):
    control = NumberControl(SHARE)
    qtbot.addWidget(control)
    control.retranslate()
    control.set_value(1.0)
    assert control.spin.text() == "100 %"
    assert control.slider.value() == control.slider.maximum()
    seen: list[tuple[object, str]] = []
    control.edited.connect(lambda value, how: seen.append((value, how)))
    control.spin.setValue(50)
    assert seen == [(0.5, "spin")]
    assert control.value() == 0.5
    assert control.slider.value() == 5
    control.slider.setValue(3)  # a keyboard step: one edit at once
    assert seen[-1] == (0.3, "slider0")
    assert control.spin.text() == "30 %"
    control.spin.lineEdit().setText("45 %")  # typed, then Enter
    control.spin.interpretText()
    assert seen[-1] == (0.45, "spin")


@pytest.mark.parametrize(("language", "text"), [("es", "50.5 %"), ("fr", "50,5 %")])
def test_a_fine_share_follows_the_locale(qtbot, qapp, language, text):
    spec = ParamSpec("share", "number", 0, 1, 0.5, 0.005, "share")
    control = NumberControl(spec)
    qtbot.addWidget(control)
    try:
        set_language(language)
        control.retranslate()
        control.set_value(0.505)
        assert control.spin.text() == text
        assert control.value() == 0.505
    finally:
        set_language("en")


def test_the_panel_shows_a_share_in_per_cent_and_stores_it_as_0_to_1(window, document):
    row = window.lever_panel.row("e_customs")
    row.switch.click()
    control = row.controls["coverage"]
    assert control.spin.text() == "100 %"
    control.spin.setValue(50)
    assert document.scenario.levers["e_customs"].params["coverage"] == 0.5
    assert control.spin.text() == "50 %"
    document.undo_stack.undo()
    assert control.spin.text() == "100 %"
    document.undo_stack.redo()
    assert document.scenario.levers["e_customs"].params["coverage"] == 0.5
    assert control.slider.value() == 5


def test_number_text_reads_like_the_spin_box():
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert number_text(SHARE, 0.3, french) == "30 %"
    assert number_text(ParamSpec("cut", "number", 0, 12, 12, 0.5, "%"), 7.5, french) == "7,5 %"
