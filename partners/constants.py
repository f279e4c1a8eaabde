from django.db import models
from django.utils.translation import gettext_lazy as _

# One partner upload: a page's PO file in one language, at most this large.
MAX_PO_BYTES = 2_000_000


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned to the translator")
    SUPERSEDED = "superseded", _("Replaced by a later upload")
