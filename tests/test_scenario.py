"""Scenario files: schema, catalog checks, migrations, fingerprints, atomic save, edits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_catalog import spec_catalog

from planner.model import scenario as scenario_module
from planner.model.scenario import (
    MAX_FILE_BYTES,
    Scenario,
    ScenarioError,
    backup_path,
    load_scenario,
    load_scenario_with_warnings,
    save_scenario,
)
from planner.model.scenario_versions import CURRENT_VERSION, MIGRATIONS, SUPPORTED_VERSIONS
from planner.paths import resources_dir

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
EXAMPLES = sorted((resources_dir() / "scenarios").glob("*.usmca.json"))
CATALOG = spec_catalog()
FINGERPRINT = "sha256:" + "1" * 64


def load(name: str, **kwargs) -> Scenario:
    return load_scenario(FIXTURES / name, CATALOG, **kwargs)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, CATALOG)
    return caught.value.problems


def write(tmp_path: Path, content: str | bytes, name: str = "s.usmca.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def minimal(**fields) -> str:
    data = {"format": "usmca-planner/scenario", "version": 1, "name": "n", "lens": "analyst"}
    data.update(fields)
    return json.dumps(data)


# --- versions ---------------------------------------------------------------------------------


def test_version_1_fixture_loads_with_every_field():
    scenario = load("v1_corridor.usmca.json")
    assert scenario.lens == "mx_sme"
    assert scenario.levers["tmfc_corridor"].enabled is True
    assert scenario.levers["tmfc_corridor"].params == {"start_year": 2027, "intensity": 1.0}
    assert scenario.levers["e_customs"].params == {}
    assert scenario.alignments == {"central_america": "deepen"}
    assert [s.id for s in scenario.shocks] == ["us_tariff_non_usmca", "bajio_flood"]
    assert scenario.shock("bajio_flood").params == {"start_year": 2027, "weeks": 3}
    assert scenario.overrides == {"elasticities.autos.substitution": 4.5}
    assert (scenario.uncertainty.draws, scenario.uncertainty.seed) == (1000, 7)


def test_version_0_fixture_is_migrated_on_load():
    loaded = load_scenario_with_warnings(FIXTURES / "v0_draft.usmca.json", CATALOG)
    scenario = loaded.scenario
    assert scenario.lens == "mx_sme"  # was "stakeholder"
    assert [s.id for s in scenario.shocks] == ["us_tariff_non_usmca", "bajio_flood"]
    assert scenario.shock("us_tariff_non_usmca").params == {"rate_pct": 25, "start_year": 2026}
    assert scenario.uncertainty.seed == 11
    assert any(w.startswith("version: ") and "upgraded" in w for w in loaded.warnings)


def test_migrated_file_saves_as_current_version(tmp_path):
    target = tmp_path / "upgraded.usmca.json"
    save_scenario(load("v0_draft.usmca.json"), target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == CURRENT_VERSION
    assert "stakeholder" not in data and isinstance(data["shocks"], list)
    assert load_scenario_with_warnings(target, CATALOG).warnings == ()


def test_every_old_version_has_a_migration_and_a_fixture():
    assert (*range(CURRENT_VERSION), CURRENT_VERSION) == SUPPORTED_VERSIONS
    assert set(MIGRATIONS) == set(range(CURRENT_VERSION))
    for version in SUPPORTED_VERSIONS:
        fixtures = [
            p
            for p in FIXTURES.glob("v*.usmca.json")
            if json.loads(p.read_text(encoding="utf-8"))["version"] == version
        ]
        assert fixtures, f"no fixture for version {version}"


def test_future_version_names_the_supported_ones():
    (problem,) = problems_of(FIXTURES / "bad_future_version.usmca.json")
    assert problem.startswith("version: expected 0 or 1")
    assert "found 7" in problem and "newer planner" in problem


def test_wrong_format_is_refused_before_the_content():
    (problem,) = problems_of(FIXTURES / "bad_format.usmca.json")
    assert problem.startswith('format: expected "usmca-planner/scenario"')
    assert '"something-else/session"' in problem


def test_missing_envelope_names_both_fields(tmp_path):
    problems = problems_of(write(tmp_path, '{"name": "n", "lens": "analyst"}'))
    assert [p.split(":")[0] for p in problems] == ["format", "version"]
    assert all("found nothing" in p for p in problems)


# --- fingerprints -----------------------------------------------------------------------------


def test_other_model_fingerprint_loads_with_a_warning():
    loaded = load_scenario_with_warnings(
        FIXTURES / "v1_corridor.usmca.json", CATALOG, model_fingerprint=FINGERPRINT
    )
    assert loaded.scenario.name == "Corridor + e-customs under 25% tariff"
    (warning,) = loaded.warnings
    assert warning.startswith("model.fingerprint: expected sha256:1111")
    assert "found sha256:0000" in warning


@pytest.mark.parametrize("model_fingerprint", [None, "sha256:" + "0" * 64])
def test_same_or_unknown_fingerprint_gives_no_warning(model_fingerprint):
    loaded = load_scenario_with_warnings(
        FIXTURES / "v1_corridor.usmca.json", CATALOG, model_fingerprint=model_fingerprint
    )
    assert loaded.warnings == ()


def test_unpinned_file_gives_no_fingerprint_warning(tmp_path):
    path = write(tmp_path, minimal(model={"version": "2024.1", "fingerprint": ""}))
    assert load_scenario_with_warnings(path, CATALOG, FINGERPRINT).warnings == ()


def test_unpinned_file_of_another_model_version_loads_with_a_warning(tmp_path):
    path = write(tmp_path, minimal(model={"version": "2023.9", "fingerprint": ""}))
    loaded = load_scenario_with_warnings(path, CATALOG, FINGERPRINT, "2024.1")
    (warning,) = loaded.warnings
    assert warning.startswith("model.version: expected 2024.1 (the model in use), found 2023.9")
    # The same version, or no version known on either side: nothing to warn about.
    assert load_scenario_with_warnings(path, CATALOG, FINGERPRINT, "2023.9").warnings == ()
    assert load_scenario_with_warnings(path, CATALOG, FINGERPRINT).warnings == ()


# --- schema and catalog messages --------------------------------------------------------------


def test_unknown_ids_list_the_valid_ones():
    problems = problems_of(FIXTURES / "bad_unknown_ids.usmca.json")
    by_path = {p.split(": ", 1)[0]: p for p in problems}
    assert set(by_path) == {"lens", "levers.tmfc_corrdor", "alignments.mars", "shocks[0].id"}
    lever = by_path["levers.tmfc_corrdor"]
    assert "unknown policy lever" in lever and "valid: canada_green_content, e_customs" in lever
    assert "did you mean tmfc_corridor?" in lever
    assert "did you mean mx_sme?" in by_path["lens"]
    assert "valid: brazil_mercosur, canada, central_america" in by_path["alignments.mars"]
    assert "did you mean bajio_flood?" in by_path["shocks[0].id"]


def test_every_problem_is_reported_at_once():
    problems = problems_of(FIXTURES / "bad_values.usmca.json")
    expected = {
        "name": "expected the scenario's name",
        "stakeholder": 'found unknown field "stakeholder"',
        "horizon.start": "expected a year from 2025 to 2036, found 2040",
        "horizon.end": 'found "2036"',
        "levers.tmfc_corridor.enabled": 'expected true or false, found "yes"',
        "levers.tmfc_corridor.start_year": "expected an integer from 2026 to 2036, found 2020",
        "levers.tmfc_corridor.intensity": "expected a number from 0 to 1, found 1.5",
        "levers.inventory_buffers.weeks": "expected an integer from 0 to 8, found 2.5",
        "alignments.canada": 'expected one of none, deepen, found "fta"',
        "shocks[0].outcome": "expected one of extend, annual_reviews, withdrawal",
        "shocks[1].id": "expected each shock at most once",
        "uncertainty.draws": "found -5",
    }
    assert len(problems) == len(expected)
    for path, text in expected.items():
        matching = [p for p in problems if p.startswith(path + ": ")]
        assert len(matching) == 1 and text in matching[0], (path, problems)
    assert all(": expected " in p and ", found " in p for p in problems)


@pytest.mark.parametrize(
    ("fields", "path", "text"),
    [
        ({"levers": {"southwest_trade_hub": {"enabled": True, "speed": 2}}}, "levers."
         "southwest_trade_hub.speed", "on/off switch"),
        ({"levers": {"bajio_flood": {}}}, "levers.bajio_flood", 'belongs under "shocks"'),
        ({"levers": {"e_customs": 3}}, "levers.e_customs", '{"enabled": true or false'),
        ({"levers": {"e_customs": {"coverage": [1]}}}, "levers.e_customs.coverage", "a list"),
        ({"shocks": {"bajio_flood": {}}}, "shocks", "a list"),
        ({"shocks": [{"weeks": 3}]}, "shocks[0].id", "found nothing"),
        ({"shocks": [{"id": "us_tariff_non_usmca", "start_year": 2030, "end_year": 2027}]},
         "shocks[0].end_year", "expected a year ≥ start_year (2030), found 2027"),
        ({"overrides": {"not a path": 1}}, 'overrides["not a path"]', "dotted parameter path"),
        ({"overrides": {"a.b": "4.5"}}, "overrides.a.b", 'expected a number, found "4.5"'),
        ({"horizon": {"start": 2030, "end": 2026}}, "horizon", "expected start ≤ end"),
        ({"lens": 3}, "lens", "expected a stakeholder lens id, found 3"),
        ({"name": "x" * 300}, "name", "found \"xxxx"),
    ],
)  # fmt: skip
def test_bad_field_names_its_path(tmp_path, fields, path, text):
    problems = problems_of(write(tmp_path, minimal(**fields)))
    assert any(p.startswith(path + ": ") and text in p for p in problems), problems


def test_messages_stay_on_one_line(tmp_path):
    odd_key = "tmfc\ncorridor\u2028x"
    problems = problems_of(write(tmp_path, minimal(levers={odd_key: {}}, name="a\nb" * 200)))
    assert problems and all(len(p.splitlines()) == 1 for p in problems)


def test_scenario_without_catalog_checks_structure_only(tmp_path):
    path = write(tmp_path, minimal(levers={"no_such_lever": {"enabled": True}}))
    content, _ = scenario_module.read_scenario_content(path)
    assert "no_such_lever" in Scenario.from_dict(content).levers
    assert any("unknown policy lever" in p for p in Scenario.from_dict(content).problems(CATALOG))


# --- unsafe files -----------------------------------------------------------------------------


def test_file_over_one_megabyte_is_refused_unread(tmp_path):
    path = write(tmp_path, minimal(notes="x" * MAX_FILE_BYTES))
    (problem,) = problems_of(path)
    assert problem.startswith("file: expected at most 1 MB (1,048,576 bytes), found 1,048,")


def test_non_utf8_is_refused():
    (problem,) = problems_of(FIXTURES / "bad_latin1.usmca.json")
    assert (
        problem
        == "file: expected UTF-8 text, found byte 0xed on line 1 (re-save the file as UTF-8)"
    )


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + minimal(name="Bajío").encode("utf-8"))
    assert load_scenario(path, CATALOG).name == "Bajío"


def test_top_level_must_be_an_object():
    (problem,) = problems_of(FIXTURES / "bad_not_object.usmca.json")
    assert problem == "file: expected a JSON object {…} at the top level, found a list […]"


def test_nan_and_infinity_are_refused_where_they_are():
    problems = problems_of(FIXTURES / "bad_nan.usmca.json")
    assert problems == [
        "levers.tmfc_corridor.intensity: expected a finite number, found NaN "
        "(JSON has no NaN or Infinity)",
        "overrides.elasticities.autos.substitution: expected a finite number, found Infinity "
        "(JSON has no NaN or Infinity)",
    ]


def test_overflowing_number_counts_as_infinity(tmp_path):
    (problem,) = problems_of(write(tmp_path, minimal(notes="").replace('""', "1e999")))
    assert problem.startswith("notes: expected a finite number, found 1e999")


def test_duplicate_keys_are_refused_where_they_are():
    problems = problems_of(FIXTURES / "bad_duplicate_keys.usmca.json")
    assert problems == [
        '(top level): expected each key once, found "lens" 2 times',
        'levers.e_customs: expected each key once, found "coverage" 2 times',
    ]


def test_broken_json_names_line_and_column():
    (problem,) = problems_of(FIXTURES / "bad_truncated.usmca.json")
    assert problem.startswith("file: expected JSON, found ") and "line 1, column" in problem


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("[" * 5000 + "]" * 5000, "file: expected JSON"),
        ('{"a":' * 40 + "1" + "}" * 40, "expected at most 32 levels of nesting"),
        ("1" * 5000, "file: expected JSON numbers of normal size"),
        (
            minimal(name="X").replace('"X"', '"\\ud800"'),
            "name: expected Unicode text, found an unpaired surrogate",
        ),
    ],
)
def test_hostile_json_is_refused_cleanly(tmp_path, content, text):
    problems = problems_of(write(tmp_path, content))
    assert any(text in p for p in problems), problems


def test_missing_file_and_folder_are_refused(tmp_path):
    assert problems_of(tmp_path / "nope.usmca.json")[0].startswith("file: expected a scenario file")
    assert problems_of(tmp_path) == [
        "file: expected a regular file, found a folder or special file"
    ]


def test_file_contents_are_never_used_as_paths(tmp_path):
    path = write(tmp_path, minimal(name="../../escape", notes="/etc/passwd"))
    scenario = load_scenario(path, CATALOG)
    save_scenario(scenario, tmp_path / "out.usmca.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.usmca.json", "s.usmca.json"]


# --- saving -----------------------------------------------------------------------------------


def test_save_then_load_gives_an_equal_scenario(tmp_path):
    original = load("v1_corridor.usmca.json")
    target = tmp_path / "copy.usmca.json"
    save_scenario(original, target)
    assert load_scenario(target, CATALOG) == original
    text = target.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.startswith('{\n  "format": "usmca-planner/scenario",')
    levers = json.loads(text)["levers"]
    assert list(levers) == ["e_customs", "tmfc_corridor"]
    assert list(levers["tmfc_corridor"]) == ["enabled", "intensity", "start_year"]
    save_scenario(load_scenario(target, CATALOG), tmp_path / "again.usmca.json")
    assert (tmp_path / "again.usmca.json").read_text(encoding="utf-8") == text


def _param_values(spec):
    """A strategy for one valid value of each parameter of a lever or shock."""
    strategies = {}
    for name, param in spec.params.items():
        if param.kind == "choice":
            strategies[name] = st.sampled_from(param.choices)
        elif param.kind == "integer":
            strategies[name] = st.integers(int(param.minimum), int(param.maximum))
        else:
            strategies[name] = st.floats(param.minimum, param.maximum) | st.integers(
                int(param.minimum), int(param.maximum)
            )
    return st.fixed_dictionaries({}, optional=strategies)


@st.composite
def scenarios(draw):
    scenario = Scenario.baseline(CATALOG).replace(
        name=draw(st.text(min_size=1, max_size=40)),
        lens=draw(st.sampled_from(CATALOG.lenses)),
    )
    for lever_id in draw(st.sets(st.sampled_from(sorted(CATALOG.levers)))):
        params = draw(_param_values(CATALOG.levers[lever_id]))
        scenario = scenario.set_lever(lever_id, draw(st.booleans()), **params)
    for partner in draw(st.sets(st.sampled_from(sorted(CATALOG.alignments)))):
        scenario = scenario.set_alignment(
            partner, draw(st.sampled_from(CATALOG.alignments[partner]))
        )
    for shock_id in draw(st.lists(st.sampled_from(sorted(CATALOG.shocks)), unique=True)):
        spec = CATALOG.shocks[shock_id]
        params = draw(_param_values(spec))
        if "end_year" in params and params["end_year"] < params.get(
            "start_year", spec.params["start_year"].default
        ):
            del params["end_year"]  # a shock cannot end before it starts
        scenario = scenario.set_shock(shock_id, **params)
    return scenario


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_any_valid_scenario_round_trips_byte_for_byte(scenario):
    assert scenario.problems(CATALOG) == []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "s.usmca.json"
        save_scenario(scenario, target)
        loaded = load_scenario(target, CATALOG)
        assert loaded == scenario and hash(loaded) == hash(scenario)
        first = target.read_bytes()
        save_scenario(loaded, target)
        assert target.read_bytes() == first


def test_save_keeps_the_previous_file_as_backup(tmp_path):
    target = tmp_path / "plan.usmca.json"
    first = load("v1_corridor.usmca.json")
    save_scenario(first, target)
    assert not backup_path(target).exists()
    second = first.set_lens("analyst")
    save_scenario(second, target)
    assert backup_path(target).name == "plan.usmca.json.bak"
    assert load_scenario(backup_path(target), CATALOG) == first
    assert load_scenario(target, CATALOG) == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.usmca.json", "plan.usmca.json.bak"]


@pytest.mark.parametrize("failing_step", ["backup", "final"])
def test_failure_before_replace_leaves_the_previous_file(tmp_path, monkeypatch, failing_step):
    target = tmp_path / "plan.usmca.json"
    first = load("v1_corridor.usmca.json")
    save_scenario(first, target)
    before = target.read_bytes()
    real_replace = os.replace

    def failing_replace(src, dst):
        is_final = Path(dst) == target
        if is_final == (failing_step == "final"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(ScenarioError, match="No space left on device"):
        save_scenario(first.set_lens("analyst"), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert load_scenario(target, CATALOG) == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_killed_mid_save_leaves_the_previous_file(tmp_path):
    target = tmp_path / "plan.usmca.json"
    first = load("v1_corridor.usmca.json")
    save_scenario(first, target)
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        from planner.model import scenario as m
        target = Path({str(target)!r})
        real_replace = os.replace
        def slow_replace(src, dst):
            if Path(dst) == target:  # the new file is written and fsynced: stop right here
                print("written", flush=True)
                time.sleep(600)
            real_replace(src, dst)
        os.replace = slow_replace
        m.save_scenario(m.Scenario.from_dict({{"name": "half-saved", "lens": "analyst"}}), target)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    try:
        assert child.stdout.readline().strip() == "written"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert load_scenario(target, CATALOG) == first
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "the kill should have happened after the temp file was written"
    assert json.loads(leftovers[0].read_text(encoding="utf-8"))["name"] == "half-saved"


def test_new_file_is_readable_by_others(tmp_path):
    target = tmp_path / "plan.usmca.json"
    save_scenario(Scenario.baseline(CATALOG), target)
    assert target.stat().st_mode & 0o777 == 0o644


# --- the value object -------------------------------------------------------------------------


def test_scenario_is_immutable_and_hashable():
    scenario = load("v1_corridor.usmca.json")
    with pytest.raises(Exception, match="frozen"):
        scenario.name = "other"
    with pytest.raises(TypeError):
        scenario.levers["e_customs"] = None
    with pytest.raises(TypeError):
        scenario.levers["tmfc_corridor"].params["intensity"] = 0.5
    assert hash(scenario) == hash(load("v1_corridor.usmca.json"))
    assert {scenario: 1}[load("v1_corridor.usmca.json")] == 1


def test_edits_return_new_scenarios():
    base = Scenario.baseline(CATALOG, "2024.1", FINGERPRINT)
    assert base.problems(CATALOG) == [] and base.lens == "us_manufacturer"
    edited = base.set_lever("tmfc_corridor", True, start_year=2027)
    assert base.levers == {} and edited.levers["tmfc_corridor"].params == {"start_year": 2027}
    merged = edited.set_lever("tmfc_corridor", intensity=0.5)
    assert merged.levers["tmfc_corridor"].enabled is True
    assert merged.levers["tmfc_corridor"].params == {"start_year": 2027, "intensity": 0.5}
    assert merged.set_lever("tmfc_corridor", start_year=None).levers["tmfc_corridor"].params == {
        "intensity": 0.5
    }
    assert base.set_lever("e_customs", coverage=0.5).levers["e_customs"].enabled is False
    aligned = base.set_alignment("eu", "fta")
    assert aligned.alignments == {"eu": "fta"} and aligned.set_alignment("eu", "none") == base
    assert base.set_lens("analyst").lens == "analyst"


def test_shock_edits_keep_their_place():
    s = Scenario.baseline(CATALOG).set_shock("bajio_flood", weeks=3).set_shock("us_auto_tariff")
    s = s.set_shock("bajio_flood", start_year=2030)
    assert [x.id for x in s.shocks] == ["bajio_flood", "us_auto_tariff"]
    assert s.shock("bajio_flood").params == {"weeks": 3, "start_year": 2030}
    assert [x.id for x in s.set_shock("bajio_flood", enabled=False).shocks] == ["us_auto_tariff"]


def test_invalid_edit_is_refused():
    with pytest.raises(ScenarioError, match=r"horizon\.start: expected a year from 2025 to 2036"):
        Scenario.baseline(CATALOG).replace(horizon={"start": 2000, "end": 2036})
    assert Scenario.baseline(CATALOG).set_lever("tmfc_corridor", True, start_year=1990).problems(
        CATALOG
    ) == ["levers.tmfc_corridor.start_year: expected an integer from 2026 to 2036, found 1990"]


def test_effective_params_fill_in_defaults():
    scenario = load("v1_corridor.usmca.json")
    assert scenario.effective_params(CATALOG, "e_customs") == {"start_year": 2026, "coverage": 1}
    assert scenario.effective_params(CATALOG, "us_tariff_non_usmca") == {
        "rate_pct": 25, "start_year": 2026
    }  # fmt: skip
    assert scenario.effective_params(CATALOG, "port_disruption")["port"] == "manzanillo"
    with pytest.raises(KeyError):
        scenario.effective_params(CATALOG, "eu")


# --- the shipped examples ---------------------------------------------------------------------


def test_examples_answer_the_questions_users_ask():
    assert len(EXAMPLES) >= 9
    loaded = {path.name: load_scenario(path, CATALOG) for path in EXAMPLES}
    switched = {
        name: (
            {k for k, v in s.levers.items() if v.enabled},
            dict(s.alignments),
            {x.id: dict(x.params) for x in s.shocks},
            s.lens,
        )
        for name, s in loaded.items()
    }
    assert switched["baseline.usmca.json"] == (set(), {}, {}, "analyst")
    assert switched["us_tariff_25_non_usmca.usmca.json"][2] == {
        "us_tariff_non_usmca": {"rate_pct": 25, "start_year": 2026}
    }
    assert switched["tmfc_corridor_e_customs.usmca.json"][0] == {"tmfc_corridor", "e_customs"}
    assert switched["bajio_flood_replay.usmca.json"][2]["bajio_flood"]["weeks"] == 3
    assert switched["mexico_diversifies_partners.usmca.json"][1].keys() == {"central_america", "eu"}
    us = switched["us_manufacturer_dual_sourcing.usmca.json"]
    assert us[0] == {"us_dual_sourcing", "inventory_buffers"} and us[3] == "us_manufacturer"
    assert (
        loaded["us_manufacturer_dual_sourcing.usmca.json"]
        .levers["us_dual_sourcing"]
        .params["share_pct"]
        == 30
    )
    ca = switched["canada_metals_green_content.usmca.json"]
    assert ca[0] == {"canada_green_content"} and ca[2] == {"us_section232_metals": {"rate_pct": 50}}
    sme = switched["mx_sme_south_southeast.usmca.json"]
    assert sme[0] == {"regional_development_fund", "southeast_fdi_incentive", "e_customs"}
    analyst = switched["analyst_annual_reviews_diversification.usmca.json"]
    assert analyst[1] == {"eu": "fta", "central_america": "fta"}
    assert analyst[2]["review_outcome"]["outcome"] == "annual_reviews"
    # The three review outcomes, lettered in the order `planner compare review_*` sets them.
    for name, outcome in (
        ("review_a_extend_2042", "extend"),
        ("review_b_annual_reviews", "annual_reviews"),
        ("review_c_withdrawal", "withdrawal"),
    ):
        assert switched[f"{name}.usmca.json"][:2] == (set(), {}), name  # nothing else on
        assert switched[f"{name}.usmca.json"][2]["review_outcome"]["outcome"] == outcome
    for name, scenario in loaded.items():
        assert "?" in scenario.description, name  # each asks a question


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_saved_in_canonical_form(path, tmp_path):
    save_scenario(load_scenario(path, CATALOG), tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()
