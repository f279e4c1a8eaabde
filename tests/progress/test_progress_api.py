"""Completing lessons, resuming, roll-ups and certificates, keyed on translation keys."""

from datetime import timedelta

import pytest
from django.utils import timezone

from progress import api
from progress.constants import ActivityType, Status, Verb
from progress.models import Certificate, LessonProgress, Statement
from tests.factories.pages import LessonPageFactory, ModulePageFactory
from tests.progress.helpers import (
    course_in,
    lessons_of,
    module_in,
    self_check,
    translation_of,
)

pytestmark = pytest.mark.django_db


def complete_all(learner, module, now):
    for lesson in lessons_of(module):
        api.complete_lesson(learner=learner, lesson=lesson, now=now)


def test_completing_a_lesson_stores_a_statement_and_its_summary(learner):
    module = module_in("en")
    lesson = lessons_of(module)[0]
    now = timezone.now()
    completion = api.complete_lesson(learner=learner, lesson=lesson, now=now)
    row = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert completion.newly_completed
    assert row.status == Status.COMPLETED
    assert row.completed_at == now
    assert row.module_key == module.translation_key
    assert Statement.objects.get(learner=learner).verb == Verb.COMPLETED


def test_completing_again_keeps_the_first_completion_time(learner):
    lesson = lessons_of(module_in("en"))[0]
    now = timezone.now()
    api.complete_lesson(learner=learner, lesson=lesson, now=now)
    completion = api.complete_lesson(learner=learner, lesson=lesson, now=now + timedelta(hours=1))
    assert completion.newly_completed is False
    assert completion.progress.completed_at == now
    assert completion.progress.last_activity_at == now + timedelta(hours=1)


@pytest.mark.parametrize("pick_correct, score", [(True, 1.0), (False, 0.0)])
def test_answering_the_self_check_completes_the_lesson(learner, pick_correct, score):
    lesson = lessons_of(module_in("pt"))[0]
    block, correct = self_check(lesson)
    index = correct if pick_correct else (correct + 1) % len(block.value["answers"])
    answer, is_correct = api.answer_self_check(
        learner=learner, lesson=lesson, block_id=block.id, answer_index=index, now=timezone.now()
    )
    assert is_correct is pick_correct
    assert answer["text"] == block.value["answers"][index]["text"]
    answered = Statement.objects.get(learner=learner, verb=Verb.ANSWERED)
    assert answered.success is pick_correct
    assert answered.raw["result"]["response"] == f"{block.id}:{index}"
    row = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert (row.status, row.score) == (Status.COMPLETED, score)


def test_an_unknown_answer_records_nothing(learner):
    lesson = lessons_of(module_in("en"))[0]
    block, _correct = self_check(lesson)
    with pytest.raises(api.UnknownAnswer):
        api.answer_self_check(
            learner=learner, lesson=lesson, block_id=block.id, answer_index=99, now=timezone.now()
        )
    assert not Statement.objects.filter(learner=learner).exists()


def test_a_lesson_completed_in_portuguese_counts_in_dutch(learner):
    module_pt = translation_of(module_in("en"), "pt")
    api.complete_lesson(learner=learner, lesson=lessons_of(module_pt)[0], now=timezone.now())
    module_nl = translation_of(module_pt, "nl")
    lesson_nl = lessons_of(module_nl)[0]
    assert api.module_progress(learner=learner, module=module_nl) == (1, 3)
    assert api.lesson_state(learner=learner, lesson=lesson_nl).completed


def test_resume_goes_to_the_first_incomplete_lesson_in_the_modules_language(learner):
    module_en = module_in("en")
    first, second, third = lessons_of(module_en)
    now = timezone.now()
    api.complete_lesson(learner=learner, lesson=first, now=now)
    api.complete_lesson(learner=learner, lesson=third, now=now)
    module_sv = translation_of(module_en, "sv")
    resume = api.next_lesson(learner=learner, module=module_sv)
    assert resume.translation_key == second.translation_key
    assert resume.locale.language_code == "sv"


def test_nothing_left_to_resume_in_a_completed_module(learner):
    module = module_in("en")
    complete_all(learner, module, timezone.now())
    assert api.next_lesson(learner=learner, module=module) is None


def test_totals_count_the_source_lessons_not_yet_translated(learner):
    module_en = module_in("en")
    LessonPageFactory(parent=module_en, title="Only in English")
    module_bg = translation_of(module_en, "bg")
    for lesson in lessons_of(module_bg):
        api.complete_lesson(learner=learner, lesson=lesson, now=timezone.now())
    assert api.module_progress(learner=learner, module=module_bg) == (3, 4)
    assert not Certificate.objects.filter(learner=learner).exists()


def test_completing_the_last_lesson_issues_the_module_certificate(learner):
    module = translation_of(module_in("en"), "nl")
    now = timezone.now()
    *first, last = lessons_of(module)
    for lesson in first:
        assert not api.complete_lesson(learner=learner, lesson=lesson, now=now).module_completed
    assert api.complete_lesson(learner=learner, lesson=last, now=now).module_completed
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.kind == ActivityType.MODULE
    assert certificate.activity_key == module.translation_key


def test_completing_every_module_issues_the_course_certificate(learner):
    course = course_in("en")
    modules = [module_in("en", n) for n in range(12)]
    now = timezone.now()
    for module in modules:
        complete_all(learner, module, now)
    assert api.course_progress(learner=learner, course=course) == (12, 12)
    kinds = sorted(Certificate.objects.filter(learner=learner).values_list("kind", flat=True))
    assert kinds == [ActivityType.COURSE] + [ActivityType.MODULE] * 12


def test_starting_a_module_puts_it_in_progress_on_the_dashboard(learner):
    module = module_in("en", 3)
    lesson = api.start_module(learner=learner, module=module, now=timezone.now())
    assert lesson.id == lessons_of(module)[0].id
    board = api.dashboard(learner=learner, language="fi")
    (entry,) = board.in_progress
    assert entry.module.translation_key == module.translation_key
    assert entry.module.locale.language_code == "fi"
    assert (entry.done, entry.total) == (0, 3)
    assert entry.next_lesson.translation_key == lesson.translation_key


def test_dashboard_falls_back_to_the_version_that_exists(learner):
    module = ModulePageFactory(parent=course_in("en"), title="English only")
    lesson = LessonPageFactory(parent=module)
    LessonPageFactory(parent=module)
    api.complete_lesson(learner=learner, lesson=lesson, now=timezone.now())
    (entry,) = api.dashboard(learner=learner, language="pt").in_progress
    assert entry.module.id == module.id
    assert entry.translated is False
    assert (entry.done, entry.total) == (1, 2)


def test_dashboard_separates_completed_modules_with_their_certificate(learner):
    done, started = module_in("en", 0), module_in("en", 1)
    now = timezone.now()
    complete_all(learner, done, now)
    api.complete_lesson(learner=learner, lesson=lessons_of(started)[0], now=now)
    board = api.dashboard(learner=learner, language="en")
    assert [e.module.id for e in board.completed] == [done.id]
    assert [e.module.id for e in board.in_progress] == [started.id]
    assert board.completed[0].certificate.activity_key == done.translation_key
    assert board.module_keys == {done.translation_key, started.translation_key}


def test_dashboard_lists_the_most_recent_module_first(learner):
    older, newer = module_in("en", 0), module_in("en", 1)
    now = timezone.now()
    api.complete_lesson(learner=learner, lesson=lessons_of(newer)[0], now=now)
    api.complete_lesson(learner=learner, lesson=lessons_of(older)[0], now=now - timedelta(days=2))
    board = api.dashboard(learner=learner, language="en")
    assert [e.module.id for e in board.in_progress] == [newer.id, older.id]


def test_one_learners_progress_is_not_anothers(learner, other_learner):
    module = module_in("en")
    complete_all(learner, module, timezone.now())
    assert api.module_progress(learner=other_learner, module=module) == (0, 3)
    assert api.dashboard(learner=other_learner, language="en").completed == []


@pytest.mark.parametrize(
    "record",
    [
        lambda learner, lesson: api.complete_lesson(
            learner=learner, lesson=lesson, now=timezone.now()
        ),
        lambda learner, lesson: api.start_module(
            learner=learner, module=lesson.get_parent(), now=timezone.now()
        ),
        lambda learner, lesson: api.answer_self_check(
            learner=learner,
            lesson=lesson,
            block_id=self_check(lesson)[0].id,
            answer_index=0,
            now=timezone.now(),
        ),
    ],
    ids=["complete", "start", "answer"],
)
def test_nothing_is_recorded_while_a_guardian_has_not_consented(pending_learner, record):
    lesson = lessons_of(module_in("en"))[0]
    with pytest.raises(api.ProgressNotAllowed):
        record(pending_learner, lesson)
    assert not Statement.objects.filter(learner=pending_learner).exists()
    assert not LessonProgress.objects.filter(learner=pending_learner).exists()


def test_many_modules_progress_counts_asked_modules_and_the_latest_activity_in_any(
    learner, other_learner
):
    first, other = module_in("en", 0), module_in("en", 1)
    start = timezone.now() - timedelta(days=3)
    for lesson in lessons_of(first)[:2]:
        api.complete_lesson(learner=learner, lesson=lesson, now=start)
    api.start_module(learner=learner, module=other, now=start + timedelta(days=1))
    counts = api.many_modules_progress(
        learner_ids=[learner.id, other_learner.id], module_keys=[first.translation_key]
    )
    assert counts.of(learner.id, first.translation_key) == (2, 3)
    assert counts.of(other_learner.id, first.translation_key) == (0, 3)
    assert counts.totals == {first.translation_key: 3}
    # started, not completed, and not asked about: still the learner's latest activity
    assert counts.last_activity == {learner.id: start + timedelta(days=1)}
    assert api.many_modules_progress(learner_ids=[learner.id], module_keys=[]).last_activity == {
        learner.id: start + timedelta(days=1)
    }


def test_a_double_click_that_completes_a_lesson_twice_at_once_is_not_an_error(learner, monkeypatch):
    """Two requests both find no row and both insert it: the second's insert breaks the
    unique constraint, and it updates the first one's row instead (PostgreSQL; SQLite runs
    one write at a time). The interleaving is made here: the other request's row appears
    between this request's look and its insert."""
    from django.db.models import QuerySet

    lesson = lessons_of(module_in("en", 0))[1]
    now = timezone.now()
    first = QuerySet.first

    def the_other_request_was_quicker(queryset):
        if queryset.model is LessonProgress and queryset.query.select_for_update:
            monkeypatch.setattr(QuerySet, "first", first)
            LessonProgress.objects.create(
                learner=learner,
                lesson_key=lesson.translation_key,
                module_key=lesson.get_parent().translation_key,
                status=Status.COMPLETED,
                time_spent_seconds=30,
                started_at=now,
                last_activity_at=now,
                completed_at=now,
            )
            return None
        return first(queryset)

    monkeypatch.setattr(QuerySet, "first", the_other_request_was_quicker)
    completion = api.complete_lesson(
        learner=learner, lesson=lesson, now=now + timedelta(seconds=1), duration_seconds=20
    )
    assert not completion.newly_completed  # the other request completed it
    row = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert (row.status, row.completed_at, row.time_spent_seconds) == (Status.COMPLETED, now, 50)
    assert Statement.objects.filter(learner=learner, verb=Verb.COMPLETED).count() == 1
