"""Export the current results as CSV, XLSX or JSON (planner.model.export) or as the PDF brief
(planner.ui.report) from one file dialog."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from planner.model import export as model_export
from planner.ui.report import write_report


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def export_results(results: Any, path: str | Path, language: str = "en") -> Path:
    """Write ``results`` by the file's type with planner.model.export (.csv, .json, .xlsx);
    raises planner.errors.InputError for any other type."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return model_export.export_xlsx(results, path, language)
    if path.suffix.lower() == ".json":
        return model_export.export_json(results, path, language)
    return model_export.export_results(results, path)


def export_dialog(
    parent: QWidget | None,
    model: Any,
    results: Any,
    pinned: Mapping[str, Any] | None = None,
    year: int | None = None,
    language: str = "en",
    show_bands: bool = True,
) -> Path | None:
    """Ask for a file name and write the PDF brief, XLSX, CSV or JSON by its type; None if
    cancelled."""
    filters = ";;".join(
        [
            _tr("PDF brief (*.pdf)"),
            _tr("Excel workbook (*.xlsx)"),
            _tr("CSV table (*.csv)"),
            _tr("JSON file (*.json)"),
        ]
    )
    stem = str(getattr(results.scenario, "name", "scenario") or "scenario")
    safe = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in stem).strip() or "scenario"
    chosen, selected = QFileDialog.getSaveFileName(parent, _tr("Export results"), safe, filters)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".pdf", ".xlsx", ".csv", ".json"):
        path = path.with_suffix("." + selected.split("*.")[-1].rstrip(")"))
    if path.suffix.lower() == ".pdf":
        write_report(
            path, model, results, pinned, year=year, language=language, show_bands=show_bands
        )
        return path
    return export_results(results, path, language)
