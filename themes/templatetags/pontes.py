"""Language switcher, hreflang alternates and Babel formatting for the templates."""

from babel.numbers import format_decimal
from babel.units import format_unit
from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page, Site

from accounts import api as accounts_api
from content import api as content_api
from counselling import api as counselling_api
from network import api as network_api
from partners import api as partners_api

register = template.Library()


def _language_links(context):
    """One entry per language: where the switcher goes and whether a translation exists."""
    request = context["request"]
    cache = getattr(request, "_pontes_language_links", None)
    if cache is not None:
        return cache
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page):
        versions = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        for code, name in settings.LANGUAGES:
            version = versions.get(code)
            if version is not None:
                url = version.get_url(request)
            else:
                with translation.override(code):
                    url = reverse("content:untranslated", kwargs={"page_id": page.id})
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "exists": version is not None,
                    "current": code == current,
                }
            )
    else:
        for code, name in settings.LANGUAGES:
            links.append(
                {
                    "code": code,
                    "name": name,
                    "exists": True,
                    "current": code == current,
                    "url": translate_url(request.get_full_path(), code),
                }
            )
    request._pontes_language_links = links
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    return _language_links(context)


@register.simple_tag(takes_context=True)
def absolute(context, url):
    try:
        return context["request"].build_absolute_uri(url)
    except DisallowedHost:  # the 400 page for that very request: the address stays relative
        return url


# A date in the reader's language, for example "23. marraskuuta 2026".
local_date = register.filter("local_date", content_api.local_date)


@register.filter
def local_number(value):
    """A number as the reader's language writes it ("100 060", "100,060"). Whole numbers below
    1000 read the same in all six languages, and need no call into Babel."""
    if isinstance(value, int) and -1000 < value < 1000:
        return str(value)
    return format_decimal(value, locale=content_api.current_locale())


@register.filter
def minutes(value):
    """A duration in minutes as the reader's language writes it ("45 min", "45 мин.")."""
    return format_unit(
        value, "duration-minute", length="short", locale=content_api.current_locale()
    )


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The localized home page's address and its sections shown in menus (id, path, title and
    address), cached per host and language until pages or sites change: finding the request's
    site and each page's address are queries of their own, on every page of the site."""
    request = context["request"]

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return {"home_url": "/", "items": []}
        home = site.root_page.localized
        items = home.get_children().live().in_menu()
        return {
            "home_url": home.get_url(request),
            "items": [
                {
                    "id": item.id,
                    "path": item.path,
                    "title": item.title,
                    "url": item.get_url(request),
                }
                for item in items
            ],
        }

    try:
        host = f"{request.get_host()}:{request.get_port()}"
    except DisallowedHost:  # the 400 page for that very request: no site, no menu
        return {"home_url": "/", "items": []}
    return content_api.cached_until_pages_change(f"menu:{host}:{translation.get_language()}", build)


@register.filter
def is_counsellor(user):
    """For the header: counsellors get a link to their caseload."""
    return counselling_api.is_counsellor(user)


@register.filter
def manages_organisations(user):
    """For the account page: managers get a link to their organisations' roles."""
    return accounts_api.managed_organisations(user).exists()


@register.filter
def writes_for_network(user):
    """For the account page: organisations' editors and managers get a link to their posts."""
    return network_api.editable_organisations(user).exists()


@register.filter
def translates(user):
    """For the account page: partner translators and reviewers get a link to their work."""
    return bool(partners_api.languages_for(user))
