"""What the desk's lists filter with: a day chooser that stays off until "Only the day" is
ticked, and a drop-down whose first choice is "all" and whose other choices are replaced as the
store changes, keeping the one chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit


def day_filter() -> tuple[QCheckBox, QDateEdit]:
    """ "Only the day" and the day, off until it is ticked."""
    one_day = QCheckBox(QCoreApplication.translate("Desk", "Only the day"))
    day = QDateEdit(QDate.currentDate())
    day.setCalendarPopup(True)
    day.setAccessibleName(QCoreApplication.translate("Desk", "Day"))
    day.setEnabled(False)
    one_day.toggled.connect(day.setEnabled)
    return one_day, day


def chosen_day(one_day: QCheckBox, day: QDateEdit) -> dt.date | None:
    chosen = day.date().toPython() if one_day.isChecked() else None
    return chosen if isinstance(chosen, dt.date) else None


def set_choices(combo: QComboBox, values: Sequence[str]) -> None:
    """Every choice after the first ("all") becomes one of `values`; the one chosen stays
    chosen while it is still there, and nothing is said to have changed."""
    chosen = combo.currentData()
    known = [combo.itemData(i) for i in range(1, combo.count())]
    if list(values) == known:
        return
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in values:
        combo.addItem(value, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
