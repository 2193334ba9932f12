"""Imported once by the upload workers' fork server (:mod:`gazetteer.isolated`): loads
the gazetteer and compiles the extraction rules, so each forked worker starts warm."""

from __future__ import annotations

from gazetteer.articles import article_from_text
from gazetteer.extract import extract_articles

extract_articles([article_from_text("warm.txt", "The KIA captured Bhamo on 3 May 2024.")])
