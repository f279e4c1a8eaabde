"""Logos nobody sees or waits to see are deleted a day after upload; those in use stay."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PilImage
from wagtail.images import get_image_model

from network import api, tasks
from network.models import OrganisationProfile

from .conftest import NOW

pytestmark = pytest.mark.django_db
Image = get_image_model()


def logo(by, organisation):
    buffer = io.BytesIO()
    PilImage.new("RGB", (40, 40), "teal").save(buffer, format="PNG")
    upload = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    upload.pontes_extension = "png"
    return api.store_logo(by=by, organisation=organisation, upload=upload)


def profile_for(organisation, image):
    return OrganisationProfile(
        organisation=organisation,
        kind="university",
        city="Porto",
        languages=["pt"],
        services=["individual_guidance"],
        about="Orientação de carreira para estudantes.",
        logo=image,
    )


def test_a_replaced_logo_goes_and_the_shown_and_waiting_ones_stay(
    users, org_a, django_capture_on_commit_callbacks
):
    editor, moderator = users["editor_a"], users["moderator"]
    first = logo(editor, org_a)
    profile = api.save_draft(by=editor, post=profile_for(org_a, first), now=NOW)
    api.submit(by=editor, post=profile, now=NOW)
    api.approve(by=moderator, post=profile, now=NOW)
    # replaced: the second is approved; the third waits for a moderator in a new version
    second = logo(editor, org_a)
    profile.logo = second
    api.save_draft(by=editor, post=profile, now=NOW)
    api.submit(by=editor, post=profile, now=NOW)
    api.approve(by=moderator, post=OrganisationProfile.objects.get(id=profile.id), now=NOW)
    third = logo(editor, org_a)
    draft = OrganisationProfile.objects.get(id=profile.id).get_latest_revision_as_object()
    draft.logo = third
    api.save_draft(by=editor, post=draft, now=NOW)
    api.submit(by=editor, post=draft, now=NOW)
    orphan = logo(editor, org_a)  # uploaded with a form that then failed
    files = {image.id: image.file.name for image in (first, second, third, orphan)}
    in_use_before = Image.objects.exclude(id__in=files).count()  # the demo's logos, and so on

    later = timezone.now() + timedelta(days=1, minutes=1)  # NOW is older than the uploads
    # within a day of upload: spared
    assert api.delete_unused_logos(now=timezone.now() + timedelta(hours=23)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete_unused_logos(now=later) == 2
    assert set(Image.objects.filter(id__in=files).values_list("id", flat=True)) == {
        second.id,
        third.id,
    }
    assert Image.objects.exclude(id__in=files).count() == in_use_before
    storage = second.file.storage
    assert not storage.exists(files[first.id]) and not storage.exists(files[orphan.id])
    assert storage.exists(files[second.id]) and storage.exists(files[third.id])
    assert OrganisationProfile.objects.get(id=profile.id).logo_id == second.id


def test_the_daily_task_runs_the_same_clean_up(users, org_a):
    logo(users["editor_a"], org_a)
    Image.objects.filter(title__startswith="Logo of").update(created_at=NOW - timedelta(days=2))
    assert tasks.delete_unused_logos.delay().get() == 1  # the demo's logos are all in use


def test_a_logo_an_editor_also_chose_for_a_page_stays(
    users, org_a, django_capture_on_commit_callbacks
):
    from courses.models import LessonPage

    image = logo(users["editor_a"], org_a)
    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    lesson.body.append(("image", {"image": image, "alt_text": "The organisation's logo"}))
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete_unused_logos(now=timezone.now() + timedelta(days=2)) == 0
    assert Image.objects.filter(id=image.id).exists()
