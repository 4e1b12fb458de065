"""What a screen reader is told beyond what Qt's widgets say by themselves.

Qt gives every widget a role from its class: a plain QWidget is a "filler", a QLabel a "label".
Here a few widgets get the role they have for a patient (the window a frame, a row of choices a
group named by its question, a problem under a field an alert that describes the field, the
idle warning a modal dialog), through an accessibility factory Qt asks before its own. Views
mark a widget with `give_role()` before it is shown; `announce()` says something at once (a new
screen, an error, the idle warning) through QAccessibleAnnouncementEvent.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleInterface,
    QGuiApplication,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QLabel, QWidget

ROLE = "accessible_role"  # a dynamic property: the role a marked widget has
DESCRIBES = "accessible_describes"  # on a problem label: the widget it is about
MODAL = "accessible_modal"  # on a dialog: while it shows, its window exposes nothing else
INVALID = "accessible_invalid"  # on a group or alert: what it holds needs fixing
DESCRIPTION = "accessible_description"  # on the application: what the program is
_ROLES = {
    "frame": QAccessible.Role.Window,  # AT-SPI "frame"
    "group": QAccessible.Role.Grouping,  # AT-SPI "panel", named by its question
    "alert": QAccessible.Role.AlertMessage,  # AT-SPI "alert"
    "dialog": QAccessible.Role.Dialog,
}
_installed: list[bool] = []  # the factory is installed once per process, as Qt keeps it
# Every interface a factory of ours made that Qt has not deleted yet (`kept`).
_made: list[QAccessibleInterface] = []


def kept(interface: QAccessibleInterface) -> QAccessibleInterface:
    """`interface`, made by a factory of ours and handed to Qt, kept alive here until Qt's
    accessibility cache deletes it.

    PySide holds what a Python factory returns and lets go of it all in a routine of its own as
    the application ends. An interface Qt still holds then (the application's, which lives to
    the end) was deleted by Python there, and again by Qt's cache, emptied after it whenever the
    cache existed before the factory was installed (as when the screen reader's bus starts with
    the kiosk): the kiosk crashed on its way out. Kept here, only Qt deletes it; an interface Qt
    has deleted is let go of at the next one made."""
    _made[:] = [made for made in _made if shiboken6.isValid(made)]
    _made.append(interface)
    return interface


def install() -> None:
    """Let Qt ask this module for the interface of a marked widget (once per process)."""
    if _installed:
        return
    QAccessible.installFactory(_factory)
    _installed.append(True)
    app = QApplication.instance()
    made = QAccessible.queryAccessibleInterface(app) if app is not None else None
    if made is not None and not isinstance(made, _Application):
        # Made by Qt as the accessibility bus started: forgotten, so the next question gets
        # ours (Qt asks for it afresh each time).
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))


def describe_application(description: str) -> None:
    """What the accessibility bus says the program is (Qt says the Python interpreter's path)."""
    app = QApplication.instance()
    if app is not None:
        app.setProperty(DESCRIPTION, description)


def give_role(widget: QWidget, role: str) -> None:
    """Expose `widget` as a frame, group, alert or dialog: call before it is first shown."""
    if role not in _ROLES:
        raise ValueError(f"no accessible role {role!r}")
    install()
    widget.setProperty(ROLE, role)


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `message` now (assertive: before whatever it was saying)."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, QApplication):
        return kept(_Application(target))
    if isinstance(target, QWidget):
        role = target.property(ROLE)
        if isinstance(role, str) and role in _ROLES:
            return kept(_Marked(target, _ROLES[role]))
    return None


class _Marked(QAccessibleWidget):
    """A widget exposed with the role it was given; a label keeps its words as its name."""

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name and not widget.accessibleName():
            if isinstance(widget, QLabel):
                return widget.text()
            if widget.isWindow():
                return widget.windowTitle()
        return str(super().text(kind))

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if widget.property(MODAL):
            state.modal = True
        if widget.property(INVALID):
            state.invalid = True
        return state

    def relations(
        self, match: QAccessible.RelationFlag | None = None
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        found = list(super().relations() if match is None else super().relations(match))
        described = self.widget().property(DESCRIBES)
        wanted = match is None or bool(match & QAccessible.RelationFlag.Described)
        if isinstance(described, QWidget) and wanted:
            other = QAccessible.queryAccessibleInterface(described)
            if other is not None:
                found.append((other, QAccessible.RelationFlag.Described))
        return found

    # While a modal dialog shows (the idle warning), its window exposes nothing else: the
    # form under the dim can be neither read nor reached.

    def childCount(self) -> int:  # noqa: N802 -- Qt's
        modal = self._modal()
        return super().childCount() if modal is None else 1

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes null
        modal = self._modal()
        if modal is None:
            return super().child(index)
        return QAccessible.queryAccessibleInterface(modal) if index == 0 else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 -- Qt's
        modal = self._modal()
        if modal is None:
            return int(super().indexOfChild(child))
        return 0 if child is not None and child.object() is modal else -1

    def _modal(self) -> QWidget | None:
        for child in self.widget().children():
            if isinstance(child, QWidget) and child.property(MODAL) and child.isVisible():
                return child
        return None


class _Application(QAccessibleInterface):
    """The program, as Qt's own interface says it (its windows are its children), but
    described in words rather than by the interpreter's path."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app

    def isValid(self) -> bool:  # noqa: N802 -- Qt's
        return True

    def object(self) -> QObject:
        return self._app

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt takes null
        return None

    def relations(
        self, _match: QAccessible.RelationFlag | None = None
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def _windows(self) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w.isWindow() and not w.isHidden()]

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        focused = QApplication.focusWidget()
        return QAccessible.queryAccessibleInterface(focused) if focused is not None else None

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes null
        return None

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes null
        windows = self._windows()
        if 0 <= index < len(windows):
            return QAccessible.queryAccessibleInterface(windows[index])
        return None

    def childCount(self) -> int:  # noqa: N802 -- Qt's
        return len(self._windows())

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 -- Qt's
        target = child.object() if child is not None else None
        return next((i for i, w in enumerate(self._windows()) if w is target), -1)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return QGuiApplication.applicationDisplayName()
        if kind == QAccessible.Text.Description:
            return str(self._app.property(DESCRIPTION) or "")
        if kind == QAccessible.Text.Value:
            return QGuiApplication.applicationVersion()
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        return

    def rect(self) -> QRect:
        return QRect()

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Application

    def state(self) -> QAccessible.State:
        return QAccessible.State()
