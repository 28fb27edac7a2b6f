"""ModelData: the model database read once into read-only numpy arrays and small tables.

Array index conventions (used by every engine module):
- trade arrays are ``[sector, exporter, importer]`` (GSIM's M_rv with r exporter, v importer);
- region order is ``ModelData.regions`` (USA, MEX, CAN, CHN, EU, LAT, CAM, ROW);
- rates are fractions (0.25), never percent, once inside ModelData.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from planner.model.catalog import Catalog


class Ranged(NamedTuple):
    """A central value with its low/high range (arrays or scalars of the same shape)."""

    value: np.ndarray
    low: np.ndarray
    high: np.ndarray


class Coefficient(NamedTuple):
    """One named coefficient with its range, timing and source."""

    value: float
    low: float
    high: float
    unit: str
    lag_years: int
    ramp_years: int
    source_id: str


@dataclass(frozen=True)
class ModelData:
    """Everything the engine reads, loaded once from model.sqlite.  Treat as immutable."""

    version: str
    fingerprint: str
    base_year: int
    years: np.ndarray  # (Y,) int, the simulated years 2025..2036
    regions: tuple[str, ...]  # (R,)
    sectors: tuple[str, ...]  # (S,)
    region_labels: dict[str, dict[str, str]]  # lang -> id -> label
    sector_labels: dict[str, dict[str, str]]
    flows_usd_m: np.ndarray  # (S, R, R) base-year flows at world prices
    tariff_mfn: np.ndarray  # (S, R, R) fraction
    tariff_pref: np.ndarray  # (S, R, R) fraction
    preference_use_years: tuple[int, ...]  # (K,) ascending; share applies from that year on
    preference_use: np.ndarray  # (K, S, R, R) share 0..1
    tariff_actions: pd.DataFrame  # rows of the tariff_actions table, rate as fraction
    import_demand: Ranged  # (S,) negative
    substitution: Ranged  # (S,) positive
    export_supply: Ranged  # (S,) positive
    growth: Ranged  # (R,) fraction a year
    mx_regions: tuple[str, ...]  # (M,)
    mx_region_labels: dict[str, dict[str, str]]
    mx_production_share: np.ndarray  # (M, S), columns sum to 1
    network_nodes: pd.DataFrame
    network_edges: pd.DataFrame
    levers: pd.DataFrame
    lever_params: pd.DataFrame
    lever_effects: pd.DataFrame
    parameters: dict[str, Coefficient]
    lenses: pd.DataFrame
    kpis: pd.DataFrame
    timeline: pd.DataFrame
    sources: pd.DataFrame
    catalog: Catalog
    db_path: Path | None = None

    def region_index(self, region_id: str) -> int:
        return self.regions.index(region_id)

    def sector_index(self, sector_id: str) -> int:
        return self.sectors.index(sector_id)

    def parameter(self, param_id: str) -> Coefficient:
        """A scalar engine coefficient from the ``parameters`` table."""
        return self.parameters[param_id]

    def effect(self, lever_id: str, key: str, option: str = "") -> Coefficient:
        """A lever's named coefficient from ``lever_effects`` (option: alignment value)."""
        rows = self.lever_effects
        hit = rows[(rows.lever_id == lever_id) & (rows.option == option) & (rows.key == key)]
        if hit.empty:
            raise KeyError(f"lever_effects has no row {lever_id}/{option or '-'}/{key}")
        r = hit.iloc[0]
        return Coefficient(
            float(r.value),
            float(r.low if pd.notna(r.low) else r.value),
            float(r.high if pd.notna(r.high) else r.value),
            str(r.unit),
            int(r.lag_years) if pd.notna(r.lag_years) else 0,
            int(r.ramp_years) if pd.notna(r.ramp_years) else 0,
            str(r.source_id),
        )
