"""Crash recovery and start-up never lose work or hang: several crashed sessions, a damaged
autosave, an autosave folder that cannot be made, a damaged settings file, and a screenshot
whose computation fails."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from planner.model.scenario import Scenario, load_scenario, save_scenario
from planner.paths import user_data_dir
from planner.ui import app as app_module
from planner.ui import dialogs, startup
from planner.ui.autosave import autosave_dir, find_recoverable
from planner.ui.i18n import set_language
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings, read_bool, recent_files

# A session that takes its lock and dies without cleaning up, as a crash would.
CRASH = (
    "import os, sys\n"
    "from planner.ui.autosave import AutosaveSession\n"
    "session = AutosaveSession()\n"
    "assert session.start()\n"
    "print(session.name, flush=True)\n"
    "os._exit(3)\n"
)


def _crashed_session(content: Scenario | str, original: Path | None, saved_at: float) -> Path:
    """The files a crashed session leaves: its lock (of a dead process), its autosaved copy
    (``content``: a scenario, or raw text for a damaged copy) saved at ``saved_at``."""
    run = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True)
    assert run.returncode == 3, run.stderr
    name = run.stdout.strip()
    folder = autosave_dir()
    assert (folder / f"{name}.lock").exists()
    copy = folder / f"{name}.usmca.json"
    if isinstance(content, str):
        copy.write_text(content, encoding="utf-8")
    else:
        save_scenario(content, copy)
    note = {"original_path": str(original) if original is not None else None}
    (folder / f"{name}.meta.json").write_text(json.dumps(note), encoding="utf-8")
    os.utime(copy, (saved_at, saved_at))
    return copy


def _baseline(model) -> Scenario:
    return Scenario.baseline(model.catalog, model.version, model.fingerprint)


@pytest.fixture
def shell(qtbot, dialogs_seen):
    """The start-up window before the model is in (what ``run_gui`` shows first)."""
    set_language("en")
    win = MainWindow(None, open_settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.document is not None:
        win.document.shutdown(clean_exit=False)  # as a crash: leave the autosave


def _start(shell, model):
    return startup.start_document(shell, shell.settings, None, (model, None, []))


class _Answers:
    """Stands in for ``dialogs.ask_recover``: records each offer, answers in turn."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.offered: list[tuple[float, Path | None]] = []

    def __call__(self, _parent, saved_at: float, original: Path | None) -> bool:
        self.offered.append((saved_at, original))
        return self.answers.pop(0)


def test_two_crashed_sessions_are_both_offered_and_none_is_deleted_unasked(
    shell, mini_model, monkeypatch, tmp_path
):
    base = _baseline(mini_model)
    older = base.set_lever("e_customs", enabled=True)
    newer = base.set_lever("tmfc_corridor", enabled=True)
    now = time.time()
    _crashed_session(older, tmp_path / "older.usmca.json", now - 120)
    _crashed_session(newer, tmp_path / "newer.usmca.json", now - 60)
    answers = _Answers(False, True)  # decline the newest, recover the older
    monkeypatch.setattr(dialogs, "ask_recover", answers)

    document = _start(shell, mini_model)

    assert [original.name for _, original in answers.offered] == [
        "newer.usmca.json",
        "older.usmca.json",
    ]
    assert document.scenario == older


def test_recovering_the_newest_keeps_the_others_for_the_next_start(
    shell, mini_model, monkeypatch, tmp_path
):
    base = _baseline(mini_model)
    older = base.set_lever("e_customs", enabled=True)
    now = time.time()
    kept = _crashed_session(older, tmp_path / "older.usmca.json", now - 120)
    _crashed_session(base.set_lever("tmfc_corridor", enabled=True), None, now - 60)
    answers = _Answers(True)
    monkeypatch.setattr(dialogs, "ask_recover", answers)

    _start(shell, mini_model)

    assert len(answers.offered) == 1  # one document: the newest
    assert kept.exists()  # the older one was not decided about: it stays
    left = find_recoverable()  # the running session's own copy is not among them
    assert [item.scenario_path for item in left] == [kept]
    assert load_scenario(left[0].scenario_path, mini_model.catalog) == older


def test_a_damaged_autosave_is_reported_by_its_time_moved_aside_and_the_older_offered(
    shell, mini_model, monkeypatch, dialogs_seen, tmp_path
):
    base = _baseline(mini_model)
    older = base.set_lever("e_customs", enabled=True)
    now = time.time()
    _crashed_session(older, None, now - 300)
    damaged = _crashed_session(
        '{"format": "usmca-planner/scenario", "version": 1, "name": "half writ',
        tmp_path / "plan.usmca.json",
        now - 60,
    )
    answers = _Answers(True)
    monkeypatch.setattr(dialogs, "ask_recover", answers)

    document = _start(shell, mini_model)

    assert len(answers.offered) == 1 and document.scenario == older
    title, text, where = dialogs_seen.seen[0]
    assert title == "Autosaved copy damaged"
    when = dt.datetime.fromtimestamp(now - 60).strftime("%Y-%m-%d %H:%M")
    assert text == f"The autosaved copy of plan.usmca.json from {when} cannot be read."
    assert "session-" not in text + where  # not the internal file name
    moved = autosave_dir() / "damaged"
    assert where == f"It was moved to {next(moved.iterdir())}."
    assert not damaged.exists()
    assert next(moved.iterdir()).read_text(encoding="utf-8").startswith('{"format"')
    assert find_recoverable() == []  # reported once, not at every start


def test_the_recovered_scenario_is_autosaved_at_once(shell, mini_model, monkeypatch, tmp_path):
    original = tmp_path / "work.usmca.json"
    save_scenario(_baseline(mini_model), original)
    changed = _baseline(mini_model).set_lever("e_customs", enabled=True)
    crashed = _crashed_session(changed, original, time.time() - 60)
    monkeypatch.setattr(dialogs, "ask_recover", _Answers(True))

    document = _start(shell, mini_model)

    assert document.scenario == changed and document.path == original
    assert not crashed.exists()
    # Without waiting for the autosave timer: a crash now still leaves the work on disk.
    copies = list(autosave_dir().glob("*.usmca.json"))
    assert len(copies) == 1
    assert load_scenario(copies[0], mini_model.catalog) == changed
    note = copies[0].with_name(copies[0].name.replace(".usmca.json", ".meta.json"))
    assert str(original) in note.read_text(encoding="utf-8")


def test_an_autosave_folder_that_cannot_be_made_is_reported_and_the_app_starts(
    shell, mini_model, monkeypatch, qtbot
):
    blocker = user_data_dir() / "autosave"
    blocker.write_text("junk", encoding="utf-8")  # a file where the folder should be
    monkeypatch.setattr(dialogs, "ask_recover", _Answers())

    document = _start(shell, mini_model)

    assert document is not None and shell.document is document
    expected = (
        f"Cannot create the autosave folder {blocker} (a file of that name is in the way);"
        " changes will not be autosaved."
    )
    assert shell.statusBar().currentMessage() == expected
    boxes = [b for b in shell.findChildren(QMessageBox) if b.isVisible()]
    assert [b.text() for b in boxes] == [expected]
    assert not boxes[0].isModal()  # the start goes on
    document.edit(document.scenario.set_lever("e_customs", enabled=True), "on")
    assert document.autosave_now() is None  # no autosave, and no error either


@pytest.mark.parametrize(
    "stored",
    [
        "@ByteArray(abc)",
        "@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)",  # an int
    ],
)
def test_a_damaged_recent_files_entry_is_ignored(stored):
    ini = user_data_dir() / "settings.ini"
    ini.write_text(f"[General]\nrecent_files={stored}\nbands=@ByteArray(x)\n", encoding="utf-8")
    settings = open_settings()

    assert recent_files(settings) == []
    assert read_bool(settings, "bands", True) is True


def test_recent_files_keeps_the_paths_among_wrong_entries(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent_files", ["/a/x.usmca.json", 7, "", "/b/\0y.usmca.json", "/c/z"])

    assert recent_files(settings) == [Path("/a/x.usmca.json"), Path("/c/z")]


def test_a_screenshot_whose_computation_fails_exits_non_zero_with_the_reason(
    qtbot, mini_model, monkeypatch, tmp_path, capsys
):
    def broken(_model, _scenario, **_options):
        raise RuntimeError("the solver diverged")

    monkeypatch.setattr(startup, "load_engine", lambda: (mini_model, broken, []))
    shot = tmp_path / "shot.png"

    code = app_module.run_gui(None, screenshot=str(shot))

    assert code == 1
    assert "RuntimeError: the solver diverged" in capsys.readouterr().err
    assert not shot.exists()
