"""Partner organisations' translation work: which languages each organisation translates, the
PO files its translators upload (kept here until a reviewer publishes them, so nothing reaches
wagtail-localize or the live page before review) and the credit on each translated page."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import SubmissionStatus

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class LanguageAssignment(models.Model):
    """A platform admin's decision: this organisation translates into this language."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="translation_languages",
        verbose_name=_("organisation"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("translation language")
        verbose_name_plural = _("translation languages")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language"], name="partners_language_once"
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="partners_language_not_source"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.language}"


class Submission(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    po_text = models.TextField()
    translated = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    status = models.CharField(
        max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=SubmissionStatus.values), name="partners_submission_status"
            ),
            # one upload waits for review per page and language; a new one replaces it
            models.UniqueConstraint(
                fields=["page", "language"],
                condition=Q(status="pending"),
                name="partners_one_pending_per_page_language",
            ),
        ]


class Credit(models.Model):
    """'Translated by ...' on a page, kept on the translation key so it survives a move."""

    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    translator_name = models.CharField(max_length=150)
    credited_at = models.DateTimeField()

    class Meta:
        ordering = ["credited_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language", "organisation", "translator_name"],
                name="partners_credit_once",
            ),
        ]
