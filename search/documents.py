"""From a published page to the search Document its backend indexes.

A page takes part in search by declaring `search_kind` ("module", "lesson", "resource") and may
add `search_document()` -> {"body": text, "fields": {facet: [values]}}. Search imports no app:
it reads these attributes, so the layers below never depend on search."""

import json

from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page

from .backends.base import Document

KINDS = ("module", "lesson", "resource")


def key_of(page_id):
    return f"page:{page_id}"


def page_id_of(key):
    prefix, _, number = key.partition(":")
    return int(number) if prefix == "page" and number.isdigit() else None


def searchable_models():
    """The concrete page models that declare a search kind."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "search_kind", None) in KINDS
    ]


def document_for(page, *, shown_in):
    """The Document of a live, specific page; `shown_in` lists the languages whose readers see
    it (its own, and those with no live translation of it)."""
    extra = page.search_document() if hasattr(page, "search_document") else {}
    body = extra.get("body")
    if body is None:
        body = _page_text(page)
    fields = {name: list(values) for name, values in extra.get("fields", {}).items()}
    fields["kind"] = [page.search_kind]
    fields["shown_in"] = sorted(shown_in)
    return Document(
        key=key_of(page.pk),
        language=page.locale.language_code,
        title=page.title,
        body=" ".join(strip_tags(body).split()),
        kind=page.search_kind,
        fields=fields,
        url=page.get_url() or "",
    )


def _page_text(page):
    """Every text field and StreamField string of the page: a summary, outcomes, lesson body."""
    parts = []
    for field in page._meta.get_fields():
        if field.concrete and field.model is not Page and not field.is_relation:
            value = getattr(page, field.attname, None)
            if isinstance(field, StreamField):
                parts += _strings(json.loads(json.dumps(list(value.raw_data))))
            elif isinstance(value, str) and field.get_internal_type() == "TextField":
                parts.append(value)
    return "\n".join(parts)


def _strings(raw):
    """The text of StreamField JSON: every string value that is not a block's type or id."""
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [text for item in raw for text in _strings(item)]
    if isinstance(raw, dict):
        return [
            text
            for name, value in raw.items()
            if name not in ("type", "id", "kind", "style")
            for text in _strings(value)
        ]
    return []
