"""Light and dark themes that follow the system colour scheme (QStyleHints.colorScheme).

Fusion draws the same on every platform and takes a full palette, so one stylesheet
(resources/themes/planner.qss, written against ``palette(...)`` roles) serves both schemes.
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
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6d7077"))
    return p


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
        app.setPalette(_dark_palette() if is_dark() else _light_palette())
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
