"""Counsellors and their clients: invitations, links the client controls, groups, assignments,
the caseload, notifications and the access log.

Views, tasks, the demo loader and the benchmark call these; nothing else writes counselling rows.
Objects outside the caller's reach are NotFound, never a hint that they exist."""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts import api as accounts_api
from courses import api as courses_api
from progress import api as progress_api

from . import accesslog, tasks
from .caseload import CaseloadRow, caseload, caseload_page  # noqa: F401 - the public face
from .constants import CODE_ALPHABET, CODE_LENGTH, INVITATION_DAYS, Access
from .models import (
    AccessRecord,
    Assignment,
    ClientGroup,
    GroupMember,
    Invitation,
    Link,
    NotificationOptOut,
)

__all__ = [
    "CaseloadRow",
    "NotFound",
    "accept_invitation",
    "access_log",
    "add_to_group",
    "assign",
    "assignments_for",
    "caseload",
    "caseload_page",
    "client_view",
    "create_group",
    "create_invitation",
    "delete_group",
    "group_links",
    "group_of",
    "groups_of",
    "groups_with_sizes",
    "invitation_for_code",
    "is_counsellor",
    "links_of_client",
    "links_of_counsellor",
    "linked_client",
    "normalise_code",
    "notifications_enabled",
    "open_invitations",
    "record_access",
    "remove_from_group",
    "revoke_link",
    "set_notifications",
    "unassign",
    "update_sharing",
    "withdraw_invitation",
]


class NotFound(LookupError):
    """Not there, or not the caller's: the views answer 404 either way."""


def is_counsellor(user):
    return accounts_api.is_counsellor(user)


def _check_counsellor(user):
    if not is_counsellor(user):
        raise PermissionDenied


# Invitations and links --------------------------------------------------------------------------


def normalise_code(code):
    """What people type: lower case, spaces and dashes between groups of letters."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def create_invitation(*, counsellor, now):
    _check_counsellor(counsellor)
    for _attempt in range(5):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with transaction.atomic():
                return Invitation.objects.create(
                    counsellor=counsellor,
                    code=code,
                    created_at=now,
                    expires_at=now + timedelta(days=INVITATION_DAYS),
                )
        except IntegrityError:
            continue
    raise RuntimeError("no free invitation code after five tries")


def withdraw_invitation(*, counsellor, invitation_id, now):
    updated = Invitation.objects.filter(
        id=invitation_id, counsellor=counsellor, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    if not updated:
        raise NotFound


def open_invitations(*, counsellor, now):
    return Invitation.objects.filter(
        counsellor=counsellor, withdrawn_at__isnull=True, expires_at__gt=now
    ).annotate(accepted=Count("links"))


def invitation_for_code(*, code, now):
    """The usable invitation with this code, or None (unknown, expired or withdrawn alike)."""
    return (
        Invitation.objects.filter(
            code=normalise_code(code), withdrawn_at__isnull=True, expires_at__gt=now
        )
        .select_related("counsellor")
        .first()
    )


def accept_invitation(*, client, code, share_progress, share_assessments, share_certificates, now):
    """The client links themselves to the invitation's counsellor, sharing what they chose."""
    invitation = invitation_for_code(code=code, now=now)
    if invitation is None or not is_counsellor(invitation.counsellor):
        raise ValidationError(
            _(
                "This code does not work. Check it with your counsellor: codes expire after "
                "30 days."
            ),
            code="invalid_code",
        )
    if invitation.counsellor_id == client.id:
        raise ValidationError(_("This is your own invitation code."), code="own_code")
    if not accounts_api.can_record_progress(client):
        raise ValidationError(
            _(
                "A parent or guardian must first confirm your account before you link with "
                "a counsellor."
            ),
            code="consent_pending",
        )
    try:
        with transaction.atomic():
            return Link.objects.create(
                counsellor=invitation.counsellor,
                client=client,
                invitation=invitation,
                share_progress=share_progress,
                share_assessments=share_assessments,
                share_certificates=share_certificates,
                accepted_at=now,
            )
    except IntegrityError as exists:
        raise ValidationError(
            _("You are already linked with %(name)s. You can change what you share below.")
            % {"name": invitation.counsellor},
            code="already_linked",
        ) from exists


def _own_link(client, link_id):
    link = (
        Link.objects.select_for_update()
        .filter(id=link_id, client=client, revoked_at__isnull=True)
        .first()
    )
    if link is None:
        raise NotFound
    return link


def update_sharing(*, client, link_id, share_progress, share_assessments, share_certificates):
    with transaction.atomic():
        link = _own_link(client, link_id)
        link.share_progress = share_progress
        link.share_assessments = share_assessments
        link.share_certificates = share_certificates
        link.save(update_fields=["share_progress", "share_assessments", "share_certificates"])
    return link


def revoke_link(*, client, link_id, now):
    """End the link: the counsellor sees nothing from the next request on, and their groups and
    assignments for this client go with it."""
    with transaction.atomic():
        link = _own_link(client, link_id)
        link.revoked_at = now
        link.save(update_fields=["revoked_at"])
        GroupMember.objects.filter(group__counsellor=link.counsellor_id, client=client).delete()
        Assignment.objects.filter(counsellor=link.counsellor_id, client=client).delete()
    return link


def links_of_counsellor(*, counsellor):
    return (
        Link.objects.filter(counsellor=counsellor, revoked_at__isnull=True)
        .select_related("client")
        .order_by("client__display_name", "client__username")
    )


def links_of_client(*, client):
    return Link.objects.filter(client=client, revoked_at__isnull=True).select_related("counsellor")


def linked_client(*, counsellor, link_uuid):
    """The live link of this counsellor with this uuid, or NotFound."""
    link = (
        Link.objects.filter(uuid=link_uuid, counsellor=counsellor, revoked_at__isnull=True)
        .select_related("client")
        .first()
    )
    if link is None or not is_counsellor(counsellor):
        raise NotFound
    return link


def _live_links(counsellor, link_ids):
    """The counsellor's live links with these ids, locked until the caller's transaction ends
    so a client revoking at the same moment waits for it (or goes first and wins)."""
    links = list(
        Link.objects.select_for_update()
        .filter(id__in=link_ids, counsellor=counsellor, revoked_at__isnull=True)
        .order_by("id")
    )
    if len(links) != len(set(link_ids)):
        raise NotFound
    return links


# Groups ------------------------------------------------------------------------------------------


def _own_group(counsellor, group_id):
    group = ClientGroup.objects.filter(id=group_id, counsellor=counsellor).first()
    if group is None:
        raise NotFound
    return group


def groups_of(*, counsellor):
    return ClientGroup.objects.filter(counsellor=counsellor)


def group_of(*, counsellor, group_id):
    return _own_group(counsellor, group_id)


def groups_with_sizes(*, counsellor):
    return groups_of(counsellor=counsellor).annotate(size=Count("memberships"))


def group_links(*, counsellor, group_id):
    """The live links of the group's members."""
    group = _own_group(counsellor, group_id)
    return list(
        links_of_counsellor(counsellor=counsellor).filter(
            client__in=GroupMember.objects.filter(group=group).values("client")
        )
    )


def create_group(*, counsellor, name, now):
    _check_counsellor(counsellor)
    name = name.strip()
    try:
        with transaction.atomic():
            return ClientGroup.objects.create(counsellor=counsellor, name=name, created_at=now)
    except IntegrityError as exists:
        raise ValidationError(
            _("You already have a group called “%(name)s”.") % {"name": name}, code="duplicate"
        ) from exists


def delete_group(*, counsellor, group_id):
    _own_group(counsellor, group_id).delete()


def add_to_group(*, counsellor, group_id, link_ids, now):
    """Put linked clients in the group; those already in it stay. Returns how many were added."""
    group = _own_group(counsellor, group_id)
    with transaction.atomic():
        links = _live_links(counsellor, link_ids)
        created = GroupMember.objects.bulk_create(
            [GroupMember(group=group, client_id=link.client_id, added_at=now) for link in links],
            ignore_conflicts=True,
        )
    return len(created)


def remove_from_group(*, counsellor, group_id, link_id):
    group = _own_group(counsellor, group_id)
    with transaction.atomic():
        link = _live_links(counsellor, [link_id])[0]
        GroupMember.objects.filter(group=group, client_id=link.client_id).delete()


# Assignments -------------------------------------------------------------------------------------


def assign(*, counsellor, page, now, link_ids=(), group_id=None, due_on=None, note="", language=""):
    """Assign a module, or each module of a course, to linked clients or to a group's members.

    Modules already assigned to a client keep their first due date; returns the new ones."""
    _check_counsellor(counsellor)
    group = _own_group(counsellor, group_id) if group_id else None
    if group is not None:
        link_ids = [link.id for link in group_links(counsellor=counsellor, group_id=group.id)]
    if isinstance(page.specific, courses_api.CoursePage):
        module_keys = progress_api.module_keys_of_course(course=page)
        course_key = page.translation_key
    elif isinstance(page.specific, courses_api.ModulePage):
        module_keys, course_key = [page.translation_key], None
    else:
        raise NotFound
    if due_on is not None and due_on < now.date():
        raise ValidationError(_("The due date is in the past."), code="past_due")
    note = note.strip()
    with transaction.atomic():
        # the links stay locked until the assignments are written: a client who revokes at
        # this moment waits, then removes them with the link
        links = _live_links(counsellor, link_ids)
        existing = set(
            Assignment.objects.filter(
                counsellor=counsellor,
                client_id__in=[link.client_id for link in links],
                module_key__in=module_keys,
            ).values_list("client_id", "module_key")
        )
        new = [
            Assignment(
                counsellor=counsellor,
                client_id=link.client_id,
                module_key=key,
                course_key=course_key,
                group=group,
                due_on=due_on,
                note=note,
                note_language=language if note else "",
                assigned_at=now,
            )
            for link in links
            for key in module_keys
            if (link.client_id, key) not in existing
        ]
        Assignment.objects.bulk_create(new)
        ids = [assignment.id for assignment in new]
        transaction.on_commit(lambda: tasks.queue_assignment_notices(ids))
    return new


def unassign(*, counsellor, assignment_id):
    deleted, _rows = Assignment.objects.filter(id=assignment_id, counsellor=counsellor).delete()
    if not deleted:
        raise NotFound


def assignments_for(*, client, language):
    """The client's assignments from counsellors they are still linked with, each with the
    module in the client's language and their progress, soonest due first."""
    linked = Link.objects.filter(client=client, revoked_at__isnull=True).values("counsellor")
    assignments = list(
        Assignment.objects.filter(client=client, counsellor__in=linked).select_related("counsellor")
    )
    keys = {a.module_key for a in assignments}
    modules = progress_api.modules_by_key(keys=keys, language=language)
    counts = progress_api.many_modules_progress(learner_ids=[client.id], module_keys=keys)
    result = []
    for assignment in assignments:
        module = modules.get(assignment.module_key)
        if module is None:
            continue
        done, total = counts.of(client.id, assignment.module_key)
        result.append((assignment, module, done, total))
    return result


# Sharing and the access log ---------------------------------------------------------------------


def record_access(*, counsellor, links, what, now):
    """Write one access record per client whose data the counsellor is about to see."""
    accesslog.write(
        counsellor=counsellor, client_ids=[link.client_id for link in links], what=what, now=now
    )


def client_view(*, counsellor, link_uuid, language, now):
    """What the client shared with this counsellor, for the client's page; logged."""
    link = linked_client(counsellor=counsellor, link_uuid=link_uuid)
    client = link.client
    view = {"link": link, "assignments": assignments_for(client=client, language=language)}
    view["assignments"] = [
        row for row in view["assignments"] if row[0].counsellor_id == counsellor.id
    ]
    if link.share_progress:
        touched = progress_api.modules_touched(learner=client)
        modules = progress_api.modules_by_key(keys=touched, language=language)
        view["progress"] = [(modules[key], *touched[key]) for key in touched if key in modules]
        view["last_activity"] = progress_api.last_activity(learner_ids=[client.id]).get(client.id)
    if link.share_assessments:
        view["history"] = courses_api.placement_history(learner=client)
    if link.share_certificates:
        view["certificates"] = progress_api.certificates_of(learner=client)
    record_access(counsellor=counsellor, links=[link], what=Access.DETAIL, now=now)
    return view


def access_log(*, client, limit=200):
    return AccessRecord.objects.filter(client=client)[:limit]


# Notifications -----------------------------------------------------------------------------------


def notifications_enabled(user):
    return not NotificationOptOut.objects.filter(user=user).exists()


def set_notifications(*, user, enabled, now):
    if enabled:
        NotificationOptOut.objects.filter(user=user).delete()
    else:
        NotificationOptOut.objects.get_or_create(user=user, defaults={"since": now})
