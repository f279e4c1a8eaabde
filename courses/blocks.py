"""Blocks that only lessons use: reflection, self-check question and worksheet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from content.blocks import ContentStreamBlock


class ReflectionBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection.html"


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"), help_text=_("Shown when this answer is picked.")
    )


class SelfCheckBlock(blocks.StructBlock):
    """A multiple-choice question with feedback per answer; works without JavaScript."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, max_num=6, label=_("Answers"))

    class Meta:
        icon = "list-ul"
        label = _("Self-check question")
        template = "courses/blocks/self_check.html"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for answer in value["answers"] if answer["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        chosen = request.GET.get("answer", "") if request is not None else ""
        block_id, _sep, index = chosen.partition(":")
        context["chosen"] = None
        if block_id and block_id == (parent_context or {}).get("block_id") and index.isdigit():
            position = int(index)
            if position < len(value["answers"]):
                context["chosen"] = position
                context["chosen_answer"] = value["answers"][position]
        return context


class WorksheetBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Worksheet file"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Worksheet")
        template = "courses/blocks/worksheet.html"


class LessonStreamBlock(ContentStreamBlock):
    reflection = ReflectionBlock()
    self_check = SelfCheckBlock()
    worksheet = WorksheetBlock()


class OutcomesBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(label=_("Learning outcome"), max_length=250)
