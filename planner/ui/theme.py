"""Light and dark themes that follow the system colour scheme (QStyleHints.colorScheme).

Fusion draws the same on every platform and takes a full palette, so one stylesheet
(resources/themes/planner.qss, written against ``palette(...)`` roles) serves both schemes.
In the dark scheme a few control classes get their own palette so that their frames show.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from planner.paths import resources_dir


def _dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202225",
        role.WindowText: "#e6e6e6",
        role.Base: "#17181a",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#2b2d31",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#9a9ea6",
        role.Text: "#e6e6e6",
        role.Button: "#2b2d31",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#3a3d42",
        role.Midlight: "#303236",
        role.Mid: "#4a4d52",
        role.Dark: "#111214",
        role.Shadow: "#000000",
        role.Highlight: "#3d8fd1",
        role.HighlightedText: "#ffffff",
        role.Link: "#56B4E9",
        role.LinkVisited: "#CC79A7",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    # A switched-off lever disables its controls: Fusion then paints them from this group,
    # so it must be muted (a grey slider fill, a flat handle, grey text), as the light
    # palette's Disabled group is, or disabled sliders stay bright blue and look live.
    disabled = {
        role.WindowText: "#6d7077",
        role.Text: "#6d7077",
        role.ButtonText: "#6d7077",
        role.Highlight: "#4f535a",
        role.HighlightedText: "#9a9ea6",
        role.Button: "#25272a",
        role.Base: "#1c1d20",
        role.Light: "#2e3034",
        role.Midlight: "#2a2c30",
    }
    for r, colour in disabled.items():
        p.setColor(group.Disabled, r, QColor(colour))
    return p


# Fusion draws the frame of a check box, line edit, spin box and slider groove in the
# widget's window colour darkened by 40 %: on the dark window that is near black, so an
# unchecked box, the filter box and a groove vanish.  These widgets never fill their own
# background with the window colour, so giving their classes a palette with a lighter
# window colour lightens only those frames.  Class palettes are app-wide and set once per
# theme change: no work per widget or per repaint.
_FRAMED_CLASSES = ("QCheckBox", "QLineEdit", "QAbstractSpinBox", "QSlider")
_DARK_FRAME_WINDOW = {  # colour group -> window colour whose darker(140) is the frame
    QPalette.ColorGroup.Active: "#a3a8b1",
    QPalette.ColorGroup.Inactive: "#a3a8b1",
    QPalette.ColorGroup.Disabled: "#6a6e76",
}


def _framed_palette(palette: QPalette) -> QPalette:
    """``palette`` with the window colour that gives Fusion's frames contrast in the dark."""
    framed = QPalette(palette)
    for group, colour in _DARK_FRAME_WINDOW.items():
        framed.setColor(group, QPalette.ColorRole.Window, QColor(colour))
    return framed


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Link, QColor("#0072B2"))
    return p


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> None:
    """Fusion, the palette of the system's scheme, and the app stylesheet."""
    sheet = resources_dir() / "themes" / "planner.qss"
    text = sheet.read_text(encoding="utf-8") if sheet.exists() else ""
    # A new style, palette or stylesheet makes Qt walk a copy of the list of every widget
    # and re-polish each one, calling into Python overrides on the way.  Should the garbage
    # collector run inside one of those calls and free a Python-owned widget further down
    # the list, Qt would then touch freed memory (a crash seen once in CI).  So garbage goes
    # first, and no collection runs during the walk.
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        app.setStyle("Fusion")
        dark = is_dark()
        palette = _dark_palette() if dark else _light_palette()
        app.setPalette(palette)
        # Always set, so that a switch back to light replaces the dark class palettes.
        framed = _framed_palette(palette) if dark else palette
        for name in _FRAMED_CLASSES:
            app.setPalette(framed, name)
        app.setStyleSheet(text)
    finally:
        if collecting:
            gc.enable()


_FOLLOWING = "plannerFollowsSystemTheme"


def follow_system_theme(app: QApplication) -> None:
    """Apply the theme now and again whenever the system switches light/dark (once per
    application: opening a second window in the same process re-polishes nothing)."""
    if app.property(_FOLLOWING):
        return
    app.setProperty(_FOLLOWING, True)
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
