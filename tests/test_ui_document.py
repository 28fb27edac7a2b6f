"""The document: files, dirty flag, autosave and recovery, background Monte Carlo."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import Future
from types import SimpleNamespace

from planner.model.scenario import load_scenario, save_scenario
from planner.ui import controller
from planner.ui.autosave import AutosaveSession, autosave_dir, find_recoverable
from planner.ui.controller import ScenarioDocument
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings


def test_save_and_reopen_round_trip(document, mini_model, tmp_path):
    edited = (
        document.scenario.set_lever("regional_development_fund", enabled=True, match_pct=20.0)
        .set_alignment("central_america", "fta")
        .set_shock("port_disruption", True, port="veracruz", weeks=8)
        .set_lens("mx_sme")
        .replace(name="Round trip")
    )
    document.edit(edited, "several edits")
    assert document.is_dirty

    assert document.save_as(tmp_path / "round")  # the suffix is added
    saved = tmp_path / "round.usmca.json"
    assert saved.exists() and document.path == saved
    assert not document.is_dirty
    assert document.window_title() == "Round trip — round.usmca.json[*]"

    other = ScenarioDocument(mini_model.catalog, model=mini_model, settings=open_settings())
    try:
        assert other.open(saved)
        assert other.scenario == edited
        assert other.recent()[0] == saved.resolve()
    finally:
        other.shutdown()


def test_a_bad_file_lists_its_problems_and_keeps_the_scenario(window, document, dialogs_seen,
                                                               tmp_path):  # fmt: skip
    document.edit(document.scenario.set_lever("e_customs", enabled=True), "on")
    before, before_path = document.scenario, document.path
    bad = tmp_path / "bad.usmca.json"
    bad.write_text(
        '{"format": "usmca-planner/scenario", "version": 1, "name": "Bad", "lens": "nobody",'
        ' "levers": {"warp_drive": {"enabled": true}}}',
        encoding="utf-8",
    )

    assert not window.open_file(bad)

    assert document.scenario == before and document.path == before_path
    assert document.undo_stack.count() == 1
    title, text, listing = dialogs_seen.seen[-1]
    assert title == "Cannot open scenario"
    assert "bad.usmca.json" in text
    assert "warp_drive" in listing and "nobody" in listing


def test_a_file_of_another_model_version_opens_with_a_warning(window, document, dialogs_seen,
                                                               tmp_path):  # fmt: skip
    older = document.scenario.to_dict()
    older["model"] = {"version": "2023.9", "fingerprint": ""}
    path = tmp_path / "older.usmca.json"
    path.write_text(json.dumps(older), encoding="utf-8")

    assert window.open_file(path)

    assert document.path == path
    _title, text, listing = dialogs_seen.seen[-1]
    assert "older.usmca.json" in text
    assert f"expected {document.model.version} (the model in use), found 2023.9" in listing


def test_the_title_carries_name_file_and_modified_mark(window, document):
    assert window.windowTitle() == f"{document.scenario.name} — not saved[*]"
    assert not window.isWindowModified()
    document.edit(document.scenario.replace(name="Mine"), "rename")
    assert window.windowTitle() == "Mine — not saved[*]"
    assert window.isWindowModified()
    document.undo_stack.undo()
    assert not window.isWindowModified()


def test_autosave_writes_the_unsaved_scenario_and_clears_after_save(mini_model, tmp_path):
    session = AutosaveSession()
    assert session.start()
    doc = ScenarioDocument(mini_model.catalog, model=mini_model, autosave=session)
    try:
        assert doc.autosave_now() is None  # nothing unsaved, nothing written
        edited = doc.scenario.set_lever("tmfc_corridor", enabled=True)
        doc.edit(edited, "on")
        written = doc.autosave_now()
        assert written is not None and written.parent == autosave_dir()
        assert load_scenario(written, mini_model.catalog) == edited
        assert find_recoverable() == []  # this session is alive: nothing to recover
        doc.save_as(tmp_path / "saved.usmca.json")
        assert not written.exists()
    finally:
        doc.shutdown()
    assert list(autosave_dir().iterdir()) == []  # a clean exit leaves nothing behind


def test_a_burst_of_edits_is_autosaved_once_soon_after_it(qtbot, mini_model, monkeypatch):
    # Not only on the minute's timer: a crash 50 s after an edit must not lose it.
    monkeypatch.setattr(controller, "AUTOSAVE_AFTER_EDIT_MS", 150)
    session = AutosaveSession()
    assert session.start()
    writes = []
    write = session.write
    monkeypatch.setattr(session, "write", lambda *a: writes.append(a[1]) or write(*a))
    doc = ScenarioDocument(mini_model.catalog, model=mini_model, autosave=session)
    try:
        scenario = doc.scenario
        for match in (10.0, 20.0, 30.0):  # as a slider drag does
            scenario = scenario.set_lever("regional_development_fund", True, match_pct=match)
            doc.edit(scenario, "drag", merge_key="match")
        assert writes == []  # not on the GUI's edit path itself
        qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
        assert writes == [scenario]
        assert load_scenario(session.scenario_path, mini_model.catalog) == scenario
        qtbot.wait(400)
        assert len(writes) == 1  # once per pause, not once per step
    finally:
        doc.shutdown()


def test_a_failed_autosave_is_shown_in_the_status_bar(qtbot, mini_model, monkeypatch):
    session = AutosaveSession()
    assert session.start()

    def full_disk(*_args):
        raise OSError(28, "No space left on device", str(session.scenario_path))

    monkeypatch.setattr(session, "write", full_disk)
    doc = ScenarioDocument(mini_model.catalog, model=mini_model, autosave=session)
    win = MainWindow(doc, open_settings())
    qtbot.addWidget(win)
    try:
        doc.edit(doc.scenario.set_lever("e_customs", enabled=True), "on")
        assert doc.autosave_now() is None
        shown = win.statusBar().currentMessage()
        assert "Autosave failed (No space left on device)" in shown
        assert str(session.scenario_path) not in shown  # the hidden copy's name says nothing
    finally:
        doc.undo_stack.clear()
        doc.shutdown()


def test_a_session_that_died_is_offered_for_recovery(mini_model, tmp_path):
    original = tmp_path / "work.usmca.json"
    save_scenario(mini_model.catalog and _baseline(mini_model), original)
    crashed = textwrap.dedent(
        f"""
        import os
        from planner.model.data import load_model
        from planner.model.scenario import load_scenario, save_scenario
        from planner.ui.autosave import AutosaveSession
        model = load_model({str(mini_model.db_path)!r})
        session = AutosaveSession()
        assert session.start()
        scenario = load_scenario({str(original)!r}, model.catalog)
        changed = scenario.set_lever("e_customs", enabled=True)
        session.write(save_scenario, changed, {str(original)!r})
        os._exit(3)  # a crash: no clean-up
        """
    )
    run = subprocess.run([sys.executable, "-c", crashed], capture_output=True, text=True)
    assert run.returncode == 3, run.stderr

    found = find_recoverable()
    assert len(found) == 1 and found[0].original_path == original

    doc = ScenarioDocument(mini_model.catalog, model=mini_model)
    try:
        assert doc.recover(found[0])
        assert doc.path == original and doc.is_dirty
        assert doc.scenario.levers["e_customs"].enabled
        doc.undo_stack.undo()  # back to the file as saved
        assert doc.scenario == load_scenario(original, mini_model.catalog)
    finally:
        doc.shutdown()
    assert find_recoverable() == []


def _baseline(model):
    from planner.model.scenario import Scenario

    return Scenario.baseline(model.catalog, model.version, model.fingerprint)


class _FakeTask:
    def __init__(self, report):
        self.report = report
        self.cancelled = False
        self.started = threading.Event()

    def cancel(self):
        self.cancelled = True


def _fake_evaluate(model, scenario, draws=None, task=None):
    """Stands in for the engine: central runs at once, Monte Carlo waits to be cancelled
    unless the scenario's name starts with "quick"."""
    if task is None:
        return SimpleNamespace(scenario=scenario, bands=None)
    task.report(0.5)
    if not scenario.name.startswith("quick"):
        for _ in range(2000):
            if task.cancelled:
                raise RuntimeError("cancelled")
            threading.Event().wait(0.005)
    return SimpleNamespace(scenario=scenario, bands={"draws": draws})


def _counting(calls):
    """``_fake_evaluate`` that notes (scenario name, Monte Carlo?) of each call in ``calls``."""

    def evaluate(model, scenario, draws=None, task=None):
        calls.append((scenario.name, bool(draws)))
        return _fake_evaluate(model, scenario, draws=draws, task=task)

    return evaluate


def _counting_document(model, calls):
    return ScenarioDocument(
        model.catalog, model=model, evaluate=_counting(calls), make_task=_FakeTask
    )


def _bands_end(qtbot, doc):
    """Waits (a context manager) until the document's Monte Carlo has stopped running."""
    return qtbot.waitSignal(
        doc.monte_carlo_running, check_params_cb=lambda on: not on, timeout=20_000
    )


def _monte_carlos(calls):
    return [name for name, monte_carlo in calls if monte_carlo]


def _background_threads():
    return [t for t in threading.enumerate() if t.name.startswith("planner-background")]


def test_monte_carlo_runs_in_the_background_newer_edits_supersede_and_no_thread_leaks(
    qtbot, mini_model
):
    doc = ScenarioDocument(
        mini_model.catalog, model=mini_model, evaluate=_fake_evaluate, make_task=_FakeTask
    )
    try:
        delivered = []
        doc.results_changed.connect(delivered.append)
        doc.edit(doc.scenario.replace(name="slow"), "slow")  # its Monte Carlo would block
        assert delivered[-1].bands is None  # the central run arrives synchronously
        with _bands_end(qtbot, doc):
            doc.edit(doc.scenario.replace(name="quick"), "quick")
        assert delivered[-1].bands == {"draws": 1000}
        assert delivered[-1].scenario.name == "quick"
        assert all(r.scenario.name == "quick" for r in delivered if r.bands)
    finally:
        doc.shutdown()
    assert _background_threads() == []


def test_bands_off_runs_no_monte_carlo(qtbot, mini_model):
    doc = ScenarioDocument(
        mini_model.catalog, model=mini_model, evaluate=_fake_evaluate, make_task=_FakeTask
    )
    try:
        doc.set_bands_enabled(False)
        delivered = []
        doc.results_changed.connect(delivered.append)
        doc.edit(doc.scenario.replace(name="quick"), "quick")
        qtbot.wait(50)
        assert [r.bands for r in delivered] == [None]
    finally:
        doc.shutdown()
    assert _background_threads() == []


def test_with_the_real_engine_results_then_bands_arrive_and_the_worker_stops(qtbot, mini_model):
    from planner.model.engine import evaluate

    doc = ScenarioDocument(mini_model.catalog, model=mini_model, evaluate=evaluate)
    try:
        doc.edit(doc.scenario.replace(uncertainty={"draws": 40, "seed": 7}), "few draws")
        with _bands_end(qtbot, doc):
            doc.edit(doc.scenario.set_lever("tmfc_corridor", enabled=True), "corridor on")
        assert doc.results.scenario == doc.scenario
        assert doc.results.bands is not None
        assert doc.last_compute_ms is not None
    finally:
        doc.shutdown()
    assert _background_threads() == []


def test_monte_carlo_starts_after_the_event_loop_turns_and_only_for_the_newest_edit(
    qtbot, mini_model
):
    # The central results are painted before the worker starts; two edits in one event-loop
    # turn start one Monte Carlo, for the second.
    calls = []
    doc = _counting_document(mini_model, calls)
    try:
        doc.edit(doc.scenario.replace(name="first"), "first")
        doc.edit(doc.scenario.replace(name="quick"), "quick")
        assert not doc._runner.is_busy() and _monte_carlos(calls) == []
        with _bands_end(qtbot, doc):
            pass
        assert _monte_carlos(calls) == ["quick"]
    finally:
        doc.shutdown()
    assert _background_threads() == []


def test_undo_and_redo_recall_results_with_their_bands_instead_of_computing_again(
    qtbot, mini_model
):
    calls = []
    doc = _counting_document(mini_model, calls)
    try:
        doc.recompute()  # the baseline, as a new window does
        with _bands_end(qtbot, doc):
            doc.edit(doc.scenario.replace(name="quick"), "quick")
        banded = doc.results
        assert banded.bands == {"draws": 1000}
        doc.set_bands_enabled(False)
        doc.edit(doc.scenario.replace(name="quick 2"), "quick 2")
        assert not doc.results_recalled
        computed = list(calls)
        doc.set_bands_enabled(True)  # a recall of "quick 2"'s central run, then its bands
        with _bands_end(qtbot, doc):
            pass
        assert calls == [*computed, ("quick 2", True)]
        delivered = []
        doc.results_changed.connect(delivered.append)
        doc.undo_stack.undo()  # back to "quick": its bands at once, nothing run
        assert delivered == [banded] and doc.results is banded
        assert doc.results_recalled and doc.last_compute_ms is not None
        qtbot.wait(50)
        assert not doc._runner.is_busy()
        assert len(calls) == len(computed) + 1
        doc.undo_stack.redo()
        assert doc.results.scenario.name == "quick 2" and doc.results.bands is not None
        assert len(calls) == len(computed) + 1
    finally:
        doc.shutdown()
    assert _background_threads() == []


class _InlineExecutor:
    """Runs a job inside ``submit``: its future is done before the runner can attach its
    callback, the order a fast job on a worker that gets the processor first can take."""

    def submit(self, fn, *args):
        future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def test_bands_that_finish_inside_submit_are_kept_and_reported_finished(qtbot, mini_model):
    calls = []
    doc = _counting_document(mini_model, calls)
    doc._runner._executor = _InlineExecutor()
    running = []
    doc.monte_carlo_running.connect(running.append)
    try:
        doc.edit(doc.scenario.replace(name="quick instant"), "quick instant")
        qtbot.waitUntil(lambda: doc.results.bands is not None, timeout=5_000)
        qtbot.wait(20)
        assert running[-1] is False  # not left "running" after the bands arrived
        banded = doc.results
        doc.set_bands_enabled(False)
        doc.set_bands_enabled(True)  # recalled with its bands: nothing runs again
        assert doc.results is banded and doc.results_recalled
        assert _monte_carlos(calls) == ["quick instant"]
    finally:
        doc.shutdown()


def test_only_the_latest_scenarios_are_recalled(qtbot, mini_model):
    from planner.ui.controller import RECALLED_SCENARIOS

    calls = []
    doc = _counting_document(mini_model, calls)
    try:
        doc.set_bands_enabled(False)
        first = doc.scenario.replace(name="s0")
        doc.edit(first, "s0")
        for i in range(1, RECALLED_SCENARIOS):
            doc.edit(doc.scenario.replace(name=f"s{i}"), f"s{i}")
        doc.edit(first, "back to s0")  # still among the latest: recalled
        assert doc.results_recalled and calls.count(("s0", False)) == 1
        for i in range(RECALLED_SCENARIOS, 2 * RECALLED_SCENARIOS):
            doc.edit(doc.scenario.replace(name=f"s{i}"), f"s{i}")
        doc.edit(first, "s0 again")  # pushed out by newer ones: computed again
        assert not doc.results_recalled and calls.count(("s0", False)) == 2
        doc.forget_results()
        doc.recompute()
        assert not doc.results_recalled and calls.count(("s0", False)) == 3
    finally:
        doc.shutdown()


def test_the_status_bar_says_when_results_are_recalled(qtbot, mini_model):
    from planner.model.engine import evaluate
    from planner.ui.main_window import MainWindow

    doc = ScenarioDocument(mini_model.catalog, model=mini_model, evaluate=evaluate)
    doc.bands_enabled = False
    window = MainWindow(doc)
    qtbot.addWidget(window)
    try:
        doc.recompute()
        doc.edit(doc.scenario.set_lever("tmfc_corridor", enabled=True), "corridor on")
        assert window.compute_label.text().startswith("Computed in")
        doc.undo_stack.undo()
        assert doc.results_recalled
        assert window.compute_label.text().startswith("Recalled (computed in")
        # The label was sized for either text: it never re-lays the status bar.
        width = window.compute_label.width()
        doc.undo_stack.redo()
        assert window.compute_label.width() == width
    finally:
        doc.undo_stack.clear()
        doc.shutdown()


def test_a_monte_carlo_still_queued_at_shutdown_never_starts(qtbot, mini_model):
    # The run waits for the event loop (a 0 ms timer); a document shut down before it fires
    # must not hand its closed worker a job (that raised inside the timer's callback).
    calls = []
    doc = _counting_document(mini_model, calls)
    doc.edit(doc.scenario.replace(name="quick"), "quick")
    doc.shutdown()
    qtbot.wait(50)
    assert calls == [("quick", False)]  # the central run only
    assert _background_threads() == []


def test_an_app_ending_without_a_window_close_stops_the_bands_run_first(qtbot, mini_model):
    """The event loop can end without the window's close (QApplication.exit): the document's
    Monte Carlo run is stopped before the window and the document are deleted, so it never
    reports through a deleted runner nor outlives the app."""
    from PySide6.QtWidgets import QWidget

    from planner.ui.teardown import close_down

    doc = ScenarioDocument(
        mini_model.catalog, model=mini_model, evaluate=_fake_evaluate, make_task=_FakeTask
    )
    doc.edit(doc.scenario.replace(name="slow"), "slow")  # its Monte Carlo waits for a cancel
    qtbot.waitUntil(doc._runner.is_busy, timeout=5_000)
    close_down(QWidget(), doc)
    assert _background_threads() == []


def test_a_new_scenario_is_named_in_the_window_language(document):
    from planner.ui.i18n import set_language

    try:
        assert set_language("es")
        document.new_scenario()
        assert document.scenario.name == "Escenario base (política actual)"
    finally:
        set_language("en")
    document.new_scenario()
    assert document.scenario.name == "Baseline (current policy)"
