"""Persistent preferences (window state, recent files, language, bands) via QSettings."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from planner.paths import user_data_dir

ORGANIZATION = "usmca-planner"
APPLICATION = "planner"
MAX_RECENT = 8

log = logging.getLogger(__name__)


def open_settings() -> QSettings:
    """The app's settings store.

    When PLANNER_DATA_DIR is set (tests, portable installs) the settings live in an INI file
    there, so a test never reads or writes the user's real preferences.
    """
    if os.environ.get("PLANNER_DATA_DIR"):
        return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def read_value(settings: QSettings, key: str, default: Any = None) -> Any:
    """``settings.value(key, default)``, or ``default`` when the stored value cannot be read
    (a damaged settings file must never stop the app)."""
    try:
        value = settings.value(key, default)
    except Exception:  # PySide raises for some stored types it cannot convert
        log.warning("ignoring the unreadable setting %s", key, exc_info=True)
        return default
    return default if value is None else value


def recent_files(settings: QSettings) -> list[Path]:
    """The recent files, newest first; entries that are not file paths are ignored."""
    value = read_value(settings, "recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []  # another type (a byte array, a number): a damaged entry
    return [Path(v) for v in value if _is_path_text(v)]


def _is_path_text(value: Any) -> bool:
    # A NUL byte is no part of any path: os functions raise ValueError for it.
    return isinstance(value, str) and bool(value) and "\0" not in value


def add_recent_file(settings: QSettings, path: Path) -> list[Path]:
    path = path.resolve()
    items = [p for p in recent_files(settings) if p != path]
    items.insert(0, path)
    items = items[:MAX_RECENT]
    settings.setValue("recent_files", [str(p) for p in items])
    return items


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no setting; ``default`` for a value that is neither."""
    value = read_value(settings, key, default)
    if isinstance(value, str):  # INI files store booleans as text
        text = value.strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no", ""):
            return False
        return default
    if isinstance(value, (bool, int)):
        return bool(value)
    return default


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    """A text setting; ``default`` for a value of another type."""
    value = read_value(settings, key, default)
    return value if isinstance(value, str) else default
