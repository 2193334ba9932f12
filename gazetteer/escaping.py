"""Text from the data made safe for HTML and for scripts (no web library).

Used by the page's wing (:mod:`gazetteer.web.render` re-exports both functions) and by the
self-contained map file (:mod:`gazetteer.mapfile`).
"""

from __future__ import annotations

import html
import json
import re

__all__ = ["escape_text", "js_json"]


def escape_text(value: object) -> str:
    """HTML-escape ``value`` for text or attribute context, backticks and ``$`` included.

    The extra entities keep a string inert even if some consumer pastes it into a
    JavaScript template literal (as folium's own ``Tooltip`` does).
    """
    text = "" if value is None else str(value)
    return (html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;")
            .replace("\\", "&#92;"))


def js_json(value: object, *, compact: bool = False) -> str:
    """``value`` as a JavaScript literal that is safe anywhere in a script.

    JSON with ``<``, ``>``, ``&``, quotes, backticks, ``$`` and line separators written as
    ``\\uXXXX`` escapes: it cannot close a ``<script>`` element, a string or a template
    literal, whatever the data holds; nor can it open a Jinja tag (a ``{`` before ``{``,
    ``%`` or ``#`` is escaped too). Keys are sorted so equal data gives equal text. The
    text is also valid JSON (``JSON.parse`` reads it back unchanged). ``compact`` drops
    the spaces after separators (about a tenth smaller for large tables).
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":") if compact else None)
    for char, escaped in _JS_ESCAPES:  # str.replace per character: far faster than translate
        if char in text:
            text = text.replace(char, escaped)
    if "{" in text:  # a "{" before "{", "%" or "#" is inside a string: JSON puts '"' there
        text = _TEMPLATE_OPENER.sub(r"\\u007b", text)
    return text


_JS_ESCAPES = tuple((c, f"\\u{ord(c):04x}") for c in "<>&'`$\u2028\u2029")
#: Jinja's delimiters: folium compiles rendered scripts as templates again.
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")
