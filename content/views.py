from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from wagtail.models import Page


def untranslated(request, page_id):
    """Where the language switcher sends a reader when a page has no translation yet.

    Answers in the requested language with links to the versions that exist: never a 404 for
    a live page, never English without saying so."""
    translations = list(
        Page.objects.live()
        .public()
        .filter(translation_key__in=Page.objects.filter(id=page_id).values("translation_key"))
        .select_related("locale")
    )
    if not translations:
        raise Http404
    language = get_language()
    existing = next((p for p in translations if p.locale.language_code == language), None)
    if existing is not None:
        # translated since the link was made: go straight there
        return redirect(existing.get_url(request))
    return render(
        request,
        "content/untranslated.html",
        {
            "translations": translations,
            "page_title": translations[0].title,
            "language": language,
            # the switcher and hreflang links of the base template follow this page's versions
            "page": translations[0],
        },
    )
