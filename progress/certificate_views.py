"""A learner's certificate page and download, and the public page that verifies one."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from . import certificates
from .constants import CertificateStatus

# Seconds between reloads of the page while the PDF is being made.
REFRESH_SECONDS = 5


def _own_or_404(request, uuid):
    certificate = certificates.owned_certificate(learner=request.user, uuid=uuid)
    if certificate is None:
        raise Http404
    return certificate


@require_GET
@login_required
def detail(request, uuid):
    """ "Being prepared" (reloading itself) until the worker made the PDF, then the download."""
    certificate = _own_or_404(request, uuid)
    return render(
        request,
        "progress/certificate_detail.html",
        {
            "certificate": certificate,
            "level": certificates.level_label(certificate.level),
            "preparing": certificate.status == CertificateStatus.PREPARING,
            "ready": certificate.status == CertificateStatus.READY,
            "refresh_seconds": REFRESH_SECONDS,
            "verification_url": certificates.verification_url(certificate),
        },
    )


@require_GET
@login_required
def download(request, uuid):
    certificate = _own_or_404(request, uuid)
    if certificate.status != CertificateStatus.READY:
        raise Http404
    name = slugify(certificate.title, allow_unicode=True)[:60].strip("-") or "pontes"
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{name}.pdf",
        content_type="application/pdf",
    )


@require_GET
def verify(request, uuid):
    """Public: whether the certificate is genuine, and nothing about the holder but the name."""
    certificate = certificates.verifiable_certificate(uuid=uuid)
    if certificate is None:
        raise Http404
    return render(
        request,
        "progress/certificate_verify.html",
        {"certificate": certificate, "level": certificates.level_label(certificate.level)},
    )
