"""Data shown as text in Streamlit's markdown elements (warnings, captions, labels).

Streamlit renders the text of ``st.warning``, ``st.caption``, popover labels... as
markdown: a place name ``![t](https://beacon.invalid/t.png)`` in a message would load an
outside image, ``[Your session expired](https://phish.invalid)`` would be a live link.
:func:`md_text` makes any string plain text for markdown.
"""

from __future__ import annotations

import re

#: Every ASCII punctuation character: CommonMark lets a backslash make each one literal
#: (links, images, emphasis, code, headings, lists, HTML, Streamlit's ``:icon:`` and
#: ``:red[...]`` directives, ``$`` maths).
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
#: GitHub-flavoured markdown turns URLs and e-mail addresses in plain text into links after
#: escapes are read (``https\:\/\/x`` is still linked): a word joiner (U+2060, invisible,
#: no line break) after ``http``/``https``/``www`` and before ``@`` stops that.
_AUTOLINK = re.compile(r"(?i)(?<![a-z])(https?|ftp|www)(?=[:.])|(?=@)")
WORD_JOINER = "\u2060"


def md_text(value: object) -> str:
    """``value`` as text that Streamlit's markdown shows literally: every ASCII
    punctuation character backslash-escaped, and URL and e-mail openings broken by an
    invisible word joiner (the text reads the same)."""
    text = _AUTOLINK.sub(lambda m: (m.group(1) or "") + WORD_JOINER, str(value))
    return _PUNCTUATION.sub(r"\\\1", text)
