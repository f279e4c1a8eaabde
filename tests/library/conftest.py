import pytest
from wagtail.models import Locale

from content.models import CompetenceArea, Level
from library.models import LibraryIndexPage, ResourcePage
from search import api as search_api


@pytest.fixture
def own_index(settings, tmp_path):
    """A search index of this test's own, built from the demo: tests that publish may change it."""
    settings.PONTES_SEARCH = {"BACKEND": "search.backends.tantivy", "PATH": tmp_path / "index"}
    search_api.rebuild()
    return tmp_path / "index"


def library(code):
    return LibraryIndexPage.objects.get(locale=Locale.objects.get(language_code=code))


def add_resource(code="en", slug="salary-talk", title="Talking about salary", **fields):
    values = {
        "summary": "How to ask for a fair salary.",
        "body": "<p>Salaries differ between sectors.</p>",
        "resource_type": "guide",
        "resource_language": code,
        "provider": "Pontes",
        "external_url": "https://europass.europa.eu/",
        **fields,
    }
    page = ResourcePage(slug=slug, title=title, **values)
    page.levels = [Level.objects.get(code="B")]
    page.areas = [CompetenceArea.objects.get(key="applying")]
    library(code).add_child(instance=page)
    page.save_revision().publish()
    return page
