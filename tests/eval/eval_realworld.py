"""``make eval``: the extractor on a folder of real articles, scored against a gold set.

Usage::

    python tests/eval/eval_realworld.py --articles DIR --gold DIR [--rows] [--tsv FILE]

``--articles`` is a folder of article texts (``*.txt``) with its ``sources.csv``
(``file,published,outlet,title,url``); ``--gold`` a folder holding ``gold.csv``,
``forbidden.csv``, ``refplaces.csv`` and the strict scorer ``score_strict.py`` (the shared
development set, ``../shared/realworld``). The article texts are third-party: they live
outside the repository and nothing here copies them.

What it does:

1. extracts the folder with the public API (:func:`gazetteer.extract.extract_folder`) and
   writes the event table to a temporary CSV;
2. runs the shared scorer on it, by path, and prints the scorer's summary (every row with
   ``--rows``);
3. prints its own breakdown from the scorer's per-row verdicts: strict recall and
   precision, place-only recall, misses by cause (place unknown to the gazetteer, place
   known but not extracted, wrong date, wrong actor, wrong type) and false positives by
   cause, then a line per article.

Exit status 0 when scored, 2 when an input is missing. It never asserts a target: it
measures.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

GOLD_FILES = ("gold.csv", "forbidden.csv", "refplaces.csv", "score_strict.py")
#: Words a gold place name may carry around the name the gazetteer would know.
GENERIC_WORDS = re.compile(
    r"\b(?:hill|outposts?|camps?|bases?|militia|posts?|stations?|area|road|"
    r"headquarters|hq|village|town|township)\b", re.IGNORECASE)
MISS_CAUSES = ("place unknown to the gazetteer", "place known but not extracted",
               "wrong date", "wrong actor", "wrong type")
FP_CAUSES = ("forbidden (context, plan, denial, history)", "wrong date", "wrong actor",
             "wrong type", "no gold event at this place", "no coordinates")


@dataclass(frozen=True)
class RefPlace:
    """Where a gold place is (decimal degrees) and how far off (km) an event may lie."""

    name: str
    point: tuple[float, float]
    tol_km: float


# -- inputs -------------------------------------------------------------------------------

def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_refplaces(path: Path) -> dict[str, RefPlace]:
    """``refplaces.csv`` as name -> :class:`RefPlace` (tolerance defaults to 20 km)."""
    places = {}
    for row in _read_csv(path):
        places[row["name"]] = RefPlace(row["name"], (float(row["lat"]), float(row["lon"])),
                                       float(row.get("tol_km") or 20))
    return places


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer by path (its ``km``, ``date_ok``, ``actor_ok``)."""
    spec = importlib.util.spec_from_file_location("score_strict_shared", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_verdicts(path: Path) -> list[dict[str, str]]:
    """The scorer's ``--tsv`` rows: kind (MATCH, MISSED, DUP, FP, FP-FORBIDDEN), file,
    type, place, date, actor, why, text."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _flat(text: str) -> str:
    return str(text).replace("\t", " ").replace("\n", " ")


# -- causes -------------------------------------------------------------------------------

def name_forms(name: str) -> list[str]:
    """Names to look a gold place up by: as written, without its parenthesis, the
    parenthesis alone, and without generic words ("Nga Bat Gyi camp" -> "Nga Bat Gyi")."""
    forms = [name]
    outside = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    for form in (outside, *inside):
        forms.append(form)
        forms.append(GENERIC_WORDS.sub(" ", form))
    cleaned = []
    for form in forms:
        form = " ".join(form.replace("-", " - ").split()).strip(" -")
        if form and form not in cleaned:
            cleaned.append(form)
    return cleaned


def place_known(gaz: object, ref: RefPlace, scorer: ModuleType) -> str:
    """Which table knows the gold place within its tolerance: "gazetteer" (towns and
    listed places), "villages", "bases", or "" when none does."""
    from gazetteer.errors import AmbiguousPlace

    def near(places: object) -> bool:
        return any(scorer.km(p.point, ref.point) <= ref.tol_km for p in places)

    for form in name_forms(ref.name):
        try:
            match = gaz.lookup(form, fuzzy=False)
            found = [match.place] if match is not None else []
        except AmbiguousPlace as err:
            found = list(err.candidates)
        if found and near(found):
            return "gazetteer"
    for form in name_forms(ref.name):
        finder = getattr(gaz, "village_candidates", None)
        if finder is not None and near(finder(form)):
            return "villages"
        base = getattr(gaz, "resolve_base", None)
        found = base(form) if base is not None else None
        if found is not None and near([found]):
            return "bases"
    return ""


def _event_point(event: dict[str, str]) -> tuple[float, float] | None:
    try:
        return float(event["lat"]), float(event["lon"])
    except (KeyError, TypeError, ValueError):
        return None


def _within(scorer: ModuleType, point: tuple[float, float] | None, ref: RefPlace | None
            ) -> bool:
    return point is not None and ref is not None and scorer.km(point, ref.point) <= ref.tol_km


def classify_miss(verdict: dict[str, str], *, events: list[dict[str, str]],
                  refs: dict[str, RefPlace], known: str, scorer: ModuleType) -> str:
    """The cause of one MISSED verdict (see :data:`MISS_CAUSES`)."""
    why = verdict["why"]
    if why.startswith("date:"):
        return "wrong date"
    if why.startswith("actor:"):
        return "wrong actor"
    ref = refs.get(verdict["place"])
    for event in events:
        if (Path(event["source_file"]).name == verdict["file"]
                and event["event_type"] in ("capture", "assault")
                and event["event_type"] != verdict["type"]
                and _within(scorer, _event_point(event), ref)):
            return "wrong type"
    return "place known but not extracted" if known else "place unknown to the gazetteer"


def classify_false_positive(verdict: dict[str, str], event: dict[str, str] | None, *,
                            gold: list[dict[str, str]], refs: dict[str, RefPlace],
                            scorer: ModuleType) -> str:
    """The cause of one FP or FP-FORBIDDEN verdict (see :data:`FP_CAUSES`)."""
    if verdict["kind"] == "FP-FORBIDDEN":
        return FP_CAUSES[0]
    point = _event_point(event) if event is not None else None
    if point is None:
        return "no coordinates"
    here = [g for g in gold if g["file"] == verdict["file"]
            and _within(scorer, point, refs.get(g["place"]))]
    same = [g for g in here if g["event_type"] == verdict["type"]]
    if same:
        date = event.get("date", "") if event else ""
        if not any(scorer.date_ok(date, g) for g in same):
            return "wrong date"
        return "wrong actor"
    if here:
        return "wrong type"
    return "no gold event at this place"


def _event_index(events: list[dict[str, str]]) -> dict[tuple[str, ...], dict[str, str]]:
    index = {}
    for e in events:
        key = (Path(e["source_file"]).name, e["event_type"], e.get("place", ""),
               e["date"] or "-", e.get("actor", ""), _flat(e["excerpt"][:140]))
        index.setdefault(key, e)
    return index


# -- report -------------------------------------------------------------------------------

def breakdown(verdicts: list[dict[str, str]], events: list[dict[str, str]],
              gold: list[dict[str, str]], refs: dict[str, RefPlace], gaz: object,
              scorer: ModuleType) -> dict[str, object]:
    """Counts by verdict and cause, and per-file tallies, from the scorer's rows."""
    kinds = Counter(v["kind"] for v in verdicts)
    index = _event_index(events)
    misses: Counter[str] = Counter()
    known_in: Counter[str] = Counter()
    fps: Counter[str] = Counter()
    per_file: dict[str, Counter[str]] = {}
    for v in verdicts:
        per_file.setdefault(v["file"], Counter())[v["kind"]] += 1
        if v["kind"] == "MISSED":
            ref = refs.get(v["place"])
            known = place_known(gaz, ref, scorer) if ref is not None else ""
            cause = classify_miss(v, events=events, refs=refs, known=known, scorer=scorer)
            misses[cause] += 1
            if cause == "place known but not extracted":
                known_in[known] += 1
        elif v["kind"] in ("FP", "FP-FORBIDDEN"):
            key = (v["file"], v["type"], v["place"], v["date"], v["actor"], v["text"])
            fps[classify_false_positive(v, index.get(key), gold=gold, refs=refs,
                                        scorer=scorer)] += 1
    matched, missed = kinds["MATCH"], kinds["MISSED"]
    fp = kinds["FP"] + kinds["FP-FORBIDDEN"]
    emitted = matched + kinds["DUP"] + fp
    place_found = matched + misses["wrong date"] + misses["wrong actor"]
    total = matched + missed
    return {
        "gold": total, "matched": matched, "emitted": emitted, "fp": fp,
        "dups": kinds["DUP"],
        "recall": matched / total if total else 1.0,
        "precision": 1 - fp / emitted if emitted else 0.0,
        "place_recall": place_found / total if total else 1.0,
        "misses": misses, "known_in": known_in, "fps": fps, "per_file": per_file,
    }


def print_breakdown(result: dict[str, object]) -> None:
    """Print :func:`breakdown`'s figures."""
    print("\n== breakdown (from the scorer's per-row verdicts)")
    print(f"strict recall    {result['recall']:.2f}  ({result['matched']}/{result['gold']} "
          "gold events matched)")
    print(f"strict precision {result['precision']:.2f}  ({result['fp']} false positives of "
          f"{result['emitted']} captures/assaults emitted; {result['dups']} duplicates)")
    print(f"place-only recall {result['place_recall']:.2f}  (matched, or missed only on "
          "date or actor)")
    misses: Counter[str] = result["misses"]  # type: ignore[assignment]
    print(f"misses by cause ({sum(misses.values())}):")
    for cause in MISS_CAUSES:
        extra = ""
        if cause == "place known but not extracted" and misses[cause]:
            known: Counter[str] = result["known_in"]  # type: ignore[assignment]
            extra = "  [known in: " + ", ".join(f"{k} {n}" for k, n in known.items()) + "]"
        print(f"  {misses[cause]:4d}  {cause}{extra}")
    fps: Counter[str] = result["fps"]  # type: ignore[assignment]
    print(f"false positives by cause ({sum(fps.values())}):")
    for cause in FP_CAUSES:
        print(f"  {fps[cause]:4d}  {cause}")
    print("per article: matched / missed / false positives / duplicates")
    per_file: dict[str, Counter[str]] = result["per_file"]  # type: ignore[assignment]
    for name in sorted(per_file):
        c = per_file[name]
        print(f"  {name:40s} {c['MATCH']:3d} {c['MISSED']:3d} "
              f"{c['FP'] + c['FP-FORBIDDEN']:3d} {c['DUP']:3d}")


def _check_inputs(articles: Path, gold: Path, scorer: Path) -> list[str]:
    problems = []
    if not articles.is_dir():
        problems.append(f"{articles}: no such folder of articles (set REALWORLD=DIR)")
    elif not (articles / "sources.csv").is_file():
        problems.append(f"{articles}/sources.csv is missing: the scorer needs the "
                        "publication dates (file,published,outlet,title,url)")
    problems += [f"{gold / name}: missing (set GOLD=DIR)" for name in GOLD_FILES[:3]
                 if not (gold / name).is_file()]
    if not scorer.is_file():
        problems.append(f"{scorer}: the strict scorer is missing (set GOLD=DIR or SCORER=FILE)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", required=True, type=Path, help="folder of texts")
    parser.add_argument("--gold", required=True, type=Path, help="folder of the gold set")
    parser.add_argument("--rows", action="store_true", help="print every scorer row")
    parser.add_argument("--tsv", type=Path, help="also keep the scorer's rows here")
    parser.add_argument("--scorer", type=Path,
                        help="the strict scorer (default: GOLD/score_strict.py); give the "
                             "shared one for a gold set kept without it, as "
                             "tests/eval/own_set")
    args = parser.parse_args(argv)
    scorer_path = args.scorer or args.gold / "score_strict.py"
    problems = _check_inputs(args.articles, args.gold, scorer_path)
    if problems:
        for problem in problems:
            print(f"eval: {problem}", file=sys.stderr)
        return 2

    from gazetteer.extract import extract_folder
    from gazetteer.places import Gazetteer

    gaz = Gazetteer.default()
    start = time.perf_counter()
    frame, warnings = extract_folder(args.articles)
    seconds = time.perf_counter() - start
    for warning in warnings:
        print(f"eval: warning: {warning}", file=sys.stderr)
    print(f"extracted {frame.attrs.get('articles_read', 0)} articles from {args.articles} "
          f"in {seconds:.2f} s: {len(frame)} events")
    with tempfile.TemporaryDirectory(prefix="eval-realworld-") as tmp:
        events_csv, tsv = Path(tmp) / "events.csv", Path(tmp) / "rows.tsv"
        frame.to_csv(events_csv, index=False, lineterminator="\n")
        run = subprocess.run(
            [sys.executable, str(scorer_path), str(events_csv),
             *(str(args.gold / n) for n in GOLD_FILES[:3]),
             "--sources", str(args.articles / "sources.csv"), "--tsv", str(tsv)],
            capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(run.stdout + run.stderr, file=sys.stderr)
            return run.returncode
        lines = run.stdout.rstrip("\n").split("\n")
        rows = [ln for ln in lines if ln.split("\t", 1)[0] in
                ("MATCH", "MISSED", "DUP", "FP", "FP-FORBIDDEN")]
        print(f"\n== shared scorer ({scorer_path})")
        print("\n".join(rows if args.rows else []) + ("\n" if args.rows else ""), end="")
        print("\n".join(ln for ln in lines if ln not in rows))
        verdicts = read_verdicts(tsv)
        if args.tsv:
            args.tsv.write_text(tsv.read_text(encoding="utf-8"), encoding="utf-8")
        events = _read_csv(events_csv)
    scorer = load_scorer(scorer_path)
    scorer.PUBLISHED.update({r["file"]: r["published"]
                             for r in _read_csv(args.articles / "sources.csv")
                             if r.get("published")})
    result = breakdown(verdicts, events, _read_csv(args.gold / "gold.csv"),
                       load_refplaces(args.gold / "refplaces.csv"), gaz, scorer)
    print_breakdown(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
