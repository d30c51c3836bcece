"""Metrics and runners behind `necessity eval` (the data lives in top-level evals/)."""
