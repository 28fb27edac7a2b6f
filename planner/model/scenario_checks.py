"""The checks of a scenario's values that no field type expresses: each override's key and
range (``override_problems``), and the ids and lever parameters against the model's catalog
(``catalog_problems``).

Both take the file's data in model form, possibly malformed, and skip what the structural
layer (``scenario_settings``, ``scenario_schema``) reports.  Each problem is a
``(location, ProblemText)`` pair that ``ScenarioFields`` raises with the structural ones.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from typing import Any

from planner.model.catalog import (
    REFERENCE_ONLY_KEYS,
    Catalog,
    LeverSpec,
    ParamSpec,
    override_range,
)
from planner.model.problem_text import Number, ProblemText, problem_template
from planner.model.scenario_settings import LeverSetting, ShockSetting, check_param_value
from planner.model.scenario_wording import OVERRIDE_KEY, found_text

# --- checks of the values -------------------------------------------------------------------


def unknown_override_message(key: str, known: Iterable[str]) -> ProblemText:
    """The refusal of an ``overrides`` key the model does not have, with the nearest known
    key when one is close (validation and the engine say the same)."""
    # Keys share long prefixes ("elasticities.autos."), so difflib's default cutoff (0.6)
    # would offer a key for any word; 0.85 still catches a typo, a missing letter or the
    # wrong case (growth.mex).
    by_lower = {k.lower(): k for k in sorted(known)}
    close = difflib.get_close_matches(key.lower(), by_lower, n=1, cutoff=0.85)
    hint = ProblemText(" (did you mean {id}?)", id=by_lower[close[0]]) if close else ""
    return ProblemText(
        "expected a model number such as elasticities.autos.substitution, "
        "found an unknown key{hint}",
        hint=hint,
    )


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
            out.append((("overrides", key), unknown_override_message(key, known)))
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
    return isinstance(key, str) and len(key) <= 120 and bool(OVERRIDE_KEY.fullmatch(key))


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
        check_param_value(value)
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
