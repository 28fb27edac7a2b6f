"""What a corridor run (``logistics.corridor_run``) reports from its assignment: every edge's
days and utilisation time-weighted over the disruption states, path sums of the flows (an
event's exposure), and pair values spread to (origin region, destination group)."""

from __future__ import annotations

import math

import numpy as np

from planner.model.engine.network import GROUPS


def edge_detail(run, weight, states, events_at, event_years) -> tuple[np.ndarray, np.ndarray]:
    """(D, Y, E) days and utilisation of every edge, time-weighted over the states of the
    event years (NaN where the edge is closed in every state)."""
    open_ = run.open_edge
    util = run.edge_volume / run.open_capacity
    on = open_[:, :, states[0]]
    edge_days = np.where(on, run.edge_days[:, :, states[0]], np.nan)
    utilisation = np.where(on, util[:, :, states[0]], np.nan)
    if len(event_years):
        # Closed (NaN) states left out; states are added in order, as a sum over the state
        # axis adds them.
        total = days_sum = util_sum = None
        for s, c in enumerate(events_at):
            w = weight[:, event_years, s]  # (D, n)
            on = open_[:, :, c]
            terms = (
                np.where(on, w, 0.0),
                np.where(on, run.edge_days[:, :, c] * w, 0.0),
                np.where(on, util[:, :, c] * w, 0.0),
            )
            if s == 0:
                total, days_sum, util_sum = terms
            else:
                for acc, term in zip((total, days_sum, util_sum), terms, strict=True):
                    acc += term
        has = total > 0
        safe = np.where(has, total, 1.0)
        edge_days[:, :, event_years] = np.where(has, days_sum / safe, np.nan)
        utilisation[:, :, event_years] = np.where(has, util_sum / safe, np.nan)
    return (
        np.ascontiguousarray(edge_days.transpose(1, 2, 0)),
        np.ascontiguousarray(utilisation.transpose(1, 2, 0)),
    )


def path_sum(flows: np.ndarray, paths: np.ndarray) -> np.ndarray:
    """(D, Y) sum of the normal state's (P, D, Y, St) ``flows`` over ``paths`` (ascending),
    added one path at a time in order (a sum over the leading axis): what ``@`` with a 0/1
    vector computes on the (D, Y, P) state slice of paths-first flows with St > 1."""
    terms = flows[..., 0].take(paths, axis=0)
    # (With a single (draw, year) the summed axis would be the fast one, which numpy sums
    # pairwise; an accumulation is in order whatever the shape.)
    if len(terms) and math.prod(terms.shape[1:]) == 1:
        return np.add.accumulate(terms, axis=0)[-1]
    return terms.sum(axis=0)


def by_pair(net, values: np.ndarray, m: int) -> np.ndarray:
    """(D, Y, M, G) from (OD, D, Y) values of the network's origin-group pairs (0 elsewhere)."""
    out = np.zeros((*values.shape[1:], m, len(GROUPS)))
    out[:, :, net.od_origin, net.od_group] = values.transpose(1, 2, 0)
    return out
