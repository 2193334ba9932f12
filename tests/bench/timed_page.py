"""Run a page (``KCM_PAGE``) and append its run times in ms to ``KCM_BENCH_LOG``.

Used by bench_dashboard.py, which copies this file into a temporary folder with its own
``static/`` (Streamlit serves the folder next to the main script), so the real page and
the naive one are timed the same way inside a real server. A date step reruns only the
page's fragment, so each run of a fragment is timed too: a line per full run or fragment
rerun (a full run's fragment is counted inside the full run, not again).
"""

from __future__ import annotations

import functools
import os
import runpy
import threading
import time
from pathlib import Path

import streamlit as st

from gazetteer.web.assets import install_static_assets

install_static_assets(Path(__file__).resolve().parent / "static")
_LOG = os.environ["KCM_BENCH_LOG"]
_in_full_run = threading.local()


def _write(ms: float) -> None:
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{ms:.2f}\n")


def _timed_fragment(func=None, **kwargs):
    if func is None:
        return functools.partial(_timed_fragment, **kwargs)

    @functools.wraps(func)
    def timed(*args, **kw):
        start = time.perf_counter()
        try:
            return func(*args, **kw)
        finally:
            if not getattr(_in_full_run, "on", False):
                _write((time.perf_counter() - start) * 1000)

    return _original_fragment(timed, **kwargs)


_original_fragment = st.fragment
st.fragment = _timed_fragment
_start = time.perf_counter()
_in_full_run.on = True
try:
    runpy.run_path(os.environ["KCM_PAGE"], run_name="__main__")
finally:
    _in_full_run.on = False
    _write((time.perf_counter() - _start) * 1000)
