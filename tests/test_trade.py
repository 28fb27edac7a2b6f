"""The GSIM trade core: reference result, identities, directions, linear vs CES."""

from __future__ import annotations

import numpy as np
import pytest

from planner.model.engine.trade import solve_ces, solve_gsim

# DESIGN §5 reference: rows exporters US, JP, EU, RW; columns importers in the same order.
REF_FLOWS = np.array(
    [[0, 50, 200, 300], [500, 0, 150, 200], [300, 100, 200, 200], [50, 100, 110, 20]], float
)
REF_POWERS = np.array(
    [
        [1.00, 1.21, 1.41, 1.22],
        [1.37, 1.00, 1.31, 1.23],
        [1.32, 1.36, 1.00, 1.18],
        [1.57, 1.41, 1.25, 1.15],
    ]
)
US, JP = 0, 1

# A plausible 8-region sector (USD bn), order USA MEX CAN CHN EU LAT CAM ROW.
USA, MEX, CAN, CHN = 0, 1, 2, 3
FLOWS8 = np.array(
    [
        [0, 260, 280, 150, 270, 90, 35, 330],
        [480, 0, 12, 8, 25, 15, 9, 30],
        [420, 11, 0, 25, 30, 6, 3, 45],
        [430, 115, 70, 0, 520, 160, 40, 1900],
        [600, 45, 50, 280, 2500, 110, 18, 1250],
        [120, 20, 10, 190, 110, 130, 12, 160],
        [45, 8, 3, 6, 14, 4, 18, 22],
        [870, 190, 120, 1550, 1300, 170, 45, 2100],
    ],
    float,
)
POWERS8 = 1.0 + np.array(
    [
        [0, 0, 0, 0.08, 0.04, 0.06, 0.05, 0.05],
        [0, 0, 0, 0.10, 0.05, 0.05, 0.04, 0.08],
        [0, 0, 0, 0.08, 0.03, 0.06, 0.05, 0.05],
        [0.20, 0.12, 0.04, 0, 0.04, 0.10, 0.08, 0.06],
        [0.03, 0.05, 0.02, 0.07, 0, 0.09, 0.07, 0.05],
        [0.03, 0.06, 0.04, 0.07, 0.04, 0.06, 0.05, 0.06],
        [0.02, 0.08, 0.04, 0.08, 0.03, 0.07, 0.04, 0.06],
        [0.03, 0.07, 0.03, 0.07, 0.04, 0.10, 0.07, 0.05],
    ]
)
ELAST = {"em": -1.25, "es": 5.0, "ex": 1.5}


def _ref_fta() -> np.ndarray:
    powers = REF_POWERS.copy()
    powers[JP, US] = powers[US, JP] = 1.0
    return powers


def _solve(flows, old, new, form, **kwargs):
    return solve_gsim(flows, old, new, ELAST["em"], ELAST["es"], ELAST["ex"], form=form, **kwargs)


def _us_tariff_on_mex(rate: float) -> np.ndarray:
    powers = POWERS8.copy()
    powers[MEX, USA] += rate
    return powers


def _supply_value(result, flows, ex: float = ELAST["ex"]) -> np.ndarray:
    """New sales at world prices that each exporter's supply curve delivers."""
    sales = flows.sum(axis=-1)
    price = result.world_price_change
    if result.form == "linear":
        return sales * (1 + price) * (1 + ex * price)
    return sales * (1 + price) ** (1 + ex)


def test_reference_fta_world_prices_linear():
    result = _solve(REF_FLOWS, REF_POWERS, _ref_fta(), "linear")
    np.testing.assert_array_equal(
        np.round(result.world_price_change, 4), [0.0241, 0.0897, -0.0201, -0.0138]
    )


def test_reference_needs_tariffs_indexed_by_exporter():
    # The transposed reading of the tariff table does not give the published result.
    result = _solve(REF_FLOWS, REF_POWERS.T, _ref_fta().T, "linear")
    assert not np.allclose(result.world_price_change, [0.0241, 0.0897, -0.0201, -0.0138], atol=1e-3)


@pytest.mark.parametrize("form", ["linear", "ces"])
def test_no_change_reproduces_baseline_exactly(form):
    result = _solve(FLOWS8, POWERS8, POWERS8, form, iceberg_old=1.02, iceberg_new=1.02)
    np.testing.assert_array_equal(result.flows, FLOWS8)
    for part in (
        result.world_price_change,
        result.import_price_change,
        result.consumer_surplus,
        result.producer_surplus,
        result.tariff_revenue,
        result.welfare,
    ):
        np.testing.assert_array_equal(part, np.zeros(8))


@pytest.mark.parametrize("form", ["linear", "ces"])
def test_market_clears_after_solve(form):
    result = _solve(FLOWS8, POWERS8, _us_tariff_on_mex(0.25), form)
    np.testing.assert_allclose(
        result.flows.sum(axis=-1), _supply_value(result, FLOWS8), rtol=1e-9, atol=1e-9
    )
    assert result.converged


def test_tariff_revenue_is_zero_where_tariffs_are_zero():
    free = np.ones((8, 8))
    # Only non-tariff costs change: nobody collects anything.
    result = _solve(FLOWS8, free, free, "ces", iceberg_new=1.0 + 0.05 * np.eye(8)[MEX])
    np.testing.assert_array_equal(result.tariff_revenue, np.zeros(8))
    # A tariff set by the US only: every other importer collects nothing.
    powers = free.copy()
    powers[CHN, USA] = 1.25
    result = _solve(FLOWS8, free, powers, "ces")
    assert result.tariff_revenue[USA] > 0
    np.testing.assert_array_equal(np.delete(result.tariff_revenue, USA), np.zeros(7))


@pytest.mark.parametrize("form", ["linear", "ces"])
def test_us_tariff_on_mexico_diverts_us_imports(form):
    small = _solve(FLOWS8, POWERS8, _us_tariff_on_mex(0.10), form)
    large = _solve(FLOWS8, POWERS8, _us_tariff_on_mex(0.25), form)
    assert small.flows[MEX, USA] < FLOWS8[MEX, USA]
    assert large.flows[MEX, USA] < small.flows[MEX, USA]
    others = [r for r in range(8) if r not in (MEX, USA)]
    assert np.all(small.flows[others, USA] > FLOWS8[others, USA])
    assert np.all(large.flows[others, USA] > small.flows[others, USA])
    assert large.world_price_change[MEX] < small.world_price_change[MEX] < 0
    assert large.producer_surplus[MEX] < small.producer_surplus[MEX] < 0


def test_linear_and_ces_agree_to_first_order():
    def gap(rate: float) -> float:
        powers = _us_tariff_on_mex(rate)
        lin = _solve(FLOWS8, POWERS8, powers, "linear")
        ces = _solve(FLOWS8, POWERS8, powers, "ces")
        scale = np.abs(lin.world_price_change).max()
        return np.abs(ces.world_price_change - lin.world_price_change).max() / scale

    half = gap(0.005)
    assert half < 0.01
    # The gap is second order: halving the shock roughly halves the relative gap.
    assert gap(0.0025) == pytest.approx(half / 2, rel=0.2)
    powers = _us_tariff_on_mex(0.005)
    lin = _solve(FLOWS8, POWERS8, powers, "linear")
    ces = _solve(FLOWS8, POWERS8, powers, "ces")
    np.testing.assert_allclose(ces.flows, lin.flows, rtol=2e-4)
    scale = np.abs(lin.welfare).max()
    np.testing.assert_allclose(ces.welfare, lin.welfare, atol=0.02 * scale)


@pytest.mark.parametrize("rate", [0.25, 0.5, 1.0])
def test_ces_keeps_flows_positive_for_large_tariffs(rate):
    powers = POWERS8.copy()
    powers[1:, USA] += rate  # the US taxes everyone
    powers[USA, 1:] += rate  # and everyone retaliates
    result = _solve(FLOWS8, POWERS8, powers, "ces")
    assert result.converged
    off_diagonal = ~np.eye(8, dtype=bool)
    assert np.all(result.flows[off_diagonal] > 0)
    assert np.all(result.flows[FLOWS8 > 0] > 0)


def test_linear_form_goes_negative_where_ces_does_not():
    # Why the app uses the CES form: a 100% tariff pushes the linear demand below zero.
    powers = _us_tariff_on_mex(1.0)
    lin = _solve(FLOWS8, POWERS8, powers, "linear", iceberg_new=1.0)
    ces = _solve(FLOWS8, POWERS8, powers, "ces")
    assert lin.flows[MEX, USA] < 0 < ces.flows[MEX, USA]


def test_iceberg_cost_moves_prices_like_a_tariff_but_earns_nothing():
    free = np.ones((8, 8))
    tariff = free.copy()
    tariff[MEX, USA] = 1.1
    by_tariff = _solve(FLOWS8, free, tariff, "ces")
    by_cost = _solve(FLOWS8, free, free, "ces", iceberg_new=tariff)
    np.testing.assert_allclose(by_cost.flows, by_tariff.flows, rtol=1e-12)
    np.testing.assert_allclose(by_cost.consumer_surplus, by_tariff.consumer_surplus, rtol=1e-12)
    np.testing.assert_array_equal(by_cost.tariff_revenue, np.zeros(8))
    revenue = by_tariff.flows[MEX, USA] * 0.1
    assert by_tariff.tariff_revenue[USA] == pytest.approx(revenue)
    assert by_cost.welfare.sum() < by_tariff.welfare.sum()


def test_consumer_surplus_sign_and_triangle():
    powers = _us_tariff_on_mex(0.10)
    for form in ("linear", "ces"):
        result = _solve(FLOWS8, POWERS8, powers, form)
        spending = (FLOWS8 * POWERS8).sum(axis=0)[USA]
        rise = result.import_price_change[USA]
        assert rise > 0
        # A price rise costs consumers, but less than the rectangle: they buy less.
        assert -spending * rise < result.consumer_surplus[USA] < 0


def test_batch_matches_one_at_a_time():
    rng = np.random.default_rng(7)
    flows = FLOWS8 * rng.uniform(0.5, 1.5, (3, 8, 8))
    new = np.stack([_us_tariff_on_mex(rate) for rate in (0.1, 0.25)])[:, None]  # (2, 1, 8, 8)
    em = rng.uniform(-2.0, -0.8, (2, 3, 8))
    for form in ("linear", "ces"):
        batch = solve_gsim(flows, POWERS8, new, em, 5.0, 1.5, form=form)
        assert batch.flows.shape == (2, 3, 8, 8)
        assert batch.welfare.shape == (2, 3, 8)
        for i in range(2):
            for j in range(3):
                one = solve_gsim(flows[j], POWERS8, new[i, 0], em[i, j], 5.0, 1.5, form=form)
                np.testing.assert_allclose(batch.flows[i, j], one.flows, rtol=1e-9)
                np.testing.assert_allclose(batch.welfare[i, j], one.welfare, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("form", ["linear", "ces"])
def test_per_region_elasticities_equal_scalar_ones(form):
    powers = _us_tariff_on_mex(0.25)
    scalar = _solve(FLOWS8, POWERS8, powers, form)
    vector = solve_gsim(
        FLOWS8, POWERS8, powers, np.full(8, -1.25), np.full(8, 5.0), np.full(8, 1.5), form=form
    )
    np.testing.assert_allclose(vector.flows, scalar.flows, rtol=1e-11)
    np.testing.assert_allclose(vector.welfare, scalar.welfare, rtol=1e-9, atol=1e-9)


def test_ces_special_cases_cobb_douglas_and_unit_demand():
    powers = _us_tariff_on_mex(0.25)
    near = solve_ces(FLOWS8, POWERS8, powers, -1.0 + 1e-6, 1.0 + 1e-5, 1.5)
    exact = solve_ces(FLOWS8, POWERS8, powers, -1.0, 1.0, 1.5)
    assert exact.converged
    np.testing.assert_allclose(exact.flows, near.flows, rtol=1e-4)
    np.testing.assert_allclose(exact.welfare, near.welfare, rtol=1e-4, atol=1e-3)


@pytest.mark.parametrize("form", ["linear", "ces"])
def test_region_without_sales_or_purchases(form):
    flows = FLOWS8.copy()
    flows[CAN, :] = 0.0  # sells nothing
    flows[:, CHN] = 0.0  # buys nothing
    result = _solve(flows, POWERS8, _us_tariff_on_mex(0.25), form)
    assert np.all(np.isfinite(result.flows))
    assert result.world_price_change[CAN] == 0.0
    assert result.import_price_change[CHN] == 0.0
    np.testing.assert_array_equal(result.flows[CAN], np.zeros(8))
    np.testing.assert_array_equal(result.flows[:, CHN], np.zeros(8))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"flows": -FLOWS8}, "non-negative"),
        ({"em": 0.5}, "negative"),
        ({"es": -1.0}, "substitution"),
        ({"ex": 0.0}, "export supply"),
        ({"new": 0 * POWERS8}, "positive"),
        ({"em": np.full(3, -1.0)}, "broadcast"),
    ],
)
def test_bad_input_is_rejected(kwargs, message):
    args = {"flows": FLOWS8, "new": POWERS8, **ELAST, **kwargs}
    with pytest.raises(ValueError, match=message):
        solve_gsim(args["flows"], POWERS8, args["new"], args["em"], args["es"], args["ex"])


def test_unknown_form_is_rejected():
    with pytest.raises(ValueError, match="form"):
        solve_gsim(FLOWS8, POWERS8, POWERS8, -1.25, 5.0, 1.5, form="loglinear")  # type: ignore[arg-type]


def test_ces_converges_where_plain_newton_cycled():
    # Es >> |Em| and a doubled tariff: the undamped Newton iteration cycled here for 50 steps
    # and returned a flow that had risen with its tariff.
    flows = np.array([[1.0, 52.0], [1.0, 71.0]])
    ones = np.ones((2, 2))
    new = ones.copy()
    new[0, 1] = 2.0
    higher = ones.copy()
    higher[0, 1] = 2.1
    base = solve_gsim(flows, ones, new, -0.5, 7.0, 1.0)
    more = solve_gsim(flows, ones, higher, -0.5, 7.0, 1.0)
    assert base.converged and more.converged
    assert more.flows[0, 1] < base.flows[0, 1] < flows[0, 1]


def test_a_calibrated_base_solves_like_a_fresh_call_for_either_form():
    # The engine calibrates once (shares, elasticities, the linear system's inverse) and
    # solves every policy state on it: the answer must be the one-call answer.
    from planner.model.engine.trade import calibrate, solve_on

    rng = np.random.default_rng(3)
    flows = FLOWS8[None] * rng.uniform(0.5, 1.5, (3, 1, 1))
    new = POWERS8 * rng.uniform(1.0, 1.3, (3, 2, 8, 8))
    base = calibrate(flows[:, None], POWERS8, -1.25, 5.0, 1.5, invert=True)
    for form in ("linear", "ces"):
        on_base = solve_on(base, new, form=form)
        fresh = solve_gsim(flows[:, None], POWERS8, new, -1.25, 5.0, 1.5, form=form)
        np.testing.assert_allclose(on_base.flows, fresh.flows, rtol=1e-9)
        np.testing.assert_allclose(on_base.welfare, fresh.welfare, rtol=1e-8, atol=1e-8)
    with pytest.raises(ValueError, match="tariff power"):
        solve_on(base, -POWERS8)
