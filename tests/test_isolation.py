"""Untrusted work runs in a child process that a time or memory limit can stop."""

import os

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


def test_the_time_limit_runs_from_when_a_child_takes_the_file_not_while_it_waits():
    from concurrent.futures import ThreadPoolExecutor

    from briefs.isolation import set_processes

    set_processes(1)
    try:
        with ThreadPoolExecutor(3) as threads:
            results = list(threads.map(lambda _: run_isolated(sleep_for, 1.0, limits=Limits(seconds=2.5)), range(3)))
    finally:
        set_processes(os.cpu_count() or 1)
    assert results == ["done"] * 3


def test_a_file_waiting_for_a_child_survives_another_files_time_limit():
    import time
    from concurrent.futures import ThreadPoolExecutor

    from briefs.isolation import set_processes

    set_processes(1)
    try:
        with ThreadPoolExecutor(2) as threads:
            slow = threads.submit(run_isolated, sleep_for, 30, limits=Limits(seconds=1))
            time.sleep(0.3)  # the slow file holds the only child; the next one waits for it
            waiting = threads.submit(run_isolated, sleep_for, 0, limits=Limits(seconds=30))
            with pytest.raises(LimitExceeded, match="time limit"):
                slow.result()
            assert waiting.result() == "done"
    finally:
        set_processes(os.cpu_count() or 1)
