"""Untrusted work runs in a child process that a time or memory limit can stop."""

import pytest

from briefs.isolation import LimitExceeded, Limits, run_isolated
from extractors import ExtractionError
from isolation_targets import allocate, crash, sleep_for


def test_a_result_comes_back_from_the_child():
    assert run_isolated(sleep_for, 0, limits=Limits(seconds=30)) == "done"


def test_work_over_the_time_limit_is_stopped_with_a_reason():
    with pytest.raises(LimitExceeded, match="time limit"):
        run_isolated(sleep_for, 30, limits=Limits(seconds=1))


def test_work_over_the_memory_limit_is_stopped_with_a_reason():
    with pytest.raises(LimitExceeded, match="memory limit"):
        run_isolated(allocate, 2048, limits=Limits(memory_bytes=1 << 30))


def test_a_child_that_dies_becomes_an_extraction_error():
    with pytest.raises(ExtractionError, match="died"):
        run_isolated(crash, limits=Limits(seconds=30))
