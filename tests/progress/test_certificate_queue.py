"""A broker that is down loses no certificate: it stays "being prepared" and is queued again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from progress import certificates, tasks
from progress.constants import ActivityType, CertificateStatus
from progress.models import Certificate
from tests.progress.helpers import module_in

pytestmark = pytest.mark.django_db


def broken_broker(*args, **kwargs):
    raise ConnectionError("broker down")


def test_a_broker_failure_keeps_the_certificate_for_later(
    learner, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks.make_certificate_pdf, "delay", broken_broker)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificates.issue_certificate(
            learner=learner, kind=ActivityType.MODULE, page=module_in("en", 0), now=timezone.now()
        )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PREPARING


def test_requeue_makes_the_pdf_of_a_stuck_certificate(
    learner, monkeypatch, django_capture_on_commit_callbacks
):
    now = timezone.now()
    monkeypatch.setattr(tasks.make_certificate_pdf, "delay", broken_broker)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificates.issue_certificate(
            learner=learner, kind=ActivityType.MODULE, page=module_in("en", 0), now=now
        )
    monkeypatch.undo()
    assert certificates.requeue_certificates(older_than=timedelta(minutes=10), now=now) == 0
    later = now + timedelta(minutes=11)
    assert certificates.requeue_certificates(older_than=timedelta(minutes=10), now=later) == 1
    certificate = Certificate.objects.get(id=certificate.id)
    assert certificate.status == CertificateStatus.READY
    assert certificate.pdf.read(5) == b"%PDF-"
