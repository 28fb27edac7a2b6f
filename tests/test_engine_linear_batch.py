"""The Monte Carlo trade core (one factorisation per draw, year and sector, runs as columns)
solves exactly the linear GSIM of ``trade.solve_gsim``."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from model_factory import busy_scenario, make_model

from planner.model.engine import (
    cell_tariffs,
    evaluate,
    linear_batch,
    linear_factors,
    monte_carlo,
    trade,
    uncertainty,
)

DRAWS, RUNS, YEARS, SECTORS, REGIONS = 6, 3, 4, 3, 8


def _market(rng: np.random.Generator, case: str):
    """Random markets and elasticities, each ``case`` steering ``solve`` down another path."""
    draws = 1 if case == "one draw" else DRAWS
    flows = rng.uniform(1.0, 100.0, (SECTORS, REGIONS, REGIONS))
    if case == "idle exporter":
        flows[1, 5, :] = 0.0  # an exporter that sells nothing in one sector
    t0 = rng.uniform(0.0, 0.15, flows.shape)
    t1 = t0 + rng.uniform(-0.05, 0.3, (draws, RUNS, YEARS, *flows.shape)).clip(-t0)
    ice = np.exp(rng.uniform(0.0, 0.06, t1.shape))
    growth = (1.0 + rng.uniform(0.0, 0.05, (draws, 1, REGIONS))) ** np.arange(1, YEARS + 1)[
        None, :, None
    ]
    em = -rng.uniform(0.5, 2.0, (draws, SECTORS))
    es = rng.uniform(3.0, 9.0, (draws, SECTORS))
    ex = rng.uniform(0.75, 4.5, (draws, SECTORS))
    if case == "no substitution":  # Es = 0 in one sector of one draw
        es[0, 2] = 0.0
    if case == "not dominant":  # Es + Ex < |Em + Es|: the system needs pivoting
        em[-1, 1], es[-1, 1], ex[-1, 1] = -6.0, 0.5, 0.75
    if case == "importer without growth":
        growth[..., 3] = 0.0
    tariffs = [t1[:, k] for k in range(RUNS)]
    icebergs = [ice[:, k] for k in range(RUNS)]
    if case == "shared arrays":  # like a run and its disagreement point: the same objects
        ice[:, 1] = ice[:, 0]
        icebergs[1] = icebergs[0]
        t1[:, 2] = t1[:, 0]
        tariffs[2] = tariffs[0]
    return flows, t0, t1, ice, growth, em, es, ex, tariffs, icebergs


CASES = [
    "random",
    "idle exporter",
    "one draw",
    "shared arrays",
    "no substitution",
    "not dominant",
    "importer without growth",
]


def _close(a, b, tol=1e-10):
    return np.allclose(a, b, rtol=tol, atol=tol * np.abs(b).max())


# In float64 the batch solve IS the linear GSIM (to rounding).  Monte Carlo runs it in
# float32 (half the memory traffic), which keeps ~7 digits: measured within 5e-7 of the
# largest value of each output on these markets, so 2e-6 leaves room for rounding while a
# wrong term (a change of 1e-3 or more of the answer) still fails.
PRECISIONS = [(np.float64, 1e-10), (np.float32, 2e-6)]


@pytest.mark.parametrize("dtype,tol", PRECISIONS, ids=["float64", "float32"])
@pytest.mark.parametrize("case", CASES)
def test_batch_solve_equals_the_linear_gsim(case, dtype, tol):
    flows, t0, t1, ice, growth, em, es, ex, tariffs, icebergs = _market(
        np.random.default_rng(5), case
    )
    batch = linear_batch.solve(
        linear_factors.factors(flows, t0), growth, tariffs, icebergs, em, es, ex, dtype=dtype
    )
    grown = flows * growth[:, :, None, None, :]
    ref = trade.solve_gsim(
        grown[:, None],
        1.0 + t0,
        1.0 + t1,
        em[:, None, None, :, None],
        es[:, None, None, :, None],
        ex[:, None, None, :, None],
        iceberg_new=ice,
        form="linear",
    )

    assert batch.flows.dtype == dtype
    assert _close(batch.world_price, ref.world_price_change, tol)
    assert _close(batch.flows, ref.flows, tol)
    assert _close(batch.consumer, ref.consumer_surplus.sum(-2), tol)
    assert _close(batch.producer, ref.producer_surplus.sum(-2), tol)
    assert _close(batch.tariff_revenue, ref.tariff_revenue.sum(-2), tol)


@pytest.mark.parametrize("dtype,tol", PRECISIONS, ids=["float64", "float32"])
def test_runs_whose_flows_are_not_kept_give_the_same_answer(dtype, tol):
    # A disagreement point's flows are not kept: only its welfare, from the same sums.
    flows, t0, _, _, growth, em, es, ex, tariffs, icebergs = _market(
        np.random.default_rng(7), "shared arrays"
    )
    fac = linear_factors.factors(flows, t0)
    every = linear_batch.solve(fac, growth, tariffs, icebergs, em, es, ex, dtype=dtype)
    some = linear_batch.solve(
        fac, growth, tariffs, icebergs, em, es, ex, dtype=dtype, keep_flows=[2, 0]
    )
    assert np.array_equal(some.flows, every.flows[:, [2, 0]])
    for field in ("world_price", "consumer", "producer"):
        assert np.array_equal(getattr(some, field), getattr(every, field)), field
    assert _close(some.tariff_revenue, every.tariff_revenue, tol)
    with pytest.raises(ValueError):
        linear_batch.solve(fac, growth, tariffs, icebergs, em, es, ex, keep_flows=[0, 0])


def test_calls_of_any_size_on_two_threads_give_each_its_own_answer():
    # solve keeps scratch memory per thread between calls: calls of different sizes, on two
    # threads at once, must still each get the answer of a lone call.
    rng = np.random.default_rng(11)
    calls = []
    for case in ("random", "one draw", "shared arrays"):
        flows, t0, _, _, growth, em, es, ex, tariffs, icebergs = _market(rng, case)
        calls.append((linear_factors.factors(flows, t0), growth, tariffs, icebergs, em, es, ex))
    alone = [linear_batch.solve(*args) for args in calls]
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = list(pool.map(lambda i: linear_batch.solve(*calls[i % 3]), range(12)))
    for i, got in enumerate(together):
        want = alone[i % 3]
        for field in ("world_price", "flows", "consumer", "producer", "tariff_revenue"):
            assert _close(getattr(got, field), getattr(want, field)), (i, field)


def test_draws_at_the_central_values_give_the_central_run(monkeypatch):
    # Every draw at the central values: the batch-solved linear draws equal the linear central
    # run, so after centring on the exact (CES) central run every band collapses onto it.
    model = make_model()
    scenario = busy_scenario(model)

    def central_draws(model, overrides, n, seed):
        one = uncertainty.central_params(model, overrides)
        tile = lambda a: np.repeat(a, n, axis=0)  # noqa: E731
        return uncertainty.Params(
            tile(one.import_demand),
            tile(one.substitution),
            tile(one.export_supply),
            tile(one.growth),
            {k: tile(v) for k, v in one.parameters.items()},
            {k: tile(v) for k, v in one.effects.items()},
            one.timing,
        )

    monkeypatch.setattr(monte_carlo, "draw_params", central_draws)
    results = evaluate(model, scenario, draws=3)
    for kpi_id, band in results.bands.items():
        central = np.broadcast_to(results.kpi[kpi_id], band.shape)
        # The linear draws are solved in float32 (``linear_batch.DTYPE``), the linear central
        # run they are centred with too, but in a batch of another size, so the two agree to
        # float32 rounding, not bit for bit: within ~1e-6 of the KPI's largest value, 4e-6
        # for the leverage ratio (a ratio of welfare differences).  2e-5 of the KPI's scale
        # keeps a band that is not centred on the central run (any real error: 1e-3 or more)
        # failing.
        scale = np.nanmax(np.abs(central), initial=0.0)
        assert np.allclose(band, central, rtol=1e-6, atol=2e-5 * scale, equal_nan=True), kpi_id
    flows = np.broadcast_to(np.maximum(results.flows, 0.0), results.flow_bands.shape)
    # Flow samples are kept in float32 (seven significant digits).
    assert np.allclose(results.flow_bands, flows, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("dtype,tol", PRECISIONS, ids=["float64", "float32"])
@pytest.mark.parametrize("case", CASES)
def test_a_run_given_by_its_changed_cells_equals_its_whole_solve(case, dtype, tol):
    # A disagreement point differs from its run only in the US<->Mexico cells: solved from
    # its run's arrays and those cells, it must give the welfare of its whole solve.
    flows, t0, _, _, growth, em, es, ex, tariffs, icebergs = _market(
        np.random.default_rng(13), case
    )
    cells = ((2, 0), (0, 2), (5, 2))  # a third cell, from an idle exporter in one case
    rng = np.random.default_rng(17)
    values = np.stack([tariffs[0][..., r, v] for r, v in cells], axis=-1)
    values = values + rng.uniform(0.02, 0.2, values.shape)  # preferences withdrawn
    change = cell_tariffs.CellTariffs(tariffs[0], cells, values)
    whole = change.full()
    for p, (r, v) in enumerate(cells):
        assert np.array_equal(whole[..., r, v], values[..., p])
    assert np.count_nonzero(whole != tariffs[0]) == values.size
    runs = [tariffs[0], tariffs[1], tariffs[0]]
    ice = [icebergs[0], icebergs[1], icebergs[0]]  # the variant shares its run's iceberg
    fac = linear_factors.factors(flows, t0)
    keep = [0, 1]
    ref = linear_batch.solve(
        fac, growth, [*runs, whole], [*ice, ice[0]], em, es, ex, dtype=dtype, keep_flows=keep
    )
    got = linear_batch.solve(
        fac, growth, [*runs, change], [*ice, ice[0]], em, es, ex, dtype=dtype, keep_flows=keep
    )
    assert np.array_equal(got.flows, ref.flows)  # the other runs are untouched
    for field in ("world_price", "consumer", "producer", "tariff_revenue"):
        a, b = getattr(got, field), getattr(ref, field)
        assert np.array_equal(a[:, :3], b[:, :3]), field
        assert _close(a[:, 3], b[:, 3], tol), field
    # The change is felt: a shortcut that dropped it would fail the comparison above.
    assert not _close(got.tariff_revenue[:, 3], got.tariff_revenue[:, 0], 1e-3)


def test_a_run_given_by_cells_is_solved_whole_when_nothing_can_be_shared():
    flows, t0, _, _, growth, em, es, ex, tariffs, icebergs = _market(
        np.random.default_rng(19), "random"
    )
    change = cell_tariffs.CellTariffs(tariffs[0], ((2, 0),), tariffs[0][..., 2, 0, None] + 0.1)
    fac = linear_factors.factors(flows, t0)
    whole = change.full()
    # Another iceberg than its base's, or its flows kept: the same answer, from its whole array.
    for ice, keep in (([icebergs[0], icebergs[1]], [0]), ([icebergs[0], icebergs[0]], None)):
        got = linear_batch.solve(
            fac, growth, [tariffs[0], change], ice, em, es, ex, keep_flows=keep
        )
        ref = linear_batch.solve(fac, growth, [tariffs[0], whole], ice, em, es, ex, keep_flows=keep)
        for field in ("world_price", "flows", "consumer", "producer", "tariff_revenue"):
            assert np.array_equal(getattr(got, field), getattr(ref, field)), field
    with pytest.raises(ValueError):
        bad = cell_tariffs.CellTariffs(
            tariffs[0], ((2, 0), (2, 0)), np.zeros((*whole.shape[:3], 2))
        )
        linear_batch.solve(fac, growth, [tariffs[0], bad], icebergs[:2], em, es, ex, keep_flows=[0])


def test_monte_carlo_leverage_from_the_disagreement_points_cells(monkeypatch):
    # The draws solve each disagreement point from its run's arrays and the US<->Mexico
    # cells (``CellTariffs``): their KPIs must be those of solving it whole -- every KPI but
    # the leverage ratio bit for bit (the runs' own solve is untouched), the leverage ratio
    # to float32 rounding.
    from planner.model.engine import run_inputs

    scenario = busy_scenario(make_model())
    shortcut = evaluate(make_model(), scenario, draws=24)

    def whole(paths):
        run, cells = paths
        return (run.tariff, cells.full()), run.iceberg

    monkeypatch.setattr(run_inputs, "_cell_tariffs", whole)
    full = evaluate(make_model(), scenario, draws=24)
    for kpi_id in shortcut.bands:
        for got, want in ((shortcut.bands, full.bands), (shortcut.delta_bands, full.delta_bands)):
            if kpi_id != "mx_leverage_ratio":
                assert np.array_equal(got[kpi_id], want[kpi_id], equal_nan=True), kpi_id
    lev, ref = shortcut.bands["mx_leverage_ratio"], full.bands["mx_leverage_ratio"]
    assert np.isfinite(ref).any()
    assert np.allclose(lev, ref, rtol=1e-5, atol=1e-5 * np.nanmax(np.abs(ref)), equal_nan=True)
    assert np.array_equal(shortcut.flow_bands, full.flow_bands)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_trade_costs_given_row_scaled_give_the_whole_arrays_answer(dtype):
    # Monte Carlo gives 1 + tau as the policy's (a view, the same in every sector) with
    # Mexico's row scaled: the same float64 numbers in every cell, so the same answer.
    flows, t0, _, ice, growth, em, es, ex, tariffs, _ = _market(np.random.default_rng(23), "random")
    rng = np.random.default_rng(29)
    policy = np.broadcast_to(ice[:, 0, :, :1], ice[:, 0].shape)  # one sector's, broadcast
    factor = np.exp(rng.uniform(-0.02, 0.05, ice[:, 0].shape[:-1]))
    scaled = linear_batch.RowScaled(policy, 4, factor)
    whole = np.array(policy)
    whole[..., 4, :] *= factor
    assert np.array_equal(scaled.full(), whole)
    for importer in range(REGIONS):
        assert np.array_equal(scaled.column(importer), whole[..., importer])
    fac = linear_factors.factors(flows, t0)
    runs = tariffs[:2]
    got = linear_batch.solve(fac, growth, runs, [scaled, scaled], em, es, ex, dtype=dtype)
    ref = linear_batch.solve(fac, growth, runs, [whole, whole], em, es, ex, dtype=dtype)
    for field in ("world_price", "flows", "consumer", "producer", "tariff_revenue"):
        assert np.array_equal(getattr(got, field), getattr(ref, field)), field
