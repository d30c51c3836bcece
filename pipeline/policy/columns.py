"""A page set in two columns of text → its lines in reading order.

pypdf's layout mode prints a two-column page line by line across both columns ("Member
is 18 years ...      B. The request shows:"), so a list in the left column would read into
the right one's. Where one character column is blank on most lines of a run, near the
middle of the page, with text filling the left side up to it, the run is read as its left
column then its right one. A label table ("Population | Criteria") has a narrow left
column, so it is left as printed for the table readers.
"""

from __future__ import annotations

from statistics import median

_MIN_BOTH = 6  # lines with text on both sides of the gap, at least
_GAP = 2  # blank characters each side of the split column
_MARKS = set("•●▪■o◦-–*·")


def _free(raw: str, c: int) -> bool:
    """No text crosses column ``c`` of this line."""
    return not raw[max(0, c - _GAP) : c + _GAP].strip()


def _both(raw: str, c: int) -> bool:
    return _free(raw, c) and bool(raw[:c].strip()) and bool(raw[c:].strip())


def _filled(lefts: list[int], c: int) -> bool:
    """The left column's lines run up to the gap: most of them, or (a sidebar set off by a
    wide gutter beside short headings and paragraph ends) a quarter of them nearly reach it
    and half of them pass its middle."""
    if median(lefts) >= 0.75 * c:
        return True
    upper = sorted(lefts)[3 * len(lefts) // 4]
    return upper >= 0.85 * c and median(lefts) >= 0.5 * c


def split_column(lines: list[str]) -> int | None:
    """The character column between a page's two text columns, or None."""
    width = max((len(x.rstrip()) for x in lines), default=0)
    if width < 60:
        return None
    texts = [x for x in lines if x.strip()]
    best, best_n = None, 0
    for c in range(int(0.38 * width), int(0.62 * width) + 1):
        n = sum(_both(x, c) for x in texts)
        if n > best_n:
            best, best_n = c, n
    if best is None or best_n < max(_MIN_BOTH, 0.3 * len(texts)):
        return None
    free = sum(_free(x, best) for x in texts)
    lefts = [len(x[:best].rstrip()) for x in texts if _both(x, best)]
    # the left column's text runs up to the gap (filled lines), no short labels
    if free < 0.8 * len(texts) or not _filled(lefts, best):
        return None
    # the right column's text fills its lines too (no answers column: "Yes: go to 4")
    rights = [len(x[best:].strip()) for x in texts if _both(x, best)]
    if median(rights) < 0.6 * median(lefts):
        return None
    # a table's criteria column: its bullets sit left of the gap, their text right of it
    marks = sum(x[:best].rstrip()[-1:] in _MARKS for x in texts if _both(x, best))
    if marks > 0.2 * best_n:
        return None
    return best


def reading_order(lines: list[str]) -> list[str]:
    """The page's lines with each run of two-column lines read left column first."""
    c = split_column(lines)
    if c is None:
        return lines
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        # a side left empty on a line with text on the other is no blank line of its own
        left = [x[:c].rstrip() for x in run if x[:c].strip() or not x.strip()]
        rights = [x[c:].rstrip() for x in run if x[c:].strip() or not x.strip()]
        shift = min((len(x) - len(x.lstrip()) for x in rights if x.strip()), default=0)
        out.extend(left)
        out.append("")
        out.extend(x[shift:] for x in rights)
        run.clear()

    for raw in lines:
        if raw.strip() and not _free(raw, c):
            flush()  # a line across both columns (a title, a footer) ends the run
            out.append(raw)
        else:
            run.append(raw)
    flush()
    return out
