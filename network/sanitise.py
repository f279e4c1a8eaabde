"""What members write is HTML from outside: cleaned to a small allow-list on save and again on
output, so nothing they write can run in a reader's or a moderator's browser."""

import html
import re

import nh3
from django.utils.html import linebreaks, strip_tags
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https"}
LOOKS_LIKE_MARKUP = re.compile(r"<[a-zA-Z/!?]")


def clean_html(value):
    """Plain text becomes paragraphs; markup keeps only the allow-list, links only http(s)."""
    value = (value or "").strip()
    if not value:
        return ""
    if not LOOKS_LIKE_MARKUP.search(value):
        value = linebreaks(value, autoescape=True)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )


def safe_html(value):
    return mark_safe(clean_html(value))  # noqa: S308 - cleaned to the allow-list just above


def plain_text(value):
    """For calendar files: no markup at all; paragraphs and list items on lines of their own."""
    cleaned = clean_html(value)
    for tag, text in (
        ("</p>", "\n\n"),
        ("<br>", "\n"),
        ("<li>", "\n- "),
        ("</ul>", "\n\n"),
        ("</ol>", "\n\n"),
    ):
        cleaned = cleaned.replace(tag, text)
    text = inert(html.unescape(strip_tags(cleaned)))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def inert(text):
    """Plain text that stays text even where a calendar client renders it as HTML."""
    return str(text).replace("<", "\u2039").replace(">", "\u203a")
