"""The site search page and the search box's suggestions (JSON for the script; the page itself
lists the same suggestions, so they work without JavaScript)."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import api

PAGE_SIZE = 20
MAX_QUERY = 200
KIND_LABELS = {"module": _("Modules"), "lesson": _("Lessons"), "resource": _("Resources")}


@require_GET
def search(request):
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    kinds = [kind for kind in request.GET.getlist("kind") if kind in api.KINDS]
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    language = get_language()
    results = suggestions = None
    if text:
        results = api.search(
            text=text,
            language=language,
            filters={"kind": kinds},
            facets=("kind",),
            page=number,
            per_page=PAGE_SIZE,
        )
        if results.total == 0 or number == 1 and len(text) < 30:
            suggestions = [
                title
                for title in api.suggest(prefix=text, language=language, limit=5)
                if title.casefold() != text.casefold()
            ]
    counts = results.facets.get("kind", {}) if results else {}
    options = [
        {
            "value": kind,
            "label": KIND_LABELS[kind],
            "count": counts.get(kind, 0),
            "checked": kind in kinds,
        }
        for kind in api.KINDS
    ]
    query_string = urlencode([("q", text)] + [("kind", kind) for kind in kinds])
    return render(
        request,
        "search/search.html",
        {
            "text": text,
            "results": results,
            "kinds": options,
            "suggestions": suggestions,
            "query_string": query_string,
        },
    )


@require_GET
def suggest(request):
    prefix = request.GET.get("q", "")[:MAX_QUERY]
    titles = api.suggest(prefix=prefix, language=get_language(), limit=8)
    response = JsonResponse({"suggestions": titles})
    response["Cache-Control"] = "max-age=60"
    return response
