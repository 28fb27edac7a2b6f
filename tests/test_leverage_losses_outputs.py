"""The leverage ratio comes with the two welfare losses it divides wherever it is shown: the
PDF brief (the card's own sentence, in the brief's language), ``planner run`` (its table, its
--json rows) and the tidy table of --csv.  A ratio of two small losses ("-0.01") says nothing
on its own."""

from __future__ import annotations

import json

import chart_support
import cli_support
import numpy as np
import pandas as pd
import pytest
from cli_support import run_cli
from PySide6.QtCore import QLocale

from planner.commands.number_text import decimals_for, level_text
from planner.model.data import load_model
from planner.model.engine import evaluate
from planner.model.export import export_json
from planner.model.results import LEVERAGE_LOSS_INDICATORS
from planner.model.scenario import load_scenario
from planner.paths import resources_dir
from planner.ui import i18n
from planner.ui.kpi_area import KpiArea
from planner.ui.report import write_report
from planner.ui.translations_build import build_translations

# The shared fixtures (tests/chart_support.py, tests/cli_support.py).
model, tariff_results, flood_results = (
    chart_support.model,
    chart_support.tariff_results,
    chart_support.flood_results,
)
good_database = cli_support.good_database

LEVERAGE = "mx_leverage_ratio"
TARIFF = resources_dir() / "scenarios" / "us_tariff_25_non_usmca.usmca.json"
# The sentence's opening in each language (resources/translations/charts_*.ts).
OPENING = {
    "en": "Withdrawing USMCA preferences in {year} would change welfare by ",
    "es": "Retirar las preferencias del T-MEC en {year} cambiaría el bienestar en ",
    "fr": "Retirer les préférences de l’ACEUM en {year} changerait le bien-être de ",
}


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def _signed(value: float, locale: QLocale) -> str:
    """A welfare change as the card writes it: whole USD m, the locale's groups, a sign."""
    text = locale.toString(float(round(value)), "f", 0)
    return text if text.startswith("-") else f"+{text}"


def _leverage_lines(info, year: int, lang: str) -> list[str]:
    opening = OPENING[lang].format(year=year)
    return [text for text in info.drawn if opening in text]


# --- the PDF brief --------------------------------------------------------------------------


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_brief_names_the_two_losses_as_the_card_does(
    qtbot, model, tariff_results, tmp_path, language, lang
):
    language(lang)
    year = 2030
    y = list(tariff_results.years).index(year)
    us_loss, mx_loss = tariff_results.leverage_losses[y]
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.set_year(year)
    area.set_results(tariff_results, {}, lens="analyst")
    card_text = area.cards[LEVERAGE].meaning.text()
    # Written where the default locale is C: the brief still writes its language's numbers.
    QLocale.setDefault(QLocale.c())
    info = write_report(
        tmp_path / "brief.pdf", model, tariff_results, lens="analyst", year=year, language=lang
    )
    (line,) = _leverage_lines(info, year, lang)
    label = model.kpis.set_index("id").at[LEVERAGE, f"label_{lang}"]
    assert line.startswith(label)  # which row of the table it explains
    locale = QLocale(i18n.LANGUAGES[lang][1])
    assert _signed(-us_loss, locale) in line and _signed(-mx_loss, locale) in line, line
    sentence = line[line.index(OPENING[lang].format(year=year)) :]
    assert sentence in card_text  # the card's own sentence, not a second wording


@pytest.mark.gui
def test_the_brief_names_each_pinned_scenarios_losses(
    qtbot, model, tariff_results, flood_results, tmp_path, language
):
    language("en")
    year = 2027
    info = write_report(
        tmp_path / "brief.pdf",
        model,
        tariff_results,
        {"A": flood_results},
        lens="analyst",
        year=year,
    )
    lines = _leverage_lines(info, year, "en")
    assert len(lines) == 2  # under the key numbers, and under the pinned table
    pinned = lines[1]
    assert pinned.startswith(f"A ({flood_results.scenario.name}): ")
    y = list(flood_results.years).index(year)
    us_loss, mx_loss = flood_results.leverage_losses[y]
    en = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert f"by {_signed(-us_loss, en)} for the US and {_signed(-mx_loss, en)} for Mexico" in (
        pinned
    )


@pytest.mark.gui
def test_a_brief_without_the_leverage_kpi_says_nothing_of_it(
    qtbot, model, tariff_results, tmp_path, language
):
    language("en")
    info = write_report(
        tmp_path / "brief.pdf", model, tariff_results, lens="us_manufacturer", year=2030
    )
    assert not [text for text in info.drawn if "Withdrawing USMCA preferences" in text]


# --- planner run ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tariff_run(good_database):
    """The tariff scenario evaluated on the CLI tests' database, for the expected numbers."""
    cli_model = load_model(good_database)
    return evaluate(cli_model, load_scenario(TARIFF, catalog=cli_model.catalog))


def test_run_json_puts_the_two_losses_on_the_leverage_rows(good_database, tariff_run, capsys):
    code, out, _err = run_cli(capsys, "run", TARIFF, "--json", "--model", good_database)
    assert code == 0
    rows = json.loads(out)["kpis"]
    years = [int(v) for v in tariff_run.years]
    leverage = [r for r in rows if r["id"] == LEVERAGE]
    assert [r["year"] for r in leverage] == years
    for row in leverage:
        y = years.index(row["year"])
        for i, field in enumerate(("us_loss_usd_m", "mx_loss_usd_m")):
            assert row[field] == {
                "baseline": pytest.approx(tariff_run.leverage_losses_base[y, i]),
                "scenario": pytest.approx(tariff_run.leverage_losses[y, i]),
            }, (row["year"], field)
        # The ratio is the one loss over the other.
        assert row["scenario"] == pytest.approx(
            row["us_loss_usd_m"]["scenario"] / row["mx_loss_usd_m"]["scenario"]
        )
    others = [r for r in rows if r["id"] != LEVERAGE]
    assert others and not any("us_loss_usd_m" in r or "mx_loss_usd_m" in r for r in others)


def test_run_table_names_the_two_losses_under_it(good_database, tariff_run, capsys):
    code, out, _err = run_cli(capsys, "run", TARIFF, "--year", "2030", "--model", good_database)
    assert code == 0
    table, _, note = out.partition("\n\n")
    assert "Mexico's bargaining leverage" in table
    y = list(tariff_run.years).index(2030)
    numbers = [*tariff_run.leverage_losses_base[y], *tariff_run.leverage_losses[y]]
    digits = decimals_for(*numbers)
    us_base, mx_base, us_scenario, mx_scenario = (level_text(v, digits) for v in numbers)
    assert note.startswith("Mexico's bargaining leverage in 2030 = US loss / Mexico loss")
    assert f"baseline {us_base} / {mx_base}, scenario {us_scenario} / {mx_scenario}" in note
    assert len(note.strip().splitlines()) == 1  # one short line, nothing else after the table


def test_run_csv_has_the_two_losses_as_indicators(good_database, tariff_run, tmp_path, capsys):
    out = tmp_path / "tidy.csv"
    code, _out, _err = run_cli(capsys, "run", TARIFF, "--csv", out, "--model", good_database)
    assert code == 0
    table = pd.read_csv(out, keep_default_na=False)
    for i, indicator in enumerate(LEVERAGE_LOSS_INDICATORS):
        rows = table[table.indicator == indicator]
        assert list(rows.year) == [int(v) for v in tariff_run.years], indicator
        assert (rows[["region", "partner", "sector"]] == "").all().all()
        np.testing.assert_allclose(
            rows.baseline.astype(float), tariff_run.leverage_losses_base[:, i]
        )
        np.testing.assert_allclose(rows.scenario.astype(float), tariff_run.leverage_losses[:, i])
        np.testing.assert_allclose(
            rows.delta.astype(float),
            tariff_run.leverage_losses[:, i] - tariff_run.leverage_losses_base[:, i],
        )


def test_tidy_with_draws_leaves_the_losses_bands_empty(model):
    results = chart_support.run(model, "us_tariff_25_non_usmca", draws=20)
    tidy = results.tidy()
    losses = tidy[tidy.indicator.isin(LEVERAGE_LOSS_INDICATORS)]
    assert len(losses) == 2 * len(results.years)
    assert losses[["p10", "p50", "p90"]].isna().all().all()  # no draws of the losses are kept


def test_the_apps_json_export_carries_the_two_losses_too(tariff_results, tmp_path):
    path = export_json(tariff_results, tmp_path / "run.json")
    rows = [r for r in json.loads(path.read_text())["kpis"] if r["id"] == LEVERAGE]
    assert len(rows) == len(tariff_results.years)
    for y, row in enumerate(rows):
        assert row["us_loss_usd_m"]["scenario"] == pytest.approx(
            tariff_results.leverage_losses[y, 0]
        )
        assert row["mx_loss_usd_m"]["baseline"] == pytest.approx(
            tariff_results.leverage_losses_base[y, 1]
        )


def test_compare_names_each_scenarios_two_losses(good_database, tariff_run, capsys):
    other = resources_dir() / "scenarios" / "mexico_diversifies_partners.usmca.json"
    code, out, _err = run_cli(
        capsys, "compare", TARIFF, other, "--year", "2030", "--model", good_database
    )
    assert code == 0
    note = out.rstrip().splitlines()[-1]
    y = list(tariff_run.years).index(2030)
    cli_model = load_model(good_database)
    other_run = evaluate(cli_model, load_scenario(other, catalog=cli_model.catalog))
    numbers = [*tariff_run.leverage_losses[y], *other_run.leverage_losses[y]]
    digits = decimals_for(*numbers)
    a_us, a_mx, b_us, b_mx = (level_text(float(v), digits) for v in numbers)
    assert note.startswith("Mexico's bargaining leverage in 2030 = US loss / Mexico loss")
    assert note.endswith(f"A {a_us} / {a_mx}, B {b_us} / {b_mx}")
