"""Prefect settings the CLI needs before a flow runs: set before Prefect is imported, or read
again by a Prefect the warm runner imported earlier."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefs.prefect_server import ServerInfo


def prefect_home(environ: Mapping[str, str] = os.environ) -> Path:
    """Where Prefect keeps its settings and database, and briefs its server's and runners' files."""
    return Path(environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


def configure_prefect(verbose: bool = False) -> None:
    """Runs log at INFO to the Prefect API (so the UI shows them) while the terminal only shows
    warnings unless verbose; a start-up timeout the temporary server can meet on a cold machine;
    no analytics (no network here). A user's own settings always win."""
    defaults = {
        "PREFECT_LOGGING_LEVEL": "INFO",
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO" if verbose else "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)


_preloaded = False  # Prefect was imported before this process's settings were made


def prefect_preloaded() -> None:
    """Called in a fork of the warm runner (briefs.runner), which imported Prefect with its own
    environment: prepare_prefect then has Prefect read its settings again."""
    global _preloaded
    _preloaded = True


def prepare_prefect(verbose: bool, say: Callable[[str], None]) -> ServerInfo | None:
    """Everything the CLI sets before a flow runs (configure_prefect, use_prefect_server); the
    background server used, if it is briefs' own."""
    configure_prefect(verbose)
    server = use_prefect_server(say)
    if _preloaded:
        _reread()
    return server


def _reread() -> None:
    """Have an imported Prefect read its settings and logging levels from this environment again,
    as it would have on import."""
    from prefect.context import refresh_global_settings_context
    from prefect.logging.configuration import setup_logging

    refresh_global_settings_context()
    setup_logging(incremental=False)


def use_prefect_server(say: Callable[[str], None]) -> ServerInfo | None:
    """Point Prefect at the background server briefs keeps (started now if needed), unless
    PREFECT_API_URL is set or BRIEFS_PREFECT_SERVER=ephemeral asks for a temporary one; that
    server, or None."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("BRIEFS_PREFECT_SERVER") == "ephemeral":
        return None
    from briefs.prefect_server import ensure_server, running

    info = running()
    if info is None:
        say("starting a local Prefect server, once, for this and later runs (briefs server stop ends it)…")
        try:
            info = ensure_server()
        except RuntimeError as exc:
            say(f"{exc}; using a temporary server for this run")
            return None
    os.environ["PREFECT_API_URL"] = info.url
    return info
