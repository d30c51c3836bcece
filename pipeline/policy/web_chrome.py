"""A web page printed from a browser carries the browser's and the site's furniture: the
print header (date, time, page title), the URL footer with "n/N", the site's skip link and
navigation words, breadcrumbs ("Home > Providers > ..."), "Print this page | Email | Share",
"On this page:" links, "Was this page helpful?", the copyright line. None of it is policy
text: it is dropped like a running header, even on a page printed once (nothing repeats)."""

from __future__ import annotations

import re

_CHROME = re.compile(
    # the browser's print header: "12/2/25, 9:14 AM   Page title | Site"
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M\b)?"
    # the browser's print footer: the page's URL, "n/N" after it
    r"|^(?:https?://|www\.)\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?$"
    # the site's own furniture
    r"|^skip to (?:main )?content\b"
    r"|^(?:home|start)\s*[>›»]\s*\S[^>›»]*[>›»]"
    r"|^print(?: this page)?\s*\|\s*(?:e-?mail|share)\b"
    r"|^on this page\s*:"
    r"|^was this (?:page|article|information) helpful\b"
    r"|^(?:©|\(c\)|copyright\s*©?)\s*(?:\d{4}\s*[-–]\s*)?\d{4}\b.{0,160}\|",
    re.I,
)


def is_chrome(text: str) -> bool:
    """A line (whitespace collapsed) of browser or site furniture."""
    return bool(_CHROME.match(text.strip()))
