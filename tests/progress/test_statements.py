"""xAPI statements: their shape, and that a statement id is stored once."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from progress import api
from progress.constants import ACTIVITY_ID_PREFIX, Verb
from progress.models import LessonProgress, Statement
from tests.progress.helpers import lessons_of, module_in, translation_of

pytestmark = pytest.mark.django_db


def test_the_same_statement_id_twice_is_stored_once(learner):
    lesson = lessons_of(module_in("en"))[0]
    statement_id = uuid.uuid4()
    now = timezone.now()
    first, created = api.record_statement(
        learner=learner, verb=Verb.EXPERIENCED, page=lesson, now=now, statement_id=statement_id
    )
    again, created_again = api.record_statement(
        learner=learner,
        verb=Verb.EXPERIENCED,
        page=lesson,
        now=now + timedelta(minutes=5),
        statement_id=statement_id,
    )
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.timestamp == now
    assert Statement.objects.filter(uuid=statement_id).count() == 1


def test_completing_with_a_repeated_statement_id_changes_nothing(learner):
    lesson = lessons_of(module_in("en"))[0]
    statement_id = uuid.uuid4()
    now = timezone.now()
    api.complete_lesson(learner=learner, lesson=lesson, now=now, statement_id=statement_id)
    completion = api.complete_lesson(
        learner=learner, lesson=lesson, now=now + timedelta(days=1), statement_id=statement_id
    )
    assert completion.newly_completed is False
    row = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert row.completed_at == now
    assert row.last_activity_at == now
    assert Statement.objects.filter(learner=learner).count() == 1


def test_a_statement_id_of_another_learner_is_refused(learner, other_learner):
    lesson = lessons_of(module_in("en"))[0]
    statement_id = uuid.uuid4()
    now = timezone.now()
    api.record_statement(
        learner=learner, verb=Verb.COMPLETED, page=lesson, now=now, statement_id=statement_id
    )
    with pytest.raises(api.StatementConflict):
        api.record_statement(
            learner=other_learner,
            verb=Verb.COMPLETED,
            page=lesson,
            now=now,
            statement_id=statement_id,
        )
    assert not Statement.objects.filter(learner=other_learner).exists()


def test_statement_is_real_xapi(learner, settings):
    lesson = translation_of(lessons_of(module_in("en"))[0], "fi")
    statement_id = uuid.uuid4()
    now = timezone.now()
    statement, _created = api.record_statement(
        learner=learner,
        verb=Verb.ANSWERED,
        page=lesson,
        now=now,
        statement_id=statement_id,
        score=1.0,
        success=True,
        completion=True,
        duration_seconds=90,
    )
    raw = Statement.objects.get(pk=statement.pk).raw
    assert raw == {
        "id": str(statement_id),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": str(learner.pk)},
        },
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
        "object": {
            "objectType": "Activity",
            "id": f"{ACTIVITY_ID_PREFIX}{lesson.translation_key}",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/lesson",
                "name": {"fi": lesson.title},
            },
        },
        "result": {
            "score": {"scaled": 1.0},
            "success": True,
            "completion": True,
            "duration": "PT90S",
        },
        "timestamp": now.isoformat(),
        "version": "1.0.3",
    }
    assert statement.activity_key == lesson.translation_key
    assert statement.language == "fi"


def test_the_actor_names_no_person(learner):
    lesson = lessons_of(module_in("en"))[0]
    statement, _created = api.record_statement(
        learner=learner, verb=Verb.COMPLETED, page=lesson, now=timezone.now()
    )
    text = str(statement.raw)
    assert learner.email not in text
    assert learner.username not in text


def test_module_statement_has_the_module_activity_type(learner):
    module = module_in("en")
    api.start_module(learner=learner, module=module, now=timezone.now())
    statement = Statement.objects.get(learner=learner, verb=Verb.INITIALIZED)
    assert statement.raw["object"]["definition"]["type"] == (
        "http://adlnet.gov/expapi/activities/module"
    )
    assert statement.activity_key == module.translation_key
