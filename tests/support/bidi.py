"""Firefox driven over WebDriver BiDi, for the browser tests (no geckodriver, no Playwright).

Firefox 128 and later speak WebDriver BiDi themselves: ``firefox-esr --headless
--remote-debugging-port 0`` listens on a loopback websocket (the port it picked is written
to ``WebDriverBiDiServer.json`` in the profile), and this module sends it JSON commands
over that socket. :class:`Firefox` starts the browser in a fresh profile whose prefs turn
off updates, telemetry, remote settings and every other background fetch, and sends any
request that still tries to leave to a proxy on a closed loopback port. :meth:`Firefox.close`
always kills the browser's whole process group.

Scripts run in the page by :meth:`Tab.call` take and return JSON (the arguments are JSON
text parsed in the page, the result is ``JSON.stringify``-ed there), so no BiDi value
serialisation is needed. Times are in seconds; coordinates are CSS pixels of the viewport.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
ARROW_RIGHT = "\ue014"     # WebDriver's code for the right arrow key
#: Events every tab records (see :meth:`Tab.requests`, :meth:`Tab.errors`, :meth:`Tab.dialogs`).
EVENTS = ["network.beforeRequestSent", "log.entryAdded", "browsingContext.userPromptOpened"]
#: The profile's prefs: nothing starts by itself, nothing leaves the machine.
PREFS: dict[str, bool | int | str] = {
    "app.update.enabled": False, "app.update.auto": False, "app.update.disabledForTesting": True,
    "app.normandy.enabled": False, "app.shield.optoutstudies.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "services.settings.server": "data:,#remote-settings-off",
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False, "toolkit.telemetry.unified": False,
    "toolkit.telemetry.server": "", "browser.ping-centre.telemetry": False,
    "browser.shell.checkDefaultBrowser": False, "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank", "browser.newtabpage.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.newtabpage.activity-stream.feeds.system.topstories": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.feeds.snippets": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.search.update": False, "browser.search.geoip.url": "",
    "geo.provider.network.url": "", "media.gmp-manager.updateEnabled": False,
    "extensions.update.enabled": False, "extensions.getAddons.cache.enabled": False,
    "extensions.blocklist.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True, "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0, "network.trr.mode": 5,
    # anything that still tries to go out meets a closed port (9, discard) on loopback
    "network.proxy.type": 1, "network.proxy.share_proxy_settings": True,
    "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
    "network.proxy.socks": "127.0.0.1", "network.proxy.socks_port": 9,
    "network.proxy.socks_remote_dns": True,
    # ... except the test's own loopback server (the request watcher's positive control)
    "network.proxy.allow_hijacking_localhost": False,
    "network.proxy.no_proxies_on": "127.0.0.1, localhost",
    "toolkit.startup.max_resumed_crashes": -1, "browser.tabs.warnOnClose": False,
    "ui.prefersReducedMotion": 1,
}


class BiDiError(RuntimeError):
    """Firefox did not start, or answered a command with an error."""


def missing_firefox() -> str | None:
    """Why the Firefox tests cannot run (with the command that fixes it), or None."""
    if os.path.isfile(FIREFOX) and os.access(FIREFOX, os.X_OK):
        return None
    return (f"Firefox is needed for the Firefox tests and is not at {FIREFOX}. Install it "
            "with:  sudo apt-get install -y firefox-esr   (or `make firefox` as root), or set "
            "FIREFOX=/path/to/firefox (version 128 or later: WebDriver BiDi).")


class Firefox:
    """A headless Firefox in a fresh profile under ``workdir``, with one BiDi session.

    Use as a context manager, or call :meth:`close` (it always kills the browser).
    """

    def __init__(self, workdir: Path, *, timeout: float = 30.0) -> None:
        profile = workdir / "profile"
        profile.mkdir(parents=True)
        (profile / "user.js").write_text("".join(
            f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items()))
        self.log = workdir / "firefox.log"
        self._next_id = 0
        self._events: list[tuple[str, dict]] = []
        self._ws: ClientConnection | None = None
        self._stack = contextlib.ExitStack()
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [FIREFOX, "--headless", "--no-remote", "--remote-debugging-port", "0",
                 "--profile", str(profile)], stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1",
                     "MOZ_DISABLE_AUTO_SAFE_MODE": "1"})
        try:
            port = self._wait_port(profile / "WebDriverBiDiServer.json", timeout)
            self._ws = self._stack.enter_context(connect(
                f"ws://127.0.0.1:{port}/session", max_size=None, open_timeout=timeout))
            caps = self.command("session.new", {"capabilities": {}}, timeout=timeout)
            self.version = caps["capabilities"]["browserVersion"]
            self.command("session.subscribe", {"events": EVENTS})
        except BaseException:
            self.close()
            raise

    def _wait_port(self, info: Path, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(OSError, ValueError, KeyError):
                return int(json.loads(info.read_text())["ws_port"])
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise BiDiError(f"Firefox ({FIREFOX}) did not open its WebDriver BiDi port "
                                f"within {timeout:.0f} s; see {self.log}")
            time.sleep(0.05)

    def __enter__(self) -> Firefox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the session and kill the browser's process group (all its processes)."""
        if self._ws is not None:
            with contextlib.suppress(Exception):
                self.command("session.end", {}, timeout=3)
            with contextlib.suppress(Exception):
                self._stack.close()
            self._ws = None
        for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(wait)
                break

    # -- protocol ---------------------------------------------------------------------
    def command(self, method: str, params: dict | None = None, *,
                timeout: float = 10.0) -> dict:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        if self._ws is None:
            raise BiDiError("the BiDi session is closed")
        self._next_id += 1
        ident = self._next_id
        self._ws.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BiDiError(f"{method}: no answer from Firefox within {timeout:.0f} s")
            try:
                msg = json.loads(self._ws.recv(timeout=left))
            except TimeoutError:
                continue
            except ConnectionClosed as err:
                raise BiDiError(f"{method}: Firefox closed the connection ({err}); "
                                f"see {self.log}") from err
            if msg.get("type") == "event":
                self._events.append((msg["method"], msg["params"]))
            elif msg.get("id") == ident:
                if msg.get("type") == "error":
                    raise BiDiError(f"{method}: {msg.get('error')}: {msg.get('message')}")
                return msg["result"]

    def events(self, method: str, context: str) -> list[dict]:
        """The events of one kind received so far for one tab."""
        out = []
        for name, params in self._events:
            ctx = params.get("context") or params.get("source", {}).get("context")
            if name == method and ctx == context:
                out.append(params)
        return out

    def new_tab(self, *, width: int = 1400, height: int = 1000) -> Tab:
        """A new tab with a viewport of ``width`` x ``height`` CSS pixels."""
        ctx = self.command("browsingContext.create", {"type": "tab"})["context"]
        tab = Tab(self, ctx)
        tab.set_viewport(width, height)
        return tab


@dataclass
class Tab:
    """One browsing context of a :class:`Firefox`."""

    browser: Firefox
    context: str
    preloads: list[str] = field(default_factory=list)

    def command(self, method: str, params: dict | None = None, **kw: Any) -> dict:
        return self.browser.command(method, {"context": self.context, **(params or {})}, **kw)

    def close(self) -> None:
        for script in self.preloads:
            with contextlib.suppress(BiDiError):
                self.browser.command("script.removePreloadScript", {"script": script})
        with contextlib.suppress(BiDiError):
            self.command("browsingContext.close")

    def preload(self, function: str) -> None:
        """Run ``function`` (JS source, no arguments) in this tab before any page script."""
        self.preloads.append(self.browser.command("script.addPreloadScript", {
            "functionDeclaration": function, "contexts": [self.context]})["script"])

    def navigate(self, url: str, *, timeout: float = 15.0) -> None:
        self.command("browsingContext.navigate", {"url": url, "wait": "complete"},
                     timeout=timeout)

    def set_viewport(self, width: int, height: int) -> None:
        self.command("browsingContext.setViewport",
                     {"viewport": {"width": width, "height": height}})

    def call(self, function: str, *args: Any, timeout: float = 10.0) -> Any:
        """``function(...args)`` in the page (JS source; awaited); its result as JSON."""
        wrapper = (f"(json) => Promise.resolve(({function})(...JSON.parse(json)))"
                   ".then((v) => JSON.stringify(v === undefined ? null : v))")
        res = self.browser.command("script.callFunction", {
            "functionDeclaration": wrapper, "awaitPromise": True,
            "arguments": [{"type": "string", "value": json.dumps(list(args))}],
            "target": {"context": self.context}}, timeout=timeout)
        if res.get("type") == "exception":
            details = res["exceptionDetails"]
            raise BiDiError(f"script failed: {details.get('text')}\n{function}")
        return json.loads(res["result"]["value"])

    def wait_for(self, function: str, *args: Any, what: str, timeout: float = 5.0) -> Any:
        """Poll ``function(...args)`` until it returns something truthy; fail naming ``what``."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.call(function, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"Firefox: {what} (waited {timeout:.0f} s; last: {value!r})")
            time.sleep(0.03)

    # -- real input ---------------------------------------------------------------------
    def _actions(self, source: dict) -> None:
        self.command("input.performActions", {"actions": [source]})

    def center(self, selector: str) -> tuple[int, int]:
        """The viewport point at the middle of the first element matching ``selector``."""
        box = self.call("""(sel) => { const e = document.querySelector(sel); if (!e) return null;
            e.scrollIntoView({block: 'nearest', inline: 'nearest'});
            const r = e.getBoundingClientRect();
            return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; }""",
                        selector)
        if not box:
            raise AssertionError(f"Firefox: nothing on the page matches {selector}")
        return box[0], box[1]

    def click(self, selector: str) -> None:
        """A real mouse click (move, press, release) on the middle of ``selector``."""
        self.click_at(*self.center(selector))

    def click_at(self, x: int, y: int) -> None:
        """A real mouse click at a point of the viewport."""
        self._actions({"type": "pointer", "id": "mouse", "actions": [
            {"type": "pointerMove", "x": x, "y": y, "duration": 0},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]})

    def hover(self, selector: str) -> None:
        x, y = self.center(selector)
        self._actions({"type": "pointer", "id": "mouse", "actions": [
            {"type": "pointerMove", "x": x, "y": y, "duration": 0}]})

    def press(self, key: str) -> None:
        """Press and release one key (a character or a WebDriver key code like \\uE014)."""
        self._actions({"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]})

    # -- what the page did ----------------------------------------------------------------
    def requests(self) -> list[str]:
        return [e["request"]["url"] for e in
                self.browser.events("network.beforeRequestSent", self.context)]

    def errors(self) -> list[str]:
        return [f"{e.get('level')}: {e.get('text')}" for e in
                self.browser.events("log.entryAdded", self.context)
                if e.get("type") == "javascript" and e.get("level") == "error"]

    def dialogs(self) -> list[str]:
        return [e.get("message", "") for e in
                self.browser.events("browsingContext.userPromptOpened", self.context)]

    def screenshot(self, path: Path) -> Path:
        data = self.command("browsingContext.captureScreenshot", timeout=20)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

