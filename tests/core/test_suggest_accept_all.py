"""Accept all, counted rather than timed: it stores exactly what accepting each pending
suggestion in turn stores, and reads the document a fixed number of times however many
suggestions it accepts (the copies go through the import's bulk path)."""

from pathlib import Path

from annotator.core.arabic.suggest import SUGGESTIONS, accept, accept_all, pending, suggest
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project, TextSource

SAMPLE = (seeds_dir() / "000_41ac67127a0642cf.txt").read_text(encoding="utf-8")


def _project(folder: Path, name: str, text: str) -> Project:
    project = Project.create(folder / f"{name}.annotator")
    project.import_texts([TextSource(text=text, id="d", title="sample")])
    suggest(project)
    return project


def _decided_by_hand(project: Project) -> None:
    """A few suggestions accepted first: a claim (with its speaker) and a lone speaker, so
    accept-all meets copies and speakers that are there already."""
    suggestions = project.annotations("d", annotator=SUGGESTIONS)
    claims = [a for a in suggestions if a.layer == "claim" and a.link_id]
    speakers = [a for a in suggestions if a.layer == "speaker"]
    accept(project, claims[3].id, "amal")
    accept(project, speakers[-1].id, "amal")


def _work(project: Project) -> list[tuple]:
    """The annotator's work as stored, ids replaced by what they name (copies get new ids)."""
    mine = project.annotations("d", annotator="amal")
    sources = {a.id: a.sources for a in mine}
    return sorted(
        (
            a.layer,
            a.start,
            a.end,
            a.text,
            tuple(sorted(a.attributes.items())),
            a.entity.id if a.entity else None,
            sources.get(a.link_id) if a.link_id else None,
            tuple((s.target, s.value) for s in a.stances),
            a.origin,
            a.sources,
            a.revision,
        )
        for a in mine
    )


def test_accept_all_stores_what_accepting_each_in_turn_stores(tmp_path):
    one_by_one = _project(tmp_path, "one", SAMPLE)
    at_once = _project(tmp_path, "all", SAMPLE)
    for project in (one_by_one, at_once):
        _decided_by_hand(project)
    waiting = pending(one_by_one, "d", "amal")
    assert len(waiting) > 20
    made_one = [i for s in waiting for i in accept(one_by_one, s.id, "amal")]
    made_all = accept_all(at_once, "d", "amal")
    assert len(made_all) == len(made_one)
    assert _work(at_once) == _work(one_by_one)
    assert [at_once.annotation(i).sources for i in made_all] == [
        one_by_one.annotation(i).sources for i in made_one
    ]
    assert pending(at_once, "d", "amal") == []
    assert at_once.status("d", "amal") == one_by_one.status("d", "amal") == "in_progress"
    assert accept_all(at_once, "d", "amal") == []


def _queries(project: Project) -> tuple[int, int]:
    """(suggestions accepted, queries read) by accept-all on the project's document."""
    reads: list[str] = []
    project.conn.set_trace_callback(
        lambda sql: reads.append(sql) if sql.lstrip().upper().startswith("SELECT") else None
    )
    try:
        made = accept_all(project, "d", "amal")
    finally:
        project.conn.set_trace_callback(None)
    return len(made), len(reads)


def test_accept_all_reads_the_same_whatever_the_number_of_suggestions(tmp_path):
    short = _project(tmp_path, "short", SAMPLE)
    long = _project(tmp_path, "long", "\n".join([SAMPLE] * 4))
    made_short, reads_short = _queries(short)
    made_long, reads_long = _queries(long)
    assert made_long > 3 * made_short > 60
    assert reads_long == reads_short
