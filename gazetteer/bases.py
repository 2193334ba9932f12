"""Military posts and battalion headquarters the news names, and where each one sits.

``data/bases.csv`` holds only units whose location a cited source states. Columns:

- ``name``: the designation as news abbreviates it ("IB 142", "LIB 324", "MOC-21",
  "BGF 1002") or the command's name ("Northern Command");
- ``aliases``: ``|``-separated spellings the rules below do not generate;
- ``unit``: what it is ("infantry battalion headquarters", ...);
- ``at``: the place it sits at: a gazetteer place's canonical name, or ``village:<Pcode>``
  for a MIMU village of ``data/villages.csv``;
- ``basis``: ``in town`` (inside the town), ``near town`` (outside it, the source gives
  the distance or road) or ``at village``;
- ``source``: where it is said, with the address.

A base takes its coordinates from its ``at`` place and is always ``approximate`` (a
headquarters covers ground; the point is the town's or the village's). Designations are
expanded by :func:`unit_forms`: "IB 142" is also "IB-142", "IB No. 142", "Infantry
Battalion 142", "Infantry Battalion (IB) 142" and "142nd Infantry Battalion". A bare
"Battalion 142" is never generated: KIA battalions are numbered too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

from gazetteer.errors import DataFileError
from gazetteer.places import Place, normalize
from gazetteer.settings import BASES_CSV

__all__ = ["BASE_BASES", "BASE_COLUMNS", "UNIT_PREFIXES", "BaseIndex", "load_bases",
           "unit_forms"]

BASE_COLUMNS = ("name", "aliases", "unit", "at", "basis", "source")
BASE_BASES = ("in town", "near town", "at village")
#: Designation prefix -> the words it abbreviates, as news spells them out.
UNIT_PREFIXES: dict[str, tuple[str, ...]] = {
    "IB": ("Infantry Battalion",),
    "LIB": ("Light Infantry Battalion",),
    "MOC": ("Military Operations Command", "Military Operation Command"),
    "BGF": ("Border Guard Force Battalion", "BGF Battalion", "Border Guard Force"),
    "AB": ("Artillery Battalion",),
    "AOC": ("Artillery Operations Command", "Artillery Operation Command"),
    "LIR": ("Light Infantry Regiment",),
}
_DESIGNATION = re.compile(r"^(?P<prefix>[A-Z]+)[\s-]+(?P<number>\d+)$")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def unit_forms(name: str) -> list[str]:
    """Spellings of a unit designation by rule ("LIB 324" -> "Light Infantry Battalion
    No. 324", ...); a name that is not ``PREFIX NUMBER`` gives only itself."""
    m = _DESIGNATION.match(name.strip())
    if m is None or m["prefix"] not in UNIT_PREFIXES:
        return [name]
    prefix, number = m["prefix"], int(m["number"])
    forms = [f"{prefix} {number}", f"{prefix}-{number}", f"{prefix} No. {number}",
             f"{prefix}{number}", f"{number} {prefix}"]
    for words in UNIT_PREFIXES[prefix]:
        forms += [f"{words} {number}", f"{words} No. {number}", f"{words} ({prefix}) {number}",
                  f"{words} ({prefix}) No. {number}", f"{_ordinal(number)} {words}",
                  f"{number} {words}"]
    if prefix == "BGF":
        forms += [f"No. {number} {prefix}", f"Battalion {number}", f"Battalion No. {number}"]
    return forms


def _parse(path: Path, line: int, row: dict[str, str],
           resolve_at: Callable[[str], Place | None]) -> Place:
    name = (row.get("name") or "").strip()
    if not name:
        raise DataFileError(path, "empty name", line=line)
    basis, at = (row.get("basis") or "").strip(), (row.get("at") or "").strip()
    source = (row.get("source") or "").strip()
    if basis not in BASE_BASES:
        raise DataFileError(path, f"{name}: basis must be one of {', '.join(BASE_BASES)}, "
                                  f"not {basis!r}", line=line)
    if "http" not in source:
        raise DataFileError(path, f"{name}: source must cite where the unit is said to sit "
                                  "(with its address)", line=line)
    if (basis == "at village") != at.startswith("village:"):
        raise DataFileError(path, f"{name}: 'at village' goes with at=village:<Pcode>, and "
                                  "only with it", line=line)
    anchor = resolve_at(at)
    if anchor is None:
        raise DataFileError(path, f"{name}: at={at!r} is no gazetteer place (a canonical "
                                  "name) nor a village Pcode of data/villages.csv", line=line)
    listed = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    aliases = []
    for form in (*unit_forms(name), *listed):
        if form != name and form not in aliases:
            aliases.append(form)
    where = f"{anchor.name} ({anchor.kind}, {anchor.coord_basis}: {anchor.coord_source})"
    return Place(name=name, aliases=tuple(aliases), lat=anchor.lat, lon=anchor.lon,
                 kind="military base", township=anchor.township, district=anchor.district,
                 state=anchor.state, pcode="", coord_basis="approximate",
                 coord_source=f"{(row.get('unit') or 'unit').strip()} {basis}: placed at "
                              f"{where}; where the unit sits: {source}")


def load_bases(path: str | Path = BASES_CSV, *,
               resolve_at: Callable[[str], Place | None]) -> tuple[Place, ...]:
    """Read and check the base table.

    Parameters
    ----------
    path : str or Path
        ``data/bases.csv`` or a table with its columns.
    resolve_at : callable
        ``at`` value -> the :class:`~gazetteer.places.Place` it names, or None.

    Raises
    ------
    DataFileError
        Naming the file and line: a missing column, an empty name, an unknown basis, no
        cited source, an ``at`` that names no place, a name or spelling given to two units.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(path, f"cannot read the base table ({err.strerror})") from err
    bases: list[Place] = []
    owner: dict[str, tuple[str, int]] = {}
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in BASE_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(path, f"missing column(s): {', '.join(missing)}", line=1)
        for row in reader:
            base = _parse(path, reader.line_num, row, resolve_at)
            for form in {normalize(f) for f in (base.name, *base.aliases)}:
                if form in owner and owner[form][0] != base.name:
                    raise DataFileError(path, f"{base.name}: spelling {form!r} also names "
                                              f"{owner[form][0]} (line {owner[form][1]})",
                                        line=reader.line_num)
                owner[form] = (base.name, reader.line_num)
            bases.append(base)
    return tuple(bases)


class BaseIndex:
    """Bases by any spelling of their designation (case and punctuation ignored)."""

    def __init__(self, bases: tuple[Place, ...]) -> None:
        self.bases = bases
        self._by_form = {normalize(f): b for b in bases for f in (b.name, *b.aliases)}

    def resolve(self, name: str) -> Place | None:
        """The base a designation names ("Infantry Battalion (IB) 142"), or None."""
        return self._by_form.get(normalize(name))
