"""The corridor network: its route tables, built once per model.

Routes.  Every simple path from a macro-region node to a market node is enumerated once per
model.  Base-year path flows split each edge's base flow over the edges leaving its end
node in proportion to their base flows, so the base year reproduces the observed edge flows.
A path through an edge that a lever adds (``enabled_by``) starts with the origin's base
utilisation of that edge's capacity, split downstream the same way, and is compared with its
pair's base-year mean days.

Its sums over paths (``RowSums``) add the terms in path order, so a draw's numbers do not
depend on the batch it is evaluated in.  The volume-delay function and route choice on these
tables are in ``assignment``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from planner.model.data import ModelData

GROUPS = ("USA", "CAN", "overseas")  # destination groups of the network's markets
MAX_PATH_EDGES = 4


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
