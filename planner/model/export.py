"""Export Results as CSV (the tidy table), XLSX (KPIs, tidy table, run notes) or JSON.

Files are written to a temporary file in the same folder and moved into place, so a failed
export never leaves half a file behind.  No Qt here: the app and the command line share it.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.model.results import LEVERAGE_KPI, Results

# The leverage KPI's extra fields: the two losses its ratio divides, in the order of
# Results.leverage_losses' last axis (US, Mexico).
LEVERAGE_LOSS_FIELDS = ("us_loss_usd_m", "mx_loss_usd_m")


def results_json(results: Results, lang: str = "en") -> dict[str, Any]:
    """Plain data: the run summary plus one record per KPI and year (NaN becomes null); the
    leverage KPI's records also carry ``us_loss_usd_m`` and ``mx_loss_usd_m``."""
    records = results.kpis(lang).to_dict(orient="records")
    for row in records:
        for key, value in row.items():
            if isinstance(value, float) and not math.isfinite(value):
                row[key] = None
            elif hasattr(value, "item"):
                row[key] = value.item()
        if row["id"] == LEVERAGE_KPI:
            row.update(leverage_loss_fields(results, results.year_index(int(row["year"]))))
    return {**results.summary(), "kpis": records}


def leverage_loss_fields(results: Results, y: int) -> dict[str, dict[str, float | None]]:
    """For the year at index ``y``: ``us_loss_usd_m`` and ``mx_loss_usd_m``, each
    ``{"baseline": ..., "scenario": ...}``, the welfare (USD m; a negative loss is a gain)
    the US and Mexico would lose with USMCA preferences withdrawn, whose quotient is the
    ratio (null where not defined); {} when the run carries none."""
    base, scenario = results.leverage_losses_base, results.leverage_losses
    if base is None or scenario is None:
        return {}
    return {
        field: {"baseline": _finite(base[y, i]), "scenario": _finite(scenario[y, i])}
        for i, field in enumerate(LEVERAGE_LOSS_FIELDS)
    }


def _finite(value: float) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    try:
        write(Path(temp))
        # mkstemp's file is private (0600); an exported table is an ordinary document.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def export_csv(results: Results, path: str | os.PathLike[str]) -> Path:
    """The tidy long table (Results.tidy()) as UTF-8 CSV."""
    return _atomic(Path(path), lambda p: results.tidy().to_csv(p, index=False))


def export_json(results: Results, path: str | os.PathLike[str], lang: str = "en") -> Path:
    text = json.dumps(results_json(results, lang), indent=2, ensure_ascii=False, allow_nan=False)
    return _atomic(Path(path), lambda p: p.write_text(text + "\n", encoding="utf-8"))


def export_xlsx(results: Results, path: str | os.PathLike[str], lang: str = "en") -> Path:
    """Three sheets: KPIs (one row per KPI and year), Tidy (every indicator), Run."""
    import pandas as pd

    summary = results.summary()
    run = pd.DataFrame(
        [
            ("scenario", summary["scenario"]),
            ("model version", summary["model"]["version"]),
            ("model fingerprint", summary["model"]["fingerprint"]),
            ("baseline", summary["reference"]),
            ("trade core", summary["trade_form"]),
            ("Monte Carlo draws", summary["draws"]),
        ],
        columns=["field", "value"],
    )

    def write(p: Path) -> None:
        with pd.ExcelWriter(p, engine="openpyxl") as book:
            results.kpis(lang).to_excel(book, sheet_name="KPIs", index=False)
            results.tidy().to_excel(book, sheet_name="Tidy", index=False)
            run.to_excel(book, sheet_name="Run", index=False)

    return _atomic(Path(path), write)


EXPORTERS = {".csv": export_csv, ".json": export_json, ".xlsx": export_xlsx}


def export_results(results: Results, path: str | os.PathLike[str]) -> Path:
    """Export by the file's extension (.csv, .json, .xlsx)."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORTERS:
        from planner.errors import InputError

        raise InputError(f"{path}: expected a .csv, .json or .xlsx file name, found {suffix!r}")
    return EXPORTERS[suffix](results, path)
