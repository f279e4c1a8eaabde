from django.db import models
from django.utils.translation import gettext_lazy as _

from content.constants import LICENCE_URLS, Licence  # noqa: F401 - re-exported

PAGE_SIZE = 20


class ResourceType(models.TextChoices):
    WORKSHEET = "worksheet", _("Worksheet")
    GUIDE = "guide", _("Guide")
    VIDEO = "video", _("Video")
    PODCAST = "podcast", _("Podcast")
    TOOL = "tool", _("Tool")
    LINK = "link", _("Link")
    TEMPLATE = "template", _("Template")


# Our own licences (content.constants), and "link only" for what a provider keeps the rights to.
ALL_RIGHTS_RESERVED = "all-rights-reserved"
RESOURCE_LICENCES = [
    *Licence.choices,
    (ALL_RIGHTS_RESERVED, _("All rights reserved by the provider")),
]


# The library's facets: the URL parameter, which is also the search document's field name.
FACETS = ("type", "level", "area", "rlang", "licence")
