"""Timestamps as stored in the project: UTC, ISO 8601, to the second."""

from datetime import UTC, datetime


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
