"""One widget per lever parameter, chosen by its ParamSpec kind and range.

- number: a slider for dragging plus a spin box for exact values; slider drags are
  rate-limited (at most one edit per ``SLIDER_INTERVAL_MS``; the last value always lands).
  A share stored as 0..1 shows as a percentage (the spin box works in 0..100 %);
- integer: a spin box (an optional parameter without a default gets a "none" first entry);
- choice: a combo box; switch: a check box.

A control never edits the scenario itself: it emits ``edited(value, merge_key)`` and the lever
panel turns that into an undo command.  ``set_value`` updates the widgets with signals blocked.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSlider,
    QSpinBox,
    QWidget,
)

from planner.model.catalog import ParamSpec

SLIDER_INTERVAL_MS = 40
_NICE_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
NO_VALUE = None  # an optional parameter left unset


def slider_step(spec: ParamSpec) -> float:
    """The value one slider notch moves: the spec's step, else a round step (≤ 120 notches)."""
    if spec.step:
        return float(spec.step)
    span = float((spec.maximum or 0) - (spec.minimum or 0)) or 1.0
    return next((s for s in _NICE_STEPS if span / s <= 120), _NICE_STEPS[-1])


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0


_SHARE_UNITS = ("share", "fraction")


def display_scale(spec: ParamSpec) -> float:
    """How many display units one stored unit is: 100 for a share kept as 0..1, which the
    spin box shows in per cent like the other shares (the scenario keeps 0..1), else 1."""
    low = spec.minimum if spec.minimum is not None else 0.0
    high = spec.maximum if spec.maximum is not None else 1.0
    if spec.unit.strip() in _SHARE_UNITS and low >= 0 and high <= 1:
        return 100.0
    return 1.0


def unit_suffix(unit: str, scale: float = 1.0) -> str:
    """The spin box suffix for a unit: years and plain numbers read without one."""
    unit = unit.strip()
    if unit in ("%", "pct", "percent") or scale == 100.0:
        return " %"
    if unit in ("week", "weeks"):
        return " " + QCoreApplication.translate("ParamControl", "weeks")
    if unit in ("", "year", "years", "share", "fraction", "index"):
        return ""
    return f" {unit}" if len(unit) <= 6 else ""


def number_text(spec: ParamSpec, value: float, locale: QLocale) -> str:
    """``value`` as a number control's spin box shows it in ``locale`` ("100 %" for a
    share of 1.0), for texts that should read like the lever panel (reports)."""
    scale = display_scale(spec)
    decimals = _decimals(slider_step(spec) * scale)
    shown = round(float(value) * scale, decimals) + 0.0  # rounded first: "0.0", never "-0.0"
    return locale.toString(shown, "f", decimals) + unit_suffix(spec.unit, scale)


class ParamControl(QWidget):
    """Base class: ``edited(value, merge_key)`` out, ``set_value(value)`` in."""

    edited = Signal(object, str)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def value(self) -> object:
        """The control's value as the scenario stores it (each kind overrides this)."""
        return None

    def set_value(self, value: object) -> None:
        """Show ``value`` without emitting ``edited`` (each kind overrides this)."""

    def retranslate(self) -> None:
        """Re-set texts and number formats after a language change."""


class NumberControl(ParamControl):
    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._minimum = float(spec.minimum if spec.minimum is not None else 0.0)
        self._maximum = float(spec.maximum if spec.maximum is not None else 1.0)
        self._step = slider_step(spec)
        # The slider counts notches of stored values; the spin box shows stored * scale.
        self._scale = display_scale(spec)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, round((self._maximum - self._minimum) / self._step))
        self.slider.setPageStep(max(1, self.slider.maximum() // 10))
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(_decimals(self._step * self._scale))
        self.spin.setRange(self._minimum * self._scale, self._maximum * self._scale)
        self.spin.setSingleStep(self._step * self._scale)
        self.spin.setSuffix(unit_suffix(spec.unit, self._scale))
        self.spin.setKeyboardTracking(False)  # typed text commits on Enter / focus out
        self.spin.setMinimumWidth(84)
        self._layout.addWidget(self.slider, 1)
        self._layout.addWidget(self.spin)
        self._gesture = 0
        self._pending: float | None = None
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(SLIDER_INTERVAL_MS)
        self._throttle.timeout.connect(self.flush)
        self.slider.sliderPressed.connect(self._new_gesture)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self.flush)
        self.spin.valueChanged.connect(self._spin_changed)

    def _to_value(self, notch: int) -> float:
        return round(self._minimum + notch * self._step, 10)

    def _to_notch(self, value: float) -> int:
        return round((value - self._minimum) / self._step)

    def _stored(self, shown: float) -> float:
        """The scenario's value for the spin box's ``shown`` one (rounded: 30 % is 0.3)."""
        return round(shown / self._scale, 10) if self._scale != 1.0 else float(shown)

    def value(self) -> float:
        return self._stored(self.spin.value())

    def set_value(self, value: object) -> None:
        number = float(value) if value is not None else self._minimum
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.slider.setValue(self._to_notch(number))
            self.spin.setValue(number * self._scale)

    def _new_gesture(self) -> None:
        self._gesture += 1

    def _slider_moved(self, notch: int) -> None:
        value = self._to_value(notch)
        with QSignalBlocker(self.spin):
            self.spin.setValue(value * self._scale)
        self._pending = value
        if self.slider.isSliderDown():
            if not self._throttle.isActive():
                self._throttle.start()
        else:  # keyboard, wheel or a click on the groove: one step, one edit
            self.flush()

    def flush(self) -> None:
        """Send the latest slider value now (on release and when the throttle fires)."""
        self._throttle.stop()
        if self._pending is None:
            return
        value, self._pending = self._pending, None
        self.edited.emit(value, f"slider{self._gesture}")

    def _spin_changed(self, shown: float) -> None:
        value = self._stored(shown)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_notch(value))
        self.edited.emit(value, "spin")

    def retranslate(self) -> None:
        self.spin.setLocale(QLocale())
        self.spin.setSuffix(unit_suffix(self.spec.unit, self._scale))
        self.spin.setValue(self.spin.value())  # re-render with the new decimal separator


class IntegerControl(ParamControl):
    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.optional = spec.default is None and not spec.required
        low = int(spec.minimum if spec.minimum is not None else 0)
        high = int(spec.maximum if spec.maximum is not None else 9999)
        self.spin = QSpinBox(self)
        # An optional value gets one entry below the range that reads "none".
        self.spin.setRange(low - 1 if self.optional else low, high)
        self.spin.setSuffix(unit_suffix(spec.unit))
        self.spin.setKeyboardTracking(False)
        if spec.name.endswith("year"):
            self.spin.setGroupSeparatorShown(False)
        self.spin.setMinimumWidth(84)
        self._layout.addWidget(self.spin)
        self._layout.addStretch(1)
        self.spin.valueChanged.connect(self._changed)
        self.retranslate()

    def value(self) -> int | None:
        if self.optional and self.spin.value() == self.spin.minimum():
            return NO_VALUE
        return int(self.spin.value())

    def set_value(self, value: object) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(self.spin.minimum() if value is None else int(value))

    def _changed(self, _value: int) -> None:
        self.edited.emit(self.value(), "spin")

    def retranslate(self) -> None:
        self.spin.setLocale(QLocale())
        self.spin.setSuffix(unit_suffix(self.spec.unit))
        if self.optional:
            self.spin.setSpecialValueText(QCoreApplication.translate("ParamControl", "none"))


class ChoiceControl(ParamControl):
    def __init__(
        self, spec: ParamSpec, choice_label, parent: QWidget | None = None
    ) -> None:  # choice_label(param, value) -> display text
        super().__init__(spec, parent)
        self._choice_label = choice_label
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for choice in spec.choices:
            self.combo.addItem(choice_label(spec.name, choice), choice)
        self._layout.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(self._changed)

    def value(self) -> str:
        return str(self.combo.currentData())

    def set_value(self, value: object) -> None:
        index = self.combo.findData(value)
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(index, 0))

    def _changed(self, _index: int) -> None:
        self.edited.emit(self.value(), "choice")

    def retranslate(self) -> None:
        for i in range(self.combo.count()):
            self.combo.setItemText(i, self._choice_label(self.spec.name, self.combo.itemData(i)))


class SwitchControl(ParamControl):
    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox(self)
        self._layout.addWidget(self.check)
        self._layout.addStretch(1)
        self.check.toggled.connect(lambda on: self.edited.emit(bool(on), "switch"))

    def value(self) -> bool:
        return self.check.isChecked()

    def set_value(self, value: object) -> None:
        with QSignalBlocker(self.check):
            self.check.setChecked(bool(value))


def make_control(spec: ParamSpec, choice_label, parent: QWidget | None = None) -> ParamControl:
    """The control for ``spec``: by kind, and for numbers by whether a range is known."""
    if spec.kind == "choice":
        return ChoiceControl(spec, choice_label, parent)
    if spec.kind == "switch":
        return SwitchControl(spec, parent)
    if spec.kind == "integer":
        return IntegerControl(spec, parent)
    return NumberControl(spec, parent)
