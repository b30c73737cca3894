"""Prefect settings the CLI applies before Prefect is imported."""

from __future__ import annotations

import os

import pytest

from briefs.settings import configure_prefect

NAMES = ("PREFECT_LOGGING_LEVEL", "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "PREFECT_SERVER_ANALYTICS_ENABLED")


@pytest.fixture
def clean_env(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_runs_log_info_to_the_prefect_api_while_the_terminal_shows_warnings(clean_env):
    configure_prefect(verbose=False)
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "INFO"
    assert os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "WARNING"


def test_verbose_shows_info_logs_in_the_terminal(clean_env):
    configure_prefect(verbose=True)
    assert os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "INFO"


def test_a_users_own_prefect_settings_win(clean_env):
    clean_env.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    configure_prefect()
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "DEBUG"
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


def test_a_run_started_by_hand_sends_no_flow_run_heartbeats():
    from prefect.settings import get_current_settings

    from briefs.cli import _without_heartbeats

    with _without_heartbeats():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency is not None
