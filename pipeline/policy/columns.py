"""A page set in two columns of text → its lines in reading order.

pypdf's layout mode prints a two-column page line by line across both columns ("Member
is 18 years ...      B. The request shows:"), so a list in the left column would read into
the right one's. Where one character column is blank on most lines of a run, near the
middle of the page, with text filling the left side up to it, the run is read as its left
column then its right one; so is a block of such lines between lines set across the page
(a form's two columns of check boxes under its section bands). A label table ("Population |
Criteria") has a narrow left column, so it is left as printed for the table readers.
"""

from __future__ import annotations

from statistics import median

from pipeline.policy.list_labels import _marker, next_label

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


def _column_runs(lines: list[str], c: int) -> bool:
    """Two-column blocks between lines set across the page (a form's section bands and
    instruction lines over two columns of check boxes): the runs of lines the gap crosses
    free hold at least ``_MIN_BOTH`` lines with text on both sides, and in each run that has
    any, most of its lines do."""
    runs: list[list[str]] = [[]]
    for raw in lines:
        if raw.strip() and not _free(raw, c):
            runs.append([])
        elif raw.strip():
            runs[-1].append(raw)
    both = [sum(_both(x, c) for x in run) for run in runs]
    held = [(n, len(run)) for n, run in zip(both, runs, strict=True) if n >= 2]
    return sum(n for n, _ in held) >= _MIN_BOTH and all(n >= 0.5 * size for n, size in held)


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
    if free < 0.8 * len(texts) and not _column_runs(lines, best):
        return None
    if not _filled(lefts, best):
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


def _blocks(run: list[str], c: int) -> tuple[list[str], list[str], list[str]]:
    """A run as (lines before its two columns, the two-column block, lines after): the
    block spans its lines with text both sides of the gap and their wrapped lines; lines
    set apart by a blank line before or after it (a section band) stand outside."""
    both = [k for k, x in enumerate(run) if _both(x, c)]
    if not both:
        return run, [], []
    start, end = both[0], both[-1] + 1
    while start > 0 and run[start - 1].strip():
        start -= 1
    while end < len(run) and run[end].strip():
        end += 1
    if not _list_goes_on(run[start:end], c):
        return run, [], []
    return run[:start], run[start:end], run[end:]


def _every_block_goes_on(lines: list[str], c: int) -> bool:
    """Each run with items on both sides of the gap reads as one list in two columns: a page
    where some do not (a two-column page whose columns hold different lists) is left whole
    rather than read half split."""
    run: list[str] = []
    for raw in [*lines, "x" * (c + _GAP + 1)]:
        if raw.strip() and not _free(raw, c):
            marked = any(_both(x, c) and _marker(x[:c].strip()) for x in run)
            if marked and not _list_goes_on(run, c):
                return False
            run = []
        else:
            run.append(raw)
    return True


def _list_goes_on(block: list[str], c: int) -> bool:
    """The right column goes on with the left column's list ("1. 2. 3." then "4. 5."), as a
    form's boxes run; side-by-side cells (a branch a column, each with its own heading or
    list starting at 1: branch_columns.py) and a header's right-hand words do not."""
    lefts = [m for x in block if (m := _marker(x[:c].strip()))]
    right = next((x[c:].strip() for x in block if x[c:].strip()), "")
    first = _marker(right)
    return first is not None and any(m[0] == first[0] and next_label(m[1], first[1]) for m in lefts)


def reading_order(lines: list[str]) -> list[str]:
    """The page's lines with each run of two-column lines read left column first."""
    c = split_column(lines)
    if c is None:
        return lines
    texts = [x for x in lines if x.strip()]
    # a page mostly in two columns splits every run; a form's blocks between lines set
    # across it split only their own lines (_column_runs)
    blocks = sum(_free(x, c) for x in texts) < 0.8 * len(texts)
    if blocks and not _every_block_goes_on(lines, c):
        return lines
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        if blocks:
            before, block, after = _blocks(run, c)
            out.extend(before)
            _columns(block, c, out)
            out.extend(after)
        else:
            _columns(run, c, out)
        run.clear()

    for raw in lines:
        if raw.strip() and not _free(raw, c):
            flush()  # a line across both columns (a title, a footer) ends the run
            out.append(raw)
        else:
            run.append(raw)
    flush()
    return out


def _columns(run: list[str], c: int, out: list[str]) -> None:
    """The run's left column, a blank line, its right column."""
    if run:
        # a side left empty on a line with text on the other is no blank line of its own
        left = [x[:c].rstrip() for x in run if x[:c].strip() or not x.strip()]
        rights = [x[c:].rstrip() for x in run if x[c:].strip() or not x.strip()]
        shift = min((len(x) - len(x.lstrip()) for x in rights if x.strip()), default=0)
        out.extend(left)
        out.append("")
        out.extend(x[shift:] for x in rights)
