"""The declared schema of a scenario, its checks against the model's catalog, and error messages.

Two layers, both run by pydantic so that every problem is reported at once:
- structure (types, ranges, unknown fields) from the frozen models below;
- ids and lever parameters, checked by ``ScenarioFields._check_catalog`` against the
  ``Catalog`` passed as validation context (``context={"catalog": catalog}``), so that a
  message can list the ids that exist in the model database.
Each problem is rendered as ``field.path: expected ..., found ...`` by ``problems_from``.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, ClassVar, get_args, get_origin

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
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planner.model.catalog import (
    REFERENCE_ONLY_KEYS,
    Catalog,
    LeverSpec,
    ParamSpec,
    override_range,
)
from planner.model.problem_text import Number, ProblemText, problem_template

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


def _check_param_value(value: Any) -> bool | int | float | str:
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


ParamValue = Annotated[bool | int | float | str, PlainValidator(_check_param_value)]
Params = Annotated[dict[str, ParamValue], AfterValidator(FrozenDict)]
_OVERRIDE_KEY = re.compile(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+")  # a dotted model path
OverrideKey = Annotated[
    str, StringConstraints(pattern=f"^{_OVERRIDE_KEY.pattern}$", max_length=120)
]
FiniteNumber = Annotated[float, Strict(), AllowInfNan(False)]
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class LeverSetting(BaseModel):
    """A policy lever's switch and the parameters the file sets (defaults are not filled in)."""

    model_config = _FROZEN
    file_form: ClassVar[str] = ProblemText(
        'an object {{"enabled": true or false, "<parameter>": value, …}}'
    )
    enabled: StrictBool = Field(True, description=ProblemText("true or false"))
    params: Params = Field(default_factory=FrozenDict)


class ShockSetting(BaseModel):
    """One shock in the scenario (present means switched on) and the parameters it sets."""

    model_config = _FROZEN
    file_form: ClassVar[str] = ProblemText('an object {{"id": shock id, "<parameter>": value, …}}')
    id: StrictStr = Field(description=ProblemText("a shock id"), max_length=64)
    params: Params = Field(default_factory=FrozenDict)


class ModelStamp(BaseModel):
    """Which model a scenario was made with; an empty fingerprint means not pinned."""

    model_config = _FROZEN
    version: StrictStr = Field(
        "", max_length=40, description=ProblemText("a model version such as 2024.1")
    )
    fingerprint: StrictStr = Field(
        "", max_length=100, description=ProblemText('the model fingerprint "sha256:…" or ""')
    )


class Horizon(BaseModel):
    model_config = _FROZEN
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
    model_config = _FROZEN
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


class ScenarioFields(BaseModel):
    """Every field of a scenario file except the envelope ("format", "version")."""

    model_config = _FROZEN
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


# --- checks of the values -------------------------------------------------------------------


def override_problems(
    data: Mapping[str, Any], catalog: Catalog | None = None
) -> list[tuple[tuple, ProblemText]]:
    """Each override whose key names a reference-only number (``REFERENCE_ONLY_KEYS``: no
    result depends on it), whose key the model does not have (when the catalog lists its keys,
    ``Catalog.override_keys``) or whose value is outside the range its key accepts
    (``catalog.override_range``).

    Checked when a file is read and on every edit, so that ``validate`` and the GUI refuse a
    key or number the engine cannot evaluate; non-numbers and keys that are not dotted paths
    are the structural layer's.
    """
    overrides = data.get("overrides")
    known = catalog.override_keys if catalog is not None else None
    out: list[tuple[tuple, ProblemText]] = []
    for key, value in overrides.items() if isinstance(overrides, Mapping) else ():
        if key in REFERENCE_ONLY_KEYS:
            # Checked with or without a catalog: accepting it would show unchanged results as
            # if the number had been tried.
            message = ProblemText(
                "expected a number the engine computes with, found a reference-only parameter "
                "(kept with its source for reference; no result depends on it)"
            )
            out.append((("overrides", key), message))
            continue
        if known is not None and _is_override_path(key) and key not in known:
            # Keys share long prefixes ("elasticities.autos."), so difflib's default cutoff
            # (0.6) would offer a key for any word; 0.85 still catches a typo, a missing
            # letter or the wrong case (growth.mex).
            by_lower = {k.lower(): k for k in sorted(known)}
            close = difflib.get_close_matches(key.lower(), by_lower, n=1, cutoff=0.85)
            hint = ProblemText(" (did you mean {id}?)", id=by_lower[close[0]]) if close else ""
            message = ProblemText(
                "expected a model number such as elasticities.autos.substitution, "
                "found an unknown key{hint}",
                hint=hint,
            )
            out.append((("overrides", key), message))
            continue  # its range, if a rule matches, would only repeat the mistake
        bounds = override_range(key) if isinstance(key, str) else None
        if bounds is not None and _is_checkable_number(value) and value not in bounds:
            message = ProblemText(
                "expected {expected}, found {found}",
                expected=bounds.expected(),
                found=found_text(value),
            )
            out.append((("overrides", key), message))
    return out


def _is_override_path(key: Any) -> bool:
    # A key the structural layer accepts (OverrideKey); it reports the others.
    return isinstance(key, str) and len(key) <= 120 and bool(_OVERRIDE_KEY.fullmatch(key))


def _is_checkable_number(value: Any) -> bool:
    # NaN, Infinity and integers beyond float range are the structural layer's to report.
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < 10**300
    return isinstance(value, float) and math.isfinite(value)


# --- checks against the catalog -------------------------------------------------------------


def catalog_problems(data: Mapping[str, Any], catalog: Catalog) -> list[tuple[tuple, ProblemText]]:
    """Ids and lever parameters in ``data`` (model form, possibly malformed) against the catalog.

    Malformed parts are skipped here: the structural layer reports them.
    """
    out: list[tuple[tuple, ProblemText]] = []

    def add(loc: tuple, expected: str, found: str | None = None) -> None:
        """``found`` None: the file has nothing there."""
        if found is None:
            message = ProblemText("expected {expected}, found nothing", expected=expected)
        else:
            message = ProblemText(
                "expected {expected}, found {found}", expected=expected, found=found
            )
        out.append((loc, message))

    def unknown(loc: tuple, kind: str, found: str, valid: Mapping | tuple, section: str) -> None:
        names = sorted(valid)
        close = difflib.get_close_matches(found, names, n=1)
        hint: str = ProblemText(" (did you mean {id}?)", id=close[0]) if close else ""
        homes = {"levers": catalog.levers, "shocks": catalog.shocks}
        homes["alignments"] = catalog.alignments
        for home, ids in homes.items():  # an id that is valid in another section: say where
            if home != section and found in ids:
                hint = ProblemText(
                    '{hint}; {id} belongs under "{home}"', hint=hint, id=found, home=home
                )
        expected, unknown_found = _UNKNOWN_ID[kind]
        add(
            loc,
            ProblemText(expected, valid=", ".join(names)),
            ProblemText(unknown_found, found=found_text(found), hint=hint),
        )

    lens = data.get("lens")
    if isinstance(lens, str) and lens not in catalog.lenses:
        unknown(("lens",), "stakeholder lens", lens, catalog.lenses, "lens")
    levers = data.get("levers")
    for lever_id, setting in levers.items() if isinstance(levers, Mapping) else ():
        spec = catalog.levers.get(lever_id)
        if spec is None:
            unknown(("levers", lever_id), "policy lever", lever_id, catalog.levers, "levers")
        else:
            _check_params(("levers", lever_id), spec, _params_of(setting), add)
    alignments = data.get("alignments")
    for partner, value in alignments.items() if isinstance(alignments, Mapping) else ():
        allowed = catalog.alignments.get(partner)
        if allowed is None:
            unknown(
                ("alignments", partner),
                "alignment partner",
                partner,
                catalog.alignments,
                "alignments",
            )
        elif isinstance(value, str) and value not in allowed:
            add(("alignments", partner), _one_of(allowed), found_text(value))
    shocks = data.get("shocks")
    first_at: dict[str, int] = {}
    for index, shock in enumerate(shocks if isinstance(shocks, list | tuple) else ()):
        shock_id = getattr(shock, "id", None) or (
            shock.get("id") if isinstance(shock, Mapping) else None
        )
        spec = catalog.shocks.get(shock_id) if isinstance(shock_id, str) else None
        if isinstance(shock_id, str) and spec is None:
            unknown(("shocks", index, "id"), "shock", shock_id, catalog.shocks, "shocks")
        if spec is None:
            continue
        if shock_id in first_at:
            add(
                ("shocks", index, "id"),
                ProblemText("each shock at most once"),
                ProblemText(
                    "{id} again (first at shocks[{first}])",
                    id=found_text(shock_id),
                    first=first_at[shock_id],
                ),
            )
        first_at.setdefault(shock_id, index)
        _check_params(("shocks", index), spec, _params_of(shock), add)
    return out


# kind -> (what was expected, what was found) for an id the catalog does not know.
_UNKNOWN_ID = {
    "stakeholder lens": (
        problem_template("a stakeholder lens id (valid: {valid})"),
        problem_template("unknown stakeholder lens {found}{hint}"),
    ),
    "policy lever": (
        problem_template("a policy lever id (valid: {valid})"),
        problem_template("unknown policy lever {found}{hint}"),
    ),
    "alignment partner": (
        problem_template("an alignment partner id (valid: {valid})"),
        problem_template("unknown alignment partner {found}{hint}"),
    ),
    "shock": (
        problem_template("a shock id (valid: {valid})"),
        problem_template("unknown shock {found}{hint}"),
    ),
}


def _one_of(choices: Iterable[str]) -> ProblemText:
    return ProblemText("one of {choices}", choices=", ".join(choices))


def _params_of(setting: Any) -> Mapping[str, Any]:
    if isinstance(setting, LeverSetting | ShockSetting):
        return setting.params
    params = setting.get("params") if isinstance(setting, Mapping) else None
    return params if isinstance(params, Mapping) else {}


def _check_params(loc: tuple, spec: LeverSpec, params: Mapping[str, Any], add: Any) -> None:
    for name, value in params.items():
        param = spec.params.get(name)
        if param is None and spec.params:
            add(
                (*loc, "params", name),
                ProblemText(
                    "a parameter of {id} (valid: {valid})", id=spec.id, valid=", ".join(spec.params)
                ),
                ProblemText("unknown parameter {name}", name=found_text(name)),
            )
        elif param is None:
            add(
                (*loc, "params", name),
                ProblemText(
                    'only "enabled" ({id} is an on/off switch without parameters)', id=spec.id
                ),
                found_text(name),
            )
        elif _is_scalar(value) and not _fits(param, value):
            add((*loc, "params", name), expected_value(param), found_text(value))
    for name, param in spec.params.items():
        if param.required and name not in params:
            add(
                (*loc, "params", name),
                ProblemText("{expected} (required)", expected=expected_value(param)),
            )
    if "start_year" in spec.params and "end_year" in spec.params:
        start = params.get("start_year", spec.params["start_year"].default)
        end = params.get("end_year")
        if _fits(spec.params["end_year"], end) and isinstance(start, int) and end < start:
            add(
                (*loc, "params", "end_year"),
                ProblemText("a year ≥ start_year ({start})", start=start),
                str(end),
            )


def _is_scalar(value: Any) -> bool:
    """Values the structural layer accepts; the rest it reports, so they are not repeated."""
    try:
        _check_param_value(value)
    except ValueError:
        return False
    return True


def _fits(param: ParamSpec, value: Any) -> bool:
    if param.kind == "switch":
        return isinstance(value, bool)
    if param.kind == "choice":
        return isinstance(value, str) and value in param.choices
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if param.kind == "integer" and not isinstance(value, int):
        return False
    low_ok = param.minimum is None or value >= param.minimum
    return low_ok and (param.maximum is None or value <= param.maximum)


def expected_value(param: ParamSpec) -> ProblemText:
    """What a parameter accepts, in words: "an integer from 2026 to 2036"."""
    if param.kind == "switch":
        return ProblemText("true or false")
    if param.kind == "choice":
        return _one_of(param.choices)
    low = None if param.minimum is None else Number(param.minimum, "g")
    high = None if param.maximum is None else Number(param.maximum, "g")
    # Whole phrases, not "{what} from …": a translation declines "integer" and "number" apart.
    if param.kind == "integer":
        if low is not None and high is not None:
            return ProblemText("an integer from {low} to {high}", low=low, high=high)
        if low is not None:
            return ProblemText("an integer ≥ {low}", low=low)
        if high is not None:
            return ProblemText("an integer ≤ {high}", high=high)
        return ProblemText("an integer")
    if low is not None and high is not None:
        return ProblemText("a number from {low} to {high}", low=low, high=high)
    if low is not None:
        return ProblemText("a number ≥ {low}", low=low)
    if high is not None:
        return ProblemText("a number ≤ {high}", high=high)
    return ProblemText("a number")


# --- messages ---------------------------------------------------------------------------------

_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_\-]+")
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# pydantic's error type -> a ProblemText template, filled in with the error's context.
_EXPECTED_BY_TYPE = {
    "float_type": problem_template("a number"),
    "int_type": problem_template("an integer"),
    "string_type": problem_template("text (a JSON string)"),
    "bool_type": problem_template("true or false"),
    "dict_type": problem_template("an object {{…}}"),
    "model_type": problem_template("an object {{…}}"),
    "model_attributes_type": problem_template("an object {{…}}"),
    "list_type": problem_template("a list […]"),
    "tuple_type": problem_template("a list […]"),
    "finite_number": problem_template("a finite number"),
    "string_too_long": problem_template("text of at most {max_length} characters"),
    "string_too_short": problem_template("text of at least {min_length} character(s)"),
    "too_long": problem_template("at most {max_length} entries"),
    "greater_than_equal": problem_template("a value ≥ {ge}"),
    "less_than_equal": problem_template("a value ≤ {le}"),
    "string_pattern_mismatch": problem_template("text matching {pattern}"),
}


def quote(text: str, limit: int = 60) -> str:
    """JSON-quote ``text`` on one line (no character that splits lines), shortened to ``limit``."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    quoted = json.dumps(shown, ensure_ascii=False)
    for char, escape in _LINE_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def found_text(value: Any) -> str:
    """A file value as a message shows it: "true", "2027.5", '"fta"', "a list"."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value) if abs(value) < 10**30 else ProblemText("a very large integer")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, Mapping):
        return ProblemText("an object {{…}}")
    if isinstance(value, list | tuple):
        return ProblemText("a list […]")
    return type(value).__name__


def path_text(loc: tuple) -> str:
    """``("shocks", 1, "params", "weeks")`` -> ``shocks[1].weeks``; odd keys are quoted."""
    text = ""
    for index, segment in enumerate(loc):
        if segment == "[key]" or (
            index == 2 and segment == "params" and loc[0] in ("levers", "shocks")
        ):
            continue  # file form: a setting's parameters sit beside "enabled" / "id"
        if isinstance(segment, int):
            text += f"[{segment}]"
        elif index == 1 and loc[0] == "overrides" and _OVERRIDE_KEY.fullmatch(segment):
            text += f".{segment}"  # a dotted key reads as the model path it names
        elif _PLAIN_SEGMENT.fullmatch(segment) and len(segment) <= 60:
            text += ("." if text else "") + segment
        else:
            text += f"[{quote(segment)}]"
    return text or ProblemText("(top level)")


def problems_from(error: ValidationError, root: type[BaseModel]) -> list[str]:
    """One ``path: expected ..., found ...`` line per error, in file order as pydantic gives.

    Each line is a ``ProblemText`` (the interface shows it in its own language)."""
    lines: list[str] = []
    for item in error.errors(include_url=False):
        loc, kind = tuple(item["loc"]), item["type"]
        path = path_text(loc)
        if kind in ("catalog", "value_error"):
            message = _raised_message(item)
        elif kind == "extra_forbidden":
            message = ProblemText(
                "expected one of the fields {fields}, found unknown field {found}",
                fields=", ".join(_model_at(root, loc[:-1]).model_fields),
                found=found_text(str(loc[-1])),
            )
        elif loc and loc[-1] == "[key]":
            message = ProblemText(
                "expected a dotted parameter path such as elasticities.autos.substitution, "
                "found {found}",
                found=found_text(item["input"]),
            )
        else:
            template = _EXPECTED_BY_TYPE.get(kind)
            expected = (
                _description(root, loc)
                or (template and ProblemText(template, **item.get("ctx", {})))
                or item["msg"]  # a check without words of ours: pydantic's English
            )
            if kind == "missing":
                message = ProblemText(
                    "expected {expected}, found nothing (the field is missing)", expected=expected
                )
            else:
                message = ProblemText(
                    "expected {expected}, found {found}",
                    expected=expected,
                    found=found_text(item["input"]),
                )
        lines.append(ProblemText("{path}: {message}", path=path, message=message))
    return lines


def _raised_message(item: Mapping[str, Any]) -> str:
    """The message a check of ours raised: the ProblemText itself where pydantic kept it (in
    the error's context), else pydantic's text of it."""
    context = item.get("ctx") or {}
    raised = context.get("message", context.get("error"))
    if isinstance(raised, ValueError) and raised.args:
        raised = raised.args[0]
    if isinstance(raised, ProblemText):
        return raised
    return item["msg"].removeprefix("Value error, ")


def _walk(root: type[BaseModel], loc: tuple) -> tuple[Any, Any]:
    """The type at ``loc`` and the FieldInfo that declared it (None inside a dict or list)."""
    kind: Any = root
    info = None
    for segment in loc:
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            info = kind.model_fields.get(str(segment))
            if info is None:
                return None, None
            kind = info.annotation
        elif get_origin(kind) in (dict, tuple):
            args = get_args(kind)
            kind, info = (args[1] if get_origin(kind) is dict else args[0]), None
        else:
            return None, None
    return kind, info


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel]:
    kind, _ = _walk(root, loc)
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else root


def _description(root: type[BaseModel], loc: tuple) -> str | None:
    kind, info = _walk(root, loc)
    if info is not None and info.description:
        return info.description
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        if hasattr(kind, "file_form"):
            return kind.file_form
        required = [name for name, field in kind.model_fields.items() if field.is_required()]
        fields = ", ".join(kind.model_fields)
        if required:
            return ProblemText(
                "an object with the fields {fields}; {required} required",
                fields=fields,
                required=", ".join(required),
            )
        return ProblemText("an object with the fields {fields}", fields=fields)
    return None
