"""A synthetic news corpus for tests and benchmarks only (never for the map).

Articles are made by recombining sentence templates over the gazetteer's places in
Kachin and northern Shan and the actor aliases of ``rules/actors.toml``, with publication
days spread over 2021-2025 and event dates a few days to months before publication. The
random generator is seeded, so a corpus is reproducible. Each article comes with the
events its templates state (:class:`Expected`), so tests can measure recall.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gazetteer.articles import Article
from gazetteer.places import Gazetteer, Place
from gazetteer.ruledata import load_rules

__all__ = ["Expected", "synthetic_articles", "synthetic_corpus", "synthetic_events",
           "write_synthetic_folder"]


@dataclass(frozen=True, slots=True)
class Expected:
    """An event a synthetic article states: type, canonical place, date (ISO day)."""

    event_type: str
    place: str
    date: str
    actor: str


# {a}: an actor alias, {p}/{q}: place names as written, {d}/{e}: dates as written.
_CAPTURE = (
    "The {a} captured {p} on {d}, local sources said.",
    "On {d}, the {a} seized control of {p} after days of fighting.",
    "{p} fell to the {a} on {d}, according to residents.",
    "Fighters of the {a} took full control of {p} on {d}.",
    "The {a} overran the town of {p} on {d} and raised its flag over the police station.",
    "Residents said {p} was captured by the {a} on {d}.",
)
_LIST = ("The {a} took control of {p} on {d} and {q} on {e}.",)
_ASSAULT = (
    "Since {d} the {a} has been attacking {p}.",
    "The {a} launched an offensive on {p} on {d}.",
    "Heavy fighting broke out on {d} when the {a} attacked {p}.",
)
_PARTIAL = ("The {a} has controlled most of {p} since {d}, residents said.",)
_HELD = (
    "Refugees fled to the {a}-controlled town of {p}.",
    "{p}, now under {a} control, hosts thousands of displaced people.",
)
_NEGATED = (
    "The {a} denied that {p} had fallen.",
    "The {a} said it has no plans to attack {p}.",
    "The {a} vowed to seize {p} before the end of the year.",
    "Junta spokesmen said the {a} did not launch any new attacks on {p}.",
)
_FILLER = (
    "Thousands of civilians have been displaced by the fighting, aid groups said.",
    "China has urged all sides to return to the negotiating table.",
    "Prices of rice and fuel have risen sharply in the region.",
    "The junta has not commented on the reports.",
    "Phone and internet lines remain cut across much of the state.",
    "Analysts say control of the trade routes gives the rebels leverage.",
    "A spokesman for the group declined to give casualty figures.",
    "The fighting is part of a wider offensive launched by resistance forces in 2023.",
    "Residents said they had heard artillery fire through the night and that many families"
    " had fled to monasteries and churches in nearby villages.",
    "Humanitarian agencies warned that road closures were preventing the delivery of food"
    " and medicine to camps that already shelter tens of thousands of people.",
    "The military regime, which seized power in a coup in February 2021, has lost control"
    " of large parts of the country's borderlands over the past year.",
    "Beijing has extensive economic interests in the region, including mines, pipelines"
    " and cross-border trade worth billions of dollars a year.",
    "Local journalists said it was not possible to independently verify the claims because"
    " of restrictions on travel and communications.",
    "The group's information department said in a statement that its forces would continue"
    " to protect civilians and respect international humanitarian law.",
    "Teachers and health workers who joined the civil disobedience movement have set up"
    " schools and clinics in areas outside the junta's reach.",
    "Jade and rare earth mining, a major source of revenue for armed groups of all sides,"
    " has continued despite the fighting, according to environmental monitors.",
)
_DATE_STYLES = ("{day} {month} {year}", "{mon}. {day}", "{month} {day}, {year}",
                "{day} {month}")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def synthetic_corpus(n: int, *, seed: int = 0, gazetteer: Gazetteer | None = None
                     ) -> list[tuple[Article, tuple[Expected, ...]]]:
    """``n`` synthetic articles, each with the events its sentences state.

    Parameters
    ----------
    n : int
        Number of articles.
    seed : int
        Seed of the random generator: the same seed gives the same corpus.
    """
    gaz = gazetteer or Gazetteer.default()
    rng = random.Random(seed)
    places = sorted((p for p in gaz.places
                     if p.state in ("Kachin", "Shan (North)") and p.kind in ("town", "city")),
                    key=lambda p: p.name)
    actors = load_rules("actors.toml")["actors"]
    resistance = [("KIA", a) for a in ("KIA", "Kachin Independence Army")] + \
        [(c, c) for c in ("MNDAA", "TNLA", "AA") if c in actors]
    return [_article(i, rng, places, resistance) for i in range(n)]


def synthetic_articles(n: int, *, seed: int = 0, gazetteer: Gazetteer | None = None
                       ) -> list[Article]:
    """``n`` synthetic articles (see :func:`synthetic_corpus`), without expectations."""
    return [a for a, _ in synthetic_corpus(n, seed=seed, gazetteer=gazetteer)]


def write_synthetic_folder(folder: str | Path, n: int, *, seed: int = 0,
                           gazetteer: Gazetteer | None = None) -> list[Article]:
    """Write ``n`` synthetic articles to ``folder`` as ``synthetic_NNNNNN.txt`` files with a
    ``sources.csv`` giving each publication day (the folder is created if needed).

    Returns
    -------
    list of Article
        The articles written, in file-name order.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = synthetic_articles(n, seed=seed, gazetteer=gazetteer)
    lines = ["file,published,outlet"]
    for article in articles:
        (folder / article.file).write_text(article.text, encoding="utf-8")
        lines.append(f"{article.file},{article.published or ''},synthetic")
    (folder / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sorted(articles, key=lambda a: a.file)


def _article(i: int, rng: random.Random, places: list[Place],
             actors: list[tuple[str, str]]) -> tuple[Article, tuple[Expected, ...]]:
    published = dt.date(2021, 3, 1) + dt.timedelta(days=rng.randrange(0, 1600))
    chosen = rng.sample(places, 6)
    sentences: list[str] = []
    expected: list[Expected] = []
    kinds = ["capture", "capture", "assault", "held", "negated", "list", "partial"]
    rng.shuffle(kinds)
    for k, kind in enumerate(kinds[:rng.randint(3, 6)]):
        canon, alias = rng.choice(actors)
        p, q = chosen[k % 6], chosen[(k + 3) % 6]
        d = published - dt.timedelta(days=rng.randint(1, 120))
        e = min(d + dt.timedelta(days=rng.randint(1, 25)), published)
        fields = {"a": alias, "p": p.name, "q": q.name, "d": _write(d, rng, published),
                  "e": _write(e, rng, published)}
        if kind == "capture":
            sentences.append(rng.choice(_CAPTURE).format(**fields))
            expected.append(Expected("capture", p.name, d.isoformat(), canon))
        elif kind == "list":
            sentences.append(rng.choice(_LIST).format(**fields))
            expected += [Expected("capture", p.name, d.isoformat(), canon),
                         Expected("capture", q.name, e.isoformat(), canon)]
        elif kind == "assault":
            sentences.append(rng.choice(_ASSAULT).format(**fields))
            expected.append(Expected("assault", p.name, d.isoformat(), canon))
        elif kind == "partial":  # a capture of extent "partial": the map's contest
            sentences.append(rng.choice(_PARTIAL).format(**fields))
            expected.append(Expected("capture", p.name, d.isoformat(), canon))
        elif kind == "held":
            sentences.append(rng.choice(_HELD).format(**fields))
            expected.append(Expected("held", p.name, published.isoformat(), canon))
        else:
            sentences.append(rng.choice(_NEGATED).format(**fields))
        sentences.extend(rng.sample(_FILLER, rng.randint(2, 5)))
    paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
    article = Article(file=f"synthetic_{i:05d}.txt", text="\n\n".join(paragraphs),
                      published=published, published_basis="synthetic")
    return article, tuple(expected)


def _write(day: dt.date, rng: random.Random, published: dt.date) -> str:
    """A date as an article might write it; without a year only when it is unambiguous."""
    style = rng.choice(_DATE_STYLES)
    if "{year}" not in style and (published - day).days > 300:
        style = "{day} {month} {year}"
    month = _MONTHS[day.month - 1]
    if style.startswith("{mon}") and len(month) <= 4:
        style = style.replace("{mon}.", "{mon}")  # "May 22", "June 3": not abbreviated
    mon = month if len(month) <= 4 else month[:3]
    return style.format(day=day.day, month=month, mon=mon, year=day.year)


#: Bounding box (lat_min, lat_max, lon_min, lon_max) of Kachin and northern Shan, degrees.
_KACHIN_BOX = (22.0, 28.3, 96.0, 98.6)
_EVENT_MIX = (("capture", 4), ("assault", 4), ("held", 1), ("airstrike", 1))
_SYNTHETIC_ACTORS = ("KIA", "junta", "BGF", "MNDAA", "TNLA", "PDF")


def synthetic_events(n_events: int, n_places: int, *, seed: int = 0) -> pd.DataFrame:
    """An event table of ``n_events`` over ``n_places`` made-up places, for benchmarks.

    Places are named ``Synthetic place N`` at random points in Kachin and northern Shan;
    dates spread over 2021-02-01 .. 2025-12-31 (mostly day precision, one in ten at month
    precision). Each event's excerpt is its own one-sentence text, so
    ``excerpt[char_start:char_end]`` holds exactly as in real tables.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`gazetteer.extract.EVENT_COLUMNS`.
    """
    from gazetteer.events import EVENT_COLUMNS

    rng = random.Random(seed)
    lat0, lat1, lon0, lon1 = _KACHIN_BOX
    places = [(f"Synthetic place {i}", round(rng.uniform(lat0, lat1), 5),
               round(rng.uniform(lon0, lon1), 5)) for i in range(n_places)]
    kinds = [k for k, w in _EVENT_MIX for _ in range(w)]
    start = dt.date(2021, 2, 1)
    rows = []
    for i in range(n_events):
        name, lat, lon = places[i % n_places] if i < n_places else rng.choice(places)
        kind = rng.choice(kinds)
        actor = rng.choice(_SYNTHETIC_ACTORS)
        day = start + dt.timedelta(days=rng.randrange(0, 1794))
        month = rng.random() < 0.1
        text = f"The {actor} reported a {kind} at {name}."
        rows.append({
            "event_id": f"syn{i:07d}", "date": day.isoformat()[:7] if month else
            day.isoformat(), "date_precision": "month" if month else "day",
            "event_type": kind, "place": name, "lat": lat, "lon": lon, "actor": actor,
            "target": "", "source_file": f"synthetic_{i // 5:06d}.txt",
            "published": (day + dt.timedelta(days=3)).isoformat(), "excerpt": text,
            "char_start": 0, "char_end": len(text), "confidence": 0.8,
        })
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
