"""Random calibrated CES markets for the Newton-step tests (shared, so that both test files
build the same markets from a seed)."""

from __future__ import annotations

import numpy as np

from planner.model.engine import ces_equations


def random_market(
    seed: int, batch: int, n: int, per_region: bool, idle: bool = False
) -> tuple[ces_equations.Equations, np.random.Generator]:
    """``batch`` markets of ``n`` regions (region n-1 of the first selling nothing when
    ``idle``), with the generator left where the markets end for the caller's next draws."""
    rng = np.random.default_rng(seed)
    flows = rng.uniform(0.0, 100.0, (batch, n, n)) * (rng.random((batch, n, n)) > 0.2)
    flows[:, np.arange(n), np.arange(n)] += 50.0
    if idle:
        flows[0, n - 1, :] = 0.0
    wedge = rng.uniform(0.8, 1.6, (batch, n, n))
    spending = flows.sum(axis=-2)
    theta = flows / np.where(spending > 0, spending, 1.0)[:, None, :]
    last = n if per_region else 1
    em = -rng.uniform(0.3, 2.0, (batch, last))
    es = rng.uniform(1.5, 9.0, (batch, last))
    ex = rng.uniform(0.5, 3.0, (batch, last))
    eq = ces_equations.equations_of(
        flows, theta, np.log(wedge), wedge, em, es, ex, flows.sum(axis=-1), (batch,), n
    )
    return eq, rng
