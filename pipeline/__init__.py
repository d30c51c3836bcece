"""Necessity: citation-checked medical-necessity review drafts."""

__version__ = "0.1.0"
