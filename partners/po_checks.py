"""Checks a partner's PO upload before wagtail-localize imports it.

The stock upload view 500s without the translation id, import_po also takes obsolete and fuzzy
entries, and a translation renders as safe HTML: so every problem is found here, with its line.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import polib
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

__all__ = ["TRANSLATION_ID_HEADER", "CheckResult", "Problem", "check_po_upload"]

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"

# Line breaks that editors do not count but polib (str.splitlines) does, and control characters.
_STRAY = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
# No space flag: "70 % of" in prose must not read as a placeholder (msgfmt would see "% o").
_PERCENT = re.compile(
    r"%(?:%|\((?P<name>[^)]*)\)[#0+\- ]*\d*(?:\.\d+)?[hlL]?(?P<nconv>[diouxXeEfFgGcrsa])"
    r"|[#0+\-]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa]))"
)
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")
_BRACE_NAME = re.compile(r"(?:\d+|[A-Za-z_]\w*)?(?:\.[A-Za-z_]\w*|\[[^\]]*\])*")
# Argument types as msgfmt --check-format compares them.
_KINDS = {**dict.fromkeys("sra", "s"), **dict.fromkeys("diouxX", "d")}
_KINDS |= {**dict.fromkeys("eEfFgG", "f"), "c": "c"}
_TAG_OPEN = re.compile(r"<[A-Za-z!/?]")

MESSAGES = {
    "too_big": _("The file is %(size)s; up to %(limit)s is accepted. Upload one page's file."),
    "empty": _("The file is empty. Upload the PO file you downloaded and translated."),
    "not_utf8": _("Line %(line)s: the file is not saved as UTF-8. Save it as UTF-8 and try again."),
    "stray": _("Line %(line)s has an invisible control character. Delete it and try again."),
    "syntax": _("Line %(line)s cannot be read: check its quotes, or download a fresh file."),
    "charset": _("Line %(line)s: the file is in %(charset)s. Save it as UTF-8 and try again."),
    "duplicate": _("Line %(line)s repeats the text of line %(first)s. Delete one of the two."),
    "no_id": _("The file has no %(header)s line. Download the page's file again and use that."),
    "other_page": _(
        "Line %(line)s: this file belongs to another page or language. Download this page's file."
    ),
    "language": _(
        "Line %(line)s: the file is marked “%(found)s”, but this translation is into "
        "“%(expected)s”. Check that you chose the right language."
    ),
    "unknown": _(
        "Line %(line)s: this text is not in the page (the English source may have changed; "
        "download a fresh file)."
    ),
    "missing": _("Line %(line)s: the placeholder %(name)s is missing. Copy it from the English."),
    "extra": _("Line %(line)s: remove the placeholder %(name)s, or write it as in the English."),
    "changed": _("Line %(line)s: write %(expected)s as in the English text, not %(found)s."),
    "tag": _("Line %(line)s: remove the extra tag %(tag)s; keep only the English text's tags."),
    "attribute": _("Line %(line)s: remove %(attribute)s from %(tag)s; keep it as in the English."),
    "unfinished": _("Line %(line)s has an unfinished tag (“<” with no “>”). Remove or finish it."),
    "encoded": _("Line %(line)s: remove the coded “<” (such as &lt;); the English has none."),
}


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str


@dataclass
class CheckResult:
    errors: list[Problem] = field(default_factory=list)
    po: polib.POFile | None = None
    fuzzy_lines: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_po_upload(
    data: bytes,
    *,
    translation_id: str,
    target_language: str,
    source: dict[tuple[str, str], str],
    max_bytes: int = 2_000_000,
) -> CheckResult:
    """Every problem in the upload, or the parsed file ready for `Translation.import_po`.

    The returned file keeps only live, non-fuzzy entries: import_po would import the others too."""
    if len(data) > max_bytes:
        size, limit = filesizeformat(len(data)), filesizeformat(max_bytes)
        return _fail(None, "too_big", size=size, limit=limit)
    if not data.strip():
        return _fail(None, "empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _fail(data.count(b"\n", 0, exc.start) + 1, "not_utf8")
    if stray := _STRAY.search(text):
        return _fail(text.count("\n", 0, stray.start()) + 1, "stray")
    try:
        # polib opens a path when given one: a final newline keeps it reading the upload itself.
        po = polib.pofile(text if text.endswith("\n") else text + "\n")
    except (OSError, ValueError, LookupError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        return _fail(int(found.group(1)) if found else 1, "syntax")
    charset = re.search(r"charset=([^\s;]+)", po.metadata.get("Content-Type", ""))
    if charset and charset.group(1).lower().replace("_", "-") not in {"utf-8", "utf8"}:
        return _fail(_header_line(text, "Content-Type"), "charset", charset=charset.group(1))

    live = [entry for entry in po if not entry.obsolete]
    errors = _header_problems(po, text, translation_id, target_language)
    fuzzy_lines, first_lines = [], {}
    for entry in live:
        line = max(entry.linenum, 1)
        first = first_lines.setdefault((entry.msgctxt, entry.msgid), line)
        if first != line:
            errors.append(_problem(line, "duplicate", first=first))
        if entry.fuzzy:
            fuzzy_lines.append(line)
        elif (entry.msgctxt, entry.msgid) not in source:
            errors.append(_problem(line, "unknown"))
        else:
            for translation in filter(None, [entry.msgstr, *entry.msgstr_plural.values()]):
                errors += _placeholder_problems(line, entry.msgid, translation)
                errors += _markup_problems(line, entry.msgid, translation)
    if errors:
        return CheckResult(errors=errors, fuzzy_lines=fuzzy_lines)
    po[:] = [entry for entry in live if not entry.fuzzy]
    return CheckResult(po=po, fuzzy_lines=fuzzy_lines)


def _problem(line, key, **params):
    return Problem(line, MESSAGES[key] % {"line": line, **params})


def _fail(line, key, **params):
    return CheckResult(errors=[_problem(line, key, **params)])


def _header_line(text, key):
    found = re.search(r'(?:"|\\n)' + re.escape(key) + r"\s*:", text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _header_problems(po, text, translation_id, target_language):
    problems = []
    found_id = po.metadata.get(TRANSLATION_ID_HEADER, "")
    if not found_id:
        problems.append(_problem(None, "no_id", header=TRANSLATION_ID_HEADER))
    elif found_id != str(translation_id):
        problems.append(_problem(_header_line(text, TRANSLATION_ID_HEADER), "other_page"))
    language = po.metadata.get("Language", "").strip()
    if language and not _same_language(language, target_language):
        line = _header_line(text, "Language")
        problems.append(_problem(line, "language", found=language, expected=target_language))
    return problems


def _same_language(found, expected):
    def base(code):
        return re.split(r"[@.]", code.strip().lower().replace("_", "-"), maxsplit=1)[0]

    found, expected = base(found), base(expected)
    return found == expected or found.startswith(expected + "-") or expected.startswith(found + "-")


def _percent(text):
    named, positional = {}, []
    for match in _PERCENT.finditer(text):
        if match["name"] is not None:
            named.setdefault(match["name"], (match[0], _KINDS[match["nconv"]]))
        elif match["conv"]:
            stars = (match["width"] == "*") + (match["prec"] == "*")
            positional += [(match[0], "d")] * stars + [(match[0], _KINDS[match["conv"]])]
    return named, positional


def _braces(text):
    found = {}
    for match in _BRACE.finditer(text):
        if match["field"] is not None:
            name = re.split(r"[!:]", match["field"], maxsplit=1)[0]
            if _BRACE_NAME.fullmatch(name):
                found.setdefault(name, ("{" + name + "}", None))
    return found


def _placeholder_problems(line, msgid, msgstr):
    problems = []
    expected_named, expected_positional = _percent(msgid)
    if expected_named or expected_positional:
        found_named, found_positional = _percent(msgstr)
        problems += _compare_named(line, expected_named, found_named)
        problems += _compare_positional(line, expected_positional, found_positional)
    if expected_braces := _braces(msgid):
        problems += _compare_named(line, expected_braces, _braces(msgstr))
    return problems


def _compare_named(line, expected, found):
    missing = [shown for name, (shown, kind) in expected.items() if name not in found]
    problems = [_problem(line, "missing", name=shown) for shown in missing]
    for name, (shown, kind) in found.items():
        if name not in expected:
            problems.append(_problem(line, "extra", name=shown))
        elif kind != expected[name][1]:
            problems.append(_problem(line, "changed", found=shown, expected=expected[name][0]))
    return problems


def _compare_positional(line, expected, found):
    if len(expected) == len(found):
        pairs = [
            (want, got) for want, got in zip(expected, found, strict=True) if want[1] != got[1]
        ]
        return [_problem(line, "changed", found=got[0], expected=want[0]) for want, got in pairs]
    problems = []
    for wanted, have, key in ((expected, found, "missing"), (found, expected, "extra")):
        left = Counter(kind for _shown, kind in have)
        for shown, kind in wanted:
            if left[kind]:
                left[kind] -= 1
            else:
                problems.append(_problem(line, key, name=shown))
    return problems


def _verbatim(template):
    def handle(self, data):
        self.others[template.format(data)] += 1

    return handle


class _Markup(HTMLParser):
    """The tags of one string: start tags with their attributes, and other markup verbatim."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.others = [], Counter()
        self.feed(text)
        self.close()
        parsed = len(self.tags) + self.others.total()
        self.unfinished = max(len(_TAG_OPEN.findall(text)) - parsed, 0)
        self.encoded = html.unescape(text).count("<") - text.count("<")

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, Counter(attrs)))

    handle_startendtag = handle_starttag

    handle_endtag = _verbatim("</{}>")
    handle_comment = _verbatim("<!--{}-->")
    handle_decl = _verbatim("<!{}>")
    unknown_decl = _verbatim("<![{}]]>")
    handle_pi = _verbatim("<?{}>")


def _markup_problems(line, msgid, msgstr):
    """Tags and attributes of the translation must all come from the English text."""
    want, got = _Markup(msgid), _Markup(msgstr)
    problems, added, available = [], set(), list(want.tags)
    for name, attrs in got.tags:
        same = [tag for tag in available if tag[0] == name]
        fitting = [tag for tag in same if not attrs - tag[1]]
        if fitting:
            available.remove(next((tag for tag in fitting if tag[1] == attrs), fitting[0]))
        elif not same:
            added.add(name)
            problems.append(_problem(line, "tag", tag=f"<{name}>"[:80]))
        else:
            extra = min((attrs - tag[1] for tag in same), key=Counter.total)
            key, value = next(iter(extra))
            shown = key if value is None else f'{key}="{value}"'
            problems.append(_problem(line, "attribute", tag=f"<{name}>", attribute=shown[:80]))
    for other in got.others - want.others:
        if other.removeprefix("</").removesuffix(">") not in added:
            problems.append(_problem(line, "tag", tag=other[:80]))
    if got.unfinished > want.unfinished:
        problems.append(_problem(line, "unfinished"))
    if got.encoded > want.encoded:
        problems.append(_problem(line, "encoded"))
    return problems
