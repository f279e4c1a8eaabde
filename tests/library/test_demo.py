"""The demo library: 60 resources over six languages, our worksheets as real Word files."""

import io
from collections import Counter

import pytest
from docx import Document

from library.models import LibraryIndexPage, ResourcePage

pytestmark = pytest.mark.django_db


def test_sixty_resources_spread_over_languages_types_levels_and_areas():
    resources = ResourcePage.objects.live().select_related("locale")
    assert resources.count() >= 60
    per_language = Counter(page.locale.language_code for page in resources)
    assert set(per_language) == {"en", "pt", "nl", "sv", "fi", "bg"}
    assert min(per_language.values()) >= 10
    assert {page.resource_type for page in resources} == {
        "worksheet",
        "guide",
        "video",
        "podcast",
        "tool",
        "link",
        "template",
    }
    assert {page.resource_language for page in resources} > {"en"}
    assert any(page.resource_language != page.locale.language_code for page in resources)
    levels = Counter(level.code for page in resources for level in page.levels.all())
    areas = Counter(area.key for page in resources for area in page.areas.all())
    assert set(levels) == {"A", "B", "C"} and len(areas) == 4


def test_every_worksheet_is_a_word_document_in_its_language():
    with_files = ResourcePage.objects.live().filter(document__isnull=False)
    assert with_files.count() >= 30
    for page in with_files.select_related("document", "locale"):
        with page.document.file.open("rb") as handle:
            document = Document(io.BytesIO(handle.read()))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        assert page.document.title in text
        assert document.core_properties.language == page.locale.language_code
        assert len(text) > 400  # instructions and questions, not an empty shell


def test_each_language_has_its_library_in_the_menu(client):
    for page in LibraryIndexPage.objects.live():
        assert page.show_in_menus
        body = client.get(f"/{page.locale.language_code}/").content.decode()
        assert f'href="{page.url}"' in body
