"""The model database's problems, and the numbers in any problem, in the window's language.

A damaged or unreadable model database is reported as ``ProblemText`` (database_*.py, data.py,
domains.py) and the window's start-up box (``app._report``) translates it; stderr and the
command line keep the English text.  The numbers a problem names are written with the
separators of the window's locale (fr_CA: "20 000", "-1,5"; es_MX writes them as English
does); paths, ids and the file's own text values stay as they are.  The engine's refusal of
an unknown override key is a ProblemText too.
"""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path

import pytest
from cli_support import edited_copy
from problem_support import MessageBoxes, record_message_boxes, startup_box_lines, templates
from PySide6.QtCore import QCoreApplication, QLocale

from planner.errors import InputError
from planner.model import data as data_module
from planner.model.database_build import build_database
from planner.model.database_check import describe_damage
from planner.model.engine.uncertainty import central_params
from planner.model.problem_text import Number, ProblemText
from planner.model.scenario import ScenarioError, load_scenario_with_warnings
from planner.ui import startup
from planner.ui.i18n import current_locale
from planner.ui.problem_texts import number_in_locale, problem_in_language
from planner.ui.translations_build import build_translations

MINI_SEEDS = Path(__file__).parent / "fixtures" / "mini_seeds"
TITLE = "The model database could not be loaded"
LOAD_MODEL = data_module.load_model  # the real one, which load_engine is given a path for

# name -> the hand edit that damages a copy of the mini database
DAMAGE = {
    "flow_negative": "UPDATE trade_flows SET value_usd_m = -1.5 WHERE rowid = 1",
    "flows_negative": "UPDATE trade_flows SET value_usd_m = -1.5 WHERE rowid <= 3",
    "import_demand_positive": "UPDATE elasticities SET value = 0.5 "
    "WHERE kind = 'import_demand' AND sector = 'autos'",
    "substitution_negative": "UPDATE elasticities SET value = -4 "
    "WHERE kind = 'substitution' AND sector = 'autos'",
    "flow_text": "UPDATE trade_flows SET value_usd_m = 'abc' WHERE rowid = 1",
    "share_text": "UPDATE preference_use SET share = 'x' WHERE rowid = 1",
    "region_deleted": "DELETE FROM regions WHERE id = 'MEX'",
    "base_year_text": "UPDATE meta SET value = 'abc' WHERE key = 'base_year'",
    "lever_group": "UPDATE levers SET \"group\" = 'other' WHERE rowid = 1",
}

# Words of the English templates that no translated line may keep (ids, column names and the
# database's own values avoid them).
ENGLISH = re.compile(
    r"\b(expected|found|none|damaged|rebuild it|column|row|line|more problems?|"
    r"a number|a finite number|a year|import demand|export supply|one of|at most|at least|"
    r"cannot|folder|no such file)\b"
)


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture(scope="module")
def good_mini_database(tmp_path_factory) -> Path:
    return build_database(MINI_SEEDS, tmp_path_factory.mktemp("mini_db") / "model.sqlite")


@pytest.fixture
def boxes(qapp, monkeypatch) -> MessageBoxes:
    return record_message_boxes(monkeypatch)


def _load_problems(monkeypatch, path: Path) -> list[str]:
    """What ``app.load_engine`` reports for the model database at ``path``."""
    monkeypatch.setattr(data_module, "load_model", lambda: LOAD_MODEL(path))
    model, evaluate, problems = startup.load_engine()
    assert model is None and evaluate is None and problems
    return problems


def _shown(boxes: MessageBoxes, problems: list[str]) -> list[str]:
    return startup_box_lines(boxes, problems, TITLE)


# --- 1. the model database's problems -------------------------------------------------------


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_a_damaged_model_database_is_reported_in_the_window_language(
    good_mini_database, tmp_path, monkeypatch, boxes, language, capsys, lang
):
    language(lang)
    for name, sql in DAMAGE.items():
        path = edited_copy(good_mini_database, tmp_path / f"{name}.sqlite", sql)
        problems = _load_problems(monkeypatch, path)
        (line,) = _shown(boxes, problems)
        assert line != problems[0], f"{name}: still English: {line}"
        assert not ENGLISH.search(line.replace(str(path), "")), f"{name}: English in {line!r}"
        assert line.startswith(f"{path}: "), line  # the path stays as it is
        assert line.endswith(f"`planner db build --out {path}`"), line  # so does the command
        # stderr keeps the English text, as the command line prints it
        assert capsys.readouterr().err == f"{problems[0]}\n"


EXACT = {
    # a value outside its domain: the row named by its keys, the number in the locale's form
    "flow_negative": {
        "en": "{path}: the model database is damaged (table trade_flows row (exporter USA, "
        "importer USA, sector autos) column value_usd_m: expected a finite number ≥ 0, found "
        "-1.5); rebuild it with `planner db build --out {path}`",
        "es": "{path}: la base de datos del modelo está dañada (tabla trade_flows fila "
        "(exporter USA, importer USA, sector autos) columna value_usd_m: se esperaba un número "
        "finito ≥ 0, se encontró -1.5); reconstrúyala con `planner db build --out {path}`",
        "fr": "{path}: la base de données du modèle est endommagée (table trade_flows ligne "
        "(exporter USA, importer USA, sector autos) colonne value_usd_m: attendu un nombre fini "
        "≥ 0, trouvé -1,5) ; reconstruisez-la avec `planner db build --out {path}`",
    },
    "flows_negative": {
        "en": "{path}: the model database is damaged (table trade_flows row (exporter USA, "
        "importer USA, sector autos) column value_usd_m: expected a finite number ≥ 0, found "
        "-1.5, and 2 more problems); rebuild it with `planner db build --out {path}`",
        "es": "{path}: la base de datos del modelo está dañada (tabla trade_flows fila "
        "(exporter USA, importer USA, sector autos) columna value_usd_m: se esperaba un número "
        "finito ≥ 0, se encontró -1.5, y 2 problemas más); reconstrúyala con "
        "`planner db build --out {path}`",
        "fr": "{path}: la base de données du modèle est endommagée (table trade_flows ligne "
        "(exporter USA, importer USA, sector autos) colonne value_usd_m: attendu un nombre fini "
        "≥ 0, trouvé -1,5, et 2 autres problèmes) ; reconstruisez-la avec "
        "`planner db build --out {path}`",
    },
    # a wrong-typed value: the database's own text stays quoted as it is
    "flow_text": {
        "en": "{path}: the model database is damaged (table trade_flows row 1 column "
        "value_usd_m: expected a number, found 'abc'); rebuild it with "
        "`planner db build --out {path}`",
        "es": "{path}: la base de datos del modelo está dañada (tabla trade_flows fila 1 "
        "columna value_usd_m: se esperaba un número, se encontró 'abc'); reconstrúyala con "
        "`planner db build --out {path}`",
        "fr": "{path}: la base de données du modèle est endommagée (table trade_flows ligne 1 "
        "colonne value_usd_m: attendu un nombre, trouvé 'abc') ; reconstruisez-la avec "
        "`planner db build --out {path}`",
    },
}


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("name", sorted(EXACT))
def test_the_damage_reads_exactly(
    good_mini_database, tmp_path, monkeypatch, boxes, language, name, lang
):
    if lang != "en":
        language(lang)
    path = edited_copy(good_mini_database, tmp_path / f"{name}.sqlite", DAMAGE[name])
    problems = _load_problems(monkeypatch, path)
    assert problems[0] == EXACT[name]["en"].format(path=path)  # the command line's text
    assert _shown(boxes, problems) == [EXACT[name][lang].format(path=path)]


def test_a_value_problem_names_the_range_in_the_window_language(
    good_mini_database, tmp_path, language
):
    """The problems ``describe_damage`` sums up when a database cannot be read at all:
    declared ranges ("at most 1") and the "1 more problem" of a single extra one."""
    path = edited_copy(
        good_mini_database,
        tmp_path / "share.sqlite",
        "UPDATE preference_use SET share = CASE rowid WHEN 1 THEN 1.5 ELSE -0.25 END "
        "WHERE rowid <= 2",
    )
    damage = describe_damage(path)
    assert damage == (
        "table preference_use row 2 column share: expected at least 0, found -0.25, "
        "and 1 more problem"
    )
    language("fr")
    assert problem_in_language(damage) == (
        "table preference_use ligne 2 colonne share: attendu au moins 0, trouvé -0,25, "
        "et 1 autre problème"
    )
    language("es")
    assert problem_in_language(damage) == (
        "tabla preference_use fila 2 columna share: se esperaba al menos 0, se encontró -0.25, "
        "y 1 problema más"
    )


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_an_unreadable_model_database_is_reported_in_the_window_language(
    tmp_path, monkeypatch, boxes, language, lang
):
    language(lang)
    missing = tmp_path / "nowhere.sqlite"
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    says = {
        missing: {
            "es": "se esperaba una base de datos del modelo, pero el archivo no existe",
            "fr": "attendu une base de données du modèle, mais le fichier n'existe pas",
        },
        folder: {
            "es": "se esperaba un archivo de base de datos del modelo, se encontró una carpeta",
            "fr": "attendu un fichier de base de données du modèle, trouvé un dossier",
        },
    }
    for path, by_language in says.items():
        problems = _load_problems(monkeypatch, path)
        assert _shown(boxes, problems) == [f"{path}: {by_language[lang]}"]


def test_the_english_window_shows_the_command_line_text(
    good_mini_database, tmp_path, monkeypatch, boxes
):
    for name, sql in DAMAGE.items():
        path = edited_copy(good_mini_database, tmp_path / f"{name}.sqlite", sql)
        problems = _load_problems(monkeypatch, path)
        assert _shown(boxes, problems) == [str(p) for p in problems], name


def test_every_template_met_in_a_damaged_database_is_translated(
    good_mini_database, tmp_path, monkeypatch, language
):
    """The source scan (test_ui_translations_complete) sees literal templates only; this
    walks the templates that really arrive, nested ones included."""
    met = set()
    for name, sql in DAMAGE.items():
        path = edited_copy(good_mini_database, tmp_path / f"{name}.sqlite", sql)
        for problem in _load_problems(monkeypatch, path):
            met.update(templates(problem))
    assert len(met) > 12  # a guard: the walk finds the nested templates
    for lang in ("es", "fr"):
        language(lang)
        untranslated = [
            template
            for template in met
            if QCoreApplication.translate("Problems", template) == template
        ]
        assert not untranslated, (lang, untranslated)


# --- 2. numbers in the window's locale ------------------------------------------------------


def _scenario_problems(tmp_path: Path, model, text: str) -> list[str]:
    path = tmp_path / "plan.usmca.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_with_warnings(path, model.catalog, model.fingerprint, model.version)
    return caught.value.problems


HEAD = '{"format": "usmca-planner/scenario", "version": 1, "name": "T", "lens": "mx_sme", '


def test_a_scenario_problem_writes_its_numbers_with_the_locale_separators(
    tmp_path, mini_model, language
):
    draws, override = _scenario_problems(
        tmp_path,
        mini_model,
        HEAD + '"uncertainty": {"draws": 50000}, '
        '"overrides": {"elasticities.autos.import_demand": 2.5}}',
    )
    assert draws == "uncertainty.draws: expected an integer from 0 to 20,000, found 50000"
    assert override == (
        "overrides.elasticities.autos.import_demand: expected a number from -20 to -0.01, found 2.5"
    )
    language("fr")
    group = QLocale("fr_CA").groupSeparator()  # a no-break space
    assert problem_in_language(draws) == (
        f"uncertainty.draws: attendu un entier de 0 à 20{group}000, trouvé 50000"
    )
    # the range is the model's, in the locale's form; 2.5 is the file's own text, kept
    assert problem_in_language(override) == (
        "overrides.elasticities.autos.import_demand: attendu un nombre de -20 à -0,01, trouvé 2.5"
    )
    language("es")  # Mexican Spanish groups and points as English does
    assert problem_in_language(draws) == (
        "uncertainty.draws: se esperaba un entero de 0 a 20,000, se encontró 50000"
    )


def test_a_too_big_file_counts_its_bytes_in_the_locale(tmp_path, mini_model, language):
    text = HEAD + '"x": "' + "a" * 1_100_000 + '"}'
    size = len(text.encode())
    (problem,) = _scenario_problems(tmp_path, mini_model, text)
    assert problem == f"file: expected at most 1 MB (1,048,576 bytes), found {size:,} bytes"
    language("fr")
    line = problem_in_language(problem)
    group = QLocale("fr_CA").groupSeparator()
    assert f"(1{group}048{group}576 " in line, line
    assert f" {size:,} ".replace(",", group) in line, line
    assert "1,048,576" not in line and f"{size:,}" not in line, line


def test_only_numbers_change_form(language):
    """Numbers (an int, a float, a Number) follow the locale; a path, an id, a version, a
    bool and the file's own text stay as they are."""
    language("fr")
    problem = ProblemText(
        "{path}: {message}",
        path="/data/v1.5/model.sqlite",
        message=ProblemText(
            "expected {expected}, found {found}",
            expected=ProblemText("a number from {low} to {high}", low=-0.5, high=Number(1e4, ",")),
            found="2024.1",
        ),
    )
    assert (
        problem == "/data/v1.5/model.sqlite: expected a number from -0.5 to 10,000.0, found 2024.1"
    )
    nbsp = current_locale().groupSeparator()
    assert problem_in_language(problem) == (
        f"/data/v1.5/model.sqlite: attendu un nombre de -0,5 à 10{nbsp}000,0, trouvé 2024.1"
    )
    assert problem_in_language(ProblemText("{path}: {message}", path=True, message=3)) == (
        "True: 3"
    )


def test_number_in_locale_swaps_the_separators_in_one_pass():
    french, english = QLocale("fr_CA"), QLocale("en_US")
    assert number_in_locale("1,234.5", french) == f"1{french.groupSeparator()}234,5"
    assert number_in_locale("-1e-05", french) == "-1e-05"
    assert number_in_locale("1,234.5", english) == "1,234.5"
    assert number_in_locale("1,234.5", QLocale("de_DE")) == "1.234,5"  # not "1,234,5"


def test_a_number_reads_as_its_english_text_and_survives_copies():
    problem = ProblemText("at least {minimum}", minimum=Number(20000, ","))
    assert problem == "at least 20,000"
    for twin in (copy.deepcopy(problem), pickle.loads(pickle.dumps(problem))):
        assert twin == problem
        number = twin.args["minimum"]
        assert isinstance(number, Number) and number == "20,000"


# --- 3. the engine's refusal of an unknown override key -------------------------------------


@pytest.mark.parametrize(
    "lang, says",
    [
        (
            "en",
            "expected a model number such as elasticities.autos.substitution, found an unknown key",
        ),
        (
            "es",
            "se esperaba un número del modelo como elasticities.autos.substitution, se "
            "encontró una clave desconocida",
        ),
        (
            "fr",
            "attendu un nombre du modèle comme elasticities.autos.substitution, trouvé une "
            "clé inconnue",
        ),
    ],
)
def test_the_engine_refuses_an_unknown_override_key_in_the_window_language(
    qapp, mini_model, language, lang, says
):
    with pytest.raises(InputError) as caught:
        central_params(mini_model, {"elasticities.autos.substituton": 5.0})
    (problem,) = caught.value.problems
    assert isinstance(problem, ProblemText)
    key = "overrides.elasticities.autos.substituton"
    # validation's English, its suggestion of the nearest key included
    assert problem == (
        f"{key}: expected a model number such as elasticities.autos.substitution, found an "
        "unknown key (did you mean elasticities.autos.substitution?)"
    )
    if lang != "en":
        language(lang)
    shown = problem_in_language(problem)
    assert shown.startswith(f"{key}: {says} (")
    assert "elasticities.autos.substitution" in shown.removeprefix(f"{key}: {says} (")
