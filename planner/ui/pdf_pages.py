"""The PDF brief's page writer (``PdfPages``): text blocks, table rows and pictures laid top to
bottom over as many QPdfWriter pages as they need, and what was written (``ReportInfo``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter


@dataclass
class ReportInfo:
    """What was written: the file, its page count and every string drawn (for checks)."""

    path: Path
    pages: int = 1
    drawn: list[str] = field(default_factory=list)


class PdfPages:
    """A top-to-bottom writer over QPdfWriter pages: text blocks, table rows, pictures."""

    def __init__(self, writer: QPdfWriter, info: ReportInfo) -> None:
        self.writer, self.info = writer, info
        self.painter = QPainter(writer)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0
        self.base_font = QFont(self.painter.font())
        self.base_font.setPointSizeF(9.5)

    def font(self, size: float = 9.5, bold: bool = False) -> QFont:
        f = QFont(self.base_font)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def new_page(self) -> None:
        self.writer.newPage()
        self.info.pages += 1
        self.y = 0.0

    def room(self, height: float) -> None:
        if self.y + height > self.height and self.y > 0:
            self.new_page()

    def text(self, text: str, size: float = 9.5, bold: bool = False, gap: float = 0.4) -> None:
        if not text:
            return
        self.painter.setFont(self.font(size, bold))
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        box = self.painter.boundingRect(QRectF(0, 0, self.width, self.height), flags, text)
        self.room(box.height())
        self.painter.drawText(QRectF(0, self.y, self.width, box.height()), flags, text)
        self.info.drawn.append(text)
        self.y += box.height() + gap * self.painter.fontMetrics().height()

    def row(self, cells: list[str], widths: list[float], bold: bool = False) -> None:
        """One table row; ``widths`` are fractions of the page width."""
        self.painter.setFont(self.font(8.5, bold))
        flags = int(Qt.TextFlag.TextWordWrap)
        heights = [
            self.painter.boundingRect(
                QRectF(0, 0, w * self.width - 8, self.height), flags, c
            ).height()
            for c, w in zip(cells, widths, strict=True)
        ]
        height = max(heights) + 4
        self.room(height)
        x = 0.0
        for cell, w in zip(cells, widths, strict=True):
            align = int(Qt.AlignmentFlag.AlignLeft) if x == 0 else int(Qt.AlignmentFlag.AlignRight)
            self.painter.drawText(
                QRectF(x, self.y, w * self.width - 8, height), flags | align, cell
            )
            self.info.drawn.append(cell)
            x += w * self.width
        self.painter.drawLine(0, int(self.y + height), int(self.width), int(self.y + height))
        self.y += height + 2

    def picture(self, image: Any, caption: str) -> None:
        scale = self.width / image.width()
        height = image.height() * scale
        self.room(height + 40)
        self.painter.drawImage(QRectF(0, self.y, self.width, height), image)
        self.info.drawn.append(caption)
        self.y += height + 20

    def close(self) -> None:
        self.painter.end()
