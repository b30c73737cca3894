"""Functions run in isolated children by the tests (importable by the forkserver)."""

import time


def sleep_for(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes << 20)
    return len(block)


def crash() -> None:
    import os

    os._exit(7)
