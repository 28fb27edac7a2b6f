"""Fuzz: whatever JSON a file holds, loading gives a Scenario or a ScenarioError — never a crash."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_catalog import spec_catalog

from planner.model.scenario import Scenario, ScenarioError, load_scenario

CATALOG = spec_catalog()
FIELDS = ("name", "description", "lens", "model", "horizon", "levers", "alignments", "shocks",
          "overrides", "uncertainty", "notes")  # fmt: skip
IDS = st.sampled_from(
    [*CATALOG.levers, *CATALOG.shocks, *CATALOG.alignments, "enabled", "rate_pct", "x"]
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | IDS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(IDS | st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6))
def test_any_field_values_give_a_scenario_or_listed_problems(fields):
    content = {"format": "usmca-planner/scenario", "version": 1, **fields}
    try:
        Scenario.from_dict(content, CATALOG)
    except ScenarioError as exc:
        assert exc.problems, "a refusal names at least one problem"
        assert all(isinstance(p, str) and ": " in p for p in exc.problems)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_top_level_json_is_refused_or_loaded_cleanly(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("fuzz") / "f.usmca.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    try:
        load_scenario(path, catalog=CATALOG)
    except ScenarioError as exc:
        assert exc.problems
