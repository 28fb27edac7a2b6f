"""The landed cost is computed once per KPI input: its index and a Monte Carlo pass's
reference read the same array, with the numbers of a computation of its own."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import busy_scenario, make_model

from planner.model import engine
from planner.model.engine import kpis, monte_carlo, simulation, solved_runs
from planner.model.engine.prepared import prepare
from planner.model.engine.settings import ScenarioSettings, settings_of
from planner.model.engine.uncertainty import draw_params


@pytest.fixture(scope="module")
def model():
    return make_model()


def _runs(model):
    settings = settings_of(busy_scenario(model), model.catalog)
    return ScenarioSettings(settings.start, settings.end), settings


def _counting(monkeypatch) -> list[int]:
    calls = []
    real = kpis.landed_cost

    def counting(x):
        calls.append(1)
        return real(x)

    monkeypatch.setattr(kpis, "landed_cost", counting)
    if hasattr(simulation, "landed_cost"):  # a caller of its own would be counted too
        monkeypatch.setattr(simulation, "landed_cost", counting)
    return calls


def test_a_kept_landed_cost_is_the_index_kpis_own(model, monkeypatch):
    prep = prepare(model)
    runs = _runs(model)
    years = np.asarray(model.years)
    params = draw_params(model, {}, 6, seed=2)
    outputs = tuple(
        solved_runs.solve_runs(
            prep, list(runs), params, years, solved_runs.BATCH_FORM, detail=False
        )
    )
    kpi_ids = ("us_landed_cost_index",)
    calls = _counting(monkeypatch)
    kept = simulation.combine(prep, runs, outputs, params, years, kpi_ids, keep_landed=True)
    assert len(calls) == 1  # not once for the index and again for the reference
    plain = simulation.combine(prep, runs, outputs, params, years, kpi_ids)
    assert len(calls) == 2
    total = kept.landed_cost
    assert total.shape == (6, 2, len(years))
    index = kept.kpis["us_landed_cost_index"]
    assert np.array_equal(index, plain.kpis["us_landed_cost_index"])
    assert np.array_equal(index, 100.0 * total / total[:, :1])
    assert not np.array_equal(total[:, 1], total[:, 0])  # the busy scenario moves it


def test_a_monte_carlo_baseline_pass_computes_each_chunks_landed_cost_once(model, monkeypatch):
    prep = prepare(model)
    scenario = busy_scenario(model)
    prep.cache.clear()
    engine.evaluate(model, scenario)  # the central run, before counting
    calls = _counting(monkeypatch)
    monkeypatch.setattr(monte_carlo, "MONTE_CARLO_THREADS", 1)
    draws = 2 * monte_carlo.CHUNK_DRAWS + 1
    engine.evaluate(model, scenario, draws=draws)
    # Per chunk: one for the baseline's pass (index and reference), one for the scenario's;
    # one each for the central run and the two linear central runs that centre the draws.
    chunks = -(-draws // monte_carlo.CHUNK_DRAWS)
    assert len(calls) == 2 * chunks + 3
