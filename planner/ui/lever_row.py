"""A lever panel's row: one policy lever, partner alignment or shock, and the helpers that
read and set that lever's part of a scenario.

Built by ``LeverPanel`` (planner/ui/lever_panel.py), which it reaches for the document, the
model and the info popup; kept apart so each file stays one room.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.catalog import LeverSpec
from planner.ui.focus_order import focus_stops
from planner.ui.i18n import translate
from planner.ui.labels import choice_label, lever_description, lever_label, param_label
from planner.ui.lever_info import unverified_text
from planner.ui.param_controls import ParamControl, make_control

if TYPE_CHECKING:
    from planner.ui.lever_panel import LeverPanel


def _fold(text: str) -> str:
    """Lower case without accents, so "region" finds "Región" and "régional"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lever_state(scenario: Any, spec: LeverSpec) -> tuple[bool, dict[str, Any]]:
    """(switched on, parameters with the catalog's defaults filled in) for a lever or shock."""
    params = {n: p.default for n, p in spec.params.items() if p.default is not None}
    if spec.group == "policy":
        setting = scenario.levers.get(spec.id)
        enabled = bool(setting is not None and setting.enabled)
        if setting is not None:
            params.update(setting.params)
        return enabled, params
    shock = next((s for s in scenario.shocks if s.id == spec.id), None)
    if shock is not None:
        params.update(shock.params)
    return shock is not None, params


def with_param(scenario: Any, spec: LeverSpec, name: str, value: Any) -> Any:
    """``scenario`` with one parameter of a lever or shock set; None removes it (the default,
    or for an optional parameter such as a shock's end year, no value, applies)."""
    if spec.group == "policy":
        return scenario.set_lever(spec.id, **{name: value})
    return scenario.set_shock(spec.id, True, **{name: value})


class _ClickableLabel(QLabel):
    """A word-wrapping label that toggles its check box when clicked (like a check box text)."""

    def __init__(self, buddy: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buddy = buddy
        self.setWordWrap(True)
        self.setBuddy(buddy)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._buddy.isEnabled():
            self._buddy.click()
        super().mousePressEvent(event)


class LeverRow(QFrame):
    """One lever, alignment partner or shock."""

    def __init__(self, spec: LeverSpec, panel: LeverPanel) -> None:
        super().__init__(panel)
        self.spec = spec
        self._panel = panel
        self.setObjectName("leverRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The row fills its own background (the window colour, the same the group box shows
        # through), so a toggle that repaints the row's switch and controls does not repaint
        # the group box and the scroll body under them as well.
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(2)
        header = QHBoxLayout()
        header.setSpacing(6)
        self.switch: QCheckBox | None = None
        self.combo: QComboBox | None = None
        self.title: QLabel
        # The name and, under it, the "unverified (article)" badge: beside the name the badge
        # would leave it a third of the dock and break it over three lines.
        title_column = QVBoxLayout()
        title_column.setSpacing(1)
        if spec.group == "alignment":
            self.title = QLabel(self)
            self.title.setWordWrap(True)
            self.combo = QComboBox(self)
            self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for value in panel.catalog.alignments.get(spec.id, ("none",)):
                self.combo.addItem(choice_label(value, panel.model), value)
            self.combo.currentIndexChanged.connect(self._alignment_chosen)
            self.title.setBuddy(self.combo)
            header.addLayout(title_column, 1)
            header.addWidget(self.combo)
        else:
            self.switch = QCheckBox(self)
            self.switch.toggled.connect(self._switched)
            self.title = _ClickableLabel(self.switch, self)
            header.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignTop)
            header.addLayout(title_column, 1)
        self.badge = QLabel(self)
        self.badge.setObjectName("unverifiedBadge")
        self.badge.setVisible(spec.evidence == "article")
        title_column.addWidget(self.title)
        title_column.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.info_button = QToolButton(self)
        self.info_button.setObjectName("infoButton")
        self.info_button.setText("i")
        self.info_button.setAutoRaise(True)
        self.info_button.clicked.connect(self.show_info)
        header.addWidget(self.info_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.cost = QLabel(self)
        self.cost.setObjectName("leverCost")
        self.cost.setVisible(spec.cost_usd_m is not None)
        outer.addWidget(self.cost)
        self.controls: dict[str, ParamControl] = {}
        self._shown: tuple[bool, dict[str, Any]] | None = None  # the state ``sync`` last set
        self._source: Any = None  # the scenario's setting that state was read from
        self._param_labels: dict[str, QLabel] = {}
        self.params_box = QWidget(self)
        form = QFormLayout(self.params_box)
        form.setContentsMargins(24, 0, 0, 2)
        form.setVerticalSpacing(2)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their controls: the dock is narrow and sliders need the width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        if spec.group != "alignment":
            for name, pspec in spec.params.items():
                control = make_control(pspec, self._choice_text, self.params_box)
                control.edited.connect(
                    lambda value, how, name=name: self._param_edited(name, value, how)
                )
                label = QLabel(self.params_box)
                label.setBuddy(control)
                form.addRow(label, control)
                self.controls[name] = control
                self._param_labels[name] = label
        self.params_box.setVisible(bool(self.controls))
        self.params_box.setEnabled(False)  # until the lever is on (see ``sync``)
        outer.addWidget(self.params_box)
        self.retranslate()

    # ----- view <- scenario --------------------------------------------------------------
    def sync(self, scenario: Any) -> None:
        """Show ``scenario``'s state for this lever without emitting edits."""
        # An edit replaces only the setting it changes; the others are the very same objects
        # (or values), so most rows can tell at once that there is nothing to show anew.
        source = self._setting_in(scenario)
        if self._shown is not None and source is self._source:
            return
        self._source = source
        if self.combo is not None:
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(max(self.combo.findData(source), 0))
            self._shown = (True, {})
            return
        enabled, params = lever_state(scenario, self.spec)
        state = (enabled, params)
        if state == self._shown:
            return  # an edit of another lever: nothing to set here
        self._shown = state
        with QSignalBlocker(self.switch):
            self.switch.setChecked(enabled)
        for name, control in self.controls.items():
            control.set_value(params.get(name))
        self.params_box.setEnabled(enabled)

    def _setting_in(self, scenario: Any) -> Any:
        """This row's part of ``scenario``: its alignment value, lever setting or shock."""
        if self.combo is not None:
            return scenario.alignments.get(self.spec.id, "none")
        if self.spec.group == "policy":
            return scenario.levers.get(self.spec.id)
        return next((s for s in scenario.shocks if s.id == self.spec.id), None)

    def matches(self, folded_text: str) -> bool:
        if not folded_text:
            return True
        haystack = " ".join((self.spec.id, lever_label(self.spec), lever_description(self.spec)))
        return folded_text in _fold(haystack)

    # ----- scenario <- view --------------------------------------------------------------
    def _switched(self, on: bool) -> None:
        scenario = self._panel.document.scenario
        if self.spec.group == "policy":
            new = scenario.set_lever(self.spec.id, enabled=on)
        else:
            new = scenario.set_shock(self.spec.id, on)
        spec = self.spec

        def text() -> str:
            words = (
                translate("LeverPanel", "Switch on {lever}")
                if on
                else translate("LeverPanel", "Switch off {lever}")
            )
            return words.format(lever=lever_label(spec))

        self._panel.document.edit(new, text)

    def _param_edited(self, name: str, value: Any, how: str) -> None:
        scenario = self._panel.document.scenario
        new = with_param(scenario, self.spec, name, value)
        spec = self.spec

        def text() -> str:
            return translate("LeverPanel", "Set {param} of {lever}").format(
                param=param_label(spec.params[name]), lever=lever_label(spec)
            )

        key = f"{self.spec.group}/{self.spec.id}/{name}/{how}"
        self._panel.document.edit(new, text, merge_key=key)

    def _alignment_chosen(self, _index: int) -> None:
        value = str(self.combo.currentData())
        new = self._panel.document.scenario.set_alignment(self.spec.id, value)
        spec, model = self.spec, self._panel.model

        def text() -> str:
            return translate("LeverPanel", "Alignment with {partner}: {value}").format(
                partner=lever_label(spec), value=choice_label(value, model)
            )

        # Arrow keys step a combo through every depth on the way: one undo step for the run.
        self._panel.document.edit(new, text, merge_key=f"alignment/{spec.id}")

    def show_info(self) -> None:
        popup = self._panel.info_popup
        popup.show_for(
            self.spec,
            self._panel.model,
            self.info_button.mapToGlobal(self.info_button.rect().bottomLeft()),
            origin=self.info_button,
        )

    def focus_order(self) -> list[QWidget]:
        """The row's Tab stops as they read: switch or combo, info button, parameters."""
        first = self.switch if self.switch is not None else self.combo
        return [first, self.info_button, *focus_stops(self.params_box)]

    # ----- texts -------------------------------------------------------------------------
    def _choice_text(self, _param: str, value: str) -> str:
        return choice_label(value, self._panel.model)

    def retranslate(self) -> None:
        label = lever_label(self.spec)
        self.title.setText(label)
        # A screen reader names the switch or combo by the lever and reads what it does.
        about = lever_description(self.spec)
        if self.spec.evidence == "article":  # the badge shows
            about = f"{about} ({unverified_text()})" if about else unverified_text()
        if self.switch is not None:
            self.switch.setAccessibleName(label)
            self.switch.setAccessibleDescription(about)
        if self.combo is not None:
            self.combo.setAccessibleName(label)
            self.combo.setAccessibleDescription(about)
            for i in range(self.combo.count()):
                self.combo.setItemText(i, choice_label(self.combo.itemData(i), self._panel.model))
        self.badge.setText(unverified_text())
        self.badge.setToolTip(
            translate("LeverPanel", "Known only from the seed article; not confirmed by a source")
        )
        self.info_button.setToolTip(translate("LeverPanel", "Description and sources"))
        self.info_button.setAccessibleName(
            translate("LeverPanel", "About {lever}").format(lever=label)
        )
        self.setToolTip(lever_description(self.spec))
        if self.spec.cost_usd_m is not None:
            cost = QLocale().toString(float(self.spec.cost_usd_m), "f", 0)
            self.cost.setText(translate("LeverPanel", "Cost: USD {cost} m").format(cost=cost))
        for name, control in self.controls.items():
            param = param_label(self.spec.params[name])
            self._param_labels[name].setText(param)
            control.retranslate()
            # The label's buddy is the control's container, which a screen reader never
            # lands on: its slider and spin box carry the name themselves.
            named = translate("LeverPanel", "{param} — {lever}").format(param=param, lever=label)
            for stop in focus_stops(control):
                stop.setAccessibleName(named)
