"""Prefect settings the CLI needs before Prefect is imported."""

from __future__ import annotations

import os


def configure_prefect(verbose: bool = False) -> None:
    """Quiet logs by default, a start-up timeout the temporary server can meet on a cold
    machine, no analytics (no network here). A user's own settings always win."""
    defaults = {
        "PREFECT_LOGGING_LEVEL": "INFO" if verbose else "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
