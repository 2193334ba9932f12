"""Place names folded for comparison: case, marks, punctuation, generic words, and the
regular variation of Burmese-English romanisation (:data:`SPELLING_RULES`).

:func:`normalize` and :func:`spelling_key` fold one name (cached, for lookups);
:func:`normalize_many` and :func:`spelling_keys` fold a table's names at once, the same
way, several times faster: the names are joined a line each and every step runs once over
the whole text (no step reaches across a line break). ``gazetteer.places`` re-exports
them; the village table (28,692 rows) is indexed through them on first use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["SPELLING_RULES", "VOICING_RULES", "normalize", "normalize_many", "spelling_key",
           "spelling_keys", "voicing_key"]

#: Regular variation of Burmese-English romanisation, as ``(regex, replacement, example)``
#: rewrites applied in this order to a name folded by :func:`normalize` with its spaces
#: removed (so "Man Ton" and "Manton", "Kut-Khaing" and "Kutkhaing" already agree). Two
#: spellings with the same result are the same name: see :func:`spelling_key`.
SPELLING_RULES: tuple[tuple[str, str, str], ...] = (
    (r"a?[iy]ne(?![aeiou])", "aing",
     "English-style 'ine'/'yne' for 'aing': Wynemaw, Winemaw, Waingmaw; Kamaine, Kamaing"),
    (r"oke(?![aeiou])", "ok", "'oke' for 'ok' closing a syllable: Mogoke, Mogok; Kyu Koke"),
    (r"ike", "aik", "English-style 'ike' for 'aik': Kanpiketi, Kan Paik Ti"),
    (r"ee", "i", "ee for i: Kan Pike Tee"),
    (r"oo", "u", "English-style oo for u: Sumpraboom, Sumprabum; Pyin Oo Lwin, Pyin U Lwin"),
    (r"(.)\1+", r"\1", "doubled letters: Pannandin, Panandin; Laukkaing, Laukaing"),
    (r"aing", "ai", "final -aing written -ai: Kut Khaing, Kutkai; Waingmaw, Waimaw"),
    (r"hs", "s", "Hs/S: Hsinbo, Sinbo"),
    (r"hp|ph", "p", "Hp/Ph/P: Hpakant, Phakant"),
    (r"hk|kh", "k", "Hk/Kh/K: Namhkam, Namkham"),
    (r"ht", "t", "Ht/T: Maw Hteik, Mawteik"),
    (r"bh", "b", "Bh/B: Bhamo, Bamo"),
    (r"h(?=[lmn])", "", "voiceless Hl/Hm/Hn: Mohnyin, Monyin"),
    (r"m(?=[bp])", "n", "m/n before b/p: Kambaiti, Kanbaiti"),
    (r"aw|au|ou|oe", "o", "aw/au/ou/oe/o: Naunghkio, Nawnghkio; Mogoung, Mogaung"),
    (r"one(?![aeiou])", "on", "'one' for 'on' before a consonant: Monekoe, Mong Ko"),
    (r"ng(?![aeiou])", "n", "ng/n closing a syllable: Mongko, Monko; Pangwa, Panwa"),
    (r"(?<=n)b", "p", "b/p after n (or ng): Kanbaiti, Kanpaiti; Nyaung Bin, Nyaung Pin"),
    (r"(?<=[pb])y(?=i)", "", "py/p, by/b before i: Shwe Nyaung Pyin, Shwe Nyaung Pin"),
    (r"ai|ay|ei", "e", "ai/ay/ei/e: Mabein, Mabain; Shin Bway Yang, Shinbweyang"),
    (r"ar(?![aeiou])", "a", "'ar' for 'a' closing a syllable: Pang War, Pangwa"),
    (r"(.)\1+", r"\1", "letters the rules above doubled: Mongngawt, Mongawt"),
)

#: Voiced and voiceless stops written for one another (Burmese has one series where English
#: hears two), as ``(letter, replacement, example)``, applied to a :func:`spelling_key`.
#: Looser than :data:`SPELLING_RULES`, so the gazetteer applies them to towns only, and only
#: where no other place has the resulting key (``Gazetteer.voicing_forms``). 'z'/'s' and
#: 'j'/'ch' are left out: they merge village names with towns (Tasai, Taze).
VOICING_RULES: tuple[tuple[str, str, str], ...] = (
    ("g", "k", "g/k: Mokok, Mogok; Takaung, Tagaung"),
    ("d", "t", "d/t: Mataya, Madaya; Tamu, Damu"),
    ("b", "p", "b/p: Bawdwin, Pawdwin"),
)


def _compile_rule(pattern: str, replacement: str) -> tuple[tuple[str, str], ...] | re.Pattern:
    """Literal alternatives ("hp|ph") become plain replacements (fast); others a regex."""
    words = pattern.split("|")
    if all(re.escape(w) == w for w in words):
        return tuple((w, replacement) for w in words)
    return re.compile(pattern)


_SPELLING = tuple((_compile_rule(rx, rep), rep) for rx, rep, _ in SPELLING_RULES)

_TRAILING_WORDS = frozenset({"town", "township", "village", "city", "tsp", "ts", "area"})
_LEADING_WORDS = frozenset({"the"})
_NON_WORD = re.compile(r"[^\w]+")
# the same steps over names a line each (ASCII): separators, then the generic words
_LINE_NON_WORD = re.compile(r"[^a-z0-9\n]+")  # lowercased ASCII: \W and "_"
_LINE_EDGE_SPACE = re.compile(r"^ | $", re.MULTILINE)
_LINE_LEADING = re.compile(rf"^(?:(?:{'|'.join(sorted(_LEADING_WORDS))}) )+", re.MULTILINE)
_LINE_TRAILING = re.compile(rf"(?: (?:{'|'.join(sorted(_TRAILING_WORDS))}))+$", re.MULTILINE)


@lru_cache(maxsize=65_536)
def normalize(text: str) -> str:
    """Fold a place name for comparison.

    Lowercases, strips diacritics ("Hpākān" -> "hpakan"), turns punctuation and
    apostrophes into spaces, squeezes whitespace, and drops a leading "the" and trailing
    generic words ("Town", "township", "village").

    Parameters
    ----------
    text : str
        A name as written.

    Returns
    -------
    str
        The folded key; may be empty.
    """
    if not text.isascii():  # ASCII has no marks to strip: the common case, kept fast
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", text.casefold()).replace("_", " ").split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=131_072)
def spelling_key(text: str) -> str:
    """The key two romanisations of one Burmese name share (see :data:`SPELLING_RULES`).

    "Kut Khaing" and "Kutkai" both give ``"kutke"``; "Naunghkio" and "Nawnghkio"
    ``"nonkio"``. The key is for comparison only, never shown. Empty for an empty name.
    """
    return _respell(normalize(text).replace(" ", ""))


def voicing_key(key: str) -> str:
    """``key`` (a :func:`spelling_key`) with :data:`VOICING_RULES` applied: "mokok" and
    "mogok" both give ``"mokok"``. For comparison only, never shown."""
    for letter, plain, _ in VOICING_RULES:
        key = key.replace(letter, plain)
    return _DOUBLED.sub(r"\1", key)


_DOUBLED = re.compile(r"(.)\1+")


def normalize_many(texts: Iterable[str]) -> list[str]:
    """:func:`normalize` of each of ``texts``, in order (not cached)."""
    folded = _normalized_lines(list(texts))
    return [] if folded is None else folded.split("\n")


def spelling_keys(texts: Iterable[str]) -> list[str]:
    """:func:`spelling_key` of each of ``texts``, in order (not cached)."""
    folded = _normalized_lines(list(texts))
    return [] if folded is None else _respell(folded.replace(" ", "")).split("\n")


def _normalized_lines(texts: list[str]) -> str | None:
    """The normalized texts, a line each (None for none). Names that are not ASCII, or
    hold a line break, are folded one by one by :func:`normalize`."""
    if not texts:
        return None
    joined = "\n".join(texts)
    if joined.isascii() and joined.count("\n") == len(texts) - 1:
        return _fold_lines(joined)
    plain = [t.isascii() and "\n" not in t for t in texts]
    batch = iter(_fold_lines("\n".join(t for t, ok in zip(texts, plain, strict=True) if ok))
                 .split("\n"))
    return "\n".join(next(batch) if ok else normalize(t)
                     for t, ok in zip(texts, plain, strict=True))


def _fold_lines(text: str) -> str:
    """:func:`normalize` of each line of ASCII ``text``, in one pass a step."""
    folded = _LINE_EDGE_SPACE.sub("", _LINE_NON_WORD.sub(" ", text.lower()))
    return _LINE_TRAILING.sub("", _LINE_LEADING.sub("", folded))


def _respell(key: str) -> str:
    """Apply :data:`SPELLING_RULES` in order to folded text (one key, or keys a line
    each: every rule stays within a line)."""
    for rule, replacement in _SPELLING:
        if isinstance(rule, tuple):
            for word, plain in rule:
                key = key.replace(word, plain)
        else:
            key = rule.sub(replacement, key)
    return key


