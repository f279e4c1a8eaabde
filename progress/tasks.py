"""Background work of the progress app: making certificate PDFs after the issuing commit."""

import io
import logging
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from celery import shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.translation import gettext
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas

from content import api as content_api

from . import certificates
from .constants import ActivityType, CertificateStatus
from .models import Certificate

logger = logging.getLogger(__name__)

# TrueType fonts with Cyrillic, looked for in this order; PONTES_CERTIFICATE_FONT comes first.
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
]
PAGE_SIZE = landscape(A4)
MARGIN = 20 * mm
INK = HexColor("#1d232b")
BRAND = HexColor("#0b5c73")


class CertificateFontMissing(Exception):
    """No usable TrueType font: the PDF cannot show Bulgarian (or any) text reliably."""


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    space_before: float = 0
    color: object = INK


def certificate_font_path():
    """The font file to embed: the setting if given (even when wrong, so the error says so),
    else the first common system font that exists."""
    configured = getattr(settings, "PONTES_CERTIFICATE_FONT", "")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((path for path in FONT_CANDIDATES if Path(path).is_file()), None)


@lru_cache(maxsize=8)
def _font_name(path):
    name = f"PontesCertificate-{zlib.crc32(path.encode()):08x}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def certificate_lines(certificate):
    """Every line printed on the certificate, translated into the certificate's language."""
    issued = format_date(
        timezone.localtime(certificate.issued_at).date(),
        format="long",
        locale=content_api.babel_locale(certificate.language),
    )
    with translation.override(certificate.language):
        if certificate.kind == ActivityType.COURSE:
            completed = gettext("has completed the course")
        else:
            completed = gettext("has completed the module")
        level = certificates.level_label(certificate.level)
        lines = [
            Line(gettext("Certificate of completion"), 26, color=BRAND),
            Line(certificate.holder_name, 24, space_before=14 * mm),
            Line(completed, 14, space_before=6 * mm),
            Line(certificate.title, 20, space_before=6 * mm),
        ]
        if level:
            lines.append(
                Line(gettext("Level: %(level)s") % {"level": level}, 14, space_before=4 * mm)
            )
        lines += [
            Line(gettext("Issued on %(date)s") % {"date": issued}, 12, space_before=10 * mm),
            Line(
                gettext("Anyone can check this certificate at %(url)s")
                % {"url": certificates.verification_url(certificate)},
                9,
                space_before=16 * mm,
            ),
            Line(
                gettext(
                    "The course content is shared under the Creative Commons "
                    "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)."
                ),
                9,
                space_before=2 * mm,
            ),
        ]
        title = gettext("Certificate: %(title)s") % {"title": certificate.title}
    return title, lines


def render_certificate_pdf(certificate, font_path):
    """One landscape A4 page, every line centred and wrapped; returns the PDF bytes."""
    try:
        font = _font_name(font_path)
    except TTFError as error:
        raise CertificateFontMissing(str(error)) from error
    title, lines = certificate_lines(certificate)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE_SIZE, lang=certificate.language)
    pdf.setTitle(title)
    pdf.setAuthor("Pontes")
    width, height = PAGE_SIZE
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(2)
    pdf.rect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN)
    wrapped = [
        (line, simpleSplit(line.text, font, line.size, width - 3 * MARGIN)) for line in lines
    ]
    block = sum(line.space_before + line.size * 1.25 * len(parts) for line, parts in wrapped)
    y = (height + block) / 2
    for line, parts in wrapped:
        y -= line.space_before
        pdf.setFont(font, line.size)
        pdf.setFillColor(line.color)
        for part in parts:
            y -= line.size * 1.25
            pdf.drawCentredString(width / 2, y, part)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@shared_task(bind=True, max_retries=5)
def make_certificate_pdf(self, certificate_id):
    """Make and store the PDF; a missing font fails at once, storage trouble is retried."""
    certificate = Certificate.objects.filter(id=certificate_id).first()
    if certificate is None or certificate.status == CertificateStatus.READY:
        return
    font_path = certificate_font_path()
    try:
        if font_path is None:
            raise CertificateFontMissing("no font found")
        content = render_certificate_pdf(certificate, font_path)
    except CertificateFontMissing as error:
        logger.error(
            "Certificate %s: no usable TrueType font with Cyrillic (%s). Set "
            "PONTES_CERTIFICATE_FONT to the path of one, for example DejaVuSans.ttf from "
            "Debian's fonts-dejavu-core.",
            certificate_id,
            error,
        )
        certificates.mark_certificate_failed(certificate_id=certificate_id)
        return
    try:
        certificates.save_certificate_pdf(certificate_id=certificate_id, content=content)
    except (OSError, DatabaseError) as error:
        if self.request.retries >= self.max_retries:
            logger.exception("Certificate %s: could not store the PDF", certificate_id)
            certificates.mark_certificate_failed(certificate_id=certificate_id)
            raise
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
