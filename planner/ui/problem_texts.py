"""The problems and warnings of a scenario file in the interface language.

The model writes them in English as ``ProblemText`` (``planner.model.problem_text``): the text
and the template it came from.  Here the template is looked up in the translators' context
"Problems" and the arguments are formatted into the translation, each fixed phrase among them
(itself a ProblemText) translated the same way; field paths, ids and the file's own values
stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from planner.model.problem_text import ProblemText

CONTEXT = "Problems"


def problem_in_language(problem: str) -> str:
    """``problem`` in the interface language; a plain string (a message from outside the
    model, an OS error) as it is."""
    if not isinstance(problem, ProblemText):
        return str(problem)
    translation = QCoreApplication.translate(CONTEXT, problem.template)
    args = {name: problem_in_language(value) for name, value in problem.args.items()}
    try:
        return translation.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation whose placeholders do not match: the English text beats no text.
        return str(problem)


def problems_in_language(problems: Iterable[str]) -> list[str]:
    return [problem_in_language(problem) for problem in problems]
