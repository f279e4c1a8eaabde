"""Event times as a reader reads them: in their language (Babel) and their time zone (a cookie
the page's script sets from the browser; without it, the event's own zone)."""

import zoneinfo
from dataclasses import dataclass
from urllib.parse import unquote

from babel import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_global,
    get_timezone_gmt,
    get_timezone_location,
)
from django.utils.translation import gettext as _

from content import api as content_api

ZONE_COOKIE = "pontes_tz"


def reader_zone(request):
    name = unquote(request.COOKIES.get(ZONE_COOKIE, ""))
    if not name or len(name) > 64:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


_locale = content_api.current_locale

# Babel 2.18 reads Bulgarian's daylight-time region format ("{0} – лятно часово време") as the
# general one, so every zone read "... summer time" even in winter; CLDR's general one is "{0}".
# Swedish "{0}tid" glues "tid" to a city in brackets: "Portugal (Lissabon)tid".
_REGION_FORMATS = {"bg": "%s", "sv": "%s"}


@dataclass(frozen=True)
class When:
    text: str  # "Thursday, 3 December 2026, 14:30–16:30"
    zone: str  # "Portugal (Lisbon) Time"
    month: str  # "December 2026", for grouping a calendar
    month_key: tuple
    iso_start: str


def when(event, zone=None, month_zone=None):
    """The event's times in `zone` (else its own); its month in `month_zone` (else `zone`), so
    a list in several zones can still be grouped by one calendar."""
    zone = zone or event.zone
    locale = _locale()
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    if start.date() == end.date():
        text = _("%(date)s, %(start)s–%(end)s") % {
            "date": format_date(start, "full", locale=locale),
            "start": format_time(start, "short", locale=locale),
            "end": format_time(end, "short", locale=locale),
        }
    else:
        text = _("%(start_date)s, %(start)s – %(end_date)s, %(end)s") % {
            "start_date": format_date(start, "full", locale=locale),
            "start": format_time(start, "short", locale=locale),
            "end_date": format_date(end, "full", locale=locale),
            "end": format_time(end, "short", locale=locale),
        }
    month_start = event.start.astimezone(month_zone or zone)
    return When(
        text=text,
        zone=_zone_label(zone, start, locale),
        month=format_skeleton("yMMMM", month_start, locale=locale),
        month_key=(month_start.year, month_start.month),
        iso_start=start.isoformat(),
    )


def _zone_label(zone, moment, locale):
    """ "Portugal (Lisbon) Time" in the reader's language; a zone of no place (UTC, Etc/GMT+5,
    as a browser may report) by its offset, "GMT" or "GMT-05:00", not "Unknown Region"."""
    locale = Locale.parse(locale)
    key = getattr(zone, "key", str(zone))
    key = get_global("zone_aliases").get(key, key)  # Asia/Calcutta is Asia/Kolkata
    if get_global("zone_territories").get(key) in (None, "ZZ", "001"):
        if moment.utcoffset():
            return get_timezone_gmt(moment, "long", locale=locale)
        return locale.zone_formats["gmt"] % ""
    label = get_timezone_location(zone, locale=locale)
    region = _REGION_FORMATS.get(locale.language)
    if region is not None:
        before, _placeholder, after = locale.zone_formats["region"].partition("%s")
        label = region % label.removeprefix(before).removesuffix(after)
    return label
