"""Building, checking, rebuilding and importing into the model database (mini seed fixture)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from planner import MODEL_VERSION
from planner.cli import main
from planner.model.database_build import build_database, database_status, ensure_default_database
from planner.model.database_catalog import catalog_from_db
from planner.model.database_check import check_database
from planner.model.database_file import default_database_path
from planner.model.database_import import import_table
from planner.model.seed_loader import SeedError, seeds_fingerprint
from planner.model.tables import REGION_IDS

MINI = Path(__file__).parent / "fixtures" / "mini_seeds"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the mini seed set: tests edit it freely."""
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


@pytest.fixture
def built(seeds: Path, tmp_path: Path) -> Path:
    return build_database(seeds, tmp_path / "out" / "model.sqlite")


def edit_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set one cell of a CSV (line counted as an editor does, header = line 1)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def _execute(db: Path, sql: str) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(sql)
        conn.commit()


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_and_check_the_mini_seeds(seeds, tmp_path, capsys):
    out = tmp_path / "model.sqlite"
    code, stdout, _ = run_cli(capsys, "db", "build", "--seeds", str(seeds), "--out", str(out))
    assert code == 0
    assert str(out) in stdout
    assert " ms" in stdout
    code, stdout, _ = run_cli(capsys, "db", "check", "--db", str(out))
    assert (code, stdout.strip()) == (0, "ok")
    meta = dict(rows(out, "SELECT key, value FROM meta"))
    assert meta["model_version"] == MODEL_VERSION
    assert meta["base_year"] == "2024"
    assert meta["seeds_fingerprint"] == seeds_fingerprint(seeds)
    assert meta["seeds_fingerprint"].startswith("sha256:")
    assert rows(out, "SELECT count(*) FROM regions") == [(8,)]
    assert rows(out, "SELECT count(*) FROM sectors") == [(9,)]


def test_tables_carry_declared_keys(built):
    fks = rows(built, "SELECT `table`, `from`, `to` FROM pragma_foreign_key_list('trade_flows')")
    assert ("sources", "source_id", "id") in fks
    assert ("regions", "exporter", "id") in fks
    pk = rows(built, "SELECT name FROM pragma_table_info('tariffs') WHERE pk > 0 ORDER BY pk")
    assert [p[0] for p in pk] == ["importer", "exporter", "sector", "regime"]
    # "" (not NULL) for a lever effect without an alignment option: lookups compare with "".
    assert rows(built, "SELECT count(*) FROM lever_effects WHERE option IS NULL") == [(0,)]
    assert rows(built, "SELECT count(*) FROM lever_effects WHERE option = ''")[0][0] > 0


def _unknown_source(seeds: Path) -> None:
    edit_cell(seeds / "trade_flows.csv", 4, "source_id", "no_such_source")


def _bad_number(seeds: Path) -> None:
    edit_cell(seeds / "growth.csv", 3, "value", "15%")


def _dangling_region(seeds: Path) -> None:
    edit_cell(seeds / "tariffs.csv", 5, "exporter", "XXX")


def _missing_column(seeds: Path) -> None:
    path = seeds / "elasticities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    idx = lines[0].split(",").index("high")
    cut = [",".join(c for k, c in enumerate(line.split(",")) if k != idx) for line in lines]
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")


def _duplicate_key(seeds: Path) -> None:
    path = seeds / "parameters.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[2])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _duplicate_line(seeds: Path) -> int:
    return len((seeds / "parameters.csv").read_text(encoding="utf-8").splitlines()) + 1


@pytest.mark.parametrize(
    ("break_seeds", "file", "line", "column", "expected"),
    [
        (_unknown_source, "trade_flows.csv", 4, "source_id", "expected an id from sources.csv"),
        (_bad_number, "growth.csv", 3, "value", "expected a number, found '15%'"),
        (_dangling_region, "tariffs.csv", 5, "exporter", "expected an id from regions.csv"),
        (_missing_column, "elasticities.csv", 1, "high", "expected this column"),
        (_duplicate_key, "parameters.csv", None, "id", "expected a unique (id)"),
    ],
)
def test_bad_seeds_are_refused_with_file_line_and_column(
    seeds, tmp_path, capsys, break_seeds, file, line, column, expected
):
    line = line or _duplicate_line(seeds)
    break_seeds(seeds)
    out = tmp_path / "model.sqlite"
    code, _, err = run_cli(capsys, "db", "build", "--seeds", str(seeds), "--out", str(out))
    assert code == 2
    assert f"{file} line {line} column {column}: {expected}" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_every_problem_is_listed_not_just_the_first(seeds, tmp_path, capsys):
    _unknown_source(seeds)
    _bad_number(seeds)
    edit_cell(seeds / "sources.csv", 2, "kind", "rumour")
    code, _, err = run_cli(
        capsys, "db", "build", "--seeds", str(seeds), "--out", str(tmp_path / "m")
    )
    assert code == 2
    assert "trade_flows.csv line 4 column source_id" in err
    assert "growth.csv line 3 column value" in err
    assert "sources.csv line 2 column kind: expected one of statistic" in err


def test_missing_seed_file_is_named(seeds, tmp_path, capsys):
    (seeds / "timeline.csv").unlink()
    code, _, err = run_cli(
        capsys, "db", "build", "--seeds", str(seeds), "--out", str(tmp_path / "m")
    )
    assert code == 2
    assert "timeline.csv: expected the seed file of table timeline" in err


def test_shares_that_do_not_sum_to_one_are_refused(seeds, tmp_path):
    edit_cell(seeds / "mx_production.csv", 2, "share", "0.9")
    with pytest.raises(SeedError) as caught:
        build_database(seeds, tmp_path / "m.sqlite")
    assert any(
        "mx_production.csv column share" in p and "autos" in p for p in caught.value.problems
    )


def test_failed_build_leaves_previous_database_untouched(seeds, built, capsys):
    before = built.read_bytes()
    _bad_number(seeds)
    code, _, _ = run_cli(capsys, "db", "build", "--seeds", str(seeds), "--out", str(built))
    assert code == 2
    assert built.read_bytes() == before
    assert sorted(p.name for p in built.parent.iterdir()) == [built.name]  # no temp file left


def test_build_if_needed_skips_an_up_to_date_database(seeds, built, capsys):
    argv = ("db", "build", "--if-needed", "--seeds", str(seeds), "--out", str(built))
    code, out, _ = run_cli(capsys, *argv)
    assert (code, out.startswith("up to date")) == (0, True)
    edit_cell(seeds / "growth.csv", 2, "value", "2.5")
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0
    assert "seeds changed" in out
    assert f"built {built}" in out


def test_check_reports_a_dangling_source_and_a_bad_kind(built, capsys):
    with closing(sqlite3.connect(built)) as conn:
        conn.execute("UPDATE growth SET source_id = 'ghost' WHERE region = 'USA'")
        conn.execute("UPDATE sources SET kind = 'rumour' WHERE id = 't_stat'")
        conn.execute("UPDATE levers SET label_fr = '' WHERE id = 'e_customs'")
        conn.commit()
    problems = check_database(built)
    assert any("growth" in p and "source_id" in p and "ghost" in p for p in problems)
    assert any("t_stat" in p and "kind" in p for p in problems)
    assert any("e_customs" in p and "label_fr" in p for p in problems)
    code, _, err = run_cli(capsys, "db", "check", "--db", str(built))
    assert code == 2
    assert "ghost" in err
    assert "Traceback" not in err


def test_check_reports_a_file_that_is_not_a_database(tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    assert check_database(junk)
    code, _, err = run_cli(capsys, "db", "check", "--db", str(junk))
    assert code == 2
    assert "Traceback" not in err


def test_ensure_builds_on_first_use_then_reuses(seeds):
    messages: list[str] = []
    path = ensure_default_database(seeds, notify=messages.append)
    assert path == default_database_path()
    assert path.name == f"model-{MODEL_VERSION}.sqlite"
    assert len(messages) == 1
    stamp = path.stat().st_mtime_ns
    assert ensure_default_database(seeds, notify=messages.append) == path
    assert len(messages) == 1
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"\x00garbage\xff" * 500),
        lambda p: p.write_bytes(p.read_bytes()[:2048]),
        lambda p: _execute(p, "DROP TABLE meta"),
    ],
    ids=["garbage", "truncated", "no-meta"],
)
def test_corrupt_default_database_is_rebuilt_with_a_message(seeds, damage):
    path = ensure_default_database(seeds, notify=lambda _: None)
    damage(path)
    messages: list[str] = []
    assert ensure_default_database(seeds, notify=messages.append) == path
    assert len(messages) == 1
    assert "Rebuilding" in messages[0]
    assert check_database(path) == []


def test_changed_seeds_trigger_a_rebuild(seeds):
    path = ensure_default_database(seeds, notify=lambda _: None)
    edit_cell(seeds / "growth.csv", 2, "value", "3.25")
    messages: list[str] = []
    ensure_default_database(seeds, notify=messages.append)
    assert messages and "seeds changed" in messages[0]
    assert rows(path, "SELECT value FROM growth WHERE region = 'USA'") == [(3.25,)]
    assert dict(rows(path, "SELECT key, value FROM meta"))["seeds_fingerprint"] == (
        seeds_fingerprint(seeds)
    )


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


GOOD_GROWTH = "region,value,low,high\n" + "".join(
    f"{r},{k + 2},{k + 1},{k + 3}\n" for k, r in enumerate(REGION_IDS)
)


def test_import_replaces_a_tables_rows(seeds, built, tmp_path, capsys):
    new = _write(tmp_path / "growth_new.csv", GOOD_GROWTH)
    argv = ("db", "import", "growth", str(new), "--source", "t_paper")
    code, out, err = run_cli(capsys, *argv, "--seeds", str(seeds), "--db", str(built))
    assert code == 0, err
    assert "imported 8 rows" in out
    assert rows(built, "SELECT region, value, source_id FROM growth WHERE region = 'MEX'") == [
        ("MEX", 3.0, "t_paper")
    ]
    text = (seeds / "growth.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == "region,value,low,high,source_id"
    assert text[1] == "USA,2,1,3,t_paper"
    # the rebuilt database matches the seeds as now written: no rebuild at the next start
    assert database_status(built, seeds) is None
    assert check_database(built) == []


def test_import_overrides_a_source_id_column_in_the_file(seeds, built, tmp_path):
    text = GOOD_GROWTH.replace("region,value,low,high\n", "source_id,region,value,low,high\n")
    text = "\n".join(
        line if k == 0 else "t_stat," + line for k, line in enumerate(text.splitlines())
    )
    new = _write(tmp_path / "g.csv", text + "\n")
    import_table("growth", new, "t_assume", seeds, built)
    assert rows(built, "SELECT DISTINCT source_id FROM growth") == [("t_assume",)]


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        (GOOD_GROWTH.replace("MEX,3", "MEX,three"), "t_paper", "line 3 column value"),
        (GOOD_GROWTH.replace("CAN,", "XXX,"), "t_paper", "line 4 column region"),
        (GOOD_GROWTH.replace(",high\n", "\n").replace(",3\n", "\n"), "t_paper", "column high"),
        (GOOD_GROWTH + "USA,1,1,1\n", "t_paper", "line 10 column region"),
        (GOOD_GROWTH, "nobody", "--source nobody"),
    ],
    ids=["bad-number", "dangling-region", "missing-column", "duplicate", "unknown-source"],
)
def test_bad_import_changes_nothing(seeds, built, tmp_path, capsys, text, source, expected):
    new = _write(tmp_path / "growth_bad.csv", text)
    seeds_before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    db_before = built.read_bytes()
    growth_before = rows(built, "SELECT * FROM growth ORDER BY region")
    code, _, err = run_cli(
        capsys,
        *("db", "import", "growth", str(new), "--source", source),
        *("--seeds", str(seeds), "--db", str(built)),
    )
    assert code == 2
    assert expected in err
    if source == "t_paper":
        assert "growth_bad.csv" in err  # the user's file is named, not seeds/growth.csv
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == seeds_before
    assert built.read_bytes() == db_before
    assert rows(built, "SELECT * FROM growth ORDER BY region") == growth_before
    assert sorted(p.name for p in built.parent.iterdir()) == [built.name]


def test_import_refuses_an_unknown_table(seeds, built, tmp_path, capsys):
    new = _write(tmp_path / "x.csv", GOOD_GROWTH)
    argv = ("db", "import", "growths", str(new), "--source", "t_paper", "--seeds", str(seeds))
    code, _, err = run_cli(capsys, *argv, "--db", str(built))
    assert code == 2
    assert "unknown table 'growths'" in err


def test_catalog_lists_levers_alignments_shocks_and_lenses(built):
    catalog = catalog_from_db(built)
    assert "tmfc_corridor" in catalog.levers
    assert "us_tariff_non_usmca" not in catalog.levers
    start = catalog.levers["tmfc_corridor"].params["start_year"]
    assert (start.kind, start.default, start.minimum, start.maximum) == (
        "integer",
        2028,
        2026,
        2036,
    )
    assert catalog.levers["southwest_trade_hub"].params == {}
    assert catalog.levers["vocational_ppp"].evidence == "article"
    assert catalog.levers["tmfc_corridor"].labels["es"]
    assert catalog.alignments["canada"] == ("none", "deepen")
    assert catalog.alignments["eu"] == ("none", "deepen", "fta")
    assert set(catalog.alignment_specs) == set(catalog.alignments)
    assert catalog.shocks["us_tariff_non_usmca"].params["end_year"].default is None
    outcome = catalog.shocks["review_outcome"].params["outcome"]
    assert outcome.choices == ("extend", "annual_reviews", "withdrawal")
    assert outcome.default == "annual_reviews"
    assert catalog.lenses == ("us_manufacturer", "mx_sme", "ca_exporter", "analyst")
    with closing(sqlite3.connect(built)) as conn:
        assert catalog_from_db(conn) == catalog
