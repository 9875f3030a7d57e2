"""The project used when none is named: in the user's data folder, with the sample article."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats import txt
from annotator.core.paths import default_project_path, seeds_dir
from annotator.core.project import Project


def open_project(path: str | Path | None = None) -> Project:
    """Open `path`, or the default project, which is created on first use."""
    if path is not None:
        return Project.open(path)
    path = default_project_path()
    if path.exists():
        return Project.open(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path)
    project.import_texts(txt.read_articles(sorted(seeds_dir().glob("*.txt"))))
    return project
