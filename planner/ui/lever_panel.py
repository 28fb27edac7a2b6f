"""The lever panel: policy levers, partner alignments and shocks, generated from the Catalog.

Each row shows a switch (alignments: a depth choice), its parameter controls (greyed out while
the lever is off; they keep their place, so a switch re-lays nothing in the dock, which would
repaint every row below it), its cost where known, an "unverified (article)" badge for levers
known only from the seed article, and an info button with the description and sources.  The
panel edits the scenario only through the document's undo commands, and follows the document's
``scenario_changed`` (undo, redo, open) by setting its widgets with signals blocked.

The rows are ``LeverRow`` widgets (planner/ui/lever_row.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.model.catalog import LeverSpec
from planner.ui.i18n import translate
from planner.ui.lever_info import LeverInfoPopup
from planner.ui.lever_row import LeverRow, _fold

GROUPS = ("policy", "alignment", "shock")


def group_title(group: str) -> str:
    if group == "policy":
        return translate("LeverPanel", "Policy recommendations")
    if group == "alignment":
        return translate("LeverPanel", "Partner alignments")
    return translate("LeverPanel", "Shocks & review outcome")


class _FilterBox(QLineEdit):
    """The lever filter: Esc clears a filter that has text (and is otherwise left alone)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class LeverPanel(QWidget):
    """Filter box plus the three lever groups; talks to a ScenarioDocument."""

    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leverPanel")
        self.document = document
        self.catalog = document.catalog
        self.model = document.model
        self.info_popup = LeverInfoPopup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.filter_box = _FilterBox(self)
        self.filter_box.setObjectName("leverFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.apply_filter)
        layout.addWidget(self.filter_box)
        self.no_match = QLabel(self)
        self.no_match.setVisible(False)
        layout.addWidget(self.no_match)
        scroll = QScrollArea(self)
        # No Tab stop of its own (an empty, unnamed stop): Tab walks the rows, and the
        # scroll area follows the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 4, 0)
        self.groups: dict[str, QGroupBox] = {}
        self.rows: dict[str, LeverRow] = {}  # keyed "<group>/<id>"
        specs: dict[str, dict[str, LeverSpec]] = {
            "policy": self.catalog.levers,
            "alignment": self.catalog.alignment_specs,
            "shock": self.catalog.shocks,
        }
        for group in GROUPS:
            box = QGroupBox(body)
            box.setObjectName(f"group_{group}")
            box_layout = QVBoxLayout(box)
            box_layout.setSpacing(0)
            box_layout.setContentsMargins(4, 4, 4, 4)
            for spec in specs[group].values():
                row = LeverRow(spec, self)
                box_layout.addWidget(row)
                self.rows[f"{group}/{spec.id}"] = row
            self.groups[group] = box
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        # One column of partner combos, as wide as the widest: a tidy column, no clipped text.
        combos = [r.combo for r in self.rows.values() if r.combo is not None]
        for combo in combos:
            combo.setMinimumWidth(max(c.sizeHint().width() for c in combos))
        layout.addWidget(scroll, 1)
        self._retranslate_panel()  # each row set its own texts when it was built
        document.scenario_changed.connect(self.sync)
        self.sync(document.scenario)

    def row(self, lever_id: str, group: str | None = None) -> LeverRow:
        """The row of a lever, alignment partner or shock by id."""
        if group is not None:
            return self.rows[f"{group}/{lever_id}"]
        return next(r for key, r in self.rows.items() if key.split("/", 1)[1] == lever_id)

    def sync(self, scenario: Any) -> None:
        for row in self.rows.values():
            row.sync(scenario)

    def focus_order(self) -> list[QWidget]:
        """The panel's Tab stops as they read: the filter, then every row's."""
        return [self.filter_box, *(w for row in self.rows.values() for w in row.focus_order())]

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def apply_filter(self, text: str = "") -> None:
        folded = _fold(text.strip())
        any_shown = False
        for group, box in self.groups.items():
            shown = [r for key, r in self.rows.items() if key.startswith(group + "/")]
            visible = 0
            for row in shown:
                match = row.matches(folded)
                row.setVisible(match)
                visible += match
            box.setVisible(visible > 0)
            any_shown = any_shown or visible > 0
        self.no_match.setVisible(not any_shown)

    def retranslate_ui(self) -> None:
        for row in self.rows.values():
            row.retranslate()
        self._retranslate_panel()

    def _retranslate_panel(self) -> None:
        """The panel's own texts (filter, groups), then the filter applied to the new texts."""
        self.filter_box.setPlaceholderText(translate("LeverPanel", "Filter levers (Ctrl+F)"))
        self.filter_box.setAccessibleName(translate("LeverPanel", "Filter levers"))
        self.no_match.setText(translate("LeverPanel", "No lever matches the filter."))
        for group, box in self.groups.items():
            box.setTitle(group_title(group).replace("&", "&&"))  # a literal &, no mnemonic
        self.apply_filter(self.filter_box.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
