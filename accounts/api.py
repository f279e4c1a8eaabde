"""Creating, updating and deleting accounts, and the consent young learners need.

Views, admin hooks, the demo loader and the apps above call these; nothing else writes users."""

import logging
import secrets
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_DIGITAL_CONSENT_AGE,
    DIGITAL_CONSENT_AGE,
    MINIMUM_AGE,
    OTHER_COUNTRY,
    PRIVACY_NOTICE_VERSION,
    AgeBand,
    GuardianConsent,
    LevelCode,
)

__all__ = [
    "GUARDIAN_LINK_MAX_AGE",
    "age_band_for",
    "age_on",
    "can_record_progress",
    "confirm_guardian_consent",
    "consent_age",
    "delete_account",
    "email_in_use",
    "ensure_user",
    "guardian_link_token",
    "needs_guardian_consent",
    "read_guardian_link",
    "register_learner",
    "registration_errors",
    "resend_guardian_request",
    "update_profile",
]

logger = logging.getLogger(__name__)

GUARDIAN_LINK_MAX_AGE = timedelta(days=14)
_COUNTRIES = set(DIGITAL_CONSENT_AGE) | {OTHER_COUNTRY}
_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def ensure_user(*, username, email, password, display_name="", is_superuser=False, groups=()):
    """Create the account or bring it back to the given state; returns (user, created)."""
    User = get_user_model()
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "display_name": display_name}
        )
        user.email = email
        user.display_name = display_name
        user.is_superuser = is_superuser
        user.is_staff = is_superuser or bool(groups)
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=name) for name in groups])
    return user, created


def consent_age(country):
    """The age from which a learner in `country` may agree alone (GDPR art. 8)."""
    return DIGITAL_CONSENT_AGE.get(country, DEFAULT_DIGITAL_CONSENT_AGE)


def age_on(date_of_birth, day):
    """Completed years on `day`; someone born on 29 February has a birthday on 1 March."""
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


def needs_guardian_consent(*, date_of_birth, country, day):
    return age_on(date_of_birth, day) < consent_age(country)


def age_band_for(age):
    """The reporting age band; only bands, never ages, leave the accounts app."""
    for limit, band in [
        (18, AgeBand.UNDER_18),
        (25, AgeBand.YOUNG_ADULT),
        (35, AgeBand.ADULT),
        (50, AgeBand.MIDDLE),
        (65, AgeBand.LATER),
    ]:
        if age < limit:
            return band
    return AgeBand.SENIOR


def can_record_progress(user):
    """Progress is stored only for signed-in learners whose guardian, if needed, has agreed."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.guardian_consent != GuardianConsent.PENDING
    )


def email_in_use(email):
    """Whether an account has this address, whatever its case (log-in is case-insensitive)."""
    email = email.strip()
    return bool(email) and get_user_model().objects.filter(email__iexact=email).exists()


def registration_errors(
    *,
    email,
    password,
    display_name,
    date_of_birth,
    country,
    language,
    privacy_version,
    guardian_email="",
    now,
):
    """The sign-up rules as {argument name: [messages]}: the form shows them, and
    register_learner enforces them, so no caller can create an account the rules forbid."""
    User = get_user_model()
    errors = {}
    if date_of_birth is None:
        errors["date_of_birth"] = [_("Enter your date of birth.")]
    else:
        age = age_on(date_of_birth, timezone.localdate(now))
        if age < MINIMUM_AGE:
            errors["date_of_birth"] = [_too_young_message()]
        elif age < consent_age(country) and not guardian_email:
            errors["guardian_email"] = [_guardian_needed_message(country)]
        elif age < consent_age(country) and guardian_email.casefold() == email.casefold():
            errors["guardian_email"] = [
                _("This is your own address. Give the e-mail address of your parent or guardian.")
            ]
    if country not in _COUNTRIES:
        errors["country"] = [_("Choose a country from the list.")]
    if language not in _LANGUAGES:
        errors["language"] = [_("Choose a language from the list.")]
    if privacy_version != PRIVACY_NOTICE_VERSION:
        errors["privacy_version"] = [_("Please read and accept the privacy notice.")]
    if email_in_use(email):
        errors["email"] = [_email_taken_message()]
    try:
        password_validation.validate_password(
            password, User(email=email, display_name=display_name)
        )
    except ValidationError as error:
        errors["password"] = error.messages
    return errors


def register_learner(
    *,
    email,
    password,
    display_name,
    date_of_birth,
    country,
    language,
    privacy_version,
    guardian_email="",
    now,
):
    """Create a learner's account; a young learner's waits for a guardian, who gets an e-mail.

    Raises ValidationError keyed by argument name when a rule of registration_errors fails."""
    User = get_user_model()
    email = User.objects.normalize_email(email)
    guardian_email = User.objects.normalize_email(guardian_email)
    errors = registration_errors(
        email=email,
        password=password,
        display_name=display_name,
        date_of_birth=date_of_birth,
        country=country,
        language=language,
        privacy_version=privacy_version,
        guardian_email=guardian_email,
        now=now,
    )
    if errors:
        raise ValidationError(errors)
    age = age_on(date_of_birth, timezone.localdate(now))
    needs_guardian = age < consent_age(country)
    user = User(
        username=f"learner-{secrets.token_hex(8)}",
        email=email,
        display_name=display_name.strip(),
        date_of_birth=date_of_birth,
        country=country,
        preferred_language=language,
        age_band=age_band_for(age),
        privacy_notice_version=privacy_version,
        privacy_accepted_at=now,
        guardian_email=guardian_email if needs_guardian else "",
        guardian_consent=GuardianConsent.PENDING if needs_guardian else GuardianConsent.NOT_NEEDED,
        date_joined=now,
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            if needs_guardian:
                transaction.on_commit(lambda: _send_guardian_request(user, now))
    except IntegrityError as error:
        # the same address signed up a moment ago, between our check and the insert
        raise ValidationError({"email": _email_taken_message()}) from error
    return user


def _too_young_message():
    return _(
        "Pontes is made for people aged %(age)s and older, so you cannot create an account "
        "yet. You are welcome to read all the modules without an account, and a teacher or "
        "career counsellor can help you with your questions."
    ) % {"age": MINIMUM_AGE}


def _guardian_needed_message(country):
    return _(
        "Because you are younger than %(age)s, a parent or guardian must agree before we "
        "save your progress. Please give their e-mail address."
    ) % {"age": consent_age(country)}


def _email_taken_message():
    return _(
        "An account with this e-mail address already exists. You can sign in, or reset "
        "your password if you have forgotten it."
    )


def _guardian_salt(user_id, guardian_email):
    # the address is in the salt, not the token: no e-mail address appears in the URL, and a
    # link stops working once the learner's guardian address changes
    return f"accounts.guardian-consent:{user_id}:{guardian_email.casefold()}"


def guardian_link_token(user, now):
    """`<user id>.<signed issue time>`, signed for this learner and guardian address."""
    signed = signing.dumps(
        {"issued": int(now.timestamp())}, salt=_guardian_salt(user.id, user.guardian_email)
    )
    return f"{user.id}.{signed}"


def read_guardian_link(token, *, now):
    """The learner a guardian's link is for.

    Raises signing.SignatureExpired after GUARDIAN_LINK_MAX_AGE, and signing.BadSignature for a
    changed token or one whose learner or guardian address no longer matches."""
    user_id, _dot, signed = token.partition(".")
    user = get_user_model().objects.filter(id=user_id).first() if user_id.isdigit() else None
    if user is None or not user.guardian_email:
        raise signing.BadSignature("no learner waits for this link")
    payload = signing.loads(signed, salt=_guardian_salt(user.id, user.guardian_email))
    try:
        issued = int(payload["issued"])
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("malformed guardian link") from error
    if now.timestamp() - issued > GUARDIAN_LINK_MAX_AGE.total_seconds():
        raise signing.SignatureExpired("guardian link expired")
    return user


def _send_guardian_request(user, now):
    """E-mail the guardian, in the learner's language, a link that is valid for 14 days.

    A mail server failure must not lose the account: it is logged, and the learner can send
    the request again from their account page."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = reverse(
            "accounts:guardian_confirm", kwargs={"token": guardian_link_token(user, now)}
        )
        context = {
            "learner": user,
            "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "days": GUARDIAN_LINK_MAX_AGE.days,
        }
        subject = render_to_string("accounts/email/guardian_consent_subject.txt", context)
        body = render_to_string("accounts/email/guardian_consent_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [user.guardian_email])
    except Exception:
        logger.exception("Could not send the guardian consent request for user %s", user.id)


def resend_guardian_request(*, user, now):
    """Send the guardian a fresh link, for example after the first one expired."""
    if user.guardian_consent != GuardianConsent.PENDING:
        raise PermissionDenied("no consent is waiting")
    transaction.on_commit(lambda: _send_guardian_request(user, now))


def confirm_guardian_consent(*, user_id, now):
    """Record the guardian's agreement; safe to repeat. Callers first check the signed link
    with read_guardian_link, which is what entitles anyone to call this."""
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.select_for_update().get(id=user_id)
        if user.guardian_consent == GuardianConsent.PENDING:
            user.guardian_consent = GuardianConsent.GIVEN
            user.guardian_consent_at = now
            user.save(update_fields=["guardian_consent", "guardian_consent_at"])
    return user


def update_profile(
    *, user, display_name, preferred_language, country, age_band, learner_level, now
):
    """Change what a learner may change about themselves.

    A move to a country with a higher age of digital consent is refused while a guardian's
    agreement would be needed but was never asked for."""
    if not user.is_active:
        raise PermissionDenied("inactive account")
    errors = {}
    if preferred_language not in _LANGUAGES | {""}:
        errors["preferred_language"] = _("Choose a language from the list.")
    if country not in _COUNTRIES | {""}:
        errors["country"] = _("Choose a country from the list.")
    elif (
        user.date_of_birth
        and user.guardian_consent == GuardianConsent.NOT_NEEDED
        and needs_guardian_consent(
            date_of_birth=user.date_of_birth, country=country, day=timezone.localdate(now)
        )
    ):
        errors["country"] = _(
            "In this country a parent or guardian must agree for someone of your age. Please "
            "ask the organisation that runs this site to help you change your country."
        )
    if age_band not in AgeBand.values + [""]:
        errors["age_band"] = _("Choose an age group from the list.")
    if learner_level not in LevelCode.values + [""]:
        errors["learner_level"] = _("Choose a level from the list.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user.display_name = display_name.strip()
        user.preferred_language = preferred_language
        user.country = country
        user.age_band = age_band
        user.learner_level = learner_level
        user.save(
            update_fields=[
                "display_name",
                "preferred_language",
                "country",
                "age_band",
                "learner_level",
            ]
        )
    return user


def delete_account(*, user, now):
    """Delete a learner and everything stored about them, sign-in records included.

    Staff accounts carry editorial history and roles: an administrator removes those."""
    if not user.is_authenticated or user.is_staff or user.is_superuser:
        raise PermissionDenied("staff accounts are removed by an administrator")
    user_id = user.id
    names = Q(username=user.username)
    if user.email:
        names |= Q(username__iexact=user.email)
    with transaction.atomic():
        user.delete()
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(names).delete()
    logger.info("Account %s deleted at %s", user_id, now.isoformat())
