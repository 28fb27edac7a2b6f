"""Persistent preferences (window state, recent files, language, bands) via QSettings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from planner.paths import user_data_dir

ORGANIZATION = "usmca-planner"
APPLICATION = "planner"
MAX_RECENT = 8


def open_settings() -> QSettings:
    """The app's settings store.

    When PLANNER_DATA_DIR is set (tests, portable installs) the settings live in an INI file
    there, so a test never reads or writes the user's real preferences.
    """
    if os.environ.get("PLANNER_DATA_DIR"):
        return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def recent_files(settings: QSettings) -> list[Path]:
    value = settings.value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(v) for v in (value or []) if v]


def add_recent_file(settings: QSettings, path: Path) -> list[Path]:
    path = path.resolve()
    items = [p for p in recent_files(settings) if p != path]
    items.insert(0, path)
    items = items[:MAX_RECENT]
    settings.setValue("recent_files", [str(p) for p in items])
    return items


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # INI files store booleans as text
        return value.lower() in ("true", "1", "yes")
    return bool(value)
