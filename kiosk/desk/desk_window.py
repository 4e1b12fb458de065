"""The desk's window: a bar with who is signed in and Sign out, a line saying when the central
store cannot be reached, and either the sign-in or the requests, the fleet and the history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.desk.fleet_view import FleetView
from kiosk.desk.history_view import HistoryView
from kiosk.desk.requests_view import RequestsView
from kiosk.desk.sign_in_view import SignInView
from kiosk.views.labels import plain_label


class DeskWindow(QMainWindow):
    """A normal, resizable window; its parts are the views the controller drives."""

    sign_out_requested = Signal()
    retry_requested = Signal()
    closed = Signal()

    def __init__(self, clinic: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Desk", "Callback requests — {clinic}").format(clinic=clinic)
        )
        self.title = plain_label(QCoreApplication.translate("Desk", "Callback requests"))
        self.title.setProperty("role", "title")
        self.who = plain_label()
        self.who.setProperty("role", "who")
        self.sign_out = QPushButton(QCoreApplication.translate("Desk", "Sign out"))
        self.sign_out.clicked.connect(self.sign_out_requested)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.who)
        bar.addWidget(self.sign_out)

        self.problem = QFrame()
        self.problem.setProperty("role", "problem")
        self.problem_text = plain_label()
        self.problem_text.setWordWrap(True)
        self.retry = QPushButton(QCoreApplication.translate("Desk", "Try now"))
        self.retry.clicked.connect(self.retry_requested)
        problem_row = QHBoxLayout(self.problem)
        problem_row.addWidget(self.problem_text, 1)
        problem_row.addWidget(self.retry)
        self.problem.hide()

        self.sign_in = SignInView()
        self.requests = RequestsView()
        self.fleet = FleetView()
        self.history = HistoryView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.requests, QCoreApplication.translate("Desk", "Requests"))
        self.tabs.addTab(self.fleet, QCoreApplication.translate("Desk", "Kiosks"))
        self.tabs.addTab(self.history, QCoreApplication.translate("Desk", "History"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in)
        self.pages.addWidget(self.tabs)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.show_signed_out()

    def show_signed_in(self, name: str) -> None:
        self.who.setText(QCoreApplication.translate("Desk", "Signed in: {name}").format(name=name))
        self.sign_out.show()
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.requests)

    def show_signed_out(self) -> None:
        """Nothing of a patient stays on screen."""
        self.requests.clear()
        self.fleet.set_fleet([])
        self.history.clear()
        self.who.clear()
        self.sign_out.hide()
        self.pages.setCurrentWidget(self.sign_in)
        self.sign_in.reset()

    @property
    def signed_in(self) -> bool:
        return self.pages.currentWidget() is self.tabs

    def show_problem(self, text: str) -> None:
        self.problem_text.setText(text)
        self.problem.show()

    def hide_problem(self) -> None:
        self.problem.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
