"""What a scenario may switch: lever, alignment, shock and lens ids with their controls.

Built from the model database (``catalog_from_db`` in ``planner.model.database``) so that
scenario validation names the ids that really exist.  Qt-free, plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParamKind = Literal["number", "integer", "choice", "switch"]


@dataclass(frozen=True)
class ParamSpec:
    """One control of a lever: a number in [minimum, maximum], an integer, or a choice."""

    name: str
    kind: ParamKind
    minimum: float | None = None
    maximum: float | None = None
    default: float | str | bool | None = None
    step: float | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LeverSpec:
    """A policy lever or a shock, with its controls (``params``) keyed by name."""

    id: str
    group: Literal["policy", "alignment", "shock"]
    params: dict[str, ParamSpec]
    labels: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    evidence: str = "literature"
    cost_usd_m: float | None = None
    source_id: str = ""


@dataclass(frozen=True)
class Catalog:
    """Everything a scenario file may name, as read from the model database."""

    levers: dict[str, LeverSpec]  # group == "policy"
    alignments: dict[str, tuple[str, ...]]  # partner id -> allowed values ("none" always)
    shocks: dict[str, LeverSpec]  # group == "shock"
    lenses: tuple[str, ...]
    alignment_specs: dict[str, LeverSpec] = field(default_factory=dict)
