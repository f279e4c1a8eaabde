from django.db import models
from django.utils.translation import gettext_lazy as _

# Age of digital consent (GDPR article 8) as each EU/EEA country set it; 16 where a country did
# not lower it, and for everyone outside the table.
DIGITAL_CONSENT_AGE = {
    "AT": 14, "BE": 13, "BG": 14, "HR": 16, "CY": 14, "CZ": 15, "DK": 13, "EE": 13, "FI": 13,
    "FR": 15, "DE": 16, "GR": 15, "HU": 16, "IE": 16, "IT": 14, "LV": 13, "LT": 14, "LU": 16,
    "MT": 13, "NL": 16, "PL": 16, "PT": 13, "RO": 16, "SK": 16, "SI": 15, "ES": 14, "SE": 13,
    "IS": 13, "LI": 16, "NO": 13,
}  # fmt: skip
DEFAULT_DIGITAL_CONSENT_AGE = 16
MINIMUM_AGE = 13

# The privacy notice learners accept; bump when the text in accounts/templates changes.
PRIVACY_NOTICE_VERSION = "2026-11"


class LevelCode(models.TextChoices):
    """The framework's learner levels; accounts keeps them so a profile can name one."""

    A = "A", _("A Basic")
    B = "B", _("B Intermediate")
    C = "C", _("C Advanced")


class AgeBand(models.TextChoices):
    UNDER_18 = "13-17", _("13 to 17")
    YOUNG_ADULT = "18-24", _("18 to 24")
    ADULT = "25-34", _("25 to 34")
    MIDDLE = "35-49", _("35 to 49")
    LATER = "50-64", _("50 to 64")
    SENIOR = "65+", _("65 or older")


class GuardianConsent(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed")
    PENDING = "pending", _("Waiting for a parent or guardian")
    GIVEN = "given", _("Given by a parent or guardian")


# "Other" in the country list: CLDR's code for an unknown region, so it fits the two-letter field.
OTHER_COUNTRY = "ZZ"

# Names of the countries above, for the sign-up and profile forms.
COUNTRY_NAMES = {
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "HR": _("Croatia"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DK": _("Denmark"),
    "EE": _("Estonia"),
    "FI": _("Finland"),
    "FR": _("France"),
    "DE": _("Germany"),
    "GR": _("Greece"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IT": _("Italy"),
    "LV": _("Latvia"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "MT": _("Malta"),
    "NL": _("Netherlands"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RO": _("Romania"),
    "SK": _("Slovakia"),
    "SI": _("Slovenia"),
    "ES": _("Spain"),
    "SE": _("Sweden"),
    "IS": _("Iceland"),
    "LI": _("Liechtenstein"),
    "NO": _("Norway"),
}
OTHER_COUNTRY_NAME = _("Another country")


class Role(models.TextChoices):
    """What a member may do for an organisation; one person may hold several roles."""

    MANAGER = "manager", _("Manager")
    EDITOR = "editor", _("Editor")
    TRANSLATOR = "translator", _("Translator")
    REVIEWER = "reviewer", _("Translation reviewer")
    COUNSELLOR = "counsellor", _("Counsellor")


# Roles a manager may grant to people of their own organisation (managers come from an admin,
# and so do translation reviewers: they publish to everyone's course pages).
ROLES_A_MANAGER_GRANTS = (Role.COUNSELLOR, Role.EDITOR, Role.TRANSLATOR)
