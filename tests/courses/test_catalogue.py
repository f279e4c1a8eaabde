"""The catalogue filters by level and area, shows each module's languages, in fixed queries."""

import html
import re

import pytest

from courses.models import CourseIndexPage, ModulePage
from tests.factories.pages import ModulePageFactory

pytestmark = pytest.mark.django_db


def catalogue(language):
    return CourseIndexPage.objects.live().get(locale__language_code=language)


def card_titles(response):
    found = re.findall(
        r'<li class="card"[^>]*>\s*<h3><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )
    return [html.unescape(title) for title in found]


def card_containing(response, text):
    cards = response.content.decode().split('<li class="card"')[1:]
    return next(card for card in cards if text in card)


def test_unfiltered_catalogue_lists_all_twelve_modules(client):
    response = client.get(catalogue("en").url)
    assert len(card_titles(response)) == 12


@pytest.mark.parametrize("level", ["A", "B", "C"])
def test_filter_by_level(client, level):
    response = client.get(catalogue("nl").url, {"level": level})
    expected = ModulePage.objects.live().filter(locale__language_code="nl", level__code=level)
    assert sorted(card_titles(response)) == sorted(m.title for m in expected)
    assert len(expected) == 4


def test_filter_by_area_and_level_together(client):
    response = client.get(catalogue("sv").url, {"level": "C", "area": "applying"})
    expected = ModulePage.objects.live().get(
        locale__language_code="sv", level__code="C", area__key="applying"
    )
    assert card_titles(response) == [expected.title]


def test_unknown_filter_value_shows_everything_rather_than_failing(client):
    response = client.get(catalogue("en").url, {"level": "Z"})
    assert response.status_code == 200
    assert len(card_titles(response)) == 12


def test_card_shows_level_duration_and_languages(client):
    response = client.get(catalogue("fi").url, {"level": "A", "area": "exploring"})
    body = response.content.decode()
    module = ModulePage.objects.live().get(
        locale__language_code="fi", level__code="A", area__key="exploring"
    )
    assert module.level.name_fi in body
    assert f"{module.estimated_minutes} min" in body
    for name in ["English", "Português", "Nederlands", "Svenska", "Suomi", "Български"]:
        assert name in body


def test_untranslated_module_is_listed_with_a_notice_and_a_link(client):
    course = ModulePage.objects.live().filter(locale__language_code="en").first().get_parent()
    module = ModulePageFactory(parent=course, title="Brand new module")
    response = client.get(catalogue("bg").url)
    assert len(card_titles(response)) == 13
    card = card_containing(response, "Brand new module")
    assert f'href="{module.url}"' in card
    assert 'class="notice"' in card
    assert 'lang="en"' in card
    translated = card_containing(response, card_titles(response)[0])
    assert 'class="notice"' not in translated


def test_catalogue_query_count_does_not_grow_with_modules(client, django_assert_max_num_queries):
    url = catalogue("pt").url
    client.get(url)
    course = ModulePage.objects.live().filter(locale__language_code="en").first().get_parent()
    for n in range(10):
        ModulePageFactory(parent=course, title=f"Extra {n}")
    with django_assert_max_num_queries(20):
        response = client.get(url, {"level": "B"})
    assert len(card_titles(response)) == 4 + 10
