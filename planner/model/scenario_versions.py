"""The scenario file's envelope and versions: the "format" it must name, the current version,
and the migrations that bring an older file's content to it (``migrate``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from planner.model.problem_text import ProblemText, either
from planner.model.scenario_io import ScenarioError
from planner.model.scenario_wording import found_text

FORMAT = "usmca-planner/scenario"
CURRENT_VERSION = 1


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0, the pre-release draft format: the lens was called "stakeholder" and
    "shocks" was an object keyed by shock id.  Malformed parts pass through for the schema."""
    data = dict(data)
    if "stakeholder" in data and "lens" not in data:
        data["lens"] = data.pop("stakeholder")
    shocks = data.get("shocks")
    if isinstance(shocks, Mapping):
        data["shocks"] = [
            {"id": shock_id, **params} if isinstance(params, Mapping) else params
            for shock_id, params in shocks.items()
        ]
    data["version"] = 1
    return data


# MIGRATIONS[n] turns a version-n file's content into version n + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}
SUPPORTED_VERSIONS = (*sorted(MIGRATIONS), CURRENT_VERSION)


def migrate(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Check the envelope and bring the content to the current version.

    Returns the content without "format"/"version" and the warnings (an upgrade is one).
    """
    problems: list[str] = []
    if "format" not in raw:
        problems.append(
            ProblemText(
                'format: expected "{format}", found nothing '
                "(is this a USMCA planner scenario file?)",
                format=FORMAT,
            )
        )
    elif raw["format"] != FORMAT:
        problems.append(
            ProblemText(
                'format: expected "{format}", found {found} '
                "(is this a USMCA planner scenario file?)",
                format=FORMAT,
                found=found_text(raw["format"]),
            )
        )
    version = raw.get("version")
    versions = either(SUPPORTED_VERSIONS)
    if "version" not in raw:
        problems.append(
            ProblemText("version: expected {versions}, found nothing", versions=versions)
        )
    elif isinstance(version, bool) or not isinstance(version, int):
        problems.append(
            ProblemText(
                "version: expected {versions}, found {found}",
                versions=versions,
                found=found_text(version),
            )
        )
    elif version > CURRENT_VERSION:
        problems.append(
            ProblemText(
                "version: expected {versions} (the versions this planner reads), found "
                "{version}: the file comes from a newer planner; update to open it",
                versions=versions,
                version=version,
            )
        )
    elif version not in SUPPORTED_VERSIONS:
        problems.append(
            ProblemText(
                "version: expected {versions}, found {found}", versions=versions, found=version
            )
        )
    if problems:
        raise ScenarioError(problems)
    data = dict(raw)
    for step in range(version, CURRENT_VERSION):
        data = MIGRATIONS[step](data)
    warnings: list[str] = []
    if version < CURRENT_VERSION:
        warnings.append(
            ProblemText(
                "version: expected {current}, found {version}; the file was upgraded on load "
                "and will be saved as version {current}",
                current=CURRENT_VERSION,
                version=version,
            )
        )
    data.pop("format", None)
    data.pop("version", None)
    return data, warnings
