"""``planner validate FILE``: exit 0, or 2 with one problem per line on stderr, no traceback."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from scenario_catalog import spec_catalog

from planner.cli import main
from planner.model import scenario as scenario_module
from planner.paths import resources_dir, seeds_dir

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
EXAMPLES = sorted((resources_dir() / "scenarios").glob("*.usmca.json"))
FINGERPRINT = "sha256:" + "1" * 64


def _can_build_default_database() -> bool:
    try:
        database_build = importlib.import_module("planner.model.database_build")
        database_catalog = importlib.import_module("planner.model.database_catalog")
    except ModuleNotFoundError:
        return False
    has_api = hasattr(database_build, "ensure_default_database") and hasattr(
        database_catalog, "catalog_from_db"
    )
    return has_api and any(seeds_dir().glob("*.csv"))


needs_database = pytest.mark.skipif(
    not _can_build_default_database(),
    reason="needs planner.model.database_build.ensure_default_database and the seed CSVs",
)


@pytest.fixture
def hand_model(monkeypatch):
    """The validate command against the hand-built catalog instead of the model database."""
    model = scenario_module.DefaultModel(spec_catalog(), FINGERPRINT)
    monkeypatch.setattr(scenario_module, "default_model", lambda: model)
    return model


def validate(capsys, *paths: Path | str) -> tuple[int, str, str]:
    code = main(["validate", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_failure(code: int, err: str, path: Path | str, text: str) -> list[str]:
    lines = err.splitlines()
    assert code == 2
    assert "Traceback" not in err
    assert lines and all(line.startswith(f"{path}: ") for line in lines), lines
    assert any(text in line for line in lines), lines
    return lines


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bad_unknown_ids.usmca.json", "levers.tmfc_corrdor: expected a policy lever id (valid:"),
        ("bad_values.usmca.json", "levers.tmfc_corridor.start_year: expected an integer from"),
        ("bad_duplicate_keys.usmca.json", 'expected each key once, found "coverage" 2 times'),
        ("bad_nan.usmca.json", "tmfc_corridor.intensity: expected a finite number, found NaN"),
        ("bad_not_object.usmca.json", "file: expected a JSON object {…} at the top level"),
        ("bad_format.usmca.json", 'format: expected "usmca-planner/scenario"'),
        ("bad_future_version.usmca.json", "version: expected 0 or 1"),
        ("bad_latin1.usmca.json", "file: expected UTF-8 text, found byte 0xed"),
        ("bad_truncated.usmca.json", "file: expected JSON, found"),
    ],
)  # fmt: skip
def test_bad_file_exits_2_naming_the_problem(capsys, hand_model, name, text):
    path = FIXTURES / name
    code, out, err = validate(capsys, path)
    assert_clean_failure(code, err, path, text)
    assert out == ""


def test_every_problem_is_printed_one_per_line(capsys, hand_model):
    path = FIXTURES / "bad_values.usmca.json"
    code, _, err = validate(capsys, path)
    lines = assert_clean_failure(code, err, path, "uncertainty.draws")
    assert len(lines) == 12


def test_oversized_file_exits_2(capsys, hand_model, tmp_path):
    path = tmp_path / "big.usmca.json"
    path.write_text(json.dumps({"notes": "x" * scenario_module.MAX_FILE_BYTES}), encoding="utf-8")
    code, _, err = validate(capsys, path)
    assert_clean_failure(code, err, path, "file: expected at most 1 MB")


def test_missing_file_exits_2(capsys, hand_model, tmp_path):
    path = tmp_path / "absent.usmca.json"
    code, _, err = validate(capsys, path)
    assert_clean_failure(code, err, path, "file: expected a scenario file at")


def test_valid_file_exits_0(capsys, hand_model):
    path = FIXTURES / "v1_corridor.usmca.json"
    code, out, err = validate(capsys, path)
    assert code == 0
    assert out == f"{path}: valid (Corridor + e-customs under 25% tariff)\n"
    assert err.startswith(f"{path}: warning: model.fingerprint: expected sha256:1111")


def test_old_version_is_valid_with_an_upgrade_warning(capsys, hand_model):
    path = FIXTURES / "v0_draft.usmca.json"
    code, out, err = validate(capsys, path)
    assert code == 0 and out.endswith("valid (Draft: corridor under a 25% tariff)\n")
    assert f"{path}: warning: version: expected 1, found 0; the file was upgraded" in err


def test_one_bad_file_among_several_exits_2(capsys, hand_model):
    good, bad = FIXTURES / "v1_corridor.usmca.json", FIXTURES / "bad_format.usmca.json"
    code, out, err = validate(capsys, good, bad)
    assert code == 2 and out.startswith(f"{good}: valid")
    assert f"{bad}: format: expected" in err


def test_file_level_problem_needs_no_model_database(capsys, monkeypatch):
    def no_database():
        raise AssertionError("the database must not be opened for an unreadable file")

    monkeypatch.setattr(scenario_module, "default_model", no_database)
    path = FIXTURES / "bad_latin1.usmca.json"
    code, _, err = validate(capsys, path)
    assert_clean_failure(code, err, path, "expected UTF-8 text")


def test_real_process_exits_2_without_traceback():
    path = FIXTURES / "bad_duplicate_keys.usmca.json"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(path)],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent, check=False,
    )  # fmt: skip
    assert_clean_failure(done.returncode, done.stderr, path, "expected each key once")
    assert done.stdout == ""


@needs_database
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate_against_the_model_database(capsys, path):
    code, out, err = validate(capsys, path)
    assert code == 0, err
    assert out.startswith(f"{path}: valid (")
    # Only the database's own "Building ..." notice may appear, never a warning on the file.
    assert not [line for line in err.splitlines() if line.startswith(str(path))], err


@needs_database
def test_unknown_lever_against_the_model_database(capsys):
    from planner.model.database_build import ensure_default_database

    ensure_default_database()  # its first-use notice is not part of what validate prints
    capsys.readouterr()
    path = FIXTURES / "bad_unknown_ids.usmca.json"
    code, _, err = validate(capsys, path)
    assert_clean_failure(code, err, path, "did you mean tmfc_corridor?")
