"""Turning untrusted bytes and names into clean article text, in linear time.

* :func:`decode_bytes`: UTF-8 (a byte-order mark dropped), or UTF-16/32 when a byte-order
  mark (or the NUL bytes of UTF-16 text without one) says so and the result reads as text;
  otherwise UTF-8 with undecodable bytes replaced by U+FFFD and a warning.
* :func:`safe_name`: a file name as printable text (undecodable bytes as ``\\xe9``).
* :func:`replace_surrogates`: lone surrogate code points (not Unicode text) become U+FFFD,
  one for one, so offsets hold.
* :func:`clean_text`: line ends normalised and stray HTML removed (``<script>``/``<style>``
  blocks and comments dropped, block tags made line breaks, entities unescaped) in one
  pass whose cost is linear in the text's length, whatever markup it holds: thousands of
  unclosed ``<script>`` tags cost no more than plain text (Python's own ``html.parser`` is
  quadratic on such input before 3.11.13).
"""

from __future__ import annotations

import codecs
import html
import re

__all__ = ["clean_text", "decode_bytes", "replace_surrogates", "safe_name"]

_MARKUP = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z][\w:-]*|!--)[^<>]*>")
#: One tag: its name and attributes never cross another ``<`` (so a failed attempt costs
#: at most the distance to the next ``<``, and cleaning stays linear in the text's length).
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^<>]*)?/?>")
_DECLARATION = re.compile(r"<![a-zA-Z][^<>]*>")
_BLOCK_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
_BREAK_NAMES = frozenset({"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                          "blockquote", "section", "article"})
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def clean_text(text: str) -> str:
    """Normalise line ends, drop a BOM and strip stray HTML markup (see module notes).

    Time and memory are linear in the length of ``text``, whatever markup it holds
    (thousands of unclosed ``<script>`` or ``<!--`` cost no more than plain text).
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _MARKUP.search(text):
        text = _BLANK_RUN.sub("\n\n", _strip_markup(text))
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text.replace("\xa0", " ")


class _NextMatch:
    """Where a pattern next matches at or after a position, for positions that only grow.

    Remembers its last answer, so a scan that asks again and again (thousands of unclosed
    ``<script>`` tags all looking for ``</script>``) reads each character once in total.
    """

    def __init__(self, text: str, pattern: re.Pattern[str] | str) -> None:
        self._text = text
        self._pattern = pattern
        self._asked_from = -1
        self._found: tuple[int, int] | None = None

    def at_or_after(self, pos: int) -> tuple[int, int] | None:
        """(start, end) of the first match starting at ``pos`` or later; None when none."""
        if self._asked_from >= 0 and self._asked_from <= pos and (
                self._found is None or self._found[0] >= pos):
            return self._found
        if isinstance(self._pattern, str):
            at = self._text.find(self._pattern, pos)
            self._found = None if at < 0 else (at, at + len(self._pattern))
        else:
            m = self._pattern.search(self._text, pos)
            self._found = None if m is None else m.span()
        self._asked_from = pos
        return self._found


def _strip_markup(text: str) -> str:
    """Drop tags, comments, declarations and ``<script>``/``<style>`` blocks in one pass.

    Block tags (``<p>``, ``<br>``, ...) become line breaks. An unclosed comment, script or
    style block loses only its opening tag: the article's words after it are kept.
    """
    out: list[str] = []
    comment_end = _NextMatch(text, "-->")
    block_end = {name: _NextMatch(text, pat) for name, pat in _BLOCK_END.items()}
    pos = 0
    while True:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:lt])
        pos = lt + 1
        if text.startswith("<!--", lt):
            found = comment_end.at_or_after(lt + 4)
            if found is not None:
                pos = found[1]
                continue
        elif (decl := _DECLARATION.match(text, lt)) is not None:
            pos = decl.end()
            continue
        tag = _TAG.match(text, lt)
        if tag is None:
            out.append("<")
            continue
        pos = tag.end()
        name = tag.group(2).lower()
        if name in block_end and not tag.group(1):
            found = block_end[name].at_or_after(pos)
            if found is not None:
                pos = found[1]
        elif name in _BREAK_NAMES:
            out.append("\n")


_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_name(name: str) -> str:
    """``name`` as printable Unicode text: undecodable bytes of a file name (lone
    surrogates, as :mod:`os` returns them) become ``\\xe9``-style escapes."""
    name = str(name)
    if not _SURROGATE.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def replace_surrogates(name: str, text: str, notes: list[str]) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (one for one), and a note
    naming ``name`` in ``notes`` when there was any."""
    count = len(_SURROGATE.findall(text))
    if not count:
        return text
    notes.append(f"{name}: {count} lone surrogate code point(s) are not Unicode text; "
                 "replaced with U+FFFD")
    return _SURROGATE.sub("\ufffd", text)


#: Byte-order marks of UTF-32 and UTF-16 (UTF-32 first: its LE mark begins like UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(name: str, raw: bytes) -> tuple[str, tuple[str, ...]]:
    """Text of ``raw``: UTF-8, or UTF-16/32 when a byte-order mark (or the NUL bytes of
    UTF-16 text without one) says so and the result reads as text; else UTF-8 with
    undecodable bytes replaced by U+FFFD and a warning."""
    wide = _decode_wide(name, raw)
    if wide is not None:
        return wide
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        text = raw.decode("utf-8-sig", errors="replace")
        return text, (f"{name}: not valid UTF-8 (first bad byte at offset {err.start}); "
                      "undecodable bytes replaced with U+FFFD",)


def _decode_wide(name: str, raw: bytes) -> tuple[str, tuple[str, ...]] | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _plausible(raw, codec)
            return None if text is None else (text, ())
    if len(raw) >= 4 and raw.count(0) * 4 > len(raw):
        odd_zeros = raw[1::2].count(0) > raw[0::2].count(0)
        codec = "utf-16-le" if odd_zeros else "utf-16-be"
        text = _plausible(raw, codec)
        if text is not None:
            return text, (f"{name}: no byte-order mark, but the bytes are {codec.upper()} "
                          "text; decoded as such",)
    return None


def _plausible(raw: bytes, codec: str) -> str | None:
    """``raw`` decoded by ``codec`` when that gives readable text (mostly alphabetic
    scripts, punctuation and spaces, as an English or Burmese article is), else None."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    text = text.lstrip("\ufeff")
    readable = sum(1 for c in text if c < "\u3000" and c != "\x00")
    return text if text and readable >= 0.9 * len(text) else None
