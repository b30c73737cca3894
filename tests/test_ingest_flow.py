"""The ingest flow and CLI end to end: real PDFs, real Prefect, a real DuckDB file."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from briefs.cli import app
from flows.ingest import ingest


@pytest.fixture()
def inbox(tmp_path, japan_pdf) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(japan_pdf, folder / japan_pdf.name)
    return folder


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_the_same_bytes_twice_are_unchanged_and_add_no_rows(prefect_harness, inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    first = ingest(paths=[inbox], db=db)
    rows = _count(db, "SELECT count(*) FROM projects")
    second = ingest(paths=[inbox], db=db)
    assert [f.status for f in first.files] == ["loaded"]
    assert [f.status for f in second.files] == ["unchanged"]
    assert _count(db, "SELECT count(*) FROM projects") == rows
    assert _count(db, "SELECT count(*) FROM ingest_runs WHERE status LIKE 'completed%'") == 2


def test_a_bad_file_is_quarantined_with_its_reason_and_the_others_load(prefect_harness, inbox, tmp_path):
    (inbox / "notes.pdf").write_text("<html><body>saved web page</body></html>")
    (inbox / "empty.pdf").write_bytes(b"")
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[inbox], db=db)
    status = {f.source_file: (f.status, f.reason) for f in summary.files}
    assert status["japan-ilo-cooperation-2023-04.pdf"][0] == "loaded"
    assert status["notes.pdf"][0] == status["empty.pdf"][0] == "quarantined"
    assert all(status[name][1] for name in ("notes.pdf", "empty.pdf"))
    assert _count(db, "SELECT count(*) FROM ingest_files WHERE status = 'quarantined' AND reason IS NOT NULL") == 2
    assert _count(db, "SELECT count(*) FROM briefs") == 1


def test_cli_exits_0_when_every_file_loads(prefect_harness, inbox, tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(inbox), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "Japan" in result.output


def test_cli_exits_3_when_a_file_is_quarantined(prefect_harness, inbox, tmp_path):
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<<")
    result = CliRunner().invoke(app, ["ingest", str(inbox), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 3, result.output
    assert "quarantined" in result.output and "Traceback" not in result.output


def test_cli_exits_1_for_a_path_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


WILD = Path(__file__).parent / "fixtures" / "wild"


def test_the_garbage_collector_runs_during_a_cli_ingest_and_after_it(prefect_harness, inbox, tmp_path):
    import gc

    from briefs.outcomes import on_file_done

    collecting: list[bool] = []
    remove = on_file_done(lambda outcome: collecting.append(gc.isenabled()))
    try:
        result = CliRunner().invoke(app, ["ingest", str(inbox), "--db", str(tmp_path / "w.duckdb")])
    finally:
        remove()
    assert result.exit_code == 0, result.output
    assert collecting == [True]
    assert gc.isenabled()


def test_the_garbage_collector_is_back_on_after_an_ingest_that_stops_early(tmp_path):
    import gc

    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert gc.isenabled()


def test_a_password_opens_a_protected_pdf(prefect_harness, tmp_path):
    summary = ingest(paths=[WILD / "enc_rc4-128_userpw-test.pdf"], db=tmp_path / "w.duckdb", passwords=("wrong", "test"))
    assert not summary.files[0].reason.startswith("password")


def test_a_password_given_to_the_cli_is_never_stored_with_the_prefect_flow_run(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client

    result = CliRunner().invoke(app, ["ingest", str(WILD / "enc_rc4-128_userpw-test.pdf"), "--db", str(tmp_path / "w.duckdb"),
                                      "--password", "wrong-guess", "--password", "test"], env={"COLUMNS": "200"})
    run_id = result.output.split("run: ")[1].split()[0]
    with get_client(sync_client=True) as client:
        parameters = client.read_flow_run(run_id).parameters
    assert len(parameters["passwords"]) == 2
    assert "wrong-guess" not in repr(parameters) and "'test'" not in repr(parameters)
    assert "password required" not in result.output and "wrong password" not in result.output


def test_a_brief_failing_an_error_check_is_quarantined_with_its_checks_recorded(prefect_harness, tmp_path):
    from pdf_factory import write_brief

    pdf = write_brief(tmp_path / "sweden.pdf", "Sweden ILO Cooperation", "May 2021", [
        ("Overview", ["Sweden is a founding Member State of the ILO. Sweden has ratified 94 Conventions, including "
                      "eight Fundamental, four Governance and 70 Technical Conventions."]),
        ("Sweden's financial contribution to the ILO", ["Between 2016 and 2020 Sweden provided US$ 20 million in assessed contributions to the ILO."]),
        ("Contact", ["partnerships@ilo.org"]),
    ])
    db = tmp_path / "w.duckdb"
    (outcome,) = ingest(paths=[pdf], db=db).files
    assert outcome.status == "quarantined"
    assert outcome.reason.startswith("failed validation") and "conventions" in outcome.reason
    assert _count(db, "SELECT count(*) FROM quality_checks WHERE severity = 'error'") >= 1
    assert _count(db, "SELECT count(*) FROM briefs") == 0


def test_a_password_file_is_tried_line_by_line(prefect_harness, tmp_path):
    passwords = tmp_path / "passwords.txt"
    passwords.write_text("first-guess\ntest\n")
    result = CliRunner().invoke(app, ["ingest", str(WILD / "enc_rc4-128_userpw-test.pdf"), "--password-file", str(passwords),
                                      "--db", str(tmp_path / "w.duckdb")], env={"COLUMNS": "200"})
    assert "password required" not in result.output and "wrong password" not in result.output


def test_a_wrong_password_is_named_as_such(prefect_harness, tmp_path):
    summary = ingest(paths=[WILD / "enc_rc4-128_userpw-test.pdf"], db=tmp_path / "w.duckdb", passwords=("nope",))
    assert summary.files[0].reason.startswith("wrong password")


def test_a_run_writes_its_quality_report_beside_the_warehouse(prefect_harness, inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[inbox], db=db)
    report = Path(summary.report)
    assert report == tmp_path / "w-report.html"
    assert summary.run_id in report.read_text(encoding="utf-8")


def test_a_run_publishes_its_summary_as_prefect_markdown_and_table_artifacts(prefect_harness, inbox, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    (inbox / "notes.pdf").write_text("<html><body>saved web page</body></html>")
    summary = ingest(paths=[inbox], db=tmp_path / "w.duckdb")
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[summary.run_id])))
    by_type = {artifact.type: artifact for artifact in found}
    assert set(by_type) == {"markdown", "table"}
    assert "notes.pdf" in by_type["markdown"].data and "quarantined" in by_type["markdown"].data
    assert "japan-ilo-cooperation-2023-04.pdf" in str(by_type["table"].data)


def test_cli_prints_where_the_quality_report_is_even_when_nothing_is_new(prefect_harness, inbox, tmp_path):
    db = tmp_path / "w.duckdb"
    CliRunner().invoke(app, ["ingest", str(inbox), "--db", str(db)])
    (tmp_path / "w-report.html").unlink()
    again = CliRunner().invoke(app, ["ingest", str(inbox), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "unchanged" in again.output
    assert f"quality report: {tmp_path / 'w-report.html'}" in again.output.replace("\n", "")
    assert (tmp_path / "w-report.html").is_file()


def test_a_run_loads_in_batches_and_records_every_file_once(prefect_harness, monkeypatch, tmp_path):
    import flows.ingest

    monkeypatch.setattr(flows.ingest, "LOAD_BATCH", 2)
    folder = tmp_path / "inbox"
    folder.mkdir()
    briefs = sorted((Path(__file__).parent / "fixtures" / "briefs").glob("*.pdf"))
    for pdf in briefs:
        shutil.copy(pdf, folder / pdf.name)
    shutil.copy(briefs[0], folder / "zz-copy.pdf")
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[folder], db=db)
    assert [f.status for f in summary.files] == ["loaded"] * len(briefs) + ["unchanged"]
    assert summary.files[-1].reason == f"same bytes as {briefs[0].name}"
    assert _count(db, "SELECT count(*) FROM briefs") == len(briefs)
    assert _count(db, "SELECT count(*) FROM ingest_files") == len(briefs) + 1
    assert _count(db, f"SELECT count(*) FROM ingest_runs WHERE loaded = {len(briefs)} AND files_seen = {len(briefs) + 1}") == 1


def test_a_small_run_analyses_each_file_in_its_own_task():
    from flows.ingest import group_size

    assert group_size(files=10, workers=2) == 1


def test_a_large_run_groups_files_so_each_worker_gets_a_few_tasks():
    from flows.ingest import MAX_GROUP, TASKS_PER_WORKER, group_size

    assert group_size(files=200, workers=2) == 200 // (TASKS_PER_WORKER * 2)
    assert group_size(files=100_000, workers=2) == MAX_GROUP


def test_a_grouped_run_loads_every_file_and_records_one_task_run_per_group(prefect_harness, monkeypatch, tmp_path):
    import flows.ingest
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    monkeypatch.setattr(flows.ingest, "TASKS_PER_WORKER", 1)
    folder = tmp_path / "inbox"
    shutil.copytree(Path(__file__).parent / "fixtures" / "briefs", folder, ignore=shutil.ignore_patterns("*.json"))
    files = len(list(folder.glob("*.pdf")))
    summary = ingest(paths=[folder], db=tmp_path / "w.duckdb", workers=2)
    assert [f.status for f in summary.files] == ["loaded"] * files
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[summary.run_id])))
    analyse = [run.name for run in runs if run.name.startswith("analyse ")]
    assert len(analyse) == -(-files // (files // 2))
    assert any(f"({files // 2} files)" in name for name in analyse)


def test_the_flows_process_does_not_import_the_pdf_libraries():
    import subprocess
    import sys

    check = ("import sys, briefs.cli, flows.ingest, briefs.outcomes; "
             "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'pypdfium2', 'parsers.records') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_every_file_of_a_run_is_announced_once(prefect_harness, monkeypatch, tmp_path):
    import flows.ingest
    from briefs.outcomes import on_file_done

    monkeypatch.setattr(flows.ingest, "TASKS_PER_WORKER", 1)
    folder = tmp_path / "inbox"
    shutil.copytree(Path(__file__).parent / "fixtures" / "briefs", folder, ignore=shutil.ignore_patterns("*.json"))
    (folder / "notes.pdf").write_text("<html><body>a saved web page</body></html>")
    announced: list[str] = []
    remove = on_file_done(lambda outcome: announced.append(outcome.source_file))
    try:
        summary = ingest(paths=[folder], db=tmp_path / "w.duckdb", workers=2)
    finally:
        remove()
    assert sorted(announced) == sorted(f.source_file for f in summary.files)
