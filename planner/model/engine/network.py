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
"""

from __future__ import annotations

from dataclasses import dataclass

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
    if path_flow is not None:
        return _evaluate(net, path_flow, capacity, days0, alpha, beta)
    lever_cap = np.concatenate([capacity, np.zeros((*capacity.shape[:-1], 1))], axis=-1)
    weight = net.base_path_flow + lever_cap[..., net.lever_edge] * net.lever_factor
    x = _split(net, weight, demand)
    for _ in range(ROUTE_STEPS):
        days_p = path_days(net, edge_days(days0, x @ net.incidence, capacity, alpha, beta))
        extra = np.clip(theta * (days_p - reference_days), -50.0, 50.0)
        x = DAMPING * x + (1.0 - DAMPING) * _split(net, weight * np.exp(-extra), demand)
    return _evaluate(net, x, capacity, days0, alpha, beta)


def _split(net: Network, weight: np.ndarray, demand: np.ndarray) -> np.ndarray:
    """Path flows: each pair's demand split in proportion to its paths' weights."""
    total = weight @ net.membership
    share = weight / np.where(total > 0, total, 1.0)[..., net.path_od]
    return share * demand[..., net.path_od]


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
