"""Headless commands: planner run, planner compare, planner bench; exports; the default model."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from model_factory import busy_scenario, make_model

from planner.cli import main
from planner.commands import bench
from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.model.engine import evaluate
from planner.model.export import export_results
from planner.model.scenario import load_scenario, save_scenario
from planner.paths import resources_dir

EXAMPLES = resources_dir() / "scenarios"


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return build_database(out_path=tmp_path_factory.mktemp("db") / "model.sqlite")


@pytest.fixture(scope="module")
def default_model(database):
    return load_model(database)


def test_run_json_has_the_contract_fields(database, capsys):
    code = main(
        ["run", str(EXAMPLES / "bajio_flood_replay.usmca.json"), "--json", "--model", str(database)]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scenario"] == "Replay: a three-week Bajío flood"
    assert out["model"]["version"] == "2024.1" and out["compute_ms"] > 0
    row = out["kpis"][0]
    assert {"id", "label", "unit", "lens", "year", "baseline", "scenario", "delta"} <= set(row)
    days = {r["year"]: r["delta"] for r in out["kpis"] if r["id"] == "us_disruption_days"}
    assert days[2027] > 0 and all(v == 0 for y, v in days.items() if y != 2027)


def test_run_json_names_the_shown_year_and_the_busiest(database, capsys):
    flood = str(EXAMPLES / "bajio_flood_replay.usmca.json")
    assert main(["run", flood, "--json", "--model", str(database)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["year"], out["largest_change_year"]) == (2036, 2027)
    assert {r["year"] for r in out["kpis"]} == set(range(2025, 2037))  # every year, as before
    assert main(["run", flood, "--json", "--year", "2030", "--model", str(database)]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == 2030
    baseline = str(EXAMPLES / "baseline.usmca.json")
    assert main(["run", baseline, "--json", "--model", str(database)]) == 0
    assert json.loads(capsys.readouterr().out)["largest_change_year"] is None


def table_rows(text: str, skip: int = 2) -> dict[str, list[str]]:
    """KPI label -> its cells after the unit, from a table of `planner run` or `compare`
    (cells are two or more spaces apart; a band's "to" has one on each side).  The table ends
    at the first blank line (`planner run` writes the leverage ratio's losses after it)."""
    table = text.split("\n\n")[0]
    return {
        cells[0]: cells[2:]
        for cells in (re.split(r" {2,}", line) for line in table.splitlines()[skip:])
    }


def test_run_says_where_the_changes_are_when_the_last_year_has_none(database, capsys):
    # The flood is in 2027: the default (last) year shows no change at all.
    flood = str(EXAMPLES / "bajio_flood_replay.usmca.json")
    assert main(["run", flood, "--model", str(database)]) == 0
    out, err = capsys.readouterr()
    assert "baseline 2036" in out
    assert {cells[-1] for cells in table_rows(out).values()} == {"0.00"}
    assert err == (
        f"No change in 2036; the largest changes are in 2027: planner run {flood} --year 2027\n"
    )
    assert main(["run", flood, "--year", "2027", "--model", str(database)]) == 0
    out, err = capsys.readouterr()
    assert "baseline 2027" in out and "scenario 2027" in out and err == ""
    assert table_rows(out)["Disruption days"][-1] == "+1.99"
    assert table_rows(out)["Landed cost of Mexican and Canadian inputs"][-1] == "+0.0016"


def test_run_says_nothing_more_when_the_last_year_changes_or_nothing_does(database, capsys):
    for name in ("tmfc_corridor_e_customs", "baseline"):
        assert main(["run", str(EXAMPLES / f"{name}.usmca.json"), "--model", str(database)]) == 0
        assert capsys.readouterr().err == ""


def test_run_table_shows_no_negative_zero_and_no_change_as_zero(database, default_model, capsys):
    from planner.model.scenario import load_scenario

    path = EXAMPLES / "tmfc_corridor_e_customs.usmca.json"
    assert main(["run", str(path), "--draws", "20", "--model", str(database)]) == 0
    rows = table_rows(capsys.readouterr().out)
    kpis = evaluate(default_model, load_scenario(path, default_model.catalog)).kpis()
    last = kpis[kpis.year == 2036].set_index("label")
    assert set(rows) == set(last.index)
    for label, (baseline, scenario, change, band) in rows.items():
        low, high = band.split(" to ")
        for cell in (baseline, scenario, change, low, high):
            assert not re.fullmatch(r"[-+]0(\.0+)?", cell), (label, cell)  # no "-0.00"
        assert (change == "0.00") == (last.at[label, "delta"] == 0), (label, change)
        assert ("." in low) == ("." in high), (label, band)  # one band, one number of decimals
    assert rows["Effective US tariff on Mexico and Canada"][2] == "-0.00027"  # was "-0.00"


def test_compare_uses_the_same_cells(database, capsys):
    a = EXAMPLES / "baseline.usmca.json"
    b = EXAMPLES / "tmfc_corridor_e_customs.usmca.json"
    assert main(["compare", str(a), str(b), "--model", str(database)]) == 0
    rows = table_rows(capsys.readouterr().out, skip=4)
    assert rows["Effective US tariff on Mexico and Canada"] == ["0.00", "-0.00027", "-0.00027"]
    for label, cells in rows.items():
        assert not any(re.fullmatch(r"[-+]0(\.0+)?", cell) for cell in cells), (label, cells)


def test_run_csv_writes_the_tidy_table(database, tmp_path, capsys):
    out = tmp_path / "tidy.csv"
    code = main(
        [
            "run",
            str(EXAMPLES / "us_tariff_25_non_usmca.usmca.json"),
            "--csv",
            str(out),
            "--draws",
            "20",
            "--model",
            str(database),
        ]
    )
    assert code == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns[:8]) == [
        "indicator",
        "year",
        "region",
        "partner",
        "sector",
        "baseline",
        "scenario",
        "delta",
    ]
    assert {"p10", "p50", "p90"} <= set(table.columns)
    flows = table[table.indicator == "trade_flow_usd_m"]
    mx_us = flows[(flows.region == "MEX") & (flows.partner == "USA") & (flows.year == 2030)]
    assert mx_us["delta"].astype(float).sum() < 0
    assert "p10-p90" in capsys.readouterr().out


def test_run_rejects_a_bad_file_with_exit_2(database, tmp_path, capsys):
    bad = tmp_path / "bad.usmca.json"
    bad.write_text(
        '{"format": "usmca-planner/scenario", "version": 1, "name": "x", '
        '"lens": "analyst", "levers": {"teleporter": {}}}',
        encoding="utf-8",
    )
    assert main(["run", str(bad), "--model", str(database)]) == 2
    assert "teleporter" in capsys.readouterr().err
    assert main(["run", str(bad), "--draws", "-1", "--model", str(database)]) == 2


def test_compare_sets_two_scenarios_side_by_side(database, capsys):
    a = EXAMPLES / "baseline.usmca.json"
    b = EXAMPLES / "us_tariff_25_non_usmca.usmca.json"
    assert main(["compare", str(a), str(b), "--json", "--model", str(database)]) == 0
    out = json.loads(capsys.readouterr().out)
    tariff = next(r for r in out["kpis"] if r["id"] == "us_effective_tariff_mx_ca_pct")
    assert tariff["delta_a"] == 0 and tariff["delta_b"] > 0
    assert tariff["b_minus_a"] == pytest.approx(tariff["delta_b"])
    assert main(["compare", str(a), str(b), "--year", "2030", "--model", str(database)]) == 0
    text = capsys.readouterr().out
    assert "2030" in text and "B - A" in text
    assert main(["compare", str(a), str(b), "--year", "1999", "--model", str(database)]) == 2


def test_compare_sets_three_scenarios_side_by_side(database, capsys):
    # The analyst's three review outcomes in one call: each against the baseline, and each
    # later one minus the first.
    names = ("baseline", "us_tariff_25_non_usmca", "tmfc_corridor_e_customs")
    files = [str(EXAMPLES / f"{n}.usmca.json") for n in names]
    assert main(["compare", *files, "--json", "--year", "2030", "--model", str(database)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [out[x] for x in "abc"] == [
        load_scenario(f, load_model(database).catalog).name for f in files
    ]
    tariff = next(r for r in out["kpis"] if r["id"] == "us_effective_tariff_mx_ca_pct")
    assert tariff["delta_a"] == 0 and tariff["delta_b"] > 0 > tariff["delta_c"]
    assert tariff["c_minus_a"] == pytest.approx(tariff["delta_c"] - tariff["delta_a"])
    assert main(["compare", *files, "--year", "2030", "--model", str(database)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("A: ") and "\nC: " in text and "C - A" in text
    assert ", C " in text.splitlines()[-1]  # C's two leverage losses under the table
    assert main(["compare", *files * 3]) == 2
    assert "expected at most 8 scenario files, found 9" in capsys.readouterr().err


def test_the_three_review_outcomes_compare_in_one_call(database, capsys):
    # The example files the README points the analyst to: extension (the baseline's own
    # assumption, so no change), annual reviews, withdrawal, each worse for Mexico.
    files = sorted(str(p) for p in EXAMPLES.glob("review_*.usmca.json"))
    assert main(["compare", *files, "--json", "--year", "2030", "--model", str(database)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [out[x].split(":")[0] for x in "abc"] == ["Review outcome"] * 3
    mexico = next(r for r in out["kpis"] if r["id"] == "welfare_mex_usd_m")
    assert mexico["delta_a"] == 0 > mexico["delta_b"] > mexico["delta_c"]


def test_every_example_scenario_evaluates_on_the_default_model(default_model):
    from planner.model.scenario import load_scenario

    for path in sorted(EXAMPLES.glob("*.usmca.json")):
        results = evaluate(default_model, load_scenario(path, default_model.catalog))
        assert np.isfinite(results.flows).all(), path.name
        assert (results.flows >= 0).all(), path.name
        if path.name == "baseline.usmca.json":
            assert (results.tidy()["delta"].fillna(0) == 0).all()


def test_default_model_directions(default_model):
    from planner.model.scenario import Scenario

    base = Scenario.baseline(default_model.catalog, default_model.version)
    usa, mex = default_model.regions.index("USA"), default_model.regions.index("MEX")
    tariff = evaluate(default_model, base.set_shock("us_response_china", True, rate_pct=25))
    delta = (tariff.flows - tariff.flows_base).sum(axis=1)
    assert (delta[:, mex, usa] < 0).all()
    assert (np.delete(delta[:, :, usa], [usa, mex], axis=1) > 0).all()
    corridor = evaluate(
        default_model,
        base.set_lever("tmfc_corridor", True, start_year=2027).set_lever(
            "e_customs", True, start_year=2027
        ),
    )
    cost = (corridor.trade_cost - corridor.trade_cost_base)[:, :, mex, usa]
    assert (cost[corridor.years >= 2027] < 0).all()
    eu = default_model.regions.index("EU")
    aligned = evaluate(default_model, base.set_alignment("eu", "fta"))
    assert ((aligned.flows - aligned.flows_base)[-1, :, mex, eu].sum()) > 0


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx"])
def test_exports_write_complete_files(tmp_path, suffix):
    model = make_model()
    results = evaluate(model, busy_scenario(model), draws=10)
    path = export_results(results, tmp_path / f"out{suffix}")
    assert path.exists() and path.stat().st_size > 0
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(data["kpis"]) == len(results.kpis())
    if suffix == ".xlsx":
        sheets = pd.read_excel(path, sheet_name=None)
        assert set(sheets) == {"KPIs", "Tidy", "Run"}
        assert len(sheets["KPIs"]) == len(results.kpis())
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_bench_runs_selected_measurements_and_accepts_new_ones(monkeypatch, capsys):
    model = make_model()
    monkeypatch.setattr(bench.BenchContext, "model", property(lambda self: model))
    calls = []
    bench.register_measurement(
        "ui_repaint",
        "repaint after a toggle",
        lambda ctx: calls.append(ctx) or [1.0, 3.0],
        budget_ms=16,
    )
    try:
        code = main(
            ["bench", "--json", "--repeat", "2", "--only", "evaluate_busy", "--only", "ui_repaint"]
        )
    finally:
        bench.MEASUREMENTS.pop("ui_repaint")
    assert code == 0 and calls
    out = json.loads(capsys.readouterr().out)
    names = {m["name"]: m for m in out["measurements"]}
    assert set(names) == {"evaluate_busy", "ui_repaint"}
    assert names["ui_repaint"]["median_ms"] == 2.0
    assert names["ui_repaint"]["within_budget"] is True
    assert names["evaluate_busy"]["median_ms"] > 0
    assert main(["bench", "--only", "nothing"]) == 2


def test_bench_judges_a_p95_budget_on_the_p95_and_prints_the_unit(capsys):
    samples = [10.0] * 17 + [400.0] * 3  # median well inside the budget, the tail far outside
    bench.register_measurement("tail", "t", lambda ctx: samples, 250, unit="MB", statistic="p95")
    try:
        assert main(["bench", "--only", "tail"]) == 0
        text = capsys.readouterr().out
        assert main(["bench", "--json", "--only", "tail"]) == 0
        row = json.loads(capsys.readouterr().out)["measurements"][0]
    finally:
        bench.MEASUREMENTS.pop("tail")
    assert row["unit"] == "MB" and row["within_budget"] is False
    assert "10.00 MB" in text and "budget p95 250 MB OVER" in text


def test_scaled_model_doubles_sectors_and_years():
    model = make_model()
    big = bench.scaled_model(model, sectors=2, years=2)
    assert len(big.sectors) == 18 and len(big.years) == 24
    assert np.isclose(big.flows_usd_m.sum(), model.flows_usd_m.sum())
    results = evaluate(big, bench.whole_horizon(bench.busy_scenario(big), big))
    assert results.flows.shape == (24, 18, 8, 8)
    assert (results.flows >= 0).all()


def test_saved_scenario_gives_the_same_numbers(tmp_path):
    from planner.model.scenario import load_scenario

    model = make_model()
    scenario = busy_scenario(model)
    path = tmp_path / "s.usmca.json"
    save_scenario(scenario, path)
    again = load_scenario(path, model.catalog)
    a, b = evaluate(model, scenario), evaluate(model, again)
    assert np.array_equal(a.flows, b.flows)


def test_bench_names_the_processor_from_cpuinfo(monkeypatch, tmp_path):
    from planner.commands import bench_machine

    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(
        "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\n"
        "model name\t: AMD EPYC\n\nprocessor\t: 1\nmodel name\t: other\n",
        encoding="utf-8",
    )
    real_open = open
    monkeypatch.setattr(bench_machine.sys, "platform", "linux")
    monkeypatch.setattr(
        "builtins.open",
        lambda path, *a, **k: real_open(cpuinfo if path == "/proc/cpuinfo" else path, *a, **k),
    )
    assert bench_machine.cpu_model() == "AMD EPYC (family 26, model 2)"
    facts = bench_machine.machine_facts([0.5, 0.25, 0.0])
    line = bench_machine.machine_line(facts)
    assert line.startswith("machine AMD EPYC (family 26, model 2), ")
    assert "load 0.50 0.25 0.00 before" in line
