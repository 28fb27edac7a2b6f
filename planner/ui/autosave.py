"""Autosave and crash recovery: a lock file per running session, a scenario copy beside it.

Each session holds ``autosave/<session>.lock`` (a QLockFile, which records the process id)
for as long as it runs and writes ``<session>.usmca.json`` (plus ``<session>.meta.json``
naming the file it came from) when the scenario has unsaved changes.  A clean exit removes
all three.  At the next start a lock whose process no longer runs means that session ended
abnormally: its autosaved scenario is offered for recovery.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from planner.paths import user_data_dir


def autosave_dir() -> Path:
    path = user_data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Recoverable:
    """An autosaved scenario left behind by a session that did not exit cleanly."""

    scenario_path: Path
    original_path: Path | None
    saved_at: float  # seconds since the epoch

    def discard(self) -> None:
        for path in _session_files(self.scenario_path.name.removesuffix(".usmca.json")):
            path.unlink(missing_ok=True)


def _session_files(session: str) -> list[Path]:
    folder = autosave_dir()
    return [
        folder / f"{session}.usmca.json",
        folder / f"{session}.meta.json",
        folder / f"{session}.lock",
    ]


class AutosaveSession:
    """This process's lock and autosave files."""

    def __init__(self) -> None:
        self.name = f"session-{os.getpid()}-{int(time.time() * 1000)}"
        folder = autosave_dir()
        self.scenario_path = folder / f"{self.name}.usmca.json"
        self.meta_path = folder / f"{self.name}.meta.json"
        self._lock = QLockFile(str(folder / f"{self.name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age

    def start(self) -> bool:
        return self._lock.tryLock(0)

    def write(self, save, scenario, original_path: Path | None) -> Path:
        """Write ``scenario`` with ``save(scenario, path)`` and note where it came from."""
        save(scenario, self.scenario_path)
        self.meta_path.write_text(
            json.dumps({"original_path": str(original_path) if original_path else None}),
            encoding="utf-8",
        )
        return self.scenario_path

    def clear(self) -> None:
        """Forget the autosaved copy (after a save, or when the changes were discarded)."""
        self.scenario_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)

    def end(self) -> None:
        """A clean exit: remove the copy and release (delete) the lock."""
        self.clear()
        self._lock.unlock()


def find_recoverable() -> list[Recoverable]:
    """Autosaves of sessions whose process has died, newest first; empty leftovers removed."""
    found: list[Recoverable] = []
    for lock_path in sorted(autosave_dir().glob("*.lock")):
        session = lock_path.name.removesuffix(".lock")
        probe = QLockFile(str(lock_path))
        probe.setStaleLockTime(0)
        # tryLock succeeds only when the owner is gone (a live session keeps its lock).
        if not probe.tryLock(0):
            continue
        probe.unlock()
        scenario_path, meta_path, _ = _session_files(session)
        if not scenario_path.exists():
            meta_path.unlink(missing_ok=True)
            continue
        original: Path | None = None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            original = Path(meta["original_path"]) if meta.get("original_path") else None
        except (OSError, ValueError, KeyError, TypeError):
            original = None
        found.append(Recoverable(scenario_path, original, scenario_path.stat().st_mtime))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found
