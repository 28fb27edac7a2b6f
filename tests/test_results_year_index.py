"""Results.year_index: a calendar year's position on the year axis of a run's arrays."""

from __future__ import annotations

import pytest
from model_factory import baseline_scenario, make_model

from planner.model.engine import evaluate


@pytest.fixture(scope="module")
def results():
    model = make_model()
    return evaluate(model, baseline_scenario(model))


def test_a_year_of_the_run_gives_its_position(results):
    years = [int(v) for v in results.years]
    assert [results.year_index(year) for year in years] == list(range(len(years)))
    assert results.year_index(results.years[-1]) == len(years) - 1  # a numpy integer too


def test_a_year_outside_the_run_names_the_year_and_the_runs_years(results):
    years = [int(v) for v in results.years]
    missing = years[-1] + 1
    with pytest.raises(ValueError) as raised:
        results.year_index(missing)
    message = str(raised.value)
    assert f"year {missing} " in message
    assert ", ".join(map(str, years)) in message
