"""The learner's dashboard: in progress, completed, suggestions and self-assessment history."""

import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from courses import api as courses_api
from progress import api
from tests.progress.helpers import lessons_of, module_in, translation_of

pytestmark = pytest.mark.django_db


def dashboard_url(language="en"):
    with override(language):
        return reverse("progress:dashboard")


def complete(learner, *lessons):
    for lesson in lessons:
        api.complete_lesson(learner=learner, lesson=lesson, now=timezone.now())


def take_placement(learner, rating, when=None):
    ratings = {s.placement_key: rating for s in courses_api.placement_statements()}
    return courses_api.save_placement(
        learner=learner, ratings=ratings, language="en", now=when or timezone.now()
    )


def test_visitors_are_sent_to_log_in(client):
    response = client.get(dashboard_url())
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))


def test_dashboard_shows_progress_made_in_another_language(client, learner):
    module_pt = translation_of(module_in("en"), "pt")
    complete(learner, lessons_of(module_pt)[0])
    client.force_login(learner)
    body = client.get(dashboard_url("nl")).content.decode()
    module_nl = translation_of(module_pt, "nl")
    assert f'href="{module_nl.url}"' in body
    assert "<progress " in body and 'value="1"' in body
    assert f'class="button" href="{lessons_of(module_nl)[1].url}"' in body


def test_completed_module_shows_with_its_certificate(client, learner):
    module = module_in("en", 2)
    complete(learner, *lessons_of(module))
    client.force_login(learner)
    body = client.get(dashboard_url()).content.decode()
    completed = body.split('id="completed"')[1].split("</section>")[0]
    assert module.title in completed
    assert "Certificate:" in completed


def test_dashboard_shows_only_your_own_modules(client, learner, other_learner):
    module = module_in("en", 4)
    complete(learner, lessons_of(module)[0])
    client.force_login(other_learner)
    body = client.get(dashboard_url()).content.decode()
    assert module.title not in body.split('id="recommended"')[0]
    assert "You have no module in progress" in body


def test_a_pending_learner_is_told_progress_is_not_saved(client, pending_learner):
    client.force_login(pending_learner)
    body = client.get(dashboard_url()).content.decode()
    assert "parent or guardian must first confirm" in body


def test_recommended_modules_leave_out_modules_already_started(client, learner):
    take_placement(learner, 1)
    recommended = courses_api.recommended_modules(learner=learner, language="en")
    assert len(recommended) == 4
    complete(learner, lessons_of(recommended[0])[0])
    client.force_login(learner)
    body = client.get(dashboard_url()).content.decode()
    suggestions = body.split('id="recommended"')[1].split("</section>")[0]
    assert recommended[0].title not in suggestions
    for module in recommended[1:]:
        assert module.title in suggestions


def test_history_is_an_accessible_chart_with_the_same_data_as_a_table(client, learner):
    now = timezone.now()
    take_placement(learner, 1, now - timezone.timedelta(days=30))
    take_placement(learner, 4, now)
    client.force_login(learner)
    body = client.get(dashboard_url()).content.decode()
    assert re.search(r'<svg class="chart__svg" role="img" aria-labelledby="[^"]+"', body)
    assert "<title id=" in body
    assert body.count("<polyline ") == 4
    table = body.split("<details")[1].split("</details>")[0]
    assert table.count("<tr>") == 1 + 2
    assert "Level A, 0%" in table
    assert "Level C, 100%" in table


def test_without_a_self_assessment_the_learner_is_invited_to_take_it(client, learner):
    client.force_login(learner)
    body = client.get(dashboard_url()).content.decode()
    assert "<svg" not in body
    assert f'href="{reverse("courses:placement")}"' in body


def test_dashboard_queries_do_not_grow_with_history(client, learner, django_assert_max_num_queries):
    take_placement(learner, 2)
    complete(learner, lessons_of(module_in("en", 0))[0])
    client.force_login(learner)
    with django_assert_max_num_queries(40) as few:
        client.get(dashboard_url("pt"))
    for n in range(1, 12):
        lessons = lessons_of(module_in("pt", n))
        complete(learner, *(lessons if n % 2 else lessons[:1]))
    take_placement(learner, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(dashboard_url("pt"))
    body = response.content.decode()
    assert body.count("<progress ") == 6
    assert body.count('href="/pt/certificates/') >= 6
