"""Villages and wards (MIMU Place Codes 9.6, ``data/villages.csv``) and where a mention is.

The table is built by ``data/build/build_villages.py`` from the ``mm-geo-coder`` package
(see ``data/SOURCES.md``). Columns: ``pcode, kind (v village | w ward), name, parent
(village tract, or town for a ward), township, state, lat, lon (WGS84 decimal degrees),
basis``. ``basis`` says where the point comes from: ``mimu`` (MIMU's coordinate, cited as
sourced), ``tract`` (MIMU gives none: the mean of the located villages of the village
tract), ``town:<Pcode>`` (at that MIMU town, normally the township seat) or ``township``
(the mean of the township's located villages); all but ``mimu`` are ``approximate``.

Village names repeat by the hundred ("Ywar Thit" 112 times in the five states kept), so a
name alone never places a village: :meth:`VillageIndex.resolve` answers only when the
township, the village tract or a distance to other places the article names leaves one
place, and otherwise returns None. Names match by :func:`~gazetteer.places.spelling_key`
(so "Tar Ma Khan" finds MIMU's "Tar Ma Hkan").
"""

from __future__ import annotations

import csv
import gc
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import overload

from gazetteer.errors import DataFileError
from gazetteer.places import Place, haversine_km, spelling_key, spelling_keys
from gazetteer.settings import VILLAGES_CSV

__all__ = ["VILLAGE_COLUMNS", "VillageIndex", "load_villages"]

VILLAGE_COLUMNS = ("pcode", "kind", "name", "parent", "township", "state", "lat", "lon",
                   "basis")
SOURCE = "MIMU Place Codes 9.6 (via mm-geo-coder 0.2.1)"
#: Candidates left that all lie within this many km of each other are one place.
SAME_PLACE_KM = 1.0
_KINDS = {"v": "village", "w": "ward"}
_PAREN = re.compile(r"\(([^)]*)\)")
_WARD = re.compile(r"\s+ward$", re.IGNORECASE)
#: "X Gyi" / "X Gyee": the big, main village of a pair ("X" and "X Lay")
_MAIN_VILLAGE = re.compile(r"(.+?)\s+(?:Gyi|Gyee|Kyi)", re.IGNORECASE)
#: Lines (names) that may have several forms: a parenthesis, or "Ward" at the end.
_SEVERAL_FORMS = re.compile(r"^.*(?:\(.*|ward[^\S\n]*)$", re.IGNORECASE | re.MULTILINE)


def _coord_source(pcode: str, kind: str, parent: str, basis: str) -> tuple[str, str]:
    """``(coord_basis, coord_source)`` for a row's ``basis`` code; ValueError if unknown."""
    what = f"{kind} {pcode}"
    if basis == "mimu":
        return "sourced", f"{SOURCE}, {what}"
    why = f"{SOURCE} gives {what} no coordinate"
    if basis.startswith("rejected>"):
        basis = basis.removeprefix("rejected>")
        why = (f"{SOURCE} puts {what} far outside its state, so that point was discarded "
               "(no coordinate)")
    if basis == "tract":
        return "approximate", (f"{why}; placed at the mean of the located villages of its "
                               f"village tract {parent}")
    if basis.startswith("town:") and len(basis) > 5:
        return "approximate", f"{why}; placed at MIMU town {basis[5:]}"
    if basis == "township":
        return "approximate", (f"{why}; placed at the mean of the located villages of its "
                               "township")
    raise ValueError(basis)


#: A checked row: :class:`~gazetteer.places.Place`'s fields in their order, except that
#: ``coord_source`` may still be ``(pcode, kind, parent, basis code)``, the sentence made
#: only when the place is read (:func:`_place`): 28,692 sentences nobody may ask for.
_Row = tuple


def _place(row: _Row) -> Place:
    """The :class:`~gazetteer.places.Place` of a checked row."""
    source = row[10]
    if isinstance(source, tuple):
        source = _coord_source(*source)[1]
    return Place(*row[:10], source)


def _row_fields(path: Path, line: int, row: Sequence[str], districts: Mapping[str, str]
                ) -> tuple[_Row, str]:
    """Check one row (its cells in :data:`VILLAGE_COLUMNS` order): its :data:`_Row` and
    its parent. Raises :class:`DataFileError` naming the file and line."""
    pcode, kind, name, parent, township, state, lat_s, lon_s, code = (c.strip() for c in row)
    if not name:
        raise DataFileError(path, "empty name", line=line)
    if kind not in _KINDS:
        raise DataFileError(path, f"{name}: kind must be 'v' or 'w', not {kind!r}", line=line)
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise DataFileError(path, f"{name}: lat/lon {row[6]!r}, {row[7]!r} are not numbers",
                            line=line) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # NaN fails both comparisons
        raise DataFileError(path, f"{name}: ({lat}, {lon}) is out of range", line=line)
    try:
        basis, _ = _coord_source(pcode, _KINDS[kind], parent, code)
    except ValueError:
        raise DataFileError(path, f"{name}: unknown basis {row[8]!r} (mimu, tract, "
                                  "town:<Pcode>, township)", line=line) from None
    return (name, (), lat, lon, _KINDS[kind], township, districts.get(township, ""), state,
            pcode, basis, (pcode, _KINDS[kind], parent, code)), parent


def _row_place(path: Path, line: int, row: Mapping[str, str | None],
               districts: Mapping[str, str]) -> tuple[Place, str]:
    """One row given by column name, checked: its place and its parent."""
    fields_, parent = _row_fields(path, line, [row.get(c) or "" for c in VILLAGE_COLUMNS],
                                  districts)
    return _place(fields_), parent


def _read_table(path: Path, districts: Mapping[str, str]) -> tuple[list[_Row], list[str]]:
    """The checked rows of a village table and their parents (see :func:`load_villages`).

    The whole table is checked a column at a time (fast); if any check fails, it is read
    again a row at a time by :func:`_checked_rows`, which raises naming the first bad line.
    """
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(path, f"cannot read the village table ({err.strerror})") from err
    with handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        order = _column_order(path, header)
        cells = [row for row in reader if row]  # blank lines skipped, as DictReader does
    checked = _checked_columns(cells, order, len(header), districts)
    return checked if checked is not None else _checked_rows(path, districts)


def _column_order(path: Path, header: list[str]) -> list[int]:
    """Where each of :data:`VILLAGE_COLUMNS` is in ``header`` (the last of a repeated
    name, as :class:`csv.DictReader` reads it)."""
    missing = [c for c in VILLAGE_COLUMNS if c not in header]
    if missing:
        raise DataFileError(path, f"missing column(s): {', '.join(missing)}", line=1)
    return [len(header) - 1 - header[::-1].index(c) for c in VILLAGE_COLUMNS]


def _checked_columns(cells: list[list[str]], order: list[int], width: int,
                     districts: Mapping[str, str]) -> tuple[list[_Row], list[str]] | None:
    """The rows if every one passes every check of :func:`_row_fields`, else None."""
    if any(len(row) != width for row in cells):
        return None
    columns = list(zip(*cells, strict=True)) or [()] * width
    pcode, kind, name, parent, township, state, lat_s, lon_s, code = (
        list(map(str.strip, columns[i])) for i in order)
    if "" in name or not set(kind) <= _KINDS.keys() or len(set(pcode)) != len(pcode):
        return None
    try:
        lat, lon = list(map(float, lat_s)), list(map(float, lon_s))
    except ValueError:
        return None
    if not (all(-90 <= x <= 90 for x in lat) and all(-180 <= x <= 180 for x in lon)):
        return None
    basis: dict[str, str] = {}
    for one in set(code):
        try:
            basis[one] = _coord_source("", "", "", one)[0]
        except ValueError:
            return None
    kinds = list(map(_KINDS.__getitem__, kind))
    rows = list(zip(name, repeat(()), lat, lon, kinds, township,
                    map(districts.get, township, repeat("")), state, pcode,
                    map(basis.__getitem__, code), zip(pcode, kinds, parent, code, strict=True),
                    strict=False))
    return rows, parent


def _checked_rows(path: Path, districts: Mapping[str, str]) -> tuple[list[_Row], list[str]]:
    """The table checked a row at a time: raises at the first bad line."""
    rows: list[_Row] = []
    parents: list[str] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        order, width = _column_order(path, header), len(header)
        for cells in reader:
            if not cells:
                continue
            cells += [""] * (width - len(cells))
            fields_, parent = _row_fields(path, reader.line_num, [cells[i] for i in order],
                                          districts)
            pcode = fields_[8]
            if pcode in seen:
                raise DataFileError(path, f"Pcode {pcode} appears twice (first on line "
                                          f"{seen[pcode]})", line=reader.line_num)
            seen[pcode] = reader.line_num
            rows.append(fields_)
            parents.append(parent)
    return rows, parents


def load_villages(path: str | Path = VILLAGES_CSV, *,
                  districts: Mapping[str, str] | None = None
                  ) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """Read and check the village table.

    Parameters
    ----------
    path : str or Path
        ``data/villages.csv`` or a table with its columns.
    districts : mapping, optional
        Township name -> district name, to fill :attr:`Place.district`.

    Returns
    -------
    (places, parents)
        One :class:`~gazetteer.places.Place` per row (``kind`` "village" or "ward") and,
        aligned with it, each row's village tract (or town, for a ward).

    Raises
    ------
    DataFileError
        Naming the file and line: a missing column, an empty name, an unknown kind or
        basis, a coordinate that is not a number or out of range, a Pcode seen twice.
    """
    rows, parents = _read_table(Path(path), districts or {})
    return tuple(map(_place, rows)), tuple(parents)


def name_forms(name: str) -> set[str]:
    """The forms a MIMU village or ward name is found by: as written, without its
    parenthesis, each parenthesised alternative, and a ward without the word "Ward"."""
    if "(" not in name and not name.rstrip().lower().endswith("ward"):  # most: one form
        plain = " ".join(name.split())
        return {plain} if plain else set()
    forms = {name, _PAREN.sub(" ", name), *_PAREN.findall(name)}
    forms |= {_WARD.sub("", f.strip()) for f in forms}
    return {" ".join(f.split()) for f in forms if f.strip()}


def tract_alias(name: str, tract: str) -> str | None:
    """The other name a village tract gives the village it is named after: "Nawng Kawn"
    for the village "Nawng Kun" of the tract "Nawng Kun (Nawng Kawn)", "Nam Byu" for
    "Nam Hkam Par" of "Nam Hkam Par (a) Nam Byu" ("a": also known as). None when the
    village is not the tract's namesake, or the parenthesis qualifies rather than names
    ("(North)", "(2)", "(Lower)", or a nested one shared by several tracts)."""
    m = _TRACT_ALIAS.fullmatch(tract.strip())
    if m is None or " ".join(m.group("main").split()) != " ".join(name.split()):
        return None
    alias = " ".join((m.group("alias") or m.group("aka")).split())
    if (len(alias) < 5 and " " not in alias) or not alias[0].isupper() or \
            any(c.isdigit() for c in alias) or alias.casefold() in _QUALIFIERS:
        return None  # not "(Loi)" ("hill"), "(Zay)" ("market"): a word, not a name
    return alias


#: "Main (Alias)" or "Main (a) Alias", one parenthesis only.
_TRACT_ALIAS = re.compile(r"(?P<main>[^()]+?)\s*(?:\((?P<alias>[^()]+)\)|\(a\)\s*(?P<aka>[^()]+))")
#: A spelling key ending in a vowel and "t": the final stop a writer may drop.
_FINAL_T = re.compile(r"[aeiou]t$")
#: Words that qualify a tract's name rather than give another one ("Zee Pa Ni (North)").
_QUALIFIERS = frozenset({"north", "south", "east", "west", "upper", "lower", "middle",
                         "central", "new", "old", "big", "small", "inner", "outer"})


@lru_cache(maxsize=131_072)
def _area_keys(name: str) -> tuple[str, ...]:
    """The spelling keys of ``name``'s forms, sorted: a tuple of strings, which the
    garbage collector stops tracking (the table holds some 60,000 of them)."""
    return tuple(sorted({spelling_key(f) for f in name_forms(name)} - {""}))


def _area_keys_of(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """:func:`_area_keys` of many names at once (one pass of the spelling rules). Most
    names have one form, the name itself; those with a parenthesis or ending in "Ward"
    go through :func:`name_forms`."""
    unique = list(dict.fromkeys(names))
    keys = {name: (key,) if key else () for name, key in zip(unique, spelling_keys(unique),
                                                              strict=True)}
    joined = "\n".join(unique)
    maybe = (_SEVERAL_FORMS.findall(joined) if joined.count("\n") == len(unique) - 1
             else unique)  # a name holding a line break: look at every name
    several = {name: sorted(name_forms(name)) for name in maybe}
    flat = [f for forms in several.values() for f in forms]
    key_of = dict(zip(flat, spelling_keys(flat), strict=True))
    for name, forms in several.items():
        keys[name] = tuple(sorted({key_of[f] for f in forms} - {""}))
    return keys


_PLACE_FIELDS = tuple(f.name for f in fields(Place))
_LAT, _LON, _BASIS, _PCODE = (_PLACE_FIELDS.index(f)
                              for f in ("lat", "lon", "coord_basis", "pcode"))


class _PlaceRows(Sequence[Place]):
    """The table's places kept as plain tuples of strings and numbers, which the garbage
    collector stops tracking (some 29,000 :class:`Place` objects would be scanned by every
    full collection of a process), each made a :class:`Place` when read."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[tuple]) -> None:
        self._rows = tuple(rows)

    @classmethod
    def of(cls, places: Iterable[Place]) -> _PlaceRows:
        """The rows of ready-made places."""
        return cls(tuple(getattr(p, f) for f in _PLACE_FIELDS) for p in places)

    def __len__(self) -> int:
        return len(self._rows)

    def field(self, name: str) -> list:
        """One field of every place, in table order (``"name"``, ``"township"``, ...)."""
        i = _PLACE_FIELDS.index(name)
        return [row[i] for row in self._rows]

    def field_of(self, i: int, name: str) -> object:
        """One field of place ``i``, without making the :class:`Place`."""
        return self._rows[i][_PLACE_FIELDS.index(name)]

    def point(self, i: int) -> tuple[float, float]:
        """``(lat, lon)`` of place ``i``, without making the :class:`Place`."""
        row = self._rows[i]
        return (row[_LAT], row[_LON])

    def sourced(self, i: int) -> bool:
        """Whether place ``i``'s coordinates are sourced (not approximate)."""
        return self._rows[i][_BASIS] == "sourced"

    @overload
    def __getitem__(self, i: int) -> Place: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Place, ...]: ...

    def __getitem__(self, i: int | slice) -> Place | tuple[Place, ...]:
        if isinstance(i, slice):
            return tuple(map(_place, self._rows[i]))
        return _place(self._rows[i])


class VillageIndex:
    """Villages and wards by name, resolved only where the context settles them."""

    def __init__(self, places: Sequence[Place], parents: Sequence[str]) -> None:
        self._build(_PlaceRows.of(places), parents)

    def _build(self, places: _PlaceRows, parents: Sequence[str]) -> None:
        self.places = places
        self.parents = tuple(parents)
        names, townships = places.field("name"), places.field("township")
        keys = _area_keys_of([*names, *townships, *self.parents])
        by_key: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            for key in keys[name]:
                by_key.setdefault(key, []).append(i)
        #: the other name a village's tract gives it ("Nawng Kawn" for "Nawng Kun" of the
        #: tract "Nawng Kun (Nawng Kawn)"), by row
        self._aliases: dict[int, str] = {}
        tracts = Counter((town, tract.split("(")[0].strip()) for town, tract
                         in set(zip(townships, self.parents, strict=True)))
        for i, parent in enumerate(self.parents):
            alias = tract_alias(names[i], parent) if "(" in parent else None
            if alias is None or tracts[townships[i], parent.split("(")[0].strip()] > 1:
                continue  # "Man Kyawng (Kywe Kone)" beside "Man Kyawng (Kyaukme Gyi)": the
                # parenthesis tells two tracts apart, it is no other name
            self._aliases[i] = alias
            for key in _area_keys(alias):
                if i not in by_key.setdefault(key, []):
                    by_key[key].append(i)
        #: tuples of ints, not lists: nothing for the garbage collector to scan
        self._by_key: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_key.items()}
        clipped: dict[str, list[int]] = {}
        for key, rows in by_key.items():
            if _FINAL_T.search(key):  # "Nar Hpawt" written "Nahpaw": the final stop dropped
                clipped.setdefault(key[:-1], []).extend(rows)
        self._by_clipped: dict[str, tuple[int, ...]] = {k: tuple(v)
                                                         for k, v in clipped.items()}
        self._township_keys = tuple(map(keys.__getitem__, townships))
        self._parent_keys = tuple(map(keys.__getitem__, self.parents))
        #: the keys of every name, township and tract as the table writes them
        self._table_keys = keys
        self._pcodes = {pcode: i for i, pcode in enumerate(places.field("pcode"))}

    @classmethod
    def load(cls, path: str | Path = VILLAGES_CSV, *,
             districts: Mapping[str, str] | None = None) -> VillageIndex:
        """The index of a village table, checked as :func:`load_villages` checks it."""
        with _gc_paused():
            rows, parents = _read_table(Path(path), districts or {})
            index = cls.__new__(cls)
            index._build(_PlaceRows(rows), parents)
        return index

    def __len__(self) -> int:
        return len(self.places)

    def by_pcode(self, pcode: str) -> Place | None:
        """The village or ward with this MIMU Pcode, or None."""
        i = self._pcodes.get(pcode.strip())
        return None if i is None else self.places[i]

    def _keys(self, name: str) -> tuple[str, ...]:
        """:func:`_area_keys` of ``name``, at once for a name written as in the table."""
        keys = self._table_keys.get(name)
        return _area_keys(name) if keys is None else keys

    def _indices(self, name: str) -> list[int]:
        keys = self._keys(name)
        if len(keys) == 1:
            return list(self._by_key.get(keys[0], ()))
        found: dict[int, None] = {}
        for key in keys:
            found.update(dict.fromkeys(self._by_key.get(key, ())))
        return sorted(found)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every village or ward ``name`` may be (any spelling variant), table order."""
        return tuple(self.places[i] for i in self._indices(name))

    def resolve(self, name: str, *, township: str | None = None, tract: str | None = None,
                near: tuple[float, float] | Iterable[tuple[float, float]] | None = None,
                max_km: float = 25.0) -> Place | None:
        """The one village or ward the context leaves for ``name``, else None.

        Parameters
        ----------
        name : str
            The name as the article writes it ("Tar Ma Khan", "Lu Pi village").
        township, tract : str, optional
            Township and village tract (or town, for a ward) the article puts it in.
        near : (lat, lon) or iterable of them, optional
            Points in decimal degrees (the article's other places): a candidate must lie
            within ``max_km`` kilometres of one of them.
        max_km : float
            Radius for ``near``, in kilometres.

        Returns
        -------
        Place or None
            None when no context is given, nothing matches, or more than one place
            remains (candidates all within :data:`SAME_PLACE_KM` of each other count as
            one: the first with MIMU's own coordinate is returned). Never a guess. A name
            ending in "Gyi" ("big") that the table lacks is the village of its stem that
            gives its name to its village tract (the main village), when the context
            leaves one; it is then marked approximate, with that reading in
            ``coord_source``.
        """
        if township is None and tract is None and near is None:
            return None
        name = _WARD.sub("", re.sub(r"\s+village$", "", name.strip(), flags=re.IGNORECASE))
        if near is not None and not _is_point(near):
            near = list(near)  # type: ignore[arg-type]  # read twice below
        found = self._resolve(self._indices(name), township, tract, near, max_km,
                              exact=name)
        if found is None and not self._filtered(self._indices(name), township, tract, near,
                                                max_km):
            found = self._clipped(name, township, tract, near, max_km)
        main = _MAIN_VILLAGE.fullmatch(name)
        if found is None and main and not self._indices(name):
            # "Man Wein Gyi" ("big"), not in the table: the village "Man Wein" that gives
            # its name to its village tract, when the context leaves one
            stem = main.group(1)
            stem_keys = set(self._keys(stem))
            heads = [i for i in self._indices(stem) if stem_keys & set(self._parent_keys[i])]
            found = self._resolve(heads, township, tract, near, max_km)
            if found is not None:
                found = replace(found, coord_basis="approximate", coord_source=(
                    f"{found.coord_source}; '{name}' read as {found.name}, the village "
                    f"that names its village tract (\"Gyi\": the main village)"))
        return found

    def _resolve(self, pool: list[int], township: str | None, tract: str | None,
                 near: tuple[float, float] | Iterable[tuple[float, float]] | None,
                 max_km: float, *, exact: str = "") -> Place | None:
        """The one place of ``pool`` the context leaves; among several, the one written
        ``exact`` (its name, a parenthesised form or its tract's other name) when only one
        is: "Nawng Kawn" is MIMU's "Nawng Kun (Nawng Kawn)", not the "Nawng Kon" beside."""
        pool = self._filtered(pool, township, tract, near, max_km)
        if exact and len(pool) > 1:
            written = " ".join(exact.split()).casefold()
            same = [i for i in pool if written in self._written(i)]
            pool = same if len(same) == 1 else pool
        return self._settled(pool)

    def _filtered(self, pool: list[int], township: str | None, tract: str | None,
                  near: tuple[float, float] | Iterable[tuple[float, float]] | None,
                  max_km: float) -> list[int]:
        """The rows of ``pool`` in the township and tract given, near a point given."""
        if township:
            keys = frozenset(self._keys(township))
            pool = [i for i in pool if not keys.isdisjoint(self._township_keys[i])]
        if tract:
            keys = frozenset(self._keys(tract))
            pool = [i for i in pool if not keys.isdisjoint(self._parent_keys[i])]
        if near is not None:
            points = [near] if _is_point(near) else list(near)  # type: ignore[list-item]
            pool = [i for i in pool if any(haversine_km(self.places.point(i), p) <= max_km
                                           for p in points)]
        return pool

    def _clipped(self, name: str, township: str | None, tract: str | None,
                 near: tuple[float, float] | Iterable[tuple[float, float]] | None,
                 max_km: float) -> Place | None:
        """A name the table lacks read as one whose final "t" it drops ("Nahpaw" for
        MIMU's "Nar Hpawt"), when the context leaves one; marked approximate, with that
        reading in ``coord_source``."""
        pool = sorted({i for key in self._keys(name) for i in self._by_clipped.get(key, ())})
        found = self._resolve(pool, township, tract, near, max_km) if pool else None
        if found is None:
            return None
        return replace(found, coord_basis="approximate", coord_source=(
            f"{found.coord_source}; '{name}' read as {found.name}, written without its "
            "final 't'"))

    def _written(self, i: int) -> set[str]:
        """The forms row ``i`` is written in, case folded: :func:`name_forms` of its name
        and its tract's other name."""
        forms = name_forms(self.places.field_of(i, "name"))
        forms |= {self._aliases[i]} if i in self._aliases else set()
        return {f.casefold() for f in forms}

    def _settled(self, pool: list[int]) -> Place | None:
        if not pool:
            return None
        points = [self.places.point(i) for i in pool]
        if any(haversine_km(a, b) > SAME_PLACE_KM for n, a in enumerate(points)
               for b in points[n + 1:]):
            return None
        sourced = [i for i in pool if self.places.sourced(i)]
        return self.places[sourced[0] if sourced else pool[0]]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No garbage collection while a table is read: its 28,692 new rows would set off
    full collections of the whole process (a quarter of the load time), and none of
    them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _is_point(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(v, int | float) for v in value))
