"""`planner db import` whose last step (swapping the new database in) fails: the import is
undone (the seed file put back, the temporary database removed) and the message says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.cli import main
from planner.model import database_import
from planner.model.database_build import build_database, database_status
from planner.model.tables import REGION_IDS

MINI = Path(__file__).parent / "fixtures" / "mini_seeds"
GOOD_GROWTH = "region,value,low,high\n" + "".join(
    f"{r},{k + 2},{k + 1},{k + 3}\n" for k, r in enumerate(REGION_IDS)
)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


@pytest.fixture
def built(seeds: Path, tmp_path: Path) -> Path:
    return build_database(seeds, tmp_path / "out" / "model.sqlite")


def refuse_replacing(monkeypatch, refused: Path | None = None) -> None:
    """os.replace fails onto ``refused`` (None: onto any path), as on a locked file."""
    real = database_import.os.replace

    def replace(src, dst):
        if refused is None or Path(dst) == refused:
            raise PermissionError(13, "Permission denied", str(src), None, str(dst))
        return real(src, dst)

    monkeypatch.setattr(database_import.os, "replace", replace)


def run_import(capsys, seeds: Path, built: Path, tmp_path: Path) -> tuple[int, str, str]:
    new = tmp_path / "growth_new.csv"
    new.write_text(GOOD_GROWTH, encoding="utf-8")
    argv = ["db", "import", "growth", str(new), "--source", "t_paper"]
    code = main([*argv, "--seeds", str(seeds), "--db", str(built)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def test_a_failed_database_swap_undoes_the_import(capsys, seeds, built, tmp_path, monkeypatch):
    seeds_before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    db_before = built.read_bytes()
    refuse_replacing(monkeypatch, built)

    code, out, err = run_import(capsys, seeds, built, tmp_path)

    assert code == 2 and out == ""
    assert err.startswith(
        f"{built}: cannot write the model database (Permission denied); the import was "
        "undone: the temporary database .model-"
    )
    assert err.endswith(f" was removed and {seeds / 'growth.csv'} is unchanged\n")
    assert sorted(p.name for p in built.parent.iterdir()) == [built.name]  # no temp file
    assert built.read_bytes() == db_before
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == seeds_before
    assert database_status(built, seeds) is None  # seeds and database still agree


def test_a_failed_seed_swap_changes_nothing(capsys, seeds, built, tmp_path, monkeypatch):
    seeds_before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    db_before = built.read_bytes()
    refuse_replacing(monkeypatch)

    code, _, err = run_import(capsys, seeds, built, tmp_path)

    assert code == 2
    assert err == (
        f"{seeds / 'growth.csv'}: cannot write the seed file (Permission denied); "
        "nothing was changed\n"
    )
    assert sorted(p.name for p in built.parent.iterdir()) == [built.name]
    assert built.read_bytes() == db_before
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == seeds_before
