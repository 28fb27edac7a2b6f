"""DocumentFiles: the document's scenario files: new, open, save, save as, a recovered
autosave, and the recent-files list.

A mixin of ScenarioDocument (planner/ui/controller.py), kept apart so each file stays one
room: it reads the document's ``catalog``, ``model``, ``settings``, ``path``, ``undo_stack``
and scenario, replaces the document through its ``_replace_document``, ``edit`` and
``_clear_autosave``, and emits its ``open_failed``, ``open_warnings``, ``save_failed``,
``recent_changed`` and ``file_changed``.  The window's side of files (the dialogs, drops and
the recent menu) is ``ScenarioFiles`` (planner/ui/scenario_files.py).
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import InputError
from planner.model.scenario import load_scenario, load_scenario_with_warnings, save_scenario
from planner.paths import SCENARIO_SUFFIX
from planner.ui.autosave import Recoverable
from planner.ui.i18n import translate
from planner.ui.settings import add_recent_file, recent_files


class DocumentFiles:
    """The document's file operations (a mixin: no state of its own)."""

    # ----- files -------------------------------------------------------------------------
    def new_scenario(self) -> None:
        self._replace_document(self.baseline(), None)
        self._clear_autosave()

    def open(self, path: str | Path) -> bool:
        """Load ``path``; on bad input emit ``open_failed`` and keep the current scenario."""
        path = Path(path)
        fingerprint = getattr(self.model, "fingerprint", None)
        version = getattr(self.model, "version", None)
        try:
            scenario, warnings = load_scenario_with_warnings(
                path, self.catalog, fingerprint, version
            )
        except InputError as exc:  # ScenarioError and any other bad-input report
            self.open_failed.emit(str(path), list(exc.problems))
            return False
        except OSError as exc:
            self.open_failed.emit(str(path), [f"{path}: {exc.strerror or exc}"])
            return False
        self._replace_document(scenario, path)
        self._remember(path)
        self._clear_autosave()
        if warnings:
            self.open_warnings.emit(str(path), list(warnings))
        return True

    def save(self) -> bool:
        if self.path is None:
            return False
        return self.save_as(self.path)

    def save_as(self, path: str | Path) -> bool:
        path = Path(path)
        if not path.name.endswith(SCENARIO_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + SCENARIO_SUFFIX)
        try:
            save_scenario(self._scenario, path)
        except (OSError, InputError) as exc:
            self.save_failed.emit(str(path), str(exc))
            return False
        self.path = path
        self.undo_stack.setClean()
        self._remember(path)
        self._clear_autosave()
        self.file_changed.emit()
        return True

    def recover(self, item: Recoverable) -> bool:
        """Open an autosaved scenario: its saved file (if any) then the recovered changes as
        one undoable edit, so the document is dirty and undo returns to the saved file."""
        try:
            recovered = load_scenario(item.scenario_path, self.catalog)
        except (InputError, OSError) as exc:
            problems = getattr(exc, "problems", [str(exc)])
            self.open_failed.emit(str(item.scenario_path), list(problems))
            return False
        original = item.original_path
        if original is not None and original.exists():
            try:
                base = load_scenario(original, self.catalog)
            except (InputError, OSError):
                base, original = self.baseline(), None
        else:
            base, original = self.baseline(), None
        self._replace_document(base, original)
        self.edit(recovered, lambda: translate("ScenarioDocument", "Recovered changes"))
        item.discard()
        return True

    def recent(self) -> list[Path]:
        return recent_files(self.settings) if self.settings else []

    def _remember(self, path: Path) -> None:
        if self.settings is not None:
            self.recent_changed.emit(add_recent_file(self.settings, path))
