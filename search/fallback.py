"""Search answered by the database while the index is missing or broken: Wagtail's own search
index (kept by Wagtail in every save) finds the pages, and the same Documents as the engine
indexes give the filters and facet counts. Slower and cruder than the engine; never stale."""

import html
import re

from wagtail.models import Page

from .backends.base import Hit, Results, leading_snippet, words_of
from .documents import document_for, searchable_models

LIMIT = 500


def query(text, *, language, filters, facets, limit, offset):
    pages = []
    for model in searchable_models():
        wanted = (filters or {}).get("kind")
        if wanted and model.search_kind not in wanted:
            continue
        found = model.objects.live().public().select_related("locale")
        if words_of(text):
            found = found.search(" ".join(words_of(text)), operator="and")
        pages += list(found[:LIMIT])
    languages = {}
    keys = {page.translation_key for page in pages}
    for key, code in (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "locale__language_code")
    ):
        languages.setdefault(key, set()).add(code)
    every = {page.locale.language_code for page in pages} | {language}
    documents = []
    for page in pages:
        versions = languages.get(page.translation_key, set())
        shown = {page.locale.language_code} | {code for code in every if code not in versions}
        documents.append(document_for(page, shown_in=shown))
    matching = [doc for doc in documents if _passes(doc, filters)]
    matching.sort(key=lambda doc: (doc.language != language, doc.title.casefold()))
    counts = {name: _counts(documents, filters, name) for name in facets}
    hits = [_hit(doc, text) for doc in matching[offset : offset + limit]]
    return Results(total=len(matching), hits=hits, facets=counts)


def _passes(document, filters, skip=None):
    for name, values in (filters or {}).items():
        if name != skip and values and not set(values) & set(document.fields.get(name, ())):
            return False
    return True


def _counts(documents, filters, name):
    counts = {}
    for document in documents:
        if _passes(document, filters, skip=name):
            for value in document.fields.get(name, ()):
                counts[value] = counts.get(value, 0) + 1
    return counts


def _hit(document, text):
    words = words_of(text)
    snippet = leading_snippet(document.body)
    if words:
        pattern = re.compile("|".join(re.escape(html.escape(w)) for w in words), re.IGNORECASE)
        snippet = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", snippet)
    return Hit(
        key=document.key,
        language=document.language,
        title=document.title,
        url=document.url,
        score=0.0,
        snippet=snippet,
    )
