"""A partner's PO upload is refused with the line to fix, before wagtail-localize sees it."""

import shutil
import subprocess

import pytest

from partners.po_checks import check_po_upload

TRANSLATION_ID = "0b9f4c1e-6a1d-4b0e-9c57-2f3d8e1a7b42"
HEADING = ("body.0.heading", "Plan your career")
LINK = ("body.1.paragraph", 'Read <a id="a1">the guide</a> first.')
NAMED = ("body.2.paragraph", "Hello %(name)s, welcome back.")
POSITIONAL = ("body.3.paragraph", "%s has %d new messages")
BRACES = ("body.4.paragraph", "{count} modules in {language}")
PERCENT = ("body.5.paragraph", "100%% of %(count)s learners")
PROSE = ("body.6.paragraph", "70% of jobs are never advertised.")
SOURCE = {key: key[1] for key in [HEADING, LINK, NAMED, POSITIONAL, BRACES, PERCENT, PROSE]}


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_text(*entries, translation_id=TRANSLATION_ID, language="pt", charset="UTF-8"):
    """A PO file as wagtail-localize exports it; an entry is (msgctxt, msgid, msgstr[, flag])."""
    header = [
        "POT-Creation-Date: 2026-01-05 10:00:00+00:00",
        "MIME-Version: 1.0",
        f"Content-Type: text/plain; charset={charset}",
    ]
    header += [f"Language: {language}"] if language else []
    header += [f"X-WagtailLocalize-TranslationID: {translation_id}"] if translation_id else []
    lines = ['msgid ""', 'msgstr ""'] + [quoted(field + "\n") for field in header]
    for msgctxt, msgid, msgstr, *flags in entries:
        prefix = "#~ " if "obsolete" in flags else ""
        lines += [""] + [f"#, {flag}" for flag in flags if flag != "obsolete"]
        lines += [f"{prefix}msgctxt {quoted(msgctxt)}", f"{prefix}msgid {quoted(msgid)}"]
        lines += [f"{prefix}msgstr {quoted(msgstr)}"]
    return "\n".join(lines) + "\n"


def lines_of(text, needle):
    return [number for number, line in enumerate(text.splitlines(), 1) if needle in line]


def line_of(text, needle):
    return lines_of(text, needle)[0]


def check(data, **kwargs):
    if isinstance(data, str):
        data = data.encode()
    options = {"translation_id": TRANSLATION_ID, "target_language": "pt", "source": SOURCE}
    return check_po_upload(data, **(options | kwargs))


def only_error(result):
    assert not result.ok
    assert result.po is None
    assert len(result.errors) == 1, [error.message for error in result.errors]
    return result.errors[0]


def test_a_good_file_passes_with_its_entries():
    text = po_text((*HEADING, "Planeie a sua carreira"), (*LINK, 'Leia <a id="a1">o guia</a>.'))
    result = check(text)
    assert result.ok
    assert result.errors == []
    assert [(entry.msgctxt, entry.msgstr) for entry in result.po] == [
        ("body.0.heading", "Planeie a sua carreira"),
        ("body.1.paragraph", 'Leia <a id="a1">o guia</a>.'),
    ]
    assert result.po.metadata["X-WagtailLocalize-TranslationID"] == TRANSLATION_ID


def test_an_untranslated_entry_is_fine():
    assert check(po_text((*HEADING, ""))).ok


def test_an_oversize_file_is_refused_before_reading():
    error = only_error(check(po_text((*HEADING, "x" * 500)), max_bytes=300))
    assert error.line is None
    assert "300" in error.message


@pytest.mark.parametrize("data", [b"", b" \n\n"])
def test_an_empty_file_is_refused(data):
    error = only_error(check(data))
    assert error.line is None
    assert "empty" in error.message


def test_latin1_bytes_are_refused_with_their_line():
    text = po_text((*HEADING, "Planeie a sua carreira"), (*LINK, "Leia o guia, não há pressa."))
    error = only_error(check(text.encode("latin-1")))
    assert error.line == line_of(text, "não há")
    assert "UTF-8" in error.message


def test_a_declared_charset_other_than_utf8_is_refused():
    text = po_text((*HEADING, "Planeie a sua carreira"), charset="ISO-8859-1")
    error = only_error(check(text))
    assert error.line == line_of(text, "Content-Type")
    assert "ISO-8859-1" in error.message


def test_an_invisible_line_separator_is_refused_with_its_line():
    text = po_text((*HEADING, "Planeie a sua\u2028carreira"))
    assert only_error(check(text)).line == line_of(text, "Planeie")


def test_a_syntax_error_names_its_line():
    text = po_text((*HEADING, "Planeie"), (*LINK, "Leia"))
    text = text.replace('msgstr "Leia"', 'msgstr "Leia "o guia""')
    error = only_error(check(text))
    assert error.line == line_of(text, "Leia")
    assert error.message.startswith(f"Line {error.line} ")


def test_an_uploaded_path_is_parsed_as_text_not_opened(tmp_path):
    path = tmp_path / "server.po"
    path.write_text(po_text((*HEADING, "Planeie a sua carreira")))
    assert only_error(check(str(path).encode())).line == 1


def test_a_missing_translation_id_is_refused():
    error = only_error(check(po_text((*HEADING, "Planeie"), translation_id=None)))
    assert error.line is None
    assert "X-WagtailLocalize-TranslationID" in error.message


def test_another_translation_id_is_refused():
    text = po_text((*HEADING, "Planeie"), translation_id="7d3c1b8a-0000-4000-8000-000000000000")
    error = only_error(check(text))
    assert error.line == line_of(text, "X-WagtailLocalize-TranslationID")
    assert "belongs to another page or language" in error.message


def test_another_language_is_refused():
    text = po_text((*HEADING, "Plan je loopbaan"), language="nl")
    error = only_error(check(text))
    assert error.line == line_of(text, "Language:")
    assert "“nl”" in error.message


@pytest.mark.parametrize("language", ["pt_PT", "pt-pt", "PT", "pt_BR.UTF-8", ""])
def test_a_regional_or_absent_language_counts_as_the_target(language):
    assert check(po_text((*HEADING, "Planeie"), language=language)).ok


def test_text_that_is_not_in_the_page_is_refused():
    text = po_text((*HEADING, "Planeie"), ("body.9.paragraph", "Gone from the page", "Foi-se"))
    error = only_error(check(text))
    assert error.line == line_of(text, "body.9.paragraph")
    assert "download a fresh file" in error.message


@pytest.mark.parametrize(
    "entry, msgstr, expected",
    [
        (NAMED, "Olá, bem-vindo.", "placeholder %(name)s is missing"),
        (NAMED, "Olá %(nome)s, bem-vindo.", "placeholder %(name)s is missing"),
        (NAMED, "Olá %(nome)s, bem-vindo.", "remove the placeholder %(nome)s"),
        (NAMED, "Olá %(name)d, bem-vindo.", "write %(name)s as in the English text, not %(name)d"),
        (POSITIONAL, "%s tem novas mensagens", "placeholder %d is missing"),
        (POSITIONAL, "%s tem %d novas mensagens %s", "remove the placeholder %s"),
        (POSITIONAL, "%d novas mensagens para %s", "write %s as in the English text, not %d"),
        (BRACES, "{count} módulos", "placeholder {language} is missing"),
        (BRACES, "{count} módulos em {lingua}", "remove the placeholder {lingua}"),
        (PERCENT, "100%% dos alunos", "placeholder %(count)s is missing"),
    ],
)
def test_a_placeholder_mismatch_names_the_placeholder(entry, msgstr, expected):
    text = po_text((*entry, msgstr))
    errors = check(text).errors
    assert any(expected in error.message for error in errors), [e.message for e in errors]
    assert {error.line for error in errors} == {line_of(text, entry[0])}


@pytest.mark.parametrize(
    "entry, msgstr",
    [
        (NAMED, "Bem-vindo de volta, %(name)s."),
        (POSITIONAL, "%s tem %i mensagens novas"),
        (BRACES, "{language}: {count} módulos"),
        (PERCENT, "%(count)s alunos: 100%%"),
        (PROSE, "70 % dos empregos nunca são anunciados."),
        (PROSE, "70 % av jobben annonseras aldrig."),
    ],
)
def test_placeholders_kept_or_literal_percent_pass(entry, msgstr):
    result = check(po_text((*entry, msgstr)))
    assert result.ok, [error.message for error in result.errors]


MARKUP_PAYLOADS = [
    '<script>alert(1)</script> <a id="a1">o guia</a>',
    '<img src=x onerror=alert(1)> <a id="a1">o guia</a>',
    '<a id="a1" href="javascript:alert(1)">o guia</a>',
    '<a id="a1" onmouseover=x>o guia</a>',
    '<a id="a1" onclick="x">o guia</a>',
    '&lt;script&gt;alert(1)&lt;/script&gt; <a id="a1">o guia</a>',
    '&#60;script&#62;alert(1) <a id="a1">o guia</a>',
    '&#x3c;script&#x3e;alert(1) <a id="a1">o guia</a>',
    '<ScRiPt>alert(1)</ScRiPt> <a id="a1">o guia</a>',
    '<svg/onload=alert(1)> <a id="a1">o guia</a>',
    '<b>Leia</b> <a id="a1">o guia</a>',
    '<a id="a1">o guia</a> <a id="a1">outra vez</a>',
    '<a id="a1">o guia</a> <img src=x onerror=alert(1)',
    '<a id="a1">o guia</a> <!-- escondido -->',
]


@pytest.mark.parametrize("msgstr", MARKUP_PAYLOADS)
def test_markup_not_in_the_source_is_refused(msgstr):
    text = po_text((*LINK, msgstr))
    errors = check(text).errors
    assert errors
    assert {error.line for error in errors} == {line_of(text, LINK[0])}


def test_the_refusal_names_the_added_tag_and_attribute():
    script = only_error(check(po_text((*LINK, 'Leia <a id="a1">o guia</a><script>x</script>'))))
    assert "<script>" in script.message
    onclick = only_error(check(po_text((*LINK, 'Leia <a id="a1" onclick="x">o guia</a>'))))
    assert 'onclick="x"' in onclick.message


@pytest.mark.parametrize(
    "msgstr",
    [
        'Leia primeiro <a id="a1">o guia</a>.',
        'Leia primeiro <A ID="a1">o guia</A>.',
        "Leia primeiro o guia.",
    ],
)
def test_markup_kept_identical_or_dropped_passes(msgstr):
    result = check(po_text((*LINK, msgstr)))
    assert result.ok, [error.message for error in result.errors]


def test_encoded_markup_that_is_in_the_source_passes():
    entry = ("body.7.paragraph", "Type &lt;b&gt; for bold")
    result = check(po_text((*entry, "Escreva &lt;b&gt; para negrito")), source={entry: entry[1]})
    assert result.ok


def test_a_duplicate_entry_is_refused_at_its_second_line():
    text = po_text((*HEADING, "Planeie"), (*LINK, "Leia o guia"), (*HEADING, "Planeie já"))
    error = only_error(check(text))
    first, second = lines_of(text, HEADING[0])
    assert error.line == second
    assert f"line {first}" in error.message


def test_a_fuzzy_entry_is_reported_and_skipped_not_refused():
    text = po_text((*HEADING, "Planeie"), (*LINK, "<script>x</script>", "fuzzy"))
    result = check(text)
    assert result.ok
    assert result.fuzzy_lines == [line_of(text, "#, fuzzy")]
    assert [entry.msgctxt for entry in result.po] == [HEADING[0]]


def test_an_obsolete_entry_is_ignored_and_not_imported():
    text = po_text(
        (*HEADING, "Planeie"), ("body.8.old", "Old text", "<script>x</script>", "obsolete")
    )
    result = check(text)
    assert result.ok
    assert [entry.msgctxt for entry in result.po] == [HEADING[0]]


def test_several_errors_are_reported_together():
    text = po_text(
        (*HEADING, "Planeie"),
        ("body.9.paragraph", "Gone", "Foi-se"),
        (*NAMED, "Olá %(nome)s"),
        (*LINK, "<script>x</script>"),
        language="fi",
    )
    result = check(text)
    assert result.po is None
    assert [error.line for error in result.errors] == [
        line_of(text, "Language:"),
        line_of(text, "body.9.paragraph"),
        line_of(text, NAMED[0]),
        line_of(text, NAMED[0]),
        line_of(text, LINK[0]),
    ]


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize(
    "entry, msgstr",
    [
        (NAMED, "Olá %(nome)s, bem-vindo."),
        (NAMED, "Olá %(name)d, bem-vindo."),
        (POSITIONAL, "%d novas mensagens para %s"),
        (POSITIONAL, "%s tem novas mensagens"),
        (NAMED, "Bem-vindo de volta, %(name)s."),
        (POSITIONAL, "%s tem %i mensagens novas"),
    ],
)
def test_msgfmt_agrees_on_python_format(tmp_path, entry, msgstr):
    text = po_text((*entry, msgstr, "python-format"))
    path = tmp_path / "upload.po"
    path.write_text(text, encoding="utf-8")
    msgfmt = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    result = check(text)
    assert (msgfmt.returncode == 0) == result.ok, msgfmt.stderr
    if not result.ok:
        assert f"{path}:{line_of(text, 'msgstr ' + quoted(msgstr))}:" in msgfmt.stderr
