"""Timestamps as stored in the project: UTC, ISO 8601, to the second."""

from datetime import UTC, datetime

from annotator.core.errors import Message, ValidationError


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def utc_timestamp(value: object, name: str = "time") -> str:
    """`value` as the project stores times ("2024-05-01T12:00:00+00:00", fractions of a
    second kept), when it is an ISO 8601 date and time in UTC ("Z" or an offset of zero).
    Raises ValidationError naming `name` otherwise: a time from a file is never stored as
    whatever text it holds."""
    parsed = None
    if isinstance(value, str) and len(value) <= 40 and value[:4].isdigit():
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None or parsed.utcoffset() is None or parsed.utcoffset().total_seconds():
        raise ValidationError(
            Message(
                "%1 %2 is not an ISO 8601 time in UTC (like 2024-05-01T12:00:00Z)",
                name,
                format(repr(value), ".60"),
            )
        )
    return parsed.astimezone(UTC).isoformat()
