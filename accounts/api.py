"""Creating, updating and deleting accounts, confirming their addresses, and the consent young
learners need.

Views, admin hooks, the demo loader and the apps above call these; nothing else writes users."""

import logging
import secrets
import unicodedata
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from . import mailbudget
from .cleanup import UNCONFIRMED_ACCOUNT_MAX_AGE, unconfirmed_accounts
from .constants import (
    COUNTRY_NAMES,
    DEFAULT_DIGITAL_CONSENT_AGE,
    DIGITAL_CONSENT_AGE,
    MINIMUM_AGE,
    OTHER_COUNTRY,
    PRIVACY_NOTICE_VERSION,
    AgeBand,
    GuardianConsent,
    LevelCode,
    Role,
)
from .roles import (  # noqa: F401 - organisations and roles are part of the public face
    ensure_organisation,
    grant_role,
    has_role,
    is_counsellor,
    managed_organisations,
    organisation_by_slug,
    organisation_members,
    organisations_where,
    users_with_role,
    withdraw_role,
)

__all__ = [
    "Role",
    "EMAIL_LINK_MAX_AGE",
    "UNCONFIRMED_ACCOUNT_MAX_AGE",
    "GUARDIAN_LINK_MAX_AGE",
    "age_band_for",
    "age_on",
    "can_record_progress",
    "can_sign_in",
    "confirm_email",
    "confirm_guardian_consent",
    "consent_age",
    "delete_account",
    "delete_unconfirmed_accounts",
    "email_confirmation_token",
    "email_in_use",
    "ensure_organisation",
    "grant_role",
    "has_role",
    "is_counsellor",
    "managed_organisations",
    "organisation_by_slug",
    "organisation_members",
    "organisations_where",
    "COUNTRY_NAMES",
    "country_names",
    "withdraw_role",
    "ensure_user",
    "guardian_link_token",
    "needs_guardian_consent",
    "read_email_confirmation_link",
    "read_guardian_link",
    "register_learner",
    "registration_errors",
    "resend_guardian_request",
    "TooManyEmails",
    "update_profile",
    "users_with_role",
    "unconfirmed_accounts",
]

logger = logging.getLogger(__name__)

GUARDIAN_LINK_MAX_AGE = timedelta(days=14)
EMAIL_LINK_MAX_AGE = timedelta(days=3)
_COUNTRIES = set(DIGITAL_CONSENT_AGE) | {OTHER_COUNTRY}
_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def ensure_user(
    *,
    username,
    email,
    password,
    display_name="",
    is_superuser=False,
    groups=(),
    preferred_language="",
    now=None,
):
    """Create the account or bring it back to the given state; returns (user, created).

    Whoever runs this (the demo loader, a benchmark) vouches for the address: it is confirmed."""
    now = now or timezone.now()
    User = get_user_model()
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "display_name": display_name}
        )
        if user.email_confirmed_at is None or user.email != email:
            user.email_confirmed_at = now
        user.email = email
        user.display_name = display_name
        user.preferred_language = preferred_language
        user.is_superuser = is_superuser
        user.is_staff = is_superuser or bool(groups)
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=name) for name in groups])
    return user, created


def _sort_key(name):
    """Alphabetical in any of our languages, near enough: accents do not move a name."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def country_names():
    """(code, name) of the countries we know, in the reader's alphabet (for forms and filters)."""
    return sorted(COUNTRY_NAMES.items(), key=lambda item: _sort_key(item[1]))


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


def can_sign_in(user):
    """Learners sign in once they have shown the address is theirs; staff accounts are made by
    administrators, who vouch for them."""
    return bool(user.is_staff or user.is_superuser or user.email_confirmed_at)


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
    """Create a learner's account, which signs in once its owner opens the link we e-mail them;
    a young learner's also waits for a guardian, who gets an e-mail too.

    When the address already has an account, nothing is created: its owner gets an e-mail saying
    someone tried, and None is returned. Callers answer both cases alike, so sign-up never tells
    whether an address has an account. Raises ValidationError keyed by argument name when a
    rule of registration_errors fails."""
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
    existing = _account_for(email)
    if existing is not None:
        User().set_password(password)  # costs what a new account costs, so timing tells nothing
        transaction.on_commit(lambda: _send_signup_attempt(existing))
        return None
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
            transaction.on_commit(lambda: _send_email_confirmation(user, now))
            if needs_guardian:
                transaction.on_commit(lambda: _send_guardian_request(user, now))
    except IntegrityError:
        # the same address signed up a moment ago, between our check and the insert
        existing = _account_for(email)
        if existing is None:
            raise
        transaction.on_commit(lambda: _send_signup_attempt(existing))
        return None
    return user


def _account_for(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


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


def _link_token(user, salt, now):
    """`<user id>.<signed issue time>`: the salt, not the token, carries what the link is for,
    so no e-mail address appears in the URL."""
    return f"{user.id}.{signing.dumps({'issued': int(now.timestamp())}, salt=salt)}"


def _read_link(token, *, salt_for, max_age, now):
    """The user a _link_token names; `salt_for(user)` is None when no link can be for them."""
    user_id, _dot, signed = token.partition(".")
    user = None
    if user_id.isascii() and user_id.isdigit():
        user = get_user_model().objects.filter(id=user_id).first()
    salt = salt_for(user) if user is not None else None
    if salt is None:
        raise signing.BadSignature("no account waits for this link")
    payload = signing.loads(signed, salt=salt)
    try:
        issued = int(payload["issued"])
    except (KeyError, TypeError, ValueError) as error:
        raise signing.BadSignature("malformed link") from error
    if now.timestamp() - issued > max_age.total_seconds():
        raise signing.SignatureExpired("link expired")
    return user


def _guardian_salt(user):
    # a link stops working once the learner's guardian address changes
    if not user.guardian_email:
        return None
    return f"accounts.guardian-consent:{user.id}:{user.guardian_email.casefold()}"


def guardian_link_token(user, now):
    """`<user id>.<signed issue time>`, signed for this learner and guardian address."""
    return _link_token(user, _guardian_salt(user), now)


def read_guardian_link(token, *, now):
    """The learner a guardian's link is for.

    Raises signing.SignatureExpired after GUARDIAN_LINK_MAX_AGE, and signing.BadSignature for a
    changed token or one whose learner or guardian address no longer matches."""
    return _read_link(token, salt_for=_guardian_salt, max_age=GUARDIAN_LINK_MAX_AGE, now=now)


def _email_salt(user):
    # a link confirms only the address it was sent to, and never a disabled account
    if not (user.is_active and user.email):
        return None
    return f"accounts.email-confirmation:{user.id}:{user.email.casefold()}"


def email_confirmation_token(user, now):
    """`<user id>.<signed issue time>`, signed for this account and its address."""
    return _link_token(user, _email_salt(user), now)


def read_email_confirmation_link(token, *, now):
    """The account a confirmation link is for, confirmed or not.

    Raises signing.SignatureExpired after EMAIL_LINK_MAX_AGE, and signing.BadSignature for a
    changed token or one whose account or address no longer matches."""
    return _read_link(token, salt_for=_email_salt, max_age=EMAIL_LINK_MAX_AGE, now=now)


def confirm_email(*, user_id, now):
    """Record that the owner showed the address is theirs; safe to repeat. Callers first check a
    confirmation link (read_email_confirmation_link) or a password-reset token: that is what
    entitles anyone to call this."""
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.select_for_update().get(id=user_id)
        if user.email_confirmed_at is None:
            user.email_confirmed_at = now
            user.save(update_fields=["email_confirmed_at"])
    return user


def _send(user, template, to, *, links, **context):
    """Render accounts/email/<template>_subject.txt and _body.txt in the learner's language and
    send them; `links` are {name: (URL name, kwargs)}, made absolute in that language too.

    A mail server failure must not lose the account, nor tell the visitor anything: it is
    logged. So is an e-mail not sent because the address had its share (mailbudget)."""
    if not mailbudget.spend(to):
        logger.warning(
            "Not sending the %s e-mail for user %s: address over its limit", template, user.id
        )
        return
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for name, (url_name, kwargs) in links.items():
            context[name] = base + reverse(url_name, kwargs=kwargs)
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
        body = render_to_string(f"accounts/email/{template}_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [to])
    except Exception:
        logger.exception("Could not send the %s e-mail for user %s", template, user.id)


def _send_guardian_request(user, now):
    """E-mail the guardian a link that is valid for 14 days; the learner can send it again
    from their account page."""
    token = guardian_link_token(user, now)
    _send(
        user,
        "guardian_consent",
        user.guardian_email,
        links={"link": ("accounts:guardian_confirm", {"token": token})},
        learner=user,
        days=GUARDIAN_LINK_MAX_AGE.days,
    )


def _send_email_confirmation(user, now):
    """E-mail the new learner the link that confirms their address and signs them in."""
    token = email_confirmation_token(user, now)
    _send(
        user,
        "email_confirmation",
        user.email,
        links={"link": ("accounts:confirm_email", {"token": token})},
        learner=user,
        days=EMAIL_LINK_MAX_AGE.days,
    )


def _send_signup_attempt(user):
    """Tell an account's owner that someone tried to sign up with their address.

    An account still waiting for its address gets a link to choose a new password rather than
    a fresh confirmation link: the owner then holds the only password, whoever made it."""
    confirmed = can_sign_in(user)
    if confirmed:
        reset = ("accounts:password_reset", {})
    else:
        reset = (
            "accounts:password_reset_confirm",
            {
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    _send(
        user,
        "signup_attempt",
        user.email,
        links={"login_link": ("accounts:login", {}), "reset_link": reset},
        learner=user,
        confirmed=confirmed,
        days=settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
    )


class TooManyEmails(Exception):
    """The address has had its share of e-mails for now (mailbudget): nothing was sent."""


def resend_guardian_request(*, user, now):
    """Send the guardian a fresh link, for example after the first one expired. Raises
    TooManyEmails when the guardian's address has had its share of e-mails for now."""
    if user.guardian_consent != GuardianConsent.PENDING:
        raise PermissionDenied("no consent is waiting")
    if not mailbudget.has_room(user.guardian_email):
        raise TooManyEmails
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


def delete_unconfirmed_accounts(*, now):
    """Delete every sign-up whose address was not confirmed within UNCONFIRMED_ACCOUNT_MAX_AGE,
    as its owner deleting it would; returns how many went. Each is read again and locked in its
    own transaction, so one confirmed meanwhile stays."""
    deleted = 0
    for user_id in list(unconfirmed_accounts(now=now).values_list("id", flat=True)):
        with transaction.atomic():
            user = unconfirmed_accounts(now=now).select_for_update().filter(id=user_id).first()
            if user is not None:
                delete_account(user=user, now=now)
                deleted += 1
    if deleted:
        logger.info("Deleted %s accounts whose address was never confirmed", deleted)
    return deleted
