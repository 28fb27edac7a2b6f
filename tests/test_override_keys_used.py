"""Every override a scenario may set changes a result, and the reference-only numbers are
refused: a key that validates but changes nothing shows a user identical results as if the
number had been tried.  The property is checked on the real model, key by key, so the list of
reference-only keys (``catalog.REFERENCE_ONLY_KEYS``) cannot drift from what the engine reads.
"""

from __future__ import annotations

import numpy as np
import pytest

from planner.model.catalog import REFERENCE_ONLY_KEYS, Catalog, override_range
from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.model.engine import evaluate
from planner.model.engine.uncertainty import _override_key, _ranged_table
from planner.model.scenario import Scenario, ScenarioError
from planner.model.scenario_settings import FrozenDict

REFUSED = (
    "expected a number the engine computes with, found a reference-only parameter "
    "(kept with its source for reference; no result depends on it)"
)


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return load_model(build_database(out_path=tmp_path_factory.mktemp("db") / "model.sqlite"))


@pytest.fixture(scope="module")
def numbers(model) -> dict[str, tuple[float, float, float]]:
    """Every ranged number of the model: key -> (value, low, high) in the file's unit."""
    table = _ranged_table(model)
    out = {}
    for name, *values in zip(table.names, table.value, table.low, table.high, strict=True):
        key = _override_key(name)
        unit = 100.0 if key.startswith("growth.") else 1.0
        out[key] = tuple(float(v) * unit for v in values)
    return out


def scenario_for(catalog: Catalog, key: str) -> dict:
    """Every lever, alignment and shock on, so that a lever's effects are computed; an effect
    of one option (``lever_effects.eu.fta.…``) with that option chosen."""
    levers = {lever_id: {"enabled": True} for lever_id in catalog.levers}
    alignments = {partner: values[-1] for partner, values in catalog.alignments.items()}
    shocks: list[dict] = [{"id": shock_id} for shock_id in catalog.shocks]
    parts = key.split(".")
    if parts[0] == "lever_effects" and len(parts) > 3:
        owner, option = parts[1], parts[2]
        if option in catalog.alignments.get(owner, ()):
            alignments[owner] = option
        spec = catalog.shocks.get(owner)
        for name, param in spec.params.items() if spec else ():
            if option in param.choices:  # e.g. review_outcome's outcome
                shocks = [s if s["id"] != owner else {"id": owner, name: option} for s in shocks]
    return {"name": "n", "lens": catalog.lenses[0], "levers": levers, "alignments": alignments,
            "shocks": shocks}  # fmt: skip


def another_value(key: str, value: float, low: float, high: float) -> float:
    """A value the key accepts other than its central one: an end of its seed range where it
    has one, else halfway to an end of the accepted range."""
    bounds = override_range(key)
    assert bounds is not None, key
    for candidate in (high, low, (value + bounds.maximum) / 2, (value + bounds.minimum) / 2):
        if candidate != value and candidate in bounds:
            return candidate
    raise AssertionError(f"{key}: no other value in {bounds}")


def results_of(model, content: dict, overrides: dict) -> np.ndarray:
    scenario = Scenario.from_dict({**content, "overrides": overrides}, model.catalog)
    tidy = evaluate(model, scenario).tidy()  # central run: every indicator, year and region
    return tidy[["baseline", "scenario"]].to_numpy(float)


def changed(before: np.ndarray, after: np.ndarray) -> bool:
    return before.shape != after.shape or not np.array_equal(before, after, equal_nan=True)


def test_every_key_a_scenario_may_set_changes_a_result(model, numbers):
    accepted = sorted(model.catalog.override_keys)
    assert accepted and set(accepted) <= set(numbers)
    unchanged, baselines = [], {}
    for key in accepted:
        content = scenario_for(model.catalog, key)
        before = baselines.setdefault(repr(content), results_of(model, content, {}))
        after = results_of(model, content, {key: another_value(key, *numbers[key])})
        if not changed(before, after):
            unchanged.append(key)
    # A key here is read by no computation: add it to REFERENCE_ONLY_KEYS (or make it count).
    assert unchanged == []


def test_every_reference_only_key_is_a_model_number_that_changes_nothing(model, numbers):
    assert set(numbers) >= REFERENCE_ONLY_KEYS, "a reference-only key the model does not have"
    assert not REFERENCE_ONLY_KEYS & model.catalog.override_keys
    for key in sorted(REFERENCE_ONLY_KEYS):
        value = numbers[key][0]
        content = scenario_for(model.catalog, key)
        before = results_of(model, content, {})
        # Straight to the engine (validation refuses the key): twice the value, or 1 for 0.
        scenario = Scenario.from_dict(content, model.catalog)
        scenario = scenario.model_copy(update={"overrides": FrozenDict({key: value * 2 or 1.0})})
        after = evaluate(model, scenario).tidy()[["baseline", "scenario"]].to_numpy(float)
        # The engine reads this key now: take it out of REFERENCE_ONLY_KEYS and give it a range.
        assert not changed(before, after), key


@pytest.mark.parametrize("key", sorted(REFERENCE_ONLY_KEYS))
def test_an_override_of_a_reference_only_number_is_refused(model, key):
    content = {"name": "n", "lens": model.catalog.lenses[0], "overrides": {key: 0.3}}
    for catalog in (model.catalog, None):  # with or without the model's keys
        with pytest.raises(ScenarioError) as caught:
            Scenario.from_dict(content, catalog)
        assert caught.value.problems == [f"overrides.{key}: {REFUSED}"]


def test_a_reference_only_key_has_no_range_and_is_not_suggested(model):
    assert all(override_range(key) is None for key in REFERENCE_ONLY_KEYS)
    content = {"name": "n", "lens": model.catalog.lenses[0],
               "overrides": {"parameters.disruption_hazards": 0.3}}  # fmt: skip
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(content, model.catalog)
    assert "did you mean" not in caught.value.problems[0]
