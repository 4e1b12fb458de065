"""The navigation controller: turns routes into screens and the top bar's buttons into actions.

It owns the history, the current language and its content library, and hands each view what it
shows. Views only emit signals; this is the one place that decides where a tap leads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from kiosk.content import Library, Topic
from kiosk.markup import render
from kiosk.navigation import HOME, History, Route
from kiosk.views.home_view import HomeView, TopicTile
from kiosk.views.look import LookController
from kiosk.views.main_window import MainWindow
from kiosk.views.topic_view import TopicPage, TopicView

LANGUAGE_NAMES = {"en": "English", "es": "Español"}

LibraryLoader = Callable[[str], Library]


class Shell(QObject):
    """Wires the window, the screens and the models together."""

    def __init__(
        self,
        config: Config,
        window: MainWindow,
        look: LookController,
        *,
        libraries: LibraryLoader,
        home: HomeView,
        topic: TopicView,
        others: Mapping[str, QWidget],
        translations_dir: Path,
    ) -> None:
        super().__init__()
        self._config = config
        self._window = window
        self._look = look
        self._libraries = libraries
        self._home = home
        self._topic = topic
        self._screens: dict[str, QWidget] = {"home": home, "topic": topic, **others}
        self._translations_dir = translations_dir
        self._translator: QTranslator | None = None
        self._rendered: dict[tuple[str, str], str] = {}
        self.history = History()
        self.language = config.default_language
        self.library = libraries(self.language)

        for screen in self._screens.values():
            window.add_screen(screen)
        window.home_requested.connect(self.go_home)
        window.back_requested.connect(self.go_back)
        window.language_requested.connect(self.next_language)
        window.text_size_requested.connect(look.next_text_size)
        window.contrast_requested.connect(look.toggle_contrast)
        home.topic_chosen.connect(lambda slug: self.go(Route("topic", slug)))
        home.spine_chosen.connect(lambda: self.go(Route("spine")))
        home.callback_chosen.connect(lambda: self.go(Route("callback")))
        topic.topic_chosen.connect(lambda slug: self.go(Route("topic", slug)))
        topic.region_chosen.connect(lambda region: self.go(Route("spine", region)))
        topic.callback_chosen.connect(lambda slug: self.go(Route("callback", slug)))
        self.set_language(self.language)

    @property
    def current(self) -> Route:
        return self.history.current

    def go(self, route: Route) -> None:
        """Show `route`; a route to something that does not exist shows home instead."""
        if route.screen not in self._screens or (
            route.screen == "topic" and self.library.topic(route.arg) is None
        ):
            route = HOME
        self._show(self.history.visit(route))

    def go_back(self) -> None:
        self._show(self.history.back())

    def go_home(self) -> None:
        self._show(self.history.home())

    def next_language(self) -> None:
        languages = self._config.kiosk.languages
        following = languages[(languages.index(self.language) + 1) % len(languages)]
        self.set_language(following)

    def set_language(self, language: str) -> None:
        """Switch every text at once, keeping the patient's place."""
        self.language = language
        self.library = self._libraries(language)
        self._install_translator(language)
        self._home.set_topics([_tile(t) for t in self.library.topics])
        languages = self._config.kiosk.languages
        following = languages[(languages.index(language) + 1) % len(languages)]
        self._window.set_language_choice(
            LANGUAGE_NAMES.get(following, following) if len(languages) > 1 else ""
        )
        self._show(self.history.current)

    def _install_translator(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator(self)
        if translator.load(f"kiosk_{language}", str(self._translations_dir)):
            app.installTranslator(translator)
            self._translator = translator

    def _show(self, route: Route) -> None:
        if route.screen == "topic":
            topic = self.library.topic(route.arg)
            if topic is None:
                self._show(self.history.home())
                return
            self._topic.show_page(self._page(topic))
        screen = self._screens[route.screen]
        self._window.set_screen(screen, can_go_back=self.history.can_go_back)

    def _page(self, topic: Topic) -> TopicPage:
        key = (self.language, topic.slug)
        if key not in self._rendered:
            clinic = self._config.clinic
            self._rendered[key] = render(
                topic.body,
                {
                    "clinic_name": clinic.name,
                    "clinic_phone": clinic.phone,
                    "clinic_address": clinic.address,
                },
            )
        related = tuple(
            (other.slug, other.title)
            for slug in topic.related_topics
            if (other := self.library.topic(slug)) is not None
        )
        return TopicPage(topic.slug, topic.title, self._rendered[key], related)


def _tile(topic: Topic) -> TopicTile:
    return TopicTile(
        topic.slug, topic.title, topic.summary, topic.icon, urgent=topic.icon == "urgent"
    )
