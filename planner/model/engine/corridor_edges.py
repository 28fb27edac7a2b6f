"""The corridor's edges before routing (``logistics``): what the model alone fixes of them,
derived once per Prepared (``_Static``: the levers' edges and capacity splits, base days, the
trade hub's edges, US-bound paths, with the corridor's caches), and what a run's levers make
of them: every edge's capacity (``edge_capacity``) and uncongested days (``edge_base_days``)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from planner.model.engine.network import GROUPS
from planner.model.engine.settings import ramp

HUB_LEVER, HUB_ORIGINS = "southwest_trade_hub", ("south_southeast", "pacific")
CUSTOMS_LEVER = "e_customs"


@dataclass(frozen=True)
class _Static:
    """What the corridor needs of the model alone, derived once per Prepared."""

    levers: tuple[tuple[str, np.ndarray, np.ndarray], ...]  # lever, its edges, capacity split
    group_weight: np.ndarray  # (G, R) Mexico's base exports to the importers of each group
    group_total: np.ndarray  # (G,)
    group_only: tuple[int | None, ...]  # the group's one importer, if it has only one
    export_weight: np.ndarray  # (S,) Mexico's base-year export mix
    base_days: np.ndarray  # (E,) days of the edges without any lever (never below 0)
    hub: np.ndarray  # (E,) edges leaving the South-West trade hub's origins
    to_us: np.ndarray  # (P,) paths to a US market
    # (shock id, node or port) -> (edges hit (E,), US-bound paths through them), filled on
    # first use
    hits: dict
    # ``group_growth`` of the growth draws and years it was last asked for (see there).
    grown: OrderedDict = field(default_factory=OrderedDict)
    # ``reference`` of the BPR draws it was last asked for (see there).
    references: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def corridor_static(prep) -> _Static:
    return prep.remember(("corridor_static",), lambda: _build_static(prep))


def _build_static(prep) -> _Static:
    net, model = prep.network, prep.model
    enabled = np.array([e or "" for e in net.enabled_by], dtype=object)
    levers = []
    for lever in sorted({e for e in net.enabled_by if e}):
        edges = np.flatnonzero(enabled == lever)
        table = net.capacity[edges]
        # The lever's capacity covers all its edges together: split it in proportion to
        # the edges' own capacities (equally when the table gives none).
        split = table / table.sum() if table.sum() > 0 else np.full(len(table), 1 / len(table))
        levers.append((lever, edges, split))
    mex = prep.ridx["MEX"]
    exports = model.flows_usd_m[:, mex, :].sum(axis=0)  # (R,) by importer
    group = np.array([0 if r == "USA" else 1 if r == "CAN" else 2 for r in model.regions])
    group[mex] = -1
    weight = np.stack([np.where(group == g, exports, 0.0) for g in range(len(GROUPS))])
    mix = model.flows_usd_m[:, mex, :].sum(-1)
    hub = [model.mx_regions.index(m) for m in HUB_ORIGINS if m in model.mx_regions]
    value = _Static(
        levers=tuple(levers),
        group_weight=weight,
        group_total=np.array([w.sum() for w in weight]),
        group_only=tuple(
            int(np.flatnonzero(w)[0]) if (w != 0).sum() == 1 else None for w in weight
        ),
        export_weight=mix / mix.sum(),
        base_days=np.maximum(net.base_days, 0.0),
        hub=np.isin(net.origin_of_edge, hub),
        to_us=np.flatnonzero(net.od_group[net.path_od] == 0),
        hits={},
    )
    return value


def edge_capacity(prep, settings, params, years: np.ndarray) -> np.ndarray:
    """(E, D, Y) capacity of every edge (feature axis first, as ``assign_columns`` takes it)."""
    net = prep.network
    cap = np.empty((net.n_edges, params.draws, len(years)))
    cap[...] = net.capacity[:, None, None]
    for lever, edges, split in corridor_static(prep).levers:
        p = settings.lever(lever)
        if p is None:
            cap[edges] = 0.0
            continue
        start = settings.number(p, "start_year", settings.start)
        if params.has_effect(lever, "capacity_usd_bn"):
            lag, rmp = params.lag_ramp(lever, "capacity_usd_bn")
            size = params.effect(lever, "capacity_usd_bn")[:, None, None] * split
        else:
            lag, rmp, size = 0, 0, net.capacity[edges][None, None, :]
        share = ramp(years, start, lag, rmp) * settings.number(p, "intensity", 1.0)
        cap[edges] = (size * share[None, :, None]).transpose(2, 0, 1)
    return cap


def edge_base_days(prep, settings, params, years: np.ndarray) -> np.ndarray:
    """(E, D or 1, Y or 1) uncongested days of every edge after the levers' cuts."""
    net, static = prep.network, corridor_static(prep)
    terms = []  # (edges cut, (n, D, Y) days cut) per lever, in the order they add up
    p = settings.lever(CUSTOMS_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(CUSTOMS_LEVER, "border_days_cut")
        share = ramp(years, settings.number(p, "start_year", settings.start), lag, rmp)
        share = share * settings.number(p, "coverage", 1.0)
        size = params.effect(CUSTOMS_LEVER, "border_days_cut")[:, None]
        terms.append((net.border_entry, size * share[None, :]))
    p = settings.lever(HUB_LEVER)
    if p is not None:
        lag, rmp = params.lag_ramp(HUB_LEVER, "days_cut")
        share = ramp(years, settings.start, lag, rmp)
        size = params.effect(HUB_LEVER, "days_cut")[:, None]
        terms.append((static.hub, size * share[None, :]))
    days = static.base_days[:, None, None]
    if not terms:
        return days
    # Only the edges a lever cuts change: the others keep their days.
    cut_edges = np.flatnonzero(np.logical_or.reduce([edges for edges, _ in terms]))
    cut = None
    for edges, size in terms:
        term = size * edges[cut_edges, None, None]
        cut = term if cut is None else cut + term
    out = np.empty((net.n_edges, *cut.shape[1:]))
    out[...] = days
    out[cut_edges] = np.maximum(net.base_days[cut_edges, None, None] - cut, 0.0)
    return out
