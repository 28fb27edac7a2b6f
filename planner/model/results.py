"""Results of one evaluation: central arrays, uncertainty bands and tidy pandas views.

Arrays are the central run (no draw axis); ``*_base`` arrays are the baseline (current policy
or the 2024 status quo, see ``reference``), the plain names the scenario.  Deltas are
scenario minus baseline.  Bands (p10, p50, p90 over the Monte Carlo draws) are of the
scenario's values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

TIDY_COLUMNS = ("indicator", "year", "region", "partner", "sector", "baseline", "scenario", "delta")
BAND_COLUMNS = ("p10", "p50", "p90")
KPI_COLUMNS = ("id", "lens", "label", "unit", "better", "year", "baseline", "scenario", "delta")
LEVERAGE_KPI = "mx_leverage_ratio"
# The tidy table's indicators for the two welfare losses the leverage ratio divides (the US's
# over Mexico's at the disagreement point), in the order of ``leverage_losses``' last axis.
LEVERAGE_LOSS_INDICATORS = ("mx_leverage_us_loss_usd_m", "mx_leverage_mx_loss_usd_m")


@dataclass(frozen=True)
class Results:
    years: np.ndarray  # (Y,)
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    mx_regions: tuple[str, ...]
    edge_ids: tuple[str, ...]
    flows_base: np.ndarray  # (Y, S, R, R) USD m [exporter, importer]
    flows: np.ndarray
    welfare: dict[str, np.ndarray]  # part -> (Y, R) scenario minus baseline, USD m
    welfare_base: dict[str, np.ndarray]  # part -> (Y, R) baseline against the base year
    welfare_scenario: dict[str, np.ndarray]  # part -> (Y, R) scenario against the base year
    mx_region_exports_base: np.ndarray  # (Y, M) USD m
    mx_region_exports: np.ndarray
    mx_region_investment_base: np.ndarray  # (Y, M) USD m a year
    mx_region_investment: np.ndarray
    mx_region_jobs_base: np.ndarray  # (Y, M)
    mx_region_jobs: np.ndarray
    corridor_days_base: np.ndarray  # (Y, E), NaN where the edge is closed
    corridor_days: np.ndarray
    corridor_utilisation_base: np.ndarray  # (Y, E) flow / capacity
    corridor_utilisation: np.ndarray
    tariff_base: np.ndarray  # (Y, S, R, R) applied tariff, fraction
    tariff: np.ndarray
    trade_cost_base: np.ndarray  # (Y, S, R, R) iceberg tau against the base year, fraction
    trade_cost: np.ndarray
    kpi_ids: tuple[str, ...]
    kpi_base: dict[str, np.ndarray]  # id -> (Y,)
    kpi: dict[str, np.ndarray]
    kpi_table: pd.DataFrame  # the model's kpis table (labels, units, lens, better)
    leverage_base: np.ndarray  # (Y,)
    leverage: np.ndarray
    compute_ms: float
    scenario: Any
    model_version: str
    model_fingerprint: str
    reference: str = "current_policy"
    trade_form: str = "ces"
    draws: int = 0
    bands: dict[str, np.ndarray] | None = None  # id -> (3, Y) p10/p50/p90 of the scenario
    delta_bands: dict[str, np.ndarray] | None = None  # id -> (3, Y) of scenario - baseline
    flow_bands: np.ndarray | None = None  # (3, Y, S, R, R)
    # (3, Y, R) of each region's total trade (see ``total_trade``), from each draw's total:
    # summing per-flow quantiles would be a different (wider) band.
    trade_total_bands: np.ndarray | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # (Y, 2) welfare the US and Mexico would lose at the disagreement point (USMCA
    # preferences withdrawn), USD m: the leverage ratio is the first over the second.
    leverage_losses_base: np.ndarray | None = None
    leverage_losses: np.ndarray | None = None

    # --- views --------------------------------------------------------------------------

    def year_index(self, year: int) -> int:
        """The position of calendar ``year`` on the arrays' year axis (``years``); a
        ValueError naming the year and the run's years when the run does not cover it."""
        years = [int(v) for v in self.years]
        try:
            return years.index(int(year))
        except ValueError:
            covered = ", ".join(map(str, years)) or "none"
            raise ValueError(
                f"year {year} is not a year of this run (its years: {covered})"
            ) from None

    def total_trade(self, base: bool = False) -> np.ndarray:
        """(Y, R) USD m: each region's exports plus imports, its intra-regional trade not
        counted."""
        return total_trade(self.flows_base if base else self.flows)

    def kpi_delta(self, kpi_id: str) -> np.ndarray:
        return self.kpi[kpi_id] - self.kpi_base[kpi_id]

    def kpis(self, lang: str = "en") -> pd.DataFrame:
        """One row per KPI and year: id, lens, label, unit, better, year, baseline, scenario,
        delta (and p10, p50, p90 of the scenario when the run had draws)."""
        ids = list(self.kpi_ids)
        y = len(self.years)
        table = self.kpi_table.set_index("id").reindex(ids) if len(ids) else None

        def meta(column: str, fallback: list[str]) -> np.ndarray:
            if table is None or column not in table.columns:
                values = fallback
            else:
                values = [
                    str(v) if isinstance(v, str) else f
                    for v, f in zip(table[column], fallback, strict=True)
                ]
            return np.repeat(np.asarray(values, dtype=object), y)

        blank = [""] * len(ids)
        label = f"label_{lang}" if table is not None and f"label_{lang}" in table else "label_en"
        base = np.concatenate([self.kpi_base[k] for k in ids]) if ids else np.zeros(0)
        scen = np.concatenate([self.kpi[k] for k in ids]) if ids else np.zeros(0)
        columns = {
            "id": np.repeat(np.asarray(ids, dtype=object), y),
            "lens": meta("lens", blank),
            "label": meta(label, ids),
            "unit": meta("unit", blank),
            "better": meta("better", blank),
            "year": np.tile(self.years.astype(int), len(ids)),
            "baseline": base,
            "scenario": scen,
            "delta": scen - base,
        }
        if self.bands is not None:
            stacked = np.concatenate([self.bands[k] for k in ids], axis=1) if ids else None
            for q, name in enumerate(BAND_COLUMNS):
                columns[name] = stacked[q] if stacked is not None else np.zeros(0)
        return pd.DataFrame(columns)

    def tidy(self) -> pd.DataFrame:
        """Long table: indicator, year, region, partner, sector, baseline, scenario, delta
        (text columns "" where not applicable; p10, p50, p90 when the run had draws, NaN for
        the indicators without bands).  ``LEVERAGE_LOSS_INDICATORS`` are the welfare the US
        and Mexico would lose (USD m, positive: a loss) with USMCA preferences withdrawn."""
        blocks = [
            self._block(
                "trade_flow_usd_m",
                self.flows_base,
                self.flows,
                ("year", "sector", "region", "partner"),
                self.flow_bands,
            ),
            self._block(
                "tariff_pct",
                100 * self.tariff_base,
                100 * self.tariff,
                ("year", "sector", "region", "partner"),
            ),
            self._block(
                "trade_cost_pct",
                100 * self.trade_cost_base,
                100 * self.trade_cost,
                ("year", "sector", "region", "partner"),
            ),
        ]
        for part in self.welfare:
            blocks.append(
                self._block(
                    f"welfare_{part}_usd_m",
                    self.welfare_base[part],
                    self.welfare_scenario[part],
                    ("year", "region"),
                )
            )
        blocks += [
            self._block(
                "mx_region_exports_usd_m",
                self.mx_region_exports_base,
                self.mx_region_exports,
                ("year", "mx_region"),
            ),
            self._block(
                "mx_region_investment_usd_m",
                self.mx_region_investment_base,
                self.mx_region_investment,
                ("year", "mx_region"),
            ),
            self._block(
                "mx_region_jobs",
                self.mx_region_jobs_base,
                self.mx_region_jobs,
                ("year", "mx_region"),
            ),
            self._block(
                "corridor_days", self.corridor_days_base, self.corridor_days, ("year", "edge")
            ),
            self._block(
                "corridor_utilisation",
                self.corridor_utilisation_base,
                self.corridor_utilisation,
                ("year", "edge"),
            ),
        ]
        blocks.append(
            self._block(
                "trade_total_usd_m",
                self.total_trade(base=True),
                self.total_trade(),
                ("year", "region"),
                self.trade_total_bands,
            )
        )
        for kpi_id in self.kpi_ids:
            band = None if self.bands is None else self.bands[kpi_id][:, :]
            blocks.append(
                self._block(kpi_id, self.kpi_base[kpi_id], self.kpi[kpi_id], ("year",), band)
            )
        if self.leverage_losses is not None and self.leverage_losses_base is not None:
            # Beside the ratio, the sizes it divides: a ratio of two small losses says little.
            for i, indicator in enumerate(LEVERAGE_LOSS_INDICATORS):
                blocks.append(
                    self._block(
                        indicator,
                        self.leverage_losses_base[:, i],
                        self.leverage_losses[:, i],
                        ("year",),
                    )
                )
        columns = list(TIDY_COLUMNS) + (list(BAND_COLUMNS) if self.draws else [])
        # One frame from concatenated column arrays: far cheaper than concatenating frames.
        return pd.DataFrame({c: np.concatenate([b[c] for b in blocks]) for c in columns})

    def _block(
        self,
        indicator: str,
        base: np.ndarray,
        scen: np.ndarray,
        axes: tuple[str, ...],
        band: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        labels = {
            "year": self.years.astype(int),
            "sector": np.asarray(self.sectors, dtype=object),
            "region": np.asarray(self.regions, dtype=object),
            "partner": np.asarray(self.regions, dtype=object),
            "mx_region": np.asarray(self.mx_regions, dtype=object),
            "edge": np.asarray(self.edge_ids, dtype=object),
        }
        grids = np.meshgrid(*[np.arange(len(labels[a])) for a in axes], indexing="ij")
        n = base.size
        columns: dict[str, Any] = {"indicator": np.full(n, indicator, dtype=object)}
        text = {"region": "", "partner": "", "sector": ""}
        for axis, grid in zip(axes, grids, strict=True):
            values = labels[axis][grid.ravel()]
            if axis == "year":
                columns["year"] = values
            else:
                # Macro-regions and corridor edges go in the region column.
                text["region" if axis in ("mx_region", "edge") else axis] = values
        for key, value in text.items():
            columns[key] = value if not isinstance(value, str) else np.full(n, "", dtype=object)
        b, s = np.asarray(base, float).ravel(), np.asarray(scen, float).ravel()
        columns.update(baseline=b, scenario=s, delta=s - b)
        if self.draws:
            for q, name in enumerate(BAND_COLUMNS):
                columns[name] = band[q].ravel() if band is not None else np.full(n, np.nan)
        return columns

    def summary(self) -> dict[str, Any]:
        """Plain-data description of the run (for --json and exports)."""
        name = getattr(self.scenario, "name", "")
        return {
            "scenario": name,
            "model": {"version": self.model_version, "fingerprint": self.model_fingerprint},
            "reference": self.reference,
            "trade_form": self.trade_form,
            "draws": self.draws,
            "compute_ms": round(self.compute_ms, 3),
        }


def total_trade(flows: np.ndarray) -> np.ndarray:
    """Exports plus imports of every region over the sector axis: ``flows`` (..., S, R, R)
    gives (..., R); a region's own (intra-regional) cell is not trade with the others."""
    by_pair = flows.sum(axis=-3)  # one pass over the big array, then small ones
    own = np.diagonal(by_pair, axis1=-2, axis2=-1)
    return by_pair.sum(axis=-1) + by_pair.sum(axis=-2) - 2.0 * own
