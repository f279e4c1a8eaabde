"""The POST views that record progress: who may use them, and where they lead."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from progress.constants import Status
from progress.models import LessonProgress, Statement
from tests.progress.helpers import lessons_of, module_in, self_check, translation_of

pytestmark = pytest.mark.django_db


def url(name, page, language="en"):
    with override(language):
        return reverse(f"progress:{name}", kwargs={"page_id": page.id})


def completed(learner, lesson):
    return LessonProgress.objects.filter(
        learner=learner, lesson_key=lesson.translation_key, status=Status.COMPLETED
    ).exists()


def test_complete_lesson_records_and_goes_to_the_next_lesson(client, learner):
    first, second, _third = lessons_of(module_in("en"))
    client.force_login(learner)
    response = client.post(url("complete_lesson", first))
    assert response.status_code == 302
    assert response.url == second.url
    assert completed(learner, first)


def test_completing_the_last_lesson_goes_back_to_the_module(client, learner):
    module = module_in("en")
    *_first, last = lessons_of(module)
    client.force_login(learner)
    response = client.post(url("complete_lesson", last))
    assert response.url == module.url


def test_start_module_goes_to_the_first_lesson(client, learner):
    module = translation_of(module_in("en"), "pt")
    client.force_login(learner)
    response = client.post(url("start_module", module, "pt"))
    assert response.url == lessons_of(module)[0].url
    assert LessonProgress.objects.filter(learner=learner).count() == 1


@pytest.mark.parametrize("pick_correct", [True, False])
def test_a_learners_answer_shows_its_feedback_and_completes_the_lesson(
    client, learner, pick_correct
):
    lesson = lessons_of(module_in("pt"))[1]
    block, correct = self_check(lesson)
    index = correct if pick_correct else (correct + 1) % len(block.value["answers"])
    client.force_login(learner)
    response = client.post(url("answer", lesson, "pt"), {"answer": f"{block.id}:{index}"})
    assert response.url == f"{lesson.url}?answer={block.id}%3A{index}#check-{block.id}"
    assert completed(learner, lesson)
    body = client.get(response.url).content.decode()
    assert block.value["answers"][index]["feedback"] in body
    assert ("feedback--right" if pick_correct else "feedback--wrong") in body


def test_a_visitors_answer_shows_feedback_and_records_nothing(client):
    lesson = lessons_of(module_in("en"))[0]
    block, correct = self_check(lesson)
    before = Statement.objects.count()  # the demo's clients have some
    response = client.post(url("answer", lesson), {"answer": f"{block.id}:{correct}"})
    assert response.url == f"{lesson.url}?answer={block.id}%3A{correct}#check-{block.id}"
    assert "feedback--right" in client.get(response.url).content.decode()
    assert Statement.objects.count() == before


def test_a_forged_answer_goes_back_to_the_question_without_recording(client, learner):
    lesson = lessons_of(module_in("en"))[0]
    block, _correct = self_check(lesson)
    client.force_login(learner)
    response = client.post(url("answer", lesson), {"answer": f"{block.id}:99"})
    assert response.url == f"{lesson.url}#check-{block.id}"
    assert not Statement.objects.filter(learner=learner).exists()


@pytest.mark.parametrize("name, kind", [("complete_lesson", "lesson"), ("start_module", "module")])
def test_a_visitor_is_sent_to_log_in_and_back_to_the_page(client, name, kind):
    module = module_in("en")
    page = lessons_of(module)[0] if kind == "lesson" else module
    before = Statement.objects.count()  # the demo's clients have some
    response = client.post(url(name, page))
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
    assert f"next={page.url}" in response.url.replace("%2F", "/")
    assert Statement.objects.count() == before


@pytest.mark.parametrize("name", ["complete_lesson", "answer"])
def test_a_module_is_not_a_lesson(client, learner, name):
    client.force_login(learner)
    assert client.post(url(name, module_in("en")), {"answer": "x:0"}).status_code == 404


def test_a_lesson_is_not_a_module(client, learner):
    client.force_login(learner)
    assert client.post(url("start_module", lessons_of(module_in("en"))[0])).status_code == 404


@pytest.mark.parametrize("name", ["complete_lesson", "answer", "start_module"])
def test_pages_that_are_not_live_are_not_found(client, learner, name):
    module = module_in("en")
    page = module if name == "start_module" else lessons_of(module)[0]
    page.unpublish()
    client.force_login(learner)
    assert client.post(url(name, page), {"answer": "x:0"}).status_code == 404
    assert not Statement.objects.filter(learner=learner).exists()


@pytest.mark.parametrize("name", ["complete_lesson", "answer", "start_module"])
def test_recording_needs_a_post(client, learner, name):
    module = module_in("en")
    page = module if name == "start_module" else lessons_of(module)[0]
    client.force_login(learner)
    assert client.get(url(name, page)).status_code == 405


@pytest.mark.parametrize("name", ["complete_lesson", "answer", "start_module"])
def test_recording_needs_the_csrf_token(learner, name):
    module = module_in("en")
    page = module if name == "start_module" else lessons_of(module)[0]
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    block, correct = self_check(lessons_of(module)[0])
    response = client.post(url(name, page), {"answer": f"{block.id}:{correct}"})
    assert response.status_code == 403
    assert not Statement.objects.filter(learner=learner).exists()


def test_another_learners_clicks_never_touch_your_progress(client, learner, other_learner):
    lessons = lessons_of(module_in("en"))
    client.force_login(learner)
    client.post(url("complete_lesson", lessons[0]))
    mine = LessonProgress.objects.get(learner=learner)
    client.force_login(other_learner)
    client.post(url("complete_lesson", lessons[0]))
    client.post(url("complete_lesson", lessons[1]))
    client.post(url("start_module", module_in("en")))
    assert list(LessonProgress.objects.filter(learner=learner)) == [mine]
    assert LessonProgress.objects.get(learner=learner).last_activity_at == mine.last_activity_at


@pytest.mark.parametrize("name", ["complete_lesson", "start_module"])
def test_without_guardian_consent_nothing_is_recorded_and_the_learner_is_told(
    client, pending_learner, name
):
    module = module_in("en")
    page = module if name == "start_module" else lessons_of(module)[0]
    client.force_login(pending_learner)
    response = client.post(url(name, page), follow=True)
    assert "parent or guardian must first confirm" in response.content.decode()
    assert not Statement.objects.filter(learner=pending_learner).exists()
    assert not LessonProgress.objects.filter(learner=pending_learner).exists()


def test_without_guardian_consent_an_answer_still_shows_feedback(client, pending_learner):
    lesson = lessons_of(module_in("en"))[0]
    block, correct = self_check(lesson)
    client.force_login(pending_learner)
    response = client.post(url("answer", lesson), {"answer": f"{block.id}:{correct}"}, follow=True)
    body = response.content.decode()
    assert "feedback--right" in body
    assert "parent or guardian must first confirm" in body
    assert not Statement.objects.filter(learner=pending_learner).exists()


def test_completion_goes_to_the_next_lesson_the_page_named(client, learner):
    from courses.models import LessonPage, ModulePage

    module = ModulePage.objects.live().filter(locale__language_code="fi").first()
    first, second = list(LessonPage.objects.child_of(module).live())[:2]
    client.force_login(learner)
    response = client.post(
        reverse("progress:complete_lesson", kwargs={"page_id": first.id}), {"next": second.url}
    )
    assert response.status_code == 302
    assert response["Location"] == second.url


def test_completion_never_redirects_to_another_site(client, learner):
    from courses.models import LessonPage, ModulePage

    module = ModulePage.objects.live().filter(locale__language_code="fi").first()
    first, second = list(LessonPage.objects.child_of(module).live())[:2]
    client.force_login(learner)
    response = client.post(
        reverse("progress:complete_lesson", kwargs={"page_id": first.id}),
        {"next": "https://evil.example/phish"},
    )
    assert response["Location"] == second.url
