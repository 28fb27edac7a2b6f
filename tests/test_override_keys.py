"""A scenario's ``overrides`` may name only numbers the model has: the catalog carries the
keys (read from the database), so ``planner validate``, ``planner run`` and the GUI's open
refuse an unknown key up front, with a "did you mean" when a key is close, instead of the
engine refusing it when it computes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import cli_support
import pytest
from cli_support import run_cli
from scenario_catalog import spec_catalog

from planner.model.catalog import REFERENCE_ONLY_KEYS, Catalog
from planner.model.data import load_model
from planner.model.database_catalog import catalog_from_db
from planner.model.database_file import default_database_path
from planner.model.engine.uncertainty import override_keys
from planner.model.scenario import Scenario, ScenarioError
from planner.paths import resources_dir

good_database = cli_support.good_database  # the shared fixture (tests/cli_support.py)

SCENARIO = resources_dir() / "scenarios" / "bajio_flood_replay.usmca.json"


def unknown(key: str, suggestion: str | None = None) -> str:
    hint = f" (did you mean {suggestion}?)" if suggestion else ""
    return (
        f"overrides.{key}: expected a model number such as elasticities.autos.substitution, "
        f"found an unknown key{hint}"
    )


@pytest.fixture(scope="module")
def model(good_database):
    return load_model(good_database)


@pytest.fixture
def database(good_database, isolated_user_data) -> Path:
    path = default_database_path()
    shutil.copyfile(good_database, path)
    return path


def scenario_with(tmp_path: Path, overrides: dict) -> Path:
    content = json.loads(SCENARIO.read_text(encoding="utf-8"))
    content["overrides"] = {**content.get("overrides", {}), **overrides}
    path = tmp_path / "edited.usmca.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


# --- the catalog knows the engine's keys ----------------------------------------------------


def test_the_catalog_holds_exactly_the_keys_the_engine_accepts(model, good_database):
    # ... but the reference-only numbers, which the engine takes and no result depends on.
    engine_keys = frozenset(override_keys(model))
    assert engine_keys >= REFERENCE_ONLY_KEYS
    assert model.catalog.override_keys == engine_keys - REFERENCE_ONLY_KEYS
    assert catalog_from_db(good_database).override_keys == model.catalog.override_keys
    assert "lever_effects.eu.fta.region_share.EU" in model.catalog.override_keys


def test_every_key_of_the_catalog_evaluates(model):
    from planner.model.engine.uncertainty import central_params

    overrides = {"elasticities.autos.substitution": 6.0, "growth.MEX": 2.5}
    assert set(overrides) <= model.catalog.override_keys
    central_params(model, overrides)  # the engine takes what validation lets through


# --- validation -----------------------------------------------------------------------------


def content(catalog: Catalog, overrides: dict) -> dict:
    return {"name": "n", "lens": catalog.lenses[0], "overrides": overrides}


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [
        ("elasticities.autos.nonsense", None),  # no key is close: no guess
        ("elasticities.autos.substitutoin", "elasticities.autos.substitution"),
        ("elasticities.auto.import_demand", "elasticities.autos.import_demand"),
        ("growth.mex", "growth.MEX"),
        ("parameters.bpr_alfa", "parameters.bpr_alpha"),
        ("lever_effects.eu.fta.region_share.EUU", "lever_effects.eu.fta.region_share.EU"),
        ("foo.bar", None),
    ],
)
def test_an_unknown_key_is_refused_with_a_close_key(model, key, suggestion):
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(content(model.catalog, {key: 1.0}), model.catalog)
    assert caught.value.problems == [unknown(key, suggestion)]


def test_an_unknown_key_that_a_range_rule_matches_is_reported_once(model):
    # elasticities.<anything>.substitution has a range: the key is the mistake, not 1e9.
    key = "elasticities.cars.substitution"
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(content(model.catalog, {key: 1e9}), model.catalog)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(unknown(key))


def test_known_keys_and_a_bad_path_are_not_reported_as_unknown(model):
    good = {"elasticities.autos.substitution": 6.0, "growth.MEX": 2.5}
    assert Scenario.from_dict(content(model.catalog, good), model.catalog).overrides == good
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(content(model.catalog, {"not a path": 1.0}), model.catalog)
    assert len(caught.value.problems) == 1
    assert "expected a dotted parameter path" in caught.value.problems[0]


def test_a_catalog_without_keys_checks_only_the_ranges():
    catalog = spec_catalog()  # built by hand: override_keys is None
    assert catalog.override_keys is None
    scenario = Scenario.from_dict(content(catalog, {"elasticities.autos.nonsense": 1.0}), catalog)
    assert dict(scenario.overrides) == {"elasticities.autos.nonsense": 1.0}
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(content(catalog, {"growth.MEX": 1e6}), catalog)
    assert caught.value.problems == ["overrides.growth.MEX: expected a number from -10 to 15, "
                                     "found 1000000.0"]  # fmt: skip


# --- the command line -----------------------------------------------------------------------


def test_validate_refuses_an_unknown_key(capsys, database, tmp_path):
    path = scenario_with(tmp_path, {"elasticities.autos.nonsense": 1.0})
    code, out, err = run_cli(capsys, "validate", path)
    assert code == 2 and out == ""
    assert err == f"{path}: {unknown('elasticities.autos.nonsense')}\n"


def test_run_refuses_an_unknown_key_before_computing(capsys, database, tmp_path, monkeypatch):
    from planner.model import engine

    def refuse(*args, **kwargs):
        raise AssertionError("the engine must not run")

    monkeypatch.setattr(engine, "evaluate", refuse)
    key = "elasticities.autos.substitutoin"
    path = scenario_with(tmp_path, {key: 5.0})
    code, out, err = run_cli(capsys, "run", path)
    assert code == 2 and out == ""
    assert unknown(key, "elasticities.autos.substitution") in err


def test_validate_and_run_refuse_a_reference_only_key(capsys, database, tmp_path):
    # It used to validate and run to the very same results as without it.
    path = scenario_with(tmp_path, {"parameters.disruption_hazard": 0.35})
    expected = (
        f"{path}: overrides.parameters.disruption_hazard: expected a number the engine computes "
        "with, found a reference-only parameter (kept with its source for reference; no result "
        "depends on it)\n"
    )
    for command in ("validate", "run"):
        code, out, err = run_cli(capsys, command, path)
        assert (code, out, err) == (2, "", expected)


def test_validate_and_run_accept_a_known_key(capsys, database, tmp_path):
    path = scenario_with(tmp_path, {"elasticities.autos.substitution": 6.0})
    code, _, err = run_cli(capsys, "validate", path)
    assert code == 0, err
    code, out, err = run_cli(capsys, "run", path, "--draws", "0")
    assert code == 0 and out, err


# --- the GUI --------------------------------------------------------------------------------


def test_the_gui_refuses_a_file_with_an_unknown_key_and_keeps_the_scenario(
    window, document, dialogs_seen, tmp_path
):
    assert document.catalog.override_keys  # the mini model's, read from its database
    document.edit(document.scenario.set_lever("e_customs", enabled=True), "on")
    before, before_path = document.scenario, document.path
    content = document.scenario.to_dict()
    content["overrides"] = {"elasticities.autos.substitutoin": 5.0}
    bad = tmp_path / "typo.usmca.json"
    bad.write_text(json.dumps(content), encoding="utf-8")
    failures = []
    document.open_failed.connect(lambda path, problems: failures.append((path, problems)))

    assert not window.open_file(bad)

    assert failures == [(str(bad), [unknown("elasticities.autos.substitutoin",
                                            "elasticities.autos.substitution")])]  # fmt: skip
    assert document.scenario == before and document.path == before_path
    assert document.undo_stack.count() == 1
    title, text, listing = dialogs_seen.seen[-1]
    assert title == "Cannot open scenario" and "typo.usmca.json" in text
    assert "elasticities.autos.substitutoin" in listing and "did you mean" in listing


@pytest.mark.parametrize("table", ["lever_effects", "lenses"])
def test_validate_reads_a_table_the_catalog_needs_as_damage(capsys, database, table):
    # The override keys come from lever_effects: without it the default database (a cache of
    # the seeds) is damaged and rebuilt once, as `planner run` does, and the file validates.
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(database)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
    code, out, err = run_cli(capsys, "validate", SCENARIO)
    assert code == 0 and "valid" in out
    assert err.startswith(f"Rebuilding the model database {database}: it is damaged (")
    assert f"no such table: {table}" in err and err.count("Rebuilding") == 1


def test_cited_sources_leave_out_reference_only_rows_and_split_joined_ids():
    from planner.model.catalog import cited_sources

    rows = [
        ("southeast_fdi_incentive", "", "capacity_per_fdi", "A_FDI_CAPACITY"),
        ("southeast_fdi_incentive", "", "base_tax_rate_pct", "A_MX_CIT"),  # reference only
        ("eu", "fta", "region_share.EU", "S1; S2"),
    ]
    assert cited_sources(["ART", "", "S2"], rows) == ["ART", "S2", "A_FDI_CAPACITY", "S1"]
