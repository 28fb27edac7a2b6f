"""Corridor network -> transit days -> ad-valorem trade-cost equivalents, year by year.

The network, its volume-delay function (BPR) and route choice live in ``network``; this
module applies a scenario to it.  Investments and disruptions act on edges:
- the Trans-Mexican Freight Corridor opens its edges (``enabled_by = tmfc_corridor``) with
  ``capacity_usd_bn`` (both edges together, split by their table capacities) times the
  lever's intensity, ramping in from its start year;
- standardized e-customs cuts ``border_days_cut`` days on every edge into a border crossing
  (times coverage, ramping in from its start year); the South-West trade hub cuts
  ``days_cut`` on the edges leaving the South-Southeast and Pacific regions;
- a disruption (Bajío flood: the edges leaving the Bajío node; port disruption: the edges
  touching the port) removes ``capacity_loss_share`` of their capacity for ``weeks`` of its
  year (fewer with the rapid-response panel).  The year's days are the time-weighted mean
  of the normal and the disrupted network (weeks / ``weeks_per_year``), so its cost falls in
  that year and nothing persists after it.

Extra days against the base year become an iceberg cost with the per-day cost of each sector
(Hummels & Schaur 2013: 0.6-2.1% of value per day; ``per_day_cost_pct.<sector>``), weighting
the macro-regions by their share of the sector's exports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.engine.network import (
    GROUPS,
    Assignment,
    Network,
    assign,
    base_assignment,
    reference_path_days,
)
from planner.model.engine.settings import ScenarioSettings, ramp, restricted

__all__ = ["GROUPS", "Assignment", "CorridorResult", "Network", "corridor_run", "reference"]

# --- a scenario's corridor year by year -------------------------------------------------------

FLOOD_SHOCK, FLOOD_NODE, PORT_SHOCK = "bajio_flood", "bajio", "port_disruption"
HUB_LEVER, HUB_ORIGINS = "southwest_trade_hub", ("south_southeast", "pacific")
CUSTOMS_LEVER, PANEL_LEVER = "e_customs", "rapid_response_panel"


def corridor_settings(prep, settings: ScenarioSettings) -> ScenarioSettings:
    """What ``corridor_run`` reads of a scenario: its levers on edges (the network's
    ``enabled_by`` levers, e-customs, the hub, the rapid-response panel) and disruptions."""
    levers = {e for e in prep.network.enabled_by if e} | {CUSTOMS_LEVER, HUB_LEVER, PANEL_LEVER}
    return restricted(settings, tuple(sorted(levers)), (FLOOD_SHOCK, PORT_SHOCK))


@dataclass(frozen=True)
class CorridorResult:
    """One run's corridor, draws D, years Y (time-weighted over disruption states)."""

    extra_days: np.ndarray  # (D, Y, M, G) days against the base year, origin x group
    extra_days_normal: np.ndarray  # (D, Y, M, G) the same without disruption events
    edge_days: np.ndarray  # (D, Y, E), NaN for a closed edge
    utilisation: np.ndarray  # (D, Y, E) flow / capacity, NaN for a closed edge
    event_weeks: dict[str, np.ndarray]  # shock id -> (D, Y) weeks the event lasts
    event_exposure: dict[str, np.ndarray]  # shock id -> (D, Y) share of US-bound flow hit
    path_flow: np.ndarray  # (D, Y, St, P) the route choice (reused by Monte Carlo)


def group_growth(prep, params, years: np.ndarray) -> np.ndarray:
    """(D, Y, G) growth index of Mexico's exports to each destination group since the base."""
    model = prep.model
    mex = prep.ridx["MEX"]
    exports = model.flows_usd_m[:, mex, :].sum(axis=0)  # (R,) by importer
    group = np.array([0 if r == "USA" else 1 if r == "CAN" else 2 for r in model.regions])
    group[mex] = -1
    t = (years - model.base_year).astype(float)
    index = (1.0 + params.growth[:, None, :]) ** t[None, :, None]  # (D, Y, R)
    out = np.empty((params.draws, len(years), len(GROUPS)))
    for g in range(len(GROUPS)):
        w = np.where(group == g, exports, 0.0)
        out[..., g] = (index * w).sum(-1) / w.sum() if w.sum() > 0 else 1.0
    return out


def reference(prep, params) -> Assignment:
    """The base year's network (no lever, no event) for every draw."""
    alpha = params.param("bpr_alpha")[:, None]
    beta = params.param("bpr_beta")[:, None]
    return base_assignment(prep.network, alpha, beta)


def route_theta(prep, params, per_day: np.ndarray) -> np.ndarray:
    """(D,) route-choice sensitivity per day: the per-day cost times the substitution
    elasticity, averaged over Mexico's base-year export mix."""
    exports = prep.model.flows_usd_m[:, prep.ridx["MEX"], :].sum(-1)
    weight = exports / exports.sum()
    return (per_day * params.substitution * weight).sum(-1)


def _capacity(prep, settings, params, years: np.ndarray) -> np.ndarray:
    net = prep.network
    d, y = params.draws, len(years)
    cap = np.broadcast_to(net.capacity, (d, y, net.n_edges)).copy()
    enabled = np.array([e or "" for e in net.enabled_by], dtype=object)
    for lever in {e for e in net.enabled_by if e}:
        mask = enabled == lever
        p = settings.lever(lever)
        if p is None:
            cap[..., mask] = 0.0
            continue
        start = settings.number(p, "start_year", settings.start)
        table = net.capacity[mask]
        if params.has_effect(lever, "capacity_usd_bn"):
            # The lever's capacity covers all its edges together: split it in proportion to
            # the edges' own capacities (equally when the table gives none).
            lag, rmp = params.lag_ramp(lever, "capacity_usd_bn")
            split = table / table.sum() if table.sum() > 0 else np.full(len(table), 1 / len(table))
            size = params.effect(lever, "capacity_usd_bn")[:, None, None] * split
        else:
            lag, rmp, size = 0, 0, table[None, None, :]
        share = ramp(years, start, lag, rmp) * settings.number(p, "intensity", 1.0)
        cap[..., mask] = size * share[None, :, None]
    return cap


def _days(prep, settings, params, years: np.ndarray) -> np.ndarray:
    net, model = prep.network, prep.model
    days = np.broadcast_to(net.base_days, (params.draws, len(years), net.n_edges))
    cut = np.zeros(days.shape)
    p = settings.lever(CUSTOMS_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(CUSTOMS_LEVER, "border_days_cut")
        share = ramp(years, settings.number(p, "start_year", settings.start), lag, rmp)
        share = share * settings.number(p, "coverage", 1.0)
        size = params.effect(CUSTOMS_LEVER, "border_days_cut")[:, None, None]
        cut = cut + size * share[None, :, None] * net.border_entry
    p = settings.lever(HUB_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(HUB_LEVER, "days_cut")
        share = ramp(years, settings.start, lag, rmp)
        hub = [model.mx_regions.index(m) for m in HUB_ORIGINS if m in model.mx_regions]
        size = params.effect(HUB_LEVER, "days_cut")[:, None, None]
        cut = cut + size * share[None, :, None] * np.isin(net.origin_of_edge, hub)
    return np.maximum(days - cut, 0.0)


def _events(
    prep, settings, params, years: np.ndarray
) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """(shock id, weeks (D, Y), capacity factor (D, E), edges hit (E,)) per event."""
    net = prep.network
    out = []
    per_year = params.param("weeks_per_year")
    panel = settings.lever(PANEL_LEVER)
    avoided = params.effect(PANEL_LEVER, "disruption_cut_share") if panel is not None else 0.0
    for shock_id in (FLOOD_SHOCK, PORT_SHOCK):
        p = settings.shock(shock_id)
        if p is None:
            continue
        hit = (
            net.edges_leaving(FLOOD_NODE)
            if shock_id == FLOOD_SHOCK
            else net.edges_touching(str(p.get("port", "")))
        )
        weeks = settings.number(p, "weeks", 0.0) * (
            1.0 - np.asarray(avoided) * np.ones(params.draws)
        )
        weeks = np.minimum(weeks, per_year)
        in_year = (years == settings.number(p, "start_year", settings.start)).astype(float)
        loss = params.effect(shock_id, "capacity_loss_share")
        factor = 1.0 - loss[:, None] * hit[None, :]
        out.append((shock_id, weeks[:, None] * in_year[None, :], factor, hit))
    return out


def corridor_run(
    prep,
    settings,
    params,
    years: np.ndarray,
    base: Assignment,
    per_day: np.ndarray,
    fixed: CorridorResult | None = None,
) -> CorridorResult:
    """The corridor of one run for every draw and year.

    ``base`` is ``reference(...)`` for the same draws; ``per_day`` (D, S) fraction of value
    per day; ``fixed`` a central result whose route choice is kept (Monte Carlo), scaled to
    each draw's demand.
    """
    net = prep.network
    d, y, m = params.draws, len(years), len(prep.model.mx_regions)
    cap = _capacity(prep, settings, params, years)
    days0 = _days(prep, settings, params, years)
    demand = net.base_demand * group_growth(prep, params, years)[..., net.od_group]  # (D,Y,OD)
    events = _events(prep, settings, params, years)
    per_year = params.param("weeks_per_year")[:, None]
    cap_st = np.stack([cap] + [cap * factor[:, None, :] for _, _, factor, _ in events], axis=2)
    shares = [w / per_year for _, w, _, _ in events]
    weight = np.stack([1.0 - sum(shares, np.zeros((d, y))), *shares], axis=2)  # (D, Y, St)
    alpha = params.param("bpr_alpha")[:, None, None, None]
    beta = params.param("bpr_beta")[:, None, None, None]
    flows = None
    if fixed is not None:
        carried = fixed.path_flow[:, :, 0, :] @ net.membership  # (1, Y, OD)
        ratio = np.where(carried > 0, demand / np.where(carried > 0, carried, 1.0), 0.0)
        flows = fixed.path_flow * ratio[:, :, None, net.path_od]
    theta = route_theta(prep, params, per_day)[:, None, None, None]
    ref_days = reference_path_days(net, base)[:, None, None, :]
    run = assign(
        net,
        cap_st,
        days0[:, :, None, :],
        demand[:, :, None, :],
        alpha,
        beta,
        theta,
        ref_days,
        flows,
    )
    # A pair without base-year trade has no base cost to compare with: no extra cost.
    traded = net.base_demand > 0
    extra_state = np.where(traded, run.od_days - base.od_days[:, None, None, :], 0.0)
    extra = np.zeros((d, y, m, len(GROUPS)))
    extra[:, :, net.od_origin, net.od_group] = (extra_state * weight[..., None]).sum(axis=2)
    normal = np.zeros_like(extra)
    normal[:, :, net.od_origin, net.od_group] = extra_state[:, :, 0]
    open_ = cap_st > 0
    days_e = np.where(open_, run.edge_days, np.nan)
    util = np.where(open_, run.edge_volume / np.where(open_, cap_st, 1.0), np.nan)
    to_us = (net.od_group[net.path_od] == 0).astype(float)
    normal_flow = run.path_flow[:, :, 0, :]
    us_total = normal_flow @ to_us
    exposure, weeks = {}, {}
    for shock_id, w, _, hit in events:
        through = ((net.incidence @ hit.astype(float)) > 0) * to_us
        exposure[shock_id] = (normal_flow @ through) / np.where(us_total > 0, us_total, 1.0)
        weeks[shock_id] = w
    return CorridorResult(
        extra_days=extra,
        extra_days_normal=normal,
        edge_days=_weighted(days_e, weight),
        utilisation=_weighted(util, weight),
        event_weeks=weeks,
        event_exposure=exposure,
        path_flow=run.path_flow,
    )


def _weighted(values: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Time-weighted mean over the state axis 2, ignoring NaN states (a closed edge)."""
    w = np.where(np.isnan(values), 0.0, weight[..., None])
    total = w.sum(axis=2)
    mean = np.nansum(values * w, axis=2) / np.where(total > 0, total, 1.0)
    return np.where(total > 0, mean, np.nan)


def trade_cost(extra_days: np.ndarray, region_share: np.ndarray, per_day: np.ndarray) -> np.ndarray:
    """(D, Y, S, G) iceberg tau of Mexico's exports by sector and destination group.

    ``extra_days`` (D, Y, M, G); ``region_share`` (D, Y, M, S) origin weights of each sector;
    ``per_day`` (D, S) fraction of value per day.
    """
    days = np.einsum("dymg,dyms->dysg", extra_days, region_share)
    return days * per_day[:, None, :, None]
