"""Assigning modules and courses to clients and groups; the client reads them in their language."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from counselling import api
from counselling.models import Assignment
from courses.models import CoursePage

from .conftest import NOW, days, module


def test_a_module_is_assigned_once_per_client(people):
    counsellor, client_link = people["counsellor_a"], people["links"]["client_a"]
    first = api.assign(
        counsellor=counsellor,
        page=module(),
        link_ids=[client_link.id],
        due_on=days(7).date(),
        now=NOW,
    )
    again = api.assign(
        counsellor=counsellor,
        page=module(),
        link_ids=[client_link.id],
        due_on=days(9).date(),
        now=NOW,
    )
    assert len(first) == 1
    assert again == []
    assert Assignment.objects.get(client=people["client_a"]).due_on == days(7).date()


def test_the_database_refuses_a_duplicate_assignment(people):
    counsellor, client_a = people["counsellor_a"], people["client_a"]
    page = module()
    Assignment.objects.create(
        counsellor=counsellor, client=client_a, module_key=page.translation_key, assigned_at=NOW
    )
    with pytest.raises(IntegrityError):
        Assignment.objects.create(
            counsellor=counsellor,
            client=client_a,
            module_key=page.translation_key,
            assigned_at=NOW,
        )


def test_a_whole_course_assigns_each_of_its_modules(people):
    course = CoursePage.objects.live().get(locale__language_code="en")
    modules = course.get_children().live().count()
    created = api.assign(
        counsellor=people["counsellor_a"],
        page=course,
        link_ids=[people["links"]["client_a"].id],
        now=NOW,
    )
    assert len(created) == modules == 12
    assert {a.course_key for a in created} == {course.translation_key}


def test_a_group_assignment_reaches_each_member(people):
    counsellor = people["counsellor_a"]
    group = api.create_group(counsellor=counsellor, name="Workshop", now=NOW)
    links = [people["links"]["client_a"].id, people["links"]["private"].id]
    api.add_to_group(counsellor=counsellor, group_id=group.id, link_ids=links, now=NOW)
    created = api.assign(counsellor=counsellor, page=module(), group_id=group.id, now=NOW)
    assert {a.client for a in created} == {people["client_a"], people["private"]}


def test_a_due_date_in_the_past_is_refused(people):
    with pytest.raises(ValidationError):
        api.assign(
            counsellor=people["counsellor_a"],
            page=module(),
            link_ids=[people["links"]["client_a"].id],
            due_on=days(-1).date(),
            now=NOW,
        )


def test_a_counsellor_cannot_assign_to_someone_elses_client(people):
    with pytest.raises(api.NotFound):
        api.assign(
            counsellor=people["counsellor_b"],
            page=module(),
            link_ids=[people["links"]["client_a"].id],
            now=NOW,
        )


def test_the_client_sees_the_assignment_in_their_own_language(client, people):
    """Counsellor A works in English and writes a Swedish note; client A reads Finnish."""
    api.assign(
        counsellor=people["counsellor_a"],
        page=module("en"),
        link_ids=[people["links"]["client_a"].id],
        due_on=days(5).date(),
        note="Läs den före torsdag.",
        language="sv",
        now=NOW,
    )
    client.force_login(people["client_a"])
    with translation.override("fi"):
        url = reverse("progress:dashboard")
    body = client.get(url).content.decode()
    finnish = module("fi")
    assert finnish.title in body
    assert module("en").title not in body
    assert "Counsellor_A" in body
    assert '<blockquote class="note" lang="sv">Läs den före torsdag.</blockquote>' in body


def test_the_assign_form_assigns_and_shows_errors_without_losing_input(client, people):
    client.force_login(people["counsellor_a"])
    url = reverse("counselling:assign")
    response = client.post(url, {"page": module().id, "note": "Keep this text"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one client or a group." in body
    assert "Keep this text" in body
    response = client.post(
        url,
        {
            "page": module().id,
            "clients": [people["links"]["client_a"].id],
            "due_on": days(3).date(),
        },
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(client=people["client_a"]).count() == 1
