"""Shared helpers of the command-line and model-database tests (not a test module)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from planner.cli import main
from planner.model.database_build import build_database


@pytest.fixture(scope="module")
def good_database(tmp_path_factory) -> Path:
    """A model database built from the seeds once per module, to copy and damage."""
    return build_database(out_path=tmp_path_factory.mktemp("db") / "model.sqlite")


def edited_copy(good: Path, target: Path, sql: str) -> Path:
    """``good`` copied to ``target`` with ``sql`` run on the copy (foreign keys off, so a
    row can be removed as a hand edit would)."""
    shutil.copyfile(good, target)
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(sql)
        conn.commit()
    return target


def run_cli(capsys, *args: str | Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``planner ARGS``; never a traceback or internal error."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err
