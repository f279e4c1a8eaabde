import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .constants import AgeBand, GuardianConsent, LevelCode, Role


class User(AbstractUser):
    """Our own user model from the first migration, so profile fields can follow without pain."""

    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    # Only what guidance needs: the date of birth decides whether a guardian must consent
    # (and is shown to no one); the rest helps to suggest modules and to report anonymously.
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, blank=True)
    learner_level = models.CharField(
        _("learner level"), max_length=1, choices=LevelCode.choices, blank=True
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20, blank=True
    )
    privacy_accepted_at = models.DateTimeField(
        _("privacy notice accepted at"), null=True, blank=True
    )
    # Learners sign in only once they have shown the address is theirs (a link or a password
    # reset); null until then. Staff are vouched for by whoever made their account.
    email_confirmed_at = models.DateTimeField(
        _("e-mail address confirmed at"), null=True, blank=True
    )
    guardian_email = models.EmailField(_("parent or guardian e-mail"), blank=True)
    guardian_consent = models.CharField(
        _("guardian consent"),
        max_length=12,
        choices=GuardianConsent.choices,
        default=GuardianConsent.NOT_NEEDED,
    )
    guardian_consent_at = models.DateTimeField(
        _("guardian consent given at"), null=True, blank=True
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            # log-in by e-mail address needs one account per address, whatever its case
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ci",
                condition=~models.Q(email=""),
            ),
            models.CheckConstraint(
                condition=~models.Q(guardian_consent="pending") | ~models.Q(guardian_email=""),
                name="accounts_user_pending_consent_has_guardian",
            ),
        ]

    def __str__(self):
        return self.display_name or self.get_username()


class Organisation(models.Model):
    """A guidance provider or partner: the scope of its members' roles in every section."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """One role one person holds in one organisation."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted at"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        ordering = ["organisation__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "role"], name="accounts_membership_once"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="accounts_membership_known_role"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"
