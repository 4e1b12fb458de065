"""The kiosk through the real Linux accessibility stack, as Orca meets it (issue 19): Xvfb, a
private D-Bus session bus and the AT-SPI bus, `kiosk run --windowed` with Qt's accessibility on,
and a screen reader's hands and ears in tests/e2e/atspi_driver.py, run by Debian's
/usr/bin/python3 (python3-pyatspi is a Debian package, not a wheel the venv could have).

Everything the reader does goes through AT-SPI only (press, grab focus, set a field's text);
everything checked is what it hears (announcements, focus, names) or finds in the tree. Waits
are deadlines on those events, never sleeps. A missing tool skips these tests on a developer's
machine and fails them in CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.display_servers import MARKER, Started
from tests.e2e.needs import tool, unavailable

KIOSK = Path(sys.executable).with_name("kiosk")
DRIVER = Path(__file__).with_name("atspi_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
CLINIC = "Spine and Pain Clinic of Texas"
IDLE_SECONDS = 10  # the shortest the configuration allows
DEADLINE = 60.0  # seconds for the kiosk to come up on a slow, busy CI machine
ANSWER = 30.0  # seconds for one request through the bus


def _launcher() -> str:
    found = next((path for path in LAUNCHERS if os.access(path, os.X_OK)), None)
    if found is None:
        unavailable("at-spi-bus-launcher is not installed (apt-get install at-spi2-core)")
    return found


def _pyatspi() -> str:
    tried = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True, check=False
    )
    if tried.returncode != 0:
        unavailable(f"{SYSTEM_PYTHON} cannot import pyatspi (apt-get install python3-pyatspi)")
    return SYSTEM_PYTHON


class Reader:
    """The driver process: asks it to act, and keeps what it heard."""

    def __init__(self, proc: subprocess.Popen[bytes], logs: Callable[[], str]) -> None:
        self._proc = proc
        self._logs = logs
        self._pending = b""
        self._next = 0
        self.heard: list[dict[str, Any]] = []
        self._answers: dict[int, dict[str, Any]] = {}
        self._read_until(lambda: any("ready" in m for m in self.heard), ANSWER)

    def _read_until(self, done: Callable[[], bool], within: float) -> bool:
        """Read what the driver says until `done()` or the deadline; whether it was done."""
        stdout = self._proc.stdout
        assert stdout is not None
        deadline = time.monotonic() + within
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if not select.select([stdout], [], [], left)[0]:
                continue
            chunk = os.read(stdout.fileno(), 65536)
            if not chunk:
                pytest.fail(f"the AT-SPI driver ended\n{self._logs()}")
            self._pending += chunk
            *lines, self._pending = self._pending.split(b"\n")
            for line in lines:
                message = json.loads(line)
                if "id" in message:
                    self._answers[message["id"]] = message
                else:
                    self.heard.append(message)
        return True

    def ask(self, do: str, **request: Any) -> Any:
        """Have the driver do `do` on the node `request` names; its answer."""
        self._next += 1
        number = self._next
        stdin = self._proc.stdin
        assert stdin is not None
        stdin.write((json.dumps({"id": number, "do": do, **request}) + "\n").encode())
        stdin.flush()
        if not self._read_until(lambda: number in self._answers, ANSWER):
            pytest.fail(f"no answer to {do} {request} in {ANSWER:.0f} s\n{self._logs()}")
        answer = self._answers.pop(number)
        if "error" in answer:
            raise LookupError(answer["error"])
        return answer["ok"]

    def hear(self, wanted: Callable[[dict[str, Any]], bool], within: float) -> dict[str, Any]:
        """The first event since the last forget() that `wanted` accepts, waiting at most
        `within` seconds for it."""
        self._read_until(lambda: any(wanted(e) for e in self.heard), within)
        found = next((e for e in self.heard if wanted(e)), None)
        if found is None:
            said = [e for e in self.heard if e["event"] == "object:announcement"]
            pytest.fail(f"not heard in {within:.0f} s; announcements were {said}")
        return found

    def quiet_for(self, seconds: float, unwanted: Callable[[dict[str, Any]], bool]) -> None:
        """Listen for `seconds` (the time passing is the point) and fail on `unwanted`."""
        self._read_until(lambda: any(unwanted(e) for e in self.heard), seconds)
        heard = [e for e in self.heard if unwanted(e)]
        assert heard == [], f"heard {heard}"

    def forget(self) -> None:
        self.heard.clear()

    def until(self, check: Callable[[], bool], within: float = ANSWER) -> None:
        """Ask again (each answer is fresh) until `check()` holds, or fail at the deadline."""
        deadline = time.monotonic() + within
        while not check():
            if time.monotonic() > deadline:
                pytest.fail(f"still not so after {within:.0f} s\n{self._logs()}")
            self._read_until(lambda: False, 0.1)  # events keep coming meanwhile


def announced(text: str, *, starting: bool = False) -> Callable[[dict[str, Any]], bool]:
    def wanted(event: dict[str, Any]) -> bool:
        if event["event"] != "object:announcement":
            return False
        data = str(event["data"])
        return data.startswith(text) if starting else text in data

    return wanted


@dataclass(frozen=True)
class Desktop:
    """Xvfb, a session bus and the accessibility bus, and the environment that reaches them."""

    root: Path
    env: dict[str, str]
    started: Started


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    xvfb, dbus = tool("Xvfb", "xvfb"), tool("dbus-daemon", "dbus")
    launcher, python = _launcher(), _pyatspi()
    assert python
    root = tmp_path_factory.mktemp("atspi")
    (root / "runtime").mkdir(mode=0o700)
    (root / "home").mkdir()
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(root / "home"),
        "XDG_RUNTIME_DIR": str(root / "runtime"),
        "XDG_CONFIG_HOME": str(root / "home" / ".config"),
        "XDG_CACHE_HOME": str(root / "home" / ".cache"),
        "XDG_DATA_HOME": str(root / "home" / ".local" / "share"),
        "XDG_STATE_HOME": str(root / "home" / ".local" / "state"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8",
        MARKER: root.name,
    }
    started = Started(root, root.name)
    try:
        env["DISPLAY"] = ":" + _said_on_a_pipe(
            started, "Xvfb", [xvfb, "-displayfd", "{fd}", "-screen", "0", "1280x800x24",
                              "-nolisten", "tcp"], env)  # fmt: skip
        env["DBUS_SESSION_BUS_ADDRESS"] = _said_on_a_pipe(
            started, "dbus", [dbus, "--session", "--nofork", "--print-address={fd}"], env
        )
        # The accessibility bus (its own dbus-daemon) and, on it, the registry a screen reader
        # asks for applications; started now rather than on first demand, so that it is ours.
        started.start("at-spi-bus-launcher", [launcher, "--launch-immediately"], env)
        yield Desktop(root, env, started)
    finally:
        started.end()


def _said_on_a_pipe(started: Started, name: str, argv: list[str], env: dict[str, str]) -> str:
    """Start a server that writes where it listens on a descriptor, and read it."""
    ready, tell = os.pipe()
    try:
        server = started.start(name, [a.replace("{fd}", str(tell)) for a in argv], env, tell)
    finally:
        os.close(tell)
    said = b""
    deadline = time.monotonic() + DEADLINE
    try:
        while not said.endswith(b"\n"):
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail(f"{name} did not start\n{started.logs()}")
            if select.select([ready], [], [], 0.25)[0]:
                said += os.read(ready, 256) or b"?\n"
    finally:
        os.close(ready)
    return said.decode().strip()


@pytest.fixture
def reader(desktop: Desktop, tmp_path: Path) -> Iterator[Reader]:
    """A kiosk on the desktop (idle time IDLE_SECONDS) and a screen reader driving it."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\nspeech_engine = "none"\nidle_timeout_seconds = {IDLE_SECONDS}\n'
        f'[clinic]\nname = "{CLINIC}"\n',
        encoding="utf-8",
    )
    env = desktop.env | {"QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    argv = [str(KIOSK), "run", "--windowed", "--config", str(config)]
    kiosk = desktop.started.start("kiosk", [*argv, "--data-dir", str(tmp_path / "data")], env)
    log = (desktop.root / "driver.log").open("ab")
    driver = subprocess.Popen(
        [SYSTEM_PYTHON, str(DRIVER)],
        env=desktop.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
    )
    try:
        said = Reader(driver, desktop.started.logs)
        said.until(lambda: _home_is_up(said, kiosk), DEADLINE)
        said.forget()
        yield said
    finally:
        for pipe in (driver.stdin, driver.stdout):
            if pipe is not None:
                pipe.close()  # the driver ends when its input does
        driver.wait(timeout=30)
        log.close()
        kiosk.terminate()
        kiosk.wait(timeout=30)


def _home_is_up(reader: Reader, kiosk: subprocess.Popen[bytes]) -> bool:
    if kiosk.poll() is not None:
        pytest.fail("the kiosk exited before its window was on the accessibility bus")
    if reader.ask("app") is None:
        return False
    try:
        return bool(reader.ask("describe", role="frame")["name"].startswith("Home"))
    except LookupError:
        return False


def test_the_program_is_described_and_its_window_named_for_the_screen(reader: Reader) -> None:
    program = reader.ask("describe", role="application")
    assert program["description"] == (
        f"Information about back pain from {CLINIC}, and a way to ask them to call you."
    )
    window = reader.ask("describe", role="frame")
    assert window["name"] == f"Home \u2014 {CLINIC}"


def test_pressing_a_tile_announces_the_new_screen(reader: Reader) -> None:
    assert reader.ask("press", role="push button", name="Symptoms")
    reader.hear(announced("Symptoms"), within=ANSWER)
    assert reader.ask("describe", role="frame")["name"] == f"Symptoms \u2014 {CLINIC}"
    assert reader.ask("press", role="push button", name="Home")
    reader.hear(announced("Home"), within=ANSWER)


def test_a_sentence_of_the_symptoms_page_is_there_as_text(reader: Reader) -> None:
    reader.ask("press", role="push button", name="Symptoms")
    reader.hear(announced("Symptoms"), within=ANSWER)
    found = reader.ask("describe", text_has="A dull ache in your back that lingers.")
    assert "A dull ache in your back that lingers." in found["text"]


def test_the_page_has_headings(reader: Reader) -> None:
    reader.ask("press", role="push button", name="Symptoms")
    reader.hear(announced("Symptoms"), within=ANSWER)
    assert reader.ask("describe", role="heading")["name"]


def test_a_link_in_the_page_text_can_be_followed(reader: Reader) -> None:
    reader.ask("press", role="push button", name="Symptoms")
    reader.hear(announced("Symptoms"), within=ANSWER)
    reader.forget()
    link = reader.ask("describe", role="link")
    assert reader.ask("press", role="link", name=link["name"])
    reader.hear(lambda e: e["event"] == "object:announcement", within=ANSWER)
    assert not reader.ask("describe", role="frame")["name"].startswith("Symptoms")


def _open_the_form(reader: Reader) -> None:
    assert reader.ask("press", role="push button", name="Ask us to call you")
    reader.hear(announced("Ask us to call you"), within=ANSWER)


def test_the_form_is_labelled_grouped_and_says_what_is_wrong(reader: Reader) -> None:
    _open_the_form(reader)
    field = reader.ask("describe", role="text", name="First name, required")
    assert {"type": "labelled-by", "targets": ["First name"]} in field["relations"]
    group = reader.ask("describe", role="panel", name="Best time to call, required")
    assert {"type": "labelled-by", "targets": ["Best time to call"]} in group["relations"]
    contrast = reader.ask("describe", role="push button", name="Contrast")
    assert contrast["description"] == "High contrast is off."
    reader.forget()
    assert reader.ask("press", role="push button", name="Send my request")
    reader.hear(announced("We need your first name"), within=ANSWER)
    problem = reader.ask("describe", role="alert", name_has="Please choose morning")
    targets = {"type": "description-for", "targets": ["Best time to call, required"]}
    assert targets in problem["relations"]
    group = reader.ask("describe", role="panel", name="Best time to call, required")
    assert group["description"].startswith("Please choose morning, afternoon or evening")


def test_typing_through_the_bus_past_the_idle_time_keeps_the_form(reader: Reader) -> None:
    """A letter every 2 s for 1.5 times the idle time: the warning never comes, every letter
    stays. Then, left alone, the warning is heard with its countdown, and while it shows the
    form is out of reach; answering it through the bus keeps the form."""
    _open_the_form(reader)
    name = "Zebediah"
    deadline = time.monotonic() + IDLE_SECONDS * 1.5
    typed = ""
    while time.monotonic() < deadline or len(typed) < 2:
        typed = name[: len(typed) % len(name) + 1]
        assert reader.ask("set_text", role="text", name="First name, required", text=typed)
        reader.quiet_for(2.0, announced("Are you still there?"))
    field = reader.ask("describe", role="text", name="First name, required")
    assert field["text"] == typed

    warning = reader.hear(announced("Are you still there?", starting=True), within=30)
    assert "The screen will go back to the start in 15 seconds." in warning["data"]
    dialog = reader.ask("describe", role="dialog")
    assert dialog["name"] == "Are you still there?"
    assert "modal" in dialog["states"]
    with pytest.raises(LookupError):  # the form under the dim is not there to reach
        reader.ask("describe", role="text", name="First name, required")
    assert reader.ask("press", role="push button", name="I'm still here")
    reader.until(lambda: _text_of(reader, "First name, required") == typed)


def _text_of(reader: Reader, name: str) -> str | None:
    try:
        return str(reader.ask("describe", role="text", name=name).get("text"))
    except LookupError:
        return None


def test_the_thank_you_page_is_heard_with_its_code(reader: Reader) -> None:
    _open_the_form(reader)
    for name, text in (
        ("First name, required", "Zeb"),
        ("Last name, required", "Quux"),
        ("Phone number, required", "2015550142"),
    ):
        assert reader.ask("set_text", role="text", name=name, text=text)
    reader.ask("press", role="check box", name="Morning")
    reader.ask("press", role="check box", name_has="the clinic may call me")
    reader.forget()
    reader.ask("press", role="push button", name="Send my request")
    thanks = reader.hear(announced("Thank you!", starting=True), within=ANSWER)
    said = thanks["data"]
    assert "Your request is with our staff." in said
    code = said.split("Your reference code: ")[1].rstrip(".")
    assert all(len(part) == 1 for part in code.split(" ")), said  # letter by letter
    assert "555" not in said
    assert reader.ask("describe", role="frame")["name"] == f"Thank you! \u2014 {CLINIC}"
