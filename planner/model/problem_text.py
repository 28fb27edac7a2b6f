"""Problem and warning texts that the interface can show in its own language.

A ``ProblemText`` *is* the English text (a ``str``, exactly what the command line prints and
what the tests compare) and also carries the ``template`` it was made from, with named
``{fields}``, and the ``args`` filled into them.  The model stays Qt-free: the interface
translates the template (context "Problems" of the .ts files) and formats the args into the
translation (``planner.ui.problem_texts``).  An arg that is itself a ProblemText (a fixed
phrase such as "a list […]" or a field's description) is translated the same way; a number
(an ``int`` or ``float`` arg, or a ``Number`` for one written with a format such as
``1,000``) is written with the interface's separators; any other arg (a field path, the
file's own value, an id) is shown as it is.

A template is written as the literal first argument of ``ProblemText(...)``, or marked with
``problem_template(...)`` where it is picked from a table: tests/test_ui_translations_complete.py
finds both forms in the source and fails on a template without its Spanish or French text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class ProblemText(str):
    """The English text of ``template`` with ``args`` filled in, remembering both."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> ProblemText:
        # Always formatted, so that "{{…}}" in an argument-less template reads "{…}".
        text = super().__new__(cls, template.format(**args))
        text.template = template
        text.args = args
        return text

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Any]]:
        # copy and pickle rebuild the text from its template (str's own way passes the text).
        return (self.template,), dict(self.args)


class Number(str):
    """A number as the English text writes it, ``format(value, spec)`` (``1,000`` for
    ``Number(1000, ",")``, ``0.85`` for ``Number(0.85, "g")``), marked as a number so that
    the interface writes it with its own separators.

    A ``str``, so that a text made with it reads exactly as one made with the f-string it
    replaces; use it for an arg formatted with a spec (a plain ``int``/``float`` arg is
    recognised as a number without it).  Copied or unpickled, it is rebuilt from its text
    (``format`` of a str is the str).
    """

    __slots__ = ()

    def __new__(cls, value: int | float | str, spec: str = "") -> Number:
        return super().__new__(cls, format(value, spec))


def problem_template(template: str) -> str:
    """Mark ``template`` for translation where it is stored before it is filled in (the
    counterpart of Qt's QT_TRANSLATE_NOOP); returns it unchanged."""
    return template


def either(choices: Iterable[Any]) -> str:
    """``0 or 1 or 2``: the choices joined by a translatable "or"."""
    result: str | None = None
    for choice in choices:
        value = str(choice)
        result = (
            value
            if result is None
            else ProblemText("{first} or {second}", first=result, second=value)
        )
    return result or ""
