"""``make serve``: the dashboard behind nginx, both started and stopped together.

    python -m gazetteer.deploy.serve [--port 8080] [--address 0.0.0.0]
                                     [--streamlit-port 8501] [-- DASHBOARD ARGS]

Streamlit listens on loopback only; nginx listens on ``--address:--port`` and is the one
address to give to others. Ctrl-C (or SIGTERM) stops both. nginx's configuration, logs
and temporary files live in a fresh temporary folder (``--run-dir`` to choose one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from gazetteer.deploy import find_nginx, render_nginx_conf
from gazetteer.errors import GazetteerError
from gazetteer.settings import ROOT_DIR

__all__ = ["Proxy", "main"]


class ServeError(GazetteerError):
    """A server did not start; the message says which and where its log is."""


def _wait_healthy(url: str, proc: subprocess.Popen, what: str, log: Path,
                  timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
                raise ServeError(f"{what} did not start (see {log}):\n{tail}") from None
            time.sleep(0.1)


class Proxy:
    """Streamlit on loopback and nginx in front of it, as child processes.

    Parameters
    ----------
    port : int
        nginx's port.
    streamlit_port : int
        Streamlit's port (on 127.0.0.1).
    address : str
        nginx's address (``127.0.0.1`` for this machine only, ``0.0.0.0`` for others).
    run_dir : path, optional
        Folder for nginx's files; a temporary one (removed at :meth:`stop`) by default.
    dashboard_args : sequence of str
        Passed to dashboard.py (``--seeds DIR``, ``--events FILE``).
    streamlit_flags : sequence of str
        Extra ``streamlit run`` options (``--server.enableWebsocketCompression true``).
    """

    def __init__(self, *, port: int, streamlit_port: int, address: str = "127.0.0.1",
                 run_dir: str | Path | None = None, dashboard_args: Sequence[str] = (),
                 streamlit_flags: Sequence[str] = ()) -> None:
        self.port, self.streamlit_port, self.address = port, streamlit_port, address
        self._own_dir = run_dir is None
        self.run_dir = Path(run_dir or tempfile.mkdtemp(prefix="kcm-serve-"))
        self.run_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            self.run_dir.chmod(0o755)      # nginx's workers run as nobody
        self.dashboard_args = list(dashboard_args)
        self.streamlit_flags = list(streamlit_flags)
        self.streamlit: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self._err_log: IO[str] | None = None

    @property
    def url(self) -> str:
        """The proxied page's address, as seen from this machine."""
        host = "127.0.0.1" if self.address in ("0.0.0.0", "::", "") else self.address
        return f"http://{host}:{self.port}"

    def start(self) -> Proxy:
        """Start Streamlit, wait until it answers, then nginx; raise if either fails."""
        nginx = find_nginx()
        st_log = self.run_dir / "streamlit.log"
        with st_log.open("w") as log:
            self.streamlit = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(ROOT_DIR / "dashboard.py"),
                 "--server.port", str(self.streamlit_port), "--server.address", "127.0.0.1",
                 "--server.headless", "true", *self.streamlit_flags, "--",
                 *self.dashboard_args],
                cwd=ROOT_DIR, stdout=log, stderr=subprocess.STDOUT)
        upstream = f"127.0.0.1:{self.streamlit_port}"
        _wait_healthy(f"http://{upstream}/_stcore/health", self.streamlit, "Streamlit", st_log)
        listen = f"{self.address}:{self.port}" if ":" not in self.address \
            else f"[{self.address}]:{self.port}"
        conf = self.run_dir / "nginx.conf"
        conf.write_text(render_nginx_conf(listen=listen, upstream=upstream,
                                          run_dir=self.run_dir), encoding="utf-8")
        err = self.run_dir / "error.log"
        self._err_log = err.open("a")
        self.nginx = subprocess.Popen(
            [nginx, "-p", str(self.run_dir), "-c", str(conf), "-e", str(err)],
            stdout=subprocess.DEVNULL, stderr=self._err_log)
        _wait_healthy(f"{self.url}/_stcore/health", self.nginx, "nginx", err)
        return self

    def alive(self) -> bool:
        """Both servers still run."""
        return all(p is not None and p.poll() is None for p in (self.streamlit, self.nginx))

    def stop(self, *, keep_logs: bool = False) -> None:
        """Stop nginx, then Streamlit (each by its own process id).

        A temporary run folder is removed unless ``keep_logs`` (after a failure).
        """
        for proc in (self.nginx, self.streamlit):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
        if self._err_log is not None:
            self._err_log.close()
        if self._own_dir and not keep_logs:
            shutil.rmtree(self.run_dir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run both servers until Ctrl-C or SIGTERM; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m gazetteer.deploy.serve",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (8080)")
    parser.add_argument("--address", default="127.0.0.1",
                        help="nginx's address: 127.0.0.1 (default), or 0.0.0.0 for others")
    parser.add_argument("--streamlit-port", type=int, default=8501)
    parser.add_argument("--run-dir", type=Path, default=None)
    parser.add_argument("dashboard_args", nargs="*", help="after --: dashboard.py's options")
    args = parser.parse_args(argv)
    proxy = Proxy(port=args.port, streamlit_port=args.streamlit_port, address=args.address,
                  run_dir=args.run_dir, dashboard_args=args.dashboard_args)
    signal.signal(signal.SIGTERM, _interrupt)
    failed = False
    try:
        proxy.start()
        print(f"Serving the dashboard at {proxy.url} (nginx, gzip) -> Streamlit on "
              f"127.0.0.1:{args.streamlit_port}. Ctrl-C stops both.", flush=True)
        while proxy.alive():
            time.sleep(0.5)
        print(f"a server stopped; see the logs in {proxy.run_dir}", file=sys.stderr)
        failed = True
        return 1
    except GazetteerError as err:
        print(f"serve: {err}", file=sys.stderr)
        failed = True
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        proxy.stop(keep_logs=failed)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
