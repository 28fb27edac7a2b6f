"""Traffic assignment on the corridor network (``network``): the volume-delay function,
route choice and the base year's assignment.

Delay.  Congestion raises an edge's transit days with the Bureau of Public Roads
volume-delay function (U.S. Bureau of Public Roads, *Traffic Assignment Manual*, 1964):
``days = base_days * (1 + alpha * (flow / capacity) ** beta)``; alpha and beta are the
``bpr_alpha`` and ``bpr_beta`` rows of the ``parameters`` table.

Route choice is a logit calibrated to the base-year path flows (``network``): a path's
share of its (origin, destination group) demand is its base weight times
``exp(-theta * extra days)``, where extra days are against the path's own base-year days, and
theta per day is the per-day cost times the substitution elasticity (the Armington response
of a buyer to a route that is one day slower), both read from the database.  Flows and
delays are iterated to a fixed point with damping.  The observed pattern is thus kept unless
congestion, disruption or an investment changes the days.

Batches.  ``assign_columns`` routes any batch of draws x years x disruption states at once,
paths/edges/pairs on the first axis; its sums over paths add the terms in path order
(``RowSums``), so a draw's numbers do not depend on the batch it is evaluated in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from planner.model.engine.network import Network

ROUTE_STEPS = 4
DAMPING = 0.5
CLOSED_DAYS = 1.0e6  # days of an edge without capacity: never chosen, never NaN


def edge_days(days0, volume, capacity, alpha, beta) -> np.ndarray:
    """BPR delay of each edge; an edge with no capacity is closed (CLOSED_DAYS)."""
    open_ = capacity > 0
    ratio = volume / np.where(open_, capacity, 1.0)
    return np.where(open_, days0 * (1.0 + alpha * ratio**beta), CLOSED_DAYS)


def path_days(net: Network, days_e: np.ndarray) -> np.ndarray:
    """(..., P) days of each path."""
    padded = np.concatenate([days_e, np.zeros((*days_e.shape[:-1], 1))], axis=-1)
    return padded[..., net.path_edges].sum(axis=-1)


@dataclass(frozen=True)
class Assignment:
    path_flow: np.ndarray  # (..., P) USD bn
    edge_days: np.ndarray  # (..., E)
    edge_volume: np.ndarray  # (..., E)
    path_days: np.ndarray  # (..., P)
    od_days: np.ndarray  # (..., OD) flow-weighted mean days of each pair

    def take(self, rows: slice) -> Assignment:
        """The draws ``rows`` (leading axis) of every array."""
        return Assignment(
            self.path_flow[rows],
            self.edge_days[rows],
            self.edge_volume[rows],
            self.path_days[rows],
            self.od_days[rows],
        )


def base_assignment(net: Network, alpha: np.ndarray, beta: np.ndarray) -> Assignment:
    """The base year (D draws): observed path flows, lever edges closed; alpha, beta (D, 1)."""
    capacity = np.where(net.is_lever, 0.0, net.capacity)
    flows = np.broadcast_to(net.base_path_flow, (alpha.shape[0], len(net.base_path_flow)))
    return _evaluate(net, flows, capacity, net.base_days, alpha, beta)


def reference_path_days(net: Network, base: Assignment) -> np.ndarray:
    """(D, P) base-year days of every path.  A path through a lever edge did not exist: it is
    compared with its pair's base-year mean, so a faster new route draws more than its
    capacity share and a slower one less."""
    own = path_days(net, base.edge_days)
    return np.where(net.lever_edge >= 0, base.od_days[..., net.path_od], own)


def assign(
    net, capacity, days0, demand, alpha, beta, theta, reference_days, path_flow=None
) -> Assignment:
    """Route ``demand`` (..., OD) and return days and volumes.

    ``capacity``, ``days0`` (..., E); ``alpha``, ``beta``, ``theta`` (per day) broadcast to
    (..., 1); ``reference_days`` (..., P) base-year path days.  With ``path_flow`` the route
    choice is kept and only the delays are evaluated (Monte Carlo).
    """
    last = [capacity, days0, demand, alpha, beta, theta, reference_days]
    if path_flow is not None:
        last.append(path_flow)
    batch = np.broadcast_shapes(*(np.shape(a)[:-1] for a in last))

    def first(a):  # (..., F) -> (F, *batch)
        a = np.asarray(a)
        return np.ascontiguousarray(np.moveaxis(np.broadcast_to(a, (*batch, a.shape[-1])), -1, 0))

    def scalar(a):  # (..., 1) -> batch
        return np.broadcast_to(np.asarray(a)[..., 0], batch)

    run = assign_columns(
        net,
        first(capacity),
        first(days0),
        first(demand),
        scalar(alpha),
        scalar(beta),
        scalar(theta),
        first(reference_days),
        None if path_flow is None else first(path_flow),
    )
    fields = (run.path_flow, run.edge_days, run.edge_volume, run.path_days, run.od_days)
    return Assignment(*(np.moveaxis(a, 0, -1) for a in fields))


@dataclass(frozen=True)
class Columns:
    """An assignment with the feature axis first: (F, *batch) arrays (see ``assign_columns``)."""

    path_flow: np.ndarray  # (P, *batch)
    edge_days: np.ndarray  # (E, *batch), CLOSED_DAYS on a closed edge
    edge_volume: np.ndarray  # (E, *batch)
    path_days: np.ndarray  # (P, *batch)
    od_days: np.ndarray  # (OD, *batch)
    open_edge: np.ndarray  # (E, *batch) bool: capacity > 0
    open_capacity: np.ndarray  # (E, *batch) capacity, 1 on a closed edge


def assign_columns(
    net: Network,
    capacity: np.ndarray,
    days0: np.ndarray,
    demand: np.ndarray,
    alpha: np.ndarray,
    beta: np.ndarray,
    theta: np.ndarray | None,
    reference_days: np.ndarray | None,
    path_flow: np.ndarray | None = None,
    power: Callable[..., np.ndarray] = np.power,
) -> Columns:
    """``assign`` on (F, *batch) arrays: ``capacity``, ``days0`` (E, *batch), ``demand``
    (OD, *batch), ``reference_days`` and ``path_flow`` (P, *batch); ``alpha``, ``beta`` and
    ``theta`` broadcast to ``batch``.  ``power(base, exponent, out=...)`` raises the
    volume-capacity ratios to ``beta`` (``power_by_log``: Monte Carlo's draws).

    The same arithmetic as ``assign``, element by element, with the feature axis first so
    that path/edge/pair sums gather whole rows (``RowSums``) and every step is one pass over
    contiguous memory, whatever the number of draws, years and states in the batch.
    """
    open_ = capacity > 0
    edges = (open_, ~open_, np.where(open_, capacity, 1.0))  # open, closed, divisor
    if path_flow is not None:
        return _evaluate_columns(net, path_flow, edges, days0, alpha, beta, power)
    pad = np.zeros((1, *capacity.shape[1:]))
    lever_cap = np.concatenate([capacity, pad])[net.lever_edge]  # index -1: the zero pad
    weight = net.base_path_flow.reshape(-1, *[1] * (capacity.ndim - 1)) + lever_cap * (
        net.lever_factor.reshape(-1, *[1] * (capacity.ndim - 1))
    )
    wanted = demand.take(net.path_od, axis=0)
    x = _split_columns(net, weight, wanted)
    for _ in range(ROUTE_STEPS):
        padded = _edge_days_columns(days0, net.edge_sums(x), edges, alpha, beta, power)
        days_p = _path_days_columns(net, padded)
        # np.clip's bounds, as two ufunc calls (np.clip adds a Python wrapper's overhead
        # to every one of these small steps).
        extra = np.minimum(np.maximum(theta * (days_p - reference_days), -50.0), 50.0)
        x = DAMPING * x + (1.0 - DAMPING) * _split_columns(net, weight * np.exp(-extra), wanted)
    return _evaluate_columns(net, x, edges, days0, alpha, beta, power)


def power_by_log(base: np.ndarray, exponent: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``base ** exponent`` for ``base`` >= 0, as exp(exponent * log(base)) in float32:
    numpy vectorises float32 exp and log (not float64, nor pow), ~5x faster.  Its relative
    error (~1e-6 of the congestion term) is that of the float32 the Monte Carlo draws are
    solved in."""
    if not (np.asarray(exponent) > 0).all():  # 0 ** 0 is 1, not exp(0 * -inf)
        return np.power(base, exponent, out=out)
    work = base.astype(np.float32)
    with np.errstate(divide="ignore"):  # log 0 = -inf: exp(-inf) = 0 = 0 ** exponent
        np.log(work, out=work)
    np.multiply(work, np.asarray(exponent, dtype=np.float32), out=work)
    np.exp(work, out=work)
    np.copyto(out, work)
    return out


def _edge_days_columns(days0, volume, edges, alpha, beta, power=np.power) -> np.ndarray:
    """``edge_days`` (E, *batch) in the first E rows of an (E + 1, *batch) array whose last
    row is 0: the days of the padding edge ``path_edges`` points at."""
    _, closed, safe = edges
    out = np.empty((volume.shape[0] + 1, *volume.shape[1:]))
    days = out[:-1]
    np.divide(volume, safe, out=days)
    power(days, beta, out=days)
    np.multiply(alpha, days, out=days)
    np.add(1.0, days, out=days)
    np.multiply(days0, days, out=days)
    np.copyto(days, CLOSED_DAYS, where=closed)
    out[-1] = 0.0
    return out


def _path_days_columns(net: Network, padded: np.ndarray) -> np.ndarray:
    """(P, *batch) days of each path from ``_edge_days_columns``: the path's edges added
    in order, as ``path_days`` sums them."""
    out = padded.take(net.path_edges[:, 0], axis=0)
    for hop in range(1, net.path_edges.shape[1]):
        np.add(out, padded.take(net.path_edges[:, hop], axis=0), out=out)
    return out


def _split_columns(net: Network, weight: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """(P, *batch) path flows: each pair's demand (``wanted``, repeated on each of its
    paths) split in proportion to its paths' ``weight``."""
    total = net.od_sums(weight)
    share = weight / np.where(total > 0, total, 1.0).take(net.path_od, axis=0)
    return share * wanted


def _evaluate_columns(net, x, edges, days0, alpha, beta, power=np.power) -> Columns:
    """Days and volumes of path flows ``x`` (P, *batch), as ``_evaluate`` computes them."""
    volume = net.edge_sums(x)
    padded = _edge_days_columns(days0, volume, edges, alpha, beta, power)
    days_p = _path_days_columns(net, padded)
    both = np.empty((x.shape[0], 2, *x.shape[1:]))  # one pass of sums for both
    both[:, 0] = x
    np.multiply(x, days_p, out=both[:, 1])
    total, weighted = np.moveaxis(net.od_sums(both), 1, 0)
    busy = total > 0
    od_days = weighted / np.where(busy, total, 1)
    if not busy.all():
        # A pair without demand gets the plain mean of its paths (it weighs nothing anywhere).
        count = net.membership.sum(axis=0).reshape(-1, *[1] * (x.ndim - 1))
        od_days = np.where(busy, od_days, net.od_sums(days_p) / count)
    return Columns(x, padded[:-1], volume, days_p, od_days, edges[0], edges[2])


def _evaluate(net, x, capacity, days0, alpha, beta) -> Assignment:
    volume = x @ net.incidence
    days_e = edge_days(days0, volume, capacity, alpha, beta)
    days_p = path_days(net, days_e)
    total = x @ net.membership
    # A pair without demand gets the plain mean of its paths (it weighs nothing anywhere).
    plain = (days_p @ net.membership) / net.membership.sum(axis=0)
    od_days = np.where(
        total > 0, ((x * days_p) @ net.membership) / np.where(total > 0, total, 1), plain
    )
    return Assignment(x, days_e, volume, days_p, od_days)
