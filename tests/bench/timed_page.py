"""Run a page (``KCM_PAGE``) and append its script time in ms to ``KCM_BENCH_LOG``.

Used by bench_dashboard.py, which copies this file into a temporary folder with its own
``static/`` (Streamlit serves the folder next to the main script), so the real page and
the naive one are timed the same way inside a real server.
"""

from __future__ import annotations

import os
import runpy
import time
from pathlib import Path

from gazetteer._assets import install_static_assets

install_static_assets(Path(__file__).resolve().parent / "static")
_start = time.perf_counter()
try:
    runpy.run_path(os.environ["KCM_PAGE"], run_name="__main__")
finally:
    with open(os.environ["KCM_BENCH_LOG"], "a", encoding="utf-8") as _log:
        _log.write(f"{(time.perf_counter() - _start) * 1000:.2f}\n")
