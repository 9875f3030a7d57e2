"""A process for tests/core/test_crash_safety.py to kill: runs a command of the tool, or a stream
of edits, and marks every transaction of the project's connection in a file as it happens.

    python crash_driver.py cli ARGUMENTS...             `annotator ARGUMENTS...`
    python crash_driver.py edits PROJECT SEED FROM TO   edits FROM..TO-1 of the stream SEED

With ANNOTATOR_CRASH_MARKS=FILE each outermost transaction writes `B` when BEGIN starts, `C`
when COMMIT starts and `R` on ROLLBACK, and the edit stream `D N` once edit N is stored; every
line ends with the time (time.monotonic). The marks are written before the statement runs, with
no buffering, so after a kill the file tells where the process was.

The edit stream is a pure function of its seed and the project's documents (`plan`), and
`replay` gives the annotations it leaves after any number of edits, so a test can compare the
project with what the first N edits make.
"""

from __future__ import annotations

import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, replace

ANNOTATOR = "crash"
_NAMESPACE = uuid.UUID("2f0e7c4a-9b1d-4f36-8a5e-c3d2b1a09e87")
ROLES = ("person", "organisation", "government", "anonymous", "other")
KINDS = ("direct", "indirect", "paraphrase")
STANCES = ("favor", "against", "neutral", "unclear")
TARGETS = ("إسرائيل", "المقاومة", "الحكومة", "Israel", "Hamas")
ENTITIES = ("إسماعيل هنية", "العميد قاآني", "زياد نخالة", "المتحدث باسم الوزارة")
CUES = ("قال", "أكد", "أضاف", "مشيراً")
DOCUMENTS = 6  # the edits touch the first documents of the project


@dataclass(frozen=True)
class Span:
    """An annotation as the edit stream leaves it."""

    document_id: str
    layer: str
    start: int
    end: int
    attributes: tuple[tuple[str, str], ...]
    entity: str | None = None
    link_id: str | None = None
    stances: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Edit:
    kind: str  # "add", "update" or "delete"
    id: str
    span: Span | None = None  # the annotation after the edit (None: deleted)


def texts_of(project) -> dict[str, str]:
    """The texts of the documents the edits touch: the project's first ones."""
    return {d.id: project.text(d.id) for d in project.documents()[:DOCUMENTS]}


def plan(seed: int, texts: dict[str, str], count: int) -> list[Edit]:
    """`count` edits of speakers and claims (add, update, delete) in the documents of `texts`."""
    rnd = random.Random(seed)
    documents = sorted(texts)
    state: dict[str, Span] = {}
    edits = []
    for n in range(count):
        roll = rnd.random()
        if not state or roll < 0.5:
            edit = _add(rnd, n, seed, texts, documents, state)
        elif roll < 0.8:
            edit = _update(rnd, texts, state)
        else:
            edit = Edit("delete", rnd.choice(sorted(state)))
        edits.append(edit)
        _apply(state, edit)
    return edits


def replay(edits: list[Edit]) -> dict[str, Span]:
    """The annotations the edits leave, by id."""
    state: dict[str, Span] = {}
    for edit in edits:
        _apply(state, edit)
    return state


def _apply(state: dict[str, Span], edit: Edit) -> None:
    if edit.kind == "delete":
        del state[edit.id]
        # The store sets a claim's link to NULL when its speaker goes.
        for other, span in list(state.items()):
            if span.link_id == edit.id:
                state[other] = replace(span, link_id=None)
    else:
        state[edit.id] = edit.span


def _span_in(rnd: random.Random, text: str) -> tuple[int, int]:
    start = rnd.randrange(0, len(text) - 1)
    return start, rnd.randrange(start + 1, min(len(text), start + 120) + 1)


def _stances(rnd: random.Random) -> tuple[tuple[str, str], ...]:
    targets = rnd.sample(TARGETS, rnd.randrange(0, 3))
    return tuple((target, rnd.choice(STANCES)) for target in targets)


def _add(rnd, n, seed, texts, documents, state) -> Edit:
    doc = rnd.choice(documents)
    start, end = _span_in(rnd, texts[doc])
    ann_id = str(uuid.uuid5(_NAMESPACE, f"{seed}/{n}"))
    speakers = sorted(k for k, s in state.items() if s.document_id == doc and s.layer == "speaker")
    if not speakers or rnd.random() < 0.5:
        span = Span(
            doc,
            "speaker",
            start,
            end,
            (("role", rnd.choice(ROLES)),),
            entity=rnd.choice(ENTITIES),
        )
    else:
        attributes = (("cue", rnd.choice(CUES)), ("kind", rnd.choice(KINDS)))
        span = Span(
            doc,
            "claim",
            start,
            end,
            attributes,
            link_id=rnd.choice(speakers),
            stances=_stances(rnd),
        )
    return Edit("add", ann_id, span)


def _update(rnd, texts, state) -> Edit:
    ann_id = rnd.choice(sorted(state))
    span = state[ann_id]
    start, end = _span_in(rnd, texts[span.document_id])
    if span.layer == "speaker":
        changed = replace(span, start=start, end=end, attributes=(("role", rnd.choice(ROLES)),))
    else:
        attributes = (("cue", rnd.choice(CUES)), ("kind", rnd.choice(KINDS)))
        changed = replace(span, start=start, end=end, attributes=attributes, stances=_stances(rnd))
    return Edit("update", ann_id, changed)


# ----------------------------------------------------------------------------- running


class Marks:
    def __init__(self, path: str | None):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT) if path else None

    def __call__(self, mark: str) -> None:
        if self.fd is not None:
            os.write(self.fd, f"{mark} {time.monotonic():.6f}\n".encode())

    def trace(self, sql: str) -> None:
        # Savepoints (nested blocks) are left out: only outermost transactions are marked.
        for word, mark in (("BEGIN", "B"), ("COMMIT", "C"), ("ROLLBACK", "R")):
            if sql.startswith(word):
                self(mark)


def _mark_transactions(marks: Marks) -> None:
    from annotator.core.store import project

    connect = project._connect

    def traced(path):
        conn = connect(path)
        conn.set_trace_callback(marks.trace)
        return conn

    project._connect = traced


def run_edits(path: str, seed: int, first: int, last: int, marks: Marks) -> None:
    from annotator.core.store.project import Project

    with Project.open(path) as project:
        for n, edit in enumerate(plan(seed, texts_of(project), last)[first:], start=first):
            span = edit.span
            if edit.kind == "add":
                project.add_annotation(
                    span.document_id,
                    ANNOTATOR,
                    span.layer,
                    span.start,
                    span.end,
                    attributes=dict(span.attributes),
                    entity=span.entity,
                    link_id=span.link_id,
                    stances=span.stances,
                    id=edit.id,
                )
            elif edit.kind == "update":
                project.update_annotation(
                    edit.id,
                    start=span.start,
                    end=span.end,
                    attributes=dict(span.attributes),
                    stances=span.stances,
                )
            else:
                project.delete_annotation(edit.id)
            marks(f"D {n}")


def main(argv: list[str]) -> int:
    marks = Marks(os.environ.get("ANNOTATOR_CRASH_MARKS"))
    _mark_transactions(marks)
    if argv[0] == "cli":
        from annotator.cli import main as cli

        return cli(argv[1:])
    path, seed, first, last = argv[1], *map(int, argv[2:5])
    run_edits(path, seed, first, last, marks)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
