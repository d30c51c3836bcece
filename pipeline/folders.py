"""Walking a folder the operator named without leaving it.

Anyone who can write into an ingested folder or a case packet could otherwise plant a link
to a file they cannot read themselves (another patient's notes, ``/etc/passwd``, a PDF from
elsewhere) and have it read with the operator's rights. A link is followed only where it
stays inside the folder; a file named on the command line is the operator's own choice.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path``, links resolved, lies inside ``folder`` (links resolved too)."""
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def files_within(folder: Path) -> list[Path]:
    """Every regular file under ``folder``, sorted. Linked folders are not entered and a
    linked file counts only when its target is inside ``folder`` (each skip is logged)."""
    root = Path(folder).resolve()
    found: list[Path] = []
    for here, _dirs, names in os.walk(folder):  # followlinks=False: linked folders stay shut
        for name in names:
            path = Path(here) / name
            if not is_within(path, root):
                log.warning("%s: a link out of %s; not read", path, folder)
            elif path.is_file():  # not a FIFO, socket or broken link
                found.append(path)
    return sorted(found)
