"""Write small one-column brief PDFs with reportlab, for tests that need a brief with one twist."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def write_brief(path: Path, title: str, date_line: str, sections: list[tuple[str, list[str | list[list[str]]]]],
                table_rules: str = "grid") -> Path:
    """A brief with a bold title, a date line and (heading, paragraphs) sections, wrapped at ~95 chars.
    A paragraph given as rows of cells is drawn as a table, the first row bold: ruled on every side
    (table_rules="grid"), as a browser prints collapsed borders (table_rules="cells"): no
    vertical rule, each cell drawing its own bottom border, the header row a band of shaded cells,
    or with no rule or shading at all, as a CSS grid prints (table_rules="none")."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 72

    def line(text: str, font: str, size: float, gap: float) -> None:
        nonlocal y
        if y < 72:
            pdf.showPage()
            y = height - 72
        pdf.setFont(font, size)
        pdf.drawString(56, y, text)
        y -= gap

    def table(rows: list[list[str]]) -> None:
        nonlocal y
        left, right, height_of_row = 56, 540, 18
        shares = [2] + [1] * (len(rows[0]) - 1)  # the first column, a name, twice as wide as the others
        edges = [left + (right - left) * sum(shares[:i]) / sum(shares) for i in range(len(shares) + 1)]
        top = y + 12
        bottom = top - len(rows) * height_of_row
        if table_rules == "cells":
            pdf.setFillGray(0.85)
            for x0, x1 in zip(edges, edges[1:]):
                pdf.rect(x0, top - height_of_row, x1 - x0, height_of_row, stroke=0, fill=1)
                for k in range(2, len(rows) + 1):
                    pdf.line(x0, top - k * height_of_row, x1, top - k * height_of_row)
            pdf.setFillGray(0)
        elif table_rules == "grid":
            for k in range(len(rows) + 1):
                pdf.line(left, top - k * height_of_row, right, top - k * height_of_row)
            for x in edges:
                pdf.line(x, top, x, bottom)
        for index, row in enumerate(rows):
            pdf.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 9)
            for x, cell in zip(edges, row):
                pdf.drawString(x + 4, y, cell)
            y -= height_of_row
        y -= 10

    line(title, "Helvetica-Bold", 22, 30)
    line(date_line, "Helvetica-Bold", 13, 28)
    for heading, paragraphs in sections:
        y -= 8
        line(heading, "Helvetica-Bold", 13, 20)
        for paragraph in paragraphs:
            if isinstance(paragraph, list):
                table(paragraph)
                continue
            words, current = paragraph.split(), ""
            for word in words:
                if len(current) + len(word) > 95:
                    line(current, "Helvetica", 10, 14)
                    current = ""
                current = f"{current} {word}".strip()
            line(current, "Helvetica", 10, 20)
    pdf.save()
    return path
