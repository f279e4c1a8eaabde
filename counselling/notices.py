"""The e-mails of counselling, each in its reader's language: new assignment, due soon, overdue
(to the client) and the daily digest (to the counsellor). Each is sent at most once: the row
saying it was sent is written in the same transaction that decides to send it."""

import logging
from datetime import timedelta

from babel.dates import format_date
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts import api as accounts_api
from content import api as content_api
from progress import api as progress_api

from .caseload import caseload
from .constants import DUE_SOON_DAYS, Access, Flag, Notice
from .models import AccessRecord, Assignment, Link, NotificationOptOut, SentDigest, SentNotice

logger = logging.getLogger(__name__)


def _language(user):
    return user.preferred_language or settings.LANGUAGE_CODE


def _url(url_name, language):
    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(url_name)


def _mail(template, user, context):
    language = _language(user)
    with translation.override(language):
        context = {**context, "name": user, "language": language}
        subject = render_to_string(f"counselling/email/{template}_subject.txt", context)
        body = render_to_string(f"counselling/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def _opted_out(user_ids):
    return set(
        NotificationOptOut.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )


def _send_notice(assignment, kind, *, now, modules):
    """Record the notice, then send it; a failed send rolls the record back for the next run."""
    client = assignment.client
    language = _language(client)
    module = modules.get(language, {}).get(assignment.module_key)
    if module is None or not client.email:
        return False
    context = {
        "module": module,
        "counsellor": assignment.counsellor,
        "due": assignment.due_on
        and format_date(assignment.due_on, "long", locale=content_api.babel_locale(language)),
        "note": assignment.note,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + module.url,
        "dashboard": _url("progress:dashboard", language),
        "settings": _url("counselling:my_counsellors", language),
    }
    try:
        with transaction.atomic():
            SentNotice.objects.create(assignment=assignment, kind=kind, sent_at=now)
            _mail(f"notice_{kind}", client, context)
    except IntegrityError:
        return False  # another run sent it
    except Exception:
        logger.exception("Could not send the %s e-mail of assignment %s", kind, assignment.id)
        return False
    return True


def _modules_in_languages(assignments):
    languages = {_language(a.client) for a in assignments}
    keys = {a.module_key for a in assignments}
    return {
        language: progress_api.modules_by_key(keys=keys, language=language)
        for language in languages
    }


def _unfinished(assignments):
    counts = progress_api.many_modules_progress(
        learner_ids={a.client_id for a in assignments},
        module_keys={a.module_key for a in assignments},
    )
    result = []
    for assignment in assignments:
        done, total = counts.of(assignment.client_id, assignment.module_key)
        if not total or done < total:
            result.append(assignment)
    return result


def _sendable(queryset, kind):
    """Assignments of live links, to clients who did not switch e-mails off, not yet noticed."""
    assignments = list(queryset.exclude(notices__kind=kind).select_related("client", "counsellor"))
    live = set(
        Link.objects.filter(
            revoked_at__isnull=True,
            client__in={a.client_id for a in assignments},
            counsellor__in=accounts_api.users_with_role(accounts_api.Role.COUNSELLOR),
        ).values_list("counsellor_id", "client_id")
    )
    quiet = _opted_out({a.client_id for a in assignments})
    return [
        a
        for a in assignments
        if a.client_id not in quiet and (a.counsellor_id, a.client_id) in live
    ]


def send_assignment_notices(*, assignment_ids, now):
    assignments = _sendable(Assignment.objects.filter(id__in=assignment_ids), Notice.ASSIGNED)
    modules = _modules_in_languages(assignments)
    return sum(_send_notice(a, Notice.ASSIGNED, now=now, modules=modules) for a in assignments)


def send_reminders(*, now):
    """The daily run: due-soon and overdue notices, and any new-assignment notice a broker
    outage kept from going out (within the last week). Returns how many e-mails went."""
    today = now.date()
    recent = Assignment.objects.filter(assigned_at__gte=now - timedelta(days=7))
    due_soon = Assignment.objects.filter(
        due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS)
    )
    overdue = Assignment.objects.filter(due_on__lt=today)
    sent = 0
    for queryset, kind in [
        (recent, Notice.ASSIGNED),
        (due_soon, Notice.DUE_SOON),
        (overdue, Notice.OVERDUE),
    ]:
        assignments = _sendable(queryset, kind)
        if kind != Notice.ASSIGNED:
            assignments = _unfinished(assignments)
        modules = _modules_in_languages(assignments)
        sent += sum(_send_notice(a, kind, now=now, modules=modules) for a in assignments)
    return sent


def send_digests(*, now):
    """One digest per counsellor with clients per day: who is overdue or stalled."""
    today = now.date()
    counsellor_ids = set(
        Link.objects.filter(
            revoked_at__isnull=True,
            counsellor__in=accounts_api.users_with_role(accounts_api.Role.COUNSELLOR),
        )
        .exclude(counsellor__in=SentDigest.objects.filter(day=today).values("counsellor"))
        .values_list("counsellor_id", flat=True)
    )
    counsellor_ids -= _opted_out(counsellor_ids)
    counsellors = get_user_model().objects.filter(id__in=counsellor_ids, is_active=True)
    return sum(_send_digest(counsellor, today=today, now=now) for counsellor in counsellors)


def _send_digest(counsellor, *, today, now):
    rows = caseload(counsellor=counsellor, today=today, stalled_days=settings.PONTES_STALLED_DAYS)
    context = {
        "clients": len(rows),
        "overdue": [row.name for row in rows if Flag.OVERDUE in row.flags],
        "stalled": [row.name for row in rows if Flag.STALLED in row.flags],
        "caseload": _url("counselling:caseload", _language(counsellor)),
        "settings": _url("counselling:my_counsellors", _language(counsellor)),
    }
    try:
        with transaction.atomic():
            SentDigest.objects.create(counsellor=counsellor, day=today, sent_at=now)
            AccessRecord.objects.bulk_create(
                [
                    AccessRecord(
                        client_id=row.link.client_id,
                        counsellor=counsellor,
                        counsellor_name=str(counsellor)[:150],
                        what=Access.DIGEST,
                        at=now,
                    )
                    for row in rows
                    if row.flags and row.flags != [Flag.ON_TRACK]
                ]
            )
            _mail("digest", counsellor, context)
    except IntegrityError:
        return 0
    except Exception:
        logger.exception("Could not send the digest of counsellor %s", counsellor.id)
        return 0
    return 1
