"""Page types, their rules, and what a learner sees in a lesson."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.blocks import StructBlockValidationError

from content.models import HomePage, StandardPage
from courses.blocks import SelfCheckBlock
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "child, parent, allowed",
    [
        (CourseIndexPage, HomePage, True),
        (CoursePage, CourseIndexPage, True),
        (ModulePage, CoursePage, True),
        (LessonPage, ModulePage, True),
        (LessonPage, CoursePage, False),
        (ModulePage, HomePage, False),
        (CoursePage, StandardPage, False),
        (StandardPage, LessonPage, False),
    ],
)
def test_parent_and_child_page_types(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_module_duration_is_checked_by_the_database():
    module = ModulePage.objects.filter(locale__language_code="en").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ModulePage.objects.filter(id=module.id).update(estimated_minutes=0)


def test_self_check_needs_exactly_one_correct_answer():
    block = SelfCheckBlock()
    value = block.to_python(
        {
            "question": "Q?",
            "answers": [
                {"text": "a", "correct": True, "feedback": "yes"},
                {"text": "b", "correct": True, "feedback": "also yes"},
            ],
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def lesson_with_check(language="en"):
    lesson = LessonPage.objects.live().filter(locale__language_code=language).first()
    check = next(b for b in lesson.body if b.block_type == "self_check")
    return lesson, check


def test_lesson_shows_reflection_and_question_without_feedback_yet(client):
    lesson, check = lesson_with_check()
    body = client.get(lesson.url).content.decode()
    assert check.value["question"] in body
    assert 'role="status"' not in body


@pytest.mark.parametrize("pick_correct", [True, False])
def test_answering_the_self_check_shows_that_answers_feedback(client, pick_correct):
    lesson, check = lesson_with_check("pt")
    answers = list(check.value["answers"])
    index = next(i for i, a in enumerate(answers) if a["correct"] is pick_correct)
    response = client.get(lesson.url, {"answer": f"{check.id}:{index}"})
    body = response.content.decode()
    assert 'role="status"' in body
    assert answers[index]["feedback"] in body
    assert "feedback--right" in body if pick_correct else "feedback--wrong" in body


def test_a_forged_answer_is_ignored(client):
    lesson, check = lesson_with_check()
    response = client.get(lesson.url, {"answer": f"{check.id}:99"})
    assert response.status_code == 200
    assert 'role="status"' not in response.content.decode()


def test_lesson_links_to_the_next_lesson(client):
    module = ModulePage.objects.live().filter(locale__language_code="sv").first()
    first, second = list(LessonPage.objects.child_of(module).live())[:2]
    body = client.get(first.url).content.decode()
    assert f'href="{second.url}" rel="next"' in body
