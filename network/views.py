"""The public Network: organisations, tools and events a moderator approved. Filters live in
the URL, so a filtered list can be bookmarked or subscribed to as a calendar."""

from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts import api as accounts_api

from . import api
from .constants import Audience, EventFormat, OrganisationType, PostLevel
from .dates import reader_zone, when
from .models import Event, OrganisationProfile, Tool

PAGE_SIZE = 20


def _choice(params, name, choices):
    value = params.get(name, "")
    return value if value in {code for code, _label in choices} else ""


def _countries():
    return accounts_api.country_names()


def _filters(params, spec):
    """The valid filter values from the query string, and the choices to show for each."""
    chosen = {name: _choice(params, name, choices) for name, (_label, choices) in spec.items()}
    fields = [
        {"name": name, "label": label, "choices": choices, "value": chosen[name]}
        for name, (label, choices) in spec.items()
    ]
    query = urlencode({k: v for k, v in chosen.items() if v})
    return chosen, fields, query


def _page(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def _with_when(events, zone, month_zone=None):
    return [(event, when(event, zone, month_zone)) for event in events]


def _event_spec():
    return {
        "country": (_("Country"), _countries()),
        "language": (_("Language"), settings.LANGUAGES),
        "format": (_("Format"), EventFormat.choices),
        "audience": (_("Audience"), Audience.choices),
    }


@require_GET
def index(request):
    now = timezone.now()
    zone = reader_zone(request)
    return render(
        request,
        "network/index.html",
        {
            "events": _with_when(api.public_events(now=now)[:5], zone),
            "tools": api.public_tools()[:5],
            "organisation_count": api.public_organisations().count(),
        },
    )


@require_GET
def organisations(request):
    chosen, fields, query = _filters(
        request.GET,
        {
            "country": (_("Country"), _countries()),
            "type": (_("Type"), OrganisationType.choices),
            "language": (_("Language"), settings.LANGUAGES),
        },
    )
    profiles = api.public_organisations(
        country=chosen["country"],
        kind=chosen["type"],
        language=chosen["language"],
    )
    return render(
        request,
        "network/organisations.html",
        {"page_obj": _page(request, profiles), "fields": fields, "query": query},
    )


@require_GET
def organisation(request, slug):
    profile = (
        OrganisationProfile.objects.filter(live=True, organisation__slug=slug)
        .select_related("organisation", "logo")
        .first()
    )
    if profile is None:
        raise Http404
    now = timezone.now()
    events = api.public_events(now=now).filter(organisation=profile.organisation)
    return render(
        request,
        "network/organisation.html",
        {
            "profile": profile,
            "tools": api.public_tools().filter(organisation=profile.organisation),
            "events": _with_when(events, reader_zone(request)),
        },
    )


@require_GET
def tools(request):
    chosen, fields, query = _filters(
        request.GET,
        {
            "audience": (_("Audience"), Audience.choices),
            "language": (_("Language"), settings.LANGUAGES),
            "level": (_("Level"), [c for c in PostLevel.choices if c[0] != PostLevel.ANY]),
        },
    )
    items = api.public_tools(
        audience=chosen["audience"],
        language=chosen["language"],
        level=chosen["level"],
    )
    return render(
        request,
        "network/tools.html",
        {"page_obj": _page(request, items), "fields": fields, "query": query},
    )


@require_GET
def tool(request, slug):
    item = Tool.objects.filter(live=True, slug=slug).select_related("organisation").first()
    if item is None:
        raise Http404
    return render(request, "network/tool.html", {"tool": item})


def filtered_events(params, *, now, past=False):
    chosen, fields, query = _filters(params, _event_spec())
    events = api.public_events(
        now=now,
        past=past,
        country=chosen["country"],
        language=chosen["language"],
        format=chosen["format"],
        audience=chosen["audience"],
    )
    return events, fields, query


@require_GET
def events(request, past=False):
    items, fields, query = filtered_events(request.GET, now=timezone.now(), past=past)
    page = _page(request, items)
    zone = reader_zone(request)
    # without the reader's zone each event shows its own; the months follow the site's zone
    dated = _with_when(page.object_list, zone, zone or timezone.get_default_timezone())
    months = [
        {"label": group[0][1].month, "events": group}
        for group in (list(g) for _key, g in groupby(dated, key=lambda pair: pair[1].month_key))
    ]
    return render(
        request,
        "network/events.html",
        {
            "page_obj": page,
            "months": months,
            "fields": fields,
            "query": query,
            "past": past,
            "zone_known": zone is not None,
        },
    )


@require_GET
def event(request, slug):
    item = Event.objects.filter(live=True, slug=slug).select_related("organisation").first()
    if item is None:
        raise Http404
    zone = reader_zone(request)
    return render(
        request,
        "network/event.html",
        {
            "event": item,
            "when": when(item, zone),
            "own_when": when(item) if zone and zone.key != item.time_zone else None,
            "is_past": item.end < timezone.now(),
        },
    )
