"""One family of errors the user can act on. Each says what is wrong and where (the file,
the field, the store); the CLI turns any of them into "error: ..." and an exit code once,
in its command group, instead of every command listing its own exceptions."""

from __future__ import annotations


class NecessityError(Exception):
    exit_code = 2


class UsageError(NecessityError):
    """The command was asked for something it cannot do (bad option, missing file)."""
