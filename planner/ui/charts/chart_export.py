"""ChartExport: a chart panel's picture (PNG, SVG) and plotted numbers (CSV) as files, and
the menu that writes them (a right-click, or Shift+F10 or the Menu key on the focused chart).
ChartPanel inherits it, after QFrame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu

import pyqtgraph.exporters  # isort: skip  (after PySide6 so pyqtgraph binds to it)


def _tr(text: str) -> str:
    """The export strings, shared with every chart (context "Charts", as base.tr)."""
    return QCoreApplication.translate("Charts", text)


class ChartExport:
    """Export of a ChartPanel's view and ``table()`` (a mixin: no state of its own; the
    panel's ``contextMenuEvent`` opens the menu)."""

    def export_png(self, path: str | Path, width: int | None = None) -> Path:
        exporter = pyqtgraph.exporters.ImageExporter(self.view.scene())
        params = exporter.parameters()
        params["background"] = self.colours.bg
        if width:
            params["width"] = int(width)
        exporter.export(str(path))
        return Path(path)

    def export_svg(self, path: str | Path) -> Path:
        """Vector export through QSvgGenerator.

        pyqtgraph 0.14's SVGExporter re-parses Qt's path data and fails on the closing ``Z``
        that Qt 6.12 writes ("not enough values to unpack"), so the scene is painted straight
        into an SVG generator instead.
        """
        scene = self.view.scene()
        source = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(self.title_label.text())
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), self.colours.bg)
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
        return Path(path)

    def export_csv(self, path: str | Path) -> Path:
        self.table().to_csv(path, index=False)
        return Path(path)

    def open_export_menu(self, at: QPoint | None = None) -> QMenu:
        """Pop up the export menu at global ``at`` (default: the chart's top-left corner,
        for the keyboard); the chosen item asks for a file and writes it."""
        self.used.emit()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        for text, kind in (
            (_tr("Export image (PNG)…"), "png"),
            (_tr("Export vector image (SVG)…"), "svg"),
            (_tr("Export data (CSV)…"), "csv"),
        ):
            menu.addAction(text).triggered.connect(lambda _on=False, kind=kind: self.export(kind))
        if at is None:
            at = self.view.mapToGlobal(QPoint(12, 12))
        menu.popup(at)
        return menu

    def export(self, kind: str) -> None:
        """Ask for a file name and write the chart as ``kind`` ("png", "svg" or "csv")."""
        name_filter, suffix, write = {
            "png": (_tr("PNG image (*.png)"), ".png", self.export_png),
            "svg": (_tr("SVG image (*.svg)"), ".svg", self.export_svg),
            "csv": (_tr("CSV table (*.csv)"), ".csv", self.export_csv),
        }[kind]
        stem = self.objectName() or "chart"
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export chart"), stem + suffix, name_filter)
        if path:
            write(Path(path).with_suffix(suffix))
