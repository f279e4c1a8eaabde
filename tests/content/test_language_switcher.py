"""The switcher and the hreflang links map each page to its own translation."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import LessonPage, ModulePage
from tests.factories.pages import ModulePageFactory

pytestmark = pytest.mark.django_db


def switcher_links(response):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    return {
        code: url for url, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav.group(0))
    }


def test_switcher_maps_a_lesson_to_each_translation(client, languages):
    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    links = switcher_links(client.get(lesson.url))
    assert set(links) == set(languages)
    for code in languages:
        assert links[code] == lesson.get_translation(_locale(code)).url


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_hreflang_alternates_list_every_translation(client, languages):
    module = ModulePage.objects.live().filter(locale__language_code="pt").first()
    body = client.get(module.url).content.decode()
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"', body)
    )
    assert set(alternates) == {*languages, "x-default"}
    assert alternates["fi"].endswith(module.get_translation(_locale("fi")).url)
    assert alternates["x-default"] == alternates["en"]


@pytest.fixture
def english_only_module():
    course = ModulePage.objects.live().filter(locale__language_code="en").first().get_parent()
    return ModulePageFactory(parent=course, title="Only in English for now")


def test_switcher_sends_a_missing_translation_to_the_notice(client, english_only_module):
    links = switcher_links(client.get(english_only_module.url))
    with translation.override("fi"):
        expected = reverse("content:untranslated", kwargs={"page_id": english_only_module.id})
    assert links["fi"] == expected
    response = client.get(expected)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fi"' in body
    with translation.override("fi"):
        notice = translation.gettext("Not yet translated")
    assert notice != "Not yet translated"
    assert notice in body
    assert english_only_module.url in body


def test_notice_for_an_unknown_page_is_404(client):
    with translation.override("sv"):
        url = reverse("content:untranslated", kwargs={"page_id": 999999})
    assert client.get(url).status_code == 404


def test_notice_link_for_an_existing_translation_redirects_to_it(client):
    module = ModulePage.objects.live().filter(locale__language_code="en").first()
    with translation.override("nl"):
        url = reverse("content:untranslated", kwargs={"page_id": module.id})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == module.get_translation(_locale("nl")).url
