"""Scenario file I/O (DESIGN §4): the safe JSON reader and the atomic writer.

Reading takes at most ``MAX_FILE_BYTES``, decodes strict UTF-8, refuses duplicate keys,
NaN/Infinity and lone surrogates, and returns plain data; nothing in a file is executed or used
as a path.  Writing goes through a fsynced temp file beside the target, keeps the previous file
as ``NAME.bak`` and replaces the target with ``os.replace``.  Both report problems as
``ScenarioError``; ``planner.model.scenario`` re-exports the public names.
"""

from __future__ import annotations

import collections
import contextlib
import errno
import json
import math
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.errors import InputError
from planner.model.problem_text import Number, ProblemText, problem_template
from planner.model.scenario_wording import found_text, path_text

MAX_FILE_BYTES = 1024 * 1024
_MAX_DEPTH = 32  # a scenario needs 4 levels; the cap keeps the checks below off deep recursion


class ScenarioError(InputError):
    """A scenario file or value that cannot be used; ``problems`` lists every one found."""

    def __init__(self, problems: list[str] | str, warnings: list[str] | tuple = ()) -> None:
        super().__init__(problems)
        self.warnings = list(warnings)


def _too_big(size: int) -> ProblemText:
    return ProblemText(
        "file: expected at most 1 MB ({limit} bytes), found {size} bytes",
        limit=Number(MAX_FILE_BYTES, ","),
        size=Number(size, ","),
    )


# --- reading files ----------------------------------------------------------------------------


class _JsonObject(dict):
    """A parsed JSON object that remembers which keys it saw more than once."""

    repeated: dict[str, int]


class _NonFinite(str):
    """Stands in for NaN, Infinity or an overflowing number so its place can be named."""


def _object_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    counts = collections.Counter(key for key, _ in pairs)
    obj.repeated = {key: n for key, n in counts.items() if n > 1}
    return obj


def _parse_float(text: str) -> float | _NonFinite:
    number = float(text)
    return number if math.isfinite(number) else _NonFinite(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: Any, loc: tuple, problems: list[str]) -> Any:
    """Plain dicts and lists, with every duplicate key, non-finite number and lone surrogate
    reported by its path."""
    where = path_text(loc)  # "(top level)" for ()
    if len(loc) > _MAX_DEPTH:
        problems.append(
            ProblemText(
                "{path}: expected at most {depth} levels of nesting, found more",
                path=where,
                depth=_MAX_DEPTH,
            )
        )
        return None
    if isinstance(value, _NonFinite):
        problems.append(
            ProblemText(
                "{path}: expected a finite number, found {value} (JSON has no NaN or Infinity)",
                path=where,
                value=str(value),
            )
        )
        return None
    if isinstance(value, str):
        if _SURROGATE.search(value):
            problems.append(
                ProblemText(
                    "{path}: expected Unicode text, found an unpaired surrogate escape", path=where
                )
            )
        return value
    if isinstance(value, list):
        return [_clean(item, (*loc, index), problems) for index, item in enumerate(value)]
    if isinstance(value, _JsonObject):
        for key, times in value.repeated.items():
            problems.append(
                ProblemText(
                    "{path}: expected each key once, found {key} {times} times",
                    path=where,
                    key=found_text(key),
                    times=times,
                )
            )
        return {_clean(k, loc, problems): _clean(v, (*loc, k), problems) for k, v in value.items()}
    return value


def read_scenario_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The file's top-level object as plain data, or ScenarioError naming what is wrong."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(
                ProblemText("file: expected a regular file, found a folder or special file")
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ScenarioError(_too_big(info.st_size))
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # the file may grow after stat
    except FileNotFoundError:
        raise ScenarioError(
            ProblemText("file: expected a scenario file at {path}, found nothing", path=str(path))
        ) from None
    except OSError as exc:
        raise ScenarioError(
            ProblemText("file: expected a readable file, found {reason}", reason=exc.strerror)
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(_too_big(len(data)))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            ProblemText(
                "file: expected UTF-8 text, found byte 0x{byte} on line {line} "
                "(re-save the file as UTF-8)",
                byte=f"{data[exc.start]:02x}",
                line=line,
            )
        ) from None
    try:
        raw = json.loads(
            text,
            object_pairs_hook=_object_pairs,
            parse_constant=_NonFinite,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        raise ScenarioError(_json_problem(exc, text)) from None
    except RecursionError:
        raise ScenarioError(
            ProblemText("file: expected JSON of a few levels, found deep nesting")
        ) from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise ScenarioError(
            ProblemText("file: expected JSON numbers of normal size, found a huge one")
        ) from None
    if not isinstance(raw, dict):
        raise ScenarioError(
            ProblemText(
                "file: expected a JSON object {{…}} at the top level, found {found}",
                found=found_text(raw),
            )
        )
    problems: list[str] = []
    clean = _clean(raw, (), problems)
    if problems:
        raise ScenarioError(problems)
    return clean


# json's messages as "found ..." phrases (some end in "at", which the position follows).
_JSON_FOUND = {
    "Unterminated string starting at": problem_template("an unterminated string"),
    "Expecting value": problem_template("a missing or invalid value"),
    "Expecting property name enclosed in double quotes": problem_template(
        "a key missing or not in double quotes"
    ),
    "Expecting ':' delimiter": problem_template("a missing ':'"),
    "Expecting ',' delimiter": problem_template("a missing ','"),
    "Extra data": problem_template("more after the end of the JSON"),
    "Invalid control character at": problem_template("a control character inside a string"),
}


def _json_problem(exc: json.JSONDecodeError, text: str) -> ProblemText:
    """``file: expected JSON, found an unterminated string at line 1, column 60``."""
    if not text.strip():
        return ProblemText("file: the file is empty")
    phrase = _JSON_FOUND.get(exc.msg)
    # A message of json's own that the table lacks stays in json's English.
    found = ProblemText(phrase) if phrase else exc.msg.lower().removesuffix(" at")
    return ProblemText(
        "file: expected JSON, found {found} at line {line}, column {column}",
        found=found,
        line=exc.lineno,
        column=exc.colno,
    )


# --- saving -----------------------------------------------------------------------------------


def backup_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".bak")


def write_text_atomically(target: Path, text: str) -> None:
    """Write ``text`` as UTF-8 atomically: a temp file in the same folder, flushed and fsynced,
    replaces ``target`` with ``os.replace``; the previous file is kept as ``NAME.bak``.  On any
    failure ``target`` is untouched and no temp file is left behind."""
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        raise ScenarioError(
            ProblemText("file: expected text UTF-8 can encode, found an unpaired surrogate")
        ) from None
    if len(payload) > MAX_FILE_BYTES:
        raise ScenarioError(_too_big(len(payload)))
    temps: list[str] = []
    try:
        previous_mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        # Created with the umask's mode (the kernel applies it), never wider than the previous
        # file's: a new document is 0o666 & ~umask, a private file keeps a private backup.
        mode = 0o666 if previous_mode is None else 0o666 & previous_mode
        new_file = _durable_temp(target, lambda out: out.write(payload), temps, mode)
        if previous_mode is not None:
            os.chmod(new_file, previous_mode)  # an edit keeps the file's own mode
            with target.open("rb") as previous:
                backup = _durable_temp(
                    target, lambda out: shutil.copyfileobj(previous, out), temps, mode
                )
            os.replace(backup, backup_path(target))
            temps.remove(backup)
        os.replace(new_file, target)
        temps.remove(new_file)
    except OSError as exc:
        raise ScenarioError(
            ProblemText(
                "file: expected to save {path}, found {reason}",
                path=str(target),
                reason=str(exc.strerror or exc),
            )
        ) from exc
    finally:
        for leftover in temps:
            with contextlib.suppress(OSError):
                os.unlink(leftover)
    _sync_folder(target.parent)


def _durable_temp(target: Path, write: Callable[[Any], object], temps: list[str], mode: int) -> str:
    """A flushed and fsynced temp file beside ``target`` (same folder: os.replace stays atomic),
    created with ``mode`` less the umask (mkstemp's files are always 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(name, flags, mode)
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))
    temps.append(name)
    with os.fdopen(fd, "wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())
    return name


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
