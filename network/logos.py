"""Logos nobody sees or waits to see, deleted once a day.

Every logo an editor uploads becomes a Wagtail image at once (store_logo), before a moderator
has seen the profile. Replacing a logo, or uploading one with a form that then fails, leaves
the earlier image behind: kept, it is a file nobody will ever be shown. A logo is in use while
a profile shows it (live) or its latest version carries it (a draft, or waiting for a
moderator); a day's grace spares one whose form is being saved right now. Older revisions
may still name a deleted logo: restoring one gives a profile without a logo, as SET_NULL does."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, Revision

from .models import OrganisationProfile

LOGO_PREFIX = "network-logo-"
UNUSED_LOGO_GRACE = timedelta(days=1)


def logo_name(organisation, token, extension):
    return f"{LOGO_PREFIX}{organisation.slug}-{token}.{extension}"


def unused_logos(*, now):
    """The logo images uploaded before `now - UNUSED_LOGO_GRACE` that no profile uses."""
    profiles = OrganisationProfile.objects.all()
    in_use = set(profiles.exclude(logo=None).values_list("logo_id", flat=True))
    latest = Revision.objects.filter(
        id__in=profiles.exclude(latest_revision=None).values("latest_revision_id")
    )
    in_use |= {revision.content.get("logo") for revision in latest} - {None}
    # an editor may also have chosen a logo for a page or any other content: Wagtail's
    # reference index knows every such use
    Image = get_image_model()
    in_use |= {
        int(target)
        for target in ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(Image)
        ).values_list("to_object_id", flat=True)
        if str(target).isdigit()
    }
    return Image.objects.filter(
        file__startswith=f"original_images/{LOGO_PREFIX}",
        created_at__lt=now - UNUSED_LOGO_GRACE,
    ).exclude(id__in=in_use)
