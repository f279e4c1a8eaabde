from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import ContentStreamBlock
from .constants import LevelCode


class HomePage(Page):
    """The root of each language's tree; lists the sections below it."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class StandardPage(Page):
    """A plain page of text, such as About."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class Level(models.Model):
    """A learner level of the career-management-skills framework (A, B, C)."""

    code = models.CharField(_("code"), max_length=1, choices=LevelCode.choices, unique=True)
    name = models.CharField(_("name"), max_length=40)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("level")
        verbose_name_plural = _("levels")

    def __str__(self):
        return f"{self.code} {self.name}"


class CompetenceArea(models.Model):
    """An area of the framework, for example knowing yourself or applying for work."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("competence area")
        verbose_name_plural = _("competence areas")

    def __str__(self):
        return self.name


class Statement(models.Model):
    """An "I am able to ..." statement: what competence in an area looks like at a level."""

    area = models.ForeignKey(CompetenceArea, on_delete=models.CASCADE, related_name="statements")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="statements")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("text"), max_length=250)

    class Meta:
        ordering = ["area__order", "level__code", "order"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "level", "order"], name="content_statement_position_once"
            ),
        ]

    def __str__(self):
        return self.text
