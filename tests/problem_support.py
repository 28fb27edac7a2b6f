"""Shared by the tests of problems shown in the window's language: a stand-in for
``QMessageBox.exec`` that keeps what each box showed, the start-up box's listed lines, and the
templates inside a ProblemText."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from PySide6.QtWidgets import QMessageBox

from planner.model.problem_text import ProblemText
from planner.ui import startup


class MessageBoxes:
    """Stands in for QMessageBox.exec: keeps each box's title, its listed problems (the
    informative text's items, then its count of the rest) and its details (the detailed
    text), one problem a line."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, list[str], list[str]]] = []

    def exec(self, box: QMessageBox) -> int:
        self.seen.append(
            (
                box.windowTitle(),
                listed_lines(box.informativeText()),
                box.detailedText().splitlines(),
            )
        )
        return int(QMessageBox.StandardButton.Ok.value)


def listed_lines(informative: str) -> list[str]:
    """The lines a problems box lists: each item of its HTML list, then any paragraph (the
    count of the problems not listed); plain text line by line."""
    if "<li>" not in informative:
        return informative.splitlines()
    parts = re.findall(r"<li>(.*?)</li>|<p>(.*?)</p>", informative, flags=re.S)
    return [html.unescape(item or paragraph) for item, paragraph in parts]


def record_message_boxes(monkeypatch) -> MessageBoxes:
    """Every QMessageBox.exec from now on is recorded instead of shown."""
    recorder = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.exec(box))
    return recorder


def startup_box_lines(boxes: MessageBoxes, problems: list[str], title: str) -> list[str]:
    """The problems as the window's start-up box lists them (one box, titled ``title``)."""
    startup.report_problems(problems, title, True)
    ((shown_title, lines, _details),) = boxes.seen
    boxes.seen.clear()
    assert shown_title == title
    return lines


def templates(text: str) -> Iterator[str]:
    """The template of a ProblemText and of every ProblemText among its arguments."""
    if isinstance(text, ProblemText):
        yield text.template
        for value in text.args.values():
            yield from templates(value)
