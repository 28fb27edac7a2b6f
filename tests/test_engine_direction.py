"""Direction of the engine's responses: tariffs, corridor investments, alignments, events."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import baseline_scenario, make_model

from planner.model.engine import evaluate


@pytest.fixture(scope="module")
def model():
    return make_model()


def _index(model, *ids):
    return [model.regions.index(r) for r in ids]


def _delta_flow(results, exporter: int, importer: int) -> np.ndarray:
    """(Y,) scenario minus baseline flow, all sectors."""
    return (results.flows - results.flows_base)[:, :, exporter, importer].sum(axis=1)


def _us_tariff_on_mexico(model, rate: float):
    return baseline_scenario(model).set_shock("us_response_china", True, rate_pct=rate)


def test_a_us_tariff_on_mexico_diverts_us_imports_to_other_suppliers(model):
    results = evaluate(model, _us_tariff_on_mexico(model, 25))
    usa, mex = _index(model, "USA", "MEX")
    assert (_delta_flow(results, mex, usa) < 0).all()
    for other in ("CAN", "CHN", "EU", "LAT", "CAM", "ROW"):
        (r,) = _index(model, other)
        assert (_delta_flow(results, r, usa) > 0).all(), other


def test_a_larger_tariff_lowers_mexican_flows_more(model):
    usa, mex = _index(model, "USA", "MEX")
    small = _delta_flow(evaluate(model, _us_tariff_on_mexico(model, 10)), mex, usa)
    large = _delta_flow(evaluate(model, _us_tariff_on_mexico(model, 40)), mex, usa)
    assert (large < small).all()
    assert (small < 0).all()


def test_the_non_usmca_tariff_only_runs_between_its_years(model):
    scenario = baseline_scenario(model).set_shock(
        "us_tariff_non_usmca", True, rate_pct=25, start_year=2028, end_year=2030
    )
    results = evaluate(model, scenario)
    usa, mex = _index(model, "USA", "MEX")
    delta = _delta_flow(results, mex, usa)
    on = (results.years >= 2028) & (results.years <= 2030)
    assert (delta[on] < 0).all()
    assert np.allclose(delta[~on], 0.0)


def _mex_to_usa_cost(results, model) -> np.ndarray:
    """(Y, S) change of the MEX->USA iceberg trade cost."""
    usa, mex = _index(model, "USA", "MEX")
    return (results.trade_cost - results.trade_cost_base)[:, :, mex, usa]


@pytest.mark.parametrize(
    ("lever", "params", "first_year"),
    [
        ("tmfc_corridor", {"start_year": 2027}, 2027),
        ("e_customs", {"start_year": 2026}, 2026),
    ],
)
def test_corridor_and_e_customs_lower_mexico_us_trade_costs(model, lever, params, first_year):
    results = evaluate(model, baseline_scenario(model).set_lever(lever, True, **params))
    change = _mex_to_usa_cost(results, model)
    after = results.years >= first_year
    assert (change[after] < 0).all()
    assert np.allclose(change[~after], 0.0)
    kpis = results.kpis().set_index(["id", "year"])
    assert kpis.loc[("us_landed_cost_index", 2030), "delta"] < 0


def test_a_larger_corridor_cuts_costs_more(model):
    def cost(intensity: float) -> float:
        scenario = baseline_scenario(model).set_lever(
            "tmfc_corridor", True, start_year=2027, intensity=intensity
        )
        return float(_mex_to_usa_cost(evaluate(model, scenario), model)[-1].sum())

    assert cost(1.0) < cost(0.3) < 0


def test_an_eu_alignment_raises_mexico_eu_flows(model):
    results = evaluate(model, baseline_scenario(model).set_alignment("eu", "fta"))
    mex, eu = _index(model, "MEX", "EU")
    later = results.years >= 2028
    assert (_delta_flow(results, mex, eu)[later] > 0).all()
    assert (_delta_flow(results, eu, mex)[later] > 0).all()
    deepen = evaluate(model, baseline_scenario(model).set_alignment("eu", "deepen"))
    assert (_delta_flow(deepen, mex, eu)[later] < _delta_flow(results, mex, eu)[later]).all()


def test_diversification_raises_mexicos_leverage(model):
    scenario = (
        baseline_scenario(model)
        .set_alignment("eu", "fta")
        .set_alignment("central_america", "fta")
        .set_alignment("brazil_mercosur", "fta")
    )
    results = evaluate(model, scenario)
    later = results.years >= 2029
    assert (results.leverage[later] > results.leverage_base[later]).all()
    kpi = results.kpis().set_index(["id", "year"]).loc["mx_leverage_ratio"]
    assert np.allclose(kpi["scenario"].to_numpy(), results.leverage, equal_nan=True)


def test_withdrawal_raises_tariffs_on_mexico_after_the_review(model):
    scenario = baseline_scenario(model).set_shock(
        "review_outcome", True, outcome="withdrawal", year=2027
    )
    results = evaluate(model, scenario)
    delta = results.kpis().set_index(["id", "year"]).loc["us_effective_tariff_mx_ca_pct", "delta"]
    assert np.allclose(delta.loc[[2025, 2026]], 0.0)
    assert (delta.loc[2028:] > 0).all()
    clause = evaluate(model, scenario.set_lever("regional_impact_clause", True))
    softer = clause.kpis().set_index(["id", "year"]).loc["us_effective_tariff_mx_ca_pct", "delta"]
    assert (softer.loc[2028:] < delta.loc[2028:]).all()


def test_replacing_section_232_at_its_current_rate_changes_nothing(model):
    same = evaluate(
        model, baseline_scenario(model).set_shock("us_section232_metals", True, rate_pct=50)
    )
    assert np.allclose(same.flows, same.flows_base)
    lifted = evaluate(
        model, baseline_scenario(model).set_shock("us_section232_metals", True, rate_pct=0)
    )
    usa, can = _index(model, "USA", "CAN")
    metals = model.sectors.index("metals")
    assert (lifted.flows[:, metals, can, usa] > lifted.flows_base[:, metals, can, usa]).all()


def test_regional_levers_raise_south_southeast_exports(model):
    scenario = (
        baseline_scenario(model)
        .set_lever("southeast_fdi_incentive", True)
        .set_lever("regional_development_fund", True)
        .set_lever("vocational_ppp", True)
    )
    results = evaluate(model, scenario)
    sse = model.mx_regions.index("south_southeast")
    delta = results.mx_region_exports[:, sse] - results.mx_region_exports_base[:, sse]
    assert (delta[results.years >= 2028] > 0).all()
    jobs = results.kpis().set_index(["id", "year"]).loc["mx_sse_jobs", "delta"]
    assert (jobs.loc[2028:] > 0).all()


def test_a_lever_that_moves_no_market_reuses_the_baselines_trade_solution(model, monkeypatch):
    """A firm-level lever changes no tariff or trade cost: the trade core is not run again
    and every flow equals the baseline's exactly (no round-off delta), while the lever's own
    KPIs still move."""
    from planner.model.engine import trade

    evaluate(model, baseline_scenario(model))  # the baseline's run is then remembered
    calls = []
    solve_on = trade.solve_on
    monkeypatch.setattr(trade, "solve_on", lambda *a, **k: calls.append(1) or solve_on(*a, **k))
    results = evaluate(model, baseline_scenario(model).set_lever("inventory_buffers", True))
    assert not calls
    assert np.array_equal(results.flows, results.flows_base)
    moved = results.kpis().query("delta != 0")
    assert len(moved) > 0

    changed = evaluate(model, _us_tariff_on_mexico(model, 25))  # a market moves: solved
    assert calls and not np.array_equal(changed.flows, changed.flows_base)
