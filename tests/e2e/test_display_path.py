"""The real `kiosk run`, in kiosk mode, on real display servers: cage (the Wayland compositor it
ships with) and Xvfb with no window manager (X11). Each test grabs the screen until it shows
home and compares it with `kiosk screenshot home` at the same size.

The servers and the kiosk run as an unprivileged user, as the service does (cage refuses root):
the test's own user, or when that is root, $KIOSK_TEST_USER (default kiosk-ci), which .ci/run
creates and lets through to the checkout. A missing tool or user skips these tests on a
developer's machine and fails them in CI (CI=true).
"""

from __future__ import annotations

import os
import pwd
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.e2e.display_servers import MARKER, Started, black, matching, read_ppm, read_xwd
from tests.e2e.needs import tool, unavailable

KIOSK = Path(sys.executable).with_name("kiosk")
PACKAGES = {"cage": "cage", "grim": "grim", "Xvfb": "xvfb"}
# Nothing may start by itself behind the test's back (speech-dispatcher), or swap home for the
# attract loop while the test waits.
CONFIG = '[kiosk]\nspeech_engine = "none"\nidle_timeout_seconds = 3600\n'

# A kiosk that has painted home matches its screenshot pixel for pixel (both are Qt's raster
# engine with the same fonts): measured 100.00 % under cage, 99.98 % under Xvfb (the X pointer
# is drawn in the middle). A black screen matches 0 %; home drawn at a window's first, smaller
# size 33.6 %; a 1280x800 window cut off by a 1280x720 screen 92.3 %.
MATCH = 0.98
DEADLINE = 60.0  # seconds for the kiosk to paint home: a cold start on a slow, busy CI machine
POLL = 0.25  # seconds between two grabs of the screen


def _tool(name: str) -> str:
    return tool(name, PACKAGES[name])


@dataclass(frozen=True)
class Account:
    """Who runs the display server and the kiosk: `prefix` goes before each of their commands."""

    uid: int
    gid: int
    prefix: tuple[str, ...]


@pytest.fixture(scope="module")
def account() -> Account:
    if os.geteuid() != 0:
        return Account(os.getuid(), os.getgid(), ())
    name = os.environ.get("KIOSK_TEST_USER", "kiosk-ci")
    try:
        user = pwd.getpwnam(name)
    except KeyError:
        unavailable(f"no user {name!r} to run cage as (it refuses root): useradd --system {name}")
    setpriv = shutil.which("setpriv") or "setpriv"
    prefix = (setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups", "--")
    # Started from a program the account runs, as cage starts it: on some kernels the exec
    # that setpriv itself makes passes a folder the account cannot enter.
    tried = subprocess.run(
        [*prefix, shutil.which("env") or "env", str(KIOSK), "--version"],
        env={"PATH": os.defpath},
        cwd="/",
        capture_output=True,
        text=True,
        check=False,
    )
    if tried.returncode != 0:
        unavailable(
            f"{name} cannot run {KIOSK} ({tried.stderr.strip()[-200:]}): every folder above the "
            f"checkout and above the venv's Python must let it through (setfacl -m u:{name}:x)"
        )
    return Account(user.pw_uid, user.pw_gid, prefix)


@dataclass(frozen=True)
class Workspace:
    """A throwaway home, runtime folder (XDG_RUNTIME_DIR), configuration and data folders, owned
    by the account, and the environment every process gets: nothing of the caller's but PATH,
    the time zone and the language."""

    root: Path
    env: dict[str, str]

    @property
    def runtime(self) -> Path:
        return self.root / "runtime"

    def kiosk_args(self, data: str = "data") -> list[str]:
        return ["--config", str(self.root / "kiosk.toml"), "--data-dir", str(self.root / data)]


@pytest.fixture
def workspace(account: Account) -> Iterator[Workspace]:
    root = Path(tempfile.mkdtemp(prefix="kiosk-display-"))
    try:
        home = root / "home"
        for folder in (home, root / "runtime", root / "data", root / "shot-data", root / "fb"):
            folder.mkdir(mode=0o700)
        (root / "kiosk.toml").write_text(CONFIG, encoding="utf-8")
        for path in (root, *root.iterdir()):
            os.chown(path, account.uid, account.gid)
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(root / "runtime"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            # No session bus, and none started on demand: it would outlive the test.
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={root / 'no-bus'}",
            "PYTHONDONTWRITEBYTECODE": "1",
            MARKER: root.name,
        }
        # Whatever time zone and language the machine has, the kiosk and its screenshot share.
        env |= {k: v for k, v in os.environ.items() if k in {"TZ", "LANG", "LANGUAGE", "LC_ALL"}}
        yield Workspace(root, env)
    finally:
        shutil.rmtree(root)


@pytest.fixture
def started(workspace: Workspace) -> Iterator[Started]:
    processes = Started(workspace.root, workspace.env[MARKER])
    try:
        yield processes
    finally:
        processes.end()


def _reference(account: Account, workspace: Workspace, size: tuple[int, int]) -> QImage:
    """Home at `size` as `kiosk screenshot` renders it, with the same configuration."""
    out = workspace.root / "home" / "reference.png"
    shot = [str(KIOSK), "screenshot", "home", str(out), "--size", "{}x{}".format(*size)]
    done = subprocess.run(
        [*account.prefix, *shot, *workspace.kiosk_args("shot-data")],
        env=workspace.env,
        cwd=workspace.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    return image


def _wait_for_home(
    reference: QImage,
    grab: Callable[[], QImage | None],
    kiosk: subprocess.Popen[bytes],
    started: Started,
    picture: Path,
) -> None:
    """Grab the screen until it shows home, or fail at the deadline or when `kiosk` (or the
    compositor it runs in) exits. The last picture is saved to `picture` either way."""
    deadline = time.monotonic() + DEADLINE
    shot: QImage | None = None
    share = 0.0
    while share < MATCH and time.monotonic() < deadline:
        grabbed = grab()
        if grabbed is not None:
            shot, share = grabbed, matching(grabbed, reference)
        if share < MATCH:
            try:
                code = kiosk.wait(timeout=POLL)  # the pause between two grabs
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"the kiosk exited ({code}) before home was on screen\n{started.logs()}")
    assert shot is not None, f"no picture of the screen in {DEADLINE:.0f} s\n{started.logs()}"
    shot.save(str(picture))
    assert share >= MATCH, (
        f"after {DEADLINE:.0f} s the screen matches home at {share:.2%} (needs {MATCH:.0%}) and "
        f"is {black(shot):.1%} black; see {picture}\n{started.logs()}"
    )
    assert black(shot) < 0.05


def test_cage_shows_home(
    account: Account, workspace: Workspace, started: Started, tmp_path: Path
) -> None:
    """The deployed display path (deploy/waiting-room-kiosk.service) on wlroots' headless
    backend, whose one output is 1280x720 (cage 0.1.4 has no way to change it)."""
    cage, grim = _tool("cage"), _tool("grim")
    reference = _reference(account, workspace, (1280, 720))
    env = workspace.env | {
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "XDG_SESSION_TYPE": "wayland",
        "QT_QPA_PLATFORM": "wayland",
    }
    # Turned 180° (-r -r) so that cage composites every frame. Upright, cage 0.1.4 hands a
    # screen-sized client buffer straight to the output (direct scan-out), and on the headless
    # backend grim then gets the last frame cage composited itself, not the client's: all black
    # when the window is screen-sized from its first frame, a stale smaller frame otherwise. A
    # real screen shows the client's buffer either way. grim turns the picture upright.
    argv = [cage, "-d", "-s", "-r", "-r", "--", str(KIOSK), "run", *workspace.kiosk_args()]
    server = started.start("cage", [*account.prefix, *argv], env, ends_with_client=True)

    def grab() -> QImage | None:
        socket = next(workspace.runtime.glob("wayland-*[0-9]"), None)  # not wayland-0.lock
        if socket is None:
            return None
        done = subprocess.run(
            [*account.prefix, grim, "-t", "ppm", "-"],
            env=env | {"WAYLAND_DISPLAY": socket.name},
            capture_output=True,
            timeout=30,
            check=False,
        )
        return read_ppm(done.stdout) if done.returncode == 0 else None

    _wait_for_home(reference, grab, server, started, tmp_path / "cage.png")


@pytest.mark.parametrize("size", [(1280, 720), (1080, 1920)], ids=["landscape", "portrait"])
def test_xvfb_without_window_manager_shows_home(
    account: Account,
    workspace: Workspace,
    started: Started,
    tmp_path: Path,
    size: tuple[int, int],
) -> None:
    """X11 with nobody to place or size the window: the kiosk must cover the screen itself."""
    xvfb = _tool("Xvfb")
    reference = _reference(account, workspace, size)
    fbdir = workspace.root / "fb"  # where Xvfb keeps screen 0, as an XWD file
    screen = "{}x{}x24".format(*size)
    ready, tell = os.pipe()
    try:
        argv = [xvfb, "-displayfd", str(tell), "-screen", "0", screen, "-fbdir", str(fbdir)]
        argv += ["-nolisten", "tcp"]
        server = started.start("Xvfb", [*account.prefix, *argv], workspace.env, tell)
    finally:
        os.close(tell)
    try:
        display = _display_number(ready, server, started)
    finally:
        os.close(ready)
    env = workspace.env | {"DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
    argv = [str(KIOSK), "run", *workspace.kiosk_args()]
    kiosk = started.start("kiosk", [*account.prefix, *argv], env)
    dump = fbdir / "Xvfb_screen0"
    picture = tmp_path / "xvfb.png"
    _wait_for_home(reference, lambda: read_xwd(dump.read_bytes()), kiosk, started, picture)


def _display_number(ready: int, server: subprocess.Popen[bytes], started: Started) -> str:
    """Xvfb writes its display number to -displayfd once it takes connections."""
    deadline, said = time.monotonic() + DEADLINE, b""
    while not said.endswith(b"\n"):
        if time.monotonic() > deadline or server.poll() is not None:
            pytest.fail(f"Xvfb did not start\n{started.logs()}")
        if select.select([ready], [], [], POLL)[0]:
            said += os.read(ready, 16) or b"?\n"  # end of file: Xvfb gave up
    return said.decode().strip()
