"""Partner translation of course pages through wagtail-localize. Translators download a page's
PO file and upload it translated; the upload is checked (partners.po_checks) and kept as a
submission; a reviewer of the same language publishes it, which imports it into
wagtail-localize and publishes the translated page with the translators' credit.

A translator or reviewer acts only in the languages assigned to one of their organisations."""

from dataclasses import dataclass, field

import polib
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from accounts import api as accounts_api
from content import api as content_api
from courses import api as courses_api

from .constants import MAX_PO_BYTES, SubmissionStatus
from .models import Credit, LanguageAssignment, Submission
from .po_checks import check_po_upload

__all__ = [
    "assign_language",
    "can_review",
    "credits_for",
    "dashboard",
    "download_po",
    "languages_for",
    "pending_submissions",
    "publish",
    "return_submission",
    "returned_submissions",
    "review_entries",
    "translatable_page",
    "upload_po",
]

TRANSLATOR_ROLES = (accounts_api.Role.TRANSLATOR, accounts_api.Role.REVIEWER)


def assign_language(*, by, organisation, language):
    """Platform admins decide which languages an organisation translates."""
    if not by.is_superuser:
        raise PermissionDenied
    return LanguageAssignment.objects.get_or_create(organisation=organisation, language=language)[0]


def _organisations(user, roles, language):
    return accounts_api.organisations_where(user, roles).filter(
        translation_languages__language=language
    )


def languages_for(user):
    """The languages `user` translates or reviews, in the settings' order."""
    codes = set(
        LanguageAssignment.objects.filter(
            organisation__in=accounts_api.organisations_where(user, TRANSLATOR_ROLES)
        ).values_list("language", flat=True)
    )
    return [(code, name) for code, name in settings.LANGUAGES if code in codes]


def _translator_organisation(user, language):
    organisation = _organisations(user, TRANSLATOR_ROLES, language).first()
    if organisation is None:
        raise PermissionDenied
    return organisation


def can_review(user, language):
    return _organisations(user, (accounts_api.Role.REVIEWER,), language).exists()


def translatable_page(page_id):
    """A live, public English module or lesson (the pages partners translate), or None: an
    unpublished or restricted page is not shown to partners, nor published through them."""
    for model in (courses_api.ModulePage, courses_api.LessonPage):
        page = (
            model.objects.live()
            .public()
            .filter(id=page_id, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        if page is not None:
            return page
    return None


def _translation(page, language):
    """The wagtail-localize translation of `page`, its source brought up to date with the page."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created and page.last_published_at and page.last_published_at > source.last_updated_at:
        source.update_from_db()
    locale = Locale.objects.get(language_code=language)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def download_po(*, by, page, language):
    """The page's PO file for `language`, with what is translated so far."""
    _translator_organisation(by, language)
    translation = _translation(page, language)
    po = translation.export_po()
    po.metadata["Language"] = language
    po.wrapwidth = 78
    return f"{page.slug}-{language}.po", str(po).encode("utf-8")


def _source_strings(translation):
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "context", "string"
    )
    return {(s.context.path, s.string.data): s.string.data for s in segments}


def upload_po(*, by, page, language, data, now):
    """Check an uploaded PO file; a good one waits for review (replacing an older upload)."""
    organisation = _translator_organisation(by, language)
    translation = _translation(page, language)
    result = check_po_upload(
        data,
        translation_id=str(translation.uuid),
        target_language=language,
        source=_source_strings(translation),
        max_bytes=MAX_PO_BYTES,
    )
    if not result.ok:
        return result, None
    submission = _replace_pending(
        organisation=organisation,
        page=page,
        language=language,
        po_text=str(result.po),
        translated=sum(1 for entry in result.po if entry.msgstr),
        uploaded_by=by,
        uploaded_at=now,
    )
    return result, submission


def _replace_pending(**fields):
    """Supersede the upload waiting for this page and language, and store the new one.

    Two uploads at the same instant (PostgreSQL) both find nothing to supersede; the later
    insert then breaks partners_one_pending_per_page_language, and a second try supersedes
    the upload that was first."""
    for attempt in range(2):
        try:
            with transaction.atomic():
                Submission.objects.filter(
                    page=fields["page"],
                    language=fields["language"],
                    status=SubmissionStatus.PENDING,
                ).update(status=SubmissionStatus.SUPERSEDED)
                return Submission.objects.create(**fields)
        except IntegrityError:
            if attempt:
                raise


def _check_parent_translated(page, language):
    """wagtail-localize would otherwise publish an untranslated copy of the parent page."""
    parent = page.get_parent()
    locale = Locale.objects.get(language_code=language)
    if parent.depth > 2 and parent.get_translation_or_none(locale) is None:
        raise ValidationError(_("Publish the translation of the page above this one first."))


def review_entries(submission):
    """The uploaded translations as the reviewer reads them: English and translation, in the
    file's order (only what the file translates)."""
    po = polib.pofile(submission.po_text)
    return [(entry.msgid, entry.msgstr) for entry in po if entry.msgstr and not entry.obsolete]


def returned_submissions(*, by, language):
    """The uploads of `by` a reviewer sent back, with their notes, newest first."""
    return Submission.objects.filter(
        uploaded_by=by, language=language, status=SubmissionStatus.RETURNED
    ).select_related("page")[:20]


def _check_reviewer(by, submission):
    if not can_review(by, submission.language):
        raise PermissionDenied
    if submission.uploaded_by_id == by.id:
        raise ValidationError(_("Someone else must review your own upload."))
    if submission.status != SubmissionStatus.PENDING:
        raise ValidationError(_("This upload is no longer waiting for review."))


def publish(*, by, submission, now):
    """Import the reviewed file and publish the translated page, crediting the translator."""
    _check_reviewer(by, submission)
    page = translatable_page(submission.page_id)
    if page is None:
        raise ValidationError(_("The English page is no longer published."))
    _check_parent_translated(page, submission.language)
    translation = _translation(page, submission.language)
    result = check_po_upload(
        submission.po_text.encode("utf-8"),
        translation_id=str(translation.uuid),
        target_language=submission.language,
        source=_source_strings(translation),
        max_bytes=MAX_PO_BYTES,
    )
    if not result.ok:
        raise ValidationError([problem.message for problem in result.errors])
    with transaction.atomic():
        translation.import_po(result.po, user=by, tool_name="Pontes partner upload")
        translation.save_target(user=by, publish=True)
        submission.status = SubmissionStatus.PUBLISHED
        submission.reviewed_by, submission.reviewed_at = by, now
        submission.save()
        uploader = submission.uploaded_by
        Credit.objects.get_or_create(
            translation_key=page.translation_key,
            language=submission.language,
            organisation=submission.organisation,
            translator_name=str(uploader) if uploader else "",
            defaults={"credited_at": now},
        )


def return_submission(*, by, submission, note, now):
    """Send an upload back with a note; nothing of it is imported."""
    _check_reviewer(by, submission)
    if not note.strip():
        raise ValidationError(_("Say what the translator should change."))
    submission.status = SubmissionStatus.RETURNED
    submission.reviewed_by, submission.reviewed_at = by, now
    submission.review_note = note.strip()
    submission.save()


def pending_submissions(*, language):
    return (
        Submission.objects.filter(language=language, status=SubmissionStatus.PENDING)
        .select_related("page", "uploaded_by", "organisation")
        .order_by("uploaded_at")
    )


@dataclass
class PageRow:
    page: object
    total: int = 0
    done: int = 0
    prepared: bool = False
    translated_page: object = None
    stale: bool = False
    pending: bool = False

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class ModuleRow:
    module: object
    pages: list = field(default_factory=list)

    @property
    def percent(self):
        total = sum(row.total for row in self.pages)
        return round(100 * sum(row.done for row in self.pages) / total) if total else 0

    @property
    def stale(self):
        return any(row.stale for row in self.pages)

    @property
    def pending(self):
        return sum(1 for row in self.pages if row.pending)


def dashboard(*, language):
    """Every English module with its lessons: share translated, stale, waiting for review.
    A fixed number of queries whatever the number of pages."""
    modules = list(
        courses_api.ModulePage.objects.live().filter(locale__language_code="en").order_by("path")
    )
    lessons = list(
        courses_api.LessonPage.objects.live().filter(locale__language_code="en").order_by("path")
    )
    pages = modules + lessons
    keys = [page.translation_key for page in pages]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code="en"
        )
    }
    totals = dict(
        StringSegment.objects.filter(source__in=sources.values())
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale__language_code=language,
        has_error=False,
    )
    done = dict(
        StringSegment.objects.filter(source__in=sources.values())
        .filter(Exists(translated))
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    targets = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale__language_code=language)
    }
    pending = set(
        Submission.objects.filter(
            language=language, status=SubmissionStatus.PENDING, page__in=[p.id for p in pages]
        ).values_list("page_id", flat=True)
    )
    # a module's row, found by its own path or, for a lesson, by its parent's
    rows = {module.path: ModuleRow(module) for module in modules}
    for page in pages:
        source = sources.get(page.translation_key)
        target = targets.get(page.translation_key)
        row = PageRow(
            page=page,
            prepared=source is not None,
            total=totals.get(source.id, 0) if source else 0,
            done=done.get(source.id, 0) if source else 0,
            translated_page=target,
            pending=page.id in pending,
        )
        if target is not None and page.last_published_at and target.last_published_at:
            row.stale = page.last_published_at > target.last_published_at
        module_row = rows.get(page.path) or rows.get(page.path[: -Page.steplen])
        if module_row is not None:
            module_row.pages.append(row)
    return list(rows.values())


def credits_for(page):
    """'Translated by' lines for a page in its own language; read once until pages change
    (publishing a translation, which adds a credit, is a page change)."""

    def build():
        credits = Credit.objects.filter(
            translation_key=page.translation_key, language=page.locale.language_code
        ).select_related("organisation")
        return [(credit.translator_name, credit.organisation.name) for credit in credits]

    return content_api.cached_until_pages_change(
        f"credits:{page.translation_key}:{page.locale_id}", build
    )
