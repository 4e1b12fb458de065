"""The `kiosk` command: run the kiosk, or render one screen to a PNG with no display.

Qt is imported only once a command needs it, so `--version` and usage errors are instant.
Usage errors and unusable settings exit with status 2 and a one-line message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kiosk import __version__
from kiosk.admin import add_commands as add_admin_commands
from kiosk.admin import run as run_admin
from kiosk.central.commands import add_commands as add_central_commands
from kiosk.central.commands import run as run_central
from kiosk.core.config import TEXT_SIZES, Config, ConfigError, find_config_file, load_config
from kiosk.core.navigation import Route, RouteError
from kiosk.desk.commands import add_commands as add_desk_commands
from kiosk.desk.commands import run as run_desk

if TYPE_CHECKING:
    from kiosk.system.doctor import Voices

USAGE_ERROR = 2
ADMIN_COMMANDS = ("staff", "audit", "stats", "purge", "export", "demo-data")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not the whole usage text."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


SCREEN_SIDES = range(320, 8192 + 1)  # pixels: a phone's narrow side to an 8K screen


def _size(text: str) -> tuple[int, int]:
    width, x, height = text.lower().partition("x")
    if not x or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"size must look like 1080x1920, not {text!r}")
    size = int(width), int(height)
    if not all(side in SCREEN_SIDES for side in size):
        raise argparse.ArgumentTypeError(f"each side must be 320 to 8192 pixels, not {text!r}")
    return size


def _route(text: str) -> Route:
    try:
        return Route.parse(text)
    except RouteError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `only="run"` just what starting the kiosk needs: the
    admin commands' parsers cost ~10 ms of every cold start."""
    parser = _Parser(prog="kiosk", description="Waiting-Room Kiosk for a spine and pain clinic.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    run = commands.add_parser("run", help="start the kiosk (the default)")
    _common(run)
    run.add_argument(
        "--windowed",
        action="store_true",
        help="an ordinary window instead of covering the screen (development)",
    )
    run.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="window size with --windowed (default 1280x800, or 800x1280 on a portrait screen, "
        "shrunk to fit the screen)",
    )
    if only == "run":
        return parser

    add_admin_commands(commands, _common)
    add_central_commands(commands, _common)
    add_desk_commands(commands, _common, _size)

    check = commands.add_parser(
        "check-content", help="check the clinic's texts: fields, links, icons, reading level"
    )
    check.add_argument(
        "content_dir",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="content folder (default: the configured one)",
    )
    check.add_argument("--config", type=Path, metavar="PATH", help="configuration file (TOML)")
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail on warnings too (a review more than a year old), not only on problems",
    )

    doctor = commands.add_parser(
        "doctor", help="check the machine and the installation; one line per check, exit 1 on any ✗"
    )
    _common(doctor)
    doctor.add_argument(
        "--system",
        action="store_true",
        help="only the machine: Qt's libraries, the display platform, fonts",
    )

    shot = commands.add_parser("screenshot", help="render one screen to a PNG, no display needed")
    shot.add_argument(
        "screen",
        type=_route,
        help="home, topic:<slug>, spine, spine:<region>, callback, staff, staff:pin, staff:stats, "
        "staff:checks, attract",
    )
    shot.add_argument("out", type=Path, metavar="OUT.png")
    _common(shot)
    shot.add_argument(
        "--size",
        type=_size,
        default=(1080, 1920),
        metavar="WxH",
        help="window size (default 1080x1920, portrait)",
    )
    shot.add_argument("--lang", metavar="CODE", help="language, e.g. en or es")
    shot.add_argument(
        "--text-size",
        type=int,
        choices=TEXT_SIZES,
        metavar="PERCENT",
        help=f"text size step: {', '.join(map(str, TEXT_SIZES))}",
    )
    shot.add_argument("--high-contrast", action="store_true", help="use the high-contrast theme")
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, metavar="PATH", help="configuration file (TOML)")
    command.add_argument(
        "--data-dir",
        type=Path,
        metavar="PATH",
        help="folder for the kiosk's data (overrides the configuration)",
    )


def main(argv: list[str] | None = None) -> int:
    # Everything the kiosk writes (database, logs, exports, counters) is for this user alone.
    os.umask(0o077)
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(only="run" if not words or words[0] == "run" else None)
    args = parser.parse_args(words)
    if args.command is None:
        args = parser.parse_args(["run", *words])
    if args.command == "doctor":  # before loading the configuration: checking it is its job
        return _doctor(args)
    try:
        # `kiosk central` has no --config: it is the store's, not a kiosk's.
        config = load_config(find_config_file(getattr(args, "config", None)))
    except ConfigError as exc:
        parser.exit(USAGE_ERROR, f"kiosk: {exc}\n")
    if args.command in ADMIN_COMMANDS:
        if args.data_dir is not None:
            config = config.with_data_dir(args.data_dir.resolve())
        return run_admin(args, config)
    if args.command in ("central", "sync", "desk"):
        if getattr(args, "data_dir", None) is not None:
            config = config.with_data_dir(args.data_dir.resolve())
        return (run_desk if args.command == "desk" else run_central)(args, config)
    if args.command == "check-content":
        return _check_content(
            config, args.content_dir or config.paths.content_dir, strict=args.strict
        )
    if args.data_dir is not None:
        config = config.with_data_dir(args.data_dir.resolve())
    if args.command == "screenshot":
        return _screenshot(parser, config, args)
    return _run(config, args)


def _check_content(config: Config, content_dir: Path, *, strict: bool = False) -> int:
    """Print every problem as file:line: message, every warning as file:line: warning: message,
    and each page's reading grade; 1 on any problem (or, when `strict`, any warning)."""
    from kiosk.core.checks import check_content
    from kiosk.core.readability import FORMULAS, GRADE_LIMIT

    reports = check_content(content_dir, config.paths.assets_dir, config.kiosk.languages)
    total = warned = 0
    for language, report in reports.items():
        formula = FORMULAS.get(language, "no formula for this language")
        print(f"{language}: reading grades ({formula}, limit {GRADE_LIMIT:g})")
        for page, grade in report.grades:
            shown = "  n/a" if grade is None else f"{grade:5.1f}"
            print(f"  {shown}  {_shown_path(page.path)}")
        for problem in report.problems:
            print(f"{_shown_path(problem.path)}:{problem.line}: {problem.message}")
        for warning in report.warnings:
            print(f"{_shown_path(warning.path)}:{warning.line}: warning: {warning.message}")
        total += len(report.problems)
        warned += len(report.warnings)
    summary = f"{total} problem{'s' if total != 1 else ''} found" if total else "no problems found"
    if warned:
        summary += f", {warned} warning{'s' if warned != 1 else ''}"
    print(summary)
    return 1 if total or (strict and warned) else 0


def _doctor(args: argparse.Namespace) -> int:
    """Print one ✓ or ✗ line per check; 1 if any check failed."""
    from kiosk.system import doctor

    checks = doctor.run(
        None if args.system else find_config_file(args.config),
        data_dir=args.data_dir.resolve() if args.data_dir else None,
        system_only=args.system,
        voices=_probe_voices,
    )
    marks = ("✓", "✗")
    try:
        "".join(marks).encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        marks = ("ok  ", "FAIL")  # a terminal that cannot show them
    for check in checks:
        print(check.line(marks))
    return 0 if all(check.ok for check in checks) else 1


def _probe_voices(engine: str, languages: Sequence[str]) -> Voices:
    # Qt loads here, for this one check, so the others run when Qt cannot.
    from kiosk.controllers.voices import probe_voices

    return probe_voices(engine, languages)


def _shown_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _run(config: Config, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    from kiosk.app import build_kiosk, create_qapplication
    from kiosk.system import logs, safety

    # One event per line, to data/logs/kiosk.log and stderr (the journal). Never patient data.
    # The file opens once home is on screen (what is logged before waits for it). A data folder
    # that cannot be written costs the log file only: the kiosk runs, and says so in the journal.
    logs.configure(config.paths.data_dir, defer_file=True)
    app = create_qapplication(sys.argv[:1])
    from kiosk.system.notify import Notifier

    kiosk = build_kiosk(config, app, kiosk_mode=not args.windowed, notifier=Notifier())
    from kiosk.views.deferred import after_first_paint

    after_first_paint(kiosk.home, logs.open_file)
    QTimer.singleShot(5000, logs.open_file)  # in case home is never painted (no screen)
    # An error in the kiosk's own code is logged and the patient lands on home, not on a trace.
    safety.install(config.paths.data_dir, lambda: QTimer.singleShot(0, kiosk.shell.go_home))
    if args.windowed:
        from kiosk.views.main_window import windowed_size

        free = kiosk.window.screen().availableGeometry()  # without the desktop's panels
        kiosk.window.resize(*(args.size or windowed_size((free.width(), free.height()))))
        kiosk.window.show()
    else:
        kiosk.window.show_for_kiosk()
    return app.exec()


def _screenshot(parser: argparse.ArgumentParser, config: Config, args: argparse.Namespace) -> int:
    language = args.lang or config.default_language
    if language not in config.kiosk.languages:
        parser.exit(
            USAGE_ERROR,
            f"kiosk: language {language!r} is not configured "
            f"(configured: {', '.join(config.kiosk.languages)})\n",
        )
    import contextlib
    import tempfile

    with contextlib.ExitStack() as stack:
        if args.screen.screen == "staff":
            # Staff screens show fictional requests, never a real data folder's; the folder
            # made for them (a database and its key) goes once the picture is taken.
            from kiosk.demo import seed

            demo = stack.enter_context(
                tempfile.TemporaryDirectory(prefix="kiosk-demo-", ignore_cleanup_errors=True)
            )
            config = config.with_data_dir(Path(demo))
            seed(config.paths.data_dir)
        return _render(parser, config, args, language)


def _render(
    parser: argparse.ArgumentParser, config: Config, args: argparse.Namespace, language: str
) -> int:
    # Rendering needs no display: Qt's offscreen platform draws into memory.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.app import build_kiosk, create_qapplication
    from kiosk.screenshot import render_screen

    app = create_qapplication(sys.argv[:1])
    kiosk = build_kiosk(config, app, kiosk_mode=False)
    try:
        render_screen(
            kiosk,
            args.screen,
            args.out,
            size=args.size,
            language=language,
            text_size=args.text_size,
            high_contrast=args.high_contrast,
        )
    except (LookupError, OSError) as exc:
        parser.exit(1, f"kiosk: {exc}\n")
    return 0
