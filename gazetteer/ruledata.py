"""The one loader of the rule tables in ``gazetteer/rules/*.toml``.

Word lists (month names, relative dates, actors and their aliases, event trigger phrases,
negation and intent cues) are data, not code. This module reads each file once (cached),
checks that it declares exactly the tables the code expects with values of the right
type, and raises :class:`~gazetteer.errors.DataFileError` naming the file and line of the
first problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from gazetteer.errors import DataFileError
from gazetteer.events import EVENT_TYPES as _EVENT_TYPES
from gazetteer.settings import PACKAGE_DIR

RULES_DIR = PACKAGE_DIR / "rules"

_Check = Callable[[Any], str | None]


def _str_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of strings"
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    return f"holds a value that is not a non-empty string: {bad[0]!r}" if bad else None


def _int_map(lo: int, hi: int) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return "must be a non-empty table"
        for key, v in value.items():
            if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
                return f"{key!r} must be a whole number in [{lo}, {hi}], not {v!r}"
        return None
    return check


def _choice_map(choices: tuple[str, ...]) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return "must be a non-empty table"
        for key, v in value.items():
            if v not in choices:
                return f"{key!r} must be one of {', '.join(choices)}, not {v!r}"
        return None
    return check


def _range_map(lo: int, hi: int) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return "must be a non-empty table"
        for key, v in value.items():
            ok = (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)
                  and lo <= v[0] <= v[1] <= hi)
            if not ok:
                return f"{key!r} must be [first, last] within [{lo}, {hi}], not {v!r}"
        return None
    return check


def _calendar_days(value: Any) -> str | None:
    """A table of named days: each a real [month, day] ("New Year's Eve" = [12, 31])."""
    if not isinstance(value, dict) or not value:
        return "must be a non-empty table"
    for key, v in value.items():
        ok = isinstance(v, list) and len(v) == 2 and all(
            isinstance(x, int) and not isinstance(x, bool) for x in v)
        if not ok or not 1 <= v[0] <= 12 or not 1 <= v[1] <= _MONTH_DAYS[v[0] - 1]:
            return f"{key!r} must be [month, day] naming a real day, not {v!r}"
    return None


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _offset_map(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "must be a non-empty table"
    for key, v in value.items():
        if not isinstance(v, dict) or v.get("unit") not in ("day", "week", "weekend", "month",
                                                            "year"):
            return f"{key!r} needs unit = day | week | weekend | month | year"
        if not isinstance(v.get("offset"), int):
            return f"{key!r} needs a whole-number offset"
        extra = set(v) - {"unit", "offset", "part"}
        if extra:
            return f"{key!r} has unknown key(s): {', '.join(sorted(extra))}"
        if "part" in v and v["part"] not in ("early", "mid", "late"):
            return f"{key!r}: part must be early, mid or late"
    return None


def _word_table(*required: str, optional: tuple[str, ...] = ()) -> _Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return "must be a table"
        missing = [k for k in required if k not in value]
        if missing:
            return f"missing key(s): {', '.join(missing)}"
        extra = set(value) - set(required) - set(optional)
        if extra:
            return f"unknown key(s): {', '.join(sorted(extra))}"
        for key in (*required, *optional):
            if key in value:
                problem = _str_list(value[key])
                if problem:
                    return f"{key} {problem}"
        return None
    return check


def _actors(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "must hold one table per actor"
    seen: dict[str, str] = {}
    for canon, spec in value.items():
        if not isinstance(spec, dict):
            return f"{canon!r} must be a table"
        extra = set(spec) - {"name", "aliases"}
        if extra:
            return f"{canon!r} has unknown key(s): {', '.join(sorted(extra))}"
        if not isinstance(spec.get("name"), str):
            return f"{canon!r}: name must be a string"
        problem = _str_list(spec.get("aliases"))
        if problem:
            return f"{canon!r}: aliases {problem}"
        for alias in spec["aliases"]:
            key = alias.casefold()
            if key in seen and seen[key] != canon:
                return f"alias {alias!r} of {canon!r} also names {seen[key]!r}"
            seen[key] = canon
    return None




def _generic(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be a table"
    extra = set(value) - {"sentences", "resistance", "junta", "junta_leads"}
    if extra:
        return f"has unknown key(s): {', '.join(sorted(extra))}"
    n = value.get("sentences")
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 20:
        return f"sentences must be an integer in [0, 20], not {n!r}"
    for side in ("resistance", "junta", "junta_leads"):
        problem = _str_list(value.get(side))
        if problem:
            return f"{side} {problem}"
    return None


_ACTOR_MODES = ("subject", "phrase", "adjacent", "antecedent", "recipient", "opponent")


def _triggers(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty array of [[trigger]] tables"
    allowed = {"event_type", "object", "phrases", "strict", "max_gap", "actor", "noun",
               "sites_only", "appositive", "garrison"}
    for i, spec in enumerate(value, 1):
        if not isinstance(spec, dict):
            return f"trigger {i} must be a table"
        extra = set(spec) - allowed
        if extra:
            return f"trigger {i} has unknown key(s): {', '.join(sorted(extra))}"
        if spec.get("event_type") not in _EVENT_TYPES:
            return f"trigger {i}: event_type must be one of {', '.join(_EVENT_TYPES)}"
        if spec.get("object") not in ("after", "before"):
            return f"trigger {i}: object must be 'after' or 'before'"
        if spec.get("actor", "subject") not in _ACTOR_MODES:
            return f"trigger {i}: actor must be one of {', '.join(_ACTOR_MODES)}"
        for key in ("appositive", "garrison"):
            if spec.get(key) and spec.get("object") != "before":
                return f"trigger {i}: {key} needs object = 'before'"
        for flag in ("strict", "noun", "sites_only", "appositive", "garrison"):
            if not isinstance(spec.get(flag, False), bool):
                return f"trigger {i}: {flag} must be true or false"
        gap = spec.get("max_gap", 0)
        if not isinstance(gap, int) or gap < 0:
            return f"trigger {i}: max_gap must be a whole number of characters"
        problem = _str_list(spec.get("phrases"))
        if problem:
            return f"trigger {i}: phrases {problem}"
        for phrase in spec["phrases"]:
            if phrase.count("(") != phrase.count(")") or phrase.count("[") != phrase.count("]"):
                return f"trigger {i}: unbalanced brackets in {phrase!r}"
    return None


def _confidence(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "must be a non-empty table"
    for key, v in value.items():
        if isinstance(v, dict):
            problem = _confidence(v)
            if problem:
                return f"{key}.{problem}"
        elif not isinstance(v, float | int) or isinstance(v, bool) or not -1 <= v <= 1:
            return f"{key!r} must be a number in [-1, 1], not {v!r}"
    return None


def _region(value: Any) -> str | None:
    return _word_table("state_priority", "kind_priority", "variant_states")(value)


#: file name -> {table: check}. Every table is required; no other table is allowed.
SCHEMAS: dict[str, dict[str, _Check]] = {
    "dates.toml": {
        "months": _int_map(1, 12),
        "weekdays": _int_map(0, 6),
        "weekday_words": _choice_map(("on_or_before", "before", "after")),
        "numbers": _int_map(1, 1000),
        "month_parts": _range_map(1, 31),
        "year_parts": _range_map(1, 12),
        "lone_date_words": _word_table("words"),
        "lead_words": _word_table("words", "since_words", optional=("past_words",)),
        "relative": _offset_map,
        "anchored": _offset_map,
        "holidays": _calendar_days,
        "counted": _choice_map(("anchor+", "anchor-", "published-")),
        "year_references": _choice_map(("stated", "stated+1", "stated-1", "published",
                                        "published-1", "published+1")),
        "context_words": _word_table("words"),
        "windows": _word_table("lead_words", "phrases", "sequels"),
    },
    "actors.toml": {"actors": _actors, "generic": _generic,
                    "speakers": _word_table("nouns", "verbs")},
    "events.toml": {
        "trigger": _triggers,
        "cues": _word_table("negation", "intent", "attempt", "partial", "claim",
                            optional=("hearsay", "success", "compelled", "retraction", "pause",
                                      "hypothetical", "share", "future", "subordinators",
                                      "given_up", "partly")),
        "places": _word_table("area_words", "suffix_words", "reference_words",
                              "facility_words", "site_words", "honorifics", "pronouns",
                              "list_words", "stop_forms", "not_site_words",
                              optional=("region_namesakes", "plural_sites", "road_words")),
        "clauses": _word_table("breakers", "cue_breakers", "abbreviations",
                               optional=("reporting",)),
        "region": _region,
        "limits": _int_map(0, 100),
        "confidence": _confidence,
        "words": _word_table("subject_fillers", "inside", "headquarters", "adjectival",
                             "denial", "plan", "past", "target_lead", "forces",
                             "holder_suffixes", "passive_agents", "owned", "determiners",
                             "site_references", "air_subjects",
                             "not_taken", optional=("adjectival_adverbs", "occupation",
                                                    "fire_weapons", "companions",
                                                    "loss_verbs", "goods",
                                                    "retreat_verbs")),
    },
}


@cache
def load_rules(name: str) -> Mapping[str, Any]:
    """Read and validate one rule file of ``gazetteer/rules/``.

    Parameters
    ----------
    name : str
        The file name, e.g. ``"dates.toml"``.

    Returns
    -------
    Mapping
        The parsed tables. Cached: do not modify.

    Raises
    ------
    DataFileError
        The file is missing, is not valid TOML, lacks a table the code needs, has a table
        it does not know, or holds a value of the wrong kind.
    """
    path = RULES_DIR / name
    return validate(path, SCHEMAS[name])


def validate(path: Path, schema: Mapping[str, _Check]) -> dict[str, Any]:
    """Parse ``path`` as TOML and check it against ``schema`` (table name -> check)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(path, f"cannot read rule file ({err.strerror})") from err
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        line = int(found.group(1)) if found else None
        raise DataFileError(path, f"not valid TOML: {err}", line=line) from err
    for table, check in schema.items():
        if table not in data:
            raise DataFileError(path, f"missing table [{table}]")
        problem = check(data[table])
        if problem:
            raise DataFileError(path, f"[{table}] {problem}", line=_line_of(raw, table))
    extra = set(data) - set(schema)
    if extra:
        table = sorted(extra)[0]
        raise DataFileError(path, f"unknown table [{table}]; expected: {', '.join(schema)}",
                            line=_line_of(raw, table))
    return data


def _line_of(raw: str, table: str) -> int | None:
    pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\b")
    for number, line in enumerate(raw.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def trie_pattern(phrases: Iterable[str], *, space: str = r"\s+") -> str:
    """One regex alternation matching any of ``phrases``, factored as a trie.

    Python's regex engine tries the branches of a plain alternation one by one at every
    position; factoring common prefixes ("Kan Paik Ti", "Kan Pai Ti" share "Kan Pai") makes
    a table of thousands of names cost little more than one. Longer phrases are preferred
    at each branch (a phrase's end is the last branch tried). A space in a phrase matches
    ``space``.

    Returns
    -------
    str
        A non-capturing group, e.g. ``(?:Kan\\ Pai(?:k\\ Ti|\\ Ti))``; ``(?!)`` (never
        matches) when ``phrases`` is empty.
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return "(?!)"
    return "(?:" + _trie_body(root, space) + ")"


def first_char_lookahead(phrases: Iterable[str]) -> str:
    """A lookahead ``(?=[...])`` for the first characters of ``phrases``.

    Put before a lookbehind that opens a pattern (``(?<![\\w])``), it lets the regex engine
    skip, cheaply, every position where no phrase can begin: two to three times faster
    searches for the same matches. Empty string when ``phrases`` is empty.
    """
    chars = sorted({p.split()[0][0] for p in phrases if p.split()})
    if not chars:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def _trie_body(node: dict[str, Any], space: str) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        head = space if char == " " else re.escape(char)
        branches.append(head + _trie_body(node[char], space))
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
