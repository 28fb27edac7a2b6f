"""The model database file: where it lives, opening it read-only, its meta table, and the
problems of the file in its folder (an unusable data folder, a folder in the way, a write
refused, a leftover rollback journal).

The database is read-only at run time: the app never writes it in place but builds a new file
and swaps it in (``database_build``).  Its problems are ``ProblemText``: the window shows them
in its own language, the command line prints the English text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from planner import MODEL_VERSION, paths
from planner.errors import InputError
from planner.model.problem_text import ProblemText

BASE_YEAR = 2024
FINAL_YEAR = 2036
META_KEYS = ("model_version", "seeds_fingerprint", "built_at", "base_year")
LANGUAGES = ("en", "es", "fr")  # the languages of the tables' label_* columns

Notify = Callable[[str], object]


def default_database_path() -> Path:
    """Where the app keeps its model database: the user data folder, one file per version."""
    try:
        folder = paths.user_data_dir()
    except OSError as exc:  # PLANNER_DATA_DIR is a file, or cannot be created
        raise data_folder_error(Path(exc.filename or paths.APP_NAME), exc) from None
    return folder / f"model-{MODEL_VERSION}.sqlite"


def data_folder_error(folder: Path, exc: OSError) -> InputError:
    not_a_folder = folder.exists() and not folder.is_dir()
    reason = ProblemText("it is not a folder") if not_a_folder else exc.strerror or str(exc)
    return InputError(
        ProblemText(
            "{folder}: cannot use as the data folder ({reason}); "
            "set PLANNER_DATA_DIR to a writable folder",
            folder=str(folder),
            reason=reason,
        )
    )


def is_default_database(path: Path) -> bool:
    """Whether ``path`` is the app's own cache (which it may rebuild or clean up freely)."""
    try:
        return path.resolve() == default_database_path().resolve()
    except (OSError, InputError):
        return False


def rebuild_hint(path: Path) -> str:
    """The command that rebuilds ``path``: the default cache needs no --out."""
    return "`planner db build`" if is_default_database(path) else f"`planner db build --out {path}`"


def folder_in_the_way_error(path: Path) -> InputError:
    """A folder stands where the database file should be."""
    return InputError(
        ProblemText(
            "{path}: expected the model database file, found a folder (move or remove it)",
            path=str(path),
        )
    )


def unwritable_error(out_path: Path, exc: OSError) -> InputError:
    """Writing ``out_path`` failed: for the default cache, its data folder is unusable."""
    if is_default_database(out_path):
        return data_folder_error(out_path.parent, exc)
    return InputError(
        ProblemText(
            "{path}: cannot write the model database ({reason})",
            path=str(out_path),
            reason=exc.strerror or str(exc),
        )
    )


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection; a missing file is an error rather than a new empty database."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The meta table's key -> value (``META_KEYS`` and any others)."""
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


# --- stray rollback journals ----------------------------------------------------------------
# SQLite treats "<db>-journal" as an interrupted write to roll back, which a read-only
# connection cannot do ("attempt to write a readonly database").  The app never writes its
# database in place (it builds a new file and swaps it in), so a journal beside it is always
# left over from something else -- and after a swap it would even "roll back" foreign pages
# onto the new file.


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def remove_stray_journal(path: Path, notify: Notify | None = None) -> None:
    journal = journal_path(path)
    if not journal.exists():
        return
    try:
        journal.unlink()
    except OSError as exc:
        raise stray_journal_error(path, exc.strerror) from None
    if notify:
        notify(f"Removed a leftover rollback journal {journal} (the app never writes one).")


def stray_journal_error(path: Path, why: str | None = None) -> InputError:
    """The journal beside ``path`` stops it from opening; tell the user which file to remove."""
    if why:
        return InputError(
            ProblemText(
                "{journal}: a leftover rollback journal stops the model database {path} from "
                "opening; it could not be removed: {reason}; remove it (once no other program "
                "has the database open)",
                journal=str(journal_path(path)),
                path=str(path),
                reason=why,
            )
        )
    return InputError(
        ProblemText(
            "{journal}: a leftover rollback journal stops the model database {path} from "
            "opening; remove it (once no other program has the database open)",
            journal=str(journal_path(path)),
            path=str(path),
        )
    )
