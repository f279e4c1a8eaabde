"""The forms members fill in on the site. Descriptions are cleaned to the allow-list by the
model; addresses must be http(s); an event's times are read in the time zone it names."""

import datetime
import io
import zoneinfo

from django import forms
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from .models import Event, OrganisationProfile, Tool

DESCRIPTION_HINT = _(
    "Plain text; leave an empty line between paragraphs. You may also use <strong>, <em>, "
    "lists and links (http or https)."
)
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
LOGO_MAX_BYTES = 1_000_000
LOGO_MAX_SIDE = 2000


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time, read without a zone; the form applies the zone the member chose."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        for fmt in self.input_formats:
            try:
                return datetime.datetime.strptime(str(value).strip(), fmt)
            except ValueError:
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


def _describe(form):
    # the hint names tags; the field template shows help texts as HTML
    form.fields["description"].help_text = escape(DESCRIPTION_HINT)
    form.fields["description"].widget = forms.Textarea(attrs={"rows": 8})
    form.fields["languages"].choices = settings.LANGUAGES


class ToolForm(forms.ModelForm):
    class Meta:
        model = Tool
        fields = ["name", "description", "audience", "languages", "level", "link", "licence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _describe(self)


class EventForm(forms.ModelForm):
    start = LocalDateTimeField(label=_("Starts (local time)"))
    end = LocalDateTimeField(label=_("Ends (local time)"))

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "start",
            "end",
            "time_zone",
            "format",
            "address",
            "languages",
            "audience",
            "registration_url",
            "capacity",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _describe(self)
        self.fields["address"].help_text = _("Needed for an event on site.")
        self.fields["capacity"].help_text = _("Leave empty if places are not limited.")
        if self.instance.pk and not self.is_bound:
            zone = self.instance.zone
            self.initial["start"] = self.instance.start.astimezone(zone).replace(tzinfo=None)
            self.initial["end"] = self.instance.end.astimezone(zone).replace(tzinfo=None)

    def _post_clean(self):
        """Read each wall-clock time in the chosen zone; a time the clocks skip (the spring
        change) does not exist there, and is refused rather than moved an hour."""
        zone_name = self.cleaned_data.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("start", "end"):
                value = self.cleaned_data.get(name)
                if value is None:
                    continue
                aware = value.replace(tzinfo=zone)
                if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != value:
                    self.add_error(
                        name,
                        _("This time does not exist in that time zone: the clocks change then."),
                    )
                    continue
                self.cleaned_data[name] = aware
        super()._post_clean()


class ProfileForm(forms.ModelForm):
    logo_file = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 1 MB and 2000 pixels on each side."),
    )

    class Meta:
        model = OrganisationProfile
        fields = ["kind", "city", "languages", "services", "website", "contact_email", "about"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].help_text = escape(DESCRIPTION_HINT)
        self.fields["about"].widget = forms.Textarea(attrs={"rows": 8})
        self.fields["languages"].choices = settings.LANGUAGES
        self.fields["languages"].label = _("Languages served")

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo is larger than 1 MB."), code="too_big")
        upload.seek(0)
        data = upload.read()
        try:
            with PILImage.open(io.BytesIO(data)) as image:
                kind = image.format
                width, height = image.size
                image.verify()
        except Exception as error:  # Pillow raises many kinds on a broken file
            raise forms.ValidationError(
                _("This file is not an image we can read."), code="unreadable"
            ) from error
        if kind not in LOGO_FORMATS:
            raise forms.ValidationError(_("Upload the logo as PNG, JPEG or WebP."), code="format")
        if max(width, height) > LOGO_MAX_SIDE:
            raise forms.ValidationError(
                _("The logo is larger than 2000 pixels on a side."), code="too_large"
            )
        upload.seek(0)
        upload.pontes_extension = LOGO_FORMATS[kind]
        return upload
