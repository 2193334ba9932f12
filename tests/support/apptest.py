"""Run dashboard.py in Streamlit's AppTest and read back what it drew."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"
FIXTURE = ROOT / "tests" / "fixtures" / "events_small.csv"
SEEDS = ROOT / "seeds"


def run_app(monkeypatch, *args: str, params: dict[str, str] | None = None) -> AppTest:
    """Run dashboard.py as ``streamlit run dashboard.py -- ARGS`` with URL ``params``."""
    monkeypatch.setattr(sys, "argv", ["dashboard.py", *args])
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def shown(element) -> str:
    """A markdown element's text as the page shows it: data in messages is
    backslash-escaped and URLs carry invisible word joiners (gazetteer.web.text)."""
    return re.sub(r"\\(.)", r"\1", element.value).replace("\u2060", "")


def map_args(at: AppTest) -> dict:
    [component] = [e for e in at.main if type(e).__name__ == "UnknownElement"
                   and "feature_group" in getattr(e.proto, "json_args", "")]
    return json.loads(component.proto.json_args)
