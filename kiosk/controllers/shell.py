"""The navigation controller: turns routes into screens and the top bar's buttons into actions.

It owns the history, the current language and its content library, and hands each view what it
shows. Views only emit signals; this is the one place that decides where a tap leads. Screens
other than home are built the first time they are needed, which keeps start-up short.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.controllers.translations import Translations
from kiosk.core.config import Config
from kiosk.core.content import Library, Page
from kiosk.core.navigation import HOME, History, Route, Screen
from kiosk.core.pages import Pages
from kiosk.views.deferred import WordsWhenShown, after_first_paint
from kiosk.views.home_view import HomeView, TopicTile
from kiosk.views.illustrations import Illustrations
from kiosk.views.look import LookController
from kiosk.views.main_window import MainWindow
from kiosk.views.words import language_name

if TYPE_CHECKING:
    from kiosk.controllers.speech import Speaker
    from kiosk.controllers.staff import StaffMode
    from kiosk.core.callback_form import CallbackRequest
    from kiosk.storage.requests import StoredRequest
    from kiosk.views.callback_view import CallbackView
    from kiosk.views.spine_view import SpineView
    from kiosk.views.topic_view import TopicView

# The screens that hold one patient's visit: what they read, chose, typed or sent.
PER_PATIENT = ("topic", "spine", "callback")

LibraryLoader = Callable[[str], Library]
ScreenFactory = Callable[[], QWidget]
# Counts an anonymous usage event ("topic_opened", "surgery"); never fails.
UsageCounter = Callable[[str, str], None]
# Saves a request with its consent wording off the UI thread, then calls back on it with the
# stored request, or None when it could not be saved.
RequestSaver = Callable[["CallbackRequest", str, Callable[["StoredRequest | None"], None]], None]


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
        make_topic: Callable[[], TopicView],
        make_spine: Callable[[], QWidget],
        make_callback: Callable[[], CallbackView],
        requests: RequestSaver,
        make_staff: Callable[[], StaffMode],
        usage: UsageCounter,
        translations_dir: Path,
        speaker: Speaker,
    ) -> None:
        super().__init__()
        self._config = config
        self._window = window
        self._look = look
        self._libraries = libraries
        self._home = home
        self._make_topic = make_topic
        self._topic: TopicView | None = None
        self._make_spine = make_spine
        self._spine: SpineView | None = None
        self._make_callback = make_callback
        self._callback: CallbackView | None = None
        self._requests = requests
        self._factories: dict[str, ScreenFactory] = {
            "topic": self._build_topic,
            "spine": self._build_spine,
            "callback": self._build_callback,
            "staff": self._build_staff,
            "attract": self._build_attract,
        }
        self._make_staff = make_staff
        self._usage = usage
        self._staff: StaffMode | None = None
        self._screens: dict[str, QWidget] = {"home": home}
        self._translations = Translations(translations_dir, self)
        self._speaker = speaker
        speaker.speaking_changed.connect(self._on_speaking_changed)
        self._reading_page = False  # what is being said is a page read aloud, not guidance
        speaker.availability_changed.connect(self._show_read_buttons)
        self._pages: dict[str, Pages] = {}  # per language, each keeping its rendered pages
        self.history = History()
        self._warming = 0  # which round of getting pages ready is the current one
        self._warm = False
        look.changed.connect(self._on_look_changed)
        self.language = config.default_language
        self.pages = self._pages_in(self.language)

        window.add_screen(home)
        window.home_requested.connect(self.go_home)
        window.back_requested.connect(self.go_back)
        window.language_requested.connect(self.next_language)
        window.text_size_requested.connect(look.next_text_size)
        window.contrast_requested.connect(look.toggle_contrast)
        window.look_button_down.connect(
            lambda which: look.expect(
                look.contrasted() if which == "contrast" else look.with_next_text_size()
            )
        )
        # Queued: a click, if the finger lifted on the button, comes right after the release.
        window.look_button_up.connect(lambda: QTimer.singleShot(0, self._home, look.keep))
        look.kept.connect(functools.partial(self._pages_again, at_once=True))
        look.changing.connect(self._on_look_changing)
        home.topic_chosen.connect(lambda slug: self.go(Route(Screen.TOPIC, slug)))
        home.spine_chosen.connect(lambda: self.go(Route(Screen.SPINE)))
        home.callback_chosen.connect(lambda: self.go(Route(Screen.CALLBACK)))
        window.staff_requested.connect(lambda: self.go(Route(Screen.STAFF)))
        self.set_language(self.language)

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    @property
    def current(self) -> Route:
        return self.history.current

    @property
    def staff_mode(self) -> StaffMode | None:
        """The staff controller, once the staff screen has been opened."""
        return self._staff

    @property
    def topic_view(self) -> TopicView:
        """The reader, built on first use."""
        self._screen("topic")
        if self._topic is None:
            raise RuntimeError("the topic screen's factory did not build a TopicView")
        return self._topic

    def go(self, route: Route) -> None:
        """Show `route`; a route to something that does not exist shows home instead."""
        known = route.screen in self._screens or route.screen in self._factories
        if not known or (route.screen == "topic" and self.library.topic(route.arg) is None):
            route = HOME
        self._note_leaving(route)
        if route.screen == "topic":
            self._usage("topic_opened", route.arg)
        if route.screen == "staff":
            self._screen("staff")
            if self._staff is not None:
                self._staff.open()
        if route.screen == "callback":
            # A fresh form each time a patient asks; only Back or a language change re-shows
            # one already being filled in.
            self._screen("callback")
            if self._callback is not None:
                title = self.pages.context_title(route.arg)
                self._callback.start(route.arg if title else "", title, self.language)
                self._usage("form_started", "")
        self._show(self.history.visit(route))

    def go_back(self) -> None:
        self._note_leaving(None)
        self._show(self.history.back())

    def go_home(self) -> None:
        self._note_leaving(HOME)
        self._show(self.history.home())

    def _note_leaving(self, route: Route | None) -> None:
        """A patient who leaves a form they started, without sending it, abandoned it."""
        leaving = self.history.current.screen == "callback" and (
            route is None or route.screen != "callback"
        )
        if leaving and self._callback is not None and self._callback.has_content():
            self._usage("form_abandoned", "")

    def next_language(self) -> None:
        self.set_language(self._following_language())

    def set_language(self, language: str) -> None:
        """Switch every text at once, keeping the patient's place."""
        self.language = language
        self.pages = self._pages_in(language)
        self._translations.install(language)
        self._home.set_topics([_tile(t) for t in self.library.topics])
        if self._spine is not None:
            self._spine.set_regions(self.pages.regions())
        if self._callback is not None:
            self._callback.set_language(language)
        if "attract" in self._screens:  # built, so its module is loaded: no import cost here
            from kiosk.views.attract_view import AttractView  # noqa: PLC0415

            attract = self._screens["attract"]
            if isinstance(attract, AttractView):
                attract.set_items(self.pages.attract_items())
                attract.set_also_in(self._invitations_in_other_languages())
        following = self._following_language()
        self._window.set_language_choice(language_name(following) if following != language else "")
        self._show(self.history.current)
        # The pages in the new words, while the patient reads the one in front of them.
        self._pages_again()

    def _following_language(self) -> str:
        languages = self._config.kiosk.languages
        return languages[(languages.index(self.language) + 1) % len(languages)]

    def _pages_in(self, language: str) -> Pages:
        if language not in self._pages:
            self._pages[language] = Pages(self._libraries(language), self._config.clinic)
        return self._pages[language]

    @property
    def library(self) -> Library:
        """The current language's content."""
        return self.pages.library

    def _screen(self, name: str) -> QWidget:
        if name not in self._screens:
            screen = self._factories[name]()
            self._screens[name] = screen
            self._window.add_screen(screen)
        return self._screens[name]

    def _build_topic(self) -> TopicView:
        topic = self._make_topic()
        topic.topic_chosen.connect(lambda slug: self.go(Route(Screen.TOPIC, slug)))
        topic.region_chosen.connect(lambda region: self.go(Route(Screen.SPINE, region)))
        topic.callback_chosen.connect(lambda slug: self.go(Route(Screen.CALLBACK, f"topic:{slug}")))
        topic.read_requested.connect(self._read_aloud)
        self._topic = topic
        return topic

    def _build_spine(self) -> QWidget:
        # Imported on first use: the spine's Qt modules are not needed to show home.
        from kiosk.views.spine_view import SpineView  # noqa: PLC0415

        spine = self._make_spine()
        if not isinstance(spine, SpineView):
            return spine  # the drawing could not be read: a placeholder stands in
        spine.region_selected.connect(self._on_region_selected)
        spine.topic_chosen.connect(lambda slug: self.go(Route(Screen.TOPIC, slug)))
        spine.callback_chosen.connect(lambda slug: self.go(Route(Screen.CALLBACK, f"spine:{slug}")))
        spine.read_requested.connect(self._read_aloud)
        spine.set_regions(self.pages.regions())
        self._spine = spine
        return spine

    def _show(self, route: Route) -> None:
        # Whatever was being read belongs to the page being left (or the language left).
        self._speaker.stop()
        if route.screen == "topic":
            topic = self.pages.topic(route.arg)
            if topic is None:
                self._show(self.history.home())
                return
            self.topic_view.show_page(topic)
        screen = self._screen(route.screen)
        if route.screen == "spine" and self._spine is not None:
            self._spine.show_region(route.arg)
        if route.screen in ("topic", "spine"):
            self._show_read_buttons()

        # The thank-you page has no Back: behind it is a form already sent (and wiped).
        can_go_back = self.history.can_go_back and not self._thanking()
        said = self._callback.thanks.announcement() if self._thanking() and self._callback else ""
        self._window.set_screen(
            screen, can_go_back=can_go_back, name=self._screen_name(route), said=said
        )

    def _screen_name(self, route: Route) -> str:
        """What a screen is called: the window's name, and what a screen reader hears."""
        if route.screen == "topic":
            topic = self.library.topic(route.arg)
            return topic.title if topic is not None else ""
        if route.screen == "spine":
            region = self.library.region(route.arg) if route.arg else None
            return region.title if region is not None else self.tr("Where does it hurt?")
        if route.screen == "callback":
            return self.tr("Thank you!") if self._thanking() else self.tr("Ask us to call you")
        return {"home": self.tr("Home"), "staff": self.tr("Staff")}.get(route.screen, "")

    def _show_read_buttons(self) -> None:
        """Read aloud where the engine has a voice for the language; asked again whenever the
        engine comes (it answers after the home screen is up) or goes (it stopped answering)."""
        can_read = self._speaker.can_speak(self.language)
        for view in (self._topic, self._spine):
            if view is not None:
                view.read_button.setVisible(can_read)

    def get_ready_to_reset(self) -> None:
        """While the idle warning counts down: home, hidden behind the screen in use, takes
        the clinic's look now, so a reset after a new text size or contrast only shows it.
        (If the patient stays, home catches up with their look when it is next shown.)"""
        self._look.prepare(self._home, self._look.default)

    def reset_session(self) -> None:
        """For the next patient: home, default look and language, no history, and nothing
        anywhere of what the last one read, chose, typed or sent.

        The screens that hold a visit are not wiped field by field (a field added later would
        be forgotten) but thrown away, and new ones are built once home is on screen again,
        while nobody is waiting for them.
        """
        if self._staff is not None and self._staff.signed_in:
            self._staff.close()
        # Home is shown in the look it has, then the clinic's look is set: home may have it
        # already (`get_ready_to_reset`), and otherwise takes it with the bars.
        with self._look.held():
            self._show(self.history.home())
            names = [name for name in PER_PATIENT if name in self._screens]
            doomed = [self._detach(name) for name in names]
            language = self._config.default_language
            if self.language != language or not self._home.isVisible():
                # Retranslating them would cost far more than deleting them first; nor is a
                # hidden home painted. (The clinic's look restyles only what is on view: they
                # are hidden, and wait for the paint.)
                _delete(doomed)
                doomed = []
            self._look.reset()
        if self.language != language:
            self.set_language(language)
        # Deleting them costs ~8 ms, building them again ~0.3 s: once home is painted.
        after_first_paint(self._home, functools.partial(self._after_reset, doomed), or_hidden=True)
        self._usage("idle_reset", "")

    def _detach(self, name: str) -> QWidget:
        """Take a screen out of the window and forget it; it is built again on first use."""
        screen = self._screens.pop(name)
        if name == "topic":
            self._topic = None
        elif name == "spine":
            self._spine = None
        elif name == "callback":
            self._callback = None
        self._window.stack.removeWidget(screen)
        screen.hide()
        return screen

    def _after_reset(self, doomed: list[QWidget]) -> None:
        _delete(doomed)
        self.warm_up()

    def warm_up(self) -> None:
        """Get ready, while nobody waits, what a patient may open: the screens of a visit,
        then each topic page in the current language (its text converted, its buttons, cards
        and pictures made), then the pages' texts in the other languages. One step per turn of
        the event loop, so a touch that comes meanwhile waits for one step at most (the
        spine's ~0.2 s). Called once home is first painted, and again after each reset; a new
        call ends the one before."""
        round_ = self._new_round()
        steps: list[Callable[[], object]] = [
            functools.partial(self._screen, name) for name in PER_PATIENT
        ]
        # The other languages' texts too, converted (not made into widgets): a switch of
        # language on a page then only lays out the page's new words.
        others = [
            functools.partial(self._pages_in(language).topic, topic.slug)
            for language in self._config.kiosk.languages
            if language != self.language
            for topic in self._pages_in(language).library.topics
        ]
        self._in_turns([*steps, *self._page_steps(), *others], round_)

    def _page_steps(self) -> list[Callable[[], object]]:
        # The hidden screens first take the new look and words (LookController.style,
        # WordsWhenShown), then the pages: made in a screen already restyled, never restyled.
        restyle = [functools.partial(self._look.catch_up, root) for root in self._look.stale()]
        catch_up = [
            screen.catch_up
            for screen in self._screens.values()
            if isinstance(screen, WordsWhenShown)
        ]
        pages = [functools.partial(self._prepare_topic, t.slug) for t in self.library.topics]
        return [*restyle, *catch_up, *pages]

    def _prepare_topic(self, slug: str) -> None:
        page = self.pages.topic(slug)
        if page is not None and self._topic is not None:
            self._topic.prepare(page)

    def _new_round(self) -> int:
        """Start a new round of getting ready; the one before stops at its next step."""
        self._warming += 1
        self._warm = False
        return self._warming

    @property
    def warm(self) -> bool:
        """Whether the latest round of getting ready has ended."""
        return self._warm

    def _in_turns(self, steps: list[Callable[[], object]], round_: int) -> None:
        if round_ != self._warming:
            return  # a newer round took over
        self._warm = not steps
        if not steps:
            return
        steps[0]()
        # Tied to home: a kiosk closed meanwhile does nothing more.
        QTimer.singleShot(0, self._home, lambda: self._in_turns(steps[1:], round_))

    def _on_look_changing(self) -> None:
        # The reader lets go of the pages it keeps ready: not ready until they are made again
        # (after the new look, or at once if none comes).
        if self._topic is not None:
            self._warm = False

    def _on_look_changed(self) -> None:
        # The pages let go of for the restyle (TopicView), made again in the new look.
        self._pages_again()

    def _pages_again(self, *, at_once: bool = False) -> None:
        """Make the pages ready again (new words, a new look), from the turn after the screen
        in front of the patient is painted: never in the way of painting it. `at_once`: from
        the next turn, when nothing changed on screen (a look button let go of them, and the
        finger slid off it)."""
        if self._topic is None:
            return
        round_ = self._new_round()

        def steps() -> None:
            self._in_turns(self._page_steps(), round_)

        if at_once:
            QTimer.singleShot(0, self._home, steps)
        else:
            shown = self._window.stack.currentWidget() or self._home
            after_first_paint(shown, steps, or_hidden=True)

    def show_attract(self) -> None:
        """The attract loop, standing for home: nothing to go back to."""
        self.history.home()
        self._window.set_screen(self._screen("attract"), can_go_back=False)

    @property
    def attracting(self) -> bool:
        return self._screens.get("attract") is self._window.stack.currentWidget()

    def _build_attract(self) -> QWidget:
        from kiosk.views.attract_view import AttractView  # noqa: PLC0415

        view = AttractView(
            self._look,
            Illustrations(self._config.paths.assets_dir / "illustrations"),
            reduced_motion=self._config.kiosk.reduced_motion,
        )
        view.set_items(self.pages.attract_items())
        view.set_also_in(self._invitations_in_other_languages())
        view.set_drawing(self._spine_drawing())
        return view

    def _invitations_in_other_languages(self) -> list[str]:
        source = "Touch the screen to start"  # AttractView's text, in English in the code
        said = (
            self._translations.text_in(language, "AttractView", source)
            for language in self._config.kiosk.languages
            if language != self.language
        )
        return [text for text in said if text is not None]

    def _spine_drawing(self) -> bytes:
        """The spine drawing in the current colours, for the attract loop (empty if it cannot
        be read: the loop then shows words only)."""
        from kiosk.core.anatomy import spine_drawings  # noqa: PLC0415

        try:
            return spine_drawings(self._config.paths.assets_dir)(self._look.look.palette).plain
        except (OSError, SyntaxError, UnicodeDecodeError):
            return b""

    def _build_staff(self) -> QWidget:
        mode = self._make_staff()
        mode.closed.connect(self.go_home)
        self._staff = mode
        return mode.screen

    def _read_aloud(self, text: str) -> None:
        """A page's own text, never a form's: a touch reads it, a second touch stops."""
        if self._speaker.speaking and self._reading_page:
            self._speaker.stop()
        else:
            self._reading_page = True
            self._speaker.say(text, self.language)

    def guide(self, text: str) -> None:
        """Audio guidance says `text` (a page's name, a control), instead of anything being
        said or read: Read aloud then reads again on the next press, rather than stopping."""
        self._reading_page = False
        self._speaker.say(text, self.language)
        self._on_speaking_changed(self._speaker.speaking)

    def can_guide(self) -> bool:
        """Whether audio guidance has a voice for the current language."""
        return self._speaker.can_speak(self.language)

    def _on_speaking_changed(self, speaking: bool) -> None:  # noqa: FBT001 -- a signal's slot
        for view in (self._topic, self._spine):
            if view is not None:
                view.read_button.set_reading(speaking and self._reading_page)

    def _on_region_selected(self, slug: str) -> None:
        self._speaker.stop()
        self.history.replace(Route(Screen.SPINE, slug))
        self._window.name_screen(self._screen_name(self.history.current))
        if slug:
            self._usage("region_tapped", slug)

    def _build_callback(self) -> QWidget:
        view = self._make_callback()
        view.submitted.connect(self._on_callback_submitted)
        view.home_requested.connect(self.go_home)
        view.thanked.connect(self._on_callback_thanked)
        self._callback = view
        return view

    def _on_callback_thanked(self) -> None:
        """The request is saved and its form wiped: the trail becomes home, then the thank-you
        page, so nothing leads back to the sent form."""
        if self.history.current.screen == Screen.CALLBACK:
            self.history.home()
            self._show(self.history.visit(Route(Screen.CALLBACK)))

    def _thanking(self) -> bool:
        """Whether the callback screen shows its thank-you page."""
        return (
            self.history.current.screen == Screen.CALLBACK
            and self._callback is not None
            and self._callback.thanking
        )

    def _on_callback_submitted(self, request: CallbackRequest, consent_text: str) -> None:
        view = self._callback
        if view is None:
            return
        visit = view.show_sending()

        def saved(stored: StoredRequest | None) -> None:
            if stored is not None:
                self._usage("form_submitted", "")
            if view is not self._callback or view.visit != visit:
                return  # reset or wiped while saving: the thanks belong to nobody on screen
            if stored is None:
                view.show_save_failed()
            else:
                from kiosk.core.callback_form import display  # noqa: PLC0415

                view.show_saved(
                    stored.reference,
                    display(stored.phone),
                    stored.periods,
                    days=stored.days,
                    language=stored.language,
                )

        self._requests(request, consent_text, saved)


def _delete(screens: list[QWidget]) -> None:
    """Delete now, not with deleteLater(): a look reset in between would restyle them first.
    Safe because a reset comes from the idle timer, never from inside one of these screens."""
    for screen in screens:
        if shiboken6.isValid(screen):
            shiboken6.delete(screen)


def _tile(topic: Page) -> TopicTile:
    return TopicTile(
        topic.slug,
        topic.title,
        topic.summary,
        topic.icon,
        urgent=topic.urgent,
        picture=topic.picture,
    )
