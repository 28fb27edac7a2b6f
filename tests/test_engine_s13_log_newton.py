"""The CES solve steps on log S − log Σq from a first-order start in log wedge changes.

A wrong log Jacobian, a wrong first-order operator or a warm start that moves an unchanged
market would still converge on most markets (Newton forgives a lot), so these tests check
each piece against what it claims to be: the Jacobian against finite differences, the
operator against the linear system it folds, and the answer against a much tighter solve.
"""

from __future__ import annotations

import numpy as np
import pytest
from ces_markets import random_market
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.model.engine import ces, trade, trade_linear, trade_market


def _market(seed: int, batch: int, n: int, per_region: bool, idle: bool = False):
    eq, rng = random_market(seed, batch, n, per_region, idle)
    return eq, rng.normal(0.0, 0.2, (batch, n))


@pytest.mark.parametrize("per_region", [False, True])
@pytest.mark.parametrize("seed", range(3))
def test_log_newton_step_is_the_log_gap_jacobians(seed, per_region) -> None:
    eq, log_z = _market(seed, 12, 6, per_region)
    state = ces._evaluate(log_z, eq)
    gap = ces._log_excess(state, eq)
    # The step solves −J·step = gap: rebuild J column by column by central differences.
    h = 1e-6
    jacobian = np.empty((12, 6, 6))
    for s in range(6):
        up, down = log_z.copy(), log_z.copy()
        up[:, s] += h
        down[:, s] -= h
        plus = ces._log_excess(ces._evaluate(up, eq), eq)
        minus = ces._log_excess(ces._evaluate(down, eq), eq)
        jacobian[:, :, s] = (plus - minus) / (2 * h)
    # Small steps, so that the step cut does not apply.
    small = gap * 1e-3
    step = ces._newton_step(log_z, small, state, eq, in_logs=True)
    expected = -np.linalg.solve(jacobian, small[..., None])[..., 0]
    np.testing.assert_allclose(step, expected, rtol=1e-6, atol=1e-12)


def test_log_gap_of_an_idle_region_is_zero_without_warnings() -> None:
    eq, log_z = _market(5, 4, 5, False, idle=True)
    assert eq.idle is not None
    log_z[eq.idle] = 0.0
    gap = ces._log_excess(ces._evaluate(log_z, eq), eq)
    assert np.isfinite(gap).all()
    assert (gap[eq.idle] == 0.0).all()


def _base(seed: int, years: int = 3, runs: int = 2):
    rng = np.random.default_rng(seed)
    n = 5
    flows = rng.uniform(1.0, 100.0, (years, n, n))
    old = 1.0 + rng.uniform(0.0, 0.3, (years, n, n))
    base = trade.calibrate(flows[:, None], old[:, None], -1.25, 6.0, 1.5, invert=True)
    return base, old, rng


def test_first_order_operator_is_the_linear_system_of_the_log_changes() -> None:
    base, old, rng = _base(1)
    new = old[:, None] * rng.uniform(0.7, 1.6, (3, 2, 5, 5))
    market = trade_market.market_of(base, new, 1.0, (3, 2))
    change = market.wedge_change
    log_change = np.log1p(change)
    folded = trade_linear.first_order(market, log_change)
    direct = trade_linear._linear_world_price(market, change=log_change)
    np.testing.assert_allclose(folded, direct, rtol=1e-12, atol=1e-14)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    shock=st.sampled_from([0.05, 0.5, 2.0, 6.0]),
    es=st.floats(0.5, 12.0),
    em=st.floats(-3.0, -0.3),
    ex=st.floats(0.3, 5.0),
)
@example(seed=0, shock=0.05, es=0.99999, em=-2.0, ex=1.0)  # σ near 1 (found on a new host)
def test_solve_agrees_with_a_far_tighter_solve(seed, shock, es, em, ex) -> None:
    """Big tariffs (up to 7x the wedge) at Es up to 12 take halved steps; the answer at the
    engine's tolerance is the tight one's up to that tolerance."""
    rng = np.random.default_rng(seed)
    n = 6
    flows = rng.uniform(1.0, 1000.0, (4, n, n))
    old = 1.0 + rng.uniform(0.0, 0.5, (4, n, n))
    new = old * (1.0 + shock * rng.random((4, n, n)))
    loose = trade.solve_gsim(flows, old, new, em, es, ex, tol=1e-8)
    # Near σ = 1 the CES index log(Σθπ^(1−σ))/(1−σ) divides round-off by 1 − σ: the
    # residual cannot get below about 4e-17/|1 − σ| (4e-12 at σ = 0.99999, measured), so the
    # tight solve asks for what float64 allows there, and never less than 1e-9.  Within 1e-7
    # of 1 the engine takes the Cobb-Douglas limit, which has no such floor.
    gap = abs(1.0 - es)
    tight_tol = 1e-13 if gap < 1e-7 else min(1e-9, max(1e-13, 1e-14 / gap))
    tight = trade.solve_gsim(flows, old, new, em, es, ex, tol=tight_tol)
    assert loose.converged and tight.converged
    assert loose.max_residual < 1e-8
    # A residual r of the largest sales moves log prices by about r / (Ex + Es).
    scale = flows.sum(axis=-1).max(axis=-1, keepdims=True)
    np.testing.assert_allclose(
        loose.flows.sum(axis=-1), tight.flows.sum(axis=-1), rtol=0, atol=1e-6 * scale.max()
    )
    np.testing.assert_allclose(
        np.log1p(loose.world_price_change), np.log1p(tight.world_price_change), atol=2e-7
    )


def test_warm_start_keeps_an_unchanged_market_bit_for_bit_and_solves_a_moved_one() -> None:
    base, old, rng = _base(2)
    first = old[:, None] * rng.uniform(0.9, 1.5, (3, 2, 5, 5))
    known = trade.solve_on(base, first, tol=1e-8)
    moved = first.copy()
    moved[1] *= 1.3  # the second year's markets change, the others do not
    warm = trade.solve_on(base, moved, tol=1e-8, warm=known.warm_start)
    cold = trade.solve_on(base, moved, tol=1e-8)
    assert warm.converged and cold.converged
    for y in (0, 2):
        np.testing.assert_array_equal(warm.flows[y], known.flows[y])
        np.testing.assert_array_equal(warm.world_price_change[y], known.world_price_change[y])
    np.testing.assert_allclose(
        np.log1p(warm.world_price_change), np.log1p(cold.world_price_change), atol=2e-7
    )
    # The warm start is the better one: never more steps than from the first-order start.
    assert warm.iterations <= cold.iterations
