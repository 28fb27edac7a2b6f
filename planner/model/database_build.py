"""Building the model database from ``seeds/`` (sqlite-utils), and keeping the default one
current: its start-up status (missing, corrupt or stale) and the rebuild that follows.

The seed CSVs are the truth: every write builds a complete new file beside the old one and
swaps it in with ``os.replace``, so a failed build leaves the previous database (and the
seeds) exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from planner import MODEL_VERSION, paths
from planner.model.database_file import (
    BASE_YEAR,
    META_KEYS,
    Notify,
    connect_read_only,
    default_database_path,
    folder_in_the_way_error,
    is_default_database,
    read_meta,
    remove_stray_journal,
    unwritable_error,
)
from planner.model.domains import seed_problems
from planner.model.seed_loader import (
    SeedError,
    display_name,
    fingerprint_of,
    load_seeds,
    read_seed_files,
    seeds_fingerprint,
)
from planner.model.seed_table import SeedTable
from planner.model.tables import TABLES, Table

_SQL_TYPES = {"text": str, "integer": int, "real": float}


def _creation_order() -> list[Table]:
    """Tables ordered so each one's foreign-key targets exist before it is created."""
    ordered: list[Table] = []
    placed: set[str] = set()
    pending = list(TABLES)
    while pending:
        for table in pending:
            targets = {c.references.split(".")[0] for c in table.columns if c.references}
            if targets - {table.name} <= placed:
                ordered.append(table)
                placed.add(table.name)
                pending.remove(table)
                break
        else:
            raise RuntimeError("tables.py declares a foreign-key cycle")
    return ordered


def write_temp_database(seeds: dict[str, SeedTable], fingerprint: str, folder: Path) -> Path:
    """Write a complete database into a temporary file in ``folder`` and return its path."""
    import sqlite_utils  # slow to import; only building needs it

    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".model-", suffix=".sqlite.tmp", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            db.execute("PRAGMA foreign_keys = ON")  # must be set outside the transaction
            with db.atomic():
                for table in _creation_order():
                    required = {c.name for c in table.columns if c.required}
                    required |= set(table.primary_key)
                    db.table(table.name).create(
                        {c.name: _SQL_TYPES[c.type] for c in table.columns},
                        pk=table.primary_key[0]
                        if len(table.primary_key) == 1
                        else table.primary_key,
                        foreign_keys=[
                            (c.name, *c.references.split("."))
                            for c in table.columns
                            if c.references
                        ],
                        not_null=required,
                    )
                    db.table(table.name).insert_all(seeds[table.name].rows)
                meta = {
                    "model_version": MODEL_VERSION,
                    "seeds_fingerprint": fingerprint,
                    "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "base_year": str(BASE_YEAR),
                }
                db.table("meta").create({"key": str, "value": str}, pk="key")
                db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()])
            dangling = db.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:  # the seed checks should have caught these; never ship such a file
                raise SeedError([f"foreign key check failed: {row}" for row in dangling])
        finally:
            db.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _load_checked(seeds_dir: Path) -> tuple[dict[str, SeedTable], str]:
    files, problems = read_seed_files(seeds_dir)
    displays = {name: display_name(seeds_dir, name) for name in files}
    seeds, found = load_seeds(files, displays)
    problems.extend(found)
    problems.extend(seed_problems(seeds))
    if problems:
        raise SeedError(problems)
    return seeds, fingerprint_of(files)


def build_database(seeds_dir: Path | str | None = None, out_path: Path | str | None = None) -> Path:
    """Build the model database from the seed CSVs; raise SeedError listing every problem.

    Defaults: the shipped seeds folder and ``default_database_path()``.  The old file is
    replaced only once the new one is complete.
    """
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    out_path = Path(out_path) if out_path else default_database_path()
    if out_path.is_dir():
        raise folder_in_the_way_error(out_path)
    seeds, fingerprint = _load_checked(seeds_dir)
    tmp: Path | None = None
    try:
        tmp = write_temp_database(seeds, fingerprint, out_path.parent)
        os.replace(tmp, out_path)
        tmp = None
    except OSError as exc:
        raise unwritable_error(out_path, exc) from None
    finally:
        if tmp is not None:  # a failed swap must not leave a ~0.5 MB temp file per attempt
            tmp.unlink(missing_ok=True)
    if is_default_database(out_path):
        remove_stray_journal(out_path)
    return out_path


@dataclass(frozen=True)
class Status:
    """Why a database needs (re)building: kind is missing, corrupt or stale."""

    kind: str
    reason: str


def database_status(path: Path | str, seeds_dir: Path | str | None = None) -> Status | None:
    """None when the database is usable and built from these seeds; otherwise why not.

    A cheap start-up check (``quick_check`` and the meta table), not the full ``check_database``.
    """
    path = Path(path)
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    if path.is_dir():
        raise folder_in_the_way_error(path)  # "missing" would try to build over the folder
    if not path.is_file():
        return Status("missing", f"there is no model database at {path}")
    try:
        with closing(connect_read_only(path)) as conn:
            quick = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if quick != ["ok"]:
                return Status("corrupt", f"its integrity check failed ({quick[0]})")
            meta = read_meta(conn)
    except sqlite3.DatabaseError as exc:
        return Status("corrupt", f"it is not a readable model database ({exc})")
    if any(not meta.get(k) for k in META_KEYS):
        return Status("corrupt", "its meta table is incomplete")
    if meta["model_version"] != MODEL_VERSION:
        return Status("stale", f"it was built for model version {meta['model_version']}")
    # A bundle without its seeds folder keeps the database it has.
    if seeds_dir.is_dir() and meta["seeds_fingerprint"] != seeds_fingerprint(seeds_dir):
        return Status("stale", "the seeds changed since it was built")
    return None


def _stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr)


def ensure_default_database(
    seeds_dir: Path | str | None = None, notify: Notify | None = None
) -> Path:
    """The default database, built first if missing and rebuilt if corrupt or stale.

    ``notify`` receives one sentence whenever a (re)build happens (default: stderr, so a
    command's stdout stays clean).
    """
    notify = notify or _stderr
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    path = default_database_path()
    remove_stray_journal(path, notify)
    status = database_status(path, seeds_dir)
    if status is None:
        return path
    if status.kind == "missing":
        notify(f"Building the model database {path} from {seeds_dir} (first use).")
    else:
        notify(f"Rebuilding the model database {path}: {status.reason}.")
    return build_database(seeds_dir, path)
