"""Data shown as text in Streamlit's markdown elements (warnings, captions, labels).

Streamlit renders the text of ``st.warning``, ``st.caption``, popover labels... as
markdown: a place name ``![t](https://beacon.invalid/t.png)`` in a message would load an
outside image, ``[Your session expired](https://phish.invalid)`` would be a live link.
:func:`md_text` makes any string plain text for markdown.
"""

from __future__ import annotations

import re

#: Every ASCII punctuation character: CommonMark lets a backslash make each one literal,
#: which also breaks autolinks (``https\:``, ``www\.``) and Streamlit's ``:icon:`` and
#: ``:red[...]`` directives.
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def md_text(value: object) -> str:
    """``value`` as text that Streamlit's markdown shows literally: every ASCII
    punctuation character backslash-escaped (the text reads the same)."""
    return _PUNCTUATION.sub(r"\\\1", str(value))
