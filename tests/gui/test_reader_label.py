"""A page of text: its links work under a finger and from the keyboard, it is exactly as tall
as its lines, and a change of words or size is laid out anew."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.views.reader_label import ReaderLabel

PAGE = (
    "<h2>Common signs</h2><p>A dull ache that comes and goes. Read about "
    "<a href='topic:causes'>causes</a> or <a href='spine:discs'>the discs</a>.</p>"
)


@pytest.fixture
def page(qapp: QApplication, qtbot: QtBot) -> tuple[QWidget, QPushButton, ReaderLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    before = QPushButton("Back")
    label = ReaderLabel()
    label.setText(PAGE)
    column = QVBoxLayout(window)
    column.addWidget(before)
    column.addWidget(label)
    column.addStretch(1)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    return window, before, label


def _centre_of(label: ReaderLabel, words: str) -> QPoint:
    """Where `words` are drawn in the label."""
    document = label.document()
    found = document.find(words)
    assert not found.isNull(), words
    block = found.block()
    line = block.layout().lineForTextPosition(found.selectionStart() - block.position())
    top = document.documentLayout().blockBoundingRect(block).top()
    start, end = (
        line.cursorToX(at - block.position())
        for at in (found.selectionStart(), found.selectionEnd())
    )
    x = (_x(start) + _x(end)) / 2
    return label.contentsRect().topLeft() + QPoint(
        round(x), round(top + line.y() + line.height() / 2)
    )


def _x(cursor: object) -> float:
    """cursorToX's x (PySide gives it as a tuple with the position)."""
    if isinstance(cursor, tuple):
        return float(cursor[0])
    assert isinstance(cursor, int | float)
    return float(cursor)


def test_a_finger_on_a_link_follows_it(
    qtbot: QtBot, page: tuple[QWidget, QPushButton, ReaderLabel]
) -> None:
    _window, _before, label = page
    with qtbot.waitSignal(label.linkActivated) as followed:
        QTest.mouseClick(label, Qt.MouseButton.LeftButton, pos=_centre_of(label, "the discs"))
    assert followed.args == ["spine:discs"]


def test_a_finger_that_slides_off_a_link_follows_nothing(
    qtbot: QtBot, page: tuple[QWidget, QPushButton, ReaderLabel]
) -> None:
    _window, _before, label = page
    followed: list[str] = []
    label.linkActivated.connect(followed.append)
    QTest.mousePress(label, Qt.MouseButton.LeftButton, pos=_centre_of(label, "causes"))
    QTest.mouseRelease(label, Qt.MouseButton.LeftButton, pos=_centre_of(label, "dull ache"))
    QTest.mouseClick(label, Qt.MouseButton.LeftButton, pos=_centre_of(label, "dull ache"))
    assert followed == []


def test_tab_reaches_each_link_and_enter_follows_it(
    qtbot: QtBot, page: tuple[QWidget, QPushButton, ReaderLabel]
) -> None:
    _window, before, label = page
    before.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert label.hasFocus()
    QTest.keyClick(label, Qt.Key.Key_Tab)
    assert label.selectedText() == "causes"
    QTest.keyClick(label, Qt.Key.Key_Tab)
    assert label.selectedText() == "the discs"
    with qtbot.waitSignal(label.linkActivated) as followed:
        QTest.keyClick(label, Qt.Key.Key_Return)
    assert followed.args == ["spine:discs"]


def test_the_label_is_as_tall_as_its_lines_at_any_width(
    page: tuple[QWidget, QPushButton, ReaderLabel],
) -> None:
    _window, _before, label = page
    for width in (700, 300, 160):
        same = QTextDocument()
        same.setDocumentMargin(0)
        same.setDefaultFont(label.font())
        same.setTextWidth(width)
        same.setHtml(PAGE)
        assert label.heightForWidth(width) == round(same.size().height() + 0.499)
    narrow = label.heightForWidth(160)
    assert narrow > label.heightForWidth(700)  # more lines
    label.setText("<p>One line.</p>")
    assert label.heightForWidth(160) < narrow  # new words, measured anew


def test_larger_text_is_measured_anew(page: tuple[QWidget, QPushButton, ReaderLabel]) -> None:
    _window, _before, label = page
    normal = label.heightForWidth(500)
    font = label.font()
    font.setPixelSize(font.pixelSize() * 2 if font.pixelSize() > 0 else 40)
    label.setFont(font)
    assert label.heightForWidth(500) > normal
