"""Monte Carlo's cheaper forms of a few steps: the numbers they stand for, to the precision
promised (bit for bit where the central run uses them too)."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import busy_scenario, make_model

from planner.model.engine import logistics, monte_carlo, regions
from planner.model.engine.assignment import power_by_log
from planner.model.engine.prepared import prepare
from planner.model.engine.run_inputs import export_factor, per_day_cost
from planner.model.engine.settings import settings_of
from planner.model.engine.uncertainty import central_params, draw_params, slice_params
from planner.model.results import total_trade


@pytest.fixture(scope="module")
def model():
    return make_model()


def test_power_by_log_is_the_power_to_float32_rounding():
    rng = np.random.default_rng(1)
    base = rng.uniform(0.0, 3.0, (40, 30)) * 10.0 ** rng.integers(-4, 1, (40, 30))
    base[:, :3] = 0.0
    exponent = rng.uniform(0.5, 6.0, (40, 1))
    out = power_by_log(base, exponent, np.empty_like(base))
    assert out.dtype == np.float64
    assert np.all(out[:, :3] == 0.0)
    exact = np.power(base, exponent)
    positive = base > 0
    # float32 rounding of log(base), of its product with the exponent and of exp.
    bound = 2.0**-22 * (2.0 + np.abs(exponent * np.log(np.where(positive, base, 1.0))))
    assert np.all(np.abs(out[positive] / exact[positive] - 1.0) <= bound[positive])
    # 0 ** 0 is 1: an exponent that is not positive falls back to np.power itself.
    exponent[0] = 0.0
    out = power_by_log(base, exponent, np.empty_like(base))
    assert np.array_equal(out, np.power(base, exponent))


def test_float32_delays_keep_a_draw_independent_of_its_pass(model):
    # A draw's corridor must not depend on which draws share its pass (vectorised float32
    # exp and log end a pass in a partial vector); and it stays within float32 rounding of
    # the float64 power's.
    prep = prepare(model)
    settings = settings_of(busy_scenario(model), model.catalog)
    years = np.asarray(model.years)
    central = central_params(model)
    kept = logistics.corridor_run(
        prep,
        settings,
        central,
        years,
        logistics.reference(prep, central),
        per_day_cost(prep, central),
    )
    params = draw_params(model, {}, 7, seed=3)
    base = logistics.reference(prep, params)
    per_day = per_day_cost(prep, params)

    def run(rows: slice, float32_delays: bool = True) -> logistics.CorridorResult:
        return logistics.corridor_run(
            prep,
            settings,
            slice_params(params, rows),
            years,
            base.take(rows),
            per_day[rows],
            kept,
            detail=False,
            float32_delays=float32_delays,
        )

    batched = run(slice(0, 7))
    for k in range(7):
        alone = run(slice(k, k + 1))
        assert np.array_equal(batched.extra_days[k : k + 1], alone.extra_days), k
        assert np.array_equal(batched.extra_days_normal[k : k + 1], alone.extra_days_normal), k
    exact = run(slice(0, 7), float32_delays=False)
    assert not np.array_equal(batched.extra_days, exact.extra_days)  # the float32 form ran
    assert np.allclose(batched.extra_days, exact.extra_days, rtol=1e-5, atol=1e-7)


def test_shares_by_log_are_the_power_form_to_rounding(model):
    prep = prepare(model)
    rng = np.random.default_rng(2)
    d, y, m, s = 6, 4, len(model.mx_regions), len(model.sectors)
    capacity = rng.uniform(0.8, 1.5, (d, y, m))
    cost = rng.uniform(-0.05, 0.2, (d, y, m, s))
    sigma = rng.uniform(1.0, 8.0, (d, s))
    exact = regions.production_shares(prep, capacity, cost, sigma)
    by_log = regions.production_shares(prep, capacity, cost, sigma, by_log=True)
    assert np.allclose(by_log, exact, rtol=1e-12, atol=0.0)
    assert np.allclose(exact.sum(axis=-2), 1.0)
    # The in-place division is np.where's answer, bit for bit.
    weight = (
        model.mx_production_share * capacity[..., None] * (1.0 + cost) ** (-sigma[:, None, None])
    )
    total = weight.sum(axis=-2, keepdims=True)
    assert np.array_equal(exact, np.where(total > 0, weight / np.where(total > 0, total, 1.0), 0))


def test_trade_cost_as_a_product_is_the_einsum_to_rounding():
    rng = np.random.default_rng(4)
    days = rng.uniform(-2.0, 3.0, (5, 4, 5, 3))
    shares = rng.dirichlet(np.ones(5), (5, 4, 9)).transpose(0, 1, 3, 2)  # (D, Y, M, S)
    per_day = rng.uniform(0.005, 0.02, (5, 9))
    einsum = logistics.trade_cost(days, shares, per_day)
    product = logistics.trade_cost(days, shares, per_day, product=True)
    assert product.shape == einsum.shape == (5, 4, 9, 3)
    assert np.allclose(product, einsum, rtol=1e-13, atol=1e-16)


def test_export_factor_on_groups_is_the_importers_formula_bit_for_bit():
    rng = np.random.default_rng(5)
    tau = rng.uniform(-0.02, 0.1, (3, 4, 9, 3))
    shift = rng.uniform(-0.01, 0.01, (3, 4, 9))
    group = np.array([0, 2, 1, 2, 2, 2, 2, 2])
    mex = 1
    per_importer = np.log1p(tau[..., group]) + shift[..., None]
    per_importer[..., mex] = 0.0
    assert np.array_equal(export_factor(tau, shift, group, mex), np.exp(per_importer))


def test_kpi_bands_together_are_each_kpis_bands_bit_for_bit():
    rng = np.random.default_rng(6)
    samples = rng.normal(size=(101, 5, 4)) * 10.0 ** np.arange(5)[:, None]
    samples[:7, 1, 2] = np.nan  # a KPI with an undefined draw (the leverage ratio)
    samples[:, 3, 0] = np.nan  # and one undefined in every draw of a year
    ids = ("a", "b", "c", "d", "e")
    together = monte_carlo._kpi_bands(samples, ids)
    assert list(together) == list(ids)
    for i, k in enumerate(ids):
        alone = monte_carlo._nan_bands(samples[:, i])
        assert together[k].shape == (3, 4)
        assert np.array_equal(together[k], alone, equal_nan=True), k


def test_trade_weights_give_each_regions_total_trade(model):
    prep = prepare(model)
    rng = np.random.default_rng(7)
    r = len(model.regions)
    by_pair = rng.uniform(0.0, 1e5, (6, 4, r, r))
    weights = monte_carlo._trade_weights(prep)
    totals = (by_pair.reshape(-1, r * r) @ weights).reshape(6, 4, r)
    assert np.allclose(totals, total_trade(by_pair[..., None, :, :]), rtol=1e-13, atol=1e-8)
    own = np.zeros_like(by_pair)
    own[..., np.arange(r), np.arange(r)] = 1.0  # a region's own cell is not trade
    assert np.array_equal(own.reshape(-1, r * r) @ weights, np.zeros((24, r)))
