"""What a screen reader finds in a page of text: headings, paragraphs, lists of items and links,
each with its words, in the order they are drawn; a press on a link follows it."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.views.reader_label import ReaderLabel

Role = QAccessible.Role
PAGE = (
    "<h2>Common signs</h2><p>A dull ache. See <a href='topic:causes'>what <b>causes</b> it</a>."
    "</p><ul><li>Stiffness.</li><li>Spasms.</li></ul><p>Call us.</p>"
)


@pytest.fixture
def label(qapp: QApplication, qtbot: QtBot) -> ReaderLabel:
    label = ReaderLabel()
    qtbot.addWidget(label)
    label.resize(900, 600)
    label.setText(PAGE)
    label.setAccessibleName("Symptoms")
    label.show()
    qtbot.waitExposed(label)
    return label


def tree(interface: QAccessibleInterface) -> list[tuple[str, str]]:
    """(role, words) of each element under `interface`, depth first; a link as its name."""
    found = []
    for index in range(interface.childCount()):
        child = interface.child(index)
        text = child.textInterface()
        words = text.text(0, text.characterCount()) if text is not None else ""
        found.append((child.role().name, words))
        found += tree(child)
    return found


def test_the_text_is_headings_paragraphs_list_items_and_links(label: ReaderLabel) -> None:
    page = QAccessible.queryAccessibleInterface(label)
    assert page.role() == Role.Document
    assert page.text(QAccessible.Text.Name) == "Symptoms"
    assert tree(page) == [
        ("Heading", "Common signs"),
        ("Paragraph", "A dull ache. See what causes it."),
        ("Link", "what causes it"),  # one link, though drawn in two styles
        ("List", ""),
        ("ListItem", "Stiffness."),
        ("ListItem", "Spasms."),
        ("Paragraph", "Call us."),
    ]


def test_each_element_is_where_its_words_are_drawn(label: ReaderLabel) -> None:
    page = QAccessible.queryAccessibleInterface(label)
    drawn = QRect(label.mapToGlobal(QPoint(0, 0)), label.size())
    heading, paragraph, _list, _last = (page.child(i) for i in range(4))
    assert drawn.contains(heading.rect())
    assert heading.rect().bottom() < paragraph.rect().top()  # in reading order, top down
    link = paragraph.child(0)
    assert paragraph.rect().contains(link.rect())
    first = paragraph.textInterface().characterRect(0)
    assert heading.rect().bottom() < first.top() <= paragraph.rect().top() + 2


def test_pressing_a_link_follows_it(qtbot: QtBot, label: ReaderLabel) -> None:
    link = QAccessible.queryAccessibleInterface(label).child(1).child(0)
    assert link.role() == Role.Link
    assert link.text(QAccessible.Text.Name) == "what causes it"
    press = link.actionInterface()
    assert press.actionNames() == [QAccessibleActionInterface.pressAction()]
    with qtbot.waitSignal(label.linkActivated) as followed:
        press.doAction(QAccessibleActionInterface.pressAction())
    assert followed.args == ["topic:causes"]


def test_new_text_brings_new_elements(label: ReaderLabel) -> None:
    page = QAccessible.queryAccessibleInterface(label)
    assert page.childCount() == 4
    QAccessible.uniqueId(page.child(0))  # known to Qt's registry, as a screen reader makes it
    label.setText("<h2>Causes</h2><p>Many.</p>")
    assert tree(page) == [("Heading", "Causes"), ("Paragraph", "Many.")]
    heading = page.child(0).attributesInterface()
    assert heading.attributeValue(QAccessible.Attribute.Level) == 2


def test_a_page_a_screen_reader_read_is_let_go_of_with_its_label(qapp: QApplication) -> None:
    """PySide keeps what the accessibility factory made until the kiosk ends; the label it
    was about, and its text, must not stay with it (screens are made again for each patient)."""
    label = ReaderLabel()
    label.setText(PAGE)
    QAccessible.queryAccessibleInterface(label).childCount()  # read, element by element
    gone = weakref.ref(label)
    label.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    del label
    gc.collect()
    assert gone() is None
