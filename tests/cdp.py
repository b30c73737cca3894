"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe.

It drives the Debian `chromium` package directly: no browser download, no extra Python
package and no network port. Chromium reads commands on fd 3 and writes replies on fd 4,
each a JSON message ended by a NUL byte; a shell `exec` wires those to our pipes.
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe",
)


class BrowserError(Exception):
    """Chromium did not answer, or answered with an error."""


class Browser:
    """One headless Chromium with one attached page; use as a context manager."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._profile = tempfile.TemporaryDirectory(prefix="briefs-chromium-")
        self._log = tempfile.TemporaryFile()
        self._next_id = 0
        self._buffer = b""
        self._process = subprocess.Popen(
            ["sh", "-c", 'exec "$@" 3<&0 4>&1 </dev/null >/dev/null', "sh", executable, *FLAGS,
             f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log)
        self.session: str | None = None

    def __enter__(self) -> Browser:
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.send("Browser.close", session=False)
            self._process.wait(timeout=10)
        except (BrowserError, OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()
        self._log.close()

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Call `method` (on the page's session once attached) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        self._process.stdin.write(json.dumps(message).encode() + b"\0")
        self._process.stdin.flush()
        reply = self._receive(lambda m: m.get("id") == self._next_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_for(self, event: str) -> dict[str, Any]:
        """The next `event` not seen yet (earlier events stay in `events`)."""
        for index, seen in enumerate(self.events):
            if seen["method"] == event:
                return self.events.pop(index)
        found = self._receive(lambda m: m.get("method") == event)
        self.events.remove(found)
        return found

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _receive(self, wanted) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if wanted(message):
                    return message
            left = deadline - time.monotonic()
            stdout = self._process.stdout
            if left <= 0 or not select.select([stdout], [], [], left)[0]:
                raise BrowserError(f"chromium did not answer within {self.timeout:g} s")
            chunk = os.read(stdout.fileno(), 1 << 20)
            if not chunk:
                self._log.seek(0)
                raise BrowserError(f"chromium exited: {self._log.read().decode(errors='replace')[-2000:]}")
            self._buffer += chunk


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    """Console errors, uncaught exceptions and error log entries among `events`."""
    errors = []
    for event in events:
        params = event.get("params", {})
        if event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in params.get("args", [])))
        elif event["method"] == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(params["entry"]["text"])
    return errors


def open_page(browser: Browser, path: Path, width: int = 1280, height: int = 900) -> None:
    """Load `path` with the console watched from the first byte."""
    for domain in ("Page", "Runtime", "Log"):
        browser.send(f"{domain}.enable")
    browser.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
    browser.send("Page.navigate", url=path.resolve().as_uri())
    browser.wait_for("Page.loadEventFired")


def full_page_png(browser: Browser) -> bytes:
    """A screenshot of the whole page, not only the viewport."""
    size = browser.send("Page.getLayoutMetrics")["cssContentSize"]
    shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
    return base64.b64decode(shot["data"])
