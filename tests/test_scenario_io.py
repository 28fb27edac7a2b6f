"""Scenario file I/O: saving through a symbolic link, file modes, JSON error messages."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from scenario_catalog import spec_catalog

from planner.model.scenario import (
    Scenario,
    ScenarioError,
    backup_path,
    load_scenario,
    save_scenario,
)

CATALOG = spec_catalog()
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


def scenario(name: str = "plan") -> Scenario:
    return Scenario.baseline(CATALOG).replace(name=name)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield 0o644
    os.umask(old)


@posix_only
def test_saving_through_a_link_writes_its_target_and_keeps_the_link(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "plan.usmca.json"
    save_scenario(scenario("first"), real)
    link = tmp_path / "plan.usmca.json"
    link.symlink_to(real)
    save_scenario(scenario("second"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_scenario(real, CATALOG).name == "second"
    assert load_scenario(backup_path(real), CATALOG).name == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.usmca.json", "synced"]


@posix_only
def test_saving_through_a_relative_link_to_a_new_file_creates_the_target(tmp_path):
    (tmp_path / "synced").mkdir()
    link = tmp_path / "plan.usmca.json"
    link.symlink_to(Path("synced") / "new.usmca.json")
    save_scenario(scenario(), link)
    assert link.is_symlink()
    assert load_scenario(tmp_path / "synced" / "new.usmca.json", CATALOG).name == "plan"


@posix_only
def test_new_file_and_backup_get_the_umask_mode(tmp_path, umask_022):
    target = tmp_path / "plan.usmca.json"
    save_scenario(scenario("first"), target)
    save_scenario(scenario("second"), target)
    assert mode_of(target) == umask_022
    assert mode_of(backup_path(target)) == umask_022  # was 0600 (mkstemp's)


@posix_only
def test_a_private_file_stays_private_with_its_backup(tmp_path, umask_022):
    target = tmp_path / "plan.usmca.json"
    save_scenario(scenario("first"), target)
    target.chmod(0o600)
    save_scenario(scenario("second"), target)
    assert mode_of(target) == 0o600
    assert mode_of(backup_path(target)) == 0o600


def problem_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "s.usmca.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, CATALOG)
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "file: the file is empty"),
        (" \n\t", "file: the file is empty"),
        ('{"name": "a very long name that never ends, with no closing quote',
         "file: expected JSON, found an unterminated string at line 1, column 10"),
        ('{"name": }', "file: expected JSON, found a missing or invalid value at line 1, "
         "column 10"),
        ('{"a": 1 "b": 2}', "file: expected JSON, found a missing ',' at line 1, column 9"),
        ("{} x", "file: expected JSON, found more after the end of the JSON at line 1, column 4"),
    ],
)  # fmt: skip
def test_broken_json_reads_as_a_sentence(tmp_path, text, problem):
    assert problem_of(tmp_path, text) == problem
    assert "at at" not in problem
