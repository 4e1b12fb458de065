"""One question of the callback form, laid out the same way for every field: its label and a
"Required" or "Optional" tag above what is typed or chosen, and below it, when something is
wrong, an icon and words saying what we need, with a red edge on what needs fixing.

A screen reader finds the same: the label labels the field (or the group of choices, named by
the question), and a problem is an alert that describes what it is about."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.views import accessible
from kiosk.views.buttons import Columns
from kiosk.views.labels import plain_label


class FieldLabel(QLabel):
    """A field's label: one line while it fits beside its tag, wrapping only when squeezed.

    A plain word-wrapped QLabel in a row guesses a narrower width and broke "Mejores días para
    llamarle" in two with room to spare.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)  # words, never markup (see plain_label)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        # The text's advance, plus what QLabel keeps aside when it wraps (the stylesheet's box
        # leaves it a few pixels short): widened until the words stand on one line.
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2
        one_line = self.heightForWidth(100_000)
        for _ in range(16):
            if self.heightForWidth(width) <= one_line:
                break
            width += 4
        return QSize(width, self.heightForWidth(width))


class FormField:
    """The label, tag, input(s) and problem of one field; `add_to()` puts them in a column."""

    def __init__(self, widgets: Sequence[QWidget], *, required: bool) -> None:
        self.required = required
        # What gets the red edge: the field, the period buttons, the consent box.
        self.marks = list(widgets)
        self.label = FieldLabel()
        self.label.setProperty("role", "field-label")
        self.tag = plain_label()
        self.tag.setProperty("role", "field-tag")
        # The label and its tag, shown or hidden together (the topic's, when there is none).
        self.heading = QWidget()
        row = QHBoxLayout(self.heading)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        if len(widgets) == 1:
            self.body = widgets[0]
        else:
            # Side by side while they fit; Mon-Sat at 200 % text becomes two or three rows.
            columns = Columns(most=len(widgets), spacing=10)
            columns.set_widgets(widgets)
            accessible.give_role(columns, "group")  # "Best time to call": Morning, ...
            self.body = columns
        self.label.setBuddy(self.body)  # the field's "labelled by"
        self.error_icon = plain_label()
        self.error_icon.setProperty("role", "error-icon")
        self.error = plain_label()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        accessible.give_role(self.error, "alert")
        self.error.setProperty(accessible.DESCRIBES, self.body)
        self.problem = QWidget()
        line = QHBoxLayout(self.problem)
        line.setContentsMargins(0, 4, 0, 4)
        line.setSpacing(14)
        line.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.error, 1)
        self.problem.hide()

    @property
    def grouped(self) -> bool:
        """Whether the field is a group of choices (named by its question, for a screen
        reader), not one input."""
        return self.body not in self.marks

    def add_to(self, column: QVBoxLayout) -> None:
        column.addWidget(self.heading)
        column.addWidget(self.body)
        column.addWidget(self.problem)
        column.addSpacing(10)

    def set_words(self, label: str, tag: str) -> None:
        self.label.setText(label)
        self.tag.setText(tag)

    def set_icon(self, pixmap: QPixmap) -> None:
        self.error_icon.setPixmap(pixmap)
        self.error_icon.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def show_problem(self, text: str) -> None:
        """Say what is wrong (a red edge, the icon and `text`), or with "" that nothing is."""
        self.error.setText(text)
        for part in (self.error, self.body):
            part.setProperty(accessible.INVALID, bool(text))
        self.problem.setVisible(bool(text))
        for widget in self.marks:
            if bool(widget.property("invalid")) != bool(text):
                widget.setProperty("invalid", bool(text))  # assets/style.qss: [invalid="true"]
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                widget.update()

    def span(self, page: QWidget) -> tuple[int, int, int, int]:
        """Where, on `page`, the label starts, the input starts and ends, and the whole field
        (with its problem, when one shows) ends."""

        def top(widget: QWidget) -> int:
            return widget.mapTo(page, widget.rect().topLeft()).y()

        inputs_top = min(map(top, self.marks))
        inputs_bottom = max(top(w) + w.height() for w in self.marks)
        shown = self.problem.isVisible()
        end = top(self.problem) + self.problem.height() if shown else inputs_bottom
        return top(self.heading), inputs_top, inputs_bottom, end
