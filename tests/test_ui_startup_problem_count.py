"""The start-up box lists its problems as a bad file's box does: the first dozen, a count of
the rest in the window's language and locale, every one under its details; the command
line's count reads as before."""

from __future__ import annotations

import pytest
from problem_support import MessageBoxes, record_message_boxes

from planner.errors import capped
from planner.model.problem_text import ProblemText
from planner.ui import dialogs, startup
from planner.ui.translations_build import build_translations

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture
def boxes(qapp, monkeypatch) -> MessageBoxes:
    return record_message_boxes(monkeypatch)


def _problems(n: int) -> list[str]:
    return [
        ProblemText("{path}: expected a model database, found no such file", path=f"m{i}.sqlite")
        for i in range(n)
    ]


def test_the_command_line_counts_what_it_leaves_out_as_before():
    problems = [f"p{i}" for i in range(1_250)]
    assert capped(problems, 3)[-1] == "… and 1,247 more problems"
    assert capped(problems[:4], 3)[-1] == "… and 1 more problem"
    assert capped(problems[:3], 3) == problems[:3]


@pytest.mark.parametrize(
    ("lang", "counted"),
    [("en", "… and 1,238 more"), ("fr", "… et 1\u202f238 de plus")],
)
def test_the_start_up_box_counts_the_problems_it_does_not_list(
    boxes, language, capsys, lang, counted
):
    language(lang)
    problems = _problems(1_250)
    startup.report_problems(problems, "title", True)
    ((_title, listed, details),) = boxes.seen
    shown = dialogs.MAX_LISTED_PROBLEMS
    assert len(listed) == shown + 1
    assert listed[-1].replace("\u00a0", "\u202f") == counted
    assert len(details) == len(problems)  # every one, under "Show Details"
    assert capsys.readouterr().err.count("\n") == len(problems)  # stderr keeps them all


def test_a_short_list_is_shown_whole(boxes, language):
    language("es")
    startup.report_problems(_problems(3), "title", True)
    ((_title, listed, details),) = boxes.seen
    assert len(listed) == len(details) == 3
    assert not any("más" in line for line in listed)
