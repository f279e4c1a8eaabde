import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import ActivityType, CertificateStatus, Status, Verb


class Statement(models.Model):
    """One xAPI 1.0.3 statement, stored once per statement id whatever how often it is sent."""

    uuid = models.UUIDField(_("statement id"), unique=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statements"
    )
    verb = models.CharField(_("verb"), max_length=100, choices=Verb.choices)
    activity_key = models.UUIDField(_("activity"), help_text=_("The page's translation key."))
    activity_type = models.CharField(
        _("activity type"), max_length=10, choices=ActivityType.choices
    )
    language = models.CharField(_("language"), max_length=8)
    score = models.FloatField(_("scaled score"), null=True, blank=True)
    success = models.BooleanField(_("success"), null=True, blank=True)
    completion = models.BooleanField(_("completion"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration in seconds"), null=True, blank=True)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), auto_now_add=True)
    raw = models.JSONField(_("xAPI statement"))

    class Meta:
        ordering = ["-timestamp"]
        indexes = [models.Index(fields=["learner", "activity_key"], name="progress_stmt_lookup")]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=-1, score__lte=1),
                name="progress_statement_scaled_score_range",
            ),
        ]


class LessonProgress(models.Model):
    """The summary of one learner and one lesson, in whatever language it was read."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_key = models.UUIDField(_("lesson"))
    module_key = models.UUIDField(_("module"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.STARTED
    )
    score = models.FloatField(_("score"), null=True, blank=True)
    time_spent_seconds = models.PositiveIntegerField(_("time spent in seconds"), default=0)
    started_at = models.DateTimeField(_("started at"))
    last_activity_at = models.DateTimeField(_("last activity at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson_key"], name="progress_lesson_once"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1),
                name="progress_score_0_1",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.COMPLETED) | Q(completed_at__isnull=False),
                name="progress_completed_has_time",
            ),
        ]
        indexes = [models.Index(fields=["learner", "module_key"], name="progress_by_module")]


class Certificate(models.Model):
    """Proof that a learner completed a module or a course; verified by its unguessable uuid."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ActivityType.choices)
    activity_key = models.UUIDField(_("module or course"))
    language = models.CharField(_("language"), max_length=8)
    holder_name = models.CharField(_("name on the certificate"), max_length=120)
    title = models.CharField(_("title"), max_length=255)
    level = models.CharField(_("level"), max_length=1, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CertificateStatus.choices,
        default=CertificateStatus.PREPARING,
    )
    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "kind", "activity_key"], name="progress_certificate_once"
            ),
            models.CheckConstraint(
                condition=~Q(status=CertificateStatus.READY) | ~Q(pdf=""),
                name="progress_certificate_ready_has_pdf",
            ),
        ]
