"""Certificates for completed modules and courses: issuing them, recording the PDF the worker
made, and finding them for their owner and for anyone who verifies one.

Progress code calls `issue_certificate` when a module or course becomes complete; the PDF is
made after commit by `tasks.make_certificate_pdf`."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from kombu.exceptions import OperationalError

from accounts.api import can_record_progress
from accounts.constants import LevelCode

from . import tasks
from .constants import ActivityType, CertificateStatus
from .models import Certificate

logger = logging.getLogger(__name__)

__all__ = [
    "CERTIFICATE_KINDS",
    "issue_certificate",
    "level_label",
    "mark_certificate_failed",
    "owned_certificate",
    "save_certificate_pdf",
    "verifiable_certificate",
    "verification_url",
]

CERTIFICATE_KINDS = (ActivityType.MODULE, ActivityType.COURSE)
_LANGUAGES = {code for code, _name in settings.LANGUAGES}
_HOLDER_NAME_LENGTH = Certificate._meta.get_field("holder_name").max_length


def _certificate_language(learner, page):
    if learner.preferred_language in _LANGUAGES:
        return learner.preferred_language
    return page.locale.language_code


def _page_in(page, language):
    """The live version of `page` in `language`, else the page the learner read."""
    page = page.specific
    translated = (
        page.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
    )
    return translated or page


def issue_certificate(*, learner, kind, page, now):
    """The learner's certificate for `page`, created once per module or course whatever the
    language it was read in; the PDF is queued after commit. A repeated call returns the
    certificate already issued."""
    if not can_record_progress(learner):
        raise PermissionDenied("no progress is recorded for this user")
    if kind not in CERTIFICATE_KINDS:
        raise ValueError(f"no certificate for a {kind}")
    language = _certificate_language(learner, page)
    shown = _page_in(page, language)
    level = getattr(shown, "level", None)
    holder_name = (learner.display_name or "").strip() or learner.get_username()
    with transaction.atomic():
        certificate, created = Certificate.objects.get_or_create(
            learner=learner,
            kind=kind,
            activity_key=page.translation_key,
            defaults={
                "language": language,
                "holder_name": holder_name[:_HOLDER_NAME_LENGTH],
                "title": shown.title,
                "level": level.code if level is not None else "",
                "issued_at": now,
                "status": CertificateStatus.PREPARING,
            },
        )
        if created:
            transaction.on_commit(lambda: queue_certificate_pdf(certificate_id=certificate.id))
    return certificate


def queue_certificate_pdf(*, certificate_id):
    """Ask a worker for the PDF. The certificate row is already saved, so a broker that is down
    loses nothing: the learner sees "being prepared" and `requeue_certificates` tries again."""
    try:
        tasks.make_certificate_pdf.delay(certificate_id)
    except (OperationalError, OSError):
        logger.exception(
            "Could not queue the PDF of certificate %s; it will be requeued.", certificate_id
        )
        return False
    return True


def requeue_certificates(*, older_than, now):
    """Queue again every certificate still being prepared (or failed) since before `now -
    older_than`; returns how many were queued."""
    stuck = Certificate.objects.filter(
        status__in=[CertificateStatus.PREPARING, CertificateStatus.FAILED],
        issued_at__lt=now - older_than,
    ).values_list("id", flat=True)
    queued = 0
    for certificate_id in stuck:
        Certificate.objects.filter(id=certificate_id, status=CertificateStatus.FAILED).update(
            status=CertificateStatus.PREPARING
        )
        queued += queue_certificate_pdf(certificate_id=certificate_id)
    return queued


def save_certificate_pdf(*, certificate_id, content):
    """Store the PDF the worker made and mark the certificate ready; a ready one is kept."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(id=certificate_id)
        if certificate.status == CertificateStatus.READY:
            return certificate
        certificate.pdf.save(f"{certificate.uuid}.pdf", ContentFile(content), save=False)
        certificate.status = CertificateStatus.READY
        certificate.save(update_fields=["pdf", "status"])
    return certificate


def mark_certificate_failed(*, certificate_id):
    """Tell the learner the PDF could not be made, rather than keep them waiting."""
    with transaction.atomic():
        return (
            Certificate.objects.filter(id=certificate_id)
            .exclude(status=CertificateStatus.READY)
            .update(status=CertificateStatus.FAILED)
        )


def owned_certificate(*, learner, uuid):
    """The learner's own certificate with this uuid, or None (also for anyone else's)."""
    if not getattr(learner, "is_authenticated", False):
        return None
    return Certificate.objects.filter(learner=learner, uuid=uuid).first()


def verifiable_certificate(*, uuid):
    """A certificate anyone may check: only ready ones exist for the public."""
    return Certificate.objects.filter(uuid=uuid, status=CertificateStatus.READY).first()


def verification_url(certificate):
    """The public address printed on the certificate, in the certificate's language."""
    with translation.override(certificate.language):
        path = reverse("certificates:verify", kwargs={"uuid": certificate.uuid})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def level_label(code):
    """The level as learners read it ("B Intermediate"), in the active language; "" for none."""
    return LevelCode(code).label if code in LevelCode.values else ""
