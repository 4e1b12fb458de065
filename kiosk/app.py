"""The composition root: builds config -> content -> look -> views -> shell, in that order.

`build_kiosk()` returns the whole app without entering the event loop, so `kiosk run`,
`kiosk screenshot` and the end-to-end tests all use the same wiring.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.controllers.background import Background, Outcome
from kiosk.controllers.guidance import Guidance
from kiosk.controllers.session import COUNTDOWN_SECONDS, IdleWatch, LockDown
from kiosk.controllers.shell import LibraryLoader, RequestSaver, Shell, UsageCounter
from kiosk.controllers.speech import Speaker
from kiosk.core.config import Config
from kiosk.core.content import Library, load_library
from kiosk.core.theme import HIGH_CONTRAST, STANDARD, Look
from kiosk.system.notify import Notifier
from kiosk.views.deferred import after_first_paint
from kiosk.views.home_view import HomeView
from kiosk.views.icons import IconSet
from kiosk.views.idle_overlay import IdleOverlay
from kiosk.views.illustrations import Illustrations
from kiosk.views.keyboard_access import KeyboardActivation
from kiosk.views.look import LookController
from kiosk.views.main_window import MainWindow
from kiosk.views.placeholder_view import PlaceholderView

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.controllers.staff import StaffMode
    from kiosk.core.callback_form import CallbackRequest
    from kiosk.storage.database import Database
    from kiosk.storage.requests import StoredRequest
    from kiosk.system.diagnostics import Running
    from kiosk.views.callback_view import CallbackView
    from kiosk.views.topic_view import TopicView


class Kiosk(NamedTuple):
    """The built application: what `run`, `screenshot` and the tests reach into."""

    app: QApplication
    config: Config
    look: LookController
    window: MainWindow
    shell: Shell
    home: HomeView
    idle: IdleWatch
    overlay: IdleOverlay
    # The thread that waits on the disk for the UI (saves, counts, purges, exports).
    background: Background
    guidance: Guidance  # audio guidance: pages and controls spoken, for a keyboard or switch

    @property
    def topic(self) -> TopicView:
        return self.shell.topic_view


log = logging.getLogger(__name__)


def create_qapplication(argv: list[str]) -> QApplication:
    """The one QApplication, created on first call."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName("waiting-room-kiosk")
    app.setApplicationVersion(__version__)
    return app


def build_kiosk(
    config: Config, app: QApplication, *, kiosk_mode: bool, notifier: Notifier | None = None
) -> Kiosk:
    """Build every collaborator and hand each its dependencies; shows nothing yet. With a
    `notifier` (kiosk run under systemd), systemd hears when home is up and that the event
    loop still turns."""
    assets = config.paths.assets_dir
    libraries = _library_loader(config)
    default_look = Look(
        palette=HIGH_CONTRAST if config.kiosk.high_contrast else STANDARD,
        text_size=config.kiosk.text_size,
    )
    look = LookController(app, assets, default_look)
    icons = IconSet(assets / "icons")
    window = MainWindow(look, icons, config.clinic.name, config.clinic.phone, kiosk_mode=kiosk_mode)
    illustrations = Illustrations(assets / "illustrations")
    home = HomeView(look, icons, illustrations=illustrations)
    database = _database_opener(config)
    background = Background(window)
    speaker = Speaker(config.kiosk.speech_engine, window)
    # Looking for a voice loads Qt's speech and multimedia libraries: once home is on screen.
    after_first_paint(home, speaker.prepare)
    shell = Shell(
        config,
        window,
        look,
        libraries=libraries,
        home=home,
        make_topic=lambda: _make_topic(look, icons, illustrations),
        make_spine=lambda: _make_spine(config, libraries, look, icons),
        make_callback=lambda: _make_callback(look, icons, config),
        requests=_request_saver(database, background),
        make_staff=lambda: _make_staff(
            config, database, background, window, _running_facts(config, speaker, notifier)
        ),
        usage=_usage_counter(database, background),
        translations_dir=assets / "i18n",
        speaker=speaker,
    )
    _keep_purging(window, config, database, background)
    # The screens of a visit and the topic pages, made once home is on screen.
    after_first_paint(home, shell.warm_up)
    if notifier is not None and notifier.enabled:
        _feed_watchdog(home, window, speaker, notifier)
    # Audio guidance ends first at a reset (saying nothing of it), so the next patient starts
    # without it.
    guidance = Guidance(window, shell.guide, shell.can_guide, speaker.stop)
    # Nor does it follow staff to the PIN pad: the keys they reach would be said aloud.
    window.staff_requested.connect(guidance.end)
    idle, overlay = _watch_idleness(app, config, window, shell, guidance.end)
    look.style(overlay)  # over the window, shown or hidden whole
    KeyboardActivation(window)
    if kiosk_mode:
        LockDown(window)
        if config.kiosk.hide_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    return Kiosk(app, config, look, window, shell, home, idle, overlay, background, guidance)


def _feed_watchdog(
    home: HomeView, window: MainWindow, speaker: Speaker, notifier: Notifier
) -> None:
    """READY=1 once home is painted, then WATCHDOG=1 from a timer on the UI thread: a frozen
    event loop stops the pings, and systemd restarts the kiosk. Read aloud's state goes to
    `systemctl status`."""

    def ready() -> None:
        notifier.ready("home on screen")
        if notifier.ping_interval_ms:
            timer.start()

    timer = QTimer(window)
    timer.setInterval(notifier.ping_interval_ms)
    timer.timeout.connect(notifier.ping)
    after_first_paint(home, ready)
    speaker.availability_changed.connect(
        lambda: notifier.status(
            "running; read aloud " + ("on" if speaker.ready and speaker.engine else "off")
        )
    )


def _watch_idleness(
    app: QApplication,
    config: Config,
    window: MainWindow,
    shell: Shell,
    end_guidance: Callable[[], None],
) -> tuple[IdleWatch, IdleOverlay]:
    """Ask "Are you still there?", wipe the session when nobody answers, then attract."""
    idle = IdleWatch(app, window, config.kiosk.idle_timeout_seconds, from_first_paint_of=window)
    overlay = IdleOverlay(window)
    idle.warned.connect(overlay.warn)

    def next_second(seconds: int) -> None:
        # From the countdown's second second: the first paints the warning.
        if seconds < COUNTDOWN_SECONDS:
            shell.get_ready_to_reset()

    idle.warned.connect(next_second)
    idle.active.connect(overlay.dismiss)
    overlay.still_here.connect(idle.still_here)

    def expired() -> None:
        end_guidance()
        overlay.hide()
        shell.reset_session()

    def start_over() -> None:  # the patient asked: wipe now, and the idle time starts again
        end_guidance()
        overlay.hide()
        idle.still_here()
        shell.reset_session()

    idle.expired.connect(expired)
    overlay.start_over.connect(start_over)
    idle.attract.connect(shell.show_attract)
    idle.woke.connect(shell.go_home)
    return idle, overlay


def _make_spine(
    config: Config, libraries: LibraryLoader, look: LookController, icons: IconSet
) -> QWidget:
    """The spine explorer, or a placeholder (and a log line) if its drawing cannot be read."""
    # Imported here: none of it is needed to show home, and start-up is measured.
    from kiosk.core.anatomy import SpineMap, spine_drawings  # noqa: PLC0415
    from kiosk.views.spine_view import SpineView  # noqa: PLC0415

    try:
        drawing_for = spine_drawings(config.paths.assets_dir)
        tappable = drawing_for(look.look.palette).tappable
    except (OSError, SyntaxError, UnicodeDecodeError):
        log.exception("spine drawing unusable, showing a placeholder")
        return PlaceholderView()
    regions = libraries(config.default_language).regions
    spine_map = SpineMap.build(tappable, [(r.slug, r.elements) for r in regions])
    return SpineView(look, icons, drawing_for, spine_map)


PURGE_CHECK_MS = 60 * 60 * 1000  # hourly: cheap, and a purge is due at most once a day


def _keep_purging(
    window: MainWindow,
    config: Config,
    database: Callable[[], Database],
    background: Background,
) -> None:
    """Delete old exported and done requests once a day, without staff having to remember.

    Checked an hour after start-up and hourly after that (the first check is not on the
    start-up path); the audit log remembers the last run, so restarts do not repeat it.
    """

    def check() -> None:
        from kiosk.storage.database import StorageError  # noqa: PLC0415
        from kiosk.storage.retention import due, last_run, purge  # noqa: PLC0415

        try:
            db = database()
            now = dt.datetime.now(dt.UTC)
            if due(last_run(db), now):
                count = purge(db, older_than_days=config.kiosk.retention_days)
                log.info("retention: %d old requests deleted", count)
        except StorageError as exc:
            log.warning("retention check skipped: %s", exc.kind)

    timer = QTimer(window)
    timer.setInterval(PURGE_CHECK_MS)
    timer.timeout.connect(lambda: background.run(check, _log_failure("retention check")))
    timer.start()


def _log_failure(what: str) -> Callable[[Outcome[object]], None]:
    """For a background job nobody waits for: a failure costs a log line (never patient data:
    these jobs handle none), never an error on screen."""

    def done(outcome: Outcome[object]) -> None:
        if outcome.error is not None:
            log.warning("%s failed: %s", what, outcome.error)

    return done


def _usage_counter(database: Callable[[], Database], background: Background) -> UsageCounter:
    """Count anonymous usage on the disk thread, so a slow disk never delays a patient; a
    database that cannot be opened costs a log line, never an error on screen."""

    def count(event: str, subject: str) -> None:
        def write() -> None:
            from kiosk.storage.usage import UsageStats  # noqa: PLC0415

            UsageStats(database()).count(event, subject)

        background.run(write, _log_failure("usage count"))

    return count


def _running_facts(
    config: Config, speaker: Speaker, notifier: Notifier | None
) -> Callable[[], Running]:
    """Read aloud's and the watchdog's state, for the staff diagnostics screen."""
    from kiosk.system.diagnostics import Running, read_aloud_line  # noqa: PLC0415

    def running() -> Running:
        engine = (speaker.engine or "") if speaker.ready else ""
        pinging = notifier.ping_interval_ms if notifier is not None and notifier.enabled else 0
        return Running(
            read_aloud_line(config.kiosk.speech_engine, engine, speaker.off_reason), pinging
        )

    return running


def _make_staff(
    config: Config,
    database: Callable[[], Database],
    background: Background,
    window: MainWindow,
    running: Callable[[], Running],
) -> StaffMode:
    """The staff screen and the controller that runs it (kept alive as the screen's child)."""
    from kiosk.controllers.staff import StaffMode  # noqa: PLC0415 -- not needed for home
    from kiosk.views.staff_view import StaffScreen  # noqa: PLC0415

    screen = StaffScreen()
    mode = StaffMode(screen, database, config, background=background, running=running)

    def leave_kiosk() -> None:
        window.allow_close()
        window.close()
        QApplication.quit()

    mode.exit_requested.connect(leave_kiosk)
    return mode


def _make_topic(look: LookController, icons: IconSet, illustrations: Illustrations) -> TopicView:
    from kiosk.views.topic_view import TopicView  # noqa: PLC0415 -- not needed for home

    return TopicView(look, icons, illustrations=illustrations)


def _make_callback(look: LookController, icons: IconSet, config: Config) -> CallbackView:
    from kiosk.views.callback_view import CallbackView  # noqa: PLC0415 -- not needed for home
    from kiosk.views.thanks_view import BACK_AFTER_SECONDS  # noqa: PLC0415

    return CallbackView(
        look,
        icons,
        languages=config.kiosk.languages,
        retention_days=config.kiosk.retention_days,
        promises=dict(config.clinic.callback_within),
        clinic_phone=config.clinic.phone,
        # The thank-you page goes home before the idle warning could come up over it.
        back_after_seconds=min(BACK_AFTER_SECONDS, config.kiosk.idle_timeout_seconds - 2),
    )


def _database_opener(config: Config) -> Callable[[], Database]:
    """The one database, opened on first use (not at start-up) and kept open.

    Raises StorageError while it cannot be opened; the next call tries again. Called from the
    disk thread and (by staff screens) the UI thread, so opening is done once, under a lock.
    """
    opened: list[Database] = []
    lock = threading.Lock()

    def database() -> Database:
        with lock:
            return opened[0] if opened else open_it()

    def open_it() -> Database:
        if not opened:
            from kiosk.storage.database import Database  # noqa: PLC0415 -- not needed for home

            opened.append(Database.open(config.paths.data_dir))
            if opened[0].recovered_from is not None:
                log.error(
                    "staff: a damaged database was set aside as %s", opened[0].recovered_from.name
                )
        return opened[0]

    return database


def _request_saver(database: Callable[[], Database], background: Background) -> RequestSaver:
    """Save requests in the database, on the disk thread; `saved(request)` on the UI thread.

    A failure is logged by kind (never with patient data) and reported as None, so the form
    keeps what was typed and says so; the next save tries to open the database again.
    """

    def save(
        request: CallbackRequest,
        consent_text: str,
        saved: Callable[[StoredRequest | None], None],
    ) -> None:
        from kiosk.core.callback_form import reference_code  # noqa: PLC0415
        from kiosk.storage.requests import RequestStore  # noqa: PLC0415
        from kiosk.views.callback_view import CONSENT_VERSION  # noqa: PLC0415

        def write() -> StoredRequest:
            return RequestStore(database()).save(
                request,
                reference=reference_code(),
                consent_text=consent_text,
                consent_version=CONSENT_VERSION,
            )

        def done(outcome: Outcome[StoredRequest]) -> None:
            from kiosk.storage.requests import StorageError  # noqa: PLC0415

            if isinstance(outcome.error, StorageError):
                # An expected failure, said plainly: no stack trace in the log.
                exc = outcome.error
                log.error("could not save a callback request: %s (%s)", exc.kind, exc)
            elif outcome.error is not None:
                # Unexpected: its type only, as its text might hold what the patient typed.
                log.error("could not save a callback request: %s", type(outcome.error).__name__)
            saved(outcome.value)

        background.run(write, done)

    return save


def _library_loader(config: Config) -> LibraryLoader:
    """Load each language's content once; a language with no content shows the default's."""
    cache: dict[str, Library] = {}

    def load(language: str) -> Library:
        if language not in cache:
            library = load_library(config.paths.content_dir, language)
            for problem in library.problems:
                # The clinic's own text, never patient data: safe to log.
                log.warning("content problem: %s", problem)
            if not library.topics and language != config.default_language:
                library = load(config.default_language)
            cache[language] = library
        return cache[language]

    return load
