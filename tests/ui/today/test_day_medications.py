"""Medications on the Today view: one click for a medicine in the list, typed ones kept, details."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from coach.core.body.regions import RegionCatalogue
from coach.core.log.entries import DayEntry, MedicationTaken, Medicine
from coach.store.repository import LogRepository
from coach.ui.today.day_medications import MedicationsEditor
from coach.ui.today.today_view import TodayView

NOW = dt.datetime(2026, 3, 14, 8, 5, 42)


def editor(qtbot: QtBot) -> MedicationsEditor:
    widget = MedicationsEditor(now=lambda: NOW)
    qtbot.addWidget(widget)
    widget.set_date(NOW.date())
    widget.set_known([Medicine("ibuprofen 400 mg", as_needed=True), Medicine("naproxen 250 mg")])
    widget.show()
    return widget


def quick_buttons(widget: MedicationsEditor) -> list[QToolButton]:
    return [b for b in widget.quick.findChildren(QToolButton) if b.isVisible()]


def test_one_click_logs_a_dose_of_a_medicine_in_the_list_at_the_time_now(qtbot: QtBot) -> None:
    widget = editor(qtbot)
    buttons = quick_buttons(widget)
    assert [b.text() for b in buttons] == ["+ ibuprofen 400 mg (as needed)", "+ naproxen 250 mg"]
    with qtbot.waitSignal(widget.medications_changed) as changed:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert changed.args == [(MedicationTaken("ibuprofen 400 mg", dt.time(8, 5), True),)]
    widget.set_date(NOW.date() - dt.timedelta(days=1))  # a past day: no time is guessed
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert widget.medications()[1] == MedicationTaken("naproxen 250 mg")


def test_a_dose_can_be_given_a_time_how_it_was_taken_and_how_much_it_helped(
    qtbot: QtBot,
) -> None:
    widget = editor(qtbot)
    widget.set_medications([MedicationTaken("naproxen 250 mg")])
    qtbot.waitUntil(lambda: any(e.isVisible() for e in widget.doses.findChildren(QLineEdit)))
    notices: list[str] = []
    widget.notice.connect(notices.append)
    time = next(e for e in widget.doses.findChildren(QLineEdit) if e.isVisible())
    time.setText("25:00")
    time.editingFinished.emit()
    assert "23:59" in notices[-1]
    assert time.text() == ""
    time.setText("7:30")
    time.editingFinished.emit()
    qtbot.waitUntil(lambda: any(c.isVisible() for c in widget.doses.findChildren(QCheckBox)))
    next(c for c in widget.doses.findChildren(QCheckBox) if c.isVisible()).setChecked(True)
    qtbot.waitUntil(lambda: any(c.isVisible() for c in widget.doses.findChildren(QComboBox)))
    helped = next(c for c in widget.doses.findChildren(QComboBox) if c.isVisible())
    helped.setCurrentIndex(helped.findData(7))
    assert widget.medications() == (MedicationTaken("naproxen 250 mg", dt.time(7, 30), True, 7),)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in widget.doses.findChildren(QToolButton)))
    remove = next(b for b in widget.doses.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert widget.medications() == ()


def test_a_typed_medicine_is_added_and_kept_in_the_list(qtbot: QtBot) -> None:
    widget = editor(qtbot)
    kept: list[Medicine] = []
    widget.medicine_kept.connect(kept.append)
    qtbot.keyClicks(widget.new_name, "  codeine   30 mg ")
    widget.new_as_needed.setChecked(True)
    qtbot.keyClick(widget.new_name, Qt.Key.Key_Return)
    assert kept == [Medicine("codeine 30 mg", as_needed=True)]
    assert widget.medications()[-1] == MedicationTaken("codeine 30 mg", dt.time(8, 5), True)
    assert widget.new_name.text() == ""
    notices: list[str] = []
    widget.notice.connect(notices.append)
    qtbot.keyClicks(widget.new_name, "aspirin | 2")
    widget.add_typed()
    assert notices == ["A medicine cannot contain ';' or '|', got 'aspirin | 2'."]


def test_the_today_view_saves_the_doses_and_the_list(
    qtbot: QtBot, log: LogRepository, catalogue: RegionCatalogue
) -> None:
    today = dt.date.today()
    log.save_medicine(Medicine("paracetamol 1 g"))
    view = TodayView(log, catalogue)
    qtbot.addWidget(view)
    view.show()
    meds = view.form.medications
    qtbot.waitUntil(lambda: len(quick_buttons(meds)) == 1)
    (button,) = quick_buttons(meds)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(meds.new_name, "heat pack")
    qtbot.mouseClick(meds.add_button, Qt.MouseButton.LeftButton)
    assert view.flush()
    stored = log.get_day(today)
    assert stored is not None
    assert [m.name for m in stored.medications] == ["paracetamol 1 g", "heat pack"]
    assert [m.name for m in log.medicines()] == ["paracetamol 1 g", "heat pack"]
    qtbot.waitUntil(lambda: len(quick_buttons(meds)) == 2)
    meds.medicine_dropped.emit("paracetamol 1 g")  # from the button's menu
    assert [m.name for m in log.medicines()] == ["heat pack"]
    assert stored == log.get_day(today)  # the day keeps its doses
    # another day shows its own doses
    log.save_day(DayEntry(today - dt.timedelta(days=1), medications=(MedicationTaken("x"),)))
    assert view.open_day(today - dt.timedelta(days=1))
    assert meds.medications() == (MedicationTaken("x"),)
