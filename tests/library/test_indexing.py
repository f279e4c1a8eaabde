"""Indexing follows publishing: publish, unpublish, move and delete queue a task after commit."""

import pytest
from wagtail.models import Locale

from library.models import LibraryIndexPage
from search import api

from .conftest import add_resource, library

pytestmark = pytest.mark.django_db


def titles(text, language="en", **filters):
    return [hit.title for hit in api.search(text=text, language=language, filters=filters).hits]


def test_publish_and_unpublish_reach_the_index_after_commit(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_resource(title="Reading your first payslip")
    assert "Reading your first payslip" in titles("payslip")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Understanding your tax code"
        page.save_revision().publish()
    assert titles("payslip") == []
    assert "Understanding your tax code" in titles("tax code")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Understanding your tax code" not in titles("tax code")


def test_nothing_is_queued_before_commit(own_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add_resource(title="Reading your first payslip")
    assert titles("payslip") == []
    for callback in callbacks:  # the commit
        callback()
    assert titles("payslip") == ["Reading your first payslip"]


def test_an_unpublished_page_is_never_shown_even_before_the_index_hears_of_it(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_resource(title="Reading your first payslip")
    with django_capture_on_commit_callbacks(execute=False):
        page.unpublish()  # the index still holds it: the task has not run
    assert titles("payslip") == []


def test_delete_removes_and_move_updates_the_address(own_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_resource(title="Reading your first payslip")
        second = LibraryIndexPage(title="Archive", slug="archive")
        library("en").get_parent().add_child(instance=second)
        second.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(second, pos="last-child")
    (hit,) = api.search(text="payslip", language="en").hits
    assert hit.url == "/en/archive/salary-talk/"
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert titles("payslip") == []


def test_a_translation_replaces_the_original_for_its_readers(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_resource(title="Reading your first payslip")
    # untranslated, it is shown to Swedish readers, marked as English
    (hit,) = api.search(text="payslip", language="sv").hits
    assert (hit.language, hit.language_name) == ("en", "English")
    with django_capture_on_commit_callbacks(execute=True):
        swedish = page.copy_for_translation(Locale.objects.get(language_code="sv"))
        swedish.title = "Läs ditt första lönebesked"
        swedish.save_revision().publish()
    assert titles("payslip", language="sv") == []
    assert titles("lönebesked", language="sv") == ["Läs ditt första lönebesked"]
    assert titles("payslip", language="en") == ["Reading your first payslip"]


def test_a_broker_that_is_down_updates_the_index_in_the_request(
    own_index, django_capture_on_commit_callbacks, monkeypatch
):
    from kombu.exceptions import OperationalError

    from search import tasks

    def refuse(*args, **kwargs):
        raise OperationalError("broker down")

    monkeypatch.setattr(tasks.refresh_translation_groups, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        add_resource(title="Reading your first payslip")
    assert titles("payslip") == ["Reading your first payslip"]
