"""The fleet: one line per kiosk, saying in words whether it is well. A kiosk silent for more
than ten minutes, or short of disk, is a problem: said in words and shown in colour, never
colour alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.central.desk import KioskState
from kiosk.desk.words import disk_words
from kiosk.views.labels import plain_label
from kiosk.views.request_words import age, duration, moment


class FleetView(QWidget):
    """Shows each kiosk's state; has nothing to press."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = plain_label(
            QCoreApplication.translate(
                "Desk",
                "Each kiosk says it is alive about once a minute. One not heard from for more "
                "than 10 minutes is a problem: check that it is on and connected.",
            )
        )
        self.intro.setWordWrap(True)
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        self._lines: list[QFrame] = []

    def set_fleet(self, kiosks: Sequence[KioskState], zone: str = "") -> None:
        """One line per kiosk; times in the clinic's `zone` ("": this PC's)."""
        for line in self._lines:
            self.rows_layout.removeWidget(line)
            line.deleteLater()
        self._lines = [_line(state, zone) for state in kiosks]
        if not kiosks:
            empty = QFrame()
            QVBoxLayout(empty).addWidget(
                plain_label(QCoreApplication.translate("Desk", "No kiosk has been heard from yet."))
            )
            self._lines = [empty]
        for number, line in enumerate(self._lines):
            self.rows_layout.insertWidget(number, line)

    @property
    def problems(self) -> list[str]:
        """The words of every line shown as a problem."""
        return [
            label.text()
            for line in self._lines
            if line.property("problem")
            for label in line.findChildren(QLabel)
            if label.property("role") == "verdict"
        ]


def _line(state: KioskState, zone: str) -> QFrame:
    line = QFrame()
    line.setProperty("role", "kiosk")
    problem = state.silent or state.low_disk
    line.setProperty("problem", problem)
    if state.silent:
        verdict = QCoreApplication.translate(
            "Desk", "Problem: not heard from since {time} ({duration})"
        ).format(time=moment(state.last_heard, zone), duration=duration(state.silent_for))
    elif state.low_disk:
        verdict = QCoreApplication.translate("Desk", "Problem: almost out of disk space")
    else:
        verdict = QCoreApplication.translate("Desk", "OK")
    name = plain_label(state.kiosk_id)
    name.setProperty("role", "name")
    said = plain_label(verdict)
    said.setProperty("role", "verdict")
    details = plain_label(
        QCoreApplication.translate(
            "Desk", "Last heard {age} · version {version} · {pending} waiting to send · {disk}"
        ).format(
            age=age(state.silent_for),
            version=state.version,
            pending=state.pending,
            disk=disk_words(state.free_disk_bytes),
        )
    )
    details.setWordWrap(True)
    layout = QVBoxLayout(line)
    layout.addWidget(name)
    layout.addWidget(said)
    layout.addWidget(details)
    return line
