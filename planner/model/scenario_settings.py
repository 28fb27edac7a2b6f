"""The parts of a scenario file below its top level, as frozen pydantic models: a policy
lever's setting, a shock, the model stamp, the horizon and the uncertainty draws, with the
value types they share (``FrozenDict``, a parameter value, an override key and number).

Their structural checks (types, ranges, unknown fields) run when the file is validated
(``scenario_schema.ScenarioFields``); ``description`` and ``file_form`` say in words what a
field expects, for the problem messages.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    model_validator,
)

from planner.model.problem_text import Number, ProblemText
from planner.model.scenario_wording import OVERRIDE_KEY, found_text

FIRST_YEAR, LAST_YEAR = 2025, 2036  # the simulated years (base year 2024)
MAX_DRAWS = 20_000


class FrozenDict(dict):
    """A dict that refuses changes and can be hashed, so a Scenario is a true value object
    (usable as a cache key for results, safe to share between undo commands)."""

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("scenario mappings are read-only; use the Scenario edit methods")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple:
        return (FrozenDict, (dict(self),))


def check_param_value(value: Any) -> bool | int | float | str:
    """A lever's or shock's parameter value as it is: a bool, an integer, a finite number or
    text of at most 100 characters; anything else raises ValueError."""
    # One error per bad value instead of pydantic's one-per-union-member list.
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        return value
    if isinstance(value, str) and len(value) <= 100:
        return value
    raise ValueError(
        ProblemText(
            "expected {expected}, found {found}",
            expected=ProblemText("a number, true/false or text of at most 100 characters"),
            found=found_text(value),
        )
    )


ParamValue = Annotated[bool | int | float | str, PlainValidator(check_param_value)]
Params = Annotated[dict[str, ParamValue], AfterValidator(FrozenDict)]
OverrideKey = Annotated[str, StringConstraints(pattern=f"^{OVERRIDE_KEY.pattern}$", max_length=120)]
FiniteNumber = Annotated[float, Strict(), AllowInfNan(False)]
FROZEN_CONFIG = ConfigDict(frozen=True, extra="forbid")


class LeverSetting(BaseModel):
    """A policy lever's switch and the parameters the file sets (defaults are not filled in)."""

    model_config = FROZEN_CONFIG
    file_form: ClassVar[str] = ProblemText(
        'an object {{"enabled": true or false, "<parameter>": value, …}}'
    )
    enabled: StrictBool = Field(True, description=ProblemText("true or false"))
    params: Params = Field(default_factory=FrozenDict)


class ShockSetting(BaseModel):
    """One shock in the scenario (present means switched on) and the parameters it sets."""

    model_config = FROZEN_CONFIG
    file_form: ClassVar[str] = ProblemText('an object {{"id": shock id, "<parameter>": value, …}}')
    id: StrictStr = Field(description=ProblemText("a shock id"), max_length=64)
    params: Params = Field(default_factory=FrozenDict)


class ModelStamp(BaseModel):
    """Which model a scenario was made with; an empty fingerprint means not pinned."""

    model_config = FROZEN_CONFIG
    version: StrictStr = Field(
        "", max_length=40, description=ProblemText("a model version such as 2024.1")
    )
    fingerprint: StrictStr = Field(
        "", max_length=100, description=ProblemText('the model fingerprint "sha256:…" or ""')
    )


class Horizon(BaseModel):
    model_config = FROZEN_CONFIG
    start: StrictInt = Field(
        FIRST_YEAR,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description=ProblemText("a year from {first} to {last}", first=FIRST_YEAR, last=LAST_YEAR),
    )
    end: StrictInt = Field(
        LAST_YEAR,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description=ProblemText("a year from {first} to {last}", first=FIRST_YEAR, last=LAST_YEAR),
    )

    @model_validator(mode="after")
    def _start_before_end(self) -> Horizon:
        if self.start > self.end:
            raise ValueError(
                ProblemText(
                    "expected start ≤ end, found start {start} after end {end}",
                    start=self.start,
                    end=self.end,
                )
            )
        return self


class Uncertainty(BaseModel):
    model_config = FROZEN_CONFIG
    draws: StrictInt = Field(
        1000,
        ge=0,
        le=MAX_DRAWS,
        description=ProblemText(
            "an integer from {low} to {high}", low=0, high=Number(MAX_DRAWS, ",")
        ),
    )
    seed: StrictInt = Field(
        7,
        ge=0,
        le=2**32 - 1,
        description=ProblemText("an integer from {low} to {high}", low=0, high=2**32 - 1),
    )
