"""The interface speaks all six languages completely, and formats per locale with Babel."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def catalogue(code):
    return polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", ["en", "pt", "nl", "sv", "fi", "bg"])
def test_catalogue_is_complete_and_not_fuzzy(code):
    po = catalogue(code)
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("code", ["pt", "nl", "sv", "fi", "bg"])
def test_translations_keep_placeholders_and_add_no_markup(code):
    for entry in catalogue(code).translated_entries():
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = sorted(set(PLACEHOLDER.findall(sources[-1])))
        for text in translations:
            assert sorted(set(PLACEHOLDER.findall(text))) == expected, entry.msgid
            assert text.count("<") == entry.msgid.count("<"), entry.msgid


@pytest.mark.parametrize("code", ["pt", "nl", "sv", "fi", "bg"])
def test_translated_catalogue_is_not_english(code):
    entries = catalogue(code).translated_entries()
    words = re.compile(r"[^\W\d_]{3,}")
    same = [
        e.msgid
        for e in entries
        # a sentence left in English; a proper name such as "Liechtenstein" may stay the same
        if e.msgstr == e.msgid and len(words.findall(PLACEHOLDER.sub("", e.msgid))) > 1
    ]
    assert same == []


@pytest.mark.parametrize(
    "code, date_text, minutes_text",
    [
        ("en", "23 November 2026", "45 min"),
        ("fi", "23. marraskuuta 2026", "45 min"),
        ("bg", "23 ноември 2026\u202fг.", "45 мин"),
        ("pt", "23 de novembro de 2026", "45 min"),
    ],
)
def test_dates_and_durations_follow_the_locale(code, date_text, minutes_text):
    template = Template("{% load pontes %}{{ day|local_date }}|{{ 45|minutes }}")
    with translation.override(code):
        rendered = template.render(Context({"day": datetime.date(2026, 11, 23)}))
    date_part, minutes_part = rendered.split("|")
    assert date_part == date_text
    assert minutes_part.startswith(minutes_text)


def test_numbers_follow_the_locale():
    template = Template("{% load pontes %}{{ n|local_number }}")
    with translation.override("fi"):
        assert template.render(Context({"n": 12345.5})) == "12\xa0345,5"
    with translation.override("en"):
        assert template.render(Context({"n": 12345.5})) == "12,345.5"
