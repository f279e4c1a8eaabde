from django.db import models
from django.utils.translation import gettext_lazy as _

# Clients per page of the caseload (the export has them all).
CASELOAD_PAGE_SIZE = 50
# Reminders: "due soon" this many days before the due date.
DUE_SOON_DAYS = 3
# An invitation code works for this many days.
INVITATION_DAYS = 30
# Letters and digits people do not confuse when they read a code aloud (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class Notice(models.TextChoices):
    """The e-mails a client may receive about an assignment, each sent at most once."""

    ASSIGNED = "assigned", _("New assignment")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


class Access(models.TextChoices):
    """What a counsellor looked at, for the client's access log."""

    CASELOAD = "caseload", _("Your row on the caseload dashboard")
    DETAIL = "detail", _("Your progress page")
    EXPORT = "export", _("An export of the caseload")
    DIGEST = "digest", _("Your name in your counsellor's daily e-mail")


class Flag(models.TextChoices):
    OVERDUE = "overdue", _("Overdue")
    STALLED = "stalled", _("Stalled")
    ON_TRACK = "on_track", _("On track")
