from django.db import models
from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 20


class ResourceType(models.TextChoices):
    WORKSHEET = "worksheet", _("Worksheet")
    GUIDE = "guide", _("Guide")
    VIDEO = "video", _("Video")
    PODCAST = "podcast", _("Podcast")
    TOOL = "tool", _("Tool")
    LINK = "link", _("Link")
    TEMPLATE = "template", _("Template")


class ResourceLicence(models.TextChoices):
    CC_BY_SA_4 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "CC0-1.0", _("Public domain (CC0 1.0)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved by the provider")


LICENCE_URLS = {
    ResourceLicence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    ResourceLicence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    ResourceLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}

# The library's facets: the URL parameter, which is also the search document's field name.
FACETS = ("type", "level", "area", "rlang", "licence")
