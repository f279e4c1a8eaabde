from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.constants import LevelCode  # noqa: E402,F401 - the levels live with the users


class Licence(models.TextChoices):
    CC_BY_SA_4 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "CC0-1.0", _("Public domain (CC0 1.0)")


LICENCE_URLS = {
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class CalloutKind(models.TextChoices):
    TIP = "tip", _("Tip")
    NOTE = "note", _("Note")
    WARNING = "warning", _("Watch out")
