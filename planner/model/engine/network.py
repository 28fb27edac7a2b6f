"""The corridor network: route tables, the volume-delay function and route choice.

Delay.  Congestion raises an edge's transit days with the Bureau of Public Roads
volume-delay function (U.S. Bureau of Public Roads, *Traffic Assignment Manual*, 1964):
``days = base_days * (1 + alpha * (flow / capacity) ** beta)``; alpha and beta are the
``bpr_alpha`` and ``bpr_beta`` rows of the ``parameters`` table.

Routes.  Every simple path from a macro-region node to a market node is enumerated once per
model.  Base-year path flows split each edge's base flow over the edges leaving its end
node in proportion to their base flows, so the base year reproduces the observed edge flows.
A path through an edge that a lever adds (``enabled_by``) starts with the origin's base
utilisation of that edge's capacity, split downstream the same way, and is compared with its
pair's base-year mean days.

Route choice is a logit calibrated to that pattern: a path's share of its (origin,
destination group) demand is its base weight times ``exp(-theta * extra days)``, where extra
days are against the path's own base-year days, and theta per day is the per-day cost times
the substitution elasticity (the Armington response of a buyer to a route that is one day
slower), both read from the database.  Flows and delays are iterated to a fixed point with
damping.  The observed pattern is thus kept unless congestion, disruption or an investment
changes the days.

Batches.  ``assign_columns`` routes any batch of draws x years x disruption states at once,
paths/edges/pairs on the first axis; its sums over paths add the terms in path order
(``RowSums``), so a draw's numbers do not depend on the batch it is evaluated in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from planner.model.data import ModelData

GROUPS = ("USA", "CAN", "overseas")  # destination groups of the network's markets
MAX_PATH_EDGES = 4
ROUTE_STEPS = 4
DAMPING = 0.5
CLOSED_DAYS = 1.0e6  # days of an edge without capacity: never chosen, never NaN


def market_group(node_id: str) -> int:
    """Destination group of a market node: US markets, Canada, everything overseas."""
    if node_id.startswith("us_"):
        return 0
    return 1 if node_id == "canada" else 2


@dataclass(frozen=True)
class Network:
    """Route tables of the corridor network (E edges, P paths, OD origin-group pairs)."""

    edge_ids: tuple[str, ...]
    from_node: tuple[str, ...]
    to_node: tuple[str, ...]
    enabled_by: tuple[str | None, ...]
    capacity: np.ndarray  # (E,) USD bn a year
    base_flow: np.ndarray  # (E,) USD bn a year (0 on lever edges)
    base_days: np.ndarray  # (E,)
    border_entry: np.ndarray  # (E,) bool: edge into a border crossing
    origin_of_edge: np.ndarray  # (E,) macro-region index of the edge's start node, or -1
    path_edges: np.ndarray  # (P, L) edge index, padded with E (a zero-day dummy)
    path_od: np.ndarray  # (P,)
    incidence: np.ndarray  # (P, E) 1 where the path uses the edge
    membership: np.ndarray  # (P, OD) 1 where the path serves the pair
    od_origin: np.ndarray  # (OD,) macro-region index
    od_group: np.ndarray  # (OD,) destination group index
    base_path_flow: np.ndarray  # (P,) USD bn
    lever_edge: np.ndarray  # (P,) the lever edge a path uses, or -1
    lever_factor: np.ndarray  # (P,) base weight per USD bn of that edge's capacity
    base_demand: np.ndarray  # (OD,) USD bn

    @property
    def n_edges(self) -> int:
        return len(self.edge_ids)

    @property
    def is_lever(self) -> np.ndarray:
        return np.array([e is not None for e in self.enabled_by], dtype=bool)

    def edges_touching(self, node: str) -> np.ndarray:
        return np.array([node in (a, b) for a, b in zip(self.from_node, self.to_node, strict=True)])

    def edges_leaving(self, node: str) -> np.ndarray:
        return np.array([a == node for a in self.from_node])

    @cached_property
    def edge_sums(self) -> RowSums:
        """Sums of path rows into edges (the ``incidence`` product, rows first)."""
        return RowSums(self.incidence)

    @cached_property
    def od_sums(self) -> RowSums:
        """Sums of path rows into their pairs (the ``membership`` product, rows first)."""
        return RowSums(self.membership)


class RowSums:
    """``out[k] = sum of a[p] over the p with matrix[p, k] == 1`` for arrays ``a`` (P, ...).

    The terms are added one at a time in ascending p, which is how a BLAS product with a
    0/1 matrix sums them when its kernel takes the rows in order (and so bit for bit what
    the engine computed with ``@`` on two-row batches).  Unlike ``@`` the rounding then
    never depends on the batch size, the BLAS kernel or its threads: a D-draw pass equals
    D single-draw ones.

    Two ways to the same sums: targets visited by decreasing number of terms, so the k-th
    term of every target that has one is a prefix slice (one gather and one add per term
    depth), or every target's terms gathered at once, padded with a zero row, and summed
    over their own axis (numpy adds along an axis that is not the innermost in order).  The
    second moves more memory in three calls: it wins for deep sums over small batches.
    """

    # What one numpy call costs, in elements it could have moved instead (measured: a few
    # microseconds against about half a nanosecond per element).
    CALL_COST = 5_000

    def __init__(self, matrix: np.ndarray) -> None:
        rows = [np.flatnonzero(matrix[:, k]) for k in range(matrix.shape[1])]
        count = np.array([len(r) for r in rows], dtype=np.int64)
        order = np.argsort(-count, kind="stable")
        self.size = len(rows)
        self.n_filled = int((count > 0).sum())
        self.depth = int(count.max(initial=0))
        self.terms = tuple(
            np.array([rows[t][k] for t in order if count[t] > k], dtype=np.int64)
            for k in range(self.depth)
        )
        self.unsort = np.argsort(order)
        # Elements per batch element the padded way moves beyond the prefix way's.
        self.extra = matrix.shape[0] + 2 * self.size * self.depth - 2 * count.sum() - self.size
        pad = matrix.shape[0]  # the index of the zero row appended to ``a``
        self.padded = np.array(
            [list(r) + [pad] * (self.depth - len(r)) for r in rows], dtype=np.int64
        ).reshape(self.size, self.depth)

    def __call__(self, a: np.ndarray) -> np.ndarray:
        batch = a.shape[1:]
        size = math.prod(batch)
        # The prefix way makes 2 * depth + 1 numpy calls, the padded way 5.  (A batch of one
        # element would make the term axis the innermost one, which numpy sums pairwise.)
        if size > 1 and self.extra * size < (2 * self.depth - 4) * self.CALL_COST:
            ext = np.empty((a.shape[0] + 1, *batch))
            ext[:-1] = a
            ext[-1] = 0.0
            terms = ext.take(self.padded.ravel(), axis=0)
            return terms.reshape(self.size, self.depth, *batch).sum(axis=1)
        out = np.empty((self.size, *batch))
        if self.terms:
            np.take(a, self.terms[0], axis=0, out=out[: self.n_filled])
        out[self.n_filled :] = 0.0
        for rows in self.terms[1:]:
            head = out[: len(rows)]
            np.add(head, a.take(rows, axis=0), out=head)
        return out.take(self.unsort, axis=0)


def _origins(model: ModelData) -> dict[str, int]:
    # Border and port nodes also name the macro-region they sit in; only mx_region nodes
    # are origins.
    out = {}
    nodes = model.network_nodes
    for n, k, m in zip(nodes["id"], nodes["kind"], nodes["mx_region"], strict=True):
        region = m if isinstance(m, str) and m in model.mx_regions else n
        if k == "mx_region" and region in model.mx_regions:
            out[str(n)] = model.mx_regions.index(region)
    return out


def _enumerate(kind: dict, out_of: dict, to: tuple, origins) -> list[tuple[int, ...]]:
    paths: list[tuple[int, ...]] = []

    def walk(node: str, trail: tuple[int, ...], seen: frozenset) -> None:
        if kind.get(node) == "market":
            paths.append(trail)
            return
        if len(trail) >= MAX_PATH_EDGES:
            return
        for e in out_of.get(node, []):
            if to[e] not in seen:
                walk(to[e], (*trail, e), seen | {to[e]})

    for origin in origins:
        walk(origin, (), frozenset({origin}))
    return paths


def build_network(model: ModelData) -> Network:
    """Enumerate the routes of ``model``'s network and split base flows over them."""
    kind = dict(zip(model.network_nodes["id"], model.network_nodes["kind"], strict=True))
    edges = model.network_edges
    origin_of = _origins(model)
    frm = tuple(str(x) for x in edges["from_node"])
    to = tuple(str(x) for x in edges["to_node"])
    enabled = tuple(str(x) if isinstance(x, str) and x else None for x in edges["enabled_by"])
    n_edges = len(frm)
    is_lever = np.array([e is not None for e in enabled], dtype=bool)
    capacity = edges["capacity_usd_bn"].to_numpy(float)
    base_flow = np.where(is_lever, 0.0, edges["base_flow_usd_bn"].to_numpy(float))
    out_of: dict[str, list[int]] = {}
    for e, a in enumerate(frm):
        out_of.setdefault(a, []).append(e)
    out_flow = {a: base_flow[es].sum() for a, es in out_of.items()}
    out_cap = {a: capacity[[e for e in es if not is_lever[e]]].sum() for a, es in out_of.items()}
    paths = _enumerate(kind, out_of, to, list(origin_of))

    od_index: dict[tuple[int, int], int] = {}
    path_od, flow, lever_edge, lever_factor = [], [], [], []
    for trail in paths:
        od = (origin_of[frm[trail[0]]], market_group(to[trail[-1]]))
        path_od.append(od_index.setdefault(od, len(od_index)))
        downstream = 1.0
        for e in trail[1:]:
            total = out_flow.get(frm[e], 0.0)
            downstream *= base_flow[e] / total if total > 0 else 0.0
        flow.append(base_flow[trail[0]] * downstream)
        levers = [e for e in trail if is_lever[e]]
        lever_edge.append(levers[0] if levers else -1)
        start = frm[trail[0]]
        utilisation = out_flow.get(start, 0.0) / out_cap[start] if out_cap.get(start) else 0.0
        lever_factor.append(utilisation * downstream if levers else 0.0)
    n_paths, n_od = len(paths), len(od_index)
    width = max((len(t) for t in paths), default=1)
    path_edges = np.full((n_paths, width), n_edges, dtype=np.int64)
    incidence = np.zeros((n_paths, n_edges))
    for p, trail in enumerate(paths):
        path_edges[p, : len(trail)] = trail
        incidence[p, list(trail)] = 1.0
    path_od_a = np.asarray(path_od, dtype=np.int64)
    membership = np.zeros((n_paths, n_od))
    membership[np.arange(n_paths), path_od_a] = 1.0
    od_keys = sorted(od_index, key=od_index.get)
    return Network(
        edge_ids=tuple(str(x) for x in edges["id"]),
        from_node=frm,
        to_node=to,
        enabled_by=enabled,
        capacity=capacity,
        base_flow=base_flow,
        base_days=edges["base_days"].to_numpy(float),
        border_entry=np.array([kind.get(b) == "border" for b in to]),
        origin_of_edge=np.array([origin_of.get(a, -1) for a in frm], dtype=np.int64),
        path_edges=path_edges,
        path_od=path_od_a,
        incidence=incidence,
        membership=membership,
        od_origin=np.array([k[0] for k in od_keys], dtype=np.int64),
        od_group=np.array([k[1] for k in od_keys], dtype=np.int64),
        base_path_flow=np.asarray(flow, dtype=float),
        lever_edge=np.asarray(lever_edge, dtype=np.int64),
        lever_factor=np.asarray(lever_factor, dtype=float),
        base_demand=np.asarray(flow, dtype=float) @ membership,
    )


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
