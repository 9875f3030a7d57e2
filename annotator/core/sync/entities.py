"""Speaker entities in sync: an entity is shared by everyone's mentions, so any member may
add or rename one. Each side remembers the version both last agreed on (`sync_known`); a
change on one side only is taken, a change on both (a rename here and there) is a conflict
kept in `entity_conflicts` until the researcher chooses. The same new speaker met on two
copies has one id (ids follow the name), and the first version sent is taken by both."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.clock import now
from annotator.core.errors import Message, NotFoundError, ValidationError
from annotator.core.model import Entity
from annotator.core.review import conflicts
from annotator.core.store.project import Project


def entity_token(name: str, kind: str | None, aliases: str) -> str:
    return json.dumps([name, kind, aliases], ensure_ascii=False, separators=(",", ":"))


@dataclass
class EntityOutcome:
    """What a push learnt about entities, applied locally once the server committed: the
    versions both sides now hold (`known`), the server's versions taken here (`adopted`: the
    same speaker met on two copies, named alike), and conflicts (id, ours, theirs)."""

    known: list[tuple[str, str]]
    adopted: list[tuple[str, str, str | None, str]]
    conflicts: list[tuple[str, str, str]]


def push_entities(
    project: Project, conn, ids: list[str], outcome: EntityOutcome
) -> list[tuple[str, str, str]]:
    """Send entities: a new one, or one changed here only since the last exchange. One
    changed there too is a conflict, unless only its kind or aliases differ from a
    same-named one never exchanged before (the server's, the first sent, is taken)."""
    sent = []
    for entity_id in ids:
        row = project.conn.execute(
            "SELECT id, name, kind, aliases, created_at, json_array(name, kind, aliases) "
            "FROM entities WHERE id = ?",
            (entity_id,),
        ).fetchone()
        if row is None:
            continue
        ours = entity_token(*row[1:4])
        known = _known(project, "entity", entity_id)
        theirs = conn.execute(
            "SELECT name, kind, aliases FROM entities WHERE id = %s FOR UPDATE", (entity_id,)
        ).fetchone()
        sent.append(("entity", entity_id, row[5]))
        if theirs is None:
            conn.execute(
                "INSERT INTO entities (id, name, kind, aliases, created_at) "
                "VALUES (%s, %s, %s, %s, %s)",
                row[:5],
            )
        elif entity_token(*theirs) == ours:
            pass
        elif known is not None and entity_token(*theirs) == known:
            conn.execute(
                "UPDATE entities SET name = %s, kind = %s, aliases = %s WHERE id = %s",
                (*row[1:4], entity_id),
            )
        elif known is None and theirs[0] == row[1]:
            outcome.adopted.append((entity_id, *theirs))
            outcome.known.append((entity_id, entity_token(*theirs)))
            continue
        else:
            # Changed on both sides since they last agreed: keep ours here, theirs there.
            outcome.conflicts.append((entity_id, ours, entity_token(*theirs)))
            continue
        outcome.known.append((entity_id, ours))
    return sent


def _known(project: Project, kind: str, key: str) -> str | None:
    row = project.conn.execute(
        "SELECT token FROM sync_known WHERE kind = ? AND id = ?", (kind, key)
    ).fetchone()
    return row[0] if row else None


def record_entity_conflict(project: Project, entity_id: str, ours: str, theirs: str) -> int:
    cursor = project.conn.execute(
        "INSERT OR IGNORE INTO entity_conflicts (entity_id, ours, theirs, created_at) "
        "VALUES (?, ?, ?, ?)",
        (entity_id, ours, theirs, now()),
    )
    return cursor.rowcount


def apply_entity(project: Project, row: Sequence) -> int:
    entity_id, name, kind, aliases, created_at, _seq = row
    theirs = entity_token(name, kind, aliases)
    local = project.conn.execute(
        "SELECT name, kind, aliases FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    known = _known(project, "entity", entity_id)
    pending = project.conn.execute(
        "SELECT 1 FROM sync_pending WHERE kind = 'entity' AND id = ?", (entity_id,)
    ).fetchone()
    open_conflict = project.conn.execute(
        "SELECT 1 FROM entity_conflicts WHERE entity_id = ? AND resolved IS NULL", (entity_id,)
    ).fetchone()
    if local is not None and entity_token(*local) != theirs:
        # The same new speaker met on two copies (named alike, so of one id): the version
        # sent first is taken. Otherwise a change here since the last exchange (or a rival
        # never exchanged) and one there are both kept.
        met_twice = known is None and local[0] == name
        if open_conflict or ((pending or known is None) and not met_twice):
            return record_entity_conflict(project, entity_id, entity_token(*local), theirs)
    clash = project.conn.execute(
        "SELECT id FROM entities WHERE name = ? AND id != ?", (name, entity_id)
    ).fetchone()
    if clash is not None:
        return record_entity_conflict(
            project, entity_id, entity_token(*local) if local else "", theirs
        )
    project.conn.execute(
        "INSERT INTO entities (id, name, kind, aliases, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "aliases = excluded.aliases",
        (entity_id, name, kind, aliases, created_at),
    )
    project.conn.execute(
        "INSERT OR REPLACE INTO sync_known (kind, id, token) VALUES ('entity', ?, ?)",
        (entity_id, theirs),
    )
    return 0


def open_entity_conflicts(project: Project) -> list[tuple[str, Entity, Entity]]:
    """The speaker entities changed here and on the server since they last agreed, unresolved:
    (entity id, ours, theirs), theirs being the newest seen."""
    found = []
    for entity_id, ours, theirs in project.conn.execute(
        "SELECT entity_id, ours, theirs FROM entity_conflicts WHERE resolved IS NULL "
        "ORDER BY created_at, rowid"
    ).fetchall():
        found.append((entity_id, _entity(entity_id, ours), _entity(entity_id, theirs)))
    latest = {entity_id: (entity_id, ours, theirs) for entity_id, ours, theirs in found}
    return list(latest.values())


def _entity(entity_id: str, token: str) -> Entity:
    if not token:
        return Entity(entity_id, "")
    name, kind, aliases = json.loads(token)
    return Entity(entity_id, name, kind, tuple(json.loads(aliases)))


def resolve_entity_conflict(project: Project, entity_id: str, choice: str) -> None:
    """Keep our version of a speaker entity ("ours", sent at the next sync) or take the
    server's ("theirs"), in one transaction; the conflict is then closed."""
    if choice not in conflicts.CHOICES:
        raise ValidationError(Message("choose 'ours' or 'theirs', not %1", repr(choice)))
    rows = [c for c in open_entity_conflicts(project) if c[0] == entity_id]
    if not rows:
        raise NotFoundError(Message("no open conflict on speaker entity %1", repr(entity_id)))
    _, _ours, theirs = rows[0]
    with project.atomic():
        token = entity_token(theirs.name, theirs.kind, json.dumps(list(theirs.aliases)))
        if choice == "theirs":
            project.conn.execute(
                "UPDATE entities SET name = ?, kind = ?, aliases = ? WHERE id = ?",
                (theirs.name, theirs.kind, json.dumps(list(theirs.aliases)), entity_id),
            )
        else:
            project.conn.execute(
                "INSERT OR IGNORE INTO sync_pending (kind, id) VALUES ('entity', ?)",
                (entity_id,),
            )
        # Theirs is now the version both sides agreed on last: ours (if kept) follows it.
        project.conn.execute(
            "INSERT OR REPLACE INTO sync_known (kind, id, token) VALUES ('entity', ?, ?)",
            (entity_id, token),
        )
        project.conn.execute(
            "UPDATE entity_conflicts SET resolved = ? WHERE entity_id = ? AND resolved IS NULL",
            (choice, entity_id),
        )
