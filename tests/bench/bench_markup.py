"""Markup cleaning of hostile uploads (issue 14, item 1): milliseconds per KB of
:func:`gazetteer.articles.clean_text` for 4 KB to 1 MB of each adversarial pattern, and of
a normal article's text, so linear growth (a flat ms/KB column) is visible.

Before the fix, 300 KB of ``"<script>" * 37500`` took over a minute in one regex call.
Run: ``.venv/bin/python tests/bench/bench_markup.py`` (or ``make bench``).
"""

from __future__ import annotations

import time

from gazetteer.articles import clean_text
from gazetteer.settings import SEEDS_DIR

SIZES_KB = (4, 16, 64, 256, 1024)
TAIL = " The KIA captured Bhamo."


def _patterns() -> dict[str, str]:
    article = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    return {
        "normal article (seeds)": article,
        "normal article in <p> tags": "".join(f"<p>{line}</p>" for line in article.split("\n")),
        "<script> unclosed": "<p><script>",
        "<style> unclosed": "<p><style>",
        "<!-- unclosed": "<p><!--",
        "<a href=' unclosed": "<p><a href='",
        "bare <": "<p><",
        "</ and <!": "<p></<!",
        "&# entities": "<p>&#",
    }


def _text(unit: str, kb: int) -> str:
    size = kb * 1024
    return (unit * (size // len(unit) + 1))[:size - len(TAIL)] + TAIL


def _ms(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        clean_text(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    header = "pattern".ljust(28) + "".join(f"{kb:>7} KB" for kb in SIZES_KB)
    print("clean_text, ms per KB (best of 3)")
    print(header)
    worst = 0.0
    normal = 0.0
    for name, unit in _patterns().items():
        cells = []
        for kb in SIZES_KB:
            per_kb = _ms(_text(unit, kb)) / kb
            cells.append(f"{per_kb:10.4f}")
            if name.startswith("normal"):
                normal = max(normal, per_kb)
            else:
                worst = max(worst, per_kb)
        print(name.ljust(28) + "".join(cells))
    bomb = "<script>" * 37500 + TAIL
    print(f"the issue's upload, '<script>' * 37500 (300 KB): {_ms(bomb):.1f} ms")
    print(f"worst adversarial {worst:.4f} ms/KB vs normal {normal:.4f} ms/KB "
          f"({worst / normal:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
