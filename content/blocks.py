"""StreamField blocks shared by every kind of page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .constants import CalloutKind

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "content/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for someone who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    transcript = blocks.TextBlock(
        label=_("Transcript"), help_text=_("Everything said and shown, for people who cannot hear.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CalloutKind.choices, default=CalloutKind.TIP, label=_("Kind"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "content/blocks/callout.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="content/blocks/text.html"
    )
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
