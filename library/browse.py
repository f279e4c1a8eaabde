"""The library's faceted browsing: the URL's parameters in, one page of resources out.

Every filter lives in the query string (`?q=cv&type=worksheet&level=A&level=B&page=2`), so a
counsellor can share exactly what they see. Unknown values are ignored rather than refused."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content import api as content_api
from content.models import CompetenceArea, Level
from search import api as search_api

from .constants import FACETS, PAGE_SIZE, RESOURCE_LICENCES, ResourceType

MAX_QUERY = 200
FACET_LABELS = {
    "type": _("Type"),
    "level": _("Level"),
    "area": _("Competence area"),
    "rlang": _("Language of the resource"),
    "licence": _("Licence"),
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    checked: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list


@dataclass(frozen=True)
class Browse:
    text: str
    results: object  # search.api.SearchPage
    facets: list
    chosen: int  # how many facet values are ticked
    query_string: str  # the filters without the page number, for the pagination links


def facet_choices():
    """{facet: [(value, label)]} in display order, labels in the active language."""
    language = translation.get_language()
    return {
        "type": list(ResourceType.choices),
        **content_api.cached_until_pages_change(f"library-facets:{language}", _vocabularies),
        "rlang": list(settings.LANGUAGES),
        "licence": list(RESOURCE_LICENCES),
    }


def _vocabularies():
    return {
        "level": [(level.code, str(level)) for level in Level.objects.all()],
        "area": [(area.key, area.name) for area in CompetenceArea.objects.all()],
    }


def browse(*, index, params):
    choices = facet_choices()
    text = params.get("q", "").strip()[:MAX_QUERY]
    filters = {}
    for name in FACETS:
        known = {value for value, _label in choices[name]}
        filters[name] = [value for value in params.getlist(name) if value in known]
    try:
        number = max(1, int(params.get("page", 1)))
    except ValueError:
        number = 1
    results = search_api.search(
        text=text,
        language=translation.get_language(),
        filters={**filters, "kind": ["resource"]},
        facets=FACETS,
        page=number,
        per_page=PAGE_SIZE,
    )
    facets = [
        Facet(
            name=name,
            label=FACET_LABELS[name],
            options=[
                Option(
                    value, label, results.facets.get(name, {}).get(value, 0), value in filters[name]
                )
                for value, label in choices[name]
                if results.facets.get(name, {}).get(value, 0) or value in filters[name]
            ],
        )
        for name in FACETS
    ]
    pairs = [("q", text)] if text else []
    pairs += [(name, value) for name in FACETS for value in filters[name]]
    return Browse(
        text=text,
        results=results,
        facets=facets,
        chosen=sum(len(values) for values in filters.values()),
        query_string=urlencode(pairs),
    )
