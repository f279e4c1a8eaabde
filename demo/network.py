"""The demo Network: organisations in several countries with their profiles, tools and events,
each written by the organisation's editor, submitted and approved by the demo moderator through
the same workflow as real posts. Event dates are relative to the day of loading, so there are
always upcoming and past events; loading again moves them instead of adding more."""

import datetime
import io
import zoneinfo
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from accounts import api as accounts_api
from network import api as network_api
from network.models import Event, OrganisationProfile, Tool
from partners import api as partners_api


def _user(spec, password_for):
    user, _created = accounts_api.ensure_user(
        username=spec["username"],
        email=spec["email"],
        password=password_for(spec["username"]),
        display_name=spec["display_name"],
        preferred_language=spec.get("language", ""),
    )
    return user


def _logo(name, colour):
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())[:3] or name[:2]
    image = Image.new("RGB", (160, 160), colour)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 56)
    except OSError:
        font = ImageFont.load_default()
    draw.text((80, 80), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    upload = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    upload.pontes_extension = "png"
    return upload


@contextmanager
def _without_email():
    """Wagtail's workflow e-mails (submitted, approved: four per post) for the demo's own posts
    would print some 180 messages in the terminal of `make run`, to people who are the loader."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield


def _publish(post, *, editor, moderator, now):
    with _without_email():
        network_api.save_draft(by=editor, post=post, now=now)
        network_api.submit(by=editor, post=post, now=now)
        network_api.approve(by=moderator, post=post, now=now)


def _profile(organisation, data, editor, moderator, now):
    profile = OrganisationProfile.objects.filter(organisation=organisation).first()
    if profile is not None and profile.live:
        return
    logo = network_api.store_logo(
        by=editor, organisation=organisation, upload=_logo(data["name"], data["colour"])
    )
    profile = OrganisationProfile(
        organisation=organisation,
        kind=data["type"],
        city=data["city"],
        languages=data["languages"],
        services=data["services"],
        website=data["website"],
        contact_email=data["contact_email"],
        about=data["about"],
        logo=logo,
    )
    _publish(profile, editor=editor, moderator=moderator, now=now)


def _tool(organisation, data, editor, moderator, now):
    if Tool.objects.filter(organisation=organisation, name=data["name"], live=True).exists():
        return
    tool = Tool(
        organisation=organisation,
        name=data["name"],
        description=data["description"],
        audience=data["audience"],
        languages=data["languages"],
        level=data["level"],
        link=data["link"],
        licence=data["licence"],
    )
    _publish(tool, editor=editor, moderator=moderator, now=now)


def _event(organisation, data, editor, moderator, now):
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    hour, minute = (int(part) for part in data["start_time"].split(":"))
    day = (now.astimezone(zone) + datetime.timedelta(days=data["start_in_days"])).date()
    start = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    end = start + datetime.timedelta(minutes=data["duration_minutes"])
    event = Event.objects.filter(organisation=organisation, title=data["title"]).first()
    if event is not None and event.live and event.start.date() == start.date():
        return
    event = event or Event(organisation=organisation)
    for field, value in {
        "title": data["title"],
        "description": data["description"],
        "start": start,
        "end": end,
        "time_zone": data["time_zone"],
        "format": data["format"],
        "address": data.get("address") or "",
        "languages": data["languages"],
        "audience": data["audience"],
        "registration_url": data.get("registration") or "",
        "capacity": data.get("capacity"),
    }.items():
        setattr(event, field, value)
    _publish(event, editor=editor, moderator=moderator, now=now)


def load_network(*, path, read_yaml, password_for, progress_factory=None):
    data = read_yaml(path)
    now = timezone.now()
    admin = get_user_model().objects.get(username="admin")
    moderator = get_user_model().objects.get(username="moderator")
    editors = {spec["organisation"]: spec for spec in data["editors"]}
    bar = (
        progress_factory(total=len(data["organisations"]), desc="Network")
        if progress_factory
        else None
    )
    for org in data["organisations"]:
        organisation = accounts_api.ensure_organisation(
            slug=org["slug"], name=org["name"], country=org["country"]
        )
        editor = _user(editors[org["slug"]], password_for)
        accounts_api.grant_role(
            by=admin, organisation=organisation, email=editor.email, role="editor", now=now
        )
        _profile(organisation, org, editor, moderator, now)
        for tool in org.get("tools", []):
            _tool(organisation, tool, editor, moderator, now)
        for event in org.get("events", []):
            _event(organisation, event, editor, moderator, now)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    for role, key in (("translator", "translators"), ("reviewer", "reviewers")):
        for spec in data.get(key, []):
            person = _user(spec, password_for)
            organisation = accounts_api.organisation_by_slug(spec["organisation"])
            partners_api.assign_language(
                by=admin, organisation=organisation, language=spec["language"]
            )
            accounts_api.grant_role(
                by=admin, organisation=organisation, email=person.email, role=role, now=now
            )
