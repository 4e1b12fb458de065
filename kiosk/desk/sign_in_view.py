"""Staff sign in at the desk with their own PIN, typed on the PC's keyboard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.views.labels import plain_label


class SignInView(QWidget):
    """A PIN field and a Sign in button; says why a try did not work."""

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(QCoreApplication.translate("Desk", "Sign in with your staff PIN"))
        self.title.setProperty("role", "title")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,64}")))
        self.pin.setAccessibleName(QCoreApplication.translate("Desk", "PIN"))
        self.pin.setProperty("role", "pin")
        self.pin.setFixedWidth(280)
        self.pin.returnPressed.connect(self._on_sign_in)
        self.button = QPushButton(QCoreApplication.translate("Desk", "Sign in"))
        self.button.setProperty("role", "primary")
        self.button.clicked.connect(self._on_sign_in)
        self.message = plain_label()
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.pin, self.button, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def reset(self) -> None:
        self.pin.clear()
        self.message.clear()
        self.setEnabled(True)
        self.pin.setFocus()

    def busy(self) -> None:
        """A try is being checked: no second one meanwhile."""
        self.setEnabled(False)
        self.message.setText(QCoreApplication.translate("Desk", "Checking…"))

    def say(self, text: str) -> None:
        self.setEnabled(True)
        self.pin.clear()
        self.message.setText(text)
        self.pin.setFocus()

    def _on_sign_in(self) -> None:
        if self.pin.text():
            self.pin_entered.emit(self.pin.text())
