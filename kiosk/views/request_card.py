"""One callback request as a card, shared by the kiosk's staff panel and the front desk: the name
in bold, the number to call, when and what about in plain words, a line of where and when it came
in, and a large button for the next step with a smaller one set apart below it.

The card knows a request as the kiosk saved it (kiosk.storage.requests.StoredRequest); which
steps its buttons offer, and the words of its last lines, are the screen's that shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.callback_form import display
from kiosk.storage.requests import StoredRequest
from kiosk.views.labels import plain_label
from kiosk.views.request_words import summary

MAX_NAME_WIDTH = 520  # pixels; a longer name wraps


class Step(NamedTuple):
    """What a button does: the status it asks for, and its words."""

    status: str
    text: str


class RequestCard(QFrame):
    """Shows one request; reports the status staff chose for it.

    `secondary_question`: when given, the small button asks it on the card itself (Yes / No
    in place of the button) before `set_aside` is emitted; when empty, `set_aside` is emitted
    at once and whoever listens asks.
    """

    marked = Signal(str, str)  # request id, status: the big button
    set_aside = Signal(str, str, str)  # request id, status, reference: the small one, confirmed

    def __init__(
        self,
        stored: StoredRequest,
        titles: Mapping[str, str],
        *,
        status: str,
        primary: Step,
        secondary: Step | None,
        secondary_question: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setProperty("status", status)
        self.request_id = stored.id
        self.status = status
        self.name = _label(f"{stored.first_name} {stored.last_name}", "name")
        self.phone = _label(display(stored.phone), "phone")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone.setWordWrap(False)  # a number broken in two is misread
        self.summary = _label(
            summary(stored.days, stored.periods, stored.language, stored.topic, titles), "summary"
        )
        self.origin = _label("", "meta")
        self.changed = _label("", "meta")
        self.changed.hide()
        self.primary = QPushButton(primary.text)
        self.primary.setProperty("role", "primary")
        self.primary.setMinimumHeight(56)
        self.primary.clicked.connect(lambda: self.marked.emit(self.request_id, primary.status))
        self.secondary = QPushButton(secondary.text if secondary else "")
        self.secondary.setProperty("role", "secondary")
        self.secondary.setVisible(secondary is not None)
        self.question = _label(secondary_question, "question")
        self.yes = QPushButton(QCoreApplication.translate("Desk", "Yes"))
        self.yes.setProperty("role", "danger")
        self.no = QPushButton(QCoreApplication.translate("Desk", "No"))
        self.no.setProperty("role", "secondary")
        if secondary is not None:
            aside = (self.request_id, secondary.status, stored.reference)
            if secondary_question:
                self.secondary.clicked.connect(lambda: self._ask(asking=True))
                self.no.clicked.connect(lambda: self._ask(asking=False))
                self.yes.clicked.connect(lambda: self.set_aside.emit(*aside))
            else:
                self.secondary.clicked.connect(lambda: self.set_aside.emit(*aside))
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.addLayout(self._texts(stored.note), 1)
        self._row.addSpacing(16)
        self._row.addLayout(self._actions())

    def _texts(self, note: str) -> QVBoxLayout:
        texts = QVBoxLayout()
        texts.setSpacing(4)
        head = self._head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        head.setSpacing(16)
        head.addWidget(self.name)
        head.addWidget(self.phone)
        head.addStretch(1)
        texts.addLayout(head)
        texts.addWidget(self.summary)
        if note:
            self.note = _label(
                QCoreApplication.translate("Desk", "Note: {note}").format(note=note), "note"
            )
            texts.addWidget(self.note)
        texts.addWidget(self.origin)
        texts.addWidget(self.changed)
        return texts

    def _actions(self) -> QVBoxLayout:
        """The big button on top; the small one set apart below it, or its question."""
        answers = QHBoxLayout()
        answers.addWidget(self.no)
        answers.addWidget(self.yes)
        self._asking = QWidget()
        asking = QVBoxLayout(self._asking)
        asking.setContentsMargins(0, 0, 0, 0)
        asking.addWidget(self.question)
        asking.addLayout(answers)
        self._asking.hide()
        actions = QVBoxLayout()
        actions.addWidget(self.primary)
        actions.addSpacing(20)  # apart from the big button: not pressed by a slip
        actions.addStretch(1)
        actions.addWidget(self.secondary, 0, Qt.AlignmentFlag.AlignRight)
        actions.addWidget(self._asking)
        return actions

    @property
    def asking(self) -> bool:
        """Whether the card is asking its question (Yes / No shown)."""
        return not self._asking.isHidden()

    def _ask(self, *, asking: bool) -> None:
        self._asking.setVisible(asking)
        self.secondary.setVisible(not asking)

    def row_width(self) -> int:
        """How wide the card must be for its words and buttons side by side."""
        name = min(self.name.sizeHint().width(), MAX_NAME_WIDTH)
        words = max(name + 16 + self.phone.sizeHint().width(), 200)
        buttons = max(self.primary.sizeHint().width(), self.secondary.sizeHint().width())
        margins = self.contentsMargins()
        return words + 16 + buttons + margins.left() + margins.right() + 24

    def set_stacked(self, stacked: bool) -> None:  # noqa: FBT001 -- as Qt's setVisible
        """The buttons under the words, the width of the card, and the number under the name
        (a narrow screen, large text); or each beside the other."""
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        self._row.setDirection(direction)
        self._head.setDirection(direction)

    def set_origin(self, text: str) -> None:
        """Where and when it came in."""
        self.origin.setText(text)

    def set_changed(self, text: str) -> None:
        """Who changed its status, and when; hidden when there is nothing to say."""
        self.changed.setText(text)
        self.changed.setVisible(bool(text))

    def fit_name(self) -> None:
        """Keep the name on one line unless it is very long (a wrapping label would break any
        name in two). Once the card is in the window: the name's size is the window's style."""
        self.name.ensurePolished()
        wanted = self.name.fontMetrics().horizontalAdvance(self.name.text()) + 4
        self.name.setMinimumWidth(min(wanted, MAX_NAME_WIDTH))


def _label(text: str, role: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label
