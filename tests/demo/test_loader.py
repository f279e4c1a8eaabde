"""The demo loader: translations at 100 % in the admin's terms, and safe to run again."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from content.api import publish_page
from courses.models import LessonPage
from library.models import LibraryIndexPage, ResourcePage
from network.models import Tool

pytestmark = pytest.mark.django_db


def test_every_translation_is_complete():
    translations = Translation.objects.select_related("target_locale")
    # the library's pages are written per language (demo/data/library), not from PO files
    from_po = Page.objects.filter(locale__language_code="en", depth__gte=2).not_type(
        LibraryIndexPage, ResourcePage
    )
    assert translations.count() == 5 * from_po.count()
    for item in translations:
        total, done = item.get_progress()
        assert total > 0
        assert done == total, f"{item.source.object_repr} in {item.target_locale}: {done}/{total}"


def test_every_lesson_meets_the_content_brief():
    for lesson in LessonPage.objects.filter(locale__language_code="en"):
        kinds = [block.block_type for block in lesson.body]
        assert kinds.count("reflection") == 1 and kinds.count("self_check") == 1, lesson.slug
        words = sum(
            len(re.sub(r"<[^>]+>", " ", block.value.source).split())
            for block in lesson.body
            if block.block_type == "text"
        )
        assert words >= 150, f"{lesson.slug}: {words} words"


def test_loading_again_changes_nothing(django_capture_on_commit_callbacks):
    before = {
        code: Page.objects.filter(locale__language_code=code).count()
        for code in ["en", "pt", "nl", "sv", "fi", "bg"]
    }
    revisions = {p.id: p.live_revision_id for p in LessonPage.objects.all()}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)
    after = {code: Page.objects.filter(locale__language_code=code).count() for code in before}
    assert after == before
    assert {p.id for p in LessonPage.objects.all()} == set(revisions)
    # nothing changed, so nothing was published again, in any language
    assert {p.id: p.live_revision_id for p in LessonPage.objects.all()} == revisions


def test_a_changed_english_page_is_published_again():
    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    before = lesson.live_revision_id
    fields = {"title": lesson.title, "summary": lesson.summary, "body": lesson.body.raw_data}
    publish_page(parent=lesson.get_parent(), page_class=LessonPage, slug=lesson.slug, fields=fields)
    assert LessonPage.objects.get(id=lesson.id).live_revision_id == before
    fields["summary"] = "A new summary."
    publish_page(parent=lesson.get_parent(), page_class=LessonPage, slug=lesson.slug, fields=fields)
    changed = LessonPage.objects.get(id=lesson.id)
    assert changed.live_revision_id != before
    assert changed.summary == "A new summary."


def test_the_demo_moderates_its_own_posts_without_sending_email(django_capture_on_commit_callbacks):
    tool = Tool.objects.filter(live=True).first()
    tool.delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)
    # submitted and approved again, through the workflow, and nobody was e-mailed about it
    assert Tool.objects.filter(organisation=tool.organisation, name=tool.name, live=True).exists()
    assert mail.outbox == []
