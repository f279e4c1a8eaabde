"""Download, translate offline, upload, review and publish; with the checks in between."""

import polib
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import LessonPage
from partners import api
from partners.models import Credit, Submission

from .conftest import NOW

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Resumo revisto pela equipa parceira."


def _download(client, person, lesson, language="pt"):
    client.force_login(person)
    response = client.get(reverse("partners:download", args=[language, lesson.id]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode("utf-8"))


def _upload(client, lesson, po, language="pt"):
    data = str(po).encode("utf-8")
    upload = SimpleUploadedFile("lesson.po", data, content_type="text/x-gettext-translation")
    return client.post(reverse("partners:upload", args=[language, lesson.id]), {"po_file": upload})


def _translated(lesson, language="pt"):
    return LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code=language
    )


def _edit_summary(po, text=NEW_SUMMARY):
    (entry,) = [e for e in po if e.msgctxt == "summary"]
    entry.msgstr = text
    return entry


def test_the_downloaded_file_is_this_pages_po_file(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    assert po.metadata["X-WagtailLocalize-TranslationID"]
    assert po.metadata["Language"] == "pt"
    assert any(entry.msgctxt == "summary" and entry.msgid == lesson.summary for entry in po)
    assert any(entry.msgstr for entry in po)  # the demo's Portuguese is already there


def test_a_good_upload_waits_for_review_and_the_reviewer_publishes_it(client, people, lesson):
    before = _translated(lesson).summary
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po)
    response = _upload(client, lesson, po)
    assert response.status_code == 302
    submission = Submission.objects.get(page=lesson, language="pt", status="pending")
    assert _translated(lesson).summary == before  # nothing live changes before review

    client.force_login(people["reviewer_pt"])
    dashboard = client.get(reverse("partners:dashboard", args=["pt"])).content.decode()
    assert reverse("partners:review", args=["pt", submission.uuid]) in dashboard
    response = client.post(
        reverse("partners:review", args=["pt", submission.uuid]), {"publish": "1"}
    )
    assert response.status_code == 302
    page = _translated(lesson)
    assert page.summary == NEW_SUMMARY and page.live
    submission.refresh_from_db()
    assert submission.status == "published" and submission.reviewed_by == people["reviewer_pt"]
    assert Credit.objects.filter(translation_key=lesson.translation_key, language="pt").exists()
    html = client.get(page.url).content.decode()
    assert "tr-pt (Parceiro PT)" in html


def test_a_bad_file_is_rejected_with_its_line_and_nothing_changes(client, people, lesson):
    before = _translated(lesson).summary
    po = _download(client, people["translator_pt"], lesson)
    entry = _edit_summary(po, "Resumo <script>alert(1)</script>")
    response = _upload(client, lesson, po)
    assert response.status_code == 200
    problems = response.context["problems"]
    assert problems and all(p.line for p in problems)
    assert any("script" in p.message for p in problems)
    assert "The file was not accepted; nothing was changed" in response.content.decode()
    assert not Submission.objects.filter(page=lesson).exists()
    assert _translated(lesson).summary == before
    assert entry.linenum


def test_a_file_of_another_page_is_rejected(client, people, lesson):
    other = (
        LessonPage.objects.live().filter(locale__language_code="en").exclude(id=lesson.id).first()
    )
    po = _download(client, people["translator_pt"], other)
    response = _upload(client, lesson, po)
    assert response.status_code == 200
    assert any("another page" in p.message for p in response.context["problems"])


def test_a_swedish_translator_cannot_download_or_upload_portuguese(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    client.force_login(people["translator_sv"])
    assert client.get(reverse("partners:download", args=["pt", lesson.id])).status_code == 404
    assert _upload(client, lesson, po).status_code == 404
    assert not Submission.objects.exists()


def test_no_one_reviews_their_own_upload(client, people, lesson):
    client.force_login(people["reviewer_pt"])
    po = _download(client, people["reviewer_pt"], lesson)
    _edit_summary(po)
    assert _upload(client, lesson, po).status_code == 302
    submission = Submission.objects.get(page=lesson)
    with pytest.raises(ValidationError):
        api.publish(by=people["reviewer_pt"], submission=submission, now=NOW)
    response = client.post(
        reverse("partners:review", args=["pt", submission.uuid]), {"publish": "1"}
    )
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == "pending"


def test_a_reviewer_returns_an_upload_with_a_note(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po)
    _upload(client, lesson, po)
    submission = Submission.objects.get(page=lesson)
    client.force_login(people["reviewer_pt"])
    url = reverse("partners:review", args=["pt", submission.uuid])
    assert client.post(url, {"return": "1", "note": ""}).status_code == 200
    assert client.post(url, {"return": "1", "note": "Use 'tu', as the rest."}).status_code == 302
    submission.refresh_from_db()
    assert submission.status == "returned" and submission.review_note == "Use 'tu', as the rest."


def test_a_new_upload_replaces_the_one_waiting(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po)
    _upload(client, lesson, po)
    _edit_summary(po, "Outra versão.")
    _upload(client, lesson, po)
    statuses = sorted(Submission.objects.filter(page=lesson).values_list("status", flat=True))
    assert statuses == ["pending", "superseded"]


def test_the_dashboard_shows_progress_stale_and_waiting(
    client, people, lesson, django_assert_max_num_queries
):
    _download(client, people["translator_pt"], lesson)  # prepares the page's strings
    english = LessonPage.objects.get(id=lesson.id)
    english.summary = english.summary + " Updated."
    english.save_revision().publish()
    client.force_login(people["translator_pt"])
    with django_assert_max_num_queries(25):
        response = client.get(reverse("partners:dashboard", args=["pt"]))
    rows = [row for module in response.context["modules"] for row in module.pages]
    assert len(rows) >= 12
    (row,) = [r for r in rows if r.page.id == lesson.id]
    assert row.prepared and row.total > 0 and row.stale
    assert "English changed since" in response.content.decode()


def test_the_reviewer_reads_every_translated_text_before_publishing(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po, "Resumo novo & final")
    _upload(client, lesson, po)
    submission = Submission.objects.get(page=lesson)
    client.force_login(people["reviewer_pt"])
    body = client.get(reverse("partners:review", args=["pt", submission.uuid])).content.decode()
    assert "Resumo novo &amp; final" in body
    assert lesson.summary in body


def test_a_returned_upload_shows_its_note_to_the_translator(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po)
    _upload(client, lesson, po)
    submission = Submission.objects.get(page=lesson)
    api.return_submission(
        by=people["reviewer_pt"], submission=submission, note="Mais curto.", now=NOW
    )
    client.force_login(people["translator_pt"])
    assert "Mais curto." in client.get(reverse("partners:dashboard", args=["pt"])).content.decode()


def test_unpublished_english_pages_are_not_offered(client, people, lesson):
    lesson.unpublish()
    client.force_login(people["translator_pt"])
    assert client.get(reverse("partners:download", args=["pt", lesson.id])).status_code == 404
    assert client.get(reverse("partners:upload", args=["pt", lesson.id])).status_code == 404


def test_a_lesson_waits_for_its_module_to_be_translated(client, people, lesson):
    from content.api import publish_page
    from courses.models import ModulePage

    english = ModulePage.objects.get(id=lesson.get_parent().id)
    module = publish_page(
        parent=english.get_parent(),
        page_class=ModulePage,
        slug="partner-test-module",
        fields={
            "title": "New module",
            "summary": "Only in English so far.",
            "level": english.level,
            "area": english.area,
            "estimated_minutes": 20,
        },
    )
    new_lesson = publish_page(
        parent=module,
        page_class=LessonPage,
        slug="partner-test-lesson",
        fields={"title": "New lesson", "summary": "A summary to translate."},
    )
    po = _download(client, people["translator_pt"], new_lesson)
    _edit_summary(po, "Um resumo traduzido.")
    assert _upload(client, new_lesson, po).status_code == 302
    submission = Submission.objects.get(page=new_lesson)
    with pytest.raises(ValidationError):
        api.publish(by=people["reviewer_pt"], submission=submission, now=NOW)
    assert not LessonPage.objects.filter(
        translation_key=new_lesson.translation_key, locale__language_code="pt"
    ).exists()


def test_a_message_is_shown_once(client, people, lesson):
    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po)
    response = _upload(client, lesson, po)
    page = client.get(response["Location"]).content.decode()
    assert page.count("Your translation now waits for a reviewer.") == 1


def test_two_uploads_at_the_same_instant_leave_one_waiting(client, people, lesson, monkeypatch):
    """Both find no upload to supersede (PostgreSQL); the later insert breaks the one-pending
    constraint and tries again. The interleaving is made here: the other upload is stored
    between this one's supersede and its insert."""
    from django.db.models import QuerySet

    po = _download(client, people["translator_pt"], lesson)
    _edit_summary(po, "A primeira versão.")
    _upload(client, lesson, po)
    first = Submission.objects.get(page=lesson)
    first.status = "superseded"  # kept aside: it plays the other upload below
    first.save()
    update = QuerySet.update

    def the_other_upload_lands_now(queryset, **values):
        changed = update(queryset, **values)
        if queryset.model is Submission:
            monkeypatch.setattr(QuerySet, "update", update)
            Submission.objects.filter(id=first.id).update(status="pending")
        return changed

    monkeypatch.setattr(QuerySet, "update", the_other_upload_lands_now)
    _edit_summary(po, "A segunda versão.")
    assert _upload(client, lesson, po).status_code == 302
    waiting = Submission.objects.get(page=lesson, status="pending")
    assert "A segunda versão." in waiting.po_text
    assert Submission.objects.get(id=first.id).status == "superseded"
