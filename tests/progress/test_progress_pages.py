"""What the lesson, module and course pages show about a learner's progress."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from progress import api
from tests.factories.pages import LessonPageFactory
from tests.progress.helpers import course_in, lessons_of, module_in, translation_of

pytestmark = pytest.mark.django_db


def complete(learner, *lessons):
    for lesson in lessons:
        api.complete_lesson(learner=learner, lesson=lesson, now=timezone.now())


def test_lesson_page_offers_mark_as_complete(client, learner):
    lesson = lessons_of(module_in("en"))[0]
    client.force_login(learner)
    body = client.get(lesson.url).content.decode()
    assert f'action="/en/learning/lessons/{lesson.id}/complete/"' in body
    assert "Mark as complete" in body


def test_a_lesson_completed_in_portuguese_shows_completed_in_dutch(client, learner):
    lesson_pt = lessons_of(translation_of(module_in("en"), "pt"))[0]
    client.force_login(learner)
    client.post(f"/pt/learning/lessons/{lesson_pt.id}/complete/")
    body = client.get(translation_of(lesson_pt, "nl").url).content.decode()
    assert "Mark as complete" not in body
    assert 'class="done"' in body


def test_lesson_page_invites_a_visitor_to_sign_in(client):
    lesson = lessons_of(module_in("en"))[0]
    body = client.get(lesson.url).content.decode()
    assert f'href="{resolve_url(settings.LOGIN_URL)}?next=' in body
    assert "/complete/" not in body


def test_self_check_posts_to_the_answer_view_with_csrf(client):
    lesson = lessons_of(module_in("en"))[0]
    body = client.get(lesson.url).content.decode()
    assert f'method="post" action="/en/learning/lessons/{lesson.id}/answer/"' in body
    assert "csrfmiddlewaretoken" in body


def test_module_page_shows_progress_ticks_and_continue(client, learner):
    module = translation_of(module_in("en"), "sv")
    first, second, _third = lessons_of(module)
    complete(learner, first)
    client.force_login(learner)
    body = client.get(module.url).content.decode()
    assert f'<progress id="progress-{module.id}" max="3" value="1">' in body
    assert "1 of 3 lessons completed" in body or 'value="1"' in body
    assert body.count('class="done"') == 1
    assert f'class="button" href="{second.url}"' in body


def test_module_page_offers_to_start_a_new_module(client, learner):
    module = module_in("en")
    client.force_login(learner)
    body = client.get(module.url).content.decode()
    assert f'action="/en/learning/modules/{module.id}/start/"' in body
    assert 'value="0"' in body


def test_completed_module_page_points_to_the_certificate(client, learner):
    module = module_in("en")
    complete(learner, *lessons_of(module))
    client.force_login(learner)
    body = client.get(module.url).content.decode()
    assert "You completed this module" in body
    assert body.count('class="done"') == 3 + 1


def test_module_page_for_a_visitor_has_no_progress_and_invites_to_sign_in(client):
    body = client.get(module_in("en").url).content.decode()
    assert "<progress" not in body
    assert f'href="{resolve_url(settings.LOGIN_URL)}?next=' in body


def test_another_learner_sees_none_of_your_progress(client, learner, other_learner):
    module = module_in("en")
    complete(learner, *lessons_of(module)[:2])
    client.force_login(other_learner)
    body = client.get(module.url).content.decode()
    assert 'value="0"' in body
    assert 'class="done"' not in body


def test_course_page_shows_a_progress_bar_per_module(client, learner):
    course = course_in("fi")
    complete(learner, lessons_of(module_in("en"))[0])
    client.force_login(learner)
    body = client.get(course.url).content.decode()
    assert body.count("<progress ") == 12
    assert body.count('value="1"') == 1


def test_module_page_queries_do_not_grow_with_lessons(
    client, learner, django_assert_max_num_queries
):
    module = module_in("en")
    complete(learner, lessons_of(module)[0])
    client.force_login(learner)
    with django_assert_max_num_queries(30) as few:
        client.get(module.url)
    for n in range(10):
        LessonPageFactory(parent=module, title=f"Extra lesson {n}")
    complete(learner, *lessons_of(module)[3:8])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(module.url)
    assert "6 of 13 lessons completed" in response.content.decode()
