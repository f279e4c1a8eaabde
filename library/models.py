"""The resource library: one page per resource, and the index page that browses them.

A resource page is written in its page's language; the resource itself (a worksheet, a video)
may be in another, `resource_language`. Browsing and searching go through `search.api`, which
indexes what `search_document()` returns whenever a page is published, moved or removed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from content.models import CompetenceArea, Level

from .constants import LICENCE_URLS, RESOURCE_LICENCES, Licence, ResourceType


class LibraryIndexPage(Page):
    """Faceted browsing and search of the resources in every language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["library.ResourcePage"]

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        from .browse import browse

        context = super().get_context(request, *args, **kwargs)
        context["browse"] = browse(index=self, params=request.GET)
        return context


class ResourcePage(Page):
    summary = models.TextField(_("summary"), max_length=300)
    body = RichTextField(_("description"), blank=True, features=["bold", "italic", "ul", "link"])
    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    levels = ParentalManyToManyField(Level, related_name="+", verbose_name=_("levels"))
    areas = ParentalManyToManyField(
        CompetenceArea, related_name="+", verbose_name=_("competence areas")
    )
    resource_language = models.CharField(
        _("language of the resource"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language the worksheet, video or tool itself is in."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=RESOURCE_LICENCES,
        default=Licence.CC_BY_SA_4,
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=250,
        blank=True,
        help_text=_("Who made it, as the licence asks to credit them."),
    )
    provider = models.CharField(_("provider"), max_length=120)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("file"),
    )
    external_url = models.URLField(_("web address"), blank=True, max_length=500)
    minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), null=True, blank=True, help_text=_("Time to use the resource.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("levels"),
                FieldPanel("areas"),
                FieldPanel("resource_language"),
                FieldPanel("minutes"),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("provider")],
            heading=_("Where to find it"),
        ),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("attribution")], heading=_("Licence")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("provider"),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []
    search_kind = "resource"

    class Meta:
        verbose_name = _("resource")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__isnull=True)
                | models.Q(minutes__gte=1, minutes__lte=600),
                name="library_resource_minutes_range",
            ),
        ]

    def clean(self):
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError(_("Give the resource a file or a web address."))
        if self.document_id and self.external_url:
            raise ValidationError(_("Give the resource a file or a web address, not both."))

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def search_document(self):
        """What search indexes: text, and the facet values the library filters on."""
        return {
            "body": "\n".join(filter(None, [self.summary, self.body, self.provider])),
            "fields": {
                "type": [self.resource_type],
                "level": sorted(level.code for level in self.levels.all()),
                "area": sorted(area.key for area in self.areas.all()),
                "rlang": [self.resource_language],
                "licence": [self.licence],
            },
        }
