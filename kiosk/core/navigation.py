"""Where the patient is and how they got there: routes and the back/home history.

A route names a screen and, for some screens, what it shows (`topic:symptoms`). The same
names are used by the navigation, the screenshot command and the tests.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Screen(StrEnum):
    """Every screen a route can name."""

    HOME = "home"
    TOPIC = "topic"
    SPINE = "spine"
    CALLBACK = "callback"
    STAFF = "staff"
    ATTRACT = "attract"
    IDLE_WARNING = "idle-warning"


SCREENS = tuple(Screen)
_NEEDS_ARG = frozenset({Screen.TOPIC})
_TAKES_ARG = frozenset({Screen.TOPIC, Screen.SPINE, Screen.CALLBACK, Screen.STAFF})


class RouteError(ValueError):
    """A screen name that does not exist or lacks the part it needs."""


class Route(NamedTuple):
    """One screen, and optionally the item it shows (a topic slug, a spine region)."""

    screen: Screen
    arg: str = ""

    @classmethod
    def parse(cls, text: str) -> Route:
        """Read `home`, `topic:<slug>`, `spine`, `spine:<region>`, `callback`, ..."""
        name, _, arg = text.strip().partition(":")
        if name not in SCREENS:
            raise RouteError(f"unknown screen {name!r} (choose from {', '.join(SCREENS)})")
        screen = Screen(name)
        if screen in _NEEDS_ARG and not arg:
            raise RouteError(f"screen {screen!r} needs a name after a colon, e.g. {screen}:<slug>")
        if arg and screen not in _TAKES_ARG:
            raise RouteError(f"screen {screen!r} takes nothing after a colon")
        return cls(screen, arg)

    @classmethod
    def of_link(cls, href: str) -> Route | None:
        """The route a link in a page's text names, or None for one that names none (markup lets
        only internal links through, and check-content names a bad one)."""
        try:
            return cls.parse(href)
        except RouteError:
            return None

    def __str__(self) -> str:
        return f"{self.screen}:{self.arg}" if self.arg else self.screen


HOME = Route(Screen.HOME)


class History:
    """The trail of screens since home; Back walks it, Home empties it.

    Visiting the screen already shown does not add a step, so a double tap never makes the
    patient press Back twice. The trail is capped so weeks of use cannot grow it.
    """

    def __init__(self, limit: int = 50) -> None:
        self._limit = limit
        self._trail: list[Route] = [HOME]

    @property
    def current(self) -> Route:
        return self._trail[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._trail) > 1

    def visit(self, route: Route) -> Route:
        """Go to `route`; going home this way is the same as `home()`."""
        if route == HOME:
            return self.home()
        if route != self.current:
            self._trail.append(route)
            if len(self._trail) > self._limit:
                del self._trail[1]
        return self.current

    def replace(self, route: Route) -> Route:
        """Change what the current step shows (a region chosen on the spine) without a step."""
        if self.can_go_back and route != HOME:
            self._trail[-1] = route
        return self.current

    def back(self) -> Route:
        """Step back one screen; at home, stay home."""
        if self.can_go_back:
            self._trail.pop()
        return self.current

    def home(self) -> Route:
        """Forget the trail and stand at home."""
        del self._trail[1:]
        return self.current
