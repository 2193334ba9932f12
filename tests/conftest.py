"""Fixtures shared across test modules: the Chromium browser and a fresh page per test,
defined in test_browser.py (the real-browser tests of every issue use them)."""

from test_browser import browser, page  # noqa: F401
