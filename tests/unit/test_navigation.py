"""Routes and the Back/Home history a patient walks."""

from __future__ import annotations

import pytest

from kiosk.core.navigation import HOME, History, Route, RouteError, Screen


def test_new_history_stands_at_home_with_nowhere_to_go_back() -> None:
    history = History()
    assert history.current == HOME
    assert not history.can_go_back
    assert history.back() == HOME


def test_back_retraces_the_visit_in_reverse() -> None:
    history = History()
    history.visit(Route(Screen.TOPIC, "symptoms"))
    history.visit(Route(Screen.TOPIC, "causes"))
    assert history.back() == Route(Screen.TOPIC, "symptoms")
    assert history.back() == HOME
    assert not history.can_go_back


def test_home_forgets_the_trail() -> None:
    history = History()
    history.visit(Route(Screen.TOPIC, "symptoms"))
    history.visit(Route(Screen.SPINE))
    assert history.home() == HOME
    assert not history.can_go_back


def test_visiting_the_current_screen_again_adds_no_step() -> None:
    history = History()
    history.visit(Route(Screen.TOPIC, "symptoms"))
    history.visit(Route(Screen.TOPIC, "symptoms"))
    assert history.back() == HOME


def test_visiting_home_is_going_home() -> None:
    history = History()
    history.visit(Route(Screen.CALLBACK))
    history.visit(HOME)
    assert not history.can_go_back


def test_trail_is_capped_but_keeps_home_at_the_bottom() -> None:
    history = History(limit=5)
    for number in range(100):
        history.visit(Route(Screen.TOPIC, f"t{number}"))
    steps = []
    while history.can_go_back:
        steps.append(history.current)
        history.back()
    assert len(steps) == 4
    assert steps[0] == Route(Screen.TOPIC, "t99")
    assert history.current == HOME


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("home", HOME),
        ("topic:symptoms", Route(Screen.TOPIC, "symptoms")),
        ("spine", Route(Screen.SPINE)),
        ("spine:lumbar", Route(Screen.SPINE, "lumbar")),
        ("callback", Route(Screen.CALLBACK)),
    ],
)
def test_route_names_parse_and_print_back(text: str, route: Route) -> None:
    assert Route.parse(text) == route
    assert str(route) == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("settings", "unknown screen"), ("topic", "needs a name"), ("home:x", "takes nothing")],
)
def test_bad_route_names_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(RouteError, match=fragment):
        Route.parse(text)
