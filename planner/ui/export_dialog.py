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

EXPORT_SUFFIXES = (".pdf", ".xlsx", ".csv", ".json")


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


def file_stem(results: Any) -> str:
    """A file-name stem from the scenario name (letters, digits, ``-``, ``_``)."""
    stem = str(getattr(results.scenario, "name", "") or "scenario")
    safe = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in stem).strip()
    return safe.replace(" ", "_") or "scenario"


def ask_export_path(parent: QWidget | None, results: Any, folder: str | Path = "") -> Path | None:
    """Ask where to export; the suffix follows the chosen type. None if cancelled."""
    filters = ";;".join(
        [
            _tr("PDF brief (*.pdf)"),
            _tr("Excel workbook (*.xlsx)"),
            _tr("CSV table (*.csv)"),
            _tr("JSON file (*.json)"),
        ]
    )
    suggested = Path(folder) / file_stem(results) if folder else Path(file_stem(results))
    chosen, selected = QFileDialog.getSaveFileName(
        parent, _tr("Export results"), str(suggested), filters
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        suffix = "." + selected.split("*.")[-1].rstrip(")") if "*." in selected else ".csv"
        path = path.with_name(path.name + suffix)
    return path


def write_export(
    path: str | Path,
    model: Any,
    results: Any,
    pinned: Mapping[str, Any] | None = None,
    year: int | None = None,
    language: str = "en",
    show_bands: bool = True,
) -> Path:
    """Write the PDF brief (.pdf) or the results table (.xlsx, .csv, .json) to ``path``."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        write_report(
            path, model, results, pinned, year=year, language=language, show_bands=show_bands
        )
        return path
    return export_results(results, path, language)


def export_dialog(
    parent: QWidget | None,
    model: Any,
    results: Any,
    pinned: Mapping[str, Any] | None = None,
    year: int | None = None,
    language: str = "en",
    show_bands: bool = True,
    folder: str | Path = "",
) -> Path | None:
    """Ask for a file name and write the PDF brief, XLSX, CSV or JSON by its type; None if
    cancelled."""
    path = ask_export_path(parent, results, folder)
    if path is None:
        return None
    return write_export(path, model, results, pinned, year, language, show_bands)
