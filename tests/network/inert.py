"""Find markup that would run in a browser: script elements, event-handler and style
attributes, and javascript:/data:/vbscript: addresses that carry a test payload's marker."""

import re
from html.parser import HTMLParser

MARKER = "pxss"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
# elements that must never come from a member, whatever their attributes (links and meta
# tags legitimately carry a post's slug, which contains the marker)
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "base", "svg", "math", "style", "frame"}


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.active = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        for name, value in attrs:
            value = value or ""
            name = name.lower()
            squeezed = "".join(value.split()).lower()
            if name.startswith("on") and MARKER in value.lower():
                self.active.append(f"<{tag} {name}={value!r}>")
            if name == "style" and MARKER in value.lower():
                self.active.append(f"<{tag} style={value!r}>")
            runs = MARKER in value.lower() or squeezed.startswith("javascript:")
            if name in URL_ATTRIBUTES and squeezed.startswith(DANGEROUS_SCHEMES) and runs:
                self.active.append(f"<{tag} {name}={value!r}>")
        if tag in DANGEROUS_TAGS and any(MARKER in (v or "").lower() for _n, v in attrs):
            self.active.append(f"<{tag} ...{MARKER}...>")
        refresh = dict(attrs).get("http-equiv", "") or ""
        if tag == "meta" and refresh.lower() == "refresh" and MARKER in str(attrs).lower():
            self.active.append("<meta http-equiv=refresh>")
        if tag == "script":
            kind = dict(attrs).get("type") or ""
            self._script = "json" not in kind and "template" not in kind
        if tag == "style":  # raw text to the parser; a browser may read markup inside it
            self._script = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag.lower() in ("script", "style"):
            self._script = None

    def handle_data(self, data):
        if self._script and MARKER in data.lower():
            self.active.append(f"<script>{data[:60]}")


RAW_TEXT_WITH_MARKER = re.compile(
    rf"<(script|style)\b[^>]*>(?:(?!</\1>).)*{MARKER}", re.IGNORECASE | re.DOTALL
)


def active_markup(html):
    finder = _Finder()
    finder.feed(html)
    finder.close()
    found = list(finder.active)
    match = RAW_TEXT_WITH_MARKER.search(html)
    if match and not found and "json" not in match.group(0)[:80]:
        found.append(match.group(0)[:80])  # an unclosed <style> or <script> the parser held back
    return found
