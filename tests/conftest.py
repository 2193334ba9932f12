"""Settings for the whole suite: no test touches the user's own corpus store."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point ``KACHIN_MAP_DB`` (the page's and the CLI's default store) at a temporary
    file, for this process and the servers it starts."""
    before = os.environ.get("KACHIN_MAP_DB")
    os.environ["KACHIN_MAP_DB"] = str(tmp_path_factory.mktemp("store") / "corpus.sqlite3")
    yield
    if before is None:
        os.environ.pop("KACHIN_MAP_DB", None)
    else:
        os.environ["KACHIN_MAP_DB"] = before
