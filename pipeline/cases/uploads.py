"""A packet's uploaded files written to a folder of their own, safely: names reduced to a
plain base name ("../a.txt" is "a.txt"), two files that reduce to the same name both kept
("a.txt", "a (2).txt"), and on any failure no folder left behind. The web app calls this
for an upload; its extraction then reads the folder."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

ALLOWED = {".pdf", ".txt", ".md", ".json"}


class UploadError(ValueError):
    pass


def safe_name(name: str) -> str:
    """A file name with no path and only plain characters ("../x" → "x")."""
    base = Path(name.replace("\\", "/")).name
    clean = re.sub(r"[^A-Za-z0-9._() -]+", "_", base).strip(" .") or "document"
    return clean[:120]


def unique_names(names: list[str]) -> list[str]:
    """Each name made safe, and numbered where two come out the same (case-blind, as some
    file systems are)."""
    seen: set[str] = set()
    out = []
    for name in names:
        clean = safe_name(name)
        stem, suffix = Path(clean).stem, Path(clean).suffix
        candidate, n = clean, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{stem} ({n}){suffix}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def save_uploads(root: Path, files: list[tuple[str, bytes]]) -> tuple[str, Path, list[str]]:
    """(packet id, its folder, the names kept) for the files of an allowed kind; raises
    UploadError, leaving nothing behind, when none is or a write fails."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    kept = [(n, data) for n, data in files if Path(safe_name(n)).suffix.lower() in ALLOWED]
    if not kept:
        raise UploadError("upload PDFs, text or FHIR JSON files")
    pid = secrets.token_hex(8)
    folder = root / pid
    folder.mkdir(mode=0o700)
    names = unique_names([n for n, _ in kept])
    try:
        for name, (_, data) in zip(names, kept, strict=True):
            fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise UploadError(f"could not store the upload ({exc.strerror or exc})") from exc
    return pid, folder, names
