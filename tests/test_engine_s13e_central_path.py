"""The central evaluate's cheaper forms give the numbers of the forms they replace, bit for bit:
the CES wedge terms on the changed cells only, one run's trade costs
broadcast over its disagreement point, and the landed cost read from three suppliers."""

from __future__ import annotations

import numpy as np
import pytest

from planner.model.engine import ces_equations, kpis, trade, trade_linear, trade_market


def _wedge_inputs(seed: int, batch: int, n: int, per_region: bool, cobb_douglas: bool):
    rng = np.random.default_rng(seed)
    flows = rng.uniform(0.0, 100.0, (batch, n, n)) * (rng.random((batch, n, n)) > 0.2)
    flows[:, np.arange(n), np.arange(n)] += 50.0
    spending = flows.sum(axis=-2)
    theta = flows / spending[:, None, :]
    # About a fifth of the cells change (the engine's busy scenario: ~22 of 64), the rest
    # are exactly 1 with ±0 logarithms.
    change = np.where(rng.random((batch, n, n)) < 0.2, rng.uniform(-0.3, 0.6, (batch, n, n)), 0.0)
    change[0, 0, 1] = -0.0
    last = n if per_region else 1
    es = rng.uniform(1.5, 9.0, (batch, last))
    if cobb_douglas:
        es[0] = 1.0
    em = -rng.uniform(0.3, 2.0, (batch, last))
    ex = rng.uniform(0.5, 3.0, (batch, last))
    return flows, theta, change, em, es, ex


@pytest.mark.parametrize("per_region", [False, True])
@pytest.mark.parametrize("cobb_douglas", [False, True])
def test_changed_cells_give_the_whole_arrays_weights(per_region, cobb_douglas):
    n, batch = 6, 40
    flows, theta, change, em, es, ex = _wedge_inputs(3, batch, n, per_region, cobb_douglas)
    log_change = np.log1p(change, out=change.copy(), where=change != 0)
    factor = change + 1.0
    sales = flows.sum(axis=-1)
    args = (flows, theta, log_change, factor, em, es, ex, sales, (batch,), n)
    whole = ces_equations.equations_of(*args)
    changed = np.flatnonzero(change)
    assert 0 < changed.size < change.size
    part = ces_equations.equations_of(*args, changed=changed)
    for name, a, b in zip(whole._fields, whole, part, strict=True):
        if a is None:
            assert b is None, name
        else:
            np.testing.assert_array_equal(a, b, err_msg=name, strict=True)
    # Nothing changed: the weights are the base's shares and flows themselves.
    none = ces_equations.equations_of(
        *args[:2],
        np.zeros_like(log_change),
        np.ones_like(factor),
        *args[4:],
        changed=np.array([], dtype=np.intp),
    )
    np.testing.assert_array_equal(none.index_weight, theta)
    np.testing.assert_array_equal(none.demand_weight, flows)


def test_solve_on_restricted_equals_the_whole_wedge_solve():
    """The solve with the changed cells (``trade.solve_on``) against the same equilibrium
    solved from whole arrays (``changed`` None): every output equal."""
    rng = np.random.default_rng(11)
    batch, n = (3, 5), 6
    flows = rng.uniform(1.0, 100.0, (*batch, n, n))
    base = trade.calibrate(flows, 1.0 + rng.uniform(0, 0.1, (n, n)), -1.2, 6.0, 2.0, invert=True)
    power = 1.0 + base.tariff_old
    power = np.broadcast_to(power, (*batch, n, n)).copy()
    hit = rng.random(power.shape) < 0.25
    power[hit] *= rng.uniform(0.9, 1.3, hit.sum())
    solved = trade.solve_on(base, power, tol=1e-12)
    market = trade_market.market_of(base, power, np.asarray(1.0), batch)
    log_change = np.log1p(market.wedge_change)
    first = trade_linear.first_order(market, log_change)
    whole = trade._solve_ces(market, log_change, first, first, 1e-12, 50, changed=None)
    assert solved.iterations == whole.iterations > 0
    for name in ("world_price_change", "import_price_change", "flows", "welfare"):
        np.testing.assert_array_equal(getattr(solved, name), getattr(whole, name), err_msg=name)


def test_broadcast_trade_costs_solve_as_the_stacked_copy():
    """One run's trade costs broadcast over (run, disagreement point) solve as the copy."""
    rng = np.random.default_rng(8)
    n = 5
    flows = rng.uniform(1.0, 100.0, (1, 1, 4, n, n))
    base = trade.calibrate(flows, np.full((n, n), 1.1), -1.0, 5.0, 2.0, invert=True)
    tariff = 1.1 + rng.uniform(0.0, 0.3, (1, 2, 4, n, n)) * (rng.random((1, 2, 4, n, n)) < 0.3)
    iceberg = 1.0 + rng.uniform(0.0, 0.2, (1, 4, n, n))
    copied = trade.solve_on(base, tariff, iceberg_new=np.stack([iceberg, iceberg], axis=1))
    viewed = trade.solve_on(base, tariff, iceberg_new=iceberg[:, None])
    for name in ("world_price_change", "flows", "welfare", "tariff_revenue"):
        np.testing.assert_array_equal(getattr(copied, name), getattr(viewed, name))


def _landed_cost_all_columns(x: kpis.KpiInputs) -> np.ndarray:
    """The landed cost as first written: prices of every supplier, three of them read."""
    mex, can, cam = x.r("MEX"), x.r("CAN"), x.r("CAM")
    price = (1.0 + x.world_price) * (1.0 + x.tariff_us) * x.iceberg_us
    price /= 1.0 + x.tariff_base_us
    weight = x.flows_start_us
    w_mex = weight[..., mex].sum(-1)
    w_can = weight[..., can].sum(-1)
    p_mex = (weight[..., mex] * price[..., mex]).sum(-1) / np.maximum(w_mex, 1e-12)
    p_can = (weight[..., can] * price[..., can]).sum(-1) / np.maximum(w_can, 1e-12)
    cam_w = weight[..., cam]
    p_cam = (cam_w * price[..., cam]).sum(-1) / np.maximum(cam_w.sum(-1), 1e-12)
    d = x.dual_share[None, :, None]
    premium = x.dual_premium[:, None, None]
    mexican = (1.0 - d) * p_mex + d * p_cam * (1.0 + premium)
    total = (w_mex * mexican + w_can * p_can) / np.maximum(w_mex + w_can, 1e-12)
    return total * (1.0 + x.buffer_cost[:, None, None] * x.buffer_weeks[None, :, None])


@pytest.mark.parametrize("draws", [1, 7])
def test_landed_cost_of_three_suppliers_is_the_whole_arrays(draws):
    rng = np.random.default_rng(draws)
    regions = ("USA", "MEX", "CAN", "CAM", "CHN", "ROW")
    d, k, y, s, r = draws, 2, 4, 9, len(regions)
    x = kpis.KpiInputs(
        regions=regions,
        flows_start_us=rng.uniform(0, 50, (d, 1, y, s, r)),
        flows=rng.uniform(0, 50, (d, k, y, s, r, r)),
        tariff_base_us=rng.uniform(0, 0.2, (s, r)),
        tariff_us=rng.uniform(0, 0.3, (d, k, y, s, r)),
        iceberg_us=rng.uniform(1.0, 1.2, (d, k, y, s, r)),
        world_price=rng.uniform(-0.1, 0.1, (d, k, y, s, r)),
        welfare=rng.normal(size=(d, k, y, r)),
        leverage=rng.normal(size=(d, k, y)),
        mx_exports=rng.uniform(size=(d, k, y, 3)),
        mx_investment=rng.uniform(size=(d, k, y, 3)),
        mx_jobs=rng.uniform(size=(d, k, y, 3)),
        mx_hhi=rng.uniform(size=(d, k, y)),
        target_region=0,
        event_days=np.zeros((d, k, y, 1)),
        event_exposure=np.zeros((d, k, y, 1)),
        dual_share=np.array([0.0, 0.3]),
        dual_premium=rng.uniform(0, 0.1, d),
        buffer_weeks=np.array([0.0, 2.0]),
        buffer_cost=rng.uniform(0, 0.01, d),
    )
    np.testing.assert_array_equal(kpis.landed_cost(x), _landed_cost_all_columns(x))
