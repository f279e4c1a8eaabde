"""Forms for learners' accounts. They check what was typed; the rules live in api.py."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import api, mailbudget
from .constants import (
    OTHER_COUNTRY,
    OTHER_COUNTRY_NAME,
    PRIVACY_NOTICE_VERSION,
    AgeBand,
    LevelCode,
)

logger = logging.getLogger(__name__)


def country_choices(blank_label):
    """Countries whose age of digital consent we know, in the reader's alphabet, then "other"."""
    return [("", blank_label), *api.country_names(), (OTHER_COUNTRY, OTHER_COUNTRY_NAME)]


def _signup_countries():
    return country_choices(_("Choose your country"))


def _profile_countries():
    return country_choices(_("Not given"))


class ApiErrorsMixin:
    """Shows the api's ValidationError messages on the fields they concern."""

    api_field_names = {}

    def add_api_errors(self, errors):
        for name, messages in errors.items():
            field = self.api_field_names.get(name, name)
            if field not in self.fields:
                field = None
            elif field in self.errors:
                continue
            self.add_error(field, messages)


class SignupForm(ApiErrorsMixin, forms.Form):
    api_field_names = {"password": "password1", "privacy_version": "accept_privacy"}

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("You sign in with it. We also use it if you forget your password."),
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    display_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=80,
        required=False,
        help_text=_("We print it on your certificates. You can change it later."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        help_text=_("Type the same password again, to be sure it is right."),
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        help_text=_(
            "Only to know whether a parent or guardian must agree, and to count learners by "
            "age group. No one else sees it."
        ),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
    )
    country = forms.ChoiceField(
        label=_("Country where you live"),
        choices=_signup_countries,
        help_text=_("The age from which you can agree alone differs between countries."),
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"autocomplete": "language"}),
    )
    guardian_email = forms.EmailField(
        label=_("E-mail address of a parent or guardian"),
        required=False,
        max_length=254,
        help_text=_(
            "Only if you are younger than the age of digital consent in your country (13 to "
            "16, depending on the country). We will e-mail them to ask for their agreement."
        ),
        widget=forms.EmailInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and I agree to it."),
        error_messages={"required": _("Please read and accept the privacy notice.")},
    )

    def __init__(self, *args, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        self.fields["language"].initial = translation.get_language()
        self.fields["date_of_birth"].widget.attrs["max"] = timezone.localdate(now).isoformat()

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate(self.now)
        if born > today:
            raise forms.ValidationError(_("Your date of birth cannot be in the future."))
        if today.year - born.year > 120:
            raise forms.ValidationError(_("Please check the year of your date of birth."))
        return born

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") != data["password1"]:
            self.add_error("password2", _("The two passwords are not the same."))
        self.add_api_errors(api.registration_errors(**self.api_arguments(), now=self.now))
        return data

    def full_clean(self):
        super().full_clean()
        # a kept password saves typing; a wrong one is typed again, so it is not sent back
        if self.has_error("password1") or self.has_error("password2"):
            for name in ("password1", "password2"):
                self.fields[name].widget.render_value = False

    def api_arguments(self):
        data = self.cleaned_data
        return {
            "email": data.get("email", ""),
            "password": data.get("password1", ""),
            "display_name": data.get("display_name", ""),
            "date_of_birth": data.get("date_of_birth"),
            "country": data.get("country", ""),
            "language": data.get("language", ""),
            "privacy_version": PRIVACY_NOTICE_VERSION if data.get("accept_privacy") else "",
            "guardian_email": data.get("guardian_email", ""),
        }


class LoginForm(auth_forms.AuthenticationForm):
    """Django's log-in form, by e-mail address, with one message for every failure."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    error_messages = {
        "invalid_login": _(
            "The e-mail address or the password is not right. Please check both and try again."
        ),
        "inactive": _(
            "The e-mail address or the password is not right. Please check both and try again."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].max_length = 254
        self.fields["username"].widget.attrs["maxlength"] = 254

    def confirm_login_allowed(self, user):
        """Whichever backend matched, an unconfirmed address fails like a wrong password."""
        super().confirm_login_allowed(user)
        if not api.can_sign_in(user):
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")

    def full_clean(self):
        super().full_clean()
        if self.non_field_errors():
            for name in ("username", "password"):
                self.fields[name].widget.attrs["aria-describedby"] = "form-errors"
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form; the e-mail goes out in the language the learner chose."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def send_mail(
        self, subject_template, body_template, context, from_email, to_email, *args, **kwargs
    ):
        """The reset page says the same whether or not this sends: an address that had its share
        of e-mails (mailbudget) gets none, and the refusal is logged."""
        if not mailbudget.spend(to_email):
            logger.warning(
                "Not sending a password reset to user %s: over its limit", context["user"].id
            )
            return
        language = context["user"].preferred_language or translation.get_language()
        with translation.override(language):
            super().send_mail(
                subject_template, body_template, context, from_email, to_email, *args, **kwargs
            )


class ProfileForm(ApiErrorsMixin, forms.Form):
    display_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=80,
        required=False,
        help_text=_("We print it on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"autocomplete": "language"}),
    )
    country = forms.ChoiceField(
        label=_("Country where you live"),
        choices=_profile_countries,
        required=False,
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    age_band = forms.ChoiceField(
        label=_("Age group"),
        choices=[("", _("Prefer not to say")), *AgeBand.choices],
        required=False,
    )
    learner_level = forms.ChoiceField(
        label=_("Your level"),
        choices=[("", _("Not sure yet")), *LevelCode.choices],
        required=False,
        help_text=_("We suggest modules at this level. You can read modules at any level."),
    )

    @classmethod
    def for_user(cls, user, data=None):
        initial = {
            "display_name": user.display_name,
            "preferred_language": user.preferred_language or translation.get_language(),
            "country": user.country,
            "age_band": user.age_band,
            "learner_level": user.learner_level,
        }
        return cls(data, initial=initial)


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my account and everything in it. I understand this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
