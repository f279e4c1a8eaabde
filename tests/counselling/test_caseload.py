"""The caseload: completion, last activity, flags, filters, only what is shared, a fixed number
of queries."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from counselling import api
from counselling.constants import Flag
from counselling.models import AccessRecord, Assignment, Link
from progress import api as progress_api
from progress.models import LessonProgress
from tests.factories.pages import LessonPageFactory, ModulePageFactory

from .conftest import NOW, days, lessons_of, module


def rows_by_name(counsellor, **options):
    options.setdefault("stalled_days", 14)
    rows = api.caseload(counsellor=counsellor, today=NOW.date(), **options)
    return {row.name: row for row in rows}


def test_completion_and_flags(people):
    counsellor, client_a = people["counsellor_a"], people["client_a"]
    client_link = people["links"]["client_a"]
    api.assign(
        counsellor=counsellor,
        page=module("en", 0),
        link_ids=[client_link.id],
        due_on=days(2).date(),
        now=days(-20),
    )
    api.assign(
        counsellor=counsellor, page=module("en", 1), link_ids=[client_link.id], now=days(-20)
    )
    for lesson in lessons_of(module("en", 0)):
        progress_api.complete_lesson(learner=client_a, lesson=lesson, now=days(-1))
    row = rows_by_name(counsellor)["Client_A"]
    assert (row.assigned, row.modules_done, row.lessons_done, row.lessons_total) == (2, 1, 3, 6)
    assert row.completion == 50
    assert row.flags == [Flag.ON_TRACK]
    assert row.next_due is None  # the module with a due date is done

    stale = rows_by_name(counsellor, stalled_days=1)["Client_A"]
    assert stale.flags == [Flag.STALLED]
    late = api.caseload(counsellor=counsellor, today=days(30).date(), stalled_days=60)
    assert late[0].flags == [Flag.ON_TRACK]  # done before the due date


def test_an_open_module_past_its_due_date_is_overdue(people):
    counsellor = people["counsellor_a"]
    api.assign(
        counsellor=counsellor,
        page=module("en", 0),
        link_ids=[people["links"]["client_a"].id],
        due_on=days(2).date(),
        now=NOW,
    )
    row = api.caseload(counsellor=counsellor, today=days(3).date(), stalled_days=14)
    assert [r.flags for r in row if r.name == "Client_A"] == [[Flag.OVERDUE]]


def test_a_client_who_does_not_share_progress_shows_no_progress(people):
    counsellor, private = people["counsellor_a"], people["private"]
    api.assign(
        counsellor=counsellor,
        page=module("en", 0),
        link_ids=[people["links"]["private"].id],
        due_on=days(1).date(),
        now=NOW,
    )
    progress_api.complete_lesson(learner=private, lesson=lessons_of(module("en", 0))[0], now=NOW)
    row = api.caseload(counsellor=counsellor, today=days(5).date(), stalled_days=14)
    row = next(r for r in row if r.name == "Private_Client")
    assert row.assigned == 1
    assert (row.completion, row.last_activity, row.flags, row.lessons_done) == (
        None,
        None,
        [],
        None,
    )


def test_filters_and_sorting(people):
    counsellor = people["counsellor_a"]
    group = api.create_group(counsellor=counsellor, name="Evening", now=NOW)
    api.add_to_group(
        counsellor=counsellor,
        group_id=group.id,
        link_ids=[people["links"]["private"].id],
        now=NOW,
    )
    assert list(rows_by_name(counsellor, group_id=group.id)) == ["Private_Client"]
    assert list(rows_by_name(counsellor, text="clien")) == ["Client_A", "Private_Client"]
    api.assign(
        counsellor=counsellor,
        page=module("en", 0),
        link_ids=[people["links"]["client_a"].id],
        due_on=days(1).date(),
        now=NOW,
    )
    overdue = api.caseload(
        counsellor=counsellor, today=days(3).date(), stalled_days=30, flag=Flag.OVERDUE
    )
    assert [row.name for row in overdue] == ["Client_A"]
    by_due = api.caseload(counsellor=counsellor, today=NOW.date(), stalled_days=9, sort="due")
    assert [row.name for row in by_due] == ["Client_A", "Private_Client"]


def test_the_page_shows_flags_and_records_each_look(client, people):
    counsellor = people["counsellor_a"]
    client.force_login(counsellor)
    response = client.get(reverse("counselling:caseload"), {"sort": "activity", "stalled": "7"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Progress not shared" in body
    assert "no activity for 7 days" in body
    assert AccessRecord.objects.filter(counsellor=counsellor).count() == 2
    client.force_login(people["client_a"])
    log = client.get(reverse("counselling:my_counsellors")).content.decode()
    assert "Your row on the caseload dashboard" in log
    assert "Counsellor_A" in log


def test_the_rows_escape_names_and_groups_and_say_what_is_not_shared(client, people):
    """The rows are written in Python (counselling/table.py): every value is still escaped."""
    counsellor, client_a = people["counsellor_a"], people["client_a"]
    client_a.display_name = '<img src=x onerror="alert(1)">'
    client_a.save()
    group = api.create_group(counsellor=counsellor, name="<b>Cohort</b>", now=NOW)
    api.add_to_group(
        counsellor=counsellor, group_id=group.id, link_ids=[people["links"]["client_a"].id], now=NOW
    )
    api.assign(
        counsellor=counsellor,
        page=module(),
        link_ids=[people["links"]["client_a"].id, people["links"]["private"].id],
        due_on=days(5).date(),
        now=NOW,
    )
    client.force_login(counsellor)
    body = client.get(reverse("counselling:caseload")).content.decode()
    assert "<img src=x" not in body and "<b>Cohort</b>" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "&lt;b&gt;Cohort&lt;/b&gt;" in body
    rows = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.count('<tr><th scope="row">') == 2
    # modules assigned, modules completed, completion (% of lessons), last activity
    assert '<td class="number">1</td><td class="number">0</td><td class="number">0</td>' in rows
    assert "<td>Not yet</td>" in rows
    assert '<td class="number" colspan="3"><em>Progress not shared</em></td>' in rows
    assert '<span class="flag flag--ok">On track</span>' in rows


def test_the_client_page_shows_only_what_is_shared(client, people):
    client.force_login(people["counsellor_a"])
    private = people["links"]["private"]
    body = client.get(reverse("counselling:client", args=[private.uuid])).content.decode()
    assert "does not share their progress" in body
    assert "does not share their self-assessments" in body
    assert "does not share their certificates" in body
    assert AccessRecord.objects.filter(client=people["private"], what="detail").count() == 1


@pytest.fixture
def big_caseload(people):
    """500 linked clients with 20 modules each, some progress: rows written in bulk."""
    counsellor = people["counsellor_a"]
    course = module("en", 0).get_parent()
    modules = [module("en", n) for n in range(8)]
    for n in range(12):
        extra = ModulePageFactory(parent=course, title=f"Extra module {n}")
        LessonPageFactory(parent=extra)
        modules.append(extra)
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bulk{n}", email=f"bulk{n}@example.org") for n in range(500)]
    )
    Link.objects.bulk_create(
        [
            Link(counsellor=counsellor, client=user, accepted_at=NOW, share_progress=n % 5 != 0)
            for n, user in enumerate(users)
        ]
    )
    Assignment.objects.bulk_create(
        [
            Assignment(
                counsellor=counsellor,
                client=user,
                module_key=page.translation_key,
                due_on=days(n % 9 - 4).date(),
                assigned_at=days(-30),
            )
            for n, user in enumerate(users)
            for page in modules
        ]
    )
    first_lessons = [lessons_of(page)[0] for page in modules[:3]]
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                learner=user,
                lesson_key=lesson.translation_key,
                module_key=lesson.get_parent().translation_key,
                status="completed",
                started_at=days(-n % 20),
                last_activity_at=days(-n % 20),
                completed_at=days(-n % 20),
            )
            for n, user in enumerate(users[:300])
            for lesson in first_lessons
        ]
    )
    return counsellor


def test_500_clients_with_20_modules_render_in_a_fixed_number_of_queries(
    client, big_caseload, django_assert_max_num_queries, django_assert_num_queries
):
    client.force_login(big_caseload)
    with django_assert_max_num_queries(25):  # menus and lesson counts not cached yet
        client.get(reverse("counselling:caseload"))
    # session, user, role; groups for the filter; links; memberships, assignments, progress;
    # the access log's insert
    with django_assert_num_queries(9):
        response = client.get(reverse("counselling:caseload"))
    body = response.content.decode()
    assert "502 clients" in body
    assert body.count('<th scope="row">') == 50  # a page; flags and sorting weigh all 502
    assert body.count("flag--overdue") > 10
    assert AccessRecord.objects.filter(counsellor=big_caseload).count() == 100
    last = client.get(reverse("counselling:caseload"), {"page": 11}).content.decode()
    assert last.count('<th scope="row">') == 2
    assert "Page 11 of 11" in last


def test_sorting_weighs_every_client_not_only_the_page(client, big_caseload):
    client.force_login(big_caseload)
    rows = api.caseload(
        counsellor=big_caseload, today=NOW.date(), stalled_days=14, sort="completion"
    )
    lowest = min(row.completion for row in rows if row.completion is not None)
    assert rows[0].completion == lowest  # who is furthest behind comes first
    assert rows[-1].completion is None  # not shared: last
    body = client.get(reverse("counselling:caseload"), {"sort": "completion"}).content.decode()
    # the first row's completion: the last number before the activity cell
    assert f'<td class="number">{lowest}</td><td>' in body.split('<th scope="row">')[1]


def test_the_query_count_does_not_grow_with_the_caseload(client, big_caseload):
    client.force_login(big_caseload)
    client.get(reverse("counselling:caseload"))  # menus and lesson counts cached, as in use
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("counselling:caseload"))
    keep = Link.objects.filter(counsellor=big_caseload).order_by("id")[:3].values("id")
    Link.objects.filter(counsellor=big_caseload).exclude(id__in=keep).delete()
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("counselling:caseload"))
    assert response.content.decode().count('<th scope="row">') == 3
    assert reads(few) == reads(many)


def reads(captured):
    """Each query's first word: the access log is one INSERT whatever the page's size."""
    return [query["sql"].split(" ")[0] for query in captured.captured_queries]


def test_a_module_unpublished_after_it_was_assigned_is_not_counted(people):
    counsellor = people["counsellor_a"]
    extra = ModulePageFactory(parent=module("en", 0).get_parent(), title="Short-lived module")
    LessonPageFactory(parent=extra)
    api.assign(
        counsellor=counsellor,
        page=extra,
        link_ids=[people["links"]["client_a"].id],
        due_on=days(1).date(),
        now=NOW,
    )
    extra.unpublish()
    row = api.caseload(counsellor=counsellor, today=days(5).date(), stalled_days=30)
    row = next(r for r in row if r.name == "Client_A")
    assert (row.assigned, row.overdue, row.flags) == (0, None, [])


def test_a_new_assignment_restarts_the_stall_clock_and_any_module_counts_as_activity(people):
    counsellor, client_a = people["counsellor_a"], people["client_a"]
    client_link = people["links"]["client_a"]
    api.assign(
        counsellor=counsellor, page=module("en", 0), link_ids=[client_link.id], now=days(-30)
    )
    # activity in a module nobody assigned still shows the client is at work
    progress_api.complete_lesson(
        learner=client_a, lesson=lessons_of(module("en", 2))[0], now=days(-20)
    )
    row = rows_by_name(counsellor, stalled_days=14)["Client_A"]
    assert row.last_activity == days(-20)
    assert row.flags == [Flag.STALLED]
    # the day boundary: activity on the first day that still counts is not stalled
    assert rows_by_name(counsellor, stalled_days=21)["Client_A"].flags == [Flag.ON_TRACK]
    assert rows_by_name(counsellor, stalled_days=20)["Client_A"].flags == [Flag.STALLED]
    api.assign(counsellor=counsellor, page=module("en", 1), link_ids=[client_link.id], now=days(-2))
    assert rows_by_name(counsellor, stalled_days=14)["Client_A"].flags == [Flag.ON_TRACK]
    assert rows_by_name(counsellor, stalled_days=2)["Client_A"].flags == [Flag.STALLED]
