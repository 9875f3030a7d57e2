"""What suggestions learn from a project: the suggestions researchers rejected, the cue words
they used on their own claims, and their edits of the project's cue list (tables of format 5).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from annotator.core.clock import now
from annotator.core.errors import Message, ValidationError
from annotator.core.store.integrity import row_ok


@dataclass(frozen=True)
class ProjectCue:
    """One entry of a project's cue list. `learned`: a researcher used it as the `cue` of a
    claim of their own; `added`: written into the list by hand; `used`: suggestions read it
    (False when switched off in the list)."""

    cue: str
    learned: bool
    added: bool
    used: bool


class SuggestionMemory:
    """Mixed into `Project`: `conn` is its connection, `atomic` its transaction."""

    conn: sqlite3.Connection

    # ------------------------------------------------------------------ rejections

    def remember_rejection(
        self, suggestion_id: str, document_id: str, layer: str, start: int, end: int, text: str,
        annotator: str,
    ) -> None:  # fmt: skip
        """Record that `annotator` rejected a suggestion (inside the caller's transaction)."""
        self.conn.execute(
            'INSERT OR REPLACE INTO rejected_suggestions (id, document_id, layer, start, "end", '
            "text, annotator, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (suggestion_id, document_id, layer, start, end, text, annotator, now()),
        )

    def rejected_suggestions(self, document_id: str) -> set[str]:
        """The ids of the suggestions of a document that were ever rejected."""
        rows = self.conn.execute(
            "SELECT id FROM rejected_suggestions WHERE document_id = ? AND "
            + row_ok("rejected_suggestions"),
            (document_id,),
        )
        return {row[0] for row in rows}

    # ------------------------------------------------------------------ cues

    def learned_cues(self, claim_layer: str, excluded: str) -> set[str]:
        """The `cue` attributes of the claims of every annotator but `excluded` (the
        suggestions' own annotator): what researchers wrote or kept as the cue."""
        rows = self.conn.execute(
            "SELECT DISTINCT json_extract(a.attributes, '$.cue') FROM annotations a "
            "JOIN annotators n ON n.id = a.annotator_id "
            "WHERE a.layer = ? AND n.name != ? AND json_valid(a.attributes) "
            "AND json_type(a.attributes, '$.cue') = 'text'",
            (claim_layer, excluded),
        )
        return {" ".join(row[0].split()) for row in rows if row[0] and row[0].strip()}

    def cue_edits(self) -> dict[str, str]:
        """The hand edits of the cue list: cue -> "added" or "removed"."""
        rows = self.conn.execute(
            "SELECT cue, state FROM project_cues WHERE " + row_ok("project_cues")
        )
        return {cue: state for cue, state in rows}

    def edit_cue(self, cue: str, state: str | None, annotator: str) -> None:
        """Add a cue word by hand ("added"), switch one off ("removed") or drop the edit
        (None), in one transaction. Raises ValidationError for an empty cue or another
        state."""
        self.edit_cues({cue: state}, annotator)

    def edit_cues(self, edits: Mapping[str, str | None], annotator: str) -> None:
        """Several `edit_cue`s as one transaction (a dialog's OK): all or none."""
        clean: dict[str, str | None] = {}
        for cue, state in edits.items():
            words = " ".join(cue.split())
            if not words:
                raise ValidationError("a cue needs at least one letter")
            if state not in ("added", "removed", None):
                raise ValidationError(
                    Message("unknown cue state %1: added, removed or none", repr(state))
                )
            clean[words] = state
        with self.atomic():  # type: ignore[attr-defined]
            for cue, state in clean.items():
                if state is None:
                    self.conn.execute("DELETE FROM project_cues WHERE cue = ?", (cue,))
                else:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO project_cues (cue, state, annotator, "
                        "modified_at) VALUES (?, ?, ?, ?)",
                        (cue, state, annotator, now()),
                    )
