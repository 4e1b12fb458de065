"""The one clock the kiosk reads. Every record stores an aware UTC time; screens and exports
show it in the kiosk's zone. Code that needs "now" takes a `now` callable defaulting to this,
so tests pass a fixed moment."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """Now, as an aware UTC time."""
    return dt.datetime.now(dt.UTC)
