"""The report as a person sees it: rendered by headless Chromium (the Debian package).

Skipped when chromium is not installed, except in CI (CI set), where a missing browser fails.
The screenshot is kept in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefs.report import write_report
from cdp import Browser, console_errors, full_page_png, open_page

ARTIFACTS = Path(__file__).parent / "artifacts"
REASON = "not a PDF: the file is an HTML page saved with a .pdf name"


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is required in CI for the browser test: apt-get install chromium")
    pytest.skip("chromium is not installed (Debian: apt-get install chromium)")


@pytest.fixture(scope="module")
def rendered(chromium, japan_with_rejections_warehouse, tmp_path_factory) -> dict:
    """What Chromium made of the report: console errors, chart boxes, visible text, a screenshot."""
    report = write_report(japan_with_rejections_warehouse[0], tmp_path_factory.mktemp("report") / "report.html")
    with Browser(chromium) as browser:
        open_page(browser, report)
        charts = browser.evaluate("""
            Array.from(document.querySelectorAll('main svg')).map(svg => {
                const box = svg.getBoundingClientRect();
                const drawn = Array.from(svg.querySelectorAll('rect'))
                    .filter(r => r.getBBox().width > 0 && r.getBBox().height > 0).length;
                return {width: box.width, height: box.height, drawn: drawn};
            })""")
        text = browser.evaluate("document.body.innerText")
        reason_box = browser.evaluate(f"""(() => {{
            const cell = Array.from(document.querySelectorAll('td')).find(td => td.innerText.includes({REASON!r}));
            if (!cell) return null;
            const box = cell.getBoundingClientRect();
            return {{width: box.width, height: box.height}};
        }})()""")
        png = full_page_png(browser)
        errors = console_errors(browser.events)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "report.png").write_bytes(png)
    return {"charts": charts, "text": text, "reason_box": reason_box, "errors": errors, "png": png}


def test_report_renders_without_console_errors(rendered):
    assert rendered["errors"] == []


def test_report_charts_are_drawn_with_a_size(rendered):
    assert len(rendered["charts"]) >= 3
    for chart in rendered["charts"]:
        assert chart["width"] > 100 and chart["height"] > 40 and chart["drawn"] > 0


def test_quarantined_file_reason_is_visible(rendered):
    assert REASON in rendered["text"]
    box = rendered["reason_box"]
    assert box and box["width"] > 0 and box["height"] > 0


def test_report_screenshot_is_saved_as_a_test_artefact(rendered):
    saved = ARTIFACTS / "report.png"
    assert saved.read_bytes() == rendered["png"]
    assert saved.read_bytes().startswith(b"\x89PNG")
