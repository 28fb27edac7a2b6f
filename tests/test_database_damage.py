"""A model database that opens but cannot be used: wrong-typed or missing values, a stray
rollback journal, a folder where the file belongs.  The default database (a cache of the
seeds) is rebuilt once; any other is reported with the command that rebuilds that file."""

from __future__ import annotations

import shutil
from pathlib import Path

import cli_support
import pytest
from cli_support import edited_copy, run_cli

from planner.model import database_build
from planner.model.database_check import check_database
from planner.model.database_file import default_database_path
from planner.paths import resources_dir

good_database = cli_support.good_database  # the shared fixture (tests/cli_support.py)

# A scenario whose last year has changes: its run prints no "No change in" note on stderr.
SCENARIO = resources_dir() / "scenarios" / "us_tariff_25_non_usmca.usmca.json"

DAMAGE = {
    "flow_text": (
        "UPDATE trade_flows SET value_usd_m = 'abc' WHERE rowid = 1",
        "table trade_flows row 1 column value_usd_m: expected a number, found 'abc'",
    ),
    "base_year_text": (
        "UPDATE meta SET value = 'abc' WHERE key = 'base_year'",
        "table meta key base_year: expected a year, found 'abc'",
    ),
    "region_deleted": (
        "DELETE FROM regions WHERE id = 'MEX'",
        "table regions: expected a row MEX, found none",
    ),
    "lever_group": (
        "UPDATE levers SET \"group\" = 'other' WHERE rowid = 1",
        "table levers row 1 column group: expected one of policy, alignment, shock, found 'other'",
    ),
    "table_dropped": ("DROP TABLE trade_flows", "no such table: trade_flows"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_default_database_is_rebuilt_once(capsys, good_database, case):
    sql, what = DAMAGE[case]
    path = edited_copy(good_database, default_database_path(), sql)
    code, out, err = run_cli(capsys, "run", SCENARIO)
    assert code == 0 and out
    assert err == f"Rebuilding the model database {path}: it is damaged ({what}).\n"
    assert check_database(path) == []


@pytest.mark.parametrize("sql", [DAMAGE["lever_group"][0], "DROP TABLE lenses"])
def test_validate_rebuilds_a_damaged_default_database_as_run_does(capsys, good_database, sql):
    """Damage in the tables the catalog reads: validate, like run, rebuilds the cache once."""
    path = edited_copy(good_database, default_database_path(), sql)
    code, out, err = run_cli(capsys, "validate", SCENARIO)
    assert code == 0 and "valid" in out
    assert err.startswith(f"Rebuilding the model database {path}: it is damaged (")
    assert err.count("Rebuilding") == 1
    assert check_database(path) == []


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_model_option_is_reported_with_its_rebuild_command(
    capsys, good_database, tmp_path, case
):
    sql, what = DAMAGE[case]
    path = edited_copy(good_database, tmp_path / "mine.sqlite", sql)
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "run", SCENARIO, "--model", path)
    assert code == 2 and out == ""
    assert err == (
        f"{path}: the model database is damaged ({what}); "
        f"rebuild it with `planner db build --out {path}`\n"
    )
    assert path.read_bytes() == before  # the user's file is left alone


def test_default_database_still_damaged_after_the_rebuild_is_reported(
    capsys, good_database, monkeypatch
):
    sql, what = DAMAGE["flow_text"]
    path = edited_copy(good_database, default_database_path(), sql)

    def rebuild_the_same(seeds_dir=None, out_path=None):  # e.g. damaged seeds
        return edited_copy(good_database, Path(out_path), sql)

    monkeypatch.setattr(database_build, "build_database", rebuild_the_same)
    code, _, err = run_cli(capsys, "run", SCENARIO)
    assert code == 2
    assert err.splitlines()[-1] == (
        f"{path}: the model database is damaged ({what}); rebuild it with `planner db build`"
    )


def test_db_check_reports_wrong_typed_values(capsys, good_database, tmp_path):
    sql, what = DAMAGE["flow_text"]
    path = edited_copy(good_database, tmp_path / "mine.sqlite", sql)
    code, _, err = run_cli(capsys, "db", "check", "--db", path)
    assert code == 2 and f"{path} {what}" in err.splitlines()


# --- a stray rollback journal ---------------------------------------------------------------


def stray_journal(db: Path) -> Path:
    journal = db.with_name(db.name + "-journal")
    journal.write_bytes(bytes(range(1, 256)) * 40)  # a nonzero first byte makes it "hot"
    return journal


def test_stray_journal_beside_the_default_database_is_removed(capsys, good_database):
    path = default_database_path()
    shutil.copyfile(good_database, path)
    journal = stray_journal(path)
    code, out, err = run_cli(capsys, "run", SCENARIO)
    assert code == 0 and out
    assert not journal.exists()
    assert err == f"Removed a leftover rollback journal {journal} (the app never writes one).\n"


def test_db_build_removes_a_stray_journal_of_the_default_database(capsys, good_database):
    path = default_database_path()
    shutil.copyfile(good_database, path)
    journal = stray_journal(path)
    code, _, _ = run_cli(capsys, "db", "build")
    assert code == 0 and not journal.exists()
    assert check_database(path) == []


def test_stray_journal_beside_a_model_option_is_named(capsys, good_database, tmp_path):
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(good_database, path)
    journal = stray_journal(path)
    code, _, err = run_cli(capsys, "run", SCENARIO, "--model", path)
    assert code == 2 and journal.exists()  # not ours to delete
    assert err.startswith(f"{journal}: a leftover rollback journal stops the model database")
    assert "remove it" in err


# --- a folder where the database belongs ----------------------------------------------------


def test_default_database_path_that_is_a_folder(capsys):
    path = default_database_path()
    path.mkdir()
    code, _, err = run_cli(capsys, "run", SCENARIO)
    assert code == 2
    assert err == f"{path}: expected the model database file, found a folder (move or remove it)\n"
    assert not list(path.parent.glob(".model-*"))


def test_model_option_that_is_a_folder(capsys, tmp_path):
    code, _, err = run_cli(capsys, "run", SCENARIO, "--model", tmp_path)
    assert code == 2
    assert err == f"{tmp_path}: expected a model database file, found a folder\n"


def test_failed_swap_leaves_no_temp_file(capsys, tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(src), None, str(dst))

    monkeypatch.setattr(database_build.os, "replace", refuse)
    out = tmp_path / "out" / "model.sqlite"
    code, _, err = run_cli(capsys, "db", "build", "--out", out)
    assert code == 2
    assert err == f"{out}: cannot write the model database (Permission denied)\n"
    assert list(out.parent.iterdir()) == []
