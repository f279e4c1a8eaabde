"""Searching the site: the library's browsing and the site search page call these.

Results come from the configured engine (`PONTES_SEARCH`); while its index is missing or broken
they come from the database instead, with a warning in the log. Whatever the engine says, a hit
whose page is no longer live is dropped before anyone sees it."""

import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import mark_safe
from wagtail.models import Page

from . import fallback, signals
from .backends import shared_backend
from .documents import KINDS, page_id_of
from .health import index_exists
from .indexing import rebuild, total_groups

__all__ = [
    "KINDS",
    "SearchHit",
    "SearchPage",
    "indexing_paused",
    "rebuild",
    "search",
    "suggest",
    "total_groups",
]

logger = logging.getLogger(__name__)
indexing_paused = signals.paused


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    language: str
    language_name: str
    kind: str
    snippet: str  # escaped HTML with <mark> around the words found


@dataclass
class SearchPage:
    total: int
    hits: list
    facets: dict  # {facet: {value: count}}
    number: int
    pages: int
    did_you_mean: str | None = None
    degraded: bool = False


def _engine_query(text, **options):
    if not index_exists():
        raise FileNotFoundError("the search index has not been built")
    return shared_backend().query(text, **options)


def search(*, text, language, filters=None, facets=(), page=1, per_page=20):
    """One page of results for the reader's `language`: its own pages first, then pages in
    other languages that have no version in it. `filters` is {field: [values]}."""
    filters = {name: list(values) for name, values in (filters or {}).items() if values}
    filters["shown_in"] = [language]
    page = max(1, page)
    options = {
        "language": language,
        "filters": filters,
        "facets": facets,
        "limit": per_page,
        "offset": (page - 1) * per_page,
    }
    degraded = False
    try:
        results = _engine_query(text, **options)
    except Exception:  # a missing or corrupt index must not take search down
        logger.warning("Search index unavailable; answering from the database", exc_info=True)
        results = fallback.query(text, **options)
        degraded = True
    hits = _live_hits(results.hits)
    suggestion = None
    if text.strip() and results.total == 0 and not degraded:
        suggestion = _did_you_mean(text, language)
    return SearchPage(
        total=results.total,
        hits=hits,
        facets=results.facets,
        number=page,
        pages=max(1, math.ceil(results.total / per_page)),
        did_you_mean=suggestion,
        degraded=degraded,
    )


def _live_hits(hits):
    ids = {page_id_of(hit.key) for hit in hits}
    live = dict(Page.objects.live().filter(pk__in=ids).values_list("pk", "content_type_id"))
    names = dict(settings.LANGUAGES)
    return [
        SearchHit(
            title=hit.title,
            url=hit.url,
            language=hit.language,
            language_name=names.get(hit.language, hit.language),
            kind=_kind(live[page_id_of(hit.key)]),
            snippet=mark_safe(hit.snippet),  # noqa: S308 - escaped by the backend, then <mark>
        )
        for hit in hits
        if page_id_of(hit.key) in live
    ]


def _kind(content_type_id):
    """The page type's search kind; ContentType keeps its rows in memory once read."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return getattr(model, "search_kind", "")


def _did_you_mean(text, language):
    try:
        return shared_backend().did_you_mean(text, language=language)
    except Exception:
        logger.warning("Search index unavailable for suggestions", exc_info=True)
        return None


def suggest(*, prefix, language, limit=8):
    """Titles for search-as-you-type; none while the index is unavailable."""
    if len(prefix.strip()) < 2 or not index_exists():
        return []
    try:
        return shared_backend().suggest(prefix, language=language, limit=limit)
    except Exception:
        logger.warning("Search index unavailable for suggestions", exc_info=True)
        return []
