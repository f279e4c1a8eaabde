"""Subscriptions: iCalendar files (one per event, and one per filtered list) that calendar
clients import, and an Atom feed of new tools and events. Text goes out without markup in the
calendars and cleaned to the allow-list in the feed."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, vCalAddress
from icalendar import Event as CalendarEvent

from .constants import EventFormat
from .models import Event, Tool
from .sanitise import clean_html, inert, plain_text
from .views import filtered_events

FEED_SIZE = 30
CALENDAR_SIZE = 500


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Pontes//Network events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", inert(name))
    return calendar


def _component(event, request, now):
    zone = event.zone
    item = CalendarEvent()
    item.add("uid", f"{event.uuid}@pontes")
    item.add("dtstamp", now)
    item.add("dtstart", event.start.astimezone(zone))
    item.add("dtend", event.end.astimezone(zone))
    item.add("summary", inert(event.title))
    item.add("description", plain_text(event.description))
    if event.format == EventFormat.ONLINE:
        item.add("location", _("Online"))
    else:
        item.add("location", inert(event.address))
    item.add("url", request.build_absolute_uri(reverse("network:event", args=[event.slug])))
    profile = getattr(event.organisation, "network_profile", None)
    if profile is not None and profile.live and profile.contact_email:
        organizer = vCalAddress(f"mailto:{profile.contact_email}")
        organizer.params["cn"] = inert(event.organisation.name)
        item.add("organizer", organizer)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def _ics(calendar, filename, events):
    """Each zone's rules only for the years the events need: short files that still carry
    every offset a calendar client has to know."""
    if events:
        first = min(event.start for event in events).date()
        last = max(event.end for event in events).date()
        calendar.add_missing_timezones(
            first_date=first.replace(year=first.year - 1, month=1, day=1),
            last_date=last.replace(year=last.year + 2, month=1, day=1),
        )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    event = (
        Event.objects.filter(live=True, slug=slug)
        .select_related("organisation__network_profile")
        .first()
    )
    if event is None:
        raise Http404
    calendar = _calendar(event.title)
    calendar.add_component(_component(event, request, timezone.now()))
    return _ics(calendar, f"{event.slug}.ics", [event])


@require_GET
def events_ics(request):
    now = timezone.now()
    events, _fields, _query = filtered_events(request.GET, now=now)
    calendar = _calendar(_("Pontes Network events"))
    events = list(events.select_related("organisation__network_profile")[:CALENDAR_SIZE])
    for event in events:
        calendar.add_component(_component(event, request, now))
    return _ics(calendar, "pontes-events.ics", events)


class LatestPostsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Pontes Network: new tools and events")

    def subtitle(self):
        return _("Tools and events that guidance providers published on Pontes.")

    def link(self):
        return reverse("network:index")

    def items(self):
        tools = Tool.objects.filter(live=True).select_related("organisation")
        events = Event.objects.filter(live=True).select_related("organisation")
        newest = [
            *tools.order_by("-first_published_at")[:FEED_SIZE],
            *events.order_by("-first_published_at")[:FEED_SIZE],
        ]
        newest.sort(key=lambda post: post.first_published_at, reverse=True)
        return newest[:FEED_SIZE]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return clean_html(item.description)

    def item_link(self, item):
        name = "network:tool" if isinstance(item, Tool) else "network:event"
        return reverse(name, args=[item.slug])

    def item_guid(self, item):
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.organisation.name
