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

Passing events.  A disruption (Bajío flood, port closure) does not move production: the
shares above see lasting costs only.  Its extra days fall on the shipments of the regions
whose routes it cuts, in its year: each region's sales of the year are its production share
of the sector's exports times ``(1 + tau_event_ms) ** (-eta_s)`` (renormalised over regions,
so they add up to the national exports), where ``tau_event_ms`` is the region's extra cost
of the event (its time-weighted extra days over the normal network's, times the per-day
cost) and ``eta_s`` is the elasticity of Mexico's export value to a trade cost on its exports
in the trade core's own GSIM (``export_cost_response``).  With that elasticity the national
loss the event causes lands, to first order, on the regions in proportion to their own
extra cost: a region whose routes the event does not touch moves with the national effects
only (its plants cannot take over the orders within the event's weeks).

National supply.  The capacity a lever adds also shifts Mexico's export supply of each
sector by g_s = Σ_m share0_ms (capacity_m − 1); at the export-supply elasticity Ex_s that is
a cost (price) reduction of (1 + g_s) ** (−1/Ex_s), passed to the trade core as an iceberg
factor on all of Mexico's exports.

Outputs.  Regional exports (sector totals from the trade core times the year's shares),
investment (capital needed for each year's export growth beyond the region's highest exports
so far, at the output-capital ratio, plus the fund's public money: a region that recovers
from a dip uses the plants it already has), jobs (exports times ``jobs_per_usd_m_mx``) and
the Herfindahl-Hirschman index of manufacturing exports across regions (0-10,000).
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


def export_cost_response(prep, params: Params) -> np.ndarray:
    """(D, S) eta_s > 0: minus the elasticity of the value of Mexico's exports of a sector
    (at world prices) to an iceberg cost ``tau`` on all of them, in the trade core's linear
    GSIM (DESIGN §5; the model's own elasticities, no coefficient of its own).

    For Mexico r: demand ``M_v = N_v (tau + P*)`` with ``N_v = theta_v Em - (1 - theta_v) Es``
    and clearing ``sum_v phi_v M_v = Ex P*`` give ``P* = N tau / (Ex - N)`` with
    ``N = sum_v phi_v N_v < 0``, and the value changes by ``(1 + Ex) P* = -eta tau`` with
    ``eta = (1 + Ex) |N| / (Ex + |N|)``.  Rivals' world prices are held (second order for
    Mexico's shares of its markets); theta and phi are the base year's.
    """
    own = prep.remember(("mexico_own_share",), lambda: _own_share(prep))  # (S,)
    spread = -params.import_demand * own + params.substitution * (1.0 - own)  # |N| (D, S)
    supply = params.export_supply
    return (1.0 + supply) * spread / (supply + spread)


def _own_share(prep) -> np.ndarray:
    """(S,) sum over Mexico's markets v of phi_v theta_v: its share of each market's spending
    (base tariffs), weighted by that market's share of its sales (model-only, remembered)."""
    mex = prep.ridx["MEX"]
    flows = prep.model.flows_usd_m  # (S, R exporter, R importer)
    spend = flows * (1.0 + prep.tariff_base)
    markets = np.ones(flows.shape[-1], dtype=bool)
    markets[mex] = False  # Mexico's own cell is not an export
    sales = flows[:, mex, markets]
    spending = spend[:, :, markets].sum(axis=1)
    mine = spend[:, mex, markets]
    theta = np.divide(mine, spending, out=np.zeros_like(mine), where=spending > 0)
    total = sales.sum(-1)
    out = np.divide((sales * theta).sum(-1), total, out=np.zeros_like(total), where=total > 0)
    out.flags.writeable = False
    return out


def event_shares(
    shares: np.ndarray, event_cost: np.ndarray, response: np.ndarray, event_years: np.ndarray
) -> np.ndarray:
    """(D, Y, M, S) each region's share of the year's exports of each sector (sum to 1 over M).

    ``shares`` (D, Y, M, S) production shares; ``event_cost`` (D, n, M, S) each region's
    extra iceberg tau of the passing events in the n ``event_years`` (indices into Y);
    ``response`` (D, S) ``export_cost_response``.  Outside the event years the shares are
    ``shares``' own numbers (``shares`` itself when there is no event year).
    """
    if not len(event_years):
        return shares
    weight = shares[:, event_years] * (1.0 + event_cost) ** (-response[:, None, None, :])
    out = shares.copy()
    out[:, event_years] = weight / weight.sum(axis=-2, keepdims=True)
    return out


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
    """Allocate Mexico's exports by sector (D, Y, S) to regions by the year's ``shares``
    (D, Y, M, S) and derive the rest."""
    by_sector = shares * mex_exports[:, :, None, :]  # (D, Y, M, S)
    exports = by_sector.sum(-1)
    base, manufacturing_sectors = prep.remember(("regional_base",), lambda: _regional_base(prep))
    # The capacity each year starts with: the highest exports before it (the base first).
    # A dip (a flood's year, a tariff that is lifted later) leaves the plants in place, so
    # the recovery from it needs no new capital.
    before = np.empty_like(exports)
    before[:, 0] = base
    before[:, 1:] = exports[:, :-1]
    np.maximum.accumulate(before, axis=1, out=before)
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
