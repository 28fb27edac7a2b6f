"""Mexico's regional production: investment levers, regional shares, jobs and concentration.

Capacity.  The regional levers raise the export capacity of the South-Southeast:
- FDI incentive: a cut of ``rate_cut_pct`` points in the corporate tax rate raises the
  region's FDI stock by ``fdi_semi_elasticity`` percent per point (FDI01/FDI02) and its
  capacity by ``capacity_per_fdi`` times that, after the effect's lag and ramp;
- Regional Development Fund: ``fund_usd_m`` a year of public money (at the lever's default
  match, scaled to the chosen match) builds capital that yields ``output_capital_ratio``
  dollars of exports per dollar once productive (lag, ramp);
- vocational partnerships: ``productivity_gain_pct`` once the certification gap is closed
  (lag from SKL03, ramp), times the lever's intensity.

Shares.  Mexico's exports of a sector are produced across macro-regions in the base-year
shares (``mx_production``); a region's share moves with its capacity and, through the
sector's substitution elasticity, with its logistics cost against the base year (corridor,
hub and customs levers; congestion; disruption):
``share_ms ∝ share0_ms · capacity_m · (1 + tau_ms) ** (−sigma_s)``.

National supply.  The capacity a lever adds also shifts Mexico's export supply of each
sector by g_s = Σ_m share0_ms (capacity_m − 1); at the export-supply elasticity Ex_s that is
a cost (price) reduction of (1 + g_s) ** (−1/Ex_s), passed to the trade core as an iceberg
factor on all of Mexico's exports.

Outputs.  Regional exports (sector totals from the trade core times the shares), investment
(capital needed for each year's export growth at the output-capital ratio, plus the fund's
public money), jobs (exports times ``jobs_per_usd_m_mx``) and the Herfindahl-Hirschman index
of manufacturing exports across regions (0-10,000).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from planner.model.engine.settings import ScenarioSettings, ramp, restricted
from planner.model.engine.uncertainty import Params

TARGET_REGION = "south_southeast"  # where the regional levers act (SPEC: SME lens)
FDI_LEVER, RDF_LEVER, SKILLS_LEVER = (
    "southeast_fdi_incentive",
    "regional_development_fund",
    "vocational_ppp",
)


def capacity_settings(settings: ScenarioSettings) -> ScenarioSettings:
    """What ``regional_capacity`` reads of a scenario: the three regional levers."""
    return restricted(settings, (FDI_LEVER, RDF_LEVER, SKILLS_LEVER))


@dataclass(frozen=True)
class RegionalCapacity:
    multiplier: np.ndarray  # (D, Y, M) export capacity against the base year
    public_investment: np.ndarray  # (D, Y, M) USD m a year


def base_exports(prep) -> np.ndarray:
    """(S,) Mexico's base-year exports by sector, USD m."""
    return prep.model.flows_usd_m[:, prep.ridx["MEX"], :].sum(axis=-1)


def regional_capacity(
    prep, settings: ScenarioSettings, params: Params, years: np.ndarray
) -> RegionalCapacity:
    model = prep.model
    d, y, m = params.draws, len(years), len(model.mx_regions)
    mult = np.ones((d, y, m))
    public = np.zeros((d, y, m))
    target = prep.midx.get(TARGET_REGION)
    if target is None:
        return RegionalCapacity(mult, public)
    gain = np.ones((d, y))
    p = settings.lever(FDI_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(FDI_LEVER, "capacity_per_fdi")
        # The semi-elasticity is negative (FDI falls as the tax rate rises); a cut is a
        # negative change of the rate.
        cut_points = settings.number(p, "rate_cut_pct", 0.0)
        fdi = params.param("fdi_semi_elasticity")[:, None] / 100.0 * -cut_points
        gain *= (
            1.0
            + params.effect(FDI_LEVER, "capacity_per_fdi")[:, None]
            * fdi
            * ramp(years, settings.start, lag, rmp)[None, :]
        )
    p = settings.lever(SKILLS_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(SKILLS_LEVER, "productivity_gain_pct")
        size = params.effect(SKILLS_LEVER, "productivity_gain_pct")[:, None] / 100.0
        gain *= (
            1.0
            + size
            * settings.number(p, "intensity", 1.0)
            * ramp(years, settings.start, lag, rmp)[None, :]
        )
    p = settings.lever(RDF_LEVER)
    if p is not None:
        spec = model.catalog.levers.get(RDF_LEVER)
        reference = spec.params["match_pct"].default if spec and "match_pct" in spec.params else 0
        match = settings.number(p, "match_pct", float(reference or 0))
        money = params.effect(RDF_LEVER, "fund_usd_m")[:, None] * (
            match / float(reference) if reference else 1.0
        )
        spend = money * (years >= settings.start)[None, :]  # (D, Y)
        lag, rmp = params.lag_ramp(RDF_LEVER, "output_capital_ratio")
        capital = spend @ _productive(tuple(years.tolist()), lag, rmp).T  # (D, Y)
        ratio = params.effect(RDF_LEVER, "output_capital_ratio")[:, None]
        region_base = (base_exports(prep) * model.mx_production_share[target]).sum()
        gain *= 1.0 + ratio * capital / max(region_base, 1e-9)
        public[..., target] = spend
    mult[..., target] = gain
    return RegionalCapacity(mult, public)


@functools.lru_cache(maxsize=64)
def _productive(years: tuple[int, ...], lag: int, ramp_years: int) -> np.ndarray:
    """(Y, Y) [y, k]: the share of year k's spending that produces in year y.  Read-only,
    remembered: it depends on the horizon and the effect's timing only, and every Monte
    Carlo chunk asks for it again."""
    at = np.asarray(years)
    out = np.stack([ramp(at, float(k), lag, ramp_years) for k in at], axis=1)
    out.flags.writeable = False
    return out


def production_shares(
    prep, capacity: np.ndarray, region_cost: np.ndarray, sigma: np.ndarray, by_log: bool = False
) -> np.ndarray:
    """(D, Y, M, S) regional shares of each sector's exports (sum to 1 over M).

    ``capacity`` (D, Y, M); ``region_cost`` (D, Y, M, S) iceberg tau against the base year;
    ``sigma`` (D, S) substitution elasticity.  ``by_log``: (1 + tau) ** -sigma taken as
    exp(-sigma log1p(tau)), a few float64 ulps from the power at about half its cost
    (Monte Carlo's draws, solved in float32 downstream).
    """
    share0 = prep.model.mx_production_share  # (M, S)
    if by_log:
        response = np.log1p(region_cost)
        response *= -sigma[:, None, None, :]
        np.exp(response, out=response)
    else:
        response = (1.0 + region_cost) ** (-sigma[:, None, None, :])
    weight = share0 * capacity[..., None]
    weight *= response
    total = weight.sum(axis=-2, keepdims=True)
    positive = total > 0
    if positive.all():  # the usual case: in place, without np.where's broadcast passes
        weight /= total
        return weight
    return np.where(positive, weight / np.where(positive, total, 1.0), share0)


def supply_shift(prep, capacity: np.ndarray, export_supply: np.ndarray) -> np.ndarray:
    """(D, Y, S) log iceberg factor of Mexico's exports from added regional capacity."""
    growth = np.einsum("dym,ms->dys", capacity - 1.0, prep.model.mx_production_share)
    return -np.log1p(growth) / export_supply[:, None, :]


@dataclass(frozen=True)
class RegionalOutcome:
    exports: np.ndarray  # (D, Y, M) USD m
    investment: np.ndarray  # (D, Y, M) USD m a year
    jobs: np.ndarray  # (D, Y, M)
    hhi: np.ndarray  # (D, Y) manufacturing exports across regions, 0-10,000


def regional_outcome(
    prep,
    params: Params,
    mex_exports: np.ndarray,
    shares: np.ndarray,
    public_investment: np.ndarray,
) -> RegionalOutcome:
    """Allocate Mexico's exports by sector (D, Y, S) to regions and derive the rest."""
    by_sector = shares * mex_exports[:, :, None, :]  # (D, Y, M, S)
    exports = by_sector.sum(-1)
    base, manufacturing_sectors = prep.remember(("regional_base",), lambda: _regional_base(prep))
    before = np.empty_like(exports)  # each year's exports the year before (the base first)
    before[:, 0] = base
    before[:, 1:] = exports[:, :-1]
    ratio = params.effect(RDF_LEVER, "output_capital_ratio")[:, None, None]
    investment = np.maximum(exports - before, 0.0) / ratio + public_investment
    jobs = exports * params.param("jobs_per_usd_m_mx")[:, None, None]
    manufacturing = by_sector.take(manufacturing_sectors, axis=-1).sum(-1)
    total = manufacturing.sum(-1, keepdims=True)
    hhi = 10_000.0 * ((manufacturing / np.where(total > 0, total, 1.0)) ** 2).sum(-1)
    return RegionalOutcome(exports, investment, jobs, hhi)


def _regional_base(prep) -> tuple[np.ndarray, np.ndarray]:
    """(M,) base-year exports by region and the manufacturing sectors' indices (model-only:
    remembered, not rebuilt on every evaluate and Monte Carlo chunk)."""
    base = (prep.model.mx_production_share * base_exports(prep)).sum(-1)
    base.flags.writeable = False
    index = np.flatnonzero(prep.manufacturing)
    index.flags.writeable = False
    return base, index


def region_cost(
    extra_days: np.ndarray, per_day: np.ndarray, group_weight: np.ndarray
) -> np.ndarray:
    """(D, Y, M, S) a region's logistics tau: its extra days to each destination group,
    weighted by where the sector's exports go (``group_weight`` (S, G)), times the per-day
    cost (D, S)."""
    days = np.einsum("dymg,sg->dyms", extra_days, group_weight)
    return days * per_day[:, None, None, :]
