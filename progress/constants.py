from django.db import models
from django.utils.translation import gettext_lazy as _

XAPI_VERSION = "1.0.3"
# Activity ids are language-independent: the page's translation_key under our own namespace.
ACTIVITY_ID_PREFIX = "https://pontes.example/xapi/activities/"


class Verb(models.TextChoices):
    """The xAPI verbs Pontes records, with their ADL identifiers as values."""

    INITIALIZED = "http://adlnet.gov/expapi/verbs/initialized", _("started")
    ANSWERED = "http://adlnet.gov/expapi/verbs/answered", _("answered")
    COMPLETED = "http://adlnet.gov/expapi/verbs/completed", _("completed")
    EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced", _("viewed")


class ActivityType(models.TextChoices):
    LESSON = "lesson", _("lesson")
    MODULE = "module", _("module")
    COURSE = "course", _("course")


class Status(models.TextChoices):
    STARTED = "started", _("In progress")
    COMPLETED = "completed", _("Completed")


class CertificateStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be made")
