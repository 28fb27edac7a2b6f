"""Where the planner finds its shipped files and keeps the user's files.  No Qt here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "usmca-planner"
# Scenario files end with this; here, not in planner.model.scenario, so that the app's file
# dialogs and autosave can name it without importing the schema (pydantic) before first paint.
SCENARIO_SUFFIX = ".usmca.json"


def bundle_root() -> Path:
    """The folder holding seeds/ and resources/: the source checkout, or a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def user_data_dir() -> Path:
    """Per-user writable folder (model database, autosave, logs); PLANNER_DATA_DIR overrides."""
    override = os.environ.get("PLANNER_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
