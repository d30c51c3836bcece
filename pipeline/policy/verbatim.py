"""The verbatim check: every node's text is looked up on its page of the plain extraction
(the text evidence is checked against), and that verbatim text is what the tree keeps."""

from __future__ import annotations

import re

from pipeline.sources.parse import normalize

_CONJ_END = re.compile(r"(?:[;,]\s*(?i:and|or)|\s(?:AND|OR)),?\s*$")

_SKIP = re.compile(r"[\s\-\u00ad‐‑]")
# A spread match: pieces of at least _PIECE characters (spaces ignored), at most _GAP
# characters apart, at most _PIECES of them.
_PIECE, _GAP, _PIECES = 12, 160, 8
# How far from a page's end (its footer) or start (its running header, a table's repeated
# header) the two halves of a text split by the page break may lie, spaces ignored.
_EDGE = 400


class PageText:
    """Each page's plain text (the one evidence is checked against), searchable with
    whitespace and hyphens ignored, since layout mode splits words ("co  nsultation")."""

    def __init__(self, pages: list[str]) -> None:
        self.pages = pages
        self.compact: list[tuple[str, list[int]]] = []
        for text in pages:
            chars, index = [], []
            for i, ch in enumerate(text):
                if not _SKIP.match(ch):
                    chars.append(ch)
                    index.append(i)
            self.compact.append(("".join(chars), index))

    def find(self, text: str, page: int) -> tuple[str, int] | None:
        """(verbatim text, page) for ``text``, on ``page`` or the next one."""
        needle = "".join(ch for ch in text if not _SKIP.match(ch))
        if not needle:
            return None
        # Case-sensitive first: "Patient meets ONE of ..." must not land on "the patient
        # meets ONE of ..." earlier on the page.
        for exact in (True, False):
            for p in (page, page + 1, page - 1):
                if not 1 <= p <= len(self.pages):
                    continue
                compact, index = self.compact[p - 1]
                hay, key = (compact, needle) if exact else (compact.lower(), needle.lower())
                at = hay.find(key)
                first = at
                while at >= 0 and self._runs_on(p, index[at + len(needle) - 1]):
                    # "reliever medication" inside "reliever medications" earlier on the
                    # page: the occurrence whose word ends where the text does
                    at = hay.find(key, at + 1)
                at = first if at < 0 else at
                if at >= 0:
                    return self.pages[p - 1][index[at] : index[at + len(needle) - 1] + 1], p
        for p in (page, page + 1):
            if 1 <= p <= len(self.pages) and self._spread(needle.lower(), p):
                return " ".join(text.split()), p
        if self._across(needle.lower(), page):
            return " ".join(text.split()), page
        return None

    def _across(self, needle: str, page: int) -> bool:
        """The text split by a page break: its longest start printed at the end of ``page``
        (before the footer) and the rest at the start of the next (after the running
        header): a criterion that a table cell carries over."""
        if page >= len(self.pages) or len(needle) < 2 * _PIECE:
            return False
        low = self.compact[page - 1][0].lower()
        end = low[-_EDGE - len(needle) :]  # the page's last lines, the footer among them
        lo, hi = 0, len(needle)
        while lo < hi:  # a start found means every shorter start is found too
            mid = (lo + hi + 1) // 2
            if needle[:mid] in end:
                lo = mid
            else:
                hi = mid - 1
        rest = needle[lo:]
        if lo < _PIECE or len(rest) < 3 or len(end) - end.rfind(needle[:lo]) - lo > _EDGE:
            return False
        return rest in self.compact[page][0].lower()[: _EDGE + len(rest)]

    def _runs_on(self, page: int, end: int) -> bool:
        """The word at ``end`` (an index into the page's text) goes on after it."""
        text = self.pages[page - 1]
        return end + 1 < len(text) and text[end].isalnum() and text[end + 1].isalnum()

    def _spread(self, needle: str, page: int) -> bool:
        """The text in order on the page in a few long pieces with little between them: a
        table cell's lines, which the plain extraction interleaves with the other columns'
        ("... or a contraindication / analogue / to corticosteroid therapy ...")."""
        low = self.compact[page - 1][0].lower()
        pos: int | None = None
        i = pieces = 0
        while i < len(needle):
            left = len(needle) - i
            start = 0 if pos is None else pos
            end = len(low) if pos is None else min(len(low), pos + _GAP + left)
            lo, hi = min(_PIECE, left), left
            if low.find(needle[i : i + lo], start, end) < 0:
                return False
            while lo < hi:  # the longest piece found from here
                mid = (lo + hi + 1) // 2
                if low.find(needle[i : i + mid], start, end) >= 0:
                    lo = mid
                else:
                    hi = mid - 1
            at = low.find(needle[i : i + lo], start, end)
            pos, i, pieces = at + lo, i + lo, pieces + 1
            if pieces > _PIECES:
                return False
        return True


def _verbatim(text: str, page: int, pages: PageText) -> tuple[str, int, bool]:
    text = _CONJ_END.sub("", text).strip()
    found = pages.find(text, page)
    if found:
        return normalize(found[0]), found[1], True
    return text, page, False
