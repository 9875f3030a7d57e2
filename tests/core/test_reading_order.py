"""Annotations kept in reading order while they are added, changed and removed one at a time."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.changes import ReadingOrder, reading_key
from annotator.core.model import Annotation


def annotation(n: int, start: int, length: int, layer: str, link: int | None) -> Annotation:
    return Annotation(
        id=f"a{n:03d}",
        document_id="doc",
        annotator="amal",
        layer=layer,
        start=start,
        end=start + length,
        text="x" * length,
        link_id=None if link is None else f"a{link:03d}",
    )


steps = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "replace"]),
        st.integers(0, 20),  # which annotation
        st.integers(0, 60),  # start
        st.integers(1, 25),  # length
        st.sampled_from(["speaker", "claim"]),
        st.none() | st.integers(0, 20),  # link
    ),
    max_size=60,
)


@given(steps)
def test_the_order_position_links_and_earlier_spans_follow_every_change(steps):
    order, held = ReadingOrder(), {}
    for action, n, start, length, layer, link in steps:
        new = annotation(n, start, length, layer, link)
        if action == "insert" and new.id not in held:
            order.insert(new)
            held[new.id] = new
        elif action == "remove":
            order.remove(new.id)
            held.pop(new.id, None)
        elif action == "replace" and new.id in held:
            if not order.replace(new):
                order.remove(new.id)
                order.insert(new)
            held[new.id] = new
        expected = sorted(held.values(), key=reading_key)
        assert order.items == expected
        assert all(order.row_of(a.id) == row for row, a in enumerate(expected))
        assert order.row_of("missing") == -1
        target = f"a{n:03d}"
        assert order.linking_to([target]) == sorted(
            (a for a in expected if a.link_id == target), key=lambda a: a.id
        )
        before = list(order.starting_before(start))
        assert before == [a for a in reversed(expected) if a.start < start]
        assert all(a.end - a.start <= order.longest for a in expected)


def test_a_new_version_in_the_same_place_replaces_the_old_one():
    old = annotation(1, 10, 5, "claim", None)
    order = ReadingOrder([annotation(0, 0, 3, "speaker", None), old])
    assert order.replace(annotation(1, 10, 5, "claim", 0))
    assert order.get("a001").link_id == "a000"
    assert order.linking_to(["a000"]) == [order.get("a001")]


def test_a_new_version_that_moves_is_refused_by_replace():
    order = ReadingOrder(
        [annotation(0, 0, 3, "speaker", None), annotation(1, 10, 5, "claim", None)]
    )
    assert not order.replace(annotation(0, 20, 3, "speaker", None))
    assert order.get("a000").start == 0
