"""Fallbacks: GeoNames offline, Nominatim opt-in and failing gracefully without network."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import fallback
from gazetteer.errors import GeocoderUnavailable
from gazetteer.places import Gazetteer

FIXTURE = Path(__file__).parent / "fixtures" / "places_small.csv"


def test_geonames_fallback_finds_a_place_the_table_lacks() -> None:
    gaz = Gazetteer(FIXTURE, secondary=True)
    match = gaz.lookup("Mandalay")
    assert match is not None and match.match == "fallback"
    assert match.place.coord_source.startswith("GeoNames ")
    assert match.place.lat == pytest.approx(21.97, abs=0.1)


def test_secondary_can_be_switched_off() -> None:
    assert Gazetteer(FIXTURE, secondary=False).lookup("Mandalay") is None


def test_online_without_network_raises_unavailable(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A closed port on loopback stands for "no network": the request fails at once.
    monkeypatch.setattr(fallback, "NOMINATIM_DOMAIN", "127.0.0.1:9")
    monkeypatch.setattr(fallback, "NOMINATIM_SCHEME", "http")
    gaz = Gazetteer(FIXTURE, secondary=False, online=True, cache_dir=tmp_path)
    with pytest.raises(GeocoderUnavailable, match="online lookup of 'Qwertyuiop Nowhere' "
                                                  "unavailable"):
        gaz.lookup("Qwertyuiop Nowhere")
    assert gaz.lookup("Myitkyina") is not None
    assert not (tmp_path / "nominatim.json").exists()


def test_online_answers_come_from_cache_marked_unverified(tmp_path: Path) -> None:
    (tmp_path / "nominatim.json").write_text(json.dumps({
        "namti junction": {"name": "Namti Junction", "lat": 25.2, "lon": 97.0,
                           "source": "OpenStreetMap Nominatim: Namti, Kachin"}}))
    gaz = Gazetteer(FIXTURE, secondary=False, online=True, cache_dir=tmp_path)
    match = gaz.lookup("Namti Junction")
    assert match is not None and match.match == "fallback"
    assert match.place.approximate
    assert "unverified" in match.place.coord_source
