"""A document's annotations held as columns: in the same order, with the same rows left out,
as reading every annotation; changes one at a time keep them so; annotations built only when
asked for."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.columns import LONG_SPAN, AnnotationColumns, Span, SpanColumns, span_of
from annotator.core.store.project import Project, TextSource
from tests.core import hostile_files as hostile

TEXT = "قال المتحدث باسم الوزارة إن الوفد وصل إلى العاصمة صباح اليوم. " * 60


def spans_of(columns: SpanColumns) -> list[Span]:
    return [columns.span(row) for row in range(len(columns))]


def reading(spans) -> list[Span]:
    return sorted(spans, key=lambda s: (s.start, -s.end, s.layer, s.id))


changes = st.lists(
    st.tuples(
        st.booleans(),  # add (True) or remove one held (False)
        st.integers(0, 400),
        st.integers(1, LONG_SPAN + 600),
        st.sampled_from(["speaker", "claim", "cue"]),
        st.sampled_from(["amal", "omar"]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(changes)
def test_columns_changed_one_at_a_time_hold_the_spans_in_reading_order(steps):
    """Adds and removals, long spans among them: the columns hold what a sorted list holds,
    the spans meeting any stretch are those of the list, and a subset is the list's part."""
    columns, held = SpanColumns(), []
    for n, (add, start, length, layer, who) in enumerate(steps):
        if add or not held:
            span = Span(f"a{n:03}", layer, who, start, start + length, 1)
            assert columns.place(span) == reading([*held, span]).index(span)
            columns.insert(span)
            held.append(span)
        else:
            gone = held.pop(start % len(held))
            assert columns.remove(gone) >= 0
        assert spans_of(columns) == reading(held)
    for start in range(0, 3000, 97):
        found = {s.id for s in columns.overlapping(start, start + 40)}
        assert found == {s.id for s in held if s.start < start + 40 and s.end > start}
    claims = columns.subset(lambda layer, who: layer == "claim" and who == "amal")
    mine = [s for s in held if (s.layer, s.annotator) == ("claim", "amal")]
    assert spans_of(claims) == reading(mine)
    for start in range(0, 3000, 211):
        found = {s.id for s in claims.overlapping(start, start + 40)}
        assert found == {s.id for s in mine if s.start < start + 40 and s.end > start}


@pytest.fixture
def article(tmp_path):
    """An article with speakers and claims of two annotators, some claims linked."""
    project = Project.create(tmp_path / "article.annotator")
    project.import_texts([TextSource(TEXT, id="article", title="article")])
    for n in range(40):
        base = n * 63
        who = "amal" if n % 3 else "omar"
        speaker = project.add_annotation("article", who, "speaker", base + 4, base + 11)
        project.add_annotation(
            "article",
            who,
            "claim",
            base + 25,
            base + 61,
            link_id=speaker.id if n % 2 else None,
            stances=[("الوفد", "favor")] if n % 5 == 0 else [],
        )
    yield project
    project.close()


def test_the_spans_of_a_document_are_its_annotations_in_reading_order(article):
    every = article.annotations("article")
    columns = article.annotation_spans("article")
    assert spans_of(columns) == [span_of(a) for a in every]
    assert article.annotations_by_id(columns.ids[10:20]) == {a.id: a for a in every[10:20]}


def test_annotations_are_built_only_for_the_rows_asked_for(article):
    """Columns of 80 annotations build one when one is read, a batch when a slice is."""
    built: list[str] = []

    def load(spans):
        built.extend(s.id for s in spans)
        return article.annotations_by_id(s.id for s in spans)

    columns = AnnotationColumns.wrap(article.annotation_spans("article"), load)
    assert len(columns.items) == 80 and built == []
    assert columns.items[5] == article.annotation(columns.ids[5])
    assert built == [columns.ids[5]]
    assert columns.items[10:13] == [article.annotation(i) for i in columns.ids[10:13]]
    assert built == [columns.ids[5], *columns.ids[10:13]]
    assert columns.get(columns.ids[40], columns.starts[40]).id == columns.ids[40]
    assert len(built) == 5


def test_damaged_rows_are_left_out_of_the_spans_as_of_the_annotations(tmp_path):
    """Rows a hand edit broke (attributes not JSON, an unknown layer, past the text's end, a
    text offset): the spans leave out what reading the annotations leaves out, and count it."""
    valid = hostile.build_valid(tmp_path / "valid.annotator")
    with Project.open(valid) as project:
        document = project.documents()[0].id
        ids = [a.id for a in project.annotations(document)]
    damaged = hostile.edited_copy(
        valid,
        tmp_path / "damaged.annotator",
        f"UPDATE annotations SET attributes = '{{not json' WHERE id = '{ids[0]}'",
        f"UPDATE annotations SET layer = 'rumour' WHERE id = '{ids[1]}'",
    )
    with Project.open(damaged) as project:
        every = project.annotations(document)
        columns = project.annotation_spans(document)
        assert spans_of(columns) == [span_of(a) for a in every]
        assert project.left_out(document) == 2
