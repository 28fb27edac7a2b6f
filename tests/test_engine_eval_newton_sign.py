"""The CES Newton step solves −J·step = excess: bit for bit the step of J·s = excess, negated.

``ces._newton_step`` relies on LAPACK's LU being sign-symmetric (pivots chosen by |value|,
every product and difference flips sign exactly), so these tests compare bits, not
tolerances: a solver or a rewrite that breaks the symmetry, or a sign slip in the
Jacobian, fails them.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from ces_markets import random_market
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.engine import ces, ces_equations


def _reference_step(log_z, excess, state, eq) -> np.ndarray:
    """The Newton step as the engine took it before: J built with its signs, solved, and
    the solution negated."""
    safe_total = np.where(state.total > 0, state.total, 1.0)
    if state.power.ndim == 2:
        per_total = state.growth / safe_total
        jacobian = (eq.demand_weight * per_total[:, None, :]) @ eq.index_weight_t
        jacobian *= (-eq.cross * state.lower)[:, :, None]
        jacobian *= state.power[:, None, :]
        own = eq.sigma * state.sold
    else:
        demand = eq.demand_weight * state.lower * state.growth[:, None, :]
        shares = eq.index_weight * state.power
        shares /= safe_total[:, None, :]
        jacobian = -((demand * eq.cross[:, None, :]) @ np.swapaxes(shares, -1, -2))
        own = ces_equations.row_sum(demand * eq.sigma[:, None, :])
    diagonal = np.einsum("bii->bi", jacobian)
    diagonal += eq.ex * state.supply + own
    if eq.idle is not None:
        jacobian[eq.idle] = 0.0
        b_idx, r_idx = np.nonzero(eq.idle)
        jacobian[b_idx, r_idx, r_idx] = 1.0
        excess = np.where(eq.idle, log_z, excess)
    step = np.linalg.solve(jacobian, excess[..., None])[..., 0]
    largest = np.abs(step).max(axis=-1)
    cut = np.minimum(1.0, 1.0 / np.maximum(largest, np.finfo(float).tiny))
    return -cut[:, None] * step


def _market(seed: int, batch: int, n: int, per_region: bool, idle: bool):
    """A calibrated random market and a point near its solution: (log z, excess, state, eq)."""
    eq, rng = random_market(seed, batch, n, per_region, idle)
    # An idle region's log z is left off 0 here (the solver starts it at 0) so that its
    # row's step, −log z, shows the sign of that row.
    log_z = rng.normal(0.0, 0.2, (batch, n))
    state = ces._evaluate(log_z, eq)
    return log_z, ces._excess(state, eq), state, eq


@pytest.mark.parametrize("per_region", [False, True])
@pytest.mark.parametrize("idle", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_newton_step_is_the_negated_solve_bit_for_bit(seed, per_region, idle) -> None:
    log_z, excess, state, eq = _market(seed, 30, 8, per_region, idle)
    if idle:
        assert eq.idle is not None
    step = ces._newton_step(log_z, excess, state, eq)
    expected = _reference_step(log_z, excess, state, eq)
    assert np.isfinite(step).all()
    np.testing.assert_array_equal(step, expected)


def test_newton_step_cuts_a_long_step_like_before() -> None:
    log_z, excess, state, eq = _market(7, 20, 6, False, False)
    # A far start: some steps are longer than the largest allowed and get cut.
    log_z = log_z * 12.0
    state = ces._evaluate(log_z, eq)
    excess = ces._excess(state, eq)
    step = ces._newton_step(log_z, excess, state, eq)
    assert math.isclose(np.abs(step).max(), 1.0)
    np.testing.assert_array_equal(step, _reference_step(log_z, excess, state, eq))


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    batch=st.integers(1, 40),
    n=st.integers(1, 9),
    scale=st.sampled_from([1e-6, 1.0, 1e4]),
    dominant=st.booleans(),
)
def test_lapack_solve_is_sign_symmetric(seed, batch, n, scale, dominant) -> None:
    """What the step relies on: solve(−J, b) == −solve(J, b) exactly, pivoting or not."""
    rng = np.random.default_rng(seed)
    jacobian = rng.normal(0.0, scale, (batch, n, n))
    if dominant:
        jacobian[:, np.arange(n), np.arange(n)] += np.abs(jacobian).sum(axis=-1) * 1.5
    rhs = rng.normal(0.0, 1.0, (batch, n, 1))
    np.testing.assert_array_equal(np.linalg.solve(-jacobian, rhs), -np.linalg.solve(jacobian, rhs))
