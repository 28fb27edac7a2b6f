"""The problems and warnings of a scenario file in the interface language.

The model writes them in English as ``ProblemText`` (``planner.model.problem_text``): the text
and the template it came from.  Here the template is looked up in the translators' context
"Problems" and the arguments are formatted into the translation, each fixed phrase among them
(itself a ProblemText) translated the same way and each number written with the separators
of the interface's locale; field paths, ids and the file's own values stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from planner.model.problem_text import Number, ProblemText
from planner.ui.i18n import current_locale

CONTEXT = "Problems"


def problem_in_language(problem: str) -> str:
    """``problem`` in the interface language; a plain string (a message from outside the
    model, an OS error) as it is."""
    if not isinstance(problem, ProblemText):
        return str(problem)
    return _translated(problem, current_locale())


def _translated(problem: ProblemText, locale: QLocale) -> str:
    translation = QCoreApplication.translate(CONTEXT, problem.template)
    args = {name: _arg_in_language(value, locale) for name, value in problem.args.items()}
    try:
        return translation.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation whose named fields do not match: the English text beats no text.
        return str(problem)


def _arg_in_language(value: Any, locale: QLocale) -> str:
    if isinstance(value, ProblemText):
        return _translated(value, locale)
    if isinstance(value, Number | int | float) and not isinstance(value, bool):
        return number_in_locale(str(value), locale)
    return str(value)


def number_in_locale(english: str, locale: QLocale) -> str:
    """A number as the English text writes it (``1,000.5``, ``-0.85``, ``1e-05``) with the
    group separator, decimal point and minus sign of ``locale``: the same digits, so a
    translated problem names the very number the English one does."""
    # Swapped in one pass: "," becoming "." must not then become the decimal comma.
    return english.translate(
        {
            ord(","): locale.groupSeparator(),
            ord("."): locale.decimalPoint(),
            ord("-"): locale.negativeSign(),
        }
    )


def problems_in_language(problems: Iterable[str]) -> list[str]:
    return [problem_in_language(problem) for problem in problems]
