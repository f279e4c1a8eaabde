"""Organisations' public profiles, tools and events. Members write drafts; a moderator approves
each version through a Wagtail workflow, so a row is public only once `live`, and a live row
keeps the approved text while a later edit waits in a revision."""

import functools
import uuid
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from content.constants import Licence

from .constants import Audience, EventFormat, OrganisationType, PostLevel, Service
from .fields import CodeListField
from .sanitise import clean_html

TOOL_LICENCES = [*Licence.choices, ("all-rights-reserved", _("All rights reserved"))]


@functools.cache
def _time_zone_choices():
    """The IANA zones, read from the system once and only when a form or check needs them."""
    names = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    return [(name, name.replace("_", " ")) for name in names]


class HttpURLField(models.URLField):
    """A web address a reader can open: http or https only, never javascript: or data:."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


def _http_only(field):
    return Q(**{f"{field}__startswith": "https://"}) | Q(**{f"{field}__startswith": "http://"})


class ModerationTask(AbstractGroupApprovalTask):
    """Group approval whose 'Request changes' needs a reason: the member must learn what to fix."""

    def get_form_for_action(self, action):
        if action != "reject":
            return super().get_form_for_action(action)

        class ReasonForm(forms.Form):
            comment = forms.CharField(
                label=_("Reason (the organisation sees it)"),
                widget=forms.Textarea({"rows": 3}),
                max_length=2000,
            )

        return ReasonForm

    @classmethod
    def get_description(cls):
        return _("Network moderators approve or reject organisations' posts, with a reason")

    class Meta:
        verbose_name = _("network moderation task")
        verbose_name_plural = _("network moderation tasks")


def _languages():
    return settings.LANGUAGES


class NetworkPost(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """What every moderated thing an organisation publishes shares."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), editable=False)
    languages = CodeListField(_("languages"), choices_list=_languages, blank=False)
    _revisions = GenericRelation("wagtailcore.Revision")

    rich_fields = ("description",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for name in self.rich_fields:
            setattr(self, name, clean_html(getattr(self, name)))
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions


class OrganisationProfile(NetworkPost):
    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="network_profile",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("type"), max_length=24, choices=OrganisationType.choices)
    city = models.CharField(_("city"), max_length=100)
    services = CodeListField(_("services offered"), choices_list=Service.choices)
    website = HttpURLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    about = models.TextField(_("about the organisation"), max_length=5000)

    rich_fields = ("about",)

    class Meta:
        verbose_name = _("organisation profile")
        verbose_name_plural = _("organisation profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(website="") | _http_only("website"),
                name="network_profile_website_http",
            ),
        ]

    def __str__(self):
        return self.organisation.name


class Tool(NetworkPost):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="network_tools",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), max_length=5000)
    audience = CodeListField(_("audience"), choices_list=Audience.choices, blank=False)
    level = models.CharField(
        _("level"), max_length=3, choices=PostLevel.choices, default=PostLevel.ANY
    )
    link = HttpURLField(_("link"))
    licence = models.CharField(_("licence"), max_length=24, choices=TOOL_LICENCES)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")
        constraints = [
            models.CheckConstraint(condition=_http_only("link"), name="network_tool_link_http"),
        ]

    def __str__(self):
        return self.name


class Event(NetworkPost):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="network_events",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=5000)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=_time_zone_choices, default="Europe/Brussels"
    )
    format = models.CharField(_("format"), max_length=8, choices=EventFormat.choices)
    address = models.CharField(_("address"), max_length=300, blank=True)
    audience = CodeListField(_("audience"), choices_list=Audience.choices, blank=False)
    registration_url = HttpURLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="network_event_ends_after_start",
                violation_error_message=_("The event must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(format=EventFormat.ONLINE) | ~Q(address=""),
                name="network_event_onsite_has_address",
                violation_error_message=_("Give the address of an on-site event."),
            ),
            models.CheckConstraint(
                condition=Q(registration_url="") | _http_only("registration_url"),
                name="network_event_registration_http",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="network_event_capacity_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        # compared as instants: two times of one zone would compare as wall clocks
        if self.start and self.end and self.end.timestamp() <= self.start.timestamp():
            errors["end"] = _("The event must end after it starts.")
        if self.format == EventFormat.ONSITE and not self.address.strip():
            errors["address"] = _("Give the address of an on-site event.")
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)
