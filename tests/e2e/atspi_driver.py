"""A screen reader's hands and ears for tests/e2e/test_screen_reader.py: run by Debian's
/usr/bin/python3 (python3-pyatspi lives there, not in the venv), it finds the kiosk on the
accessibility bus, does what the test asks through AT-SPI, and reports what it hears.

In, one JSON object per line on stdin: {"id": n, "do": what, ...}. Out, on stdout:
{"id": n, "ok": result} or {"id": n, "error": text} for each, and {"event": ...} whenever the
kiosk sends one of the events an assistive technology listens to (announcements, focus, names,
window activation). It ends when stdin closes. Only the standard library and pyatspi.

Nodes are found by what a screen reader user knows them by: their role and name (or a part of
the name), among those showing.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import pyatspi
from gi.repository import GLib

APPLICATION = "waiting-room-kiosk"
EVENTS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "window:activate",
)


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def role(node: Any) -> str:
    return str(node.getRoleName())


def states(node: Any) -> list[str]:
    state_set = node.getState()
    return sorted(str(pyatspi.stateToString(s)) for s in state_set.getStates())


def describe(node: Any) -> dict[str, Any]:
    """What a screen reader knows of `node`."""
    facts: dict[str, Any] = {
        "name": node.name,
        "role": role(node),
        "description": node.description,
        "states": states(node),
        "relations": [
            {
                "type": str(relation.getRelationType().value_nick),
                "targets": [relation.getTarget(i).name for i in range(relation.getNTargets())],
            }
            for relation in node.getRelationSet()
        ],
        "attributes": list(node.getAttributes() or []),
    }
    try:
        text = node.queryText()
        facts["text"] = text.getText(0, text.characterCount)
    except NotImplementedError:
        pass
    try:
        action = node.queryAction()
        facts["actions"] = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    return facts


def application() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == APPLICATION:
            return app
    return None


def walk(node: Any, showing_only: bool = True) -> Any:
    """`node` and everything under it, depth first, in the order a screen reader reads."""
    if node is None:
        return
    hidden = not node.getState().contains(pyatspi.STATE_SHOWING)
    if showing_only and node.getRole() != pyatspi.ROLE_APPLICATION and hidden:
        return
    yield node
    for index in range(node.childCount):
        yield from walk(node.getChildAtIndex(index), showing_only)


def matches(node: Any, request: dict[str, Any]) -> bool:
    if "role" in request and role(node) != request["role"]:
        return False
    if "name" in request and node.name != request["name"]:
        return False
    if "name_has" in request and request["name_has"] not in (node.name or ""):
        return False
    if "text_has" in request:
        try:
            text = node.queryText()
        except NotImplementedError:
            return False
        return bool(request["text_has"] in text.getText(0, text.characterCount))
    return True


def find(request: dict[str, Any]) -> Any:
    app = application()
    if app is None:
        raise LookupError(f"no {APPLICATION} on the accessibility bus")
    for node in walk(app):
        if matches(node, request):
            return node
    raise LookupError(f"nothing showing matches {request}")


def obey(request: dict[str, Any]) -> Any:
    what = request["do"]
    if what == "app":
        app = application()
        return None if app is None else {"name": app.name, "children": app.childCount}
    if what == "describe":
        return describe(find(request))
    if what == "list":
        app = application()
        return [describe(node) for node in walk(app)] if app is not None else []
    node = find(request)
    if what == "press":
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        for wanted in ("press", "Press", "click", "toggle", "Toggle"):
            if wanted in names:
                return bool(action.doAction(names.index(wanted)))
        raise LookupError(f"{node.name!r} has no press action (only {names})")
    if what == "focus":
        return bool(node.queryComponent().grabFocus())
    if what == "set_text":
        return bool(node.queryEditableText().setTextContents(request["text"]))
    raise ValueError(f"unknown request {what!r}")


def on_event(event: Any) -> None:
    source = event.source
    try:
        name, kind = source.name, role(source)
    except Exception:  # noqa: BLE001 -- gone meanwhile: still an event heard
        name, kind = "", ""
    send(
        {
            "event": str(event.type),
            "name": name,
            "role": kind,
            "detail1": event.detail1,
            "data": event.any_data if isinstance(event.any_data, str) else "",
        }
    )


def main() -> int:
    loop = GLib.MainLoop()
    pending = bytearray()

    def read(_source: Any, _condition: Any) -> bool:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            loop.quit()
            return False
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            request = json.loads(line)
            try:
                send({"id": request["id"], "ok": obey(request)})
            except Exception as exc:  # noqa: BLE001 -- told to the test, which decides
                send({"id": request["id"], "error": f"{type(exc).__name__}: {exc}"})
        return True

    for event in EVENTS:
        pyatspi.Registry.registerEventListener(on_event, event)
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, read)
    send({"ready": True})
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
