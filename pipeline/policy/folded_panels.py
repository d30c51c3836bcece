"""A folded leaflet's panels (a landscape page in three side-by-side columns) →
its lines a panel at a time, in reading order.

pypdf's layout mode prints such a page line by line across every panel, so a panel's list
reads into the next panel's words. columns.py splits a page in two; a tri-fold brochure has
two gutters: character columns blank on nearly every line of a wide page, each with text on
both sides of it on many lines, and the panels between them filled with running text (a
table's label columns are short and stay as printed). Lines set across the gutters (a title
band, a footer) stay where they are, a run of panel lines read panel by panel between them.
"""

from __future__ import annotations

from pipeline.policy.columns import _GAP, _both, _free

_MIN_WIDTH = 150  # characters: a landscape page set small; a portrait page is narrower
_FREE_SHARE = 0.85  # of the page's text lines, blank at a gutter
_BOTH_SHARE = 0.25  # of them, text on both sides of it
_REACH = 0.6  # a panel's longest line, of the panel's width
_FILLED = 0.7  # its upper quartile line, of its longest
_PANEL_SHARE = (0.25, 0.45)  # each panel's share of the page's width


def _gutters(texts: list[str], width: int) -> list[int]:
    """The middle of each run of character columns blank on nearly every line, with text on
    both sides on many, inside the page's middle."""
    good = []
    for c in range(int(0.15 * width), int(0.85 * width)):
        free = sum(_free(x, c) for x in texts)
        both = sum(_both(x, c) for x in texts)
        good.append(free >= _FREE_SHARE * len(texts) and both >= _BOTH_SHARE * len(texts))
    runs: list[list[int]] = []
    for k, ok in enumerate(good):
        c = k + int(0.15 * width)
        if ok and runs and runs[-1][-1] == c - 1:
            runs[-1].append(c)
        elif ok:
            runs.append([c])
    return [run[len(run) // 2] for run in runs]


def _filled(texts: list[str], left: int, right: int) -> bool:
    """The panel between two cuts holds running text, not a short label column: its longest
    lines reach near the gutter, and a quarter of its lines come near its longest (ragged
    plain-language text)."""
    lengths = sorted(len(x[left:right].strip()) for x in texts if x[left:right].strip())
    if not lengths:
        return False
    longest, upper = lengths[-1], lengths[3 * len(lengths) // 4]
    return longest >= _REACH * (right - left - 2 * _GAP) and upper >= _FILLED * longest


def panel_cuts(lines: list[str]) -> list[int] | None:
    """The two gutters between a wide page's three panels, or None."""
    width = max((len(x.rstrip()) for x in lines), default=0)
    if width < _MIN_WIDTH:
        return None
    texts = [x for x in lines if x.strip()]
    cuts = _gutters(texts, width)
    if len(cuts) != 2:
        return None
    # a folded sheet's panels are alike in width; a wide table's columns are not (a drug
    # column, a wide criteria column, a narrow limits column)
    widths = [b - a for a, b in zip([0, *cuts], [*cuts, width], strict=True)]
    if not all(_PANEL_SHARE[0] * width <= w <= _PANEL_SHARE[1] * width for w in widths):
        return None
    bounds = [0, *cuts]
    inside = [x for x in texts if all(_free(x, c) for c in cuts)]
    if not all(_filled(inside, a, b) for a, b in zip(bounds, bounds[1:], strict=False)):
        return None
    return cuts


def panel_order(lines: list[str]) -> list[str]:
    """The page's lines with each run of panel lines read a panel at a time."""
    cuts = panel_cuts(lines)
    if cuts is None:
        return lines
    out: list[str] = []
    run: list[str] = []
    bounds = [0, *cuts, None]

    def flush() -> None:
        if not any(x.strip() for x in run):
            out.extend(run)
            run.clear()
            return
        for a, b in zip(bounds, bounds[1:], strict=False):
            panel = [x[a:b].rstrip() for x in run]
            shift = min((len(x) - len(x.lstrip()) for x in panel if x.strip()), default=0)
            out.extend(x[shift:] for x in panel)
            out.append("")
        run.clear()

    for raw in lines:
        if raw.strip() and not all(_free(raw, c) for c in cuts):
            flush()  # a line across the panels (a title band, a footer) ends the run
            out.append(raw)
        else:
            run.append(raw)
    flush()
    return out
