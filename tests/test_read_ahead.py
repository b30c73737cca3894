"""Files the CLI reads ahead while Prefect starts: the flow takes them as they were read, and
reads the rest itself. Real PDFs in real children."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.files import sha256_file
from briefs.isolation import Limits
from briefs.outcomes import analyse_file
from briefs.read_ahead import ReadAhead

BRIEFS = sorted((Path(__file__).parent / "fixtures" / "briefs").glob("*.pdf"))


def _file(path: Path) -> tuple[Path, str]:
    return path, sha256_file(path)


@pytest.fixture()
def files() -> list[tuple[Path, str]]:
    return [_file(path) for path in BRIEFS]


def test_a_file_read_ahead_is_taken_with_the_outcome_the_flow_would_have_read(japan_pdf):
    file = _file(japan_pdf)
    taken = ReadAhead([file], Limits(), (), children=1).take(file, Limits(), ())
    read = analyse_file(*file, Limits(), ())
    assert (taken.status, taken.brief_id, taken.partner) == (read.status, read.brief_id, read.partner) == ("parsed", read.brief_id, "Japan")
    assert taken.analysis.records == read.analysis.records


def test_once_the_flow_takes_a_file_the_read_ahead_starts_no_more(files):
    ahead = ReadAhead(files, Limits(), (), children=1)
    assert ahead.take(files[0], Limits(), ()).status == "parsed"
    assert [ahead.take(file, Limits(), ()) for file in files[1:]] == [None] * len(files[1:])


def test_a_file_the_read_ahead_did_not_start_is_not_its_to_give(files, japan_pdf):
    ahead = ReadAhead(files[:1], Limits(), (), children=1)
    assert ahead.take(_file(japan_pdf), Limits(), ()) is None


def test_a_file_read_ahead_with_other_limits_is_read_again_by_the_flow(files):
    ahead = ReadAhead(files[:1], Limits(), (), children=1)
    assert ahead.take(files[0], Limits(max_pages=1), ()) is None


def test_a_bad_file_read_ahead_is_quarantined_with_its_reason(tmp_path):
    notes = tmp_path / "notes.pdf"
    notes.write_text("<html><body>a saved web page</body></html>")
    file = _file(notes)
    outcome = ReadAhead([file], Limits(), (), children=1).take(file, Limits(), ())
    assert outcome.status == "quarantined"
    assert outcome.reason == analyse_file(*file, Limits(), ()).reason


def test_a_stopped_read_ahead_gives_nothing(files):
    ahead = ReadAhead(files[:1], Limits(), (), children=1)
    ahead.stop()
    assert ahead.take(files[0], Limits(), ()) is None


def test_a_file_read_ahead_over_its_time_limit_is_quarantined_and_the_file_beside_it_still_reads(files):
    slow = _file(Path(__file__).parent / "fixtures" / "damaged" / "japan-600-pages.pdf")
    limits = Limits(seconds=1, max_pages=1000)
    ahead = ReadAhead([slow, files[0]], limits, (), children=2)
    over, beside = ahead.take(slow, limits, ()), ahead.take(files[0], limits, ())
    assert over.status == "quarantined" and "time limit" in over.reason
    assert beside.status == "parsed"
