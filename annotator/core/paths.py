"""Where the tool finds its bundled files and the user's default project."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "arabic-news-annotator"
_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled_dir(name: str) -> Path:
    # An installed wheel carries resources/ and seeds/ inside the package; a source checkout
    # (and an editable install) has them at the repository root.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def resource_path(name: str) -> Path:
    return _bundled_dir("resources") / name


def seeds_dir() -> Path:
    return _bundled_dir("seeds")


# platformdirs is imported where a folder of the user's is asked for: a command given its project
# (`annotator export --project ...`) starts without it.


def default_project_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "default.annotator"


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME))
