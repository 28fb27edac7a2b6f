"""The fast axis' ``paint``: an AxisItem drawn straight onto the painter it is given (the item
cache's) rather than recorded into a QPicture and played back, wherever the two give the same
pixels.  fast_axis.speed_up installs it with the rest.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPaintEngine, QPainter, QPicture

import pyqtgraph as pg  # isort: skip


class _Drawn:
    """What ``paint`` keeps in ``axis.picture`` in place of pyqtgraph's QPicture: the specs it
    drew (pyqtgraph sets ``picture`` to None whenever the axis must be laid out again)."""

    __slots__ = ("specs",)

    def __init__(self, specs: tuple | None) -> None:
        self.specs = specs


def paint(axis: Any, p: QPainter, opt: Any = None, widget: Any = None) -> None:
    """pyqtgraph's AxisItem.paint drawing straight onto ``p``.

    pyqtgraph records the axis into a QPicture and plays the picture onto ``p``: the axis is
    drawn twice over, and the axes are item-cached (``ChartPanel.cache_item``), so ``paint``
    only runs when the axis changed and the picture is never played a second time.  The
    same commands go straight to ``p`` inside save/restore, as ``QPicture.play`` does; the
    laid-out specs are kept in ``axis.picture`` for a repaint without a change.

    Only on a raster device of the QPicture's resolution (the screen, the item caches,
    image exports): played on another (an SVG or PDF file), a picture scales its text from
    the resolution it was recorded at, so those keep pyqtgraph's own way."""
    drawn = axis.picture
    if not _same_pixels_as_a_picture(p):
        if isinstance(drawn, _Drawn):
            axis.picture = None  # pyqtgraph's paint records (and keeps) its own picture
        pg.AxisItem.paint(axis, p, opt, widget)
        return
    p.save()
    try:
        if axis.style["tickFont"]:
            p.setFont(axis.style["tickFont"])
        if not isinstance(drawn, _Drawn):
            drawn = _Drawn(axis.generateDrawSpecs(p))
            axis.picture = drawn
        if drawn.specs is not None:
            axis.drawPicture(p, *drawn.specs)
    finally:
        p.restore()


_PICTURE_DPI: tuple[int, int] | None = None


def _same_pixels_as_a_picture(p: QPainter) -> bool:
    """Whether drawing on ``p`` directly gives what recording a QPicture and playing it on
    ``p`` gives: a raster paint engine on a device of the picture's resolution."""
    global _PICTURE_DPI
    engine, device = p.paintEngine(), p.device()
    if engine is None or device is None or engine.type() != QPaintEngine.Type.Raster:
        return False
    if _PICTURE_DPI is None:
        picture = QPicture()
        _PICTURE_DPI = (picture.logicalDpiX(), picture.logicalDpiY())
    return (device.logicalDpiX(), device.logicalDpiY()) == _PICTURE_DPI
