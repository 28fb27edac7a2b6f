"""TileText: a region tile's label lines drawn from shared QTextLayouts, standing in for a
pg.TextItem's rich text item (``tile_label`` makes such a TextItem)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextLayout, QTextLine
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

import pyqtgraph as pg  # isort: skip

TEXT_MARGIN_PX = 1.0  # around a label's text (the tile is the margin)


def anchor_text(label: pg.TextItem) -> None:
    """``TextItem.updateTextPos`` (the text placed by its anchor) in plain floats: the same
    position without pyqtgraph's Point arithmetic, for the five labels of every toggle."""
    text = label.textItem
    rect = text.boundingRect()
    size = text.mapToParent(rect.bottomRight()) - text.mapToParent(rect.topLeft())
    anchor = label.anchor
    text.setPos(-(size.x() * anchor[0]), -(size.y() * anchor[1]))


# (font key, text) -> a line laid out in that font, shared by every tile: drawing a layout
# does not change it.
_LAID_OUT: dict[tuple[str, str], tuple[QTextLayout, QTextLine]] = {}
MAX_LAID_OUT = 512  # lines remembered before starting afresh


def laid_out_line(
    font: QFont, text: str, font_key: str | None = None
) -> tuple[QTextLayout, QTextLine]:
    """``text`` as one line in ``font`` (remembered); ``font_key`` is ``font.key()`` when the
    caller knows it already."""
    key = (font.key() if font_key is None else font_key, text)
    laid_out = _LAID_OUT.get(key)
    if laid_out is None:
        if len(_LAID_OUT) >= MAX_LAID_OUT:
            _LAID_OUT.clear()  # the tiles keep the layouts they show
        layout = QTextLayout(text, font)
        layout.setCacheEnabled(True)  # drawn again whenever the tile repaints
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)  # one line, however long (the labels are fitted before)
        layout.endLayout()
        laid_out = _LAID_OUT[key] = (layout, line)
    return laid_out


class TileText(QGraphicsItem):
    """A tile label's lines, the first in bold, drawn as a QGraphicsTextItem draws the rich
    text ``<b>name</b><br>pct<br>usd`` at one font size with a document margin of
    TEXT_MARGIN_PX: each line laid out by its own QTextLayout, left-aligned (a document
    without a text width aligns its lines left whatever the block's alignment), one line's
    height under the other.  The same pixels (a test compares them) without a QTextDocument,
    whose layout cost most of the tiles' update on every toggle.

    It stands in for a pg.TextItem's ``textItem``: the TextItem still places and orients it.
    Laid-out lines are shared by every tile (``laid_out_line``): the region names, and the numbers
    of a lever switched back off, come back on every toggle."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._font = QFont()
        self._colour = QColor(Qt.GlobalColor.black)
        self._texts: tuple[str, ...] = ()
        self._lines: list[tuple[QTextLayout, QTextLine]] = []
        self._rect = QRectF(0.0, 0.0, 2 * TEXT_MARGIN_PX, 2 * TEXT_MARGIN_PX)
        # point size -> ((bold font, its key), (plain font, its key)); see _fonts_at
        self._sized: dict[float, tuple[tuple[QFont, str], tuple[QFont, str]]] = {}

    def _fonts_at(self, point_size: float) -> tuple[tuple[QFont, str], tuple[QFont, str]]:
        """The bold and plain fonts at ``point_size`` with their keys, made once per size: two
        QFonts and three keys cost more than the rest of a label's new lines."""
        fonts = self._sized.get(point_size)
        if fonts is None:
            plain = QFont(self._font)
            plain.setPointSizeF(point_size)
            bold = QFont(plain)
            bold.setBold(True)
            fonts = self._sized[point_size] = ((bold, bold.key()), (plain, plain.key()))
        return fonts

    def set_lines(self, texts: list[str], point_size: float) -> None:
        """Show ``texts`` (the first in bold) at ``point_size`` points."""
        bold, plain = self._fonts_at(point_size)
        lines = []
        width = height = 0.0
        for k, text in enumerate(texts):
            font, key = bold if k == 0 else plain
            laid_out = laid_out_line(font, text, key)
            lines.append(laid_out)
            width = max(width, laid_out[1].naturalTextWidth())
            height += laid_out[1].height()
        self.prepareGeometryChange()
        self._texts, self._lines = tuple(texts), lines
        self._rect = QRectF(0.0, 0.0, width + 2 * TEXT_MARGIN_PX, height + 2 * TEXT_MARGIN_PX)
        self.update()

    # --- what pg.TextItem asks of its text item ------------------------------------------
    def font(self) -> QFont:
        return QFont(self._font)

    def setFont(self, font: QFont) -> None:
        self._font = QFont(font)
        self._sized.clear()

    def setDefaultTextColor(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def defaultTextColor(self) -> QColor:
        return QColor(self._colour)

    def setPlainText(self, text: str) -> None:
        size = self._font.pointSizeF()
        self.set_lines(text.split("\n") if text else [], size if size > 0 else 9.0)

    def toPlainText(self) -> str:
        return "\n".join(self._texts)

    def boundingRect(self) -> QRectF:  # Qt override
        return QRectF(self._rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:  # Qt override
        painter.setPen(self._colour)
        y = TEXT_MARGIN_PX
        for _layout, line in self._lines:
            line.draw(painter, QPointF(TEXT_MARGIN_PX, y))
            y += line.height()


def tile_label() -> pg.TextItem:
    """A pg.TextItem centred on its position whose text item is a TileText."""
    label = pg.TextItem(anchor=(0.5, 0.5))
    rich = label.textItem
    rich.setVisible(False)  # kept (owned by the label), never shown
    label._rich_text = rich
    text = TileText(label)
    text.setFont(rich.font())
    text.setDefaultTextColor(label.color)
    label.textItem = text
    return label
