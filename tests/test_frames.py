"""Records → frames: what the extraction children hand over, and the batches the flow builds."""

import hashlib
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from briefs.analyse import read_brief
from parsers.columns import COLUMNS
from parsers.frames import stack, stack_frames, to_frames
from parsers.records import _rows
from tables_factory import valid_records

BRIEFS = sorted((Path(__file__).parent / "fixtures" / "briefs").glob("*.pdf"))


@pytest.fixture(scope="module")
def real_records() -> list[dict]:
    """The records of three real fixture PDFs, read as an extraction child reads them."""
    return [read_brief(path, hashlib.sha256(path.read_bytes()).hexdigest()).records for path in BRIEFS[:3]]


def test_records_hold_every_contract_table_with_exactly_its_columns(real_records) -> None:
    for records in real_records:
        assert list(records) == list(COLUMNS)
        for table, rows in records.items():
            assert all(list(row) == COLUMNS[table] for row in rows), table


def test_records_pickle_without_pandas(real_records) -> None:
    assert b"pandas" not in pickle.dumps(real_records)


def test_each_brief_of_a_stacked_batch_has_the_frames_it_has_alone(real_records) -> None:
    batch = stack(real_records)
    for position, records in enumerate(real_records):
        alone, stacked = to_frames(records), batch.brief(position)
        for table in COLUMNS:
            pd.testing.assert_frame_equal(stacked[table], alone[table], check_index_type=False, obj=table)


def test_a_batch_counts_each_briefs_rows(real_records) -> None:
    batch = stack(real_records)
    assert batch.rows_of("sections") == [len(records["sections"]) for records in real_records]
    assert batch.rows_of("briefs") == [1, 1, 1]


def test_a_batch_of_frames_equals_the_batch_of_their_records(real_records) -> None:
    from_records, from_frames = stack(real_records), stack_frames([to_frames(r) for r in real_records])
    for table in COLUMNS:
        pd.testing.assert_frame_equal(from_frames.tables[table], from_records.tables[table], obj=table)
        assert from_frames.owners[table].tolist() == from_records.owners[table].tolist(), table


def test_part_of_a_batch_is_renumbered_in_the_order_asked(real_records) -> None:
    part = stack(real_records).only([2, 0])
    assert part.size == 2
    for position, records in enumerate([real_records[2], real_records[0]]):
        for table, frame in part.brief(position).items():
            pd.testing.assert_frame_equal(frame, to_frames(records)[table], check_index_type=False, obj=table)


def test_an_empty_batch_has_every_table_and_no_rows() -> None:
    batch = stack([])
    assert batch.size == 0
    assert {table: len(frame) for table, frame in batch.tables.items()} == {table: 0 for table in COLUMNS}


def test_a_wrong_number_type_fails_in_the_child_that_parsed_it() -> None:
    row = valid_records()["contributions"][0] | {"period_end": "2022"}
    with pytest.raises(TypeError, match="contributions.period_end must be an integer"):
        _rows("contributions", [row])


def test_missing_columns_are_stated_as_none() -> None:
    assert _rows("priorities", [{"brief_id": "b", "ordinal": 1}]) == [{"brief_id": "b", "ordinal": 1, "text": None}]


def test_the_extraction_children_do_not_import_pandas() -> None:
    from briefs.isolation import PRELOAD

    check = (f"import importlib, sys, hashlib; from pathlib import Path; "
             f"[importlib.import_module(m) for m in {PRELOAD!r}]; "
             f"from briefs.analyse import read_brief; p = Path({str(BRIEFS[0])!r}); "
             f"read_brief(p, hashlib.sha256(p.read_bytes()).hexdigest()); print('pandas' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
