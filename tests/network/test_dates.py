"""The time zone an event's times are shown in, named as each language names it."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from network.dates import when

from .conftest import event_for


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Portugal (Lisbon) Time"),
        ("pt", "Hora de Portugal (Lisboa)"),
        ("fi", "aikavyöhyke: Portugali (Lissabon)"),
        ("nl", "tijd in Portugal (Lissabon)"),
        ("sv", "Portugal (Lissabon)"),  # not "Portugal (Lissabon)tid"
        ("bg", "Португалия (Лисабон)"),  # not "... – лятно часово време" (summer time)
    ],
)
def test_a_zone_is_named_by_its_place(language, expected, org_a):
    event = event_for(org_a, zone="Europe/Lisbon")
    with translation.override(language):
        assert when(event).zone == expected


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("UTC", "en", "GMT"),
        ("UTC", "fi", "UTC"),
        ("Etc/GMT+5", "en", "GMT-05:00"),
        ("Etc/GMT+5", "bg", "Гринуич-05:00"),
    ],
)
def test_a_zone_of_no_place_is_named_by_its_offset(zone, language, expected, org_a):
    """Browsers that hide where the reader is report UTC; that is no "Unknown Region"."""
    event = event_for(org_a, zone="Europe/Lisbon")
    with translation.override(language):
        assert when(event, zone=zoneinfo.ZoneInfo(zone)).zone == expected


def test_the_same_zone_in_summer_and_winter_has_one_name(org_a):
    event = event_for(org_a, zone="Europe/Sofia")
    summer = event.start.replace(month=7, day=1)
    event.start, event.end = summer, summer + datetime.timedelta(hours=2)
    with translation.override("bg"):
        assert when(event).zone == "България"


def test_an_old_name_of_a_zone_is_still_named_by_its_place(org_a):
    """Browsers may report an older name of a zone: Asia/Calcutta for Asia/Kolkata."""
    event = event_for(org_a, zone="Europe/Lisbon")
    with translation.override("en"):
        assert when(event, zone=zoneinfo.ZoneInfo("Asia/Calcutta")).zone == "India Time"
        assert when(event, zone=zoneinfo.ZoneInfo("Europe/Kiev")).zone == "Ukraine (Kyiv) Time"
