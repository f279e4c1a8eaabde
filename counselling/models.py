"""Counsellor-client links and what hangs on them. The client owns the link: they accept it,
choose what it shares and revoke it; a revoked link stays as history for the access log."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .constants import Access, Notice

USER = settings.AUTH_USER_MODEL


class Invitation(models.Model):
    """A code a counsellor hands to one client or a whole workshop; any number may accept it."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    counsellor = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="invitations")
    code = models.CharField(_("code"), max_length=16, unique=True)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="counselling_invite_expires_later"
            ),
        ]


class Link(models.Model):
    """A client's consent to be followed by one counsellor, with what they chose to share."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    counsellor = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="client_links")
    client = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="counsellor_links")
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="links"
    )
    share_progress = models.BooleanField(_("my progress in modules"), default=True)
    share_assessments = models.BooleanField(_("my self-assessments"), default=True)
    share_certificates = models.BooleanField(_("my certificates"), default=True)
    accepted_at = models.DateTimeField(_("accepted at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            # one live link per counsellor and client; revoked ones stay as history
            models.UniqueConstraint(
                fields=["counsellor", "client"],
                condition=Q(revoked_at__isnull=True),
                name="counselling_link_once",
            ),
            models.CheckConstraint(
                condition=~Q(counsellor=F("client")), name="counselling_link_not_self"
            ),
        ]
        indexes = [models.Index(fields=["counsellor", "revoked_at"], name="counselling_caseload")]


class ClientGroup(models.Model):
    """A counsellor's own grouping of clients, such as a workshop cohort."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    counsellor = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="client_groups")
    name = models.CharField(_("name"), max_length=120)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["counsellor", "name"], name="counselling_group_name"),
        ]


class GroupMember(models.Model):
    group = models.ForeignKey(ClientGroup, on_delete=models.CASCADE, related_name="memberships")
    client = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(_("added at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "client"], name="counselling_member_once"),
        ]


class Assignment(models.Model):
    """A module a counsellor asked a client to work on, keyed on its translation key so the
    client reads it in their own language."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    # no index of its own: counselling_assign_once (counsellor, client, module_key) starts with
    # the counsellor and serves every lookup by counsellor, or by counsellor and client
    counsellor = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", db_index=False)
    client = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="assignments")
    module_key = models.UUIDField(_("module"))
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    group = models.ForeignKey(
        ClientGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    note_language = models.CharField(_("language of the note"), max_length=8, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"))

    class Meta:
        ordering = ["due_on", "assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["counsellor", "client", "module_key"], name="counselling_assign_once"
            ),
            models.CheckConstraint(
                condition=Q(note="") | ~Q(note_language=""), name="counselling_note_has_language"
            ),
        ]


class SentNotice(models.Model):
    """An e-mail sent about an assignment: each kind goes once, however often the task runs."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=10, choices=Notice.choices)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "kind"], name="counselling_notice_once"),
        ]


class SentDigest(models.Model):
    """The counsellor's daily digest, once per day."""

    counsellor = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["counsellor", "day"], name="counselling_digest_once"),
        ]


class NotificationOptOut(models.Model):
    """A person who switched counselling e-mails off (clients and counsellors alike)."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField()


class AccessRecord(models.Model):
    """One look by a counsellor at a client's data; the client reads these on their page."""

    # no index of its own: counselling_access_by_client starts with the client and serves every
    # lookup by client; a second one only slowed the caseload, which writes a row per client shown
    client = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="access_records", db_index=False
    )
    counsellor = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    counsellor_name = models.CharField(max_length=150)
    what = models.CharField(max_length=10, choices=Access.choices)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["client", "-at"], name="counselling_access_by_client")]
