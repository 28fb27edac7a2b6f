"""How a scenario file's problems are worded: a file value as a message shows it
(``found_text``, ``quote``), a field's place in the file (``path_text``), and one
``path: expected ..., found ...`` line per pydantic error (``problems_from``).

Also the form of an override key, a dotted model path (``OVERRIDE_KEY``), which
``path_text`` writes unquoted.  Each line is a ``ProblemText``: the interface shows it in its
own language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from planner.model.problem_text import ProblemText, problem_template

OVERRIDE_KEY = re.compile(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+")  # a dotted model path

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
        elif index == 1 and loc[0] == "overrides" and OVERRIDE_KEY.fullmatch(segment):
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
