"""The problems of a bad scenario file are listed in the window's language.

The model words them in English as ``ProblemText``; the dialog translates each one (context
"Problems").  A Spanish and a French window open a set of bad files and must list every
problem translated; the English window and ``planner validate`` print what they always did.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from problem_support import MessageBoxes, record_message_boxes, templates
from PySide6.QtCore import QCoreApplication
from scenario_catalog import spec_catalog

from planner.cli import main
from planner.model import scenario as scenario_module
from planner.model.problem_text import ProblemText
from planner.model.scenario import ScenarioError, load_scenario_with_warnings
from planner.ui import autosave, crash_recovery
from planner.ui.problem_texts import problem_in_language
from planner.ui.translations_build import build_translations

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
HEAD = {"format": "usmca-planner/scenario", "version": 1, "name": "Test", "lens": "mx_sme"}

# name -> the file's content (an object written as JSON, or the raw text)
BAD_FILES: dict[str, dict | str] = {
    "wrong_format": {**HEAD, "format": "usmca-scenario"},
    "unknown_field": {**HEAD, "stakeholder": "mx_sme"},
    "weeks": {**HEAD, "shocks": [{"id": "port_disruption"}, {"id": "bajio_flood", "weeks": 40}]},
    "bad_json": '{"name": }',
    "duplicate_key": '{"format": "usmca-planner/scenario", "version": 1, "name": "A", '
    '"name": "B", "lens": "mx_sme"}',
    "unknown_lever": {**HEAD, "levers": {"tmfc_corrdor": {"enabled": True}}},
    "override_range": {**HEAD, "overrides": {"elasticities.autos.substitution": 500}},
    "override_key": {**HEAD, "overrides": {"elasticities.autos.substituton": 5}},
    "missing_name": {key: value for key, value in HEAD.items() if key != "name"},
    "not_an_object": {**HEAD, "levers": {"e_customs": [1, 2]}},
    "future_version": {**HEAD, "version": 7},
}
FIXTURE_FILES = ("bad_values", "bad_nan", "bad_latin1", "bad_not_object", "bad_truncated")
OTHER_MODEL = {**HEAD, "model": {"version": "2023.9"}}  # opens, with a warning

# Words of the English templates that no translated line may keep (the files' own values and
# ids avoid them).
ENGLISH = re.compile(
    r"\b(expected|found|unknown|nothing|missing|required|again|at most|did you mean|"
    r"is this|the field|a list|an object|an integer|a number|the model in use)\b"
)
SAYS = {"es": "se esperaba", "fr": "attendu"}

# What some of the files must read in each language: the whole line.
EXACT = {
    "weeks": {
        "en": "shocks[1].weeks: expected an integer from 1 to 12, found 40",
        "es": "shocks[1].weeks: se esperaba un entero de 1 a 12, se encontró 40",
        "fr": "shocks[1].weeks: attendu un entier de 1 à 12, trouvé 40",
    },
    "wrong_format": {
        "en": 'format: expected "usmca-planner/scenario", found "usmca-scenario" '
        "(is this a USMCA planner scenario file?)",
        "es": 'format: se esperaba "usmca-planner/scenario", se encontró "usmca-scenario" '
        "(¿es un archivo de escenario del planificador T-MEC?)",
        "fr": 'format: attendu "usmca-planner/scenario", trouvé "usmca-scenario" '
        "(est-ce un fichier de scénario du planificateur ACEUM ?)",
    },
    "missing_name": {
        "en": "name: expected the scenario's name, text of 1 to 200 characters, "
        "found nothing (the field is missing)",
        "es": "name: se esperaba el nombre del escenario, un texto de 1 a 200 caracteres, "
        "pero falta el campo",
        "fr": "name: attendu le nom du scénario, un texte de 1 à 200 caractères, "
        "mais le champ est absent",
    },
    "bad_json": {
        "en": "file: expected JSON, found a missing or invalid value at line 1, column 10",
        "es": "archivo: se esperaba JSON, se encontró un valor faltante o no válido en la línea "
        "1, columna 10",
        "fr": "fichier: attendu du JSON, trouvé une valeur manquante ou invalide à la ligne 1, "
        "colonne 10",
    },
}


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture
def boxes(dialogs_seen, monkeypatch) -> MessageBoxes:
    return record_message_boxes(monkeypatch)


def _write(folder: Path, name: str, content: dict | str) -> Path:
    path = folder / f"{name}.usmca.json"
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _bad_paths(folder: Path) -> dict[str, Path]:
    paths = {name: _write(folder, name, content) for name, content in BAD_FILES.items()}
    paths.update({name: FIXTURES / f"{name}.usmca.json" for name in FIXTURE_FILES})
    return paths


def _open_each(document, boxes, paths: dict[str, Path]) -> dict[str, list[str]]:
    """Open every file in the window; each must be refused with one problems box."""
    listed = {}
    for name, path in paths.items():
        assert not document.open(path), name
        assert len(boxes.seen) == 1, name
        listed[name] = boxes.seen.pop()[2]  # the details: every problem
    return listed


def _model_problems(path: Path, model) -> list[str]:
    try:
        load_scenario_with_warnings(path, model.catalog, model.fingerprint, model.version)
    except ScenarioError as exc:
        return exc.problems
    raise AssertionError(f"{path} opened")


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_a_bad_file_lists_its_problems_in_the_window_language(
    window, document, boxes, language, mini_model, tmp_path, lang
):
    language(lang)
    paths = _bad_paths(tmp_path)
    listed = _open_each(document, boxes, paths)

    for name, lines in listed.items():
        model_lines = _model_problems(paths[name], mini_model)
        assert len(lines) == len(model_lines), name
        for line, english in zip(lines, model_lines, strict=True):
            assert line != english, f"{name}: still English: {line}"
            assert not ENGLISH.search(line), f"{name}: English left in {line!r}"
            # the field path and the file's own values stay as they are
            path = english.split(": ", 1)[0]
            if path not in ("file", "(top level)"):
                assert line.startswith(f"{path}: "), line
        assert any(SAYS[lang] in line for line in lines), (name, lines)
    for name, by_language in EXACT.items():
        assert by_language[lang] in listed[name], (name, listed[name])
    assert any(
        "(¿quiso decir" in line or "(vouliez-vous dire" in line for line in listed["unknown_lever"]
    )
    assert any(
        "[1, 2]" not in line and ("una lista […]" in line or "une liste […]" in line)
        for line in listed["not_an_object"]
    )


@pytest.mark.parametrize(
    "lang, says",
    [
        ("es", "model.version: se esperaba 2024.1 (el modelo en uso), se encontró 2023.9: "),
        ("fr", "model.version: attendu 2024.1 (le modèle utilisé), trouvé 2023.9 : "),
    ],
)
def test_the_warning_of_a_file_from_another_model_version_is_translated(
    window, document, boxes, language, tmp_path, lang, says
):
    language(lang)
    assert document.open(_write(tmp_path, "other_model", OTHER_MODEL))
    ((title, _listed, lines),) = boxes.seen
    assert title in ("Abierto con advertencias", "Ouvert avec des avertissements")
    assert len(lines) == 1 and lines[0].startswith(says), lines
    assert not ENGLISH.search(lines[0]), lines


def test_every_template_met_in_a_bad_file_is_translated(language, mini_model, tmp_path):
    """The source scan of test_ui_translations_complete only sees literal templates; this
    checks the templates that really arrive, recursively, against the compiled translations."""
    paths = _bad_paths(tmp_path)
    met = {
        template
        for path in paths.values()
        for problem in _model_problems(path, mini_model)
        for template in templates(problem)
    }
    assert len(met) > 25  # a guard: the walk finds the nested templates
    for lang in ("es", "fr"):
        language(lang)
        untranslated = [
            template
            for template in met
            if re.sub(r"\{\w+\}|[\W\d_]", "", template)  # some words to translate
            and QCoreApplication.translate("Problems", template) == template
        ]
        assert not untranslated, (lang, untranslated)


def test_the_english_window_lists_the_model_text_unchanged(
    window, document, boxes, mini_model, tmp_path
):
    paths = _bad_paths(tmp_path)
    listed = _open_each(document, boxes, paths)

    for name, lines in listed.items():
        assert lines == [str(p) for p in _model_problems(paths[name], mini_model)], name
    for name, by_language in EXACT.items():
        assert by_language["en"] in listed[name], (name, listed[name])


def test_a_damaged_autosave_lists_its_problems_in_the_window_language(
    window, document, boxes, language, tmp_path, monkeypatch
):
    """The crash-recovery path reads the copy itself and shows why it cannot be offered."""
    language("fr")

    def cannot_move():
        raise OSError("read-only")

    item = SimpleNamespace(
        saved_at=0.0,
        original_path=None,
        scenario_path=_write(tmp_path, "weeks", BAD_FILES["weeks"]),
        set_aside=cannot_move,
    )
    # Through the start-up's own path: the copy is read, found damaged and reported.
    monkeypatch.setattr(autosave, "find_recoverable", lambda: [item])
    crash_recovery.offer_recovery(window, document, autosave=None)

    ((_title, _listed, lines),) = boxes.seen
    assert lines == [EXACT["weeks"]["fr"]]


def test_an_untranslatable_problem_stays_as_it_is(language):
    """Text from outside the model (an OS error) and a translation that lost a placeholder
    both show the English rather than nothing."""
    language("es")
    assert problem_in_language("plan.usmca.json: Permission denied") == (
        "plan.usmca.json: Permission denied"
    )
    odd = ProblemText("no such template {value}", value=3)
    assert problem_in_language(odd) == "no such template 3"


# --- the command line prints what it always printed ------------------------------------------

VALIDATE_LINES = {
    "bad_unknown_ids": [
        "lens: expected a stakeholder lens id (valid: analyst, ca_exporter, mx_sme, "
        'us_manufacturer), found unknown stakeholder lens "mx_smee" (did you mean mx_sme?)',
        "levers.tmfc_corrdor: expected a policy lever id (valid: canada_green_content, "
        "e_customs, inventory_buffers, rapid_response_panel, regional_development_fund, "
        "regional_impact_clause, southeast_fdi_incentive, southwest_trade_hub, tmfc_corridor, "
        'us_dual_sourcing, vocational_ppp), found unknown policy lever "tmfc_corrdor" '
        "(did you mean tmfc_corridor?)",
        "alignments.mars: expected an alignment partner id (valid: brazil_mercosur, canada, "
        "central_america, china, cptpp, eu, pacific_alliance), found unknown alignment partner "
        '"mars"',
        "shocks[0].id: expected a shock id (valid: bajio_flood, port_disruption, review_outcome, "
        "us_auto_tariff, us_response_china, us_section232_metals, us_tariff_non_usmca), found "
        'unknown shock "bajio_floood" (did you mean bajio_flood?)',
    ],
    "bad_format": [
        'format: expected "usmca-planner/scenario", found "something-else/session" '
        "(is this a USMCA planner scenario file?)"
    ],
    "bad_future_version": [
        "version: expected 0 or 1 (the versions this planner reads), found 7: the file comes "
        "from a newer planner; update to open it"
    ],
    "bad_not_object": ["file: expected a JSON object {…} at the top level, found a list […]"],
    "bad_duplicate_keys": [
        '(top level): expected each key once, found "lens" 2 times',
        'levers.e_customs: expected each key once, found "coverage" 2 times',
    ],
    "bad_nan": [
        "levers.tmfc_corridor.intensity: expected a finite number, found NaN "
        "(JSON has no NaN or Infinity)",
        "overrides.elasticities.autos.substitution: expected a finite number, found Infinity "
        "(JSON has no NaN or Infinity)",
    ],
}


@pytest.mark.parametrize("name", sorted(VALIDATE_LINES))
def test_validate_prints_the_english_problems_unchanged(capsys, monkeypatch, language, name):
    model = scenario_module.DefaultModel(spec_catalog(), "sha256:" + "1" * 64)
    monkeypatch.setattr(scenario_module, "default_model", lambda: model)
    language("fr")  # an interface language never reaches the command line
    path = FIXTURES / f"{name}.usmca.json"
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: {line}" for line in VALIDATE_LINES[name]
    ]


def test_validate_prints_the_english_warning_unchanged(capsys, monkeypatch):
    model = scenario_module.DefaultModel(spec_catalog(), "sha256:" + "1" * 64, "2030.1")
    monkeypatch.setattr(scenario_module, "default_model", lambda: model)
    path = FIXTURES / "v0_draft.usmca.json"
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: warning: version: expected 1, found 0; the file was upgraded on load and "
        "will be saved as version 1",
        f"{path}: warning: model.version: expected 2030.1 (the model in use), found 2024.1: the "
        "scenario was made with another model version, so its results may differ from when it "
        "was saved",
    ]
