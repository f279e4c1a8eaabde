"""Names for the Network's code lists, in the reader's language, and members' cleaned HTML."""

from babel.lists import format_list
from django import template
from django.conf import settings

from accounts import api as accounts_api
from content import api as content_api

from ..constants import Audience, Service
from ..sanitise import safe_html

register = template.Library()
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _join(names):
    return format_list([str(name) for name in names], locale=content_api.current_locale())


@register.filter
def language_names(codes):
    return _join(LANGUAGE_NAMES.get(code, code) for code in codes)


@register.filter
def audience_names(codes):
    labels = dict(Audience.choices)
    return _join(labels.get(code, code) for code in codes)


@register.filter
def service_names(codes):
    labels = dict(Service.choices)
    return _join(labels.get(code, code) for code in codes)


@register.filter
def country_name(code):
    return accounts_api.COUNTRY_NAMES.get(code, code)


@register.filter
def rich(value):
    return safe_html(value)
