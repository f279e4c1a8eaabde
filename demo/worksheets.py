"""Our worksheets as Word documents: written from the YAML of demo/data/library, so the text
stays reviewable and translatable, and the file is what a counsellor prints."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

ANSWER_LINES = 3


def worksheet_docx(sheet, *, language, credit):
    """The .docx bytes of one worksheet: title, instructions, sections of questions with room
    to write, or grids to fill in; the licence and credit in the footer."""
    document = Document()
    document.core_properties.title = sheet["title"]
    document.core_properties.language = language
    document.core_properties.author = credit
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    document.add_heading(sheet["title"], level=0)
    if sheet.get("intro"):
        document.add_paragraph(sheet["intro"].strip())
    for section in sheet["sections"]:
        document.add_heading(section["heading"], level=1)
        if section.get("text"):
            document.add_paragraph(section["text"].strip())
        for prompt in section.get("prompts", []):
            document.add_paragraph(prompt, style="List Number")
            for _line in range(ANSWER_LINES):
                document.add_paragraph("_" * 78)
        if section.get("table"):
            _grid(document, section["table"])
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = credit
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _grid(document, table):
    columns = table["columns"]
    grid = document.add_table(rows=1 + int(table.get("rows", 5)), cols=len(columns))
    grid.style = "Table Grid"
    for cell, heading in zip(grid.rows[0].cells, columns, strict=True):
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in grid.rows[1:]:
        row.height = Pt(36)
