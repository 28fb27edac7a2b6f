"""Every string the UI marks for translation has a Spanish and a French translation.

The strings are found in the source (``translate("Context", "...")``, ``QT_TRANSLATE_NOOP``,
and each module's ``_tr``/``tr`` helper with its fixed context), the translations in the
``.ts`` files.  A string added to the UI without its translations fails here, naming it,
instead of showing in English in a Spanish or French window.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "planner" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Functions of a module that wrap ``QCoreApplication.translate("Context", text)``."""
    helpers = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _called(call) == "translate" and call.args:
                    context = _literal(call.args[0])
                    if context is not None:
                        helpers[node.name] = context
    return helpers


def marked_strings() -> set[tuple[str, str, str]]:
    """(context, source, where) of every literal string marked for translation."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in UI.rglob("*.py")}
    exported = {}  # module name -> its helpers, for helpers imported by other modules
    for path, tree in trees.items():
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        exported[module] = _helper_contexts(tree)
    found = set()
    for path, tree in trees.items():
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        helpers = dict(exported[module])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in exported:
                for alias in node.names:
                    if alias.name in exported[node.module]:
                        helpers[alias.asname or alias.name] = exported[node.module][alias.name]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called(node)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, source = _literal(node.args[0]), _literal(node.args[1])
            elif isinstance(node.func, ast.Name) and name in helpers:
                context, source = helpers[name], _literal(node.args[0])
            else:
                continue
            if context is not None and source is not None:
                found.add((context, source, where))
    return found


def translated(language: str) -> set[tuple[str, str]]:
    """(context, source) pairs with a finished translation in the language's .ts files."""
    pairs = set()
    for ts in TRANSLATIONS.glob(f"*_{language}.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in (
                    "unfinished",
                    "obsolete",
                    "vanished",
                ):
                    continue
                if (translation.text or "").strip():
                    pairs.add((name, message.findtext("source")))
    return pairs


def test_the_extractor_finds_the_ui_strings():
    """A guard for the test itself: an extractor finding nothing would pass vacuously."""
    found = {(c, s) for c, s, _ in marked_strings()}
    assert ("LeverPanel", "Filter levers (Ctrl+F)") in found  # translate("Context", ...)
    assert ("Report", "Pinned scenarios") in found  # a module's own _tr
    assert ("KpiCards", "points") in found  # QT_TRANSLATE_NOOP
    assert len(found) > 200


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_marked_string_has_a_translation(language):
    done = translated(language)
    missing = sorted(
        f"{where}: [{context}] {source!r}"
        for context, source, where in marked_strings()
        if (context, source) not in done
    )
    assert not missing, f"{len(missing)} strings without a {language} translation:\n" + "\n".join(
        missing
    )


# --- the problems of a scenario file ---------------------------------------------------------
# The model writes them as ProblemText (planner/model/problem_text.py): English text plus the
# template the interface translates in the context "Problems".

MODEL = ROOT / "planner" / "model"
PROBLEMS = "Problems"
# Every module of the model layer (subpackages too, and modules yet to be written) is scanned:
# the problems of a scenario file, of the model database and of the seeds it is rebuilt from on
# start-up, and of a run, can each reach the window, so each such sentence must be a template.
# What makes a string read like a problem.
_PROBLEM_WORDS = re.compile(r"\b(expected|found|cannot|could not|failed)\b")

_DB_CHECK = "printed by `planner db check` only (check_database)"
_DB_IMPORT = "printed by `planner db import` only (import_table)"
_STATUS = "a database_status reason: on stderr, or by `planner db build --if-needed`, only"
_ENGINE_GUARD = "a guard on the engine's own arguments, which its callers build distinct"
# Sentences of the model layer that the window never shows, left in English, each with why:
# by module (its path under planner/model), matched on the text as the scan writes it ("{}"
# for an f-string's fields).
TERMINAL_ONLY = {
    "database_check.py": {
        "{}: expected a model database, found no such file (planner db build)": _DB_CHECK,
        "{}: expected a SQLite database, found {}": _DB_CHECK,
        "{}: integrity check failed: {}": _DB_CHECK,
        "{}: expected a table {}, found none": _DB_CHECK,
        "{} table meta: expected a value for {}, found none": _DB_CHECK,
        "{} table {} row {} column source_id: expected an id from sources, found {}": _DB_CHECK,
        "{} table sources id {} column kind: expected one of {}, found {}": _DB_CHECK,
        "{} table levers id {} column label_{}: expected a label, found none": _DB_CHECK,
    },
    "database_build.py": {
        "its integrity check failed ({})": _STATUS,
        # write_temp_database's guard: check_keys reports every dangling key of the seeds
        # first, so a build (the start-up's too) never gets this far with one.
        "foreign key check failed: {}": "unreachable: the seed checks come first",
    },
    "database_import.py": {
        "{}: cannot read the file ({})": _DB_IMPORT,
        "--source {}: expected an id from {}, found no such source (add it there first)": (
            _DB_IMPORT
        ),
        "{}: cannot write the seed file ({}); nothing was changed": _DB_IMPORT,
        "{} already holds the new rows (putting back the old ones failed: {})": _DB_IMPORT,
    },
    "export.py": {
        # export_results' other types: the window's file dialog (ui.export_dialog) always
        # gives the name a .pdf, .xlsx, .csv or .json suffix, and the command line's --csv
        # calls export_csv directly.
        "{}: expected a .csv, .json or .xlsx file name, found {}": "Python callers only",
    },
    "engine/cell_tariffs.py": {"CellTariffs: expected distinct cells, found {}": _ENGINE_GUARD},
    "engine/linear_batch.py": {
        "keep_flows: expected distinct runs below {}, found {}": _ENGINE_GUARD,
    },
}
_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


def _template_nodes(tree: ast.Module) -> list[ast.Constant]:
    """The literal first arguments of ``ProblemText(...)`` and ``problem_template(...)``."""
    return [
        node.args[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _called(node) in ("ProblemText", "problem_template")
        and node.args
        and _literal(node.args[0]) is not None
    ]


def problem_templates() -> set[tuple[str, str]]:
    """(template, where) of every problem template in the model layer."""
    found = set()
    for path in MODEL.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _template_nodes(tree):
            found.add((node.value, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def english_only_sentences(exempt: dict[str, dict[str, str]] = TERMINAL_ONLY) -> list[str]:
    """Strings of the model layer's modules that read like a problem ("expected …", "found …",
    "cannot …") but are no template, so would stay English in a Spanish or French window;
    those in ``exempt`` (terminal-only, by module path under planner/model) are left out."""
    out = []
    for path in sorted(MODEL.rglob("*.py")):
        terminal_only = exempt.get(path.relative_to(MODEL).as_posix(), {})
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = {id(node) for node in _template_nodes(tree)}
        for node in ast.walk(tree):  # docstrings are documentation, not messages
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                allowed.add(id(body[0].value))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(_literal(part) or "{}" for part in node.values)
                allowed.update(id(part) for part in node.values)
            elif id(node) not in allowed and _literal(node) is not None:
                text = node.value
            else:
                continue
            if id(node) in allowed or text in terminal_only:
                continue
            if _PROBLEM_WORDS.search(text):
                out.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    return out


def test_the_extractor_finds_the_problem_templates():
    found = {template for template, _ in problem_templates()}
    assert "expected {expected}, found {found}" in found  # ProblemText("...")
    assert "a list […]" in found  # problem_template("...") in a table
    assert (
        'format: expected "{format}", found {found} (is this a USMCA planner scenario file?)'
        in found
    )
    assert len(found) > 60


def test_every_problem_sentence_is_a_template():
    """A message added as a plain (f-)string would reach the GUI in English only."""
    sentences = english_only_sentences()
    assert not sentences, "problem texts that are no ProblemText template:\n" + "\n".join(sentences)


def test_each_terminal_only_sentence_is_still_there():
    """An exemption whose sentence was reworded or became a template would hide nothing but
    could later hide a new one: each must still match a sentence the scan would flag."""
    flagged = set(english_only_sentences(exempt={}))
    stale = [
        f"{name}: {text!r}"
        for name, texts in TERMINAL_ONLY.items()
        for text in texts
        if not any(
            line.startswith(f"planner/model/{name}:") and line.endswith(f": {text!r}")
            for line in flagged
        )
    ]
    assert not stale, "exempted sentences the scan no longer finds:\n" + "\n".join(stale)


def test_the_scan_finds_the_database_and_seed_sentences():
    """A guard for the scan: without its exemptions it flags the database's terminal-only
    sentences and reads the subpackages (the engine's), and the seed loader's messages are
    templates it finds."""
    flagged = "\n".join(english_only_sentences(exempt={}))
    assert "planner/model/database_check.py:" in flagged and "integrity check failed" in flagged
    assert "planner/model/engine/" in flagged
    templates = {template for template, where in problem_templates() if "seed_loader" in where}
    assert "{where}: expected an id from {file}, found {found}" in templates
    # (the range phrases "one of …", "at least …", "at most …" are tables.Column.expected's)
    assert len(templates) > 15


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_problem_template_has_a_translation(language):
    done = translated(language)
    missing = sorted(
        f"{where}: {template!r}"
        for template, where in problem_templates()
        if (PROBLEMS, template) not in done
    )
    assert not missing, f"{len(missing)} problem templates without a {language} translation:\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("language", ["es", "fr"])
def test_problem_translations_keep_the_placeholders(language):
    """A translation that drops or renames a placeholder would show the English instead."""
    wrong = []
    for ts in TRANSLATIONS.glob(f"*_{language}.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != PROBLEMS:
                continue
            for message in context.iter("message"):
                source, translation = message.findtext("source"), message.findtext("translation")
                if sorted(_PLACEHOLDER.findall(source)) != sorted(
                    _PLACEHOLDER.findall(translation or "")
                ):
                    wrong.append(f"{source!r} -> {translation!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_every_location_names_the_file_that_holds_its_string(path):
    # A translator reads the location to see a string in its context; a module split
    # (kpi_cards → kpi_card, kpi_wording) had left 37 of them pointing at moved strings.
    stale = []
    for message in ET.parse(path).getroot().iter("message"):
        text = message.findtext("source") or ""
        for location in message.iter("location"):
            file = (path.parent / location.get("filename", "")).resolve()
            code = file.read_text(encoding="utf-8") if file.is_file() else ""
            if text[:20] not in code:
                stale.append(f"{location.get('filename')}: {text[:40]}")
    assert not stale, stale
