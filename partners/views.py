"""The partner translators' pages. Everything is scoped to the languages of the member's
organisations; any other language, page or upload answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import api
from .constants import MAX_PO_BYTES
from .forms import ReturnForm, UploadForm
from .models import Submission


def _language(user, language):
    languages = dict(api.languages_for(user))
    if language not in languages:
        raise Http404
    return language, languages[language]


def _page(page_id):
    page = api.translatable_page(page_id)
    if page is None:
        raise Http404
    return page


@login_required
@require_GET
def home(request):
    languages = api.languages_for(request.user)
    if not languages:
        raise Http404
    if len(languages) == 1:
        return redirect("partners:dashboard", language=languages[0][0])
    return render(request, "partners/home.html", {"languages": languages})


@login_required
@require_GET
def dashboard(request, language):
    code, name = _language(request.user, language)
    return render(
        request,
        "partners/dashboard.html",
        {
            "language": code,
            "language_name": name,
            "modules": api.dashboard(language=code),
            "pending": api.pending_submissions(language=code),
            "returned": api.returned_submissions(by=request.user, language=code),
            "reviewer": api.can_review(request.user, code),
        },
    )


@login_required
@require_GET
def download(request, language, page_id):
    code, _name = _language(request.user, language)
    filename, data = api.download_po(by=request.user, page=_page(page_id), language=code)
    response = HttpResponse(data, content_type="text/x-gettext-translation; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, language, page_id):
    code, name = _language(request.user, language)
    page = _page(page_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = fuzzy = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["po_file"]
        data = upload.read(MAX_PO_BYTES + 1)
        result, submission = api.upload_po(
            by=request.user, page=page, language=code, data=data, now=timezone.now()
        )
        if submission is not None:
            messages.success(request, _("Thank you. Your translation now waits for a reviewer."))
            return redirect("partners:dashboard", language=code)
        problems, fuzzy = result.errors, result.fuzzy_lines
    return render(
        request,
        "partners/upload.html",
        {
            "form": form,
            "page": page,
            "language": code,
            "language_name": name,
            "problems": problems,
            "fuzzy": fuzzy,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, language, uuid):
    code, name = _language(request.user, language)
    submission = get_object_or_404(
        Submission.objects.select_related("page", "uploaded_by", "organisation"),
        uuid=uuid,
        language=code,
    )
    if not api.can_review(request.user, code):
        raise Http404
    form = ReturnForm(request.POST if "return" in request.POST else None)
    if request.method == "POST":
        now = timezone.now()
        try:
            if "publish" in request.POST:
                api.publish(by=request.user, submission=submission, now=now)
                messages.success(request, _("Published. The translated page is live."))
                return redirect("partners:dashboard", language=code)
            if form.is_valid():
                api.return_submission(
                    by=request.user, submission=submission, note=form.cleaned_data["note"], now=now
                )
                messages.success(request, _("Returned to the translator with your note."))
                return redirect("partners:dashboard", language=code)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            raise Http404 from error
    return render(
        request,
        "partners/review.html",
        {
            "submission": submission,
            "entries": api.review_entries(submission),
            "language": code,
            "language_name": name,
            "form": form,
        },
    )
