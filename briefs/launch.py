"""The `briefs` command: hands `briefs ingest` to the warm runner when one is ready for this code
and environment (`briefs.runner`), and otherwise runs the CLI in this process."""

from __future__ import annotations

import os
import sys

ENV_AT_LAUNCH = dict(os.environ)  # before the CLI sets Prefect's defaults: what a runner is keyed on


def main() -> None:
    if sys.argv[1:2] == ["ingest"]:
        from briefs.runner import hand_over

        code = hand_over(sys.argv)
        if code is not None:
            sys.exit(code)
    from briefs.cli import app

    app()
