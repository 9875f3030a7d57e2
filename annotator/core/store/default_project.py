"""The project used when none is named: in the user's data folder, with the sample article and
two annotators' versions of it (`reference` and `colleague`), so review and agreement can be
tried at once; a new researcher's own annotations start empty."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from annotator.core.formats import jsonl, txt
from annotator.core.model import Entity
from annotator.core.paths import default_project_path, seeds_dir
from annotator.core.store.project import Project

SAMPLE_ANNOTATORS = {"gold": "reference", "colleague": "colleague"}  # seed file kind -> name
_ENTITY_IDS = uuid.UUID("3f1c8f5e-8a52-4f0e-9d7c-6a1b2c3d4e5f")  # namespace of the sample's ids


def sample_entities() -> list[Entity]:
    """The sample's speakers (seeds/entities.json), each with its Arabic names as aliases, so
    typing «إسماعيل قاآني» offers the entity the reference annotations use. Ids are derived
    from the names: the same in every sample project."""
    records = json.loads((seeds_dir() / "entities.json").read_text(encoding="utf-8"))
    return [
        Entity(
            id=str(uuid.uuid5(_ENTITY_IDS, record["name"])),
            name=record["name"],
            kind=record.get("kind"),
            aliases=tuple(record.get("aliases", ())),
        )
        for record in records
    ]


def open_project(path: str | Path | None = None, check_at_open_bytes: int | None = None) -> Project:
    """Open `path`, or the default project, which is created on first use
    (`check_at_open_bytes`: as `Project.open`)."""
    if path is not None:
        return Project.open(path, check_at_open_bytes)
    path = default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_sample_project(path)
    return Project.open(path, check_at_open_bytes)


def _create_sample_project(path: Path) -> None:
    # Built under another name and moved into place, so an interrupted first start never leaves
    # a half-seeded default project behind.
    building = path.with_name(f".{path.name}.{os.getpid()}.building")
    for leftover in (
        building,
        building.with_name(building.name + "-wal"),
        building.with_name(building.name + "-shm"),
    ):
        leftover.unlink(missing_ok=True)
    with Project.create(building) as project:
        project.import_texts(txt.read_articles(sorted(seeds_dir().glob("*.txt"))))
        # Before the annotations, which then find them by their English names.
        for entity in sample_entities():
            project.add_entity(entity)
        for kind, annotator in SAMPLE_ANNOTATORS.items():
            for file in sorted(seeds_dir().glob(f"*.{kind}.jsonl")):
                jsonl.import_annotations(project, file, annotator)
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        os.link(building, path)  # never replaces a default project made meanwhile
    except FileExistsError:
        pass
    finally:
        building.unlink(missing_ok=True)
