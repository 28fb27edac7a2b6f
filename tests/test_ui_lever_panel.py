"""The lever panel edits the scenario only through undo commands and follows the document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from planner.model.scenario import save_scenario


def test_toggling_a_lever_through_its_switch_edits_the_scenario_with_one_command(window, document):
    row = window.lever_panel.row("tmfc_corridor")
    assert not row.params_box.isEnabled()  # shown, greyed out while the lever is off

    row.switch.click()

    assert document.scenario.levers["tmfc_corridor"].enabled is True
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == f"Switch on {row.title.text()}"
    assert row.params_box.isVisible() and row.params_box.isEnabled()
    assert document.is_dirty and window.isWindowModified()


def test_clicking_the_lever_label_toggles_like_the_check_box(qtbot, window, document):
    row = window.lever_panel.row("e_customs")
    qtbot.mouseClick(row.title, Qt.MouseButton.LeftButton)
    assert document.scenario.levers["e_customs"].enabled is True


def test_a_slider_drag_is_one_undo_step_and_a_second_drag_another(qtbot, window, document):
    row = window.lever_panel.row("tmfc_corridor")
    row.switch.click()
    slider = row.controls["intensity"].slider

    slider.setSliderDown(True)  # emits sliderPressed: a new drag
    for notch in (9, 8, 7, 6, 5):
        slider.setValue(notch)
    qtbot.waitUntil(lambda: document.scenario.levers["tmfc_corridor"].params != {})
    slider.setSliderDown(False)  # emits sliderReleased: the last value lands

    assert document.scenario.levers["tmfc_corridor"].params["intensity"] == 0.5
    assert document.undo_stack.count() == 2  # switch on + one merged drag

    slider.setSliderDown(True)
    slider.setValue(3)
    slider.setSliderDown(False)
    assert document.undo_stack.count() == 3
    assert document.scenario.levers["tmfc_corridor"].params["intensity"] == 0.3

    document.undo_stack.undo()
    assert document.scenario.levers["tmfc_corridor"].params["intensity"] == 0.5
    assert slider.value() == 5  # the widget follows the undo
    document.undo_stack.undo()
    assert "intensity" not in document.scenario.levers["tmfc_corridor"].params


def test_alignment_and_shock_rows_edit_their_parts_of_the_scenario(window, document):
    panel = window.lever_panel
    combo = panel.row("eu", "alignment").combo
    combo.setCurrentIndex(combo.findData("fta"))
    assert document.scenario.alignments == {"eu": "fta"}

    flood = panel.row("bajio_flood", "shock")
    flood.switch.click()
    flood.controls["weeks"].spin.setValue(6)
    assert document.scenario.shock("bajio_flood").params == {"weeks": 6}
    assert document.undo_stack.count() == 3


def test_an_optional_parameter_set_to_none_is_removed(window, document):
    tariff = window.lever_panel.row("us_tariff_non_usmca", "shock")
    tariff.switch.click()
    end = tariff.controls["end_year"]
    assert end.spin.text() == "none"  # no end year: the special first entry
    end.spin.setValue(2030)
    assert document.scenario.shock("us_tariff_non_usmca").params == {"end_year": 2030}
    end.spin.setValue(end.spin.minimum())
    assert "end_year" not in document.scenario.shock("us_tariff_non_usmca").params


def test_undoing_everything_returns_exactly_to_the_opened_scenario(
    qtbot, window, document, tmp_path
):
    opened = (
        document.baseline()
        .replace(name="Opened")
        .set_lever("e_customs", enabled=True, coverage=0.5)
        .set_shock("bajio_flood", True, weeks=2)
    )
    path = tmp_path / "opened.usmca.json"
    save_scenario(opened, path)
    assert document.open(path)
    panel = window.lever_panel
    assert panel.row("e_customs").switch.isChecked()
    assert panel.row("e_customs").controls["coverage"].value() == 0.5
    assert document.undo_stack.count() == 0

    panel.row("e_customs").switch.click()
    panel.row("tmfc_corridor").switch.click()
    panel.row("tmfc_corridor").controls["start_year"].spin.setValue(2030)
    panel.row("bajio_flood", "shock").controls["weeks"].spin.setValue(9)
    panel.row("china", "alignment").combo.setCurrentIndex(1)
    window.lens_combo.setCurrentIndex(2)
    window.name_edit.setText("Renamed")
    window.name_edit.editingFinished.emit()
    assert document.scenario != opened

    while document.undo_stack.canUndo():
        document.undo_stack.undo()

    assert document.scenario == opened
    assert not document.is_dirty
    assert panel.row("e_customs").switch.isChecked()
    assert not panel.row("tmfc_corridor").switch.isChecked()
    assert panel.row("bajio_flood", "shock").controls["weeks"].value() == 2
    assert window.name_edit.text() == "Opened"
    assert window.lens_combo.currentData() == opened.lens


def test_filter_shows_matching_levers_and_ctrl_f_focuses_it(qtbot, window):
    panel = window.lever_panel
    window.find_action.trigger()
    qtbot.waitUntil(panel.filter_box.hasFocus)
    qtbot.keyClicks(panel.filter_box, "corridor")
    assert panel.row("tmfc_corridor").isVisible()
    assert not panel.row("e_customs").isVisible()
    assert not panel.groups["alignment"].isVisible()
    panel.filter_box.clear()
    assert panel.row("e_customs").isVisible() and panel.groups["alignment"].isVisible()


def test_article_levers_are_labelled_unverified_and_info_lists_their_sources(qtbot, window):
    panel = window.lever_panel
    article = panel.row("vocational_ppp")
    assert article.badge.isVisible()
    assert article.badge.text() == "unverified (article)"
    assert not panel.row("tmfc_corridor").badge.isVisible()

    qtbot.mouseClick(article.info_button, Qt.MouseButton.LeftButton)
    assert panel.info_popup.isVisible()
    text = panel.info_popup.browser.toPlainText()
    assert "unverified (article)" in text
    assert "Test article (made up for tests)" in text
    panel.info_popup.close()


def test_lever_cost_is_shown_where_known(window):
    corridor = window.lever_panel.row("tmfc_corridor")
    assert corridor.cost.isVisible()
    assert "2,800" in corridor.cost.text()
    assert not window.lever_panel.row("e_customs").cost.isVisible()


def test_a_toggle_repaints_its_row_but_not_the_group_box_under_it(qtbot, window, document):
    """A row fills its own background: a toggle repaints the row's switch and controls, not
    the group box and the scroll body beneath them as well."""
    panel = window.lever_panel
    row = panel.row("tmfc_corridor", "policy")
    box = panel.groups["policy"]
    body = box.parentWidget()
    qtbot.waitExposed(window)
    for _ in range(5):
        QApplication.processEvents()
    painted: list[QWidget] = []

    class Count(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    counter = Count()
    for widget in (row, box, body):
        widget.installEventFilter(counter)
    try:
        for _ in range(2):
            row.switch.click()
            for _ in range(10):
                QApplication.processEvents()
    finally:
        for widget in (row, box, body):
            widget.removeEventFilter(counter)
    assert row in painted
    assert box not in painted and body not in painted


def test_a_switch_row_holds_no_label_besides_its_own(window):
    """A row's labels are its title, badge and cost (a stray empty one at the row's corner
    repainted with the switch under it)."""
    for row in window.lever_panel.rows.values():
        own = {row.title, row.badge, row.cost}
        labels = row.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly)
        stray = [label for label in labels if label not in own and label.isVisibleTo(row)]
        assert not stray, row.spec.id
