"""evaluate(): an unchanged scenario reproduces the baseline; Results views and references."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import baseline_scenario, busy_scenario, make_model

from planner.model.engine import evaluate
from planner.model.results import BAND_COLUMNS, LEVERAGE_LOSS_INDICATORS, TIDY_COLUMNS


@pytest.fixture(scope="module")
def model():
    return make_model()


@pytest.mark.parametrize("call", ["first", "cached baseline"])
def test_no_change_reproduces_the_baseline_exactly(model, call):
    # The second call finds the solved baseline in the cache and solves the scenario alone.
    results = evaluate(model, baseline_scenario(model))
    tidy = results.tidy()
    assert (tidy["delta"].fillna(0.0) == 0.0).all()
    assert np.array_equal(results.flows, results.flows_base)
    for part, delta in results.welfare.items():
        assert np.all(delta == 0.0), part
    for kpi_id in results.kpi_ids:
        assert np.array_equal(results.kpi[kpi_id], results.kpi_base[kpi_id], equal_nan=True)


def test_a_busy_scenario_moves_every_lens(model):
    results = evaluate(model, busy_scenario(model))
    kpis = results.kpis()
    moved = kpis.groupby("lens")["delta"].apply(lambda d: d.abs().max())
    assert set(moved.index) == {"us_manufacturer", "mx_sme", "ca_exporter", "analyst"}
    assert (moved > 0).all()


def test_tidy_has_the_contract_columns_and_indicators(model):
    results = evaluate(model, busy_scenario(model))
    tidy = results.tidy()
    assert tuple(tidy.columns) == TIDY_COLUMNS
    flows = tidy[tidy.indicator == "trade_flow_usd_m"]
    y, s, r = len(results.years), len(model.sectors), len(model.regions)
    assert len(flows) == y * s * r * r
    row = flows[(flows.region == "MEX") & (flows.partner == "USA") & (flows.sector == "autos")]
    k = model.sectors.index("autos")
    assert np.allclose(row["scenario"].to_numpy(), results.flows[:, k, 1, 0])
    for indicator in (
        "welfare_total_usd_m",
        "welfare_consumer_usd_m",
        "corridor_days",
        "corridor_utilisation",
        "mx_region_exports_usd_m",
        *LEVERAGE_LOSS_INDICATORS,
        *results.kpi_ids,
    ):
        assert indicator in set(tidy.indicator), indicator
    kpi_rows = tidy[tidy.indicator.isin(results.kpi_ids)]
    assert (kpi_rows[["region", "partner", "sector"]] == "").all().all()


def test_kpis_view_has_one_row_per_kpi_and_year(model):
    results = evaluate(model, busy_scenario(model))
    kpis = results.kpis()
    assert len(kpis) == len(results.kpi_ids) * len(results.years)
    assert not kpis.duplicated(["id", "year"]).any()
    assert set(kpis["lens"]) == set(model.kpis["lens"])
    landed = kpis[kpis.id == "us_landed_cost_index"]
    assert np.allclose(landed["baseline"], 100.0)
    assert not any(c in kpis.columns for c in BAND_COLUMNS)


def test_welfare_parts_add_up_to_the_total(model):
    results = evaluate(model, busy_scenario(model))
    parts = sum(results.welfare[p] for p in ("consumer", "producer", "tariff_revenue"))
    assert np.allclose(parts, results.welfare["total"])


def test_status_quo_reference_drops_the_2025_26_actions(model):
    scenario = baseline_scenario(model)
    current = evaluate(model, scenario)
    status_quo = evaluate(model, scenario, reference="status_quo")
    usa, mex = model.regions.index("USA"), model.regions.index("MEX")
    metals = model.sectors.index("metals")
    # Against the 2024 status quo, current policy's tariff actions show up as deltas.
    assert status_quo.reference == "status_quo"
    assert np.all(status_quo.tariff_base[1:, metals, mex, usa] < 0.1)
    assert np.all(current.tariff_base[1:, metals, mex, usa] > 0.4)  # Section 232 at 50%
    assert np.allclose(status_quo.tariff[:, metals, mex, usa], current.tariff[:, metals, mex, usa])
    assert (status_quo.kpi_delta("us_effective_tariff_mx_ca_pct")[1:] > 0).all()
    with pytest.raises(ValueError):
        evaluate(model, scenario, reference="yesterday")


def test_horizon_limits_the_years(model):
    scenario = baseline_scenario(model).replace(horizon={"start": 2027, "end": 2030})
    results = evaluate(model, scenario)
    assert list(results.years) == [2027, 2028, 2029, 2030]
    assert results.flows.shape[0] == 4


def test_the_linear_form_is_available_and_moves_the_same_way(model):
    scenario = baseline_scenario(model).set_shock("us_response_china", True, rate_pct=1)
    ces = evaluate(model, scenario)
    linear = evaluate(model, scenario, form="linear")
    assert linear.trade_form == "linear" and ces.trade_form == "ces"
    mex, usa = model.regions.index("MEX"), model.regions.index("USA")
    d_ces = (ces.flows - ces.flows_base)[:, :, mex, usa].sum()
    d_lin = (linear.flows - linear.flows_base)[:, :, mex, usa].sum()
    # Both forms solve from the same 2024 state; they part by second-order terms only.
    assert d_ces < 0 and d_lin < 0
    assert abs(d_ces - d_lin) < 0.1 * abs(d_ces)


def test_cached_parts_give_the_same_results_as_a_fresh_solve(model):
    # Corridor, regional capacity and tariff paths are remembered across evaluates: a result
    # served from those caches is bit-identical to one computed with every cache empty.
    from planner.model.engine.prepared import prepare

    scenario = busy_scenario(model)
    evaluate(model, baseline_scenario(model))
    warm = evaluate(model, scenario)
    prepare(model).cache.clear()
    prepare(model).pieces.clear()
    cold = evaluate(model, scenario)
    for name in ("flows", "flows_base", "tariff", "trade_cost", "corridor_days", "leverage"):
        assert np.array_equal(getattr(warm, name), getattr(cold, name), equal_nan=True), name
    for kpi_id in warm.kpi_ids:
        assert np.array_equal(warm.kpi[kpi_id], cold.kpi[kpi_id], equal_nan=True), kpi_id


def test_the_leverage_ratio_comes_with_the_two_losses_it_divides(model):
    """Results carry the US's and Mexico's losses at the disagreement point, so the ratio
    can be shown with the sizes behind it (a ratio of two small numbers says little)."""
    results = evaluate(model, busy_scenario(model))
    for losses, ratio in (
        (results.leverage_losses, results.leverage),
        (results.leverage_losses_base, results.leverage_base),
    ):
        assert losses.shape == (len(results.years), 2)
        defined = np.isfinite(ratio)
        assert defined.any()
        assert np.allclose(ratio[defined], losses[defined, 0] / losses[defined, 1])
        assert (losses[defined, 1] > 0).all()  # the ratio is defined where Mexico loses
