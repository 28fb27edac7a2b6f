"""Autosave and crash recovery: a lock file per running session, a scenario copy beside it.

Each session holds ``autosave/<session>.lock`` (a QLockFile, which records the process id)
for as long as it runs and writes ``<session>.usmca.json`` (plus ``<session>.meta.json``
naming the file it came from) when the scenario has unsaved changes.  A clean exit removes
all three.  At the next start an autosaved copy whose lock is gone or whose process no
longer runs means that session ended abnormally: the copy is offered for recovery.

A copy stays on disk until the user has decided about it: the lock of a dead session is
removed when it is first found, so the copy alone (without a lock) marks a leftover that is
still to be offered.  A copy that cannot be read is moved to ``autosave/damaged/``.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from planner.paths import SCENARIO_SUFFIX, user_data_dir

log = logging.getLogger(__name__)

DAMAGED_FOLDER = "damaged"


def autosave_folder() -> Path:
    """Where the autosave folder is (it may not exist yet)."""
    return user_data_dir() / "autosave"


def autosave_dir() -> Path:
    """The autosave folder, made if missing (OSError when it cannot be)."""
    path = autosave_folder()
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Recoverable:
    """An autosaved scenario left behind by a session that did not exit cleanly."""

    scenario_path: Path
    original_path: Path | None
    saved_at: float  # seconds since the epoch

    @property
    def session(self) -> str:
        return self.scenario_path.name.removesuffix(SCENARIO_SUFFIX)

    def discard(self) -> None:
        """Delete the copy (the user recovered it or declined it).  A copy that cannot be
        deleted is only logged: it is offered again, which loses nothing."""
        for path in _session_files(self.scenario_path.parent, self.session):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                log.warning("cannot delete the autosave file %s", path, exc_info=True)

    def set_aside(self) -> Path:
        """Move an unreadable copy to ``autosave/damaged/`` (named by its time, where the
        user can find it) so that it is not offered again; the new path.  OSError when the
        move fails: the copy then stays where it is."""
        folder = self.scenario_path.parent / DAMAGED_FOLDER
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.fromtimestamp(self.saved_at).strftime("%Y-%m-%d_%H-%M-%S")
        target = folder / f"autosave-{stamp}{SCENARIO_SUFFIX}"
        count = 1
        while target.exists():  # never overwrite an earlier damaged copy
            count += 1
            target = folder / f"autosave-{stamp}-{count}{SCENARIO_SUFFIX}"
        self.scenario_path.rename(target)
        _, meta_path, lock_path, backup = _session_files(self.scenario_path.parent, self.session)
        if backup.exists():  # the previous autosave, perhaps readable: kept beside it
            backup.rename(target.with_name(target.name + ".bak"))
        for path in (meta_path, lock_path):
            try:
                path.unlink(missing_ok=True)  # only where it came from: now in the message
            except OSError:
                log.warning("cannot delete the autosave file %s", path, exc_info=True)
        return target


def _session_files(folder: Path, session: str) -> list[Path]:
    """The copy, its note, the lock, and the copy's previous version (``save_scenario``
    keeps one beside the file it replaces)."""
    return [
        folder / f"{session}{SCENARIO_SUFFIX}",
        folder / f"{session}.meta.json",
        folder / f"{session}.lock",
        folder / f"{session}{SCENARIO_SUFFIX}.bak",
    ]


class AutosaveSession:
    """This process's lock and autosave files."""

    def __init__(self) -> None:
        self.name = f"session-{os.getpid()}-{int(time.time() * 1000)}"
        folder = autosave_dir()
        self.scenario_path = folder / f"{self.name}{SCENARIO_SUFFIX}"
        self.meta_path = folder / f"{self.name}.meta.json"
        self.lock_path = folder / f"{self.name}.lock"
        self.backup_path = folder / f"{self.name}{SCENARIO_SUFFIX}.bak"
        self._lock = QLockFile(str(self.lock_path))
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

    def adopt(self, item: Recoverable) -> None:
        """Copy a leftover's files as this session's autosave, before the leftover is
        recovered (which deletes it): the work is on disk at every moment in between."""
        shutil.copyfile(item.scenario_path, self.scenario_path)
        self.meta_path.write_text(
            json.dumps({"original_path": str(item.original_path) if item.original_path else None}),
            encoding="utf-8",
        )

    def clear(self) -> None:
        """Forget the autosaved copy (after a save, or when the changes were discarded)."""
        self.scenario_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)
        self.backup_path.unlink(missing_ok=True)

    def end(self) -> None:
        """A clean exit: remove the copy and release (delete) the lock."""
        self.clear()
        self._lock.unlock()


_LOCK_ERRORS = {
    QLockFile.LockError.PermissionError: errno.EACCES,
    QLockFile.LockError.LockFailedError: errno.EBUSY,
}


def open_session() -> AutosaveSession:
    """This process's autosave session, its lock taken.  OSError (naming the folder or the
    lock file) when the folder cannot be made or the lock cannot be written."""
    session = AutosaveSession()
    if not session.start():
        code = _LOCK_ERRORS.get(session._lock.error(), errno.EIO)
        raise OSError(code, os.strerror(code), str(session.lock_path))
    return session


def _owner_is_alive(lock_path: Path) -> bool:
    """Whether a running process holds ``lock_path``; a stale lock is removed."""
    if not lock_path.exists():
        return False
    probe = QLockFile(str(lock_path))
    probe.setStaleLockTime(0)
    # tryLock succeeds only when the owner is gone (a live session keeps its lock); the
    # unlock then deletes the stale lock.
    if not probe.tryLock(0):
        return True
    probe.unlock()
    return False


def _read_original(meta_path: Path) -> Path | None:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Path(meta["original_path"]) if meta.get("original_path") else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a missing or damaged note: the copy is still worth offering


def _leftover(folder: Path, scenario_path: Path) -> Recoverable | None:
    session = scenario_path.name.removesuffix(SCENARIO_SUFFIX)
    _, meta_path, lock_path, _ = _session_files(folder, session)
    if _owner_is_alive(lock_path):
        return None
    saved_at = scenario_path.stat().st_mtime
    return Recoverable(scenario_path, _read_original(meta_path), saved_at)


def _remove_empty_leftovers(folder: Path) -> None:
    """Locks, notes and previous versions of dead sessions whose copy is gone (they
    autosaved nothing, or their copy was saved or discarded)."""
    for lock_path in folder.glob("*.lock"):
        session = lock_path.name.removesuffix(".lock")
        scenario_path, meta_path, _, backup = _session_files(folder, session)
        if not scenario_path.exists() and not _owner_is_alive(lock_path):
            meta_path.unlink(missing_ok=True)
            backup.unlink(missing_ok=True)
    for backup in folder.glob(f"*{SCENARIO_SUFFIX}.bak"):
        session = backup.name.removesuffix(f"{SCENARIO_SUFFIX}.bak")
        scenario_path, meta_path, lock_path, _ = _session_files(folder, session)
        if not scenario_path.exists() and not _owner_is_alive(lock_path):
            meta_path.unlink(missing_ok=True)
            backup.unlink(missing_ok=True)


def find_recoverable() -> list[Recoverable]:
    """Autosaves of sessions whose process has died, newest first; empty leftovers removed.

    Never raises: a folder or file that cannot be read is logged and skipped (it is looked
    at again at the next start)."""
    try:
        folder = autosave_dir()
        _remove_empty_leftovers(folder)
        copies = sorted(folder.glob(f"*{SCENARIO_SUFFIX}"))
    except OSError:
        log.warning("cannot look for autosaved scenarios", exc_info=True)
        return []
    found: list[Recoverable] = []
    for scenario_path in copies:
        try:
            item = _leftover(folder, scenario_path)
        except OSError:
            log.warning("cannot read the autosave %s", scenario_path, exc_info=True)
            continue
        if item is not None:
            found.append(item)
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found
