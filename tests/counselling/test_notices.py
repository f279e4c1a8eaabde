"""E-mails in the client's language, each sent once, never to someone who switched them off or
whose link is revoked; the counsellor's daily digest."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts import api as accounts_api
from counselling import api, notices
from counselling.models import AccessRecord, SentNotice
from progress import api as progress_api

from .conftest import NOW, days, lessons_of, module


def sent_to(address):
    """The e-mails to one address: the demo caseload gets its own reminders in the same runs."""
    return [message for message in mail.outbox if message.to == [address]]


def mailed(run, address="client_a@example.org"):
    """How many e-mails `run()` sent to the address."""
    before = len(sent_to(address))
    run()
    return len(sent_to(address)) - before


def assign(people, who="client_a", **options):
    return api.assign(
        counsellor=people["counsellor_a"],
        page=module(),
        link_ids=[people["links"][who].id],
        now=options.pop("now", NOW),
        **options,
    )


def test_a_new_assignment_is_mailed_once_in_the_clients_language(
    people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (assignment,) = assign(
            people, due_on=days(10).date(), note="Bring your notes", language="en"
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["client_a@example.org"]
    assert module("fi").title in message.subject
    assert "Bring your notes" in message.body
    assert "/fi/" in message.body
    assert notices.send_assignment_notices(assignment_ids=[assignment.id], now=NOW) == 0
    assert mailed(lambda: notices.send_reminders(now=NOW)) == 0


def test_a_notice_lost_to_a_broker_outage_goes_with_the_daily_run(people):
    (assignment,) = assign(people)  # on-commit callbacks never run: nothing was queued
    assert mail.outbox == []
    assert mailed(lambda: notices.send_reminders(now=days(1))) == 1
    assert SentNotice.objects.filter(assignment=assignment, kind="assigned").exists()


def test_due_soon_and_overdue_reminders(people):
    assign(people, due_on=days(5).date())
    notices.send_reminders(now=NOW)
    assert mailed(lambda: notices.send_reminders(now=days(2))) == 1  # three days before
    assert module("fi").title in sent_to("client_a@example.org")[-1].subject
    assert mailed(lambda: notices.send_reminders(now=days(3))) == 0
    assert mailed(lambda: notices.send_reminders(now=days(6))) == 1  # overdue
    assert mailed(lambda: notices.send_reminders(now=days(7))) == 0
    kinds = set(SentNotice.objects.values_list("kind", flat=True))
    assert kinds == {"assigned", "due_soon", "overdue"}


def test_no_reminder_for_a_module_already_done(people):
    assign(people, due_on=days(2).date())
    notices.send_reminders(now=NOW)
    for lesson in lessons_of(module()):
        progress_api.complete_lesson(learner=people["client_a"], lesson=lesson, now=NOW)
    assert mailed(lambda: notices.send_reminders(now=days(1))) == 0
    assert mailed(lambda: notices.send_reminders(now=days(5))) == 0


def test_a_client_can_switch_e_mails_off(client, people):
    client.force_login(people["client_a"])
    response = client.post(reverse("counselling:notifications"), {})
    assert response.status_code == 302
    assert not api.notifications_enabled(people["client_a"])
    assign(people, due_on=days(1).date())
    assert mailed(lambda: notices.send_reminders(now=days(3))) == 0
    assert sent_to("client_a@example.org") == []
    client.post(reverse("counselling:notifications"), {"enabled": "on"})
    assert api.notifications_enabled(people["client_a"])


def test_no_e_mail_after_the_client_revoked(people):
    assign(people, due_on=days(1).date())
    api.revoke_link(client=people["client_a"], link_id=people["links"]["client_a"].id, now=NOW)
    assert mailed(lambda: notices.send_reminders(now=days(3))) == 0


def test_the_daily_digest_goes_once_to_each_counsellor(people):
    assign(people, due_on=days(1).date())
    people["counsellor_a"].preferred_language = "pt"
    people["counsellor_a"].save()
    notices.send_digests(now=days(3))
    (digest,) = sent_to("counsellor_a@example.org")
    assert len(sent_to("counsellor_b@example.org")) == 1
    assert "Client_A" in digest.body
    assert "/pt/counselling/caseload/" in digest.body
    assert notices.send_digests(now=days(3)) == 0


def test_the_schedules_are_in_the_database(db):
    from django_celery_beat.models import PeriodicTask

    tasks = set(PeriodicTask.objects.values_list("task", flat=True))
    assert {"counselling.tasks.send_reminders", "counselling.tasks.send_digests"} <= tasks


def test_no_e_mail_goes_out_for_someone_no_longer_a_counsellor(people, organisation):
    assign(people, due_on=days(1).date())
    membership = accounts_api.organisation_members(organisation=organisation).get(
        user=people["counsellor_a"]
    )
    admin = get_user_model().objects.get(username="admin")
    accounts_api.withdraw_role(by=admin, membership_id=membership.id, organisation=organisation)
    assert mailed(lambda: notices.send_reminders(now=days(3))) == 0
    notices.send_digests(now=days(3))
    assert sent_to("counsellor_a@example.org") == []


def test_the_digest_is_in_the_access_log_of_the_clients_it_names(people):
    assign(people, due_on=days(1).date())
    notices.send_digests(now=days(3))
    records = AccessRecord.objects.filter(client=people["client_a"], what="digest")
    assert [record.counsellor for record in records] == [people["counsellor_a"]]
    assert not AccessRecord.objects.filter(client=people["private"], what="digest").exists()
