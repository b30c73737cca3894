"""Write small one-column brief PDFs with reportlab, for tests that need a brief with one twist."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def write_brief(path: Path, title: str, date_line: str, sections: list[tuple[str, list[str]]]) -> Path:
    """A brief with a bold title, a date line and (heading, paragraphs) sections, wrapped at ~95 chars."""
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

    line(title, "Helvetica-Bold", 22, 30)
    line(date_line, "Helvetica-Bold", 13, 28)
    for heading, paragraphs in sections:
        y -= 8
        line(heading, "Helvetica-Bold", 13, 20)
        for paragraph in paragraphs:
            words, current = paragraph.split(), ""
            for word in words:
                if len(current) + len(word) > 95:
                    line(current, "Helvetica", 10, 14)
                    current = ""
                current = f"{current} {word}".strip()
            line(current, "Helvetica", 10, 20)
    pdf.save()
    return path
