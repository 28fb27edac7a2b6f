"""A model database edited by hand with values the engine cannot use (a negative or infinite
flow, a negative tariff, an elasticity of the wrong sign) is reported as damaged when it
loads, naming table, row and column, instead of failing inside the engine with an internal
error.  The default database is rebuilt from the seeds, which refuse such values too."""

from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import cli_support
import pytest
from cli_support import edited_copy, run_cli

from planner.model import database_build
from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.model.database_check import check_database
from planner.model.database_file import default_database_path
from planner.model.domains import model_problems
from planner.paths import resources_dir

good_database = cli_support.good_database  # the shared fixture (tests/cli_support.py)

# A scenario whose last year has changes: its run prints no "No change in" note on stderr.
SCENARIO = resources_dir() / "scenarios" / "us_tariff_25_non_usmca.usmca.json"
MINI = Path(__file__).parent / "fixtures" / "mini_seeds"
FLOW = "table trade_flows row (exporter MEX, importer USA, sector autos) column value_usd_m"
MX_AUTOS = "exporter = 'MEX' AND importer = 'USA' AND sector = 'autos'"

OUT_OF_DOMAIN = {
    "negative_flow": (
        f"UPDATE trade_flows SET value_usd_m = -5 WHERE {MX_AUTOS}",
        f"{FLOW}: expected a finite number ≥ 0, found -5.0",
    ),
    "infinite_flow": (
        f"UPDATE trade_flows SET value_usd_m = 9e999 WHERE {MX_AUTOS}",
        f"{FLOW}: expected a finite number ≥ 0, found inf",
    ),
    "negative_tariff": (
        f"UPDATE tariffs SET rate_pct = -150 WHERE {MX_AUTOS} AND regime = 'mfn'",
        "table tariffs row (importer USA, exporter MEX, sector autos, regime mfn) column "
        "rate_pct: expected a finite number ≥ 0, found -150.0",
    ),
    "import_demand_positive": (
        "UPDATE elasticities SET value = 1.5 WHERE sector = 'autos' AND kind = 'import_demand'",
        "table elasticities row (sector autos, kind import_demand) column value: expected a "
        "number < 0 (import demand falls as its price rises), found 1.5",
    ),
    "substitution_negative_high": (
        "UPDATE elasticities SET high = -2 WHERE sector = 'metals' AND kind = 'substitution'",
        "table elasticities row (sector metals, kind substitution) column high: expected a "
        "number ≥ 0 (a substitution elasticity), found -2.0",
    ),
    "export_supply_zero_low": (
        "UPDATE elasticities SET low = 0 WHERE sector = 'autos' AND kind = 'export_supply'",
        "table elasticities row (sector autos, kind export_supply) column low: expected a "
        "number > 0 (export supply rises with its price), found 0.0",
    ),
    "infinite_growth": (
        "UPDATE growth SET value = 9e999 WHERE region = 'MEX'",
        "table growth row (region MEX) column value: expected a finite number, found inf",
    ),
}


@pytest.mark.parametrize("case", sorted(OUT_OF_DOMAIN))
def test_model_option_out_of_domain_is_reported_as_damage(capsys, good_database, tmp_path, case):
    sql, what = OUT_OF_DOMAIN[case]
    path = edited_copy(good_database, tmp_path / "mine.sqlite", sql)
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "run", SCENARIO, "--model", path)
    assert code == 2 and out == ""
    assert err == (
        f"{path}: the model database is damaged ({what}); "
        f"rebuild it with `planner db build --out {path}`\n"
    )
    assert path.read_bytes() == before  # the user's file is left alone


@pytest.mark.parametrize("case", ["negative_flow", "import_demand_positive"])
def test_out_of_domain_default_database_is_rebuilt_once(capsys, good_database, case):
    sql, what = OUT_OF_DOMAIN[case]
    path = edited_copy(good_database, default_database_path(), sql)
    code, out, err = run_cli(capsys, "run", SCENARIO)
    assert code == 0 and out
    assert err == f"Rebuilding the model database {path}: it is damaged ({what}).\n"
    assert check_database(path) == []


def test_every_bad_value_is_counted(capsys, good_database, tmp_path):
    path = edited_copy(good_database, tmp_path / "mine.sqlite", "UPDATE trade_flows SET "
                       "value_usd_m = -1 WHERE importer = 'USA'")  # fmt: skip
    with closing(sqlite3.connect(path)) as conn:
        count = conn.execute("SELECT count(*) FROM trade_flows WHERE importer = 'USA'").fetchone()
    code, _, err = run_cli(capsys, "run", SCENARIO, "--model", path)
    assert code == 2 and f", and {count[0] - 1} more problems); rebuild it" in err


def test_db_check_reports_values_out_of_domain(capsys, good_database, tmp_path):
    sql, what = OUT_OF_DOMAIN["import_demand_positive"]
    path = edited_copy(good_database, tmp_path / "mine.sqlite", sql)
    code, _, err = run_cli(capsys, "db", "check", "--db", path)
    assert code == 2 and err == f"{path} {what}\n"


# --- the GUI start --------------------------------------------------------------------------


def test_gui_start_reports_a_database_still_out_of_domain(capsys, good_database, monkeypatch):
    from planner.ui.startup import load_engine

    sql, what = OUT_OF_DOMAIN["negative_tariff"]
    path = edited_copy(good_database, default_database_path(), sql)

    def rebuild_the_same(seeds_dir=None, out_path=None):
        return edited_copy(good_database, Path(out_path), sql)

    monkeypatch.setattr(database_build, "build_database", rebuild_the_same)
    model, _evaluate, problems = load_engine()
    assert model is None
    assert problems == [
        f"{path}: the model database is damaged ({what}); rebuild it with `planner db build`"
    ]
    assert (
        f"Rebuilding the model database {path}: it is damaged ({what})." in capsys.readouterr().err
    )


def test_gui_start_rebuilds_a_default_database_out_of_domain(capsys, good_database):
    from planner.ui.startup import load_engine

    sql, _ = OUT_OF_DOMAIN["infinite_flow"]
    edited_copy(good_database, default_database_path(), sql)
    model, _evaluate, problems = load_engine()
    assert problems == [] and model is not None
    assert model_problems(model, {}) == []


# --- the seeds refuse what the load would ----------------------------------------------------


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


def test_build_refuses_a_seed_elasticity_of_the_wrong_sign(capsys, seeds, tmp_path):
    path = seeds / "elasticities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("autos,import_demand,-1.2,")
    lines[1] = lines[1].replace(",-1.2,", ",1.2,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "model.sqlite"
    code, _, err = run_cli(capsys, "db", "build", "--seeds", seeds, "--out", out)
    assert code == 2 and not out.exists()
    assert err.endswith(
        "elasticities.csv line 2 column value: expected a number < 0 (import demand falls as "
        "its price rises), found 1.2\n"
    )


def test_import_refuses_an_elasticity_of_the_wrong_sign(capsys, seeds, tmp_path):
    built = build_database(seeds, tmp_path / "out" / "model.sqlite")
    text = (seeds / "elasticities.csv").read_text(encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(text.replace("autos,export_supply,5,2,10", "autos,export_supply,5,-2,10"))
    seeds_before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    db_before = built.read_bytes()
    argv = ("db", "import", "elasticities", new, "--source", "t_paper", "--seeds", seeds)
    code, _, err = run_cli(capsys, *argv, "--db", built)
    assert code == 2
    assert "new.csv line 4 column low: expected a number > 0" in err and "found -2.0" in err
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == seeds_before
    assert built.read_bytes() == db_before


# --- cost -----------------------------------------------------------------------------------


def test_the_check_costs_well_under_5_ms(good_database):
    model = load_model(good_database)
    best = min(_timed(lambda: model_problems(model, {})) for _ in range(20))
    assert best < 0.005  # measured: about 0.2 ms on the full model


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
