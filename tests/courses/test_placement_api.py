"""Saving, claiming and reading placement results, and the modules they recommend."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from content.models import CompetenceArea, Level
from courses import api
from courses.models import ModulePage, PlacementAreaResult, PlacementResult

pytestmark = pytest.mark.django_db

NOW = timezone.now()
AT_A = {"A": 1, "B": 1, "C": 1}
AT_B = {"A": 4, "B": 2, "C": 2}
AT_C = {"A": 4, "B": 4, "C": 1}


def answers(by_level, **by_area):
    """Ratings for every statement: per level, or per area (area key with "_" for "-")."""
    return {
        s.placement_key: by_area.get(s.area.key.replace("-", "_"), by_level)[s.level.code]
        for s in api.placement_statements()
    }


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user(username="placed", password="x")


@pytest.fixture
def other(django_user_model):
    return django_user_model.objects.create_user(username="someone-else", password="x")


@pytest.fixture
def session():
    store = SessionStore()
    store.create()
    return store


def test_save_stores_a_score_and_level_per_area(learner):
    result = api.save_placement(learner=learner, ratings=answers(AT_B), language="pt", now=NOW)
    rows = list(result.areas.select_related("area", "level"))
    assert len(rows) == CompetenceArea.objects.count()
    assert {row.level.code for row in rows} == {"B"}
    assert rows[0].score == pytest.approx((8 / 3 - 1) / 3)
    assert result.ratings == answers(AT_B)
    assert (result.learner, result.language, result.taken_at) == (learner, "pt", NOW)


def test_score_placement_gives_each_area_its_own_level():
    scores = api.score_placement(ratings=answers(AT_A, applying=AT_C))
    assert scores["applying"][1] == "C"
    assert scores["self-awareness"] == (0, "A")


def test_a_visitor_cannot_save():
    with pytest.raises(PermissionDenied):
        api.save_placement(learner=AnonymousUser(), ratings=answers(AT_B), language="en", now=NOW)


def test_nothing_is_saved_before_a_guardian_consents(learner):
    learner.guardian_email = "parent@example.org"
    learner.guardian_consent = "pending"
    learner.save()
    with pytest.raises(PermissionDenied):
        api.save_placement(learner=learner, ratings=answers(AT_B), language="en", now=NOW)
    assert not PlacementResult.objects.filter(learner=learner).exists()


def test_incomplete_answers_are_refused_and_nothing_is_saved(learner):
    ratings = answers(AT_B)
    ratings.popitem()
    with pytest.raises(ValueError):
        api.save_placement(learner=learner, ratings=ratings, language="en", now=NOW)
    assert not PlacementResult.objects.filter(learner=learner).exists()


def test_a_score_above_one_is_refused_by_the_database(learner):
    result = PlacementResult.objects.create(learner=learner, taken_at=NOW, language="en")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementAreaResult.objects.create(
            result=result,
            area=CompetenceArea.objects.first(),
            score=1.5,
            level=Level.objects.get(code="A"),
        )


def test_an_area_is_scored_once_per_result(learner):
    result = api.save_placement(learner=learner, ratings=answers(AT_B), language="en", now=NOW)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementAreaResult.objects.create(
            result=result,
            area=CompetenceArea.objects.first(),
            score=0.5,
            level=Level.objects.get(code="A"),
        )


def test_history_is_oldest_first_with_translated_area_names(learner):
    api.save_placement(learner=learner, ratings=answers(AT_C), language="fi", now=NOW)
    api.save_placement(
        learner=learner, ratings=answers(AT_A), language="fi", now=NOW - timedelta(days=30)
    )
    with translation.override("fi"):
        history = api.placement_history(learner=learner)
    assert [p.taken_at for p in history] == [NOW - timedelta(days=30), NOW]
    area = CompetenceArea.objects.get(key="applying")
    assert history[0].levels["applying"] == {"name": area.name_fi, "level": "A", "score": 0}
    assert history[1].levels["applying"]["level"] == "C"


def test_history_shows_only_the_learners_own_results(learner, other):
    api.save_placement(learner=other, ratings=answers(AT_C), language="en", now=NOW)
    assert api.placement_history(learner=learner) == []
    assert api.placement_history(learner=AnonymousUser()) == []


def test_history_takes_two_queries_however_long(learner, django_assert_num_queries):
    for days in range(5):
        api.save_placement(
            learner=learner, ratings=answers(AT_B), language="en", now=NOW - timedelta(days=days)
        )
    with django_assert_num_queries(2):
        history = api.placement_history(learner=learner)
    assert len(history) == 5


def test_remembered_result_stays_in_the_session_only(session):
    placement = api.remember_placement(
        session=session, ratings=answers(AT_B), language="nl", now=NOW
    )
    assert not placement.saved
    assert placement.levels["applying"]["level"] == "B"
    assert not PlacementResult.objects.exists()
    assert api.session_placement(session=session) == placement


def test_claim_saves_the_session_result_once(session, learner):
    kept = api.remember_placement(session=session, ratings=answers(AT_C), language="sv", now=NOW)
    claimed = api.claim_session_placement(session=session, learner=learner, now=NOW)
    again = api.claim_session_placement(session=session, learner=learner, now=NOW)
    assert claimed.uuid == kept.uuid
    assert again is None
    assert PlacementResult.objects.filter(learner=learner).count() == 1
    assert api.session_placement(session=session) is None


def test_a_claimed_uuid_is_never_given_to_another_learner(session, learner, other):
    api.remember_placement(session=session, ratings=answers(AT_C), language="sv", now=NOW)
    copied = dict(session.items())
    api.claim_session_placement(session=session, learner=learner, now=NOW)
    session.update(copied)
    assert api.claim_session_placement(session=session, learner=other, now=NOW) is None
    assert PlacementResult.objects.get().learner == learner


def test_a_day_old_session_result_is_not_claimed(session, learner):
    api.remember_placement(session=session, ratings=answers(AT_C), language="sv", now=NOW)
    later = NOW + timedelta(days=1, minutes=1)
    assert api.claim_session_placement(session=session, learner=learner, now=later) is None
    assert not PlacementResult.objects.exists()


def test_pending_consent_keeps_the_result_in_the_session(session, learner):
    learner.guardian_email = "parent@example.org"
    learner.guardian_consent = "pending"
    api.remember_placement(session=session, ratings=answers(AT_C), language="sv", now=NOW)
    assert api.claim_session_placement(session=session, learner=learner, now=NOW) is None
    assert api.session_placement(session=session) is not None


def test_recommended_modules_one_per_area_at_the_latest_level(learner):
    api.save_placement(
        learner=learner, ratings=answers(AT_C), language="en", now=NOW - timedelta(days=1)
    )
    api.save_placement(
        learner=learner, ratings=answers(AT_A, applying=AT_B), language="en", now=NOW
    )
    modules = api.recommended_modules(learner=learner, language="fi")
    assert [(m.area.key, m.level.code) for m in modules] == [
        (area.key, "B" if area.key == "applying" else "A")
        for area in CompetenceArea.objects.order_by("order", "key")
    ]
    assert {m.locale.language_code for m in modules} == {"fi"}
    assert all(isinstance(m, ModulePage) and m.live for m in modules)


def test_recommended_module_falls_back_to_english(learner):
    api.save_placement(learner=learner, ratings=answers(AT_B), language="bg", now=NOW)
    untranslated = ModulePage.objects.get(
        locale__language_code="bg", area__key="applying", level__code="B"
    )
    untranslated.unpublish()
    modules = {m.area.key: m for m in api.recommended_modules(learner=learner, language="bg")}
    assert modules["applying"].locale.language_code == "en"
    assert modules["applying"].translation_key == untranslated.translation_key
    assert modules["exploring"].locale.language_code == "bg"


def test_no_recommendation_without_a_result(learner, session):
    assert api.recommended_modules(learner=learner, language="en") == []
    assert api.recommended_modules(learner=None, language="en", session=session) == []


def test_a_visitor_gets_recommendations_from_the_session(session):
    api.remember_placement(session=session, ratings=answers(AT_C), language="pt", now=NOW)
    modules = api.recommended_modules(learner=None, language="pt", session=session)
    assert len(modules) == CompetenceArea.objects.count()
    assert {(m.level.code, m.locale.language_code) for m in modules} == {("C", "pt")}
