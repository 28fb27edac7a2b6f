"""Monte Carlo: one seeded vectorised pass, bands, progress and cancellation; overrides."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import baseline_scenario, busy_scenario, make_model

from planner.errors import InputError
from planner.model.engine import Cancelled, TaskState, evaluate
from planner.model.engine.uncertainty import draw_params, override_keys


@pytest.fixture(scope="module")
def model():
    return make_model()


def test_bands_bracket_the_median_and_are_reproducible(model):
    scenario = busy_scenario(model)
    first = evaluate(model, scenario, draws=60)
    again = evaluate(model, scenario, draws=60)
    for kpi_id, band in first.bands.items():
        assert band.shape == (3, len(first.years))
        ok = ~np.isnan(band).any(axis=0)
        assert (band[0, ok] <= band[1, ok] + 1e-9).all() and (
            band[1, ok] <= band[2, ok] + 1e-9
        ).all()
        assert np.array_equal(band, again.bands[kpi_id], equal_nan=True), kpi_id
    exports = first.bands["mx_exports_usd_m"]
    assert (exports[2] > exports[0]).all()  # the draws do spread the result
    assert first.flow_bands.shape == (3, *first.flows.shape)


def test_total_trade_band_is_the_band_of_each_draws_total(model):
    # The band of a sum comes from each draw's sum.  With this model's flows moving together
    # (shared elasticities) it lies inside the per-flow bands added up, and is narrower
    # somewhere: adding quantiles assumes every flow sits at its p10 in the same draw.
    results = evaluate(model, busy_scenario(model), draws=60)
    band = results.trade_total_bands
    assert band.shape == (3, len(results.years), len(results.regions))
    assert (band[0] <= band[1] + 1e-6).all() and (band[1] <= band[2] + 1e-6).all()
    from planner.model.results import total_trade

    summed = total_trade(results.flow_bands)  # (3, Y, R): per-flow quantiles added up
    usa = results.regions.index("USA")
    assert (band[0, :, usa] >= summed[0, :, usa] - 1e-3).all()
    assert (band[2, :, usa] <= summed[2, :, usa] + 1e-3).all()
    assert (band[2, :, usa] - band[0, :, usa] < summed[2, :, usa] - summed[0, :, usa]).any()
    tidy = results.tidy()
    rows = tidy[(tidy.indicator == "trade_total_usd_m") & (tidy.region == "USA")]
    assert np.allclose(rows["p90"].to_numpy(), band[2, :, usa])
    assert np.allclose(rows["scenario"].to_numpy(), results.total_trade()[:, usa])


def test_another_seed_gives_other_draws(model):
    scenario = busy_scenario(model)
    other = scenario.replace(uncertainty={"draws": 60, "seed": scenario.uncertainty.seed + 1})
    a = evaluate(model, scenario, draws=60).bands["mx_exports_usd_m"]
    b = evaluate(model, other, draws=60).bands["mx_exports_usd_m"]
    assert not np.allclose(a, b)


def test_band_columns_appear_in_the_views(model):
    results = evaluate(model, busy_scenario(model), draws=20)
    assert {"p10", "p50", "p90"} <= set(results.kpis().columns)
    tidy = results.tidy()
    assert {"p10", "p50", "p90"} <= set(tidy.columns)
    flows = tidy[tidy.indicator == "trade_flow_usd_m"]
    assert flows["p50"].notna().all()


def test_draws_stay_inside_their_ranges(model):
    params = draw_params(model, {}, 500, seed=1)
    low, high = model.substitution.low, model.substitution.high
    assert ((params.substitution >= low) & (params.substitution <= high)).all()
    fixed = params.param("weeks_per_year")
    assert np.all(fixed == 52.0)
    assert params.substitution.std(axis=0).min() > 0


def test_progress_is_reported_and_cancel_stops_the_run(model):
    seen: list[float] = []
    evaluate(model, busy_scenario(model), draws=300, task=TaskState(progress=seen.append))
    assert seen and seen[-1] == 1.0 and len(seen) >= 2
    assert seen == sorted(seen)

    task = TaskState()

    def cancel_after_first(fraction: float) -> None:
        task.cancel()

    task.progress = cancel_after_first
    with pytest.raises(Cancelled):
        evaluate(model, busy_scenario(model), draws=300, task=task)


def test_an_override_changes_the_result_and_an_unknown_key_is_refused(model):
    base = baseline_scenario(model).set_shock("us_response_china", True, rate_pct=20)
    steeper = base.replace(overrides={"elasticities.autos.substitution": 9.0})
    mex, usa = model.regions.index("MEX"), model.regions.index("USA")
    autos = model.sectors.index("autos")

    def drop(s) -> float:
        r = evaluate(model, s)
        return float((r.flows - r.flows_base)[-1, autos, mex, usa])

    assert drop(steeper) < drop(base) < 0
    assert "elasticities.autos.substitution" in override_keys(model)
    assert "parameters.per_day_cost_pct.autos" in override_keys(model)
    with pytest.raises(InputError):
        evaluate(model, base.replace(overrides={"elasticities.autos.nonsense": 1.0}))


def test_threads_share_the_draws_without_changing_the_answer(model, monkeypatch):
    from planner.model.engine import monte_carlo

    scenario = busy_scenario(model)
    monkeypatch.setattr(monte_carlo, "CHUNK_DRAWS", 7)
    monkeypatch.setattr(monte_carlo, "MONTE_CARLO_THREADS", 1)
    one = evaluate(model, scenario, draws=40)
    monkeypatch.setattr(monte_carlo, "MONTE_CARLO_THREADS", 3)
    seen = []
    three = evaluate(model, scenario, draws=40, task=TaskState(progress=seen.append))
    for kpi_id, band in one.bands.items():
        assert np.array_equal(band, three.bands[kpi_id], equal_nan=True), kpi_id
    assert np.array_equal(one.flow_bands, three.flow_bands)
    assert np.array_equal(one.trade_total_bands, three.trade_total_bands)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 6  # one per chunk


def test_remembered_baseline_draws_change_nothing_and_are_not_solved_again(model, monkeypatch):
    # The baseline's draws are solved once per model, overrides, draws, seed and horizon; a
    # later scenario solves only its own.  The answer must not depend on that.
    from planner.model import engine
    from planner.model.engine import monte_carlo
    from planner.model.engine.prepared import prepare
    from planner.model.engine.settings import ScenarioSettings, settings_key

    cache = prepare(model).cache
    for key in [k for k in cache if k[0] == "monte_carlo_baseline"]:
        del cache[key]
    scenario = busy_scenario(model)
    flat = engine.settings_of(scenario, model.catalog)
    base_key = settings_key(ScenarioSettings(flat.start, flat.end))
    solved: list[tuple] = []
    real = monte_carlo.solve_runs

    def counting(prep, runs, params, *args, **kwargs):
        solved.extend((settings_key(s), params.draws) for s in runs)
        return real(prep, runs, params, *args, **kwargs)

    def baseline_drawn() -> bool:
        return any(key == base_key and draws > 1 for key, draws in solved)

    monkeypatch.setattr(monte_carlo, "solve_runs", counting)
    fresh = evaluate(model, scenario, draws=40)
    assert baseline_drawn()
    evaluate(model, baseline_scenario(model).set_lever("e_customs", True), draws=40)
    solved.clear()
    again = evaluate(model, scenario, draws=40)
    assert not baseline_drawn() and any(draws > 1 for _, draws in solved)
    for kpi_id, band in fresh.bands.items():
        assert np.array_equal(band, again.bands[kpi_id], equal_nan=True), kpi_id
        assert np.array_equal(fresh.delta_bands[kpi_id], again.delta_bands[kpi_id], equal_nan=True)
    assert np.array_equal(fresh.flow_bands, again.flow_bands)
    assert np.array_equal(fresh.trade_total_bands, again.trade_total_bands)
