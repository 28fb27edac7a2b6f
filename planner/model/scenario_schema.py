"""The declared schema of a scenario file (``ScenarioFields``) and how it is validated.

Two layers, both run by pydantic so that every problem is reported at once:
- structure (types, ranges, unknown fields) from the frozen models (``ScenarioFields`` below
  and its parts in ``scenario_settings``);
- override keys and ranges, and ids and lever parameters (``scenario_checks``), the latter
  against the ``Catalog`` passed as validation context (``context={"catalog": catalog}``), so
  that a message can list the ids that exist in the model database.
Each problem is rendered as ``field.path: expected ..., found ...`` by
``scenario_wording.problems_from``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StrictStr,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planner.model.problem_text import ProblemText
from planner.model.scenario_checks import catalog_problems, override_problems
from planner.model.scenario_settings import (
    FROZEN_CONFIG,
    FiniteNumber,
    FrozenDict,
    Horizon,
    LeverSetting,
    ModelStamp,
    OverrideKey,
    ShockSetting,
    Uncertainty,
)


class ScenarioFields(BaseModel):
    """Every field of a scenario file except the envelope ("format", "version")."""

    model_config = FROZEN_CONFIG
    name: StrictStr = Field(
        min_length=1,
        max_length=200,
        description=ProblemText("the scenario's name, text of 1 to 200 characters"),
    )
    description: StrictStr = Field(
        "",
        max_length=5000,
        description=ProblemText("text of at most {max_length} characters", max_length="5,000"),
    )
    lens: StrictStr = Field(max_length=64, description=ProblemText("a stakeholder lens id"))
    model: ModelStamp = Field(default_factory=ModelStamp)
    horizon: Horizon = Field(default_factory=Horizon)
    levers: Annotated[dict[str, LeverSetting], AfterValidator(FrozenDict)] = Field(
        default_factory=FrozenDict, max_length=100
    )
    alignments: Annotated[dict[str, StrictStr], AfterValidator(FrozenDict)] = Field(
        default_factory=FrozenDict, max_length=100
    )
    shocks: tuple[ShockSetting, ...] = Field((), max_length=100)
    overrides: Annotated[dict[OverrideKey, FiniteNumber], AfterValidator(FrozenDict)] = Field(
        default_factory=FrozenDict, max_length=1000
    )
    uncertainty: Uncertainty = Field(default_factory=Uncertainty)
    notes: StrictStr = Field(
        "",
        max_length=20_000,
        description=ProblemText("text of at most {max_length} characters", max_length="20,000"),
    )

    @model_validator(mode="wrap")
    @classmethod
    def _check_catalog(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        """Structure first, then override ranges and (with a catalog) ids and parameters
        against it; raise every problem together."""
        catalog = (info.context or {}).get("catalog")
        if not isinstance(data, Mapping):
            return handler(data)
        details: list[dict[str, Any]] = []
        result = None
        try:
            result = handler(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                detail = {
                    key: error[key] for key in ("type", "loc", "input", "ctx") if key in error
                }
                details.append(detail)
        problems = override_problems(data, catalog)
        if catalog is not None:
            problems += catalog_problems(data, catalog)
        for loc, message in problems:
            custom = PydanticCustomError("catalog", "{message}", {"message": message})
            details.append({"type": custom, "loc": loc, "input": None})
        if details:
            raise ValidationError.from_exception_data(cls.__name__, details)  # type: ignore[arg-type]
        return result
