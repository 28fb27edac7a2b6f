"""Corridor network -> transit days -> ad-valorem trade-cost equivalents, year by year.

The network and its route tables live in ``network``, its volume-delay function (BPR) and
route choice in ``assignment``; this module applies a scenario to them.  Investments and
disruptions act on edges:
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
  that year and nothing persists after it.  It holds up the share of US-bound supply routed
  through the edges hit times the share of their capacity lost, for its days (the US
  manufacturer's disruption days): a severer event holds up more.

Extra days against the base year become an iceberg cost with the per-day cost of each sector
(Hummels & Schaur 2013: 0.6-2.1% of value per day; ``per_day_cost_pct.<sector>``), weighting
the macro-regions by their share of the sector's exports.  The extra days stay by origin
(``extra_days``): a disruption's cost falls on the regions whose routes it cuts (``regions``).

The edges before routing (what the model fixes of them, what a run's levers make of them)
are in ``corridor_edges``; what a run reports from its assignment in ``corridor_outputs``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from planner.model.engine.assignment import (
    Assignment,
    assign_columns,
    base_assignment,
    power_by_log,
    reference_path_days,
)
from planner.model.engine.corridor_edges import (
    CUSTOMS_LEVER,
    HUB_LEVER,
    corridor_static,
    edge_base_days,
    edge_capacity,
)
from planner.model.engine.corridor_outputs import by_pair, edge_detail, path_sum
from planner.model.engine.network import GROUPS, Network
from planner.model.engine.settings import ScenarioSettings, restricted

__all__ = ["GROUPS", "Assignment", "CorridorResult", "Network", "corridor_run", "reference"]

# --- a scenario's corridor year by year -------------------------------------------------------

FLOOD_SHOCK, FLOOD_NODE, PORT_SHOCK = "bajio_flood", "bajio", "port_disruption"
PANEL_LEVER = "rapid_response_panel"


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
    # None when not asked for (``corridor_run(detail=False)``: Monte Carlo's draws)
    edge_days: np.ndarray | None  # (D, Y, E), NaN for a closed edge
    utilisation: np.ndarray | None  # (D, Y, E) flow / capacity, NaN for a closed edge
    event_weeks: dict[str, np.ndarray]  # shock id -> (D, Y) weeks the event lasts
    # shock id -> (D, Y) share of US-bound flow held up: the share routed through the edges
    # hit times the share of their capacity the event removes
    event_exposure: dict[str, np.ndarray]
    path_flow: np.ndarray  # (D, Y, St, P) the route choice (reused by Monte Carlo)


# Growth draws remembered by ``group_growth``: every pass of 20 draws of a 1,000-draw run
# (the baseline's pass and the scenario's use the same draws), a few kB each.
GROWTH_KEPT = 128


def group_growth(prep, params, years: np.ndarray) -> np.ndarray:
    """(D, Y, G) growth index of Mexico's exports to each destination group since the base.

    Read-only, remembered per model for the growth numbers and years it depends on: its
    powers are a tenth of a corridor pass, and the baseline's and the scenario's passes
    (and every central evaluate) ask for the same draws.
    """
    static = corridor_static(prep)
    key = (params.growth.shape, params.growth.tobytes(), years.tobytes())
    with static.lock:
        out = static.grown.get(key)
        if out is not None:
            static.grown.move_to_end(key)
            return out
    t = (years - prep.model.base_year).astype(float)
    index = (1.0 + params.growth[:, None, :]) ** t[None, :, None]  # (D, Y, R)
    out = np.empty((params.draws, len(years), len(GROUPS)))
    for g, (w, total, only) in enumerate(
        zip(static.group_weight, static.group_total, static.group_only, strict=True)
    ):
        if total <= 0:
            out[..., g] = 1.0
        elif only is not None:  # a sum of one term and zeros is that term, exactly
            out[..., g] = index[..., only] * w[only] / total
        else:
            out[..., g] = (index * w).sum(-1) / total
    out.flags.writeable = False
    with static.lock:
        static.grown[key] = out
        while len(static.grown) > GROWTH_KEPT:
            static.grown.popitem(last=False)
    return out


# Monte Carlo draw sets whose ``reference`` is remembered (about 2 MB for 1,000 draws).
REFERENCES_KEPT = 1


def forget_references(prep) -> None:
    """Drop the remembered base-year networks of draw sets (see ``reference``)."""
    static = corridor_static(prep)
    with static.lock:
        static.references.clear()


def reference(prep, params) -> Assignment:
    """The base year's network (no lever, no event) for every draw.

    Read-only; for more than one draw remembered per model for the last BPR numbers asked
    for: every Monte Carlo run of the same draws (each edit of a scenario) asks for it
    again, and 1,000 draws cost 30-50 ms.
    """
    alpha = params.param("bpr_alpha")[:, None]
    beta = params.param("bpr_beta")[:, None]
    if len(alpha) <= 1:
        return base_assignment(prep.network, alpha, beta)
    static = corridor_static(prep)
    key = (alpha.shape, alpha.tobytes(), beta.tobytes())
    with static.lock:
        out = static.references.get(key)
        if out is not None:
            static.references.move_to_end(key)
            return out
    out = base_assignment(prep.network, alpha, beta)
    for f in dataclasses.fields(out):
        getattr(out, f.name).flags.writeable = False
    with static.lock:
        static.references[key] = out
        while len(static.references) > REFERENCES_KEPT:
            static.references.popitem(last=False)
    return out


def route_theta(prep, params, per_day: np.ndarray) -> np.ndarray:
    """(D,) route-choice sensitivity per day: the per-day cost times the substitution
    elasticity, averaged over Mexico's base-year export mix."""
    return (per_day * params.substitution * corridor_static(prep).export_weight).sum(-1)


def _events(
    prep, settings, params, years: np.ndarray
) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(shock id, weeks (D, Y), capacity factor (D, E), (edges hit (E,), US-bound paths
    through them), its year (Y,) 0/1, capacity lost on the edges hit (D,)) per event."""
    net = prep.network
    hits = corridor_static(prep).hits
    out = []
    per_year = params.param("weeks_per_year")
    panel = settings.lever(PANEL_LEVER)
    avoided = params.effect(PANEL_LEVER, "disruption_cut_share") if panel is not None else 0.0
    for shock_id in (FLOOD_SHOCK, PORT_SHOCK):
        p = settings.shock(shock_id)
        if p is None:
            continue
        where = (shock_id, FLOOD_NODE if shock_id == FLOOD_SHOCK else str(p.get("port", "")))
        if where not in hits:
            hit = (
                net.edges_leaving(where[1])
                if shock_id == FLOOD_SHOCK
                else net.edges_touching(where[1])
            )
            to_us = corridor_static(prep).to_us
            through = ((net.incidence @ hit.astype(float)) > 0)[to_us]
            hits[where] = (hit, to_us[through])
        hit = hits[where][0]
        weeks = settings.number(p, "weeks", 0.0) * (
            1.0 - np.asarray(avoided) * np.ones(params.draws)
        )
        weeks = np.minimum(weeks, per_year)
        in_year = (years == settings.number(p, "start_year", settings.start)).astype(float)
        loss = params.effect(shock_id, "capacity_loss_share")
        factor = 1.0 - loss[:, None] * hit[None, :]
        out.append(
            (shock_id, weeks[:, None] * in_year[None, :], factor, hits[where], in_year, loss)
        )
    return out


def corridor_run(
    prep,
    settings,
    params,
    years: np.ndarray,
    base: Assignment,
    per_day: np.ndarray,
    fixed: CorridorResult | None = None,
    detail: bool = True,
    float32_delays: bool = False,
) -> CorridorResult:
    """The corridor of one run for every draw and year.

    ``base`` is ``reference(...)`` for the same draws; ``per_day`` (D, S) fraction of value
    per day; ``fixed`` a central result whose route choice is kept (Monte Carlo), scaled to
    each draw's demand.  ``detail`` False: no edge days and utilisation (None), which only
    the central run shows; the trade costs and events are the same either way.
    ``float32_delays``: the BPR power in float32 (``power_by_log``: Monte Carlo's draws,
    solved in float32 downstream), ~1e-6 of the congestion delay from np.power's.
    """
    net = prep.network
    d, y, m = params.draws, len(years), len(prep.model.mx_regions)
    cap = edge_capacity(prep, settings, params, years)  # (E, D, Y)
    demand = net.base_demand * group_growth(prep, params, years)[..., net.od_group]  # (D,Y,OD)
    events = _events(prep, settings, params, years)
    per_year = params.param("weeks_per_year")[:, None]
    shares = [w / per_year for _, w, _, _, _, _ in events]
    weight = np.stack([1.0 - sum(shares, np.zeros((d, y))), *shares], axis=2)  # (D, Y, St)
    st, every = weight.shape[2], np.arange(y)
    # A disruption state weighs nothing outside its event's year, and a state of weight 0
    # adds exactly 0 to every time-weighted output: only the event years are weighted over
    # states, the other years are the normal state's own values.
    event_years = np.flatnonzero(sum((e[4] for e in events), np.zeros(y)))
    n = len(event_years)
    # The assignment works on (draw, column) batches, feature axis first.  A fresh route
    # choice is returned for every state and year: columns (year, state), so it comes back
    # in the memory order the engine's batched arrays have always had (paths, draws, years,
    # states), which the exposure products below read.  A kept route choice (Monte Carlo)
    # only needs the normal state and the events' years: columns (normal years, then
    # each disruption state's event years).
    if fixed is None:
        col_year = np.repeat(every, st)
        states = [slice(s, None, st) for s in range(st)]  # every column of each state
        events_at = [event_years * st + s for s in range(st)]  # its event-year columns
    else:
        col_year = np.concatenate([every, np.tile(event_years, st - 1)])
        col_state = np.repeat(np.arange(st), [y] + [n] * (st - 1))
        states = [slice(0, y)] + [slice(y + (s - 1) * n, y + s * n) for s in range(1, st)]
        events_at = [event_years, *states[1:]]
    cap_c = cap.take(col_year, axis=2)  # (E, D, C)
    for event, c in zip(events, states[1:], strict=True):
        cap_c[:, :, c] *= event[2].T[:, :, None]
    days = edge_base_days(prep, settings, params, years)
    days0 = days.take(col_year, axis=2) if days.shape[2] > 1 else days
    alpha = params.param("bpr_alpha")[:, None]
    beta = params.param("bpr_beta")[:, None]
    if fixed is None:
        theta = route_theta(prep, params, per_day)[:, None]
        ref_days = reference_path_days(net, base).T[:, :, None]
        wanted = demand.transpose(2, 0, 1).take(col_year, axis=2)
        run = assign_columns(net, cap_c, days0, wanted, alpha, beta, theta, ref_days)
        flows = run.path_flow.reshape(-1, d, y, st)
    else:
        carried = fixed.path_flow[:, :, 0, :] @ net.membership  # (1, Y, OD)
        ratio = np.where(carried > 0, demand / np.where(carried > 0, carried, 1.0), 0.0)
        # Paths first, like the central route choice it scales (see above); one state at a
        # time, as a product broadcast over both draws and states runs in 2-element loops.
        ratio = ratio.transpose(2, 0, 1).take(net.path_od, axis=0)  # (P, D, Y)
        kept = fixed.path_flow.transpose(3, 0, 1, 2)  # (P, 1, Y, St)
        flows = np.empty((len(net.path_od), d, y, st))
        for s in range(st):
            np.multiply(kept[..., s], ratio, out=flows[..., s])
        x = flows.reshape(-1, d, y * st)
        if st > 1:
            x = x.take(col_year * st + col_state, axis=2)
        power = power_by_log if float32_delays else np.power
        run = assign_columns(net, cap_c, days0, None, alpha, beta, None, None, x, power)
    path_flow = flows.transpose(1, 2, 3, 0)  # (D, Y, St, P)
    # A pair without base-year trade has no base cost to compare with: no extra cost.
    traded = (net.base_demand > 0)[:, None, None]
    extra_state = np.where(traded, run.od_days - base.od_days.T[:, :, None], 0.0)  # (OD,D,C)
    normal = extra_state[:, :, states[0]]
    extra = normal.copy()
    if n:
        # The time-weighted mean over states of the event years; states are added in
        # order, as a sum over the state axis adds them.
        extra_sum = extra_state[:, :, events_at[0]] * weight[:, event_years, 0]
        for s, c in enumerate(events_at[1:], start=1):
            extra_sum += extra_state[:, :, c] * weight[:, event_years, s]
        extra[:, :, event_years] = extra_sum
    edge_days = utilisation = None
    if detail:
        edge_days, utilisation = edge_detail(run, weight, states, events_at, event_years)
    exposure, weeks = {}, {}
    if events:
        us_total = path_sum(flows, corridor_static(prep).to_us)
        us_total = np.where(us_total > 0, us_total, 1.0)
    for shock_id, w, _, (_, through), _, loss in events:
        # Of the flow through the edges hit, the share of their capacity lost is held up
        # (the rest still passes, slower: its extra days are in the trade costs).
        exposure[shock_id] = path_sum(flows, through) / us_total * loss[:, None]
        weeks[shock_id] = w
    return CorridorResult(
        extra_days=by_pair(net, extra, m),
        extra_days_normal=by_pair(net, normal, m),
        edge_days=edge_days,
        utilisation=utilisation,
        event_weeks=weeks,
        event_exposure=exposure,
        path_flow=path_flow,
    )


def trade_cost(
    extra_days: np.ndarray, region_share: np.ndarray, per_day: np.ndarray, product: bool = False
) -> np.ndarray:
    """(D, Y, S, G) iceberg tau of Mexico's exports by sector and destination group.

    ``extra_days`` (D, Y, M, G); ``region_share`` (D, Y, M, S) origin weights of each sector;
    ``per_day`` (D, S) fraction of value per day.  ``product``: the sum over regions as a
    stacked matrix product, 2-4x faster than einsum's and a float64 ulp or so from it
    (Monte Carlo's draws, solved in float32 downstream).
    """
    if product:
        days = np.matmul(region_share.swapaxes(-1, -2), extra_days)
    else:
        days = np.einsum("dymg,dyms->dysg", extra_days, region_share)
    return days * per_day[:, None, :, None]
