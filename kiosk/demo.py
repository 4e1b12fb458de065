"""Fictional data for demonstrations and screenshots: a staff member, requests, statistics.

Every name is invented and every phone number is in the 555-01xx range reserved for fiction.
Never used on a real kiosk's data folder: the demo staff member's PIN is published in the
README, so `seed` refuses a folder whose database it did not make itself (it leaves a marker
file in every folder it makes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.database import DATABASE, Database
from kiosk.storage.requests import RequestStore
from kiosk.storage.usage import UsageStats

MARKER = "DEMO-DATA.txt"
MARKER_TEXT = "Made by `kiosk demo-data`: fictional staff and requests, never a real kiosk's.\n"
DEMO_STAFF = "Demo Staff"
DEMO_PIN = "246810"
_PEOPLE = (
    ("Ana", "Quintero", "+12015550142", ("mon", "wed"), ("morning",), "topic:surgery", "es"),
    ("Zeb", "O'Quux", "+12145550117", (), ("afternoon",), "spine:lumbar", "en"),
    ("Mei", "Lin-Fable", "+19725550188", ("fri",), ("evening",), "", "en"),
)


class NotADemoFolderError(ValueError):
    """The folder holds a database that demo data did not make: a real kiosk's, perhaps."""


def seed(data_dir: Path) -> None:
    """Fill an empty data folder with the demo staff member, requests and counts (again, in a
    folder made this way: nothing is added twice)."""
    marker = data_dir / MARKER
    if (data_dir / DATABASE).exists() and not marker.exists():
        raise NotADemoFolderError(
            f"{data_dir} holds a database that demo data did not make: it may be a real "
            "kiosk's, so no demo staff member (whose PIN is published) is added to it"
        )
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The marker first: killed before the database exists, the folder is still a demo one.
    marker.write_text(MARKER_TEXT, encoding="utf-8")
    db = Database.open(data_dir)
    try:
        staff = StaffDirectory(db)
        if not staff.has_staff():
            staff.add(DEMO_STAFF, DEMO_PIN, weak_ok=True)  # refused for real staff
        store = RequestStore(db)
        if not store.requests():
            now = dt.datetime.now(dt.UTC)
            for hours, (first, last, e164, days, periods, topic, lang) in enumerate(_PEOPLE):
                phone = Phone(e164, "", "")
                request = CallbackRequest(first, last, phone, days, periods, topic, "", lang)
                store.save(
                    request,
                    reference=f"DEM-{hours}4{hours}",
                    consent_text="Yes",
                    consent_version="demo",
                    now=now - dt.timedelta(hours=hours * 5),
                )
            stats = UsageStats(db)
            for event, subject in (
                ("topic_opened", "symptoms"),
                ("topic_opened", "surgery"),
                ("region_tapped", "lumbar"),
                ("form_started", ""),
                ("form_submitted", ""),
            ):
                stats.count(event, subject)
    finally:
        db.close()
