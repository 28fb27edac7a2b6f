"""Bad command-line input gets one clear line naming what is wrong and where (exit 2), never a
traceback or "internal error": --draws, --csv, scenario files for run and compare, the data
folder, and where an internal error's traceback went."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import cli_support
import pytest
from cli_support import run_cli

from planner.cli import main
from planner.model.database_file import default_database_path
from planner.paths import resources_dir

good_database = cli_support.good_database  # the shared fixture (tests/cli_support.py)

SCENARIO = resources_dir() / "scenarios" / "bajio_flood_replay.usmca.json"


@pytest.fixture
def database(good_database, isolated_user_data) -> Path:
    """The default database of this test's data folder, copied from one built per module."""
    path = default_database_path()
    shutil.copyfile(good_database, path)
    return path


@pytest.fixture
def no_engine(monkeypatch):
    """Fail if a run reaches the engine: these inputs must be refused before any work."""
    from planner.model import engine

    def refuse(*args, **kwargs):
        raise AssertionError("the engine must not run")

    monkeypatch.setattr(engine, "evaluate", refuse)


# --- --draws --------------------------------------------------------------------------------


@pytest.mark.parametrize("draws", ["20001", "1000000000", "99999999999999999999", "-1", "abc"])
def test_draws_out_of_range_is_refused_while_parsing(capsys, database, no_engine, draws):
    code, out, err = run_cli(capsys, "run", SCENARIO, "--draws", draws)
    assert code == 2 and out == ""
    assert f"--draws: expected a whole number from 0 to 20,000, found {draws}" in err


# --- --csv ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("folder", "it is a folder"),
        ("folder/", "it is a folder"),
        ("afile/x.csv", "is not a folder"),
    ],
)
def test_csv_to_an_unusable_path_names_it(capsys, database, no_engine, tmp_path, target, reason):
    (tmp_path / "folder").mkdir()
    (tmp_path / "afile").write_text("keep me", encoding="utf-8")
    out_path = f"{tmp_path}/{target}"
    code, _, err = run_cli(capsys, "run", SCENARIO, "--csv", out_path)
    assert code == 2
    assert err.startswith(f"--csv {out_path}: cannot write (") and reason in err
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "keep me"


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_csv_to_proc_reports_the_write_failure(capsys, database):
    code, _, err = run_cli(capsys, "run", SCENARIO, "--csv", "/proc/x.csv")
    assert code == 2 and err.startswith("--csv /proc/x.csv: cannot write (")


@pytest.mark.parametrize("empty", ["", "  "])
def test_empty_csv_path_is_refused(capsys, database, no_engine, empty):
    code, _, err = run_cli(capsys, "run", SCENARIO, "--csv", empty)
    assert code == 2 and "--csv: expected a file path, found an empty one" in err


def test_exported_csv_gets_the_umask_mode(capsys, database, tmp_path):
    out_path = tmp_path / "tidy.csv"
    old = os.umask(0o022)
    try:
        code, _, _ = run_cli(capsys, "run", SCENARIO, "--csv", out_path)
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE(out_path.stat().st_mode) == 0o644


# --- scenario files -------------------------------------------------------------------------


# --- --year ---------------------------------------------------------------------------------


def short_horizon(tmp_path: Path, start: int, end: int) -> Path:
    content = json.loads(SCENARIO.read_text(encoding="utf-8"))
    content["horizon"] = {"start": start, "end": end}
    path = tmp_path / f"h{start}-{end}.usmca.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("year", "horizon"), [("2040", None), ("2024", None), ("2031", (2026, 2030))]
)
def test_run_refuses_a_year_outside_the_scenario_horizon_before_running(
    capsys, database, no_engine, tmp_path, year, horizon
):
    path = short_horizon(tmp_path, *horizon) if horizon else SCENARIO
    first, last = horizon or (2025, 2036)
    code, out, err = run_cli(capsys, "run", path, "--year", year)
    assert (code, out) == (2, "")
    horizon_text = f"{first} to {last} (the scenario's horizon)"
    assert err == f"--year: expected a year from {horizon_text}, found {year}\n"


def test_run_refuses_a_year_that_is_not_a_whole_number(capsys, database, no_engine):
    code, out, err = run_cli(capsys, "run", SCENARIO, "--year", "2027.5")
    assert (code, out) == (2, "") and "--year: invalid int value: '2027.5'" in err


def test_compare_refuses_a_year_outside_the_years_both_cover(capsys, database, no_engine, tmp_path):
    a, b = short_horizon(tmp_path, 2025, 2030), short_horizon(tmp_path, 2028, 2036)
    code, out, err = run_cli(capsys, "compare", a, b, "--year", "2031")
    assert (code, out) == (2, "")
    assert err == (
        "--year: expected a year from 2028 to 2030 (the years both scenarios cover), found 2031\n"
    )


def test_run_names_the_bad_file(capsys, database, tmp_path):
    bad = tmp_path / "bad.usmca.json"
    bad.write_text("nope", encoding="utf-8")
    code, _, err = run_cli(capsys, "run", bad)
    assert code == 2
    assert err.startswith(f"{bad}: file: expected JSON, found")


def test_compare_reports_every_bad_file(capsys, database, tmp_path):
    a, b = tmp_path / "a.usmca.json", tmp_path / "b.usmca.json"
    a.write_text("nope", encoding="utf-8")
    b.write_text("[]", encoding="utf-8")
    code, _, err = run_cli(capsys, "compare", a, b)
    lines = err.splitlines()
    assert code == 2
    assert lines[0].startswith(f"{a}: file: expected JSON")
    assert lines[1].startswith(f"{b}: file: expected a JSON object")


def test_a_long_problem_list_is_capped(capsys, database, tmp_path):
    content = json.loads(SCENARIO.read_text(encoding="utf-8"))
    content["levers"] = {f"no_such_lever_{k}": {} for k in range(5000)}
    path = tmp_path / "many.usmca.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    code, _, err = run_cli(capsys, "run", path)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 21
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert lines[-1].endswith(" more problems") and ": … and 4,98" in lines[-1]


def test_validate_caps_a_long_problem_list(capsys, database, tmp_path):
    content = json.loads(SCENARIO.read_text(encoding="utf-8"))
    content["levers"] = {f"no_such_lever_{k}": {} for k in range(100)}
    path = tmp_path / "many.usmca.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    code, _, err = run_cli(capsys, "validate", path)
    assert code == 2 and len(err.splitlines()) == 21


# --- the data folder and the log ------------------------------------------------------------


def test_data_folder_that_is_a_file(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "afile"
    folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(folder))
    code, _, err = run_cli(capsys, "run", SCENARIO)
    assert code == 2
    assert err == (
        f"{folder}: cannot use as the data folder (it is not a folder); "
        "set PLANNER_DATA_DIR to a writable folder\n"
    )


def test_data_folder_that_cannot_be_created(capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANNER_DATA_DIR", str(blocker / "sub"))
    code, _, err = run_cli(capsys, "run", SCENARIO)
    assert code == 2
    assert "cannot use as the data folder (" in err and "set PLANNER_DATA_DIR" in err


def test_read_only_data_folder_with_a_corrupt_database(capsys, monkeypatch, tmp_path):
    from planner.model import database_build

    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PLANNER_DATA_DIR", str(folder))
    default_database_path().write_bytes(b"garbage" * 100)

    def read_only(*args, **kwargs):  # as a read-only folder does, even for root
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(database_build.tempfile, "mkstemp", read_only)
    code, _, err = run_cli(capsys, "run", SCENARIO)
    assert code == 2
    assert err.splitlines()[-1] == (
        f"{folder}: cannot use as the data folder (Permission denied); "
        "set PLANNER_DATA_DIR to a writable folder"
    )


def test_internal_error_with_an_unwritable_log_folder_says_so(capsys, monkeypatch, tmp_path):
    from planner.commands import validate

    def crash(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(validate, "run_validate", crash)
    (Path(os.environ["PLANNER_DATA_DIR"]) / "logs").write_text("", encoding="utf-8")
    code = main(["validate", str(SCENARIO)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        "internal error: RuntimeError: boom",
        f"the traceback could not be saved ({Path(os.environ['PLANNER_DATA_DIR']) / 'logs'}: "
        "File exists)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "file: the file is empty"),
        ('{"name": "abc', "at line 1, column 10"),
    ],
)
def test_json_problems_read_cleanly_in_run(capsys, database, tmp_path, text, expected):
    path = tmp_path / "bad.usmca.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "run", path)
    assert code == 2 and err.startswith(f"{path}: ") and expected in err
    assert "at at" not in err
