"""The self-assessment form, its result page, and keeping a visitor's result at sign-in."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.signals import user_logged_in
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from accounts import api as accounts_api
from content.models import CompetenceArea, Level
from courses import api
from courses.api import SESSION_KEY
from courses.models import CourseIndexPage, ModulePage, PlacementResult

pytestmark = pytest.mark.django_db

AT_A = {"A": 1, "B": 1, "C": 1}
AT_B = {"A": 4, "B": 2, "C": 2}
AT_C = {"A": 4, "B": 4, "C": 1}


def answers(by_level, **by_area):
    return {
        s.placement_key: by_area.get(s.area.key.replace("-", "_"), by_level)[s.level.code]
        for s in api.placement_statements()
    }


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"courses:{name}", kwargs=kwargs)


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user(username="placed", password="x")


def test_one_fieldset_per_area_and_one_radio_group_per_statement(client):
    body = client.get(url("placement", "sv")).content.decode()
    statements = api.placement_statements()
    with translation.override("sv"):
        for area in CompetenceArea.objects.all():
            assert f"<legend><h2>{area.name}</h2></legend>" in body
        assert f"<legend>{statements[0].text}</legend>" in body
    assert body.count('type="radio"') == 4 * len(statements)
    assert body.count("<fieldset") == CompetenceArea.objects.count() + len(statements)


def test_form_page_queries_are_pinned(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = client.get(url("placement", "pt"))
    assert response.status_code == 200


def test_result_page_queries_do_not_grow_with_history(
    client, learner, django_assert_max_num_queries
):
    for days in range(6):
        api.save_placement(
            learner=learner,
            ratings=answers(AT_B),
            language="en",
            now=timezone.now() - timedelta(days=days),
        )
    client.force_login(learner)
    with django_assert_max_num_queries(12):
        response = client.get(url("placement_result", "sv"))
    assert response.status_code == 200
    assert response.content.decode().count('class="placement-result"') == 4


def test_missing_answers_are_listed_and_the_others_kept(client):
    statements = api.placement_statements()
    given = {s.placement_key: "3" for s in statements[:-2]}
    response = client.post(url("placement"), given)
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 statements have no answer yet" in body
    for statement in statements[-2:]:
        assert f'<a href="#id_{statement.placement_key}_0">' in body
        assert f'aria-describedby="id_{statement.placement_key}_error"' in body
    checked = re.findall(r'<input type="radio"[^>]*value="3"[^>]*checked', body)
    assert len(checked) == len(given)
    assert SESSION_KEY not in client.session
    assert not PlacementResult.objects.exists()


def test_an_answer_off_the_scale_is_an_error(client):
    data = {key: str(value) for key, value in answers(AT_B).items()}
    data[next(iter(data))] = "7"
    response = client.post(url("placement"), data)
    assert response.status_code == 200
    assert "Choose one of the four answers." in response.content.decode()


def test_a_visitors_result_stays_in_the_session(client):
    response = client.post(url("placement", "nl"), answers(AT_B))
    assert response.status_code == 302
    assert response.url == url("placement_result", "nl")
    assert client.session[SESSION_KEY]["language"] == "nl"
    assert not PlacementResult.objects.exists()
    body = client.get(response.url).content.decode()
    with translation.override("nl"):
        level = Level.objects.get(code="B")
        assert level.description in body
    with translation.override("nl"):
        assert translation.gettext("This result is kept in this browser only, for now.") in body
        assert f'href="{reverse("accounts:signup")}"' in body


def test_a_visitor_without_a_result_is_sent_to_the_form(client):
    response = client.get(url("placement_result"))
    assert response.status_code == 302
    assert response.url == url("placement")


def test_signing_in_saves_the_visitors_result(client, learner):
    client.post(url("placement"), answers(AT_C))
    session = client.session
    request = RequestFactory().get("/")
    request.session = session
    user_logged_in.send(sender=type(learner), request=request, user=learner)
    session.save()
    result = PlacementResult.objects.get(learner=learner)
    assert {row.level.code for row in result.areas.all()} == {"C"}
    assert SESSION_KEY not in client.session


def test_logging_in_through_the_login_view_keeps_the_result(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="signs-in", email="signs-in@example.org", password="a-long-test-passphrase"
    )
    accounts_api.confirm_email(user_id=user.id, now=timezone.now())
    client.post(url("placement"), answers(AT_B))
    with translation.override("en"):
        login_url = reverse("accounts:login")
    response = client.post(
        login_url, {"username": "signs-in@example.org", "password": "a-long-test-passphrase"}
    )
    assert response.status_code == 302
    assert PlacementResult.objects.filter(learner=user).count() == 1


def test_force_login_also_claims_the_result_once(client, learner):
    client.post(url("placement"), answers(AT_C))
    client.force_login(learner)
    client.logout()
    client.force_login(learner)
    assert PlacementResult.objects.filter(learner=learner).count() == 1


def test_a_learners_result_is_saved_and_shown(client, learner):
    client.force_login(learner)
    response = client.post(url("placement", "fi"), answers(AT_A, applying=AT_C), follow=True)
    result = PlacementResult.objects.get(learner=learner)
    assert result.language == "fi"
    body = response.content.decode()
    assert "kept in this browser only" not in body
    with translation.override("fi"):
        assert Level.objects.get(code="C").description in body


def test_retake_shows_the_change_per_area(client, learner):
    api.save_placement(
        learner=learner,
        ratings=answers(AT_A, exploring=AT_C),
        language="en",
        now=timezone.now() - timedelta(days=10),
    )
    client.force_login(learner)
    response = client.post(url("placement"), answers(AT_B, applying=AT_A), follow=True)
    body = response.content.decode()
    assert body.count("Up from A to B since your last self-assessment.") == 2
    assert "Down from C to B since your last self-assessment." in body
    assert "Same level as your last self-assessment (A)." in body


def test_first_result_shows_no_change(client, learner):
    client.force_login(learner)
    body = client.post(url("placement"), answers(AT_B), follow=True).content.decode()
    assert "since your last self-assessment" not in body


def test_recommended_module_links_in_the_readers_language(client, learner):
    client.force_login(learner)
    body = client.post(url("placement", "pt"), answers(AT_B), follow=True).content.decode()
    module = ModulePage.objects.live().get(
        locale__language_code="pt", area__key="applying", level__code="B"
    )
    assert f'href="{module.url}"' in body
    assert 'class="notice"' not in body


def test_untranslated_recommendation_says_which_language_it_opens(client, learner):
    ModulePage.objects.get(
        locale__language_code="bg", area__key="applying", level__code="B"
    ).unpublish()
    english = ModulePage.objects.get(
        locale__language_code="en", area__key="applying", level__code="B"
    )
    client.force_login(learner)
    body = client.post(url("placement", "bg"), answers(AT_B), follow=True).content.decode()
    assert f'href="{english.url}" lang="en"' in body
    assert body.count('class="notice"') == 1


def test_earlier_result_is_shown_compared_with_the_one_before(client, learner):
    first = api.save_placement(
        learner=learner, ratings=answers(AT_A), language="en", now=timezone.now()
    )
    api.save_placement(
        learner=learner,
        ratings=answers(AT_B),
        language="en",
        now=timezone.now() + timedelta(days=1),
    )
    client.force_login(learner)
    body = client.get(url("placement_result_detail", uuid=first.uuid)).content.decode()
    assert "since your last self-assessment" not in body
    assert "Level A" in body and "Level B" not in body


@pytest.mark.parametrize("who, expected", [("owner", 200), ("other", 404), ("anonymous", 302)])
def test_a_result_page_is_private(client, learner, django_user_model, who, expected):
    result = api.save_placement(
        learner=learner, ratings=answers(AT_B), language="en", now=timezone.now()
    )
    if who == "owner":
        client.force_login(learner)
    elif who == "other":
        client.force_login(django_user_model.objects.create_user(username="nosy", password="x"))
    response = client.get(url("placement_result_detail", uuid=result.uuid))
    assert response.status_code == expected


def test_another_learners_latest_result_is_never_shown(client, learner, django_user_model):
    api.save_placement(learner=learner, ratings=answers(AT_C), language="en", now=timezone.now())
    client.force_login(django_user_model.objects.create_user(username="nosy", password="x"))
    response = client.get(url("placement_result"))
    assert response.status_code == 302
    assert response.url == url("placement")


def test_catalogue_invites_to_take_the_self_assessment(client):
    page = CourseIndexPage.objects.live().get(locale__language_code="fi")
    body = client.get(page.url).content.decode()
    assert f'href="{url("placement", "fi")}"' in body
