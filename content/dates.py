"""Dates as the reader's language writes them, for templates and for pages that build their
cells in Python (the counsellors' caseload). content.api re-exports these."""

import datetime
from functools import lru_cache

from babel.dates import format_date
from django.conf import settings
from django.utils import timezone, translation

# Babel's plain "en" is American English and plain "pt" Brazilian Portuguese; Pontes writes
# British English and European Portuguese ("29/11/2026", "Hora de Portugal").
BABEL_LOCALES = {"en": "en_GB", "pt": "pt_PT"}


def babel_locale(language):
    """The Babel locale that formats dates and numbers for one of our language codes."""
    return BABEL_LOCALES.get(language, translation.to_locale(language))


def current_locale():
    """The Babel locale of the language being shown (the site's default outside a request)."""
    return babel_locale(translation.get_language() or settings.LANGUAGE_CODE)


def local_date(value, fmt="long", locale=None):
    """A date in the current language, for example "23. marraskuuta 2026"; an aware datetime is
    first read in the current time zone. Nothing for no date. Code writing many dates at once
    passes `current_locale()`, read once, as `locale`."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return _format_date(value, fmt, locale or current_locale())


@lru_cache(maxsize=4096)
def _format_date(value, fmt, locale):
    """Babel takes tens of microseconds a date; a caseload shows the same dates many times."""
    return format_date(value, format=fmt, locale=locale)
