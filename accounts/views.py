from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse, reverse_lazy, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from wagtail.models import Site

from . import api
from .constants import PRIVACY_NOTICE_VERSION, GuardianConsent
from .forms import DeleteAccountForm, LoginForm, PasswordResetForm, ProfileForm, SignupForm

BACKEND = "accounts.backends.EmailBackend"


def in_language(request, url, language):
    """The same place in `language`: our views by URL name, Wagtail pages through their
    translation. Anything else, or a page not translated yet, keeps its URL."""
    parts = urlsplit(url)
    if parts.netloc or not language:
        return url
    with translation.override(translation.get_language_from_path(parts.path)):
        try:
            match = resolve(unquote(parts.path))
        except Resolver404:
            return url
        if match.url_name != "wagtail_serve":
            return translate_url(url, language)
        site = Site.find_for_request(request)
        try:
            page = site.root_page.localized.specific.route(
                request, [part for part in match.args[0].split("/") if part]
            ).page
        except (AttributeError, Http404):
            return url
    target = page.get_translations().live().filter(locale__language_code=language).first()
    if target is None:
        return url
    return urlunsplit(("", "", target.get_url(request), parts.query, parts.fragment))


def remember_language(response, language):
    """The cookie Django's own set_language view sets, so "/" opens in this language too."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


def _posted(request):
    return request.POST if request.method == "POST" else None


def _redirect_in(language, name):
    with translation.override(language or translation.get_language()):
        return redirect(reverse(name))


@never_cache
@sensitive_post_parameters("password1", "password2")
def signup(request):
    """A new address and one that has an account get the same answer: only the owner of the
    address learns, by e-mail, which it was."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    now = timezone.now()
    form = SignupForm(_posted(request), now=now)
    if request.method == "POST" and form.is_valid():
        try:
            api.register_learner(**form.api_arguments(), now=now)
        except ValidationError as error:
            form.add_api_errors(error.message_dict)
        else:
            return _redirect_in(form.cleaned_data["language"], "accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "accounts/signup_done.html", {"days": api.EMAIL_LINK_MAX_AGE.days})


@never_cache
def confirm_email(request, token):
    """The page the link in the confirmation e-mail opens; confirming is a POST, which also
    signs the learner in. Once the address is confirmed the link signs no one in: the password
    does."""
    now = timezone.now()
    try:
        user = api.read_email_confirmation_link(token, now=now)
    except signing.SignatureExpired:
        return render(
            request,
            "accounts/email_link_invalid.html",
            {"expired": True, "days": api.EMAIL_LINK_MAX_AGE.days},
            status=410,
        )
    except signing.BadSignature:
        return render(request, "accounts/email_link_invalid.html", status=404)
    if user.email_confirmed_at is None and request.method == "POST":
        user = api.confirm_email(user_id=user.id, now=now)
        login(request, user, backend=BACKEND)
        response = _redirect_in(user.preferred_language, "accounts:welcome")
        return remember_language(response, user.preferred_language)
    return render(
        request,
        "accounts/confirm_email.html",
        {"address": user.email, "confirmed": user.email_confirmed_at is not None},
    )


@login_required
def welcome(request):
    return render(request, "accounts/welcome.html", {"pending": _is_pending(request.user)})


def _is_pending(user):
    return user.guardian_consent == GuardianConsent.PENDING


class LoginView(auth_views.LoginView):
    """Django's log-in view by e-mail; the learner lands in the language they chose."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        return in_language(self.request, url, self.request.user.preferred_language)

    def form_valid(self, form):
        response = super().form_valid(form)
        return remember_language(response, self.request.user.preferred_language)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        """Opening the reset link proves the address, so it confirms an unconfirmed one."""
        response = super().form_valid(form)
        api.confirm_email(user_id=self.user.id, now=timezone.now())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@login_required
def profile(request):
    user = request.user
    form = ProfileForm.for_user(user, _posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            api.update_profile(user=user, **form.cleaned_data, now=timezone.now())
        except ValidationError as error:
            form.add_api_errors(error.message_dict)
        else:
            with translation.override(user.preferred_language):
                messages.success(request, _("Your changes are saved."))
            response = _redirect_in(user.preferred_language, "accounts:profile")
            return remember_language(response, user.preferred_language)
    return render(request, "accounts/profile.html", {"form": form, "pending": _is_pending(user)})


@require_POST
@login_required
def resend_guardian_request(request):
    address = request.user.guardian_email
    try:
        api.resend_guardian_request(user=request.user, now=timezone.now())
    except PermissionDenied:
        return redirect("accounts:profile")
    except api.TooManyEmails:
        messages.error(
            request,
            _(
                "We have sent several e-mails to %(address)s recently, so we are not sending "
                "another one now. Please try again later."
            )
            % {"address": address},
        )
        return redirect("accounts:profile")
    messages.success(
        request,
        _("We sent the e-mail to %(address)s again.") % {"address": address},
    )
    return redirect("accounts:profile")


@login_required
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            api.delete_account(user=user, now=timezone.now())
        except PermissionDenied:
            form.add_error(
                None,
                _("Staff accounts are removed by a platform administrator. Please ask one."),
            )
        else:
            logout(request)
            return redirect("accounts:deleted")
    return render(request, "accounts/delete.html", {"form": form})


def deleted(request):
    return render(request, "accounts/deleted.html")


def privacy(request):
    return render(
        request,
        "accounts/privacy.html",
        {
            "version": PRIVACY_NOTICE_VERSION,
            "unconfirmed_days": api.UNCONFIRMED_ACCOUNT_MAX_AGE.days,
        },
    )


def guardian_confirm(request, token):
    """What a parent or guardian agrees to, from the link in their e-mail; agreeing is a POST.

    The link itself is the permission: signed, naming the learner and the guardian address,
    valid for 14 days."""
    now = timezone.now()
    try:
        learner = api.read_guardian_link(token, now=now)
    except signing.SignatureExpired:
        return render(request, "accounts/guardian_link_invalid.html", {"expired": True}, status=410)
    except signing.BadSignature:
        return render(request, "accounts/guardian_link_invalid.html", status=404)
    if request.method == "POST":
        api.confirm_guardian_consent(user_id=learner.id, now=now)
        return redirect(request.path)
    return render(
        request,
        "accounts/guardian_confirm.html",
        {"learner": learner, "confirmed": not _is_pending(learner)},
    )
