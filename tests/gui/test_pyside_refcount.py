"""Guards against PySide6 6.12.0's crash: every void call took a reference from None, and the
process aborted with "Fatal Python error: none_dealloc" after a few thousand calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot


def test_ten_thousand_void_calls_leave_none_refcount_intact(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    label = QLabel()
    stack.addWidget(label)
    stack.addWidget(QWidget())
    before = sys.getrefcount(None)
    for number in range(2500):
        label.setText(str(number))
        label.update()
        stack.setCurrentIndex(number % 2)
        QApplication.processEvents()
    after = sys.getrefcount(None)
    # A healthy binding leaves None's count where it was (give or take a few temporaries);
    # the broken one drops it by one per call: 10,000 here.
    assert after >= before - 100, f"None lost {before - after} references"
