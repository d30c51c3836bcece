"""Keyed digests of the policy trees kept in the store.

A tree decides verdicts, and the store is a folder anyone with write access to it can edit
(a shared disk, a Chroma server's neighbour, a restored backup). So each tree file carries an
HMAC-SHA256 under a key that lives in the home's ``keys/policy.key`` (the settings' ``home``,
``NECESSITY_HOME``), outside the store and readable by its owner only: a tree edited in the
store no longer matches its digest and is compiled again (a compiled tree) or withheld (a
confirmed one). Whoever can write the home holds the key and is trusted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

KEY_FILE = Path("keys") / "policy.key"


def load_key(home: Path) -> bytes:
    """This home's key (the settings' ``home``), created (owner-only) the first time it is
    needed."""
    path = Path(home) / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError as exc:
        raise ValueError(f"{path}: not a policy key ({exc}); remove it to make a new one") from exc
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    return key


def digest(key: bytes, kind: str, source_id: str, data: bytes) -> str:
    """The MAC of one tree file: its kind and the PDF's sha256 are bound in, so a valid file
    copied under another policy's name or role does not verify."""
    message = b"\0".join([kind.encode(), source_id.encode(), data])
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def matches(key: bytes, kind: str, source_id: str, data: bytes, mac: str) -> bool:
    return hmac.compare_digest(digest(key, kind, source_id, data), mac.strip())


def canonical(record: dict) -> bytes:
    """A JSON record's bytes for its MAC, independent of how the file was indented."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
