"""Ink that reads on a fill: black or white, by the WCAG 2 contrast ratio."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def legible_ink(fill: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``fill`` (WCAG contrast ratio).

    HSL lightness misjudges saturated colours: the strong blue at the top of the scale has
    lightness 0.5 but luminance 0.11, so black text on it reached only 3.3:1, against 6.4:1
    for white.
    """
    luminance = _relative_luminance(fill)
    on_black = (luminance + 0.05) / 0.05
    on_white = 1.05 / (luminance + 0.05)
    return QColor("black") if on_black >= on_white else QColor("white")
