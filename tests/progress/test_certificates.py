"""Certificates: issued once per learner and module, in the learner's language, made into a
PDF by the worker, private to their owner and verifiable by anyone through their uuid."""

import base64
import re
import uuid
import zlib
from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from celery.exceptions import Retry
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.constants import GuardianConsent
from courses.models import CoursePage, ModulePage
from progress import certificates, tasks
from progress.constants import ActivityType, CertificateStatus
from progress.models import Certificate

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def module(language, level="B", area="applying"):
    return ModulePage.objects.live().get(
        locale__language_code=language, level__code=level, area__key=area
    )


def make_learner(username, **fields):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="not-used-here", **fields
    )


@pytest.fixture
def learner():
    return make_learner("ana", display_name="Ana Ferreira", preferred_language="pt")


@pytest.fixture
def issue(django_capture_on_commit_callbacks):
    """Issue a certificate and run what was queued after commit (the PDF task, eagerly)."""

    def run(*, learner, page, kind=ActivityType.MODULE, now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            certificate = certificates.issue_certificate(
                learner=learner, kind=kind, page=page, now=now
            )
        certificate.refresh_from_db()
        return certificate

    return run


def issue_without_worker(*, learner, page, kind=ActivityType.MODULE):
    """Issue a certificate as a request would, before its transaction committed."""
    return certificates.issue_certificate(learner=learner, kind=kind, page=page, now=NOW)


def _streams(data):
    """Every stream of the PDF, inflated; reportlab wraps page content in ASCII85 too."""
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", data, flags=re.S):
        if not raw.startswith(b"x"):
            raw = base64.a85decode(raw.strip().removesuffix(b"~>"))
        yield zlib.decompress(raw)


def _unescape(literal):
    literal = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), literal)
    return re.sub(rb"\\(.)", rb"\1", literal)


def pdf_text(data):
    """The text drawn in a reportlab PDF, each embedded font subset decoded through its
    ToUnicode map (reportlab starts a new subset every 128 characters)."""
    streams = list(_streams(data))
    base_fonts = {
        name: base for base, name in re.findall(rb"/BaseFont /(\S+) [^\n]*/Name /(\S+)", data)
    }
    maps = {}
    for stream in streams:
        if b"begincmap" in stream:
            name = re.search(rb"/CMapName /(\S+) def", stream).group(1)
            pairs = re.findall(rb"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4})>", stream)
            maps[name] = {int(code, 16): chr(int(char, 16)) for code, char in pairs}
    lines, font = [], None
    for stream in streams:
        for match in re.finditer(rb"/(\S+) [\d.]+ Tf|\((.*?)(?<!\\)\) Tj", stream, flags=re.S):
            if match.group(1):
                font = maps.get(base_fonts.get(match.group(1)))
            else:
                raw = _unescape(match.group(2))
                lines.append("".join(font[b] for b in raw) if font else raw.decode("latin-1"))
    return "\n".join(lines)


def page_count(data):
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


# --- issuing


def test_issuing_twice_keeps_one_certificate(learner):
    first = issue_without_worker(learner=learner, page=module("en"))
    again = issue_without_worker(learner=learner, page=module("en"))
    assert again.id == first.id
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_the_same_module_read_in_another_language_is_the_same_certificate(learner):
    first = issue_without_worker(learner=learner, page=module("en"))
    again = issue_without_worker(learner=learner, page=module("fi"))
    assert again.id == first.id


def test_the_pdf_is_queued_once(learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        issue_without_worker(learner=learner, page=module("en"))
        issue_without_worker(learner=learner, page=module("en"))
    assert len(callbacks) == 1


def test_title_is_in_the_learners_preferred_language(learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    assert certificate.language == "pt"
    assert certificate.title == module("pt").title
    assert certificate.title != module("en").title
    assert certificate.level == "B"


def test_without_a_preferred_language_the_page_language_is_used():
    learner = make_learner("sami", display_name="Sami")
    certificate = issue_without_worker(learner=learner, page=module("fi"))
    assert certificate.language == "fi"
    assert certificate.title == module("fi").title


def test_untranslated_module_keeps_the_title_of_the_page_read(learner):
    page = module("en")
    module("pt").unpublish()
    certificate = issue_without_worker(learner=learner, page=page)
    assert certificate.language == "pt"
    assert certificate.title == page.title


def test_holder_name_is_the_display_name_else_the_username():
    named = make_learner("lina", display_name="Lina Learner")
    unnamed = make_learner("jo")
    assert issue_without_worker(learner=named, page=module("en")).holder_name == "Lina Learner"
    assert issue_without_worker(learner=unnamed, page=module("en")).holder_name == "jo"


def test_new_certificate_waits_for_its_pdf(learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    assert certificate.status == CertificateStatus.PREPARING
    assert certificate.issued_at == NOW
    assert not certificate.pdf


def test_course_certificate_has_no_level(learner):
    course = CoursePage.objects.live().get(locale__language_code="en")
    certificate = issue_without_worker(learner=learner, page=course, kind=ActivityType.COURSE)
    assert certificate.title == CoursePage.objects.live().get(locale__language_code="pt").title
    assert certificate.level == ""


def test_no_certificate_for_a_lesson(learner):
    with pytest.raises(ValueError):
        issue_without_worker(learner=learner, page=module("en"), kind=ActivityType.LESSON)


def test_no_certificate_while_a_guardian_has_not_agreed():
    learner = make_learner(
        "kid", guardian_email="parent@example.org", guardian_consent=GuardianConsent.PENDING
    )
    with pytest.raises(PermissionDenied):
        issue_without_worker(learner=learner, page=module("en"))
    assert not Certificate.objects.filter(learner=learner).exists()


# --- the PDF


def test_the_task_makes_a_one_page_pdf(learner, issue):
    certificate = issue(learner=learner, page=module("en"))
    assert certificate.status == CertificateStatus.READY
    data = certificate.pdf.read()
    assert data.startswith(b"%PDF-")
    assert page_count(data) == 1


def test_the_pdf_shows_name_title_and_verification_address(learner, issue):
    certificate = issue(learner=learner, page=module("en"))
    text = pdf_text(certificate.pdf.read())
    assert "Ana Ferreira" in text
    assert certificate.title in text
    assert f"/pt/certificates/verify/{certificate.uuid}/" in text
    assert "CC BY-SA 4.0" in text


def test_the_pdf_is_written_in_the_certificates_language(learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    _title, lines = tasks.certificate_lines(certificate)
    text = "\n".join(line.text for line in lines)
    assert "B Intermédio" in text
    assert "23 de novembro de 2026" in text


def test_bulgarian_certificate_renders_cyrillic(issue):
    learner = make_learner("mila", display_name="Мила Петрова", preferred_language="bg")
    certificate = issue(learner=learner, page=module("en", level="C", area="self-awareness"))
    assert certificate.status == CertificateStatus.READY
    text = pdf_text(certificate.pdf.read())
    assert "Мила Петрова" in text
    assert certificate.title in text
    assert re.search("[а-я]", certificate.title)
    assert "C Напреднало" in text


def test_without_a_font_the_certificate_fails_and_says_which_setting(
    learner, issue, settings, caplog, tmp_path
):
    settings.PONTES_CERTIFICATE_FONT = str(tmp_path / "missing.ttf")
    certificate = issue(learner=learner, page=module("en"))
    assert certificate.status == CertificateStatus.FAILED
    assert "PONTES_CERTIFICATE_FONT" in caplog.text


def broken_storage(**kwargs):
    raise OSError("disk full")


def test_storage_trouble_is_retried(learner, issue, monkeypatch):
    monkeypatch.setattr(certificates, "save_certificate_pdf", broken_storage)
    with pytest.raises(Retry):
        issue(learner=learner, page=module("en"))
    assert Certificate.objects.get(learner=learner).status == CertificateStatus.PREPARING


def test_after_the_last_retry_the_certificate_fails(learner, monkeypatch):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    monkeypatch.setattr(certificates, "save_certificate_pdf", broken_storage)
    task = tasks.make_certificate_pdf
    with pytest.raises(OSError):
        task.apply(args=[certificate.id], retries=task.max_retries, throw=True)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.FAILED


def test_the_font_setting_is_used_when_it_exists(settings):
    settings.PONTES_CERTIFICATE_FONT = tasks.FONT_CANDIDATES[0]
    assert tasks.certificate_font_path() == tasks.FONT_CANDIDATES[0]


# --- the learner's pages


@pytest.fixture
def users(learner):
    return {"owner": learner, "other_learner": make_learner("other", display_name="Other")}


def test_detail_says_being_prepared_before_the_pdf_exists(client, learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    client.force_login(learner)
    response = client.get(reverse("certificates:detail", kwargs={"uuid": certificate.uuid}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Your certificate is being prepared" in body
    assert '<meta http-equiv="refresh" content="5">' in body
    assert reverse("certificates:download", kwargs={"uuid": certificate.uuid}) not in body


def test_detail_links_the_download_once_ready(client, learner, issue):
    certificate = issue(learner=learner, page=module("en"))
    client.force_login(learner)
    response = client.get(reverse("certificates:detail", kwargs={"uuid": certificate.uuid}))
    body = response.content.decode()
    assert reverse("certificates:download", kwargs={"uuid": certificate.uuid}) in body
    assert 'http-equiv="refresh"' not in body


@pytest.mark.parametrize(
    "who, expected", [("owner", 200), ("other_learner", 404), ("anonymous", 302)]
)
def test_certificate_detail_is_private(client, learner, users, issue, who, expected):
    certificate = issue(learner=learner, page=module("en"))
    if who != "anonymous":
        client.force_login(users[who])
    response = client.get(reverse("certificates:detail", kwargs={"uuid": certificate.uuid}))
    assert response.status_code == expected


@pytest.mark.parametrize(
    "who, expected", [("owner", 200), ("other_learner", 404), ("anonymous", 302)]
)
def test_certificate_download_is_private(client, learner, users, issue, who, expected):
    certificate = issue(learner=learner, page=module("en"))
    if who != "anonymous":
        client.force_login(users[who])
    response = client.get(reverse("certificates:download", kwargs={"uuid": certificate.uuid}))
    assert response.status_code == expected


def test_download_is_the_pdf_as_an_attachment(client, learner, issue):
    certificate = issue(learner=learner, page=module("en"))
    client.force_login(learner)
    response = client.get(reverse("certificates:download", kwargs={"uuid": certificate.uuid}))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename")
    assert response["Content-Disposition"].endswith(".pdf")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_download_name_is_safe_whatever_the_title(client, issue):
    learner = make_learner("mila", preferred_language="bg")
    certificate = issue(learner=learner, page=module("en"))
    Certificate.objects.filter(id=certificate.id).update(title='../"Кариера"\r\n; x=1')
    client.force_login(learner)
    response = client.get(reverse("certificates:download", kwargs={"uuid": certificate.uuid}))
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''" + quote(
        "certificate-кариера-x1.pdf"
    )


def test_no_download_before_the_pdf_is_ready(client, learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    client.force_login(learner)
    response = client.get(reverse("certificates:download", kwargs={"uuid": certificate.uuid}))
    assert response.status_code == 404


# --- public verification


def test_verify_is_public_and_shows_holder_title_level_and_date(client, learner, issue):
    certificate = issue(learner=learner, page=module("en"))
    response = client.get(reverse("certificates:verify", kwargs={"uuid": certificate.uuid}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in body
    assert "Ana Ferreira" in body
    assert certificate.title in body
    assert "B Intermediate" in body
    assert "23 November 2026" in body


def test_verify_shows_nothing_else_about_the_learner(client, issue):
    learner = make_learner(
        "private-username",
        display_name="Ana Ferreira",
        preferred_language="pt",
        country="PT",
        date_of_birth=datetime(2010, 5, 17).date(),
    )
    certificate = issue(learner=learner, page=module("en"))
    # the page repeats the certificate's address; a random uuid could spell "2010" by chance
    Certificate.objects.filter(pk=certificate.pk).update(uuid=uuid.UUID(int=1))
    certificate.refresh_from_db()
    body = client.get(
        reverse("certificates:verify", kwargs={"uuid": certificate.uuid})
    ).content.decode()
    assert "Ana Ferreira" in body
    for private in ["private-username", "private-username@example.org", "2010", "Portugal"]:
        assert private not in body
    assert reverse("certificates:download", kwargs={"uuid": certificate.uuid}) not in body


def test_verify_unknown_uuid_is_404(client):
    response = client.get(reverse("certificates:verify", kwargs={"uuid": uuid.uuid4()}))
    assert response.status_code == 404


def test_verify_certificate_not_ready_is_404(client, learner):
    certificate = issue_without_worker(learner=learner, page=module("en"))
    response = client.get(reverse("certificates:verify", kwargs={"uuid": certificate.uuid}))
    assert response.status_code == 404
