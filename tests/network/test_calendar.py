"""Calendar files parse with the icalendar library and keep each event's instant and zone."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from .conftest import event_for, published

pytestmark = pytest.mark.django_db

ZONES = ["Europe/Lisbon", "Europe/Helsinki", "America/New_York"]


@pytest.mark.parametrize("zone", ZONES)
def test_one_event_round_trips_in_its_zone(client, users, org_a, zone):
    event = published(event_for(org_a, zone=zone, days=40, title=f"Fair {zone}"), users)
    response = client.get(reverse("network:event_ics", args=[event.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (item,) = calendar.walk("VEVENT")
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert start == event.start and end == event.end
    assert str(start.tzinfo) == zone
    assert start.astimezone(zoneinfo.ZoneInfo(zone)).hour == 14
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {zone}
    assert str(item["UID"]) == f"{event.uuid}@pontes"
    assert str(item["URL"]).endswith(reverse("network:event", args=[event.slug]))


def test_the_filtered_feed_holds_the_chosen_events_in_three_zones(client, users, org_a):
    chosen = [
        (5, "Europe/Lisbon", "online"),
        (6, "Europe/Sofia", "online"),
        (7, "Asia/Tokyo", "online"),
        (8, "Europe/Lisbon", "onsite"),
    ]
    for days, zone, fmt in chosen:
        published(
            event_for(org_a, days=days, zone=zone, format=fmt, title=f"Meet {zone} {fmt}"), users
        )
    past = published(event_for(org_a, days=-3, format="online", title="Already over"), users)
    response = client.get(reverse("network:events_ics") + "?format=online&country=PT")
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}
    ours = {title for title in titles if title.startswith(("Meet ", "Already"))}
    assert ours == {
        "Meet Europe/Lisbon online",
        "Meet Europe/Sofia online",
        "Meet Asia/Tokyo online",
    }
    assert past.title not in titles
    tokyo = titles["Meet Asia/Tokyo online"].decoded("DTSTART")
    assert tokyo.utcoffset() == datetime.timedelta(hours=9)
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} >= {
        "Europe/Lisbon",
        "Europe/Sofia",
        "Asia/Tokyo",
    }
    assert str(titles["Meet Asia/Tokyo online"]["LOCATION"]) == "Online"


def test_an_onsite_event_has_its_address_and_an_organizer_only_with_a_contact(client, users, org_a):
    event = published(event_for(org_a), users)
    calendar = icalendar.Calendar.from_ical(
        client.get(reverse("network:event_ics", args=[event.slug])).content
    )
    (item,) = calendar.walk("VEVENT")
    assert str(item["LOCATION"]) == "Rua das Flores 10, Porto"
    assert "ORGANIZER" not in item  # organisation A has no published profile with a contact
    assert str(item["DESCRIPTION"]) == "Bring your CV."
