"""A hand-edited seed folder's problems, met when the app rebuilds its database on start-up,
in the window's language.

The app keeps its model database as a cache of the seed CSVs and rebuilds it on start-up when
they change (``ensure_default_database``); a seed file a user edited by hand and broke (a
column removed, text in a number column, an unknown source id, a row with a cell missing)
stops that rebuild, and the start-up box (``app._report``) lists the seed loader's problems.
They are ``ProblemText``: translated in the box, English on stderr and on the command line
(``planner db build``), word for word as before.  File names, ids and the file's own values
stay as they are; a number the model computed (a sum of shares) is written in the locale's
form; Python's own reason for a decoding or CSV error stays as Python words it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_support import run_cli
from problem_support import MessageBoxes, record_message_boxes, startup_box_lines, templates
from PySide6.QtCore import QCoreApplication

from planner import paths
from planner.model.problem_text import ProblemText
from planner.ui import startup
from planner.ui.translations_build import build_translations

MINI_SEEDS = Path(__file__).parent / "fixtures" / "mini_seeds"
TITLE = "The model database could not be loaded"

# name -> (seed file, its text before, after the hand edit); None after: the file is removed,
# bytes after: the file's whole content.
DAMAGE: dict[str, tuple[str, str, str | bytes | None]] = {
    "missing_column": ("elasticities.csv", "value,low,high,source_id", "value,low,source_id"),
    "text_number": ("growth.csv", "USA,1,,,t_assume", "USA,15%,,,t_assume"),
    "unknown_source": ("trade_flows.csv", "USA,USA,autos,0,t_stat", "USA,USA,autos,0,t_nope"),
    "above_maximum": ("preference_use.csv", "USA,MEX,autos,2024,0.5,", "USA,MEX,autos,2024,1.5,"),
    "missing_cell": ("tariffs.csv", "USA,MEX,autos,mfn,2,t_stat", "USA,MEX,autos,mfn,2"),
    "share_sum": ("mx_production.csv", "north,autos,0.4,", "north,autos,0.5,"),
    "duplicate_key": (
        "parameters.csv",
        "per_day_cost_pct.autos,2.1,0.6,2.1,%/day,test,t_paper\n",
        "per_day_cost_pct.autos,2.1,0.6,2.1,%/day,test,t_paper\n" * 2,
    ),
    "default_below_minimum": (
        "lever_params.csv",
        "tmfc_corridor,start_year,integer,2026,2036,2028,",
        "tmfc_corridor,start_year,integer,2026,2036,2020,",
    ),
    "blank_column": ("lenses.csv", "label_fr,country\n", "label_fr,country,\n"),
    "missing_file": ("timeline.csv", "", None),
    "not_utf8": ("kpis.csv", "", b"id,lens\nus_\xff\n"),
}
# Damage that stops the whole table at its first line (an empty file: no header at all).
EMPTY_FILE = {"empty_file": ("network_edges.csv", "", b"")}

# Words of the English templates that no translated line may keep (the files' names, ids and
# values, and Python's reason "invalid start byte", avoid them).
ENGLISH = re.compile(
    r"\b(expected|found|line|column|header|extra|cells|empty|again|first on|row|for region|"
    r"for sector|to sum|an id from|a number|at least|at most|the minimum|no such|missing|"
    r"blank|none|seed|file|UTF-8 text)\b"
)


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def hand_edited(folder: Path, damage: dict[str, tuple[str, str, str | bytes | None]]) -> Path:
    """A copy of the mini seed set in ``folder`` with each of ``damage``'s hand edits."""
    shutil.copytree(MINI_SEEDS, folder)
    for name, before, after in damage.values():
        path = folder / name
        if after is None:
            path.unlink()
        elif isinstance(after, bytes):
            path.write_bytes(after)
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(before) == 1, (name, before)
            path.write_text(text.replace(before, after), encoding="utf-8")
    return folder


@pytest.fixture
def boxes(qapp, monkeypatch) -> MessageBoxes:
    return record_message_boxes(monkeypatch)


def _startup_problems(monkeypatch, seeds: Path) -> list[str]:
    """What ``app.load_engine`` reports when the default database (missing: each test has its
    own user data folder) is built from ``seeds``, the app's seed folder."""
    monkeypatch.setattr(paths, "seeds_dir", lambda: seeds)
    model, evaluate, problems = startup.load_engine()
    assert model is None and evaluate is None and problems
    return problems


def _shown(boxes: MessageBoxes, problems: list[str]) -> list[str]:
    return startup_box_lines(boxes, problems, TITLE)


def _file_of(line: str) -> str:
    """``seeds/growth.csv`` of ``seeds/growth.csv line 3 column value: …``."""
    return re.split(r"[ :]", line, maxsplit=1)[0]


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_a_hand_edited_seed_folder_is_reported_in_the_window_language(
    tmp_path, monkeypatch, boxes, language, capsys, lang
):
    seeds = hand_edited(tmp_path / "seeds", DAMAGE)
    language(lang)
    problems = _startup_problems(monkeypatch, seeds)
    # every problem fits in the box (it lists the first dozen): the growth row's bad value
    # also leaves the region without its row
    assert len(problems) == len(DAMAGE) + 1
    lines = _shown(boxes, problems)
    assert len(lines) == len(problems)
    for english, line in zip(problems, lines, strict=True):
        assert line != english, f"still English: {line}"
        assert not ENGLISH.search(line), f"English in {line!r}"
        # the file as the app names its own seed folder, unchanged
        assert _file_of(line) == _file_of(english)
        assert _file_of(line) in {f"seeds/{name}" for name, _, _ in DAMAGE.values()}
    # the file's own values and ids are kept as the file writes them
    shown = "\n".join(lines)
    for kept in ("'15%'", "'t_nope'", " 1.5", " 2020", "per_day_cost_pct.autos", "(invalid"):
        assert kept in shown, kept
    # stderr keeps the English text, as the command line prints it
    assert capsys.readouterr().err.splitlines()[-len(problems) :] == problems


EXACT = {
    "text_number": {
        "en": "seeds/growth.csv line 2 column value: expected a number, found '15%'",
        "es": "seeds/growth.csv línea 2 columna value: se esperaba un número, se encontró '15%'",
        "fr": "seeds/growth.csv ligne 2 colonne value: attendu un nombre, trouvé '15%'",
    },
    "unknown_source": {
        "en": "seeds/trade_flows.csv line 2 column source_id: expected an id from sources.csv, "
        "found 't_nope'",
        "es": "seeds/trade_flows.csv línea 2 columna source_id: se esperaba un identificador de "
        "sources.csv, se encontró 't_nope'",
        "fr": "seeds/trade_flows.csv ligne 2 colonne source_id: attendu un identifiant de "
        "sources.csv, trouvé 't_nope'",
    },
    "missing_column": {
        "en": "seeds/elasticities.csv line 1 column high: expected this column in the header, "
        "found it missing",
        "es": "seeds/elasticities.csv línea 1 columna high: se esperaba esta columna en el "
        "encabezado, pero falta",
        "fr": "seeds/elasticities.csv ligne 1 colonne high: attendu cette colonne dans "
        "l'en-tête, mais elle manque",
    },
    "missing_cell": {
        "en": "seeds/tariffs.csv line 2: expected 6 cells, found 5",
        "es": "seeds/tariffs.csv línea 2: se esperaban 6 celdas, se encontraron 5",
        "fr": "seeds/tariffs.csv ligne 2: attendu 6 cellules, trouvé 5",
    },
    # the sum is the model's number, in the locale's form; 1.5 is the file's own text, kept
    "share_sum": {
        "en": "seeds/mx_production.csv column share: expected the shares of sector autos to sum "
        "to 1, found 1.1000",
        "es": "seeds/mx_production.csv columna share: se esperaba que las participaciones del "
        "sector autos sumaran 1, suman 1.1000",
        "fr": "seeds/mx_production.csv colonne share: attendu que les parts du secteur autos "
        "totalisent 1, trouvé 1,1000",
    },
    "above_maximum": {
        "en": "seeds/preference_use.csv line 2 column share: expected at most 1, found 1.5",
        "es": "seeds/preference_use.csv línea 2 columna share: se esperaba como máximo 1, se "
        "encontró 1.5",
        "fr": "seeds/preference_use.csv ligne 2 colonne share: attendu au plus 1, trouvé 1.5",
    },
    "blank_column": {
        "en": "seeds/lenses.csv line 1 column (blank): expected only the columns id, label_en, "
        "label_es, label_fr, country, found this extra column",
        "es": "seeds/lenses.csv línea 1 columna (en blanco): se esperaban solo las columnas id, "
        "label_en, label_es, label_fr, country, se encontró esta columna de más",
        "fr": "seeds/lenses.csv ligne 1 colonne (vide): attendu seulement les colonnes id, "
        "label_en, label_es, label_fr, country, trouvé cette colonne en trop",
    },
    "empty_file": {
        "en": "seeds/network_edges.csv line 1: expected a header row, found an empty file",
        "es": "seeds/network_edges.csv línea 1: se esperaba una fila de encabezado, se encontró "
        "un archivo vacío",
        "fr": "seeds/network_edges.csv ligne 1: attendu une ligne d'en-tête, trouvé un fichier "
        "vide",
    },
    "missing_file": {
        "en": "seeds/timeline.csv: expected the seed file of table timeline, found no such file",
        "es": "seeds/timeline.csv: se esperaba el archivo semilla de la tabla timeline, pero el "
        "archivo no existe",
        "fr": "seeds/timeline.csv: attendu le fichier de départ de la table timeline, mais le "
        "fichier n'existe pas",
    },
}


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("name", sorted(EXACT))
def test_each_kind_of_damage_reads_exactly(tmp_path, monkeypatch, boxes, language, name, lang):
    damage = {name: (DAMAGE | EMPTY_FILE)[name]}
    seeds = hand_edited(tmp_path / "seeds", damage)
    if lang != "en":
        language(lang)
    # the first problem of the file (text in the growth row's value column also leaves the
    # region without its row: a second one)
    problems = _startup_problems(monkeypatch, seeds)
    assert isinstance(problems[0], ProblemText)
    assert problems[0] == EXACT[name]["en"]  # the command line's text
    assert _shown(boxes, problems)[0] == EXACT[name][lang]


def test_the_english_window_shows_the_command_lines_text(tmp_path, monkeypatch, boxes, capsys):
    """English is unchanged: the box lists what `planner db build` prints for the same seeds,
    and each line is a template the other languages translate."""
    seeds = hand_edited(tmp_path / "seeds", DAMAGE)
    problems = _startup_problems(monkeypatch, seeds)
    assert all(isinstance(problem, ProblemText) for problem in problems)
    assert _shown(boxes, problems) == [str(problem) for problem in problems]
    capsys.readouterr()
    code, _, err = run_cli(capsys, "db", "build", "--seeds", seeds, "--out", tmp_path / "m.sqlite")
    assert code == 2
    assert err.splitlines() == [str(problem) for problem in problems]


def test_every_template_met_in_the_seed_problems_is_translated(tmp_path, monkeypatch, language):
    """The source scan (test_ui_translations_complete) sees literal templates only; this
    walks the templates that really arrive, nested ones included."""
    seeds = hand_edited(tmp_path / "seeds", DAMAGE)
    met = set()
    for problem in _startup_problems(monkeypatch, seeds):
        met.update(templates(problem))
    assert len(met) > 15  # a guard: the walk finds the nested templates
    for lang in ("es", "fr"):
        language(lang)
        untranslated = [
            template
            for template in met
            if QCoreApplication.translate("Problems", template) == template
            and template != "{where}: {problem}"  # the same in every language
        ]
        assert not untranslated, (lang, untranslated)
