"""Menus and lesson counts are cached until a page is published, unpublished, moved or deleted."""

import pytest
from django.db import transaction
from wagtail.models import Locale, Page

from content.models import StandardPage

pytestmark = pytest.mark.django_db


def english_home():
    return Page.objects.get(depth=2, locale=Locale.objects.get(language_code="en")).specific


def menu_of(client):
    body = client.get("/en/").content.decode()
    return body.split("<nav", 1)[1].split("</nav>", 1)[0]


def commit():
    """Run the on_commit callbacks of the test's transaction, as a real commit would."""
    connection = transaction.get_connection()
    callbacks = list(connection.run_on_commit)
    connection.run_on_commit = []
    for _sids, callback, _robust in callbacks:
        callback()


def test_a_published_menu_page_appears_and_goes_on_each_change(client):
    assert "Careers fair" not in menu_of(client)  # now cached
    page = english_home().add_child(
        instance=StandardPage(title="Careers fair", slug="careers-fair", show_in_menus=True)
    )
    page.save_revision().publish()
    commit()
    assert "Careers fair" in menu_of(client)

    page.title = "Careers week"
    page.save_revision().publish()
    commit()
    assert "Careers week" in menu_of(client)

    page.unpublish()
    commit()
    assert "Careers week" not in menu_of(client)

    page.save_revision().publish()
    commit()
    assert "Careers week" in menu_of(client)
    page.delete()
    commit()
    assert "Careers week" not in menu_of(client)


def test_saving_a_site_forgets_the_menus(client):
    """Menus are cached per host: a site's host names and root page decide which one a host gets."""
    from wagtail.models import Site

    from content.pagecache import generation

    assert '<a class="brand" href="/en/">' in client.get("/en/").content.decode()
    before = generation()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Pontes"
    site.save()
    commit()
    assert generation() != before
