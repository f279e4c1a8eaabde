import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from content.constants import LICENCE_URLS, Licence
from content.models import CompetenceArea, Level

from .blocks import LessonStreamBlock, OutcomesBlock
from .catalogue import CatalogueFilterForm, module_cards


class LicensedMixin(models.Model):
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA_4
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=250,
        blank=True,
        help_text=_("Who wrote it, as the licence asks to credit them."),
    )

    licence_panels = [
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("attribution")], heading=_("Licence"))
    ]

    class Meta:
        abstract = True

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")


class CourseIndexPage(Page):
    """The catalogue: every module of the courses below it, filtered by level and area."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["cards"] = module_cards(
            index=self,
            language=self.locale.language_code,
            level=filters.get("level") or None,
            area=filters.get("area") or None,
        )
        return context


def page_credits(page):
    """Credit lines that apps above add to a page (partner translators, for one)."""
    return [credit for hook in hooks.get_hooks("page_credits") if (credit := hook(page))]


class CoursePage(LicensedMixin, Page):
    summary = models.TextField(_("summary"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), *LicensedMixin.licence_panels]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = (
            ModulePage.objects.child_of(self)
            .live()
            .select_related("level", "area")
            .order_by("area__order", "level__code")
        )
        return context


class ModulePage(LicensedMixin, Page):
    summary = models.TextField(_("summary"))
    level = models.ForeignKey(
        Level, on_delete=models.PROTECT, related_name="+", verbose_name=_("level")
    )
    area = models.ForeignKey(
        CompetenceArea,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competence area"),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), help_text=_("Estimated time in minutes for the whole module.")
    )
    outcomes = StreamField(OutcomesBlock(), blank=True, verbose_name=_("learning outcomes"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("level"),
        FieldPanel("area"),
        FieldPanel("estimated_minutes"),
        FieldPanel("outcomes"),
        *LicensedMixin.licence_panels,
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    search_kind = "module"  # indexed by search (search/documents.py)

    class Meta:
        verbose_name = _("module")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_minutes__gte=1, estimated_minutes__lte=600),
                name="courses_module_minutes_range",
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = LessonPage.objects.child_of(self).live()
        context["credits"] = page_credits(self)
        return context

    def search_document(self):
        """Search facets; the text is every text field (search reads them itself)."""
        return {"fields": {"level": [self.level.code], "area": [self.area.key]}}


class LessonPage(Page):
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    search_kind = "lesson"

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        module = ModulePage.objects.select_related("level", "area").get(id=self.get_parent().id)
        siblings = list(LessonPage.objects.child_of(module).live().only("id", "title", "url_path"))
        position = next(i for i, page in enumerate(siblings) if page.id == self.id)
        context.update(
            module=module,
            position=position + 1,
            total=len(siblings),
            previous_lesson=siblings[position - 1] if position > 0 else None,
            next_lesson=siblings[position + 1] if position + 1 < len(siblings) else None,
            credits=page_credits(self),
        )
        return context


class PlacementResult(models.Model):
    """One self-assessment of a signed-in learner. A visitor's result lives in the session only
    and becomes a row when they sign in (`api.claim_session_placement`)."""

    uuid = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="placement_results",
        verbose_name=_("learner"),
    )
    taken_at = models.DateTimeField(_("taken at"))
    language = models.CharField(_("language"), max_length=8)
    # {statement key: rating}: the raw answers, so a result can be scored again by a new rule
    ratings = models.JSONField(_("ratings"), default=dict)

    class Meta:
        ordering = ["taken_at", "id"]
        verbose_name = _("placement result")
        verbose_name_plural = _("placement results")
        indexes = [models.Index(fields=["learner", "taken_at"], name="courses_placement_history")]


class PlacementAreaResult(models.Model):
    """The score and suggested level of one competence area in one placement result."""

    result = models.ForeignKey(PlacementResult, on_delete=models.CASCADE, related_name="areas")
    area = models.ForeignKey(
        "content.CompetenceArea",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competence area"),
    )
    score = models.FloatField(_("score"), help_text=_("Mean rating, from 0 to 1."))
    level = models.ForeignKey(
        "content.Level",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("suggested level"),
    )

    class Meta:
        verbose_name = _("placement result for an area")
        verbose_name_plural = _("placement results for an area")
        constraints = [
            models.UniqueConstraint(fields=["result", "area"], name="courses_placement_area_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=1), name="courses_placement_score_0_1"
            ),
        ]
