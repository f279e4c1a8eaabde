"""Every demo page exists and answers in every language, in that language."""

import html
import re

import pytest
from wagtail.models import Page

from library.models import ResourcePage

pytestmark = pytest.mark.django_db


def demo_pages(language):
    """The translated demo tree; library resources are written in one language each."""
    pages = Page.objects.live().filter(depth__gte=2, locale__language_code=language)
    return list(pages.not_type(ResourcePage).specific())


def h1_text(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    return html.unescape(match.group(1)).strip() if match else None


def test_every_language_has_the_whole_demo_tree(languages):
    english = {page.translation_key for page in demo_pages("en")}
    assert len(english) >= 4 + 12 * 4  # home, catalogue, about, course, 12 modules x 3 lessons
    for language in languages:
        keys = {page.translation_key for page in demo_pages(language)}
        assert keys == english, f"{language} misses {len(english - keys)} pages"


@pytest.mark.parametrize("language", ["en", "pt", "nl", "sv", "fi", "bg"])
def test_every_demo_page_answers_in_its_language(client, language):
    pages = demo_pages(language)
    assert pages
    english_titles = {p.translation_key: p.title for p in demo_pages("en")}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        assert f'<html lang="{language}"' in body, page.url
        assert h1_text(response) == page.title, page.url
        if language != "en":
            # the translation really is one: not the English text under another flag
            assert page.title != english_titles[page.translation_key], page.url


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"
