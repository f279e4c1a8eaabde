"""The public Network: directory, tools and calendar filters, months, archive and time zones."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from network.models import Event, OrganisationProfile, Tool

from .conftest import NOW, event_for, published, tool_for

pytestmark = pytest.mark.django_db


def _names(response, attr="title"):
    return {getattr(item, attr) for item in response.context["page_obj"].object_list}


def test_the_directory_filters_by_country_type_and_language(client):
    all_ = client.get(reverse("network:organisations"))
    assert all_.context["page_obj"].paginator.count >= 8
    finland = client.get(reverse("network:organisations") + "?country=FI")
    assert {p.organisation.country for p in finland.context["page_obj"].object_list} == {"FI"}
    ngos = client.get(reverse("network:organisations") + "?type=ngo&language=nl")
    profiles = list(ngos.context["page_obj"].object_list)
    assert profiles and all(p.kind == "ngo" and "nl" in p.languages for p in profiles)
    nothing = client.get(reverse("network:organisations") + "?type=school&country=IE")
    assert "No organisation matches these filters." in nothing.content.decode()


def test_unknown_filter_values_are_ignored(client):
    response = client.get(reverse("network:tools") + "?language=xx&level=<b>&audience=1")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == Tool.objects.filter(live=True).count()


def test_tools_filter_by_audience_language_and_level(client, users, org_a):
    published(tool_for(org_a, name="For everyone", level="any", languages=["bg"]), users)
    published(tool_for(org_a, name="Advanced only", level="C", languages=["bg"]), users)
    response = client.get(reverse("network:tools") + "?language=bg&level=A")
    names = _names(response, "name")
    assert "For everyone" in names and "Advanced only" not in names
    assert all("bg" in tool.languages for tool in response.context["page_obj"].object_list)
    seniors = client.get(reverse("network:tools") + "?audience=seniors")
    assert all("seniors" in t.audience for t in seniors.context["page_obj"].object_list)


def test_events_are_grouped_by_month_and_past_ones_archived(client, users, org_a):
    soon = published(event_for(org_a, days=2, title="Soon"), users)
    later = published(event_for(org_a, days=70, title="Later"), users)
    over = published(event_for(org_a, days=-20, title="Over"), users)
    response = client.get(reverse("network:events") + "?country=PT&language=pt")
    months = response.context["months"]
    assert len(months) >= 2
    titles = [event.title for month in months for event, _when in month["events"]]
    assert titles.index("Soon") < titles.index("Later") and "Over" not in titles
    keys = [month["events"][0][1].month_key for month in months]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    archive = client.get(reverse("network:past_events") + "?country=PT")
    assert "Over" in _names(archive) and soon.title not in _names(archive)
    assert later.title in client.get(reverse("network:events")).content.decode()
    assert over.end < NOW


def test_events_filter_by_format_and_audience(client):
    online = client.get(reverse("network:events") + "?format=online")
    events = list(online.context["page_obj"].object_list)
    assert events and all(e.format == "online" for e in events)
    audience = events[0].audience[0]
    narrowed = client.get(reverse("network:events") + f"?format=online&audience={audience}")
    chosen = list(narrowed.context["page_obj"].object_list)
    assert events[0] in chosen and all(audience in e.audience for e in chosen)


def test_times_show_in_the_readers_language_and_zone(client, users, org_a):
    event = published(event_for(org_a, days=30, zone="Europe/Lisbon"), users)
    url = reverse("network:event", args=[event.slug])
    own = client.get(url.replace("/en/", "/pt/")).content.decode()
    assert "14:30" in own and "Lisboa" in own
    client.cookies["pontes_tz"] = "Europe%2FHelsinki"
    finnish = client.get(url.replace("/en/", "/fi/")).content.decode()
    assert "16.30" in finnish  # 14:30 in Lisbon is 16:30 in Helsinki, written the Finnish way
    assert "Suomi" in finnish and "14.30" in finnish  # and the local time where it happens
    client.cookies["pontes_tz"] = "Not/AZone"
    assert client.get(url).status_code == 200


def test_listings_take_a_fixed_number_of_queries(
    client, users, org_a, django_assert_max_num_queries
):
    for n in range(6):
        published(event_for(org_a, days=n + 1, title=f"Event {n}"), users)
        published(tool_for(org_a, name=f"Tool {n}"), users)
    for name in ("network:events", "network:tools", "network:organisations", "network:index"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(name)).status_code == 200


def test_form_errors_are_clear_and_keep_what_was_typed(client, users, org_a):
    client.force_login(users["editor_a"])
    response = client.post(
        reverse("network:new_event", args=["org-a"]),
        {
            "title": "Kept title",
            "description": "Kept text",
            "start": "2027-03-10T12:00",
            "end": "2027-03-10T11:00",
            "time_zone": "Europe/Lisbon",
            "format": "onsite",
            "address": "",
            "languages": ["pt"],
            "audience": ["students"],
        },
    )
    errors = response.context["form"].errors
    assert response.context["form"].fields["audience"].label == "Audience"
    assert "The event must end after it starts." in errors["end"]
    assert "Give the address of an on-site event." in errors["address"]
    body = response.content.decode()
    assert 'value="Kept title"' in body and "Kept text" in body
    assert not Event.objects.filter(title="Kept title").exists()


def _image(fmt, size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#225577").save(buffer, format=fmt)
    buffer.seek(0)
    buffer.name = f"logo.{fmt.lower()}"
    return buffer


@pytest.mark.parametrize(
    "upload, ok",
    [
        (lambda: _image("PNG"), True),
        (lambda: _image("GIF"), False),
        (lambda: _image("PNG", (2500, 10)), False),
        (lambda: io.BytesIO(b"<svg onload=alert(1)></svg>"), False),
    ],
)
def test_logos_must_be_small_raster_images(client, users, org_a, upload, ok):
    client.force_login(users["editor_a"])
    data = {
        "kind": "ngo",
        "city": "Porto",
        "languages": ["pt"],
        "about": "We help.",
        "logo_file": upload(),
    }
    response = client.post(reverse("network:edit_profile", args=["org-a"]), data)
    profile = OrganisationProfile.objects.filter(organisation=org_a).first()
    if ok:
        assert response.status_code == 302 and profile.logo is not None
    else:
        assert response.status_code == 200 and response.context["form"].errors["logo_file"]
        assert profile is None


def test_a_time_the_clocks_skip_is_refused(client, users, org_a):
    client.force_login(users["editor_a"])
    response = client.post(
        reverse("network:new_event", args=["org-a"]),
        {
            "title": "Spring change",
            "description": "Text",
            "start": "2027-03-28T02:30",  # Brussels goes from 02:00 to 03:00 that night
            "end": "2027-03-28T03:15",
            "time_zone": "Europe/Brussels",
            "format": "online",
            "languages": ["nl"],
            "audience": ["students"],
        },
    )
    assert response.status_code == 200
    assert "the clocks change then" in str(response.context["form"].errors["start"])
    assert not Event.objects.filter(title="Spring change").exists()


def test_months_do_not_repeat_when_events_show_in_their_own_zones(client, users, org_a):
    """Without the reader's zone: the 1st at 01:00 in Tokyo comes before the evening of the
    31st in Lisbon, yet belongs to the next month."""
    import datetime
    import zoneinfo

    base = NOW.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo")).replace(
        hour=1, minute=0, second=0, microsecond=0
    ) + datetime.timedelta(days=60)
    first = base.replace(day=1)
    for title, zone, start in (
        ("Tokyo early", "Asia/Tokyo", first),
        ("Lisbon late", "Europe/Lisbon", first + datetime.timedelta(hours=3)),
        ("Lisbon later", "Europe/Lisbon", first + datetime.timedelta(days=2)),
    ):
        end = start + datetime.timedelta(hours=1)
        published(event_for(org_a, zone=zone, title=title, start=start, end=end), users)
    response = client.get(reverse("network:events") + "?country=PT")
    keys = [month["events"][0][1].month_key for month in response.context["months"]]
    assert len(keys) == len(set(keys)) and keys == sorted(keys)


def test_the_description_hint_shows_the_tag_names_as_text(client, users):
    client.force_login(users["editor_a"])
    body = client.get(reverse("network:new_tool", args=["org-a"])).content.decode()
    assert "&lt;strong&gt;, &lt;em&gt;" in body
